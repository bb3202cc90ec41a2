"""The worker's own PostgreSQL login (issue 18, migration 0022).

- A staff or control panel login cannot run the worker; the worker's login (``init
  --worker LOGIN``: a member of the ``worker`` group role) keeps every deadline through
  the lifecycle's checks, each event signed with its login.
- Documents: rendered from their stored facts and stored by the worker's login alone.
  The forged-PDF attack of the issue (the login that charged stores "%PDF-1.4 FORGED..."
  for its own charge, and finance is later handed it with ``sha256_ok: true``) is refused
  to every staff login; the worker stores the real document.
- The worker writes only its own events and notices; staff cannot write the worker's.
- A document another worker holds (its row lock, from a second connection) is left to it.

The misuse matrix of ``test_misuse_pg`` and ``test_privileges_pg`` has the worker's row.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.db import models as m
from app.db.database import Database
from app.db.privileges import READ_BY_WORKER
from app.domain.errors import PermissionDenied, ValidationError
from app.services import (
    billing,
    charge_documents,
    customers,
    document_jobs,
    quotes,
    staff,
    variations,
    worker,
)
from app.services.charge_documents import DocumentPreparing
from tests.app.test_misuse_pg import _superuser
from tests.app.test_privileges_pg import Site, site  # noqa: F401 - the fixture
from ui.finance.documents import renderers

pytestmark = pytest.mark.postgres


def _stored(where: Site, number: int) -> tuple[Any, Any]:
    with _superuser(where) as conn:
        row = conn.execute("SELECT d.pdf, d.pdf_sha256 FROM charge_documents d JOIN charges c "
                           "ON c.id = d.charge_id WHERE c.request_id = %s", (number,)).fetchone()
    assert row is not None
    return row[0], row[1]


def _charged(where: Site) -> tuple[int, int]:
    """A request charged by the technician's own login: (number, charge id)."""
    number = where.in_progress("tech")
    billing.complete_request(where.login("tech"), where.users["tech"], number)
    with where.trusted.read() as session:
        charge = session.scalar(select(m.Charge.id).where(m.Charge.request_id == number))
    assert charge is not None
    return number, charge


def _run(where: Site) -> list[worker.Done]:
    return worker.run_once(where.login("worker"), renderers=renderers())


@pytest.mark.parametrize("key", ["tech", "lead", "fin", "admin", "portal"])
def test_only_the_worker_or_trusted_maintenance_runs_the_worker(site: Site, key: str) -> None:  # noqa: F811
    with pytest.raises(PermissionDenied, match="its own login"):
        worker.run_once(site.login(key))


def test_the_worker_login_keeps_every_deadline(site: Site) -> None:  # noqa: F811
    u = site.users
    expiring_number, expiring = site.draft("tech")
    reminded_number, reminded = site.draft("tech")
    for quote in (expiring, reminded):
        quotes.send_quote(site.trusted, u["lead"], quote)
    lapsing_number = site.in_progress("tech")
    lapsing = variations.propose_variation(site.trusted, u["tech"], lapsing_number,
                                           amount="500", reason="more")
    with _superuser(site) as conn:  # time passed (trusted maintenance)
        conn.execute("UPDATE quotes SET valid_until = %s WHERE id = %s",
                     (date.today() - timedelta(days=2), expiring))
        conn.execute("UPDATE quotes SET valid_until = %s WHERE id = %s",
                     (date.today() + timedelta(days=2), reminded))
        conn.execute("UPDATE variations SET proposed_at = proposed_at - interval '20 days' "
                     "WHERE id = %s", (lapsing.id,))
    customers.set_customer(site.trusted, u["admin"], "ACME", low_credit_alert="1000000")

    done = _run(site)
    assert [d for d in done if not d.ok] == []
    assert {"quote_expired", "quote_reminder", "variation_lapsed", "credit_low"} <= {
        d.job for d in done}
    login = u["worker"]
    with _superuser(site) as conn:
        assert conn.execute("SELECT q.state, r.state FROM quotes q JOIN requests r ON "
                            "r.id = q.request_id WHERE q.id = %s", (expiring,)).fetchone() == (
            "expired", "expired")
        assert conn.execute("SELECT reminded_at IS NOT NULL FROM quotes WHERE id = %s",
                            (reminded,)).fetchone() == (True,)
        assert conn.execute("SELECT state FROM variations WHERE id = %s",
                            (lapsing.id,)).fetchone() == ("lapsed",)
        events = set(conn.execute(
            "SELECT action, request_id FROM audit_events WHERE login = %s", (login,)).fetchall())
        told = {kind for (kind,) in conn.execute(
            "SELECT kind FROM notices WHERE request_id IN (%s, %s, %s) OR request_id IS NULL",
            (expiring_number, reminded_number, lapsing_number))}
    assert {("quote_expired", expiring_number), ("quote_reminded", reminded_number),
            ("variation_lapsed", lapsing_number), ("credit_low_alert", None)} <= events
    assert {"quote_expired", "quote_reminder", "variation_lapsed", "credit_low"} <= told
    assert not [d for d in _run(site) if d.job != "document_stored"]  # each once
    customers.set_customer(site.trusted, u["admin"], "ACME", low_credit_alert="0")
    assert [d.job for d in _run(site)] == ["credit_low_cleared"]


def test_the_forged_pdf_attack_is_refused(site: Site) -> None:  # noqa: F811
    """The issue's attack: the login that made the charge (and finance, an admin) stores
    a forged PDF for it before the real render. Refused, nothing stored; the worker then
    stores the document rendered from the facts, and that is what finance gets."""
    number, charge = _charged(site)
    forged = b"%PDF-1.4 FORGED: pay to another account"
    for key in ("tech", "fin", "admin"):
        with site.connect(key) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT rit_store_document('charge', %s, %s, now()::timestamp)",
                             (charge, forged))
            conn.rollback()
    assert _stored(site, number) == (None, None)
    with pytest.raises(PermissionDenied, match="only the worker"):
        charge_documents.store_charge_pdf(site.login("tech"), number, lambda _d: forged)
    assert _stored(site, number) == (None, None)

    summary = charge_documents.charge_summary(site.login("fin"), site.users["fin"], number)
    assert summary.document_state == "preparing"
    with pytest.raises(DocumentPreparing, match="being prepared"):
        charge_documents.charge_pdf(site.login("fin"), site.users["fin"], number,
                                    lambda _d: forged)
    done = _run(site)
    assert f"RIT-{number:06d}" in {d.subject for d in done if d.job == "document_stored"}, done
    real = renderers()["charge"](summary.document)
    pdf, sha = _stored(site, number)
    assert bytes(pdf) == real and forged not in bytes(pdf)
    after = charge_documents.charge_summary(site.login("fin"), site.users["fin"], number)
    assert (after.document_state, after.pdf_intact, after.pdf_sha256) == ("stored", True, sha)
    assert charge_documents.charge_pdf(site.login("fin"), site.users["fin"], number,
                                       lambda _d: forged) == real


def test_the_worker_stores_credit_notes_too(site: Site) -> None:  # noqa: F811
    number, _charge = _charged(site)
    refund = charge_documents.refund(site.login("fin"), site.users["fin"], number, net="10",
                                     reason="goodwill")
    stored = {d.subject for d in _run(site) if d.job == "document_stored"}
    assert {f"RIT-{number:06d}", refund.reference} <= stored
    pdf = charge_documents.credit_note_pdf(site.login("lead"), site.users["lead"], number, 1,
                                           lambda _d: b"%PDF-1.4 other")
    assert pdf.startswith(b"%PDF") and pdf != b"%PDF-1.4 other"


def test_the_worker_writes_only_its_own_events(site: Site) -> None:  # noqa: F811
    _, quote = site.draft("tech")
    quotes.send_quote(site.trusted, site.users["lead"], quote)
    with site.connect("worker") as conn:
        for sql, refusal in [
                ("SELECT rit_log('quote_sent', request_id, NULL, '{}', NULL, NULL) "
                 "FROM quotes WHERE id = %s", "only the events of its jobs"),
                ("SELECT rit_tell('declined', request_id, NULL, '{}', NULL) "
                 "FROM quotes WHERE id = %s", "only the notices of its jobs")]:
            conn.execute("UPDATE quotes SET reminded_at = now() WHERE id = %s", (quote,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match=refusal):
                conn.execute(sql, (quote,))
            conn.rollback()
    number = site.taken("tech")
    with site.connect("tech") as conn:  # the request touched: still not the tech's to log
        for sql in ("SELECT rit_log('variation_lapsed', %s, NULL, '{}', NULL, NULL)",
                    "SELECT rit_tell('variation_lapsed', %s, NULL, '{}', NULL)"):
            conn.execute("UPDATE requests SET priority = 'urgent' WHERE id = %s", (number,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, (number,))
            conn.rollback()


def test_a_document_another_worker_holds_is_left_to_it(site: Site) -> None:  # noqa: F811
    """Two workers: the second finds the first doing a charge's document (its claim, held
    here from a second connection) and leaves it; once released, the next round stores
    it, once."""
    number, charge = _charged(site)
    holder = _superuser(site)
    holder.autocommit = False
    try:
        holder.execute("SELECT pg_advisory_xact_lock(hashtext('rit_document:charge'), %s)",
                       (charge,))
        reference = f"RIT-{number:06d}"
        assert reference not in {d.subject for d in _run(site)}
        assert _stored(site, number) == (None, None)
    finally:
        holder.rollback()
        holder.close()
    assert [d.job for d in _run(site) if d.subject == reference] == ["document_stored"]
    assert [d for d in _run(site) if d.subject == reference] == []


def test_the_worker_group_has_exactly_the_grants_of_its_jobs(site: Site) -> None:  # noqa: F811
    """What the worker's group may read and write, as the database says: exactly
    ``READ_BY_WORKER`` to read; to write, the columns of its jobs alone."""
    with _superuser(site) as conn:
        group = conn.execute("SELECT name FROM role_names WHERE role = 'worker'").fetchone()
        assert group is not None
        readable = {t for (t,) in conn.execute(
            "SELECT table_name FROM information_schema.role_table_grants WHERE grantee = %s "
            "AND privilege_type = 'SELECT'", group)}
        writes = {(t, p) for t, p in conn.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s AND privilege_type <> 'SELECT'", group)}
        columns = {(t, c) for t, c in conn.execute(
            "SELECT table_name, column_name FROM information_schema.column_privileges "
            "WHERE grantee = %s AND privilege_type = 'UPDATE'", group)}
        functions = {f for (f,) in conn.execute(
            "SELECT routine_name FROM information_schema.role_routine_grants "
            "WHERE grantee = %s", group)}
    assert readable == set(READ_BY_WORKER)
    assert writes == {("low_credit_alerts", "INSERT"), ("low_credit_alerts", "DELETE")}
    assert columns == {
        ("quotes", "state"), ("quotes", "reminded_at"), ("quotes", "version"),
        ("requests", "state"), ("requests", "updated_at"), ("requests", "version"),
        ("variations", "state"), ("variations", "answered_at"), ("variations", "reminded_at"),
        ("variations", "version"), ("low_credit_alerts", "at"),
        *(("notices", c) for c in ("delivery_state", "attempts", "next_attempt_at",
                                   "last_error", "sent_at", "message_id"))}
    # the rest through the login group
    assert functions == {"rit_store_document", "rit_store_invoice", "rit_credit_sweep"}


def test_the_worker_lapses_a_variation_only_after_its_days(site: Site) -> None:  # noqa: F811
    """Even with its audit event, the worker's login cannot lapse a variation proposed
    today (variations_lapse_due): the deadline is the database's to check too."""
    number = site.in_progress("tech")
    fresh = variations.propose_variation(site.trusted, site.users["tech"], number,
                                         amount="500", reason="more")
    with site.connect("worker") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="does not lapse yet"):
            conn.execute("UPDATE variations SET state = 'lapsed', answered_at = now() "
                         "WHERE id = %s", (fresh.id,))
            conn.execute("SELECT rit_log('variation_lapsed', %s, NULL, '{}', NULL, NULL)",
                         (number,))
            conn.commit()
        conn.rollback()
    with _superuser(site) as conn:
        assert conn.execute("SELECT state FROM variations WHERE id = %s",
                            (fresh.id,)).fetchone() == ("proposed",)


@pytest.mark.parametrize("key", ["tech", "admin", "portal"])
def test_a_staff_or_control_panel_login_cannot_become_the_worker(site: Site,  # noqa: F811
                                                                 key: str) -> None:
    with pytest.raises(ValidationError, match="of its own"):
        staff.link_worker_login(site.trusted, site.users[key])
    assert not site.login(key).identity().worker
    assert site.login("worker").identity().worker


def test_two_workers_store_each_document_once(site: Site) -> None:  # noqa: F811
    """Two workers (two connections of the worker's login, two threads) take the same
    pending documents at once: each is stored once, by one of them, and nothing fails."""
    numbers = [_charged(site)[0] for _ in range(12)]
    url = make_url(site.url).set(username=site.users["worker"])
    workers = [Database(url, pool_size=1) for _ in range(2)]
    results: list[list[tuple[str, str, str, bool]]] = [[], []]
    start = threading.Barrier(2)

    def run(i: int) -> None:
        start.wait(timeout=60)
        results[i] = list(document_jobs.render_pending(workers[i], renderers()))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        for db in workers:
            db.dispose()
    done = [r for result in results for r in result]
    assert [r for r in done if not r[3]] == []
    stored = [r[1] for r in done if r[0] == "document_stored"]
    charges = [s for s in stored if s.startswith("RIT-")]
    assert sorted(charges) == sorted(f"RIT-{n:06d}" for n in numbers)  # each once
    invoices = [s for s in stored if s.startswith("FT ")]  # at the VAT point 'charge'
    assert len(invoices) == len(set(invoices)) == len(numbers)
    assert all(_stored(site, n)[1] is not None for n in numbers)
