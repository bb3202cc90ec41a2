"""Charge documents and refunds through the services, on SQLite and PostgreSQL: the
facts the database keeps with each charge, the document stored once and reprinted byte
for byte, refunds never above the charge, credit and services as a top-up moves them,
the ledger, the audit, the notices and the charges report."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from app.db import models as m
from app.db.tables import CHARGE_DOCUMENTS
from app.domain.errors import NotFoundError, PermissionDenied, StateError, ValidationError
from app.services import (
    billing,
    charge_documents,
    charges_report,
    customers,
    queries,
    settings,
    statements,
    variations,
    work,
)
from reports.charge_pdf import render_charge_document, render_credit_note
from tests.app.conftest import World
from tests.conftest import FakeClock

D = Decimal


@pytest.fixture(autouse=True)
def _november(clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 2, 9, 0)


def hourly_charged(world: World) -> int:
    """60/h x 5 h indicative; 6:15 logged (billable 6:15 -> 375.00), agreed 340.00: capped."""
    db = world.db
    number = world.accepted("hourly")
    for hours in ("2:05", "2:00", "1:50"):
        work.log_work(db, "tech", number, hours=hours)
    proposal = variations.propose_variation(db, "tech", number, amount="340", reason="more work")
    variations.agree_variation(db, proposal.id)
    billing.complete_request(db, "tech", number)
    return number


def test_the_charge_keeps_its_documents_facts(world: World) -> None:
    db = world.db
    settings.set_setting(db, "admin", "company_phone", "+39 055 111")
    number = hourly_charged(world)
    settings.set_setting(db, "admin", "company_phone", "+39 055 999")  # after the charge
    doc = charge_documents.charge_summary(db, "fin", number).document
    assert (doc.kind, doc.logged_minutes, doc.billable_minutes, doc.increment) == (
        "hourly", 355, 375, 15)
    assert (doc.hourly_rate, doc.work_amount, doc.quote_net, doc.ceiling, doc.capped) == (
        D("60.00"), D("375.00"), D("300.00"), D("340.00"), True)
    assert [(v.amount, v.reason) for v in doc.variations] == [(D("340.00"), "more work")]
    assert (doc.vat_rate, doc.net, doc.vat, doc.total) == (D("22.00"), D("340.00"), D("74.80"),
                                                           D("414.80"))
    assert (doc.balance_before, doc.balance_after) == (D("1000.00"), D("585.20"))
    assert doc.customer.code == "ACME" and doc.customer.name == "Acme Srl"
    assert doc.company.phone == "+39 055 111"  # the letterhead as it was when charged
    assert (doc.quote_reference, doc.category, doc.service_name) == (
        f"RIT-{number:06d}/1", "ssl", "web-1")


def test_the_document_is_stored_once_and_reprinted_byte_for_byte(world: World) -> None:
    db = world.db
    number = hourly_charged(world)
    sha = charge_documents.store_charge_pdf(db, number, render_charge_document)
    pdf = charge_documents.charge_pdf(db, "fin", number, render_charge_document)
    assert hashlib.sha256(pdf).hexdigest() == sha
    assert charge_documents.charge_summary(db, "lead", number).pdf_sha256 == sha
    # rendered again from the same facts: the same bytes
    assert render_charge_document(charge_documents.charge_summary(db, "fin", number).document) == pdf
    # a second store keeps the first
    assert charge_documents.store_charge_pdf(db, number, lambda d: b"%PDF-1.4 other") == sha
    assert charge_documents.charge_pdf(db, "admin", number, render_charge_document) == pdf


def test_the_document_is_made_on_first_request_when_it_was_missed(world: World) -> None:
    db = world.db
    number = hourly_charged(world)  # nobody stored it
    assert charge_documents.charge_summary(db, "fin", number).pdf_sha256 is None
    pdf = charge_documents.charge_pdf(db, "fin", number, render_charge_document)
    assert charge_documents.charge_summary(db, "fin", number).pdf_sha256 == \
        hashlib.sha256(pdf).hexdigest()


def test_a_document_changed_after_it_was_stored_is_never_reprinted(world: World) -> None:
    """Reprint and ``charges show`` check the stored bytes against their SHA-256: bytes
    changed by hand in the database are refused, and shown as not matching."""
    db = world.db
    number = hourly_charged(world)
    sha = charge_documents.store_charge_pdf(db, number, render_charge_document)
    assert charge_documents.charge_summary(db, "fin", number).pdf_intact is True
    with db.transaction() as session:  # trusted maintenance, by hand
        session.execute(update(CHARGE_DOCUMENTS).values(pdf=b"%PDF-1.4 forged"))
    summary = charge_documents.charge_summary(db, "fin", number)
    assert (summary.pdf_sha256, summary.pdf_intact, summary.intact) == (sha, False, False)
    with pytest.raises(StateError, match="does not match its SHA-256"):
        charge_documents.charge_pdf(db, "fin", number, render_charge_document)


def test_a_missed_document_is_stored_only_by_who_may(world: World) -> None:
    """The same rule as rit_store_document: who charged, finance, an admin store a missed
    document; a team lead sees it rendered from the facts, not stored."""
    db = world.db
    number = hourly_charged(world)
    shown = charge_documents.charge_pdf(db, "lead", number, render_charge_document)
    assert charge_documents.charge_summary(db, "fin", number).pdf_sha256 is None
    assert charge_documents.charge_pdf(db, "fin", number, render_charge_document) == shown
    assert charge_documents.charge_summary(db, "fin", number).pdf_sha256 == \
        hashlib.sha256(shown).hexdigest()


def test_who_sees_charge_documents(world: World) -> None:
    db = world.db
    number = hourly_charged(world)
    with pytest.raises(PermissionDenied):
        charge_documents.charge_pdf(db, "tech", number, render_charge_document)
    with pytest.raises(StateError, match="has not been charged"):
        charge_documents.charge_summary(db, "fin", world.request())
    with pytest.raises(NotFoundError):
        charge_documents.charge_summary(db, "fin", 999999)


def ledger(world: World, code: str) -> list[Any]:
    with world.db.read() as session:
        customer = session.scalar(select(m.Customer).where(m.Customer.code == code))
        assert customer is not None
        return list(session.execute(select(m.LedgerEntry.kind, m.LedgerEntry.amount,
                                           m.LedgerEntry.reference, m.LedgerEntry.credit_note_id,
                                           m.LedgerEntry.balance_after)
                                    .where(m.LedgerEntry.customer_id == customer.id)
                                    .order_by(m.LedgerEntry.id)))


def test_refunds_never_exceed_the_charge(world: World, clock: FakeClock) -> None:
    db = world.db
    number = hourly_charged(world)  # 340.00 + 74.80 = 414.80
    clock.now = datetime(2026, 11, 10, 9, 0)
    first = charge_documents.refund(db, "fin", number, net="100.05", reason="test hours")
    assert (first.sequence, first.net, first.vat, first.total) == (1, D("100.05"), D("22.01"),
                                                                   D("122.06"))
    assert first.reference == f"RIT-{number:06d}-NC1"
    with pytest.raises(ValidationError, match="more than what is left"):
        charge_documents.refund(db, "fin", number, net="240", reason="too much")
    rest = charge_documents.refund(db, "admin", number, reason="the rest")
    assert (rest.sequence, rest.net, rest.vat, rest.total) == (2, D("239.95"), D("52.79"),
                                                               D("292.74"))
    assert first.total + rest.total == D("414.80")  # to the cent, VAT included
    with pytest.raises(StateError, match="refunded in full"):
        charge_documents.refund(db, "fin", number, net="1", reason="again")
    summary = charge_documents.charge_summary(db, "fin", number)
    assert summary.refunded == D("414.80") and summary.refundable_net == 0
    entries = ledger(world, "ACME")
    assert [e.kind for e in entries] == ["topup", "charge", "refund", "refund"]
    assert entries[-1].balance_after == D("1000.00") == customers.get_customer(db, "ACME").balance
    with db.read() as session:
        notes = {n.sequence: n.id for n in session.scalars(select(m.CreditNote))}
    assert [e.credit_note_id for e in entries[2:]] == [notes[1], notes[2]]
    assert [e.reference for e in entries[2:]] == [f"RIT-{number:06d}-NC1", f"RIT-{number:06d}-NC2"]


def test_refund_refusals(world: World) -> None:
    db = world.db
    number = hourly_charged(world)
    for actor in ("tech", "lead"):
        with pytest.raises(PermissionDenied, match="may not refund charges"):
            charge_documents.refund(db, actor, number, reason="x")
    with pytest.raises(ValidationError, match="reason is required"):
        charge_documents.refund(db, "fin", number, reason="  ")
    with pytest.raises(ValidationError, match="greater than zero"):
        charge_documents.refund(db, "fin", number, net="0", reason="x")
    with pytest.raises(StateError, match="has no charge to refund"):
        charge_documents.refund(db, "fin", world.request(), reason="x")
    assert [e.kind for e in ledger(world, "ACME")] == ["topup", "charge"]


def test_a_refund_ends_credit_exhaustion_like_a_top_up(world: World) -> None:
    db = world.db
    number = world.accepted(customer="POOR")  # 475.80 against 50.00
    work.log_work(db, "tech", number, hours="1")
    charged = billing.complete_request(db, "tech", number)
    assert charged.status == "credit_exhausted" and charged.balance == D("-425.80")
    partial = charge_documents.refund(db, "fin", number, net="100", reason="discount")
    assert partial.status == "credit_exhausted" and partial.restarted_services == ()
    assert partial.missing == D("303.80")
    rest = charge_documents.refund(db, "fin", number, reason="not done after all")
    assert rest.status == "active" and rest.balance == D("50.00")
    assert rest.restarted_services == ("srv",)
    poor = customers.get_customer(db, "POOR")
    assert [s.status for s in poor.services] == ["running"]
    kinds = [n.kind for n in queries.customer_notices(db, "POOR")]
    assert kinds.count("charge_refunded") == 2 and "service_restarted" in kinds
    history = [h.action for h in queries.request_detail(db, number).history]
    assert history.count("refund") == 2
    details = next(h.details for h in queries.request_detail(db, number).history
                   if h.action == "refund")
    assert details["total"] == "122.00" and details["credit_note"] == 1


def test_credit_notes_are_stored_once(world: World) -> None:
    db = world.db
    number = hourly_charged(world)
    r = charge_documents.refund(db, "fin", number, net="40", reason="goodwill")
    sha = charge_documents.store_credit_note_pdf(db, number, r.sequence, render_credit_note)
    pdf = charge_documents.credit_note_pdf(db, "lead", number, 1, render_credit_note)
    assert hashlib.sha256(pdf).hexdigest() == sha
    with db.read() as session:
        note = session.scalar(select(m.CreditNote))
        assert note is not None
        facts = json.loads(note.facts)
    assert facts["refunded_before_cents"] == 0 and facts["balance_before_cents"] == 58520
    with pytest.raises(NotFoundError, match="NC2"):
        charge_documents.credit_note_pdf(db, "fin", number, 2, render_credit_note)


def test_refunds_beside_the_charges_in_the_report(world: World, clock: FakeClock) -> None:
    db = world.db
    number = hourly_charged(world)  # charged in November
    clock.now = datetime(2026, 12, 3, 9, 0)
    charge_documents.refund(db, "fin", number, net="100", reason="test hours")  # December
    november = charges_report.charges_report(db, "fin", date(2026, 11, 1), date(2026, 11, 30))
    assert (november.totals.total, november.totals.refunded) == (D("414.80"), D("0.00"))
    december = charges_report.charges_report(db, "fin", date(2026, 12, 1), date(2026, 12, 31))
    assert [(r.key, r.count, r.total, r.refunds, r.refunded_net, r.refunded_vat, r.refunded)
            for r in december.rows] == [("ACME", 0, D("0.00"), 1, D("100.00"), D("22.00"),
                                         D("122.00"))]
    by_month = charges_report.charges_report(db, "fin", date(2026, 11, 1), date(2026, 12, 31),
                                             by="month")
    assert [(r.key, r.total, r.refunded) for r in by_month.rows] == [
        ("2026-11", D("414.80"), D("0.00")), ("2026-12", D("0.00"), D("122.00"))]
    for by in ("category", "technician"):
        rows = charges_report.charges_report(db, "fin", date(2026, 11, 1), date(2026, 12, 31),
                                             by=by).rows
        assert [(r.count, r.refunds, r.refunded) for r in rows] == [(1, 1, D("122.00"))]
    s = statements.statement(db, "fin", "ACME", date(2026, 12, 1), date(2026, 12, 31))
    assert [(e.kind, e.amount) for e in s.entries] == [("refund", D("122.00"))]
    assert s.closing == customers.get_customer(db, "ACME").balance
