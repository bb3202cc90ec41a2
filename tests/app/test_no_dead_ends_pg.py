"""Issue 19's ways out, enforced by PostgreSQL itself (migration 0020), tried in plain SQL
as the real logins, with the audit event the use case would write: the control panel
cancels an accepted request only while no work is logged, and may withdraw the pending
variation with it; technicians and finance still may not cancel after acceptance."""

from __future__ import annotations

import psycopg
import pytest

from app.services import variations
from tests.app.test_misuse_pg import _superuser
from tests.app.test_privileges_pg import Site, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres

EVENT = "SELECT rit_log('request_cancelled', {n}, NULL, '{{}}', 'portal', NULL)"


def _state(where: Site, number: int) -> str:
    with _superuser(where) as conn:
        row = conn.execute("SELECT state FROM requests WHERE id = %s", (number,)).fetchone()
    assert row is not None
    return str(row[0])


def _cancel(where: Site, key: str, number: int) -> str:
    """Cancel in plain SQL with the event: '' if refused."""
    with where.connect(key) as conn:
        try:
            conn.execute(f"UPDATE requests SET state = 'cancelled' WHERE id = {number}")
            conn.execute(EVENT.format(n=number))
            conn.commit()
        except psycopg.Error as exc:
            conn.rollback()
            return "" if exc.sqlstate == "42501" else repr(exc)
    return "done"


def test_the_portal_cancels_an_accepted_request_without_work(site: Site) -> None:  # noqa: F811
    number, _ = site.accepted("tech")
    proposal = variations.propose_variation(site.trusted, site.users["tech"], number,
                                            amount="500", reason="more")
    withdraw = f"UPDATE variations SET state = 'withdrawn' WHERE id = {proposal.id}"
    with site.connect("portal") as conn:
        conn.execute(withdraw)  # the pending variation first, while the request is open
        conn.execute(f"UPDATE requests SET state = 'cancelled' WHERE id = {number}")
        conn.execute(EVENT.format(n=number))
        conn.commit()
    assert _state(site, number) == "cancelled"


def test_the_portal_may_not_cancel_once_work_is_logged(site: Site) -> None:  # noqa: F811
    number = site.in_progress("tech")
    assert _cancel(site, "portal", number) == ""
    assert _state(site, number) == "in_progress"


@pytest.mark.parametrize("key", ["tech", "fin"])
def test_only_a_team_lead_cancels_for_the_department(site: Site, key: str) -> None:  # noqa: F811
    number = site.in_progress("tech")
    assert _cancel(site, key, number) == ""
    assert _state(site, number) == "in_progress"
    assert _cancel(site, "lead", number) == "done"
    assert _state(site, number) == "cancelled"


@pytest.mark.parametrize("kind", ["credit_still_missing", "credit_missing_more"])
def test_the_credit_notices_are_the_servers_own(site: Site, kind: str) -> None:  # noqa: F811
    """What a customer is told about money comes from the server's functions only."""
    number = site.taken("tech")
    with site.connect("lead") as conn:
        conn.execute(f"SELECT id FROM requests WHERE id = {number} FOR UPDATE")
        with pytest.raises(psycopg.Error) as refused:
            conn.execute(f"SELECT rit_tell('{kind}', {number}, NULL, '{{}}', NULL)")
        conn.rollback()
    assert refused.value.sqlstate == "42501"
