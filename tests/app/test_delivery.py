"""Notices mailed to customers (issue 18): a real SMTP server on 127.0.0.1 (aiosmtpd), the
emails parsed and checked; failures retried with backoff, then failed, then retried by
hand; several workers, each notice sent once."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import psycopg
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from app.db import models as m
from app.db.database import Database
from app.domain.errors import PermissionDenied, StateError, ValidationError
from app.services import billing, charge_documents, customers, delivery, requests, work, worker
from app.services import settings as settings_service
from tests.app.conftest import World
from tests.conftest import FakeClock


class Inbox:
    """The test SMTP server's handler: keeps what arrives, or refuses it for a while."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.refuse = False
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)  # notified at each message

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "451 4.3.0 mailbox busy, try again later"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.arrived:
            self.messages.append((list(envelope.rcpt_tos), parsed))
            self.arrived.notify_all()
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@pytest.fixture
def mailing(world: World, inbox: tuple[Inbox, int]) -> Inbox:
    """The world's database pointed at the test server; ACME in English, POOR in Italian."""
    db = world.db
    handler, port = inbox
    settings_service.set_setting(db, "admin", "smtp_host", "127.0.0.1")
    settings_service.set_setting(db, "admin", "smtp_port", str(port))
    settings_service.set_setting(db, "admin", "smtp_from", "desk@nimbus.example")
    customers.set_customer(db, "admin", "ACME", email="ops@acme.example")
    customers.set_customer(db, "admin", "POOR", email="amministrazione@poor.example")
    with db.transaction() as session:  # ACME reads English
        acme = session.scalar(select(m.Customer).where(m.Customer.code == "ACME"))
        assert acme is not None
        acme.lang = "en"
    return handler


def states(db: Database) -> list[tuple[str, str, int]]:
    with db.read() as session:
        return [(n.kind, n.delivery_state, n.attempts)
                for n in session.scalars(select(m.Notice).order_by(m.Notice.id))]


def test_notices_mailed_in_the_customers_language_with_the_pdf(world: World,
                                                               mailing: Inbox) -> None:
    db = world.db
    number = world.request()
    quote_id = world.fixed_quote(number)
    poor = world.request("POOR", service="srv")
    done = worker.run_once(db)
    assert [d.job for d in done] == ["notice_sent"] * 3
    assert states(db) == [("request_received", "sent", 1), ("quote_proposed", "sent", 1),
                          ("request_received", "sent", 1)]
    received, proposed, italian = (msg for _to, msg in mailing.messages)
    assert [to for to, _msg in mailing.messages] == [
        ["ops@acme.example"], ["ops@acme.example"], ["amministrazione@poor.example"]]
    ref = f"RIT-{number:06d}"
    assert received["Subject"] == f"We received your request {ref}"
    assert received["Content-Language"] == "en"
    assert proposed["Subject"] == f"Quote {ref}/1 for your request {ref}"
    body = proposed.get_body(("plain",))
    assert body is not None and "€475.80 including VAT" in body.get_content()
    assert italian["Subject"] == f"Abbiamo ricevuto la richiesta RIT-{poor:06d}"
    assert "Gentile cliente" in italian.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    attachments = list(proposed.iter_attachments())
    assert [a.get_filename() for a in attachments] == [f"{ref}-1.pdf"]
    with db.read() as session:
        quote = session.get(m.Quote, quote_id)
        assert quote is not None and attachments[0].get_content() == quote.pdf  # byte for byte
        ids = session.scalars(select(m.Notice.message_id).order_by(m.Notice.id)).all()
    assert [msg["Message-ID"] for _to, msg in mailing.messages] == list(ids)
    assert len(set(ids)) == 3
    assert worker.run_once(db) == [] and len(mailing.messages) == 3  # sent once


def test_a_quote_email_says_vat_as_the_vat_point_has_it(world: World, mailing: Inbox) -> None:
    """At the top-up point a quote's total is net, VAT having been paid on the top-ups
    (issue 20): its email must not say "including VAT", in either language."""
    from tests.app.finance.test_invoices import set_vat_point

    db = world.db
    set_vat_point(db, "topup")
    world.fixed_quote(world.request())
    world.fixed_quote(world.request("POOR", service="srv"))
    worker.run_once(db)
    bodies = {to[0]: msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
              for to, msg in mailing.messages if msg["Subject"].startswith(("Quote", "Prev"))}
    english, italian = bodies["ops@acme.example"], bodies["amministrazione@poor.example"]
    assert "€390.00, VAT paid on the credit top-up, valid until" in english
    assert "390,00\u00a0€, IVA assolta sulla ricarica del credito, valido fino al" in italian
    assert "including VAT" not in english and "IVA inclusa" not in italian


def test_the_charge_document_is_attached(world: World, mailing: Inbox, clock: FakeClock) -> None:
    from reports.charge_pdf import render_charge_document

    db = world.db
    number = world.accepted()
    work.log_work(db, "tech", number, hours="1")
    billing.complete_request(db, "tech", number)
    waiting = [d for d in worker.run_once(db) if "completed_charged" in d.subject]
    assert [(d.job, "not stored yet" in d.detail) for d in waiting] == [
        ("notice_waiting", True)]  # the document is not stored yet: it waits for it
    with db.read() as session:  # (not a failed attempt)
        assert session.scalar(select(m.Notice.attempts).where(
            m.Notice.kind == "completed_charged", m.Notice.request_id == number)) == 0
    charge_documents.store_charge_pdf(db, number, render_charge_document)
    worker.run_once(db)
    charged = [msg for _to, msg in mailing.messages if "completed" in str(msg["Subject"])]
    assert len(charged) == 1
    (pdf,) = charged[0].iter_attachments()
    with db.read() as session:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == number))
        assert charge is not None
        document = session.get(m.StoredChargeDocument, charge.id)
        assert document is not None and pdf.get_content() == document.pdf


def test_a_cancellation_charging_the_work_mails_its_charge_document(
        world: World, mailing: Inbox) -> None:
    """Issue 19: the customer's notice of a cancellation that charged the work done
    carries the charge document, as a completion's does."""
    from app.services.cancel_charging import cancel_charging_work
    from reports.charge_pdf import render_charge_document

    db = world.db
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="1")
    cancel_charging_work(db, "lead", number, reason="Site moved away")
    charge_documents.store_charge_pdf(db, number, render_charge_document)
    worker.run_once(db)
    told = [msg for _to, msg in mailing.messages if "cancelled" in str(msg["Subject"])]
    assert len(told) == 1 and "Site moved away" in str(told[0].get_body())
    (pdf,) = told[0].iter_attachments()
    assert pdf.get_filename() == f"RIT-{number:06d}-charge.pdf"
    assert pdf.get_content().startswith(b"%PDF")


def test_the_credit_note_is_attached(world: World, mailing: Inbox) -> None:
    from reports.charge_pdf import render_charge_document, render_credit_note

    db = world.db
    number = world.accepted()
    work.log_work(db, "tech", number, hours="1")
    billing.complete_request(db, "tech", number)
    charge_documents.store_charge_pdf(db, number, render_charge_document)
    refund = charge_documents.refund(db, "fin", number, reason="goodwill", net="100")
    charge_documents.store_credit_note_pdf(db, number, refund.sequence, render_credit_note)
    worker.run_once(db)
    (refunded,) = [msg for _to, msg in mailing.messages if "Refund" in str(msg["Subject"])]
    assert refunded["Subject"] == f"Refund of €122.00 on request RIT-{number:06d}"
    (pdf,) = refunded.iter_attachments()
    with db.read() as session:
        note = session.scalar(select(m.CreditNote).where(m.CreditNote.request_id == number))
        assert note is not None and pdf.get_content() == note.pdf
    assert pdf.get_filename() == f"RIT-{number:06d}-credit-note-1.pdf"


def test_a_failing_server_is_retried_then_failed_then_retried_by_hand(
        world: World, mailing: Inbox, clock: FakeClock) -> None:
    db = world.db
    world.request()
    mailing.refuse = True
    for attempt, wait in enumerate((1, 2, 4, 8), start=1):
        assert [d.job for d in worker.run_once(db)] == ["notice_retry_later"]
        assert states(db) == [("request_received", "pending", attempt)]
        clock.now += timedelta(minutes=wait) - timedelta(seconds=1)
        assert worker.run_once(db) == []  # not before its time
        clock.now += timedelta(seconds=1)
    failed = worker.run_once(db)
    assert [(d.job, d.ok) for d in failed] == [("notice_failed", False)]
    assert "mailbox busy" in failed[0].detail
    (row,) = delivery.list_notices(db, "lead", state="failed")
    assert (row.state, row.attempts, row.customer) == ("failed", 5, "ACME")
    assert row.error is not None and "mailbox busy" in row.error
    mailing.refuse = False
    clock.now += timedelta(hours=1)
    assert worker.run_once(db) == []  # failed: left for a person
    with pytest.raises(PermissionDenied):
        delivery.retry(db, "tech", row.id)
    assert delivery.retry(db, "lead", row.id).state == "pending"
    assert [d.job for d in worker.run_once(db)] == ["notice_sent"]
    assert len(mailing.messages) == 1
    assert delivery.list_notices(db, "lead", state="sent")[0].id == row.id
    with pytest.raises(StateError, match="only a failed or pending"):
        delivery.retry(db, "lead", row.id)


def test_a_customer_without_an_address_and_bad_addresses(world: World, mailing: Inbox) -> None:
    db = world.db
    customers.set_customer(db, "admin", "ACME", email=None)
    world.request()
    (done,) = worker.run_once(db)
    assert done.job == "notice_retry_later" and "no email address" in done.detail
    for bad in ("ops", "ops@acme", "a b@acme.example", "ops@@acme.example", "x" * 250 + "@a.example"):
        with pytest.raises(ValidationError, match="not a valid email address"):
            customers.set_customer(db, "admin", "ACME", email=bad)
    with pytest.raises(PermissionDenied):
        customers.set_customer(db, "fin", "ACME", email="ops@acme.example")


def test_nothing_is_mailed_without_a_server(world: World) -> None:
    world.request()
    assert worker.run_once(world.db) == []
    assert states(world.db) == [("request_received", "pending", 0)]


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_workers_over_500_notices_each_sent_once(world: World, mailing: Inbox,
                                                     db_url: str, clock: FakeClock) -> None:
    db = world.db
    for _ in range(500):
        requests.submit_request(db, "ACME", service="web-1", category="ssl", subject="Many")
    second = Database(db_url)
    second.clock = clock
    try:
        # a notice held by another worker's transaction is skipped, not waited for
        url = db.engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
        with psycopg.connect(url) as other:
            held = other.execute("SELECT min(id) FROM notices").fetchone()
            assert held is not None
            other.execute("SELECT 1 FROM notices WHERE id = %s FOR UPDATE", held)
            results: dict[str, list[worker.Done]] = {}
            threads = [threading.Thread(target=lambda d=d, k=k: results.__setitem__(
                k, worker.run_once(d))) for k, d in (("a", db), ("b", second))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=600)
            assert not any(t.is_alive() for t in threads)
        assert len(mailing.messages) == 499  # all but the held one
        assert [d.job for d in worker.run_once(db)] == ["notice_sent"]
    finally:
        second.dispose()
    ids = [str(msg["Message-ID"]) for _to, msg in mailing.messages]
    assert len(ids) == 500 == len(set(ids))  # each exactly once
    assert sum(len(r) for r in results.values()) == 499
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Notice)
                              .where(m.Notice.delivery_state == "sent")) == 500


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_worker_killed_mid_run_loses_nothing(world: World, mailing: Inbox,
                                               db_url: str) -> None:
    """SIGKILL while mailing: the next worker sends the rest; a notice the killed one had
    handed to the server but not marked is sent again (the README's duplicate), no other."""
    import signal
    import subprocess

    from tests.cli.test_subprocess_cli import COMMAND, script_env

    db = world.db
    for _ in range(200):
        requests.submit_request(db, "ACME", service="web-1", category="ssl", subject="Many")
    with subprocess.Popen([*COMMAND, "--db", db_url, "worker", "--once"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          stdin=subprocess.DEVNULL, env=script_env()) as process:
        with mailing.arrived:  # woken by each message that arrives
            assert mailing.arrived.wait_for(lambda: len(mailing.messages) >= 20, timeout=120)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    killed_at = len(mailing.messages)
    assert 20 <= killed_at < 200
    worker.run_once(db)  # another worker, later
    ids = [str(msg["Message-ID"]) for _to, msg in mailing.messages]
    assert len(set(ids)) == 200  # nothing lost
    assert len(ids) - len(set(ids)) <= 1  # at most the one in flight, sent again
    assert states(db).count(("request_received", "sent", 1)) >= 199
