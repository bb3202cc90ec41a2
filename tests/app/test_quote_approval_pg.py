"""PostgreSQL decides who approves a quote above the technicians' send limit (migration
0016): tried as the real logins of each role, through the app and in plain SQL.

The module has a database and logins of its own (tests/app/test_privileges_pg.py's site).
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from app.domain import permissions
from app.domain.errors import PermissionDenied
from app.services import quotes, requests
from tests.app import test_privileges_pg as priv

pytestmark = pytest.mark.postgres

site = priv.site  # this module's own database and logins
Site = priv.Site


def submitted(site: Site, by: str = "tech") -> tuple[int, int]:
    """A request of ``by`` with a quote of 1,500.00 net submitted for approval."""
    number, quote = site.draft(by, net="1500")
    quotes.submit_quote(site.login(by), site.users[by], quote)
    return number, quote


def state(site: Site, quote: int) -> tuple[str, Any, Any]:
    with site.trusted.read() as session:
        row = session.execute(text("SELECT state, sent_at, pdf_sha256 FROM quotes WHERE id = :q"),
                              {"q": quote}).one()
    return row.state, row.sent_at, row.pdf_sha256


def refused(site: Site, key: str, statement: str) -> str:
    """Run ``statement`` as ``key``'s login: refused with a permission error (its text)."""
    with site.connect(key) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege) as info:
        conn.execute(statement)
    return str(info.value)


def test_the_lifecycle_by_the_real_logins(site: Site) -> None:
    number, quote = submitted(site)
    assert state(site, quote)[0] == "submitted"
    lead = site.login("lead")
    returned = quotes.return_quote(lead, site.users["lead"], quote, "Too dear")
    assert (returned.state, returned.returned_by) == ("draft", site.users["lead"])
    assert quotes.submit_quote(site.login("tech"), site.users["tech"], quote).state == "submitted"
    sent = quotes.approve_quote(lead, site.users["lead"], quote)
    assert sent.state == "sent" and sent.pdf_sha256
    assert requests_state(site, number) == "quoted"


def requests_state(site: Site, number: int) -> str:
    with site.trusted.read() as session:
        return str(session.scalar(text("SELECT state FROM requests WHERE id = :n"),
                                  {"n": number}))


def test_a_technicians_direct_approval_is_refused(site: Site) -> None:
    """psql as the technician: ``UPDATE quotes SET state = 'sent'`` on a quote above the
    limit, submitted or still a draft, is refused and nothing changes."""
    _number, quote = submitted(site)
    message = refused(site, "tech", f"UPDATE quotes SET state = 'sent', sent_at = now() "
                                    f"WHERE id = {quote}")
    assert "only a team lead or an admin approves" in message
    refused(site, "tech", f"UPDATE quotes SET state = 'draft' WHERE id = {quote}")
    assert state(site, quote) == ("submitted", None, None)
    _number, draft = site.draft("tech", net="1500")
    assert "send limit" in refused(site, "tech", f"UPDATE quotes SET state = 'sent' "
                                                 f"WHERE id = {draft}")
    assert state(site, draft)[0] == "draft"


def test_a_submitted_quote_is_frozen(site: Site) -> None:
    """What the lead approves is what was submitted: its lines and amounts stay put."""
    _number, quote = submitted(site)
    refused(site, "tech", f"UPDATE quotes SET net_cents = 100, vat_cents = 22, "
                          f"total_cents = 122 WHERE id = {quote}")
    refused(site, "tech", f"UPDATE quote_lines SET unit_price_cents = 100 WHERE quote_id = {quote}")
    refused(site, "tech", f"DELETE FROM quotes WHERE id = {quote}")
    refused(site, "lead", f"UPDATE quotes SET net_cents = 100 WHERE id = {quote}")
    refused(site, "tech", f"UPDATE quotes SET return_reason = 'ok' WHERE id = {quote}")
    assert state(site, quote)[0] == "submitted"


@pytest.mark.parametrize("key", ["tech", "fin", "portal"])
def test_the_database_refuses_an_approval_without_the_apps_checks(
        site: Site, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    """A patched app (its own checks off) signed in as a technician, finance or the
    control panel: the database refuses the approval and the return."""
    _number, quote = submitted(site)
    monkeypatch.setattr(permissions, "check", lambda *args, **kwargs: None)
    monkeypatch.setattr(permissions, "check_send_limit", lambda *args, **kwargs: None)
    actor = site.users["tech"] if key == "portal" else site.users[key]
    station = site.login(key)
    with pytest.raises(PermissionDenied):
        quotes.approve_quote(station, actor, quote)
    with pytest.raises(PermissionDenied):
        quotes.return_quote(station, actor, quote, "no")
    assert state(site, quote) == ("submitted", None, None)


def test_a_lead_and_an_admin_approve_in_plain_sql_too(site: Site) -> None:
    """The guard lets a team lead's (and an admin's) own SQL make the transition."""
    for key in ("lead", "admin"):
        _number, quote = submitted(site)
        with site.connect(key) as conn:
            conn.execute(f"UPDATE quotes SET state = 'draft', return_reason = 'x', "
                         f"returned_at = now(), returned_by_id = rit_me() WHERE id = {quote}")
        assert state(site, quote)[0] == "draft"


def test_declining_withdraws_a_submitted_quote(site: Site) -> None:
    number, quote = submitted(site)
    requests.decline_request(site.login("lead"), site.users["lead"], number, reason="No")
    assert state(site, quote)[0] == "withdrawn"
