"""Cancelling charging the work done (migration 0023), enforced by PostgreSQL and tried
as the real logins: only a team lead's or an admin's login may call
``rit_cancel_charging``; no login can make a request end cancelled with a charge in
plain SQL (the charge, the ledger, the event and the notice that tell of it are the
server's own); the refusals of the function itself."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from app.domain.errors import PermissionDenied, StateError
from app.services import queries, variations
from app.services.cancel_charging import cancel_charging_work
from tests.app.test_misuse_pg import _superuser
from tests.app.test_privileges_pg import Site, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres

CALL = "SELECT * FROM rit_cancel_charging({n}, 'moved away')"


def _row(where: Site, sql: str, *params: Any) -> tuple[Any, ...]:
    with _superuser(where) as conn:
        row = conn.execute(sql, params).fetchone()
    assert row is not None
    return tuple(row)


def _money(where: Site, number: int) -> tuple[Any, ...]:
    """The request's state and what stands charged on it."""
    return _row(where, "SELECT r.state, (SELECT count(*) FROM charges c WHERE c.request_id = r.id),"
                " (SELECT count(*) FROM ledger_entries l WHERE l.reference = "
                "'RIT-' || lpad(r.id::text, 6, '0')) FROM requests r WHERE r.id = %s", number)


def _refused(where: Site, key: str, *statements: str) -> str:
    """The SQLSTATE the login ``key`` gets for ``statements`` in one transaction."""
    with where.connect(key) as conn:
        try:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        except psycopg.Error as exc:
            conn.rollback()
            return str(exc.sqlstate)
    return "done"


def test_a_team_leads_login_cancels_charging_the_work(site: Site) -> None:  # noqa: F811
    number = site.in_progress("tech")
    agreed = variations.propose_variation(site.trusted, site.users["tech"], number,
                                          amount="200", reason="less")
    variations.agree_variation(site.trusted, agreed.id)
    result = cancel_charging_work(site.login("lead"), site.users["lead"], number,
                                  reason="moved away")
    assert (result.net, result.total) == (Decimal("200.00"), Decimal("244.00"))
    assert _money(site, number) == ("cancelled", 1, 1)
    detail = queries.request_detail(site.trusted, number)
    assert detail.history[-1].action == "request_cancelled_charged"
    assert detail.history[-1].actor == site.users["lead"]
    # closed for good, and exactly once
    assert _refused(site, "lead", f"UPDATE requests SET state = 'in_progress' WHERE id = {number}"
                    ) == "42501"
    with pytest.raises(StateError):
        cancel_charging_work(site.login("lead"), site.users["lead"], number, reason="again")
    assert _money(site, number) == ("cancelled", 1, 1)


@pytest.mark.parametrize("key", ["tech", "fin", "portal"])
def test_only_leads_may_call_it(site: Site, key: str) -> None:  # noqa: F811
    number = site.in_progress("tech")
    assert _refused(site, key, CALL.format(n=number)) == "42501"
    assert _money(site, number) == ("in_progress", 0, 0)


def test_the_services_say_who_may_not(site: Site) -> None:  # noqa: F811
    number = site.in_progress("tech")
    with pytest.raises(PermissionDenied):
        cancel_charging_work(site.login("tech"), site.users["tech"], number, reason="no")
    assert _money(site, number) == ("in_progress", 0, 0)


def test_a_fixed_price_request_without_an_agreed_variation_is_refused(
        site: Site) -> None:  # noqa: F811
    number = site.in_progress("tech")
    with pytest.raises(StateError, match="fixed-price with no agreed variation"):
        cancel_charging_work(site.login("lead"), site.users["lead"], number, reason="no")
    assert _money(site, number) == ("in_progress", 0, 0)


def test_no_login_forges_it_in_plain_sql(site: Site) -> None:  # noqa: F811
    """Cancelled (allowed to a lead, with its event) and a charge, an event or a notice
    saying work was charged: each refused."""
    number = site.in_progress("tech")
    customer, quote = _row(site, "SELECT r.customer_id, q.id FROM requests r JOIN quotes q "
                           "ON q.request_id = r.id AND q.state = 'accepted' WHERE r.id = %s",
                           number)
    lead = _row(site, "SELECT id FROM staff WHERE username = %s", site.users["lead"])[0]
    lock = f"SELECT id FROM requests WHERE id = {number} FOR UPDATE"
    cancel = f"UPDATE requests SET state = 'cancelled' WHERE id = {number}"
    event = f"SELECT rit_log('request_cancelled', {number}, NULL, '{{}}', NULL, NULL)"
    charge = ("INSERT INTO charges (request_id, customer_id, quote_id, kind, billable_minutes, "
              f"capped, net_cents, vat_cents, total_cents, created_at, created_by_id) VALUES "
              f"({number}, {customer}, {quote}, 'fixed', 60, false, 100, 22, 122, now(), {lead})")
    forged_event = (f"SELECT rit_log('request_cancelled_charged', {number}, NULL, "
                    "'{\"total\": \"122.00\"}', NULL, NULL)")
    forged_notice = (f"SELECT rit_tell('cancelled_charged', {number}, NULL, "
                     "'{\"total\": \"122.00\"}', NULL)")
    for key in ("lead", "admin"):
        assert _refused(site, key, cancel, event, charge) == "42501"
        assert _refused(site, key, lock, forged_event) == "42501"
        assert _refused(site, key, lock, forged_notice) == "42501"
        assert _refused(site, key, "SELECT * FROM rit_cancel_charging("
                        f"{number}, 'x', NULL, NULL, NULL, NULL, NULL, now()::timestamp)"
                        ) == "42501"  # a charge is dated by the database
    assert _money(site, number) == ("in_progress", 0, 0)
    # the plain cancel with its event stays allowed to a lead: nothing charged
    assert _refused(site, "lead", cancel, event) == "done"
    assert _money(site, number) == ("cancelled", 0, 0)

