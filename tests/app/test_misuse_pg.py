"""PostgreSQL enforces the lifecycle, not only who writes: the misuse matrix.

Issue 16's attacks, tried in plain SQL (psycopg) as the real logins of each role and of
the control panel: rows that mean what the services would never write (a variation
INSERTed as agreed, a quote as accepted, a request as in progress), work rewritten after
the charge, ``closed_at`` and the quote totals moved by hand, notices and audit events
written by hand. Each statement runs in its own transaction and is committed (so the
checks deferred to the commit run too); the database must refuse it, and a fingerprint
of the database (balances, ledger, charges, credit notes, notices, audit, work, request,
quote and variation states) must be the same after as before.

The module has a database of its own (the ``site`` of ``test_privileges_pg``).
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from app.db import models as m
from app.domain.errors import RitError, StateError
from app.services import billing, quotes, requests, variations, work
from tests.app.test_privileges_pg import ROLES, Site, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres

KEY_OF = {"technician": "tech", "team_lead": "lead", "finance": "fin", "admin": "admin",
          "portal": "portal", "worker": "worker"}
EVERYONE = set(ROLES)
ME = "(SELECT id FROM staff WHERE username = session_user)"


def _superuser(where: Site) -> psycopg.Connection[Any]:
    url = make_url(where.url)
    return psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                           user=url.username, autocommit=True)


def fingerprint(where: Site) -> dict[str, Any]:
    """What no refused statement may change."""
    queries = {
        "balances": "SELECT string_agg(concat_ws(':', id, balance_cents, status), ',' ORDER BY id) "
                    "FROM customers",
        "ledger": "SELECT count(*), sum(amount_cents) FROM ledger_entries",
        "charges": "SELECT count(*), sum(total_cents), max(created_at) FROM charges",
        "credit_notes": "SELECT count(*), sum(total_cents) FROM credit_notes",
        "notices": "SELECT count(*), max(id) FROM notices",
        "audit": "SELECT count(*), max(id) FROM audit_events",
        "work": "SELECT string_agg(concat_ws(':', id, request_id, staff_id, minutes), ',' "
                "ORDER BY id) FROM work_entries",
        "requests": "SELECT string_agg(concat_ws(':', id, state, assignee_id, closed_at, "
                    "quote_total_cents, quote_valid_until, decline_reason), ',' ORDER BY id) "
                    "FROM requests",
        "quotes": "SELECT string_agg(concat_ws(':', id, state, answered_at, net_cents, "
                  "reminded_at), ',' ORDER BY id) FROM quotes",
        "variations": "SELECT string_agg(concat_ws(':', id, state, amount_cents), ',' "
                      "ORDER BY id) FROM variations",
        # issue 18: the deliveries, the customers' addresses and alerts
        "deliveries": "SELECT string_agg(concat_ws(':', id, delivery_state, attempts, sent_at), "
                      "',' ORDER BY id) FROM notices",
        "customer_settings": "SELECT string_agg(concat_ws(':', id, email, "
                             "low_credit_alert_cents), ',' ORDER BY id) FROM customers",
        "low_credit_alerts": "SELECT count(*) FROM low_credit_alerts",
        # issue 20: invoices and credit notes, numbered by the database alone
        "invoices": "SELECT string_agg(concat_ws(':', id, type, year, progressive, issue_date, "
                    "net_cents, total_cents, pdf_sha256, xml_sha256), ',' ORDER BY id) "
                    "FROM invoices",
        "invoice_series": "SELECT string_agg(concat_ws(':', type, year, last), ',' "
                          "ORDER BY type, year) FROM invoice_series",
    }
    with _superuser(where) as conn:
        return {name: conn.execute(sql).fetchone() for name, sql in queries.items()}


def attempt(conn: psycopg.Connection[Any], sql: str) -> str:
    """Run ``sql`` and commit: "" if the database refused it (a permission error, a
    lifecycle refusal, a unique index) or it touched nothing, else what happened."""
    try:
        cursor = conn.execute(sql)
        changed, returned = cursor.rowcount, cursor.description is not None
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        if exc.sqlstate in ("42501", "23505"):
            return ""
        if exc.sqlstate == "RD000" and '"key": "role"' in (exc.diag.message_detail or ""):
            return ""
        return f"other error: {exc!r}"
    if not returned and changed == 0:
        return ""  # nothing it may touch (row-level security)
    return f"ran and committed: {changed} rows"


@pytest.fixture(scope="module")
def marks(site: Site) -> dict[str, Any]:  # noqa: F811
    """The rows the attacks aim at, made through the services (trusted, acting for each)."""
    u = site.users
    charged = site.in_progress("tech")
    billing.complete_request(site.trusted, u["tech"], charged)
    own = site.in_progress("tech")  # a fixed quote of 390.00, accepted, 1 hour logged
    own_second = site.in_progress("tech")
    other = site.in_progress("tech2")
    quoted, sent = site.draft("tech")
    quotes.send_quote(site.trusted, u["lead"], sent)
    taken = site.taken("tech")
    declined = site.taken("tech")
    requests.decline_request(site.trusted, u["tech"], declined, reason="not feasible")
    agreed_on = site.in_progress("tech")
    agreed = variations.propose_variation(site.trusted, u["tech"], agreed_on, amount="450",
                                          reason="more")
    variations.agree_variation(site.trusted, agreed.id)
    pending_other = variations.propose_variation(site.trusted, u["tech2"], other, amount="500",
                                                 reason="more")
    accepted_no_work, _ = site.accepted("tech")
    _, draft = site.draft("tech")
    _, first = site.accepted("tech")
    with _superuser(site) as conn:  # a second revision sent beside it (only the owner could)
        second = conn.execute(
            f"INSERT INTO quotes ({QUOTE_COLUMNS}, sent_at) SELECT request_id, 2, kind, 'sent', "
            "vat_rate_hundredths, valid_until, notes, billing_increment, net_cents, vat_cents, "
            "total_cents, lang, created_by_id, created_at, 1, now() FROM quotes WHERE id = %s "
            "RETURNING id", (first,)).fetchone()
    assert second is not None
    with site.trusted.read() as session:
        def one(stmt: Any) -> int:
            found = session.scalar(stmt)
            assert found is not None
            return int(found)
        ids = {
            "acme": one(select(m.Customer.id).where(m.Customer.code == "ACME")),
            "service": one(select(m.CustomerService.id).where(m.CustomerService.name == "web-1")),
            "charged_entry": one(select(m.WorkEntry.id).where(m.WorkEntry.request_id == charged)),
            "own_entry": one(select(m.WorkEntry.id).where(m.WorkEntry.request_id == own)),
            "accepted_quote": one(select(m.Quote.id).where(m.Quote.request_id == own,
                                                           m.Quote.state == "accepted")),
        }
    return {**ids, "charged": charged, "own": own, "own_second": own_second, "other": other,
            "quoted": quoted, "sent": sent, "taken": taken, "declined": declined,
            "agreed": agreed.id, "pending_other": pending_other.id,
            "accepted_no_work": accepted_no_work, "second_sent": second[0], "draft": draft}


QUOTE_COLUMNS = ("request_id, revision, kind, state, vat_rate_hundredths, valid_until, notes, "
                 "billing_increment, net_cents, vat_cents, total_cents, lang, created_by_id, "
                 "created_at, version")
WORK_COLUMNS = "request_id, staff_id, work_date, minutes, note, created_at, version"

#: (what, statement, the roles the database must refuse it to)
MISUSES: list[tuple[str, str, set[str]]] = [
    # forged consent
    ("insert a variation already agreed", "INSERT INTO variations (request_id, amount_cents, "
     f"reason, state, proposed_by_id, proposed_at, version) VALUES ({{own}}, 5000000, 'x', "
     f"'agreed', {ME}, now(), 1)", EVERYONE),
    ("insert an accepted quote", f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES ({{quoted}}, 9, "
     "'fixed', 'accepted', 2200, current_date + 30, '', 15, 90000, 19800, 109800, 'it', "
     f"{ME}, now(), 1)", EVERYONE),
    ("insert a sent quote", f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES ({{quoted}}, 9, "
     "'fixed', 'sent', 2200, current_date + 30, '', 15, 90000, 19800, 109800, 'it', "
     f"{ME}, now(), 1)", EVERYONE),
    ("draft a quote on a completed request", f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES "
     "({charged}, 9, 'fixed', 'draft', 2200, current_date + 30, '', 15, 1, 0, 1, 'it', "
     f"{ME}, now(), 1)", EVERYONE),
    ("accept a quote for the customer", "UPDATE quotes SET state = 'accepted' WHERE id = {sent}",
     EVERYONE - {"portal"}),
    # the control panel's own SQL: the quote without its request, audit event...
    ("accept a quote outside its use case", "UPDATE quotes SET state = 'accepted', "
     "answered_at = now() WHERE id = {sent}", EVERYONE),
    ("send a quote outside its use case", "UPDATE quotes SET state = 'sent', sent_at = now(), "
     f"sent_by_id = {ME} WHERE id = {{draft}}", EVERYONE),
    ("expire a quote before its date", "UPDATE quotes SET state = 'expired' WHERE id = {sent}",
     EVERYONE),
    ("undo an acceptance", "UPDATE quotes SET state = 'sent' WHERE id = {accepted_quote}",
     EVERYONE),
    ("redate an answer", "UPDATE quotes SET answered_at = '2020-01-01' "
     "WHERE id = {accepted_quote}", EVERYONE),
    ("accept a second revision", "UPDATE quotes SET state = 'accepted', answered_at = now() "
     "WHERE id = {second_sent}", EVERYONE),
    ("agree a variation for the customer", "UPDATE variations SET state = 'agreed' "
     "WHERE id = {pending_other}", EVERYONE - {"portal"}),
    ("withdraw another's variation", "UPDATE variations SET state = 'withdrawn' "
     "WHERE id = {pending_other}", {"technician", "finance", "portal"}),
    ("take back an agreement", "UPDATE variations SET state = 'proposed' WHERE id = {agreed}",
     EVERYONE),
    ("withdraw an agreed variation", "UPDATE variations SET state = 'withdrawn' "
     "WHERE id = {agreed}", EVERYONE),
    # requests out of the lifecycle
    ("open a request in progress", "INSERT INTO requests (customer_id, service_id, category, "
     "subject, description, priority, state, created_at, updated_at, version) VALUES ({acme}, "
     "{service}, 'ssl', 'x', '', 'normal', 'in_progress', now(), now(), 1)", EVERYONE),
    ("open a request completed", "INSERT INTO requests (customer_id, service_id, category, "
     "subject, description, priority, state, created_at, updated_at, version) VALUES ({acme}, "
     "{service}, 'ssl', 'x', '', 'normal', 'completed', now(), now(), 1)", EVERYONE),
    ("open a request without its audit event", "INSERT INTO requests (customer_id, "
     "service_id, category, subject, description, priority, state, created_at, updated_at, "
     "version) VALUES ({acme}, {service}, 'ssl', 'x', '', 'normal', 'new', now(), now(), 1)",
     EVERYONE),
    ("jump to accepted", "UPDATE requests SET state = 'accepted' WHERE id = {taken}", EVERYONE),
    ("jump to in progress", "UPDATE requests SET state = 'in_progress' WHERE id = {taken}",
     EVERYONE),
    ("mark quoted without a sent quote", "UPDATE requests SET state = 'quoted' "
     "WHERE id = {taken}", EVERYONE),
    ("start work without work", "UPDATE requests SET state = 'in_progress' "
     "WHERE id = {accepted_no_work}", EVERYONE),
    ("reopen a declined request", "UPDATE requests SET state = 'evaluating' "
     "WHERE id = {declined}", EVERYONE),
    ("cancel an accepted request", "UPDATE requests SET state = 'cancelled' WHERE id = {own}",
     {"technician", "finance", "portal"}),
    ("reopen a completed request", "UPDATE requests SET state = 'in_progress' "
     "WHERE id = {charged}", EVERYONE),
    ("backdate closed_at", "UPDATE requests SET closed_at = '2001-01-01' WHERE id = {charged}",
     EVERYONE),
    ("close an open request by date", "UPDATE requests SET closed_at = now() WHERE id = {own}",
     EVERYONE),
    ("rewrite a charged quote total", "UPDATE requests SET quote_total_cents = 1 "
     "WHERE id = {charged}", EVERYONE),
    ("rewrite an open quote total", "UPDATE requests SET quote_total_cents = 1 "
     "WHERE id = {quoted}", EVERYONE),
    ("give a decline reason by hand", "UPDATE requests SET decline_reason = 'x' "
     "WHERE id = {own}", EVERYONE),
    # work after the charge, or where it does not belong
    ("rewrite work after the charge", "UPDATE work_entries SET minutes = 600 "
     "WHERE request_id = {charged}", EVERYONE),
    ("delete work after the charge", "DELETE FROM work_entries WHERE request_id = {charged}",
     EVERYONE),
    ("insert work after the charge", f"INSERT INTO work_entries ({WORK_COLUMNS}) VALUES "
     f"({{charged}}, {ME}, current_date, 6000, '', now(), 1)", EVERYONE),
    ("move charged work to another request", "UPDATE work_entries SET request_id = {other} "
     "WHERE request_id = {charged}", EVERYONE),
    ("move work between open requests", "UPDATE work_entries SET request_id = {own_second} "
     "WHERE id = {own_entry}", EVERYONE),
    # a change the lifecycle allows, but made outside its use case: no audit event
    ("log work without its audit event", f"INSERT INTO work_entries ({WORK_COLUMNS}) VALUES "
     f"({{own}}, {ME}, current_date, 60, '', now(), 1)", EVERYONE),
    ("edit work without its audit event", "UPDATE work_entries SET minutes = 1 "
     "WHERE id = {own_entry}", EVERYONE),
    ("delete work without its audit event", "DELETE FROM work_entries WHERE id = {own_entry}",
     EVERYONE),
    ("propose a variation without its audit event", "INSERT INTO variations (request_id, "
     "amount_cents, reason, state, proposed_by_id, proposed_at, version) VALUES ({own}, 50000, "
     f"'x', 'proposed', {ME}, now(), 1)", EVERYONE),
    ("decline without its audit event", "UPDATE requests SET state = 'declined', "
     "decline_reason = 'x' WHERE id = {taken}", EVERYONE),
    ("reassign without its audit event", "UPDATE requests SET assignee_id = NULL "
     "WHERE id = {other}", EVERYONE),
    ("reprioritise without its audit event", "UPDATE requests SET priority = 'urgent' "
     "WHERE id = {own}", EVERYONE),
    ("log work before acceptance", f"INSERT INTO work_entries ({WORK_COLUMNS}) VALUES "
     f"({{taken}}, {ME}, current_date, 60, '', now(), 1)", EVERYONE),
    # what the customer reads, and the trail
    ("hand-write a notice", "INSERT INTO notices (customer_id, request_id, kind, at, payload) "
     "VALUES ({acme}, NULL, 'credit_exhausted', now(), "
     "'{{\"missing\": \"999.00\", \"suspended\": [\"web-1\"]}}')", EVERYONE),
    ("hand-write an audit event", "INSERT INTO audit_events (at, actor, action, customer_id, "
     "details) VALUES ('2020-01-01', 'x', 'topup', {acme}, '{{\"amount\": \"999.00\"}}')",
     EVERYONE),
    ("forge the portal's actor", "INSERT INTO audit_events (at, actor, action, details) "
     "VALUES (now(), 'portal:ANYONE', 'quote_accepted', '{{}}')", EVERYONE),
    ("log a top-up through the app's function", "SELECT rit_log('topup', NULL, {acme}, "
     "'{{\"amount\": \"999.00\"}}', NULL, '2020-01-01')", EVERYONE),
    ("log an event about an untouched request", "SELECT rit_log('request_declined', {own}, "
     "NULL, '{{}}', NULL, NULL)", EVERYONE),
    ("tell a credit exhaustion", "SELECT rit_tell('credit_exhausted', {own}, {acme}, "
     "'{{\"missing\": \"999.00\"}}', NULL)", EVERYONE),
    ("tell about an untouched request", "SELECT rit_tell('declined', {own}, NULL, "
     "'{{\"reason\": \"fake\"}}', NULL)", EVERYONE),
    # the worker's (issue 18): only it lapses a variation, mails and alerts
    ("lapse a pending variation", "UPDATE variations SET state = 'lapsed', answered_at = now() "
     "WHERE id = {pending_other}", EVERYONE),
    ("mark a notice mailed", "UPDATE notices SET delivery_state = 'sent', attempts = 1",
     EVERYONE - {"worker"}),
    ("silence a low-credit alert", "INSERT INTO low_credit_alerts (customer_id, at, "
     "balance_cents, threshold_cents) VALUES ({acme}, now(), 0, 0)", EVERYONE - {"worker"}),
    ("retry a notice's delivery", "SELECT rit_notice_retry((SELECT max(id) FROM notices))",
     {"technician", "finance", "portal", "worker"}),
    ("redirect a customer's email", "UPDATE customers SET email = 'thief@evil.example' "
     "WHERE id = {acme}", EVERYONE - {"admin"}),
    # issue 20: invoices and their numbers are the database's alone
    ("hand-write an invoice", "INSERT INTO invoices (type, year, progressive, issue_date, "
     "customer_id, reference, vat_rate_hundredths, net_cents, vat_cents, stamp_duty_cents, "
     "total_cents, facts, created_at) VALUES ('TD01', 2026, 999, current_date, {acme}, 'x', "
     "2200, 100, 22, 0, 122, '{{}}', now())", EVERYONE),
    ("renumber an invoice", "UPDATE invoices SET progressive = progressive + 100", EVERYONE),
    ("date an invoice back", "UPDATE invoices SET issue_date = '2020-01-01'", EVERYONE),
    ("change an invoice's amounts", "UPDATE invoices SET net_cents = 1, total_cents = 1 + "
     "vat_cents", EVERYONE),
    ("delete an invoice", "DELETE FROM invoices", EVERYONE),
    ("skip numbers of a series", "UPDATE invoice_series SET last = last + 5", EVERYONE),
    ("start a series by hand", "INSERT INTO invoice_series (type, year, last) VALUES "
     "('TD01', 2031, 40)", EVERYONE),
    ("issue an invoice through the database's function", "SELECT rit_invoice_issue('TD01', "
     "now()::timestamp, {acme}, NULL, NULL, NULL, NULL, NULL, 'x', 2200, 100, 22, '{{}}')",
     EVERYONE),
    ("store a forged invoice PDF", "SELECT rit_store_invoice((SELECT max(id) FROM invoices), "
     "'\\x255044462d'::bytea, '\\x3c'::bytea, 'x.xml', now()::timestamp)",
     EVERYONE - {"worker"}),
    # the worker's login (migration 0022): its jobs, and nothing else
    ("read password data", "SELECT rolname, rolpassword FROM pg_authid", EVERYONE),
    ("read the staff records", "SELECT * FROM staff", {"worker"}),
    ("read the work logged", "SELECT * FROM work_entries", {"worker"}),
    ("read the ledger", "SELECT * FROM ledger_entries", {"worker"}),
    ("remind a quote as staff", "SELECT rit_tell('quote_reminder', {quoted}, NULL, '{{}}', "
     "NULL)", EVERYONE),
    ("log a lapse as staff", "SELECT rit_log('variation_lapsed', {own}, NULL, '{{}}', NULL, "
     "NULL)", EVERYONE),
    ("expire a request by hand", "UPDATE requests SET state = 'expired' WHERE id = {quoted}",
     EVERYONE),
    ("lapse an agreed variation", "UPDATE variations SET state = 'lapsed' WHERE id = {agreed}",
     EVERYONE),
    ("silence a quote's reminder", "UPDATE quotes SET reminded_at = now() "
     "WHERE request_id = {quoted}", EVERYONE - {"worker"}),
]


@pytest.mark.parametrize(("what", "sql", "role"), [
    pytest.param(what, sql, role, id=f"{role}-{what}")
    for what, sql, refused in MISUSES for role in ROLES if role in refused])
def test_misuse_is_refused_and_changes_nothing(site: Site, marks: dict[str, Any],  # noqa: F811
                                               what: str, sql: str, role: str) -> None:
    before = fingerprint(site)
    with site.connect(KEY_OF[role]) as conn:
        outcome = attempt(conn, sql.format(**marks))
    assert outcome == "", f"{role} may {what}"
    assert fingerprint(site) == before


def test_the_attack_on_a_fixed_job(site: Site) -> None:  # noqa: F811
    """The issue's first attack: a technician INSERTs an agreed variation of 50,000.00 on
    their fixed job agreed at 390.00, then completes it: refused, and the charge is the
    390.00 the customer agreed (+ VAT)."""
    number = site.in_progress("tech")
    with site.connect("tech") as conn:
        assert attempt(conn, "INSERT INTO variations (request_id, amount_cents, reason, state, "
                       f"proposed_by_id, proposed_at, version) VALUES ({number}, 5000000, 'x', "
                       f"'agreed', {ME}, now(), 1)") == ""
    result = billing.complete_request(site.login("tech"), site.users["tech"], number)
    assert (result.net, result.total) == (Decimal("390.00"), Decimal("475.80"))


def test_the_control_panel_cannot_choose_its_actor_or_date(site: Site) -> None:  # noqa: F811
    """The portal opens a request in SQL and logs it naming someone else, in 2020: the
    database writes the customer's own name, the server's time and the portal's login."""
    with site.connect("portal") as conn:
        number = conn.execute(
            "INSERT INTO requests (customer_id, service_id, category, subject, description, "
            "priority, state, created_at, updated_at, version) SELECT c.id, s.id, 'ssl', 'x', "
            "'', 'normal', 'new', now(), now(), 1 FROM customers c JOIN services s "
            "ON s.customer_id = c.id WHERE c.code = 'ACME' LIMIT 1 RETURNING id").fetchone()
        assert number is not None
        conn.execute("SELECT rit_log('request_submitted', %s, NULL, '{}', 'portal:ANYONE', "
                     "'2020-01-01')", (number[0],))
        conn.commit()
    with _superuser(site) as conn:
        row = conn.execute("SELECT actor, login, at FROM audit_events WHERE request_id = %s",
                           number).fetchone()
    assert row is not None
    actor, login, at = row
    assert (actor, login) == ("portal:ACME", site.users["portal"])
    assert abs(at - datetime.utcnow()) < timedelta(minutes=10)


def test_the_apps_events_are_signed_and_dated_by_the_database(site: Site) -> None:  # noqa: F811
    """Through the services, as the technician's own login: the event's login and actor
    are the technician's, its time the server's (the workstation's clock is a year off),
    and the notices of the use case are written too."""
    number = site.request()
    station = site.login("tech")
    clock = station.clock
    station.clock = lambda: datetime(2020, 1, 1)
    try:
        requests.take_request(station, site.users["tech"], number)
    finally:
        station.clock = clock
    with _superuser(site) as conn:
        row = conn.execute("SELECT actor, login, at FROM audit_events WHERE request_id = %s "
                           "AND action = 'request_taken'", (number,)).fetchone()
    assert row is not None
    assert row[:2] == (site.users["tech"], site.users["tech"])
    assert abs(row[2] - datetime.utcnow()) < timedelta(minutes=10)


def test_a_technician_withdraws_a_pending_variation_of_theirs(site: Site) -> None:  # noqa: F811
    """The move the lifecycle's later use case needs: allowed to staff, while pending, with
    its audit event in the same transaction (as that use case will write it); without the
    event it is refused at commit."""
    number = site.in_progress("tech")
    proposal = variations.propose_variation(site.trusted, site.users["tech"], number,
                                            amount="500", reason="more")
    withdraw = f"UPDATE variations SET state = 'withdrawn' WHERE id = {proposal.id}"
    with site.connect("tech") as conn:
        assert attempt(conn, withdraw) == ""
        conn.execute(withdraw)
        conn.execute("SELECT rit_log('variation_withdrawn', %s, NULL, '{}', NULL, NULL)",
                     (number,))
        conn.commit()
    with _superuser(site) as conn:
        state = conn.execute("SELECT state FROM variations WHERE id = %s",
                             (proposal.id,)).fetchone()
    assert state == ("withdrawn",)


def test_a_quote_past_its_date_is_not_accepted_even_in_sql(site: Site) -> None:  # noqa: F811
    """The control panel's own SQL is held to the validity date (the server's date)."""
    _, quote = site.draft("tech")
    quotes.send_quote(site.trusted, site.users["lead"], quote)
    with _superuser(site) as conn:  # the quote's date passed (trusted maintenance)
        conn.execute("UPDATE quotes SET valid_until = %s WHERE id = %s",
                     (date.today() - timedelta(days=2), quote))
    with site.connect("portal") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="expired"):
            conn.execute("UPDATE quotes SET state = 'accepted', answered_at = now() "
                         "WHERE id = %s", (quote,))
        conn.rollback()
    with pytest.raises(StateError):
        quotes.accept_quote(site.login("portal"), quote)


def test_the_refusals_read_as_the_apps_errors(site: Site, marks: dict[str, Any]) -> None:  # noqa: F811
    """A patched client that writes the forged row through the app's own session gets a
    readable error, not a driver's."""
    station = site.login("tech")
    forged = text("UPDATE work_entries SET minutes = 600 WHERE id = :e")
    with pytest.raises(RitError, match="work can no longer change"), \
            station.transaction() as session:
        session.execute(forged, {"e": marks["charged_entry"]})


def test_the_apps_events_pass_when_the_request_row_is_only_locked(site: Site) -> None:  # noqa: F811
    """A use case whose request row ends unchanged (the workstation's clock did not move,
    so "touched" writes nothing) still records its events: the request is held for
    update by the same transaction (the CLI's whole-lifecycle test found it)."""
    number = site.in_progress("tech")
    station = site.login("tech")
    clock = station.clock
    frozen = datetime.utcnow().replace(microsecond=0)
    station.clock = lambda: frozen
    try:
        first = work.log_work(station, site.users["tech"], number, hours="1")
        work.log_work(station, site.users["tech"], number, hours="1")
        work.edit_work(station, site.users["tech"], first.id, hours="2", work_date=date.today())
        work.delete_work(station, site.users["tech"], first.id)
    finally:
        station.clock = clock
    with _superuser(site) as conn:
        actions = [a for (a,) in conn.execute(
            "SELECT action FROM audit_events WHERE request_id = %s AND action LIKE 'work_%%' "
            "ORDER BY id", (number,))]
    assert actions == ["work_logged", "work_logged", "work_logged", "work_edited", "work_deleted"]


def test_work_logged_while_a_charge_holds_the_request_is_refused(site: Site) -> None:  # noqa: F811
    """The race: a charge holds the request (its lock, from a second connection) while a
    technician's INSERT of work waits; the charge completes the request and commits; the
    INSERT then reads the request as it stands and is refused. Nothing is added to the
    charged work."""
    number = site.in_progress("tech")
    before = fingerprint(site)
    holder = _superuser(site)
    holder.autocommit = False
    holder.execute("SELECT 1 FROM requests WHERE id = %s FOR UPDATE", (number,))
    outcome: list[str] = []
    with site.connect("tech") as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert pid is not None

        def log() -> None:
            outcome.append(attempt(conn, f"INSERT INTO work_entries ({WORK_COLUMNS}) VALUES "
                                   f"({number}, {ME}, current_date, 600, '', now(), 1)"))

        worker = threading.Thread(target=log)
        worker.start()
        deadline = time.monotonic() + 60
        with _superuser(site) as watcher:  # until the INSERT waits for the charge's lock
            while watcher.execute("SELECT wait_event_type = 'Lock' FROM pg_stat_activity "
                                  "WHERE pid = %s", pid).fetchone() != (True,):
                assert not outcome, f"the INSERT did not wait for the lock: {outcome}"
                assert time.monotonic() < deadline, "the INSERT never reached the lock"
                time.sleep(0.005)
        # what the charge does under its lock (as the owner: completed)
        holder.execute("UPDATE requests SET state = 'completed', closed_at = now() "
                       "WHERE id = %s", (number,))
        holder.commit()
        worker.join(timeout=60)
    holder.close()
    assert outcome == [""]
    after = fingerprint(site)
    assert after["work"] == before["work"]


def test_the_use_cases_still_move_quotes_as_real_logins(site: Site) -> None:  # noqa: F811
    """What the checks at commit must let through: the control panel rejects through its
    use case, a team lead's sweep expires a quote past its date (and its request)."""
    _, rejected = site.draft("tech")
    quotes.send_quote(site.login("tech"), site.users["tech"], rejected)
    assert quotes.reject_quote(site.login("portal"), rejected, reason="too much").state \
        == "rejected"
    number, lapsing = site.draft("tech")
    quotes.send_quote(site.login("tech"), site.users["tech"], lapsing)
    with _superuser(site) as conn:  # its date passed (trusted maintenance)
        conn.execute("UPDATE quotes SET valid_until = %s WHERE id = %s",
                     (date.today() - timedelta(days=2), lapsing))
    assert lapsing in quotes.expire_quotes(site.login("lead"))
    with _superuser(site) as conn:
        row = conn.execute("SELECT q.state, r.state, a.login FROM quotes q JOIN requests r "
                           "ON r.id = q.request_id JOIN audit_events a ON a.request_id = r.id "
                           "AND a.action = 'quote_expired' WHERE q.id = %s",
                           (lapsing,)).fetchone()
    assert row == ("expired", "expired", site.users["lead"]), number


def test_invoices_are_read_by_leads_finance_and_admins(site: Site,  # noqa: F811
                                                       marks: dict[str, Any]) -> None:
    """The charge issued its invoice (the VAT point not set: at the charge); who reads it
    is who reads charge documents."""
    for role in ROLES:
        with site.connect(KEY_OF[role]) as conn:
            try:
                count = conn.execute("SELECT count(*) FROM invoices WHERE request_id = %s",
                                     (marks["charged"],)).fetchone()
            except psycopg.errors.InsufficientPrivilege:
                count = None
        readers = ("team_lead", "finance", "admin", "worker")  # the worker renders them
        assert count == ((1,) if role in readers else None), role
