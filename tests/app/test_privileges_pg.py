"""PostgreSQL enforces who may do what: logins of every role, the control panel's too.

- Every table has its privileges in ``app/db/privileges.py``.
- The forbidden statements: psycopg connected as a login of each role tries them in
  plain SQL (raise a balance, insert a top-up, delete an audit event, change a charge,
  log work as someone else, change a setting...): the database refuses each one.
- The use cases through the services: each succeeds for exactly the roles of DESIGN.md's
  table; and with the app's own permission checks switched off, the database still
  refuses every one it should, with a permission error and nothing written.

The module has a database of its own and logins named for the run (roles are the whole
cluster's); both are dropped at the end.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.db import models as m
from app.db.database import Database
from app.db.models import Base
from app.db.privileges import TABLES
from app.domain import permissions
from app.domain.errors import PermissionDenied, RitError
from app.domain.fiscal import Fiscal
from app.services import (
    attachments,
    billing,
    catalogue,
    charge_documents,
    charges_report,
    customers,
    quotes,
    requests,
    staff,
    variations,
    work,
)
from app.services import settings as settings_service
from app.services.demo import partita_iva
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import (
    PG_SERVER,
    at_charge_point,
    create_database,
    drop_database,
    fake_renderer,
)

pytestmark = pytest.mark.postgres

#: the roles of the matrices: staff, the control panel and the worker (issue 18)
ROLES = ("technician", "team_lead", "finance", "admin", "portal", "worker")
STAFF_ROLES = ROLES[:4]


def test_every_table_has_privileges() -> None:
    """A table without an entry in app/db/privileges.py fails here (and in ``init``)."""
    missing = {t.name for t in Base.metadata.sorted_tables} - set(TABLES)
    assert not missing, f"add {sorted(missing)} to app/db/privileges.py"


@dataclass
class Site:
    """The module's database, its people (logins named for the run) and some records."""

    url: str
    trusted: Database
    users: dict[str, str]  # key -> login: admin, tech, tech2, lead, fin, portal, worker
    ids: dict[str, int] = field(default_factory=dict)
    stations: dict[str, Database] = field(default_factory=dict)

    def login(self, key: str) -> Database:
        """A workstation signed in as ``key``'s own login."""
        if key not in self.stations:
            url = make_url(self.url).set(username=self.users[key])
            self.stations[key] = Database(url, renderer=fake_renderer, pool_size=1)
        return self.stations[key]

    def connect(self, key: str) -> psycopg.Connection[Any]:
        url = make_url(self.url)
        return psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                               user=self.users[key])

    # -- records made by the trusted login, acting for whoever would --------------------
    def request(self) -> int:
        return requests.submit_request(self.trusted, "ACME", service="web-1", category="ssl",
                                       subject="Wildcard certificate")

    def taken(self, by: str) -> int:
        number = self.request()
        requests.take_request(self.trusted, self.users[by], number)
        return number

    def draft(self, by: str, net: str = "390") -> tuple[int, int]:
        number = self.taken(by)
        quote = quotes.create_quote(self.trusted, self.users[by], number, QuoteInput(
            "fixed", date.today() + timedelta(days=30), lines=[LineInput("Work", "1", net)]))
        return number, quote.id

    def accepted(self, by: str) -> tuple[int, int]:
        number, quote = self.draft(by)
        quotes.send_quote(self.trusted, self.users["lead"], quote)
        quotes.accept_quote(self.trusted, quote)
        return number, quote

    def in_progress(self, by: str) -> int:
        number, _ = self.accepted(by)
        work.log_work(self.trusted, self.users[by], number, hours="1")
        return number


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    if PG_SERVER == "off":
        pytest.skip("PostgreSQL tests switched off (RIT_DESK_TEST_PG=off)")
    server = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    url = create_database(server, "priv_")
    run = f"pv{secrets.token_hex(3)}"
    users = {k: f"{run}_{k}" for k in ("admin", "tech", "tech2", "lead", "fin", "portal",
                                       "worker")}
    trusted = Database(url, renderer=fake_renderer)
    the_site = Site(url, trusted, users)
    try:
        trusted.upgrade_schema()
        at_charge_point(trusted)
        staff.add_staff(trusted, None, users["admin"], name="Ada Admin", role="admin")
        for key, role in [("tech", "technician"), ("tech2", "technician"),
                          ("lead", "team_lead"), ("fin", "finance")]:
            staff.add_staff(trusted, users["admin"], users[key], name=key.title(), role=role)
        staff.link_portal_login(trusted, users["portal"])
        staff.link_worker_login(trusted, users["worker"])
        customers.add_customer(trusted, users["admin"], "ACME", name="Acme Srl",
                               credit_amount="100000", data=Fiscal(
                                   kind="business", vat_number=partita_iva(1),
                                   sdi_code="M5UXCR1", street="Via Roma 1", postcode="52100",
                                   city="Arezzo", province="AR"))  # its invoices valid
        customers.add_service(trusted, users["admin"], "ACME", name="web-1")
        yield the_site
    finally:
        for station in [*the_site.stations.values(), trusted]:
            station.dispose()
        drop_database(server, url)
        with server.connect() as conn:
            for login in users.values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        server.dispose()


# -- forbidden statements, in plain SQL ----------------------------------------------


@pytest.fixture(scope="module")
def records(site: Site) -> dict[str, Any]:
    """What the forbidden statements aim at."""
    u = site.users
    own = site.in_progress("tech")
    other = site.in_progress("tech2")
    charged = site.in_progress("tech")
    billing.complete_request(site.trusted, u["tech"], charged)
    _, sent = site.draft("lead")
    quotes.send_quote(site.trusted, u["lead"], sent)
    proposal = variations.propose_variation(site.trusted, u["tech"], own, amount="400",
                                            reason="more")
    # charged by tech2, its document not stored yet (its workstation did not get to it)
    charged_other = site.in_progress("tech2")
    billing.complete_request(site.trusted, u["tech2"], charged_other)
    refunded = _charged(site)
    charge_documents.refund(site.trusted, u["fin"], refunded, net="1", reason="goodwill")
    item = catalogue.add_item(site.trusted, u["lead"], "SSL-DV", description="SSL", price="79")
    _, tech_draft = site.draft("tech")
    attachments.attach(site.trusted, u["tech"], own, "a.log", b"log")
    attachments.add_note(site.trusted, u["tech"], own, text="called")
    with site.trusted.read() as session:
        models: list[tuple[str, Any, list[Any]]] = [
            ("acme", m.Customer, [m.Customer.code == "ACME"]),
            ("tech2_id", m.Staff, [m.Staff.username == u["tech2"]]),
            ("tech_id", m.Staff, [m.Staff.username == u["tech"]]),
            ("entry_other", m.WorkEntry, [m.WorkEntry.request_id == other]),
            ("charge", m.Charge, [m.Charge.request_id == charged]),
            ("charge_other", m.Charge, [m.Charge.request_id == charged_other]),
            ("credit_note", m.CreditNote, [m.CreditNote.request_id == refunded]),
        ]
        ids = {name: session.scalar(select(model.id).where(*where))
               for name, model, where in models}
    return {**ids, "own": own, "other": other, "sent_quote": sent, "variation": proposal.id,
            "item": item.id, "tech_draft": tech_draft,
            "charged": charged,
            "ready": site.in_progress("tech"),
            "owner": f"{site.url.rsplit('/', 1)[1]}_owner", "admin_login": u["admin"]}


EVERYONE = set(ROLES)
CREDIT_CALL = ("SELECT rit_post_credit('ACME', '{kind}', 100000, 'x', 'gift', NULL, {portal}, "
               "NULL, now()::timestamp)")

#: (what, statement, the roles the database must refuse it to)
FORBIDDEN: list[tuple[str, str, set[str]]] = [
    ("raise a balance", "UPDATE customers SET balance_cents = balance_cents + 100000 "
     "WHERE id = {acme}", EVERYONE),
    ("end credit exhaustion by hand", "UPDATE customers SET status = 'active'", EVERYONE),
    ("rename a customer", "UPDATE customers SET name = 'Someone else' WHERE id = {acme}",
     EVERYONE),
    ("change a customer's fiscal data unless admin or the control panel",
     "UPDATE customers SET vat_number = 'IT00743110157', sdi_code = 'XXXXXXX' "
     "WHERE id = {acme}", {"technician", "team_lead", "finance", "worker"}),
    ("insert a top-up in the ledger", "INSERT INTO ledger_entries (customer_id, kind, "
     "amount_cents, balance_after_cents, at, reference, reason, actor) VALUES ({acme}, "
     "'topup', 100000, 0, now(), '', '', 'x')", EVERYONE),
    ("delete the ledger", "DELETE FROM ledger_entries", EVERYONE),
    ("delete an audit event", "DELETE FROM audit_events", EVERYONE),
    ("rewrite an audit event", "UPDATE audit_events SET actor = 'nobody'", EVERYONE),
    ("change a charge", "UPDATE charges SET total_cents = 1 WHERE id = {charge}", EVERYONE),
    ("delete a charge", "DELETE FROM charges", EVERYONE),
    ("restart services by hand", "UPDATE services SET status = 'running'", EVERYONE),
    ("a new customer with credit", "INSERT INTO customers (code, name, lang, address, "
     "vat_number, balance_cents, status, created_at, version) VALUES ('RICH', 'Rich', 'it', "
     "'', '', 100000000, 'active', now(), 1)", EVERYONE),
    ("log work as someone else", "INSERT INTO work_entries (request_id, staff_id, work_date, "
     "minutes, note, created_at, version) VALUES ({own}, {tech2_id}, current_date, 60, '', "
     "now(), 1)", EVERYONE),
    ("edit another's work", "UPDATE work_entries SET minutes = 1 WHERE id = {entry_other}",
     {"technician", "finance", "portal", "worker"}),
    ("delete another's work", "DELETE FROM work_entries WHERE id = {entry_other}",
     {"technician", "finance", "portal", "worker"}),
    ("change a setting", "UPDATE settings SET value = '1'", EVERYONE - {"admin"}),
    ("add a setting", "INSERT INTO settings (key, value) VALUES ('tech_send_limit', '999999')",
     EVERYONE - {"admin"}),
    ("make oneself admin", "UPDATE staff SET role = 'admin'", EVERYONE),
    ("add a staff record", "INSERT INTO staff (username, name, role, active, created_at) "
     "VALUES ('eve', 'Eve', 'admin', true, now())", EVERYONE),
    ("complete without a charge", "UPDATE requests SET state = 'completed' WHERE id = {own}",
     EVERYONE),
    ("change someone else's request", "UPDATE requests SET priority = 'urgent' "
     "WHERE id = {other}", {"technician", "finance", "portal", "worker"}),
    ("take someone else's request", "UPDATE requests SET assignee_id = {tech_id} "
     "WHERE id = {other}", {"technician", "finance", "portal", "worker"}),
    ("delete a request", "DELETE FROM requests", EVERYONE),
    ("accept a quote for the customer", "UPDATE quotes SET state = 'accepted' "
     "WHERE id = {sent_quote}", EVERYONE - {"portal"}),
    ("change a sent quote", "UPDATE quotes SET net_cents = 1 WHERE id = {sent_quote}", EVERYONE),
    ("delete a sent quote", "DELETE FROM quotes WHERE id = {sent_quote}", EVERYONE),
    ("agree a variation for the customer", "UPDATE variations SET state = 'agreed' "
     "WHERE id = {variation}", EVERYONE - {"portal"}),
    ("rewrite a notice", "UPDATE notices SET payload = '{{}}'", EVERYONE),
    ("top up without the right", CREDIT_CALL.format(kind="topup", portal="false"),
     {"technician", "team_lead", "portal", "worker"}),
    ("adjust as the control panel", CREDIT_CALL.format(kind="adjustment", portal="true"),
     EVERYONE),
    ("charge without the right", "SELECT rit_charge({own})", {"finance", "portal", "worker"}),
    # the server prices the charge (migration 0015): figures of one's own are refused
    ("charge more than agreed", "SELECT rit_charge({ready}, NULL, NULL, 99000, 21780, 120780)",
     EVERYONE),
    ("charge a VAT of one's own", "SELECT rit_charge({ready}, NULL, NULL, 39000, 90000, "
     "129000)", EVERYONE),
    ("date a charge", "SELECT rit_charge({ready}, p_at => '2019-01-01')", EVERYONE),
    ("refund without the right", "SELECT rit_refund({charged}, 100, 'x', NULL, "
     "now()::timestamp)", {"technician", "team_lead", "portal", "worker"}),
    ("refund more than the charge", "SELECT rit_refund({charged}, 999999999, 'x', NULL, "
     "now()::timestamp)", EVERYONE - {"technician", "team_lead", "portal", "worker"}),
    ("write a credit note by hand", "INSERT INTO credit_notes (charge_id, sequence, request_id, "
     "customer_id, net_cents, vat_cents, total_cents, reason, created_at, created_by_id, facts) "
     "VALUES ({charge}, 9, {charged}, {acme}, 100, 22, 122, 'x', now(), {tech_id}, '{{}}')",
     EVERYONE),
    ("insert a refund in the ledger", "INSERT INTO ledger_entries (customer_id, kind, "
     "amount_cents, balance_after_cents, at, reference, reason, actor) VALUES ({acme}, "
     "'refund', 100000, 0, now(), '', '', 'x')", EVERYONE),
    ("rewrite a charge document's facts", "UPDATE charge_documents SET facts = '{{}}'", EVERYONE),
    ("replace a stored charge document", "UPDATE charge_documents SET pdf = 'fake'", EVERYONE),
    ("delete a charge document", "DELETE FROM charge_documents", EVERYONE),
    # only the worker stores a document (migration 0022), the first PDF stored stays
    ("store a fake document for another's charge", "SELECT rit_store_document('charge', "
     "{charge_other}, '%PDF-1.4 fake'::bytea, now()::timestamp)", EVERYONE - {"worker"}),
    ("store a fake credit note", "SELECT rit_store_document('credit_note', {credit_note}, "
     "'%PDF-1.4 fake'::bytea, now()::timestamp)", EVERYONE - {"worker"}),
    # the price list (migration 0017): team leads and admins keep it, nobody deletes
    ("add to the price list", "INSERT INTO catalogue_items (code, description, unit, "
     "price_cents, active, created_at, updated_at, version) VALUES ('X', 'x', 'fixed', 100, "
     "true, now(), now(), 1)", EVERYONE - {"team_lead", "admin"}),
    ("reprice the list", "UPDATE catalogue_items SET price_cents = 1", EVERYONE - {"team_lead",
                                                                                  "admin"}),
    ("delete from the price list", "DELETE FROM catalogue_items", EVERYONE),
    ("price below the list as a technician", "INSERT INTO quote_lines (quote_id, position, "
     "description, quantity_hundredths, unit_price_cents, amount_cents, catalogue_item_id) "
     "VALUES ({tech_draft}, 9, 'SSL', 100, 100, 100, {item})", EVERYONE - {"team_lead", "admin"}),
    # notes and attachments: added as oneself on requests one may work on; never changed
    # or deleted, by anyone
    ("attach to another's request", "INSERT INTO attachments (request_id, filename, "
     "media_type, size_bytes, sha256, content, created_by_id, created_at) VALUES ({other}, "
     "'a.txt', 'text/plain', 1, 'x', 'x', rit_me(), now())", {"technician", "finance", "portal", "worker"}),
    ("attach as someone else", "INSERT INTO attachments (request_id, filename, media_type, "
     "size_bytes, sha256, content, created_by_id, created_at) VALUES ({own}, 'a.txt', "
     "'text/plain', 1, 'x', 'x', {tech2_id}, now())", EVERYONE),
    ("replace an attachment", "UPDATE attachments SET content = 'fake'", EVERYONE),
    ("delete an attachment", "DELETE FROM attachments", EVERYONE),
    ("note on another's request", "INSERT INTO request_notes (request_id, staff_id, text, "
     "created_at) VALUES ({other}, rit_me(), 'x', now())", {"technician", "finance", "portal", "worker"}),
    ("note as someone else", "INSERT INTO request_notes (request_id, staff_id, text, "
     "created_at) VALUES ({own}, {tech2_id}, 'x', now())", EVERYONE),
    ("rewrite a note", "UPDATE request_notes SET text = 'x'", EVERYONE),
    ("delete a note", "DELETE FROM request_notes", EVERYONE),
    ("create a table", "CREATE TABLE mine (x integer)", EVERYONE),
    ("become the owner", "SET ROLE {owner}", EVERYONE),
    ("change another login's password", "ALTER ROLE {admin_login} PASSWORD 'taken'",
     EVERYONE - {"admin"}),
    ("add a login", "CREATE ROLE intruder LOGIN", EVERYONE),
    ("set an admin's password through the function", "SELECT rit_staff_password("
     "'{admin_login}', 'taken', NULL, now()::timestamp)", EVERYONE - {"admin"}),
    ("act for the admin", "SELECT rit_staff_password('{admin_login}', 'taken', "
     "'{admin_login}', now()::timestamp)", EVERYONE - {"admin"}),
    # large objects: storage outside every table, with no trace (revoked by apply)
    ("create a large object", "SELECT lo_create(0)", EVERYONE),
    ("store bytes as a large object", "SELECT lo_from_bytea(0, 'junk'::bytea)", EVERYONE),
    ("open a large object", "SELECT lo_open(1, 131072)", EVERYONE),
]


#: the refusals of the server functions that mean "not you" or "not that much"
REFUSALS = ("role", "not_own", "not_portal", "no_staff_record", "charge_changed",
            "credit_kind", "refund_over", "signed_in_as")


def _refused(conn: psycopg.Connection[Any], sql: str) -> str:
    """Run ``sql`` in a transaction rolled back: "" if the database refused it, else why
    not (it ran and changed rows)."""
    try:
        cursor = conn.execute(sql)
    except psycopg.Error as exc:
        conn.rollback()
        if exc.sqlstate == "42501":  # a grant, a policy or a trigger of ours said no
            return ""
        if exc.sqlstate == "RD000":  # a server function's check: which one
            detail = exc.diag.message_detail or ""
            return "" if any(f'"key": "{key}"' in detail for key in REFUSALS) else detail
        return f"other error: {exc!r}"
    changed = cursor.rowcount
    conn.rollback()
    if cursor.description is None and changed == 0:
        return ""  # nothing it may touch
    return f"ran: {changed} rows"


@pytest.mark.parametrize(("what", "sql", "role"), [
    pytest.param(what, sql, role, id=f"{role}-{what}")
    for what, sql, refused in FORBIDDEN for role in ROLES if role in refused])
def test_forbidden_statement_is_refused(site: Site, records: dict[str, Any], what: str,
                                        sql: str, role: str) -> None:
    key = {"technician": "tech", "team_lead": "lead", "finance": "fin", "admin": "admin",
           "portal": "portal", "worker": "worker"}[role]
    with site.connect(key) as conn:
        assert _refused(conn, sql.format(**records)) == "", f"{role} may {what}"


def test_admin_may_change_a_setting_in_sql(site: Site) -> None:
    """The matrix refuses statements; the roles that may do them still can."""
    with site.connect("admin") as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('company_phone', '1')")
        conn.rollback()


# -- use cases through the services --------------------------------------------------

YES, NO, OWN = "yes", "no", "own"
#: actor: the technician on their own request, on someone else's, the others
ACTORS = ("tech_own", "tech_other", "team_lead", "finance", "admin")
LOGIN_OF = {"tech_own": "tech", "tech_other": "tech", "team_lead": "lead", "finance": "fin",
            "admin": "admin"}


def _owner(actor: str) -> str:
    """Whose record a use case works on: the tech's own, tech2's, or the tech's."""
    return "tech2" if actor == "tech_other" else "tech"


#: use case -> (the permission it is, what to make first, what to do); the expected
#: outcome comes from tests/app/domain/test_permissions.py's copy of DESIGN.md's table
UseCase = tuple[str, Callable[[Site, str], Any], Callable[[Site, Database, str, Any], Any]]
USE_CASES: dict[str, UseCase] = {
    "take": ("take", lambda s, a: s.request(),
             lambda s, db, who, n: requests.take_request(db, who, n)),
    "assign": ("assign", lambda s, a: s.request(),
               lambda s, db, who, n: requests.assign_request(db, who, n, s.users["tech2"])),
    "decline": ("decline", lambda s, a: s.taken(_owner(a)),
                lambda s, db, who, n: requests.decline_request(db, who, n, reason="no")),
    "set priority": ("evaluate", lambda s, a: s.taken(_owner(a)),
                     lambda s, db, who, n: requests.set_priority(db, who, n, "urgent")),
    "draft a quote": ("draft_quote", lambda s, a: s.taken(_owner(a)),
                      lambda s, db, who, n: quotes.create_quote(db, who, n, QuoteInput(
                          "fixed", date.today() + timedelta(days=9),
                          lines=[LineInput("Work", "1", "100")]))),
    "send a quote": ("send_quote", lambda s, a: s.draft(_owner(a))[1],
                     lambda s, db, who, q: quotes.send_quote(db, who, q)),
    "log work": ("log_work", lambda s, a: s.accepted(_owner(a))[0],
                 lambda s, db, who, n: work.log_work(db, who, n, hours="1")),
    "edit work": ("edit_work", lambda s, a: _entry(s, _owner(a)),
                  lambda s, db, who, e: work.edit_work(db, who, e, hours="2",
                                                       work_date=date.today())),
    "propose a variation": ("propose_variation", lambda s, a: s.in_progress(_owner(a)),
                            lambda s, db, who, n: variations.propose_variation(
                                db, who, n, amount="500", reason="more")),
    "withdraw a variation": ("withdraw_variation", lambda s, a: _proposal(s, _owner(a)),
                             lambda s, db, who, v: variations.withdraw_variation(
                                 db, who, v, reason="by mistake")),
    "cancel after acceptance": ("cancel_request", lambda s, a: s.in_progress(_owner(a)),
                                lambda s, db, who, n: requests.cancel_accepted(
                                    db, who, n, reason="moved away")),
    "complete": ("complete", lambda s, a: s.in_progress(_owner(a)),
                 lambda s, db, who, n: billing.complete_request(db, who, n)),
    "top up": ("topup", lambda s, a: None,
               lambda s, db, who, _: customers.topup(db, who, "ACME", "10")),
    "adjust": ("adjust", lambda s, a: None,
               lambda s, db, who, _: customers.adjust(db, who, "ACME", "-1", reason="fix")),
    "export a quote PDF": ("export_pdf", lambda s, a: s.accepted(_owner(a))[1],
                           lambda s, db, who, q: quotes.quote_pdf(db, q)),
    "change a setting": ("manage", lambda s, a: None,
                         lambda s, db, who, _: settings_service.set_setting(
                             db, who, "company_phone", f"+39 0575 {secrets.randbelow(99999)}")),
    "change a customer's fiscal data": ("manage", lambda s, a: None,
                                        lambda s, db, who, _: customers.set_customer(
                                            db, who, "ACME", city=f"Milano {secrets.token_hex(2)}")),
    "add staff": ("manage", lambda s, a: None,
                  lambda s, db, who, _: staff.add_staff(
                      db, who, f"{s.users['admin'][:8]}_{secrets.token_hex(3)}", name="New",
                      role="technician", login=False)),
    "see the charges report": ("view_finance", lambda s, a: None,
                               lambda s, db, who, _: charges_report.charges_report(
                                   db, who, date.today(), date.today())),
    "refund a charge": ("refund", lambda s, a: _charged(s),
                        lambda s, db, who, n: charge_documents.refund(db, who, n, net="1",
                                                                      reason="goodwill")),
    "see a charge document": ("view_finance", lambda s, a: _charged(s, stored=True),
                              lambda s, db, who, n: charge_documents.charge_pdf(
                                  db, who, n, fake_document_renderer)),
    "add to the price list": ("keep_catalogue", lambda s, a: None,
                              lambda s, db, who, _: catalogue.add_item(
                                  db, who, f"X{secrets.token_hex(3)}", description="x",
                                  price="10")),
    "add a note": ("annotate", lambda s, a: s.taken(_owner(a)),
                   lambda s, db, who, n: attachments.add_note(db, who, n, text="called")),
    "attach a file": ("annotate", lambda s, a: s.taken(_owner(a)),
                      lambda s, db, who, n: attachments.attach(db, who, n, "a.log", b"log")),
}
#: use cases that only read: the database lets everyone read everything (DESIGN.md)
READ_ONLY = {"export a quote PDF", "see the charges report", "see a charge document"}


def fake_document_renderer(document: Any) -> bytes:
    return f"%PDF-1.4 {document.reference}".encode()


def _charged(site: Site, *, stored: bool = False) -> int:
    """A charged request; ``stored``: its document stored too (as the worker does)."""
    number = site.in_progress("tech")
    billing.complete_request(site.trusted, site.users["tech"], number)
    if stored:
        charge_documents.store_charge_pdf(site.trusted, number, fake_document_renderer)
    return number


def _proposal(site: Site, by: str) -> int:
    number = site.in_progress(by)
    return variations.propose_variation(site.trusted, site.users[by], number, amount="500",
                                        reason="more").id


def _entry(site: Site, by: str) -> int:
    number = site.in_progress(by)
    with site.trusted.read() as session:
        entry = session.scalar(select(m.WorkEntry.id).where(m.WorkEntry.request_id == number))
    assert entry is not None
    return entry


def _allowed(permission: str, actor: str) -> bool:
    from tests.app.domain.test_permissions import NO, TABLE, YES

    role = "technician" if actor.startswith("tech_") else actor
    role_index = ("technician", "team_lead", "finance", "admin").index(role)
    rule = TABLE[permission][role_index]
    if actor == "tech_other":
        return rule == YES
    return rule != NO


CASES = [(case, actor) for case in USE_CASES for actor in ACTORS]


@pytest.mark.parametrize(("case", "actor"), CASES, ids=[f"{c}-{a}" for c, a in CASES])
def test_use_case_for_exactly_the_roles_of_the_table(site: Site, case: str, actor: str) -> None:
    permission, make, act = USE_CASES[case]
    target = make(site, actor)
    login = site.users[LOGIN_OF[actor]]
    if _allowed(permission, actor):
        act(site, site.login(LOGIN_OF[actor]), login, target)
    else:
        with pytest.raises(PermissionDenied):
            act(site, site.login(LOGIN_OF[actor]), login, target)


REFUSED = [(c, a) for c, a in CASES if c not in READ_ONLY
           and not _allowed(USE_CASES[c][0], a)]


@pytest.mark.parametrize(("case", "actor"), REFUSED, ids=[f"{c}-{a}" for c, a in REFUSED])
def test_the_database_refuses_without_the_apps_checks(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                      case: str, actor: str) -> None:
    """A client that skips the app's checks (psql, a patched app) is refused by the
    database itself: a permission error, and nothing written."""
    _, make, act = USE_CASES[case]
    target = make(site, actor)
    before = _counts(site)
    monkeypatch.setattr(permissions, "check", lambda *args, **kwargs: None)
    monkeypatch.setattr(permissions, "check_send_limit", lambda *args, **kwargs: None)
    with pytest.raises(PermissionDenied):
        act(site, site.login(LOGIN_OF[actor]), site.users[LOGIN_OF[actor]], target)
    assert _counts(site) == before


def _counts(site: Site) -> dict[str, Any]:
    with site.trusted.read() as session:
        return {
            "audit": session.scalar(text("SELECT count(*) FROM audit_events")),
            "ledger": session.scalar(text("SELECT count(*), sum(amount_cents) FROM ledger_entries")),
            "requests": session.execute(text(
                "SELECT string_agg(concat_ws(':', id, state, assignee_id, priority, version), ',' "
                "ORDER BY id) FROM requests")).scalar(),
            "quotes": session.execute(text(
                "SELECT string_agg(concat_ws(':', id, state, version), ',' ORDER BY id) "
                "FROM quotes")).scalar(),
            "work": session.execute(text(
                "SELECT string_agg(concat_ws(':', id, minutes, version), ',' ORDER BY id) "
                "FROM work_entries")).scalar(),
            "settings": session.execute(text("SELECT string_agg(value, ',') FROM settings")).scalar(),
            "staff": session.scalar(text("SELECT count(*) FROM staff")),
            "charges": session.scalar(text("SELECT count(*) FROM charges")),
            "credit_notes": session.scalar(text("SELECT count(*) FROM credit_notes")),
            "variations": session.execute(text(
                "SELECT string_agg(concat_ws(':', id, state, version), ',' ORDER BY id) "
                "FROM variations")).scalar(),
        }


# -- the control panel ---------------------------------------------------------------

PORTAL_CASES: dict[str, Callable[[Site, Database], Any]] = {
    "submit": lambda s, db: requests.submit_request(db, "ACME", service="web-1",
                                                    category="ssl", subject="x"),
    "accept": lambda s, db: quotes.accept_quote(db, _sent(s)),
    "top up": lambda s, db: customers.topup(db, None, "ACME", "5"),
    "add a customer": lambda s, db: customers.add_customer(
        db, None, f"C{secrets.token_hex(3)}", name="New", credit_amount="10"),
    "change a customer's fiscal data": lambda s, db: customers.set_customer(
        db, None, "ACME", kind="business", vat_number="IT00743110157", sdi_code="M5UXCR1"),
}


def _sent(site: Site) -> int:
    _, quote = site.draft("tech")
    quotes.send_quote(site.trusted, site.users["lead"], quote)
    return quote


@pytest.mark.parametrize("case", sorted(PORTAL_CASES))
@pytest.mark.parametrize("who", ["portal", "lead", "fin"])
def test_only_the_control_panel_acts_for_the_customer(site: Site, case: str, who: str) -> None:
    """Customers add and services add: also an admin (above, "manage")."""
    db = site.login(who)
    if who == "portal":
        PORTAL_CASES[case](site, db)
        return
    with pytest.raises(RitError):
        PORTAL_CASES[case](site, db)


def test_the_portal_tops_up_but_adjusts_nothing(site: Site) -> None:
    before = customers.get_customer(site.trusted, "ACME").balance
    result = customers.topup(site.login("portal"), None, "ACME", "7.50")
    assert result.balance == before + Decimal("7.50")
    with pytest.raises(RitError):
        customers.adjust(site.login("portal"), site.users["fin"], "ACME", "1", reason="x")


def test_eight_workstations_signed_in_as_logins_charge_once(site: Site) -> None:
    """Through the server function, as the technician's and the team lead's own logins:
    8 workstations on 4 requests at once, one charge each, balance equal to the ledger."""
    numbers = [site.in_progress("tech") for _ in range(4)]
    jobs = [(key, number) for number in numbers for key in ("tech", "lead")]
    barrier = threading.Barrier(len(jobs))
    outcomes: list[tuple[int, Any]] = []

    def station(key: str, number: int) -> None:
        db = Database(make_url(site.url).set(username=site.users[key]), pool_size=1)
        try:
            db.check_connection()
            barrier.wait(timeout=30)
            outcomes.append((number, billing.complete_request(db, site.users[key], number)))
        except RitError as exc:
            outcomes.append((number, exc))
        finally:
            db.dispose()

    threads = [threading.Thread(target=station, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == len(jobs)
    for number in numbers:
        mine = [result for n, result in outcomes if n == number]
        won = [r for r in mine if not isinstance(r, RitError)]
        assert len(won) == 1, mine
        assert all("already" in str(r) for r in mine if isinstance(r, RitError)), mine
    with site.trusted.read() as session:
        charged = session.execute(text(
            "SELECT request_id, count(*) FROM charges WHERE request_id = ANY(:n) "
            "GROUP BY request_id"), {"n": numbers}).all()
        assert sorted(charged) == [(n, 1) for n in sorted(numbers)]
        assert all(session.execute(text(
            "SELECT c.balance_cents = (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l "
            "WHERE l.customer_id = c.id) FROM customers c")).scalars())


# -- charge documents: stored once, by whoever may -----------------------------------


def _stored(site: Site, number: int) -> tuple[Any, Any]:
    with site.trusted.read() as session:
        return session.execute(text(
            "SELECT d.pdf, d.pdf_sha256 FROM charge_documents d JOIN charges c "
            "ON c.id = d.charge_id WHERE c.request_id = :n"), {"n": number}).one()._tuple()


def test_no_staff_login_stores_a_document(site: Site) -> None:
    """Before the worker's render, the login that charged, another technician, finance
    and an admin try to store a fake PDF in plain SQL: refused by the database, nothing
    written (migration 0022: the worker's login alone stores documents; its own tests
    are in test_worker_login_pg.py). Through the services: the app's words."""
    number = site.in_progress("tech")
    billing.complete_request(site.login("tech"), site.users["tech"], number)
    with site.trusted.read() as session:
        charge = session.scalar(select(m.Charge.id).where(m.Charge.request_id == number))
    for key in ("tech", "tech2", "lead", "fin", "admin"):
        with site.connect(key) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT rit_store_document('charge', %s, %s, now()::timestamp)",
                             (charge, b"%PDF-1.4 fake"))
            conn.rollback()
    assert _stored(site, number) == (None, None)
    with pytest.raises(PermissionDenied, match="only the worker stores documents"):
        charge_documents.store_charge_pdf(site.login("fin"), number, fake_document_renderer)
    assert _stored(site, number) == (None, None)


def test_the_worker_stores_a_document_once_and_only_a_pdf(site: Site) -> None:
    number = site.in_progress("tech")
    billing.complete_request(site.login("tech"), site.users["tech"], number)
    with site.connect("worker") as conn:
        with pytest.raises(psycopg.Error, match="not a PDF"):
            conn.execute("SELECT rit_store_document('charge', c.id, 'fake'::bytea, "
                         "now()::timestamp) FROM charges c WHERE c.request_id = %s", (number,))
        conn.rollback()
        store = ("SELECT rit_store_document('charge', c.id, %s, now()::timestamp) "
                 "FROM charges c WHERE c.request_id = %s")
        first = conn.execute(store, (b"%PDF-1.4 one", number)).fetchone()
        again = conn.execute(store, (b"%PDF-1.4 two", number)).fetchone()
        conn.commit()
    assert first == again and _stored(site, number)[0] == b"%PDF-1.4 one"
