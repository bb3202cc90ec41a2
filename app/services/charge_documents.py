"""Charge documents and refunds (credit notes).

Every charge has its document's facts, written by the database with the charge
(migration 0008): the document is rendered from them, after the charge committed, and
stored once (bytes and SHA-256), so that a reprint is byte for byte what was stored.
The renderer is passed in (``reports.charge_pdf``): ``app/`` imports no ``reports``.

A refund gives back (part of) a charge: a credit note linked to the charge, VAT at the
charge's rate, never more than the charge in total, the gross amount back to the
customer's credit as a ledger entry of kind ``refund`` (ending credit exhaustion and
restarting the services, as a top-up does). On PostgreSQL ``rit_refund`` makes it and
checks who may; on SQLite the same steps run here.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import (
    CHARGE_DOCUMENTS,
    CHARGES,
    CREDIT_NOTES,
    CUSTOMERS,
    LEDGER,
    QUOTES,
    REQUESTS,
    SETTINGS,
)
from app.db.types import cents, from_cents
from app.domain.documents import CompanyInfo, CustomerInfo
from app.domain.enums import LedgerKind, NoticeKind
from app.domain.errors import NotFoundError, StateError, ValidationError, phrase
from app.domain.finance import (
    AgreedVariation,
    ChargeDocument,
    CreditNoteDocument,
    Lang,
    credit_note_reference,
)
from app.domain.images import LogoUnusable, check_logo
from app.domain.money import ZERO, parse_amount
from app.domain.pricing import vat_on
from app.domain.references import request_reference
from app.services import credit, invoice_rules
from app.services import settings as settings_service
from app.services.common import MAX_REASON, audit, clean_text, notify, require
from app.services.document_store import (
    DocumentPreparing,
    store_in,
    stores_at_once,
    table_of,
)

log = logging.getLogger(__name__)

D = TypeVar("D", ChargeDocument, CreditNoteDocument)
Render = Callable[[D], bytes]


# ------------------------------------------------------------------------------- facts


def _when(value: Any) -> datetime | None:
    """A timestamp as JSON holds it (PostgreSQL: ISO with a T; SQLite: with a space)."""
    return None if value in (None, "") else datetime.fromisoformat(str(value))


def _lang(value: Any) -> Lang:
    return "en" if value == "en" else "it"


def _customer(facts: dict[str, Any]) -> CustomerInfo:
    c = facts["customer"]
    return CustomerInfo(c["code"], c["name"],
                        tuple(line for line in (c.get("address") or "").splitlines() if line),
                        c.get("vat_number") or "")


def _company(facts: dict[str, Any]) -> CompanyInfo:
    return settings_service.company_info(facts.get("settings") or {})


def _cents(value: Any) -> Decimal:
    return from_cents(int(value))


def charge_document_of(charge: Any, facts: dict[str, Any]) -> ChargeDocument:
    """The charge document from a charge row and its stored facts."""
    agreed = [AgreedVariation(_cents(v["amount_cents"]), v.get("reason") or "",
                              _when(v.get("answered_at"))) for v in facts.get("variations") or []]
    quote_net = _cents(facts["quote_net_cents"])
    rate = facts.get("hourly_rate_cents")
    before = _cents(facts["balance_before_cents"])
    return ChargeDocument(
        charge_id=charge.id, request_number=charge.request_id,
        quote_revision=int(facts["revision"]), lang=_lang(facts["customer"].get("lang")),
        charged_at=charge.created_at, company=_company(facts), customer=_customer(facts),
        service_name=facts.get("service") or "", service_kind=facts.get("service_kind") or "",
        category=facts.get("category") or "", subject=facts.get("subject") or "",
        kind=charge.kind, logged_minutes=int(facts.get("logged_minutes") or 0),
        billable_minutes=charge.billable_minutes, increment=int(facts.get("increment") or 15),
        hourly_rate=None if rate is None else _cents(rate), quote_net=quote_net,
        ceiling=agreed[-1].amount if agreed else quote_net, capped=bool(charge.capped),
        variations=tuple(agreed), vat_rate=_cents(facts["vat_rate_hundredths"]),
        net=charge.net_cents, vat=charge.vat_cents, total=charge.total_cents,
        balance_before=before, balance_after=before - charge.total_cents,
        vat_point=charge.vat_point,
    )


def credit_note_document_of(note: Any, facts: dict[str, Any]) -> CreditNoteDocument:
    """The credit note from its row and its stored facts."""
    before = _cents(facts["balance_before_cents"])
    charged_at = _when(facts.get("charged_at"))
    return CreditNoteDocument(
        credit_note_id=note.id, sequence=note.sequence, request_number=note.request_id,
        lang=_lang(facts["customer"].get("lang")), issued_at=note.created_at,
        charged_at=charged_at or note.created_at, company=_company(facts),
        customer=_customer(facts), subject=facts.get("subject") or "", reason=note.reason,
        vat_rate=_cents(facts["vat_rate_hundredths"]), net=note.net_cents, vat=note.vat_cents,
        total=note.total_cents, charge_net=_cents(facts["charge_net_cents"]),
        charge_total=_cents(facts["charge_total_cents"]),
        refunded_before=_cents(facts["refunded_before_cents"]), balance_before=before,
        balance_after=before + note.total_cents,
    )


# ------------------------------------------------------------------------- reading


_CHARGE = (
    select(CHARGES.c.id, CHARGES.c.request_id, CHARGES.c.kind, CHARGES.c.billable_minutes,
           CHARGES.c.capped, CHARGES.c.net_cents, CHARGES.c.vat_cents, CHARGES.c.total_cents,
           CHARGES.c.created_at, CHARGES.c.created_by_id, CHARGE_DOCUMENTS.c.facts,
           CHARGE_DOCUMENTS.c.pdf_sha256, CHARGES.c.vat_point)
    .select_from(CHARGES.join(CHARGE_DOCUMENTS, CHARGE_DOCUMENTS.c.charge_id == CHARGES.c.id))
)
CHARGE_ROWS = _CHARGE  # a charge and its document's facts (the worker's job reads them too)
_NOTES = select(CREDIT_NOTES.c.id, CREDIT_NOTES.c.sequence, CREDIT_NOTES.c.request_id,
                CREDIT_NOTES.c.net_cents, CREDIT_NOTES.c.vat_cents, CREDIT_NOTES.c.total_cents,
                CREDIT_NOTES.c.reason, CREDIT_NOTES.c.created_at, CREDIT_NOTES.c.created_by_id,
                CREDIT_NOTES.c.facts, CREDIT_NOTES.c.pdf_sha256)
NOTE_ROWS = _NOTES


def _charge_row(session: Session, number: int) -> Any:
    row = session.execute(_CHARGE.where(CHARGES.c.request_id == number)).first()
    if row is None:
        if session.scalar(select(REQUESTS.c.id).where(REQUESTS.c.id == number)) is None:
            raise NotFoundError.of("unknown request: {request}", request=request_reference(number))
        raise StateError.of("{request} has not been charged", request=request_reference(number))
    return row


@dataclass(frozen=True)
class CreditNoteView:
    credit_note_id: int
    sequence: int
    reference: str
    net: Decimal
    vat: Decimal
    total: Decimal
    reason: str
    created_at: datetime
    pdf_sha256: str | None
    #: the stored PDF's bytes have that SHA-256 (None: nothing stored yet)
    pdf_intact: bool | None = None


@dataclass(frozen=True)
class ChargeSummary:
    """A charge's document, its stored PDF's hash, its refunds and what is left of it."""

    document: ChargeDocument
    pdf_sha256: str | None
    refunds: tuple[CreditNoteView, ...]
    #: the stored PDF's bytes have that SHA-256 (None: nothing stored yet)
    pdf_intact: bool | None = None

    @property
    def document_state(self) -> str:
        """``stored``, or ``preparing`` until the worker has stored it (PostgreSQL; on the
        embedded file: until the workstation stores it, at once or on first request)."""
        return "preparing" if self.pdf_sha256 is None else "stored"

    @property
    def intact(self) -> bool:
        """No stored document (the charge's, its credit notes') differs from its SHA-256."""
        return self.pdf_intact is not False and all(r.pdf_intact is not False
                                                    for r in self.refunds)

    @property
    def refunded(self) -> Decimal:
        return sum((r.total for r in self.refunds), ZERO)

    @property
    def refundable_net(self) -> Decimal:
        return self.document.net - sum((r.net for r in self.refunds), ZERO)


def _note_view(row: Any, pdf: bytes | None) -> CreditNoteView:
    return CreditNoteView(row.id, row.sequence, credit_note_reference(row.request_id, row.sequence),
                          row.net_cents, row.vat_cents, row.total_cents, row.reason,
                          row.created_at, row.pdf_sha256, _intact(pdf, row.pdf_sha256))


def _intact(pdf: Any, sha256: str | None) -> bool | None:
    """Whether stored bytes have their stored SHA-256 (None: nothing stored)."""
    if pdf is None and sha256 is None:
        return None
    return pdf is not None and hashlib.sha256(bytes(pdf)).hexdigest() == sha256


def _verified(pdf: Any, sha256: str | None, what: str) -> bytes:
    """The stored bytes, when they have the stored SHA-256: a document changed after it
    was stored (by hand in the database) is never handed out as the document."""
    if not _intact(pdf, sha256):
        raise StateError.of("the stored document {document} does not match its SHA-256: it "
                            "was changed after it was stored", document=what)
    return bytes(pdf)


def charge_summary(db: Database, actor: str, number: int) -> ChargeSummary:
    """What ``rit-desk charges show`` and the charge dialog show (team lead, finance)."""
    with db.read() as session:
        require(session, actor, "view_finance")
        row = _charge_row(session, number)
        notes = session.execute(_NOTES.add_columns(CREDIT_NOTES.c.pdf)
                                .where(CREDIT_NOTES.c.charge_id == row.id)
                                .order_by(CREDIT_NOTES.c.sequence)).all()
        pdf = session.scalar(select(CHARGE_DOCUMENTS.c.pdf)
                             .where(CHARGE_DOCUMENTS.c.charge_id == row.id))
        return ChargeSummary(charge_document_of(row, json.loads(row.facts)), row.pdf_sha256,
                             tuple(_note_view(n, n.pdf) for n in notes),
                             _intact(pdf, row.pdf_sha256))


# ------------------------------------------------------------------------- the PDFs


def render_document(document: D, render: Render[D]) -> bytes:
    """``render(document)``; a company logo that cannot be drawn is left out (as on quotes)."""
    company = document.company
    if company.logo_path and company.with_logo:
        try:
            check_logo(company.logo_path)
        except LogoUnusable as exc:
            log.warning("%s rendered without the company logo: %s", document.reference, exc)
            document = replace(document, company=replace(company, with_logo=False))
    return render(document)


def _store(db: Database, kind: str, ident: int, pdf: bytes, what: str) -> bytes:
    """Store ``pdf`` unless a PDF is stored already; the PDF stored (the first one)."""
    table, key = table_of(kind)
    with db.transaction() as session:
        store_in(db, session, kind, ident, pdf)
        stored = session.execute(select(table.c.pdf, table.c.pdf_sha256).where(key == ident)).first()
    if stored is None or stored.pdf is None:
        return pdf
    return _verified(stored.pdf, stored.pdf_sha256, what)


def _may_store(staff: Any, made_by: int) -> bool:
    """Who stores a document missed after its charge or refund on the embedded file: who
    made it, finance, an admin."""
    return bool(staff.id == made_by or staff.role in ("finance", "admin"))


def _first_copy(db: Database, staff: Any, kind: str, ident: int, made_by: int,
                render: Callable[[], bytes], what: str) -> bytes:
    """A document asked for before it is stored. PostgreSQL: the worker renders and
    stores it (DocumentPreparing until then: the caller waits,
    ``document_jobs.wait_for``). The embedded file, and trusted maintenance on
    PostgreSQL (a one-machine set-up): rendered now, stored when the viewer may store
    it; otherwise (a team lead viewing another's charge) shown as rendered from the
    stored facts."""
    if not stores_at_once(db):
        raise DocumentPreparing.of("the document {document} is being prepared: the worker "
                                   "renders and stores it", document=what)
    pdf = render()
    if _may_store(staff, made_by):
        return _store(db, kind, ident, pdf, what)
    log.info("%s shown to %s as rendered, not stored (they may not store it)", what,
             staff.username)
    return pdf


def charge_pdf(db: Database, actor: str, number: int, render: Render[ChargeDocument]) -> bytes:
    """The charge document of request ``number``: the stored bytes; rendered from its
    facts and stored first if that was not done when it was charged."""
    with db.read() as session:
        staff = require(session, actor, "view_finance")
        row = _charge_row(session, number)
        pdf = session.scalar(select(CHARGE_DOCUMENTS.c.pdf)
                             .where(CHARGE_DOCUMENTS.c.charge_id == row.id))
        document = charge_document_of(row, json.loads(row.facts))
        if pdf is not None or row.pdf_sha256 is not None:
            return _verified(pdf, row.pdf_sha256, document.reference)
    return _first_copy(db, staff, "charge", document.charge_id, row.created_by_id,
                       lambda: render_document(document, render), document.reference)


def store_charge_pdf(db: Database, number: int, render: Render[ChargeDocument]) -> str | None:
    """Right after a charge committed, by the workstation that charged: render its
    document from the stored facts and store it. The stored PDF's SHA-256 (None when
    the request has no charge)."""
    with db.read() as session:
        row = session.execute(_CHARGE.where(CHARGES.c.request_id == number)).first()
        if row is None:
            return None
        if row.pdf_sha256 is not None:
            return str(row.pdf_sha256)
        document = charge_document_of(row, json.loads(row.facts))
    return hashlib.sha256(_store(db, "charge", document.charge_id, render_document(document, render),
                                 document.reference)).hexdigest()


def _note_row(session: Session, number: int, sequence: int) -> Any:
    row = session.execute(_NOTES.where(CREDIT_NOTES.c.request_id == number,
                                       CREDIT_NOTES.c.sequence == sequence)).first()
    if row is None:
        raise NotFoundError.of("unknown credit note: {reference}",
                               reference=credit_note_reference(number, sequence))
    return row


def credit_note_pdf(db: Database, actor: str, number: int, sequence: int,
                    render: Render[CreditNoteDocument]) -> bytes:
    """Credit note ``sequence`` of request ``number``'s charge, as stored (rendered and
    stored first if that was missed)."""
    with db.read() as session:
        staff = require(session, actor, "view_finance")
        row = _note_row(session, number, sequence)
        pdf = session.scalar(select(CREDIT_NOTES.c.pdf).where(CREDIT_NOTES.c.id == row.id))
        document = credit_note_document_of(row, json.loads(row.facts))
        if pdf is not None or row.pdf_sha256 is not None:
            return _verified(pdf, row.pdf_sha256, document.reference)
    return _first_copy(db, staff, "credit_note", document.credit_note_id, row.created_by_id,
                       lambda: render_document(document, render), document.reference)


def store_credit_note_pdf(db: Database, number: int, sequence: int,
                          render: Render[CreditNoteDocument]) -> str:
    """Right after a refund committed: render its credit note and store it."""
    with db.read() as session:
        row = _note_row(session, number, sequence)
        if row.pdf_sha256 is not None:
            return str(row.pdf_sha256)
        document = credit_note_document_of(row, json.loads(row.facts))
    return hashlib.sha256(_store(db, "credit_note", document.credit_note_id,
                                 render_document(document, render), document.reference)).hexdigest()


# ------------------------------------------------------------------------- refunds


@dataclass(frozen=True)
class RefundResult:
    request_number: int
    sequence: int
    net: Decimal
    vat: Decimal
    total: Decimal
    balance: Decimal
    status: str
    missing: Decimal
    restarted_services: tuple[str, ...] = ()
    invoice: str | None = None  # the fiscal credit note it issued ("NC 2026/000001"), if any

    @property
    def reference(self) -> str:
        return credit_note_reference(self.request_number, self.sequence)


_REFUND = text(
    "SELECT credit_note_id, sequence, net, vat, total, balance, status, restarted FROM "
    "rit_refund(CAST(:number AS integer), CAST(:net AS bigint), CAST(:reason AS text), "
    "CAST(:acted_for AS text), CAST(:at AS timestamp))")


def refund(db: Database, actor: str, number: int, *, reason: str,
           net: Decimal | str | None = None) -> RefundResult:
    """Refund ``net`` of request ``number``'s charge (default: all that is left of it),
    with a reason; finance and admin only."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    amount = None if net in (None, "") else parse_amount(net, phrase("refund net amount"))
    if db.is_sqlite:
        return _refund_sqlite(db, actor, number, reason, amount)
    with db.transaction() as session:
        row = session.execute(_REFUND, {
            "number": number, "net": None if amount is None else cents(amount),
            "reason": reason, "acted_for": db.acting(actor) or actor, "at": db.now()}).one()
        fiscal = invoice_rules.credit_note_number(session, row.credit_note_id)
    balance = from_cents(row.balance)
    return RefundResult(number, row.sequence, from_cents(row.net), from_cents(row.vat),
                        from_cents(row.total), balance, row.status,
                        credit.missing_amount(balance), tuple(row.restarted), fiscal)


def refund_amounts(charge_net: Decimal, charge_vat: Decimal, rate: Decimal,
                   done_net: Decimal, done_vat: Decimal, net: Decimal | None
                   ) -> tuple[Decimal, Decimal] | None:
    """(net, VAT) of a refund: ``net`` (default: all the net left), VAT at the charge's
    rate, the last refund taking exactly the VAT left, so that the refunds of a charge
    add up to the charge to the cent and never exceed it (as ``rit_refund`` does).
    None when ``net`` is more than what is left."""
    left_net, left_vat = charge_net - done_net, charge_vat - done_vat
    value = left_net if net is None else net
    if value > left_net:
        return None
    vat = left_vat if value == left_net else min(vat_on(value, rate).vat, left_vat)
    return value, vat


def _refund_sqlite(db: Database, actor: str, number: int, reason: str,
                   amount: Decimal | None) -> RefundResult:
    ref = request_reference(number)
    with db.transaction() as session:
        staff = require(session, actor, "refund")
        charge = session.execute(
            select(CHARGES.c.id, CHARGES.c.customer_id, CHARGES.c.net_cents, CHARGES.c.vat_cents,
                   CHARGES.c.total_cents, CHARGES.c.created_at, QUOTES.c.vat_rate_hundredths,
                   REQUESTS.c.subject)
            .select_from(CHARGES.join(QUOTES, QUOTES.c.id == CHARGES.c.quote_id)
                         .join(REQUESTS, REQUESTS.c.id == CHARGES.c.request_id))
            .where(CHARGES.c.request_id == number)).first()
        if charge is None:
            if session.scalar(select(REQUESTS.c.id).where(REQUESTS.c.id == number)) is None:
                raise NotFoundError.of("unknown request: {request}", request=ref)
            raise StateError.of("{request} has no charge to refund", request=ref)
        done = session.execute(
            select(func.count(), func.coalesce(func.sum(CREDIT_NOTES.c.net_cents), ZERO),
                   func.coalesce(func.sum(CREDIT_NOTES.c.vat_cents), ZERO),
                   func.coalesce(func.sum(CREDIT_NOTES.c.total_cents), ZERO))
            .where(CREDIT_NOTES.c.charge_id == charge.id)).one()
        done_count, done_net, done_vat, done_total = (int(done[0]), Decimal(done[1]),
                                                      Decimal(done[2]), Decimal(done[3]))
        if charge.net_cents - done_net <= 0:
            raise StateError.of("the charge of {request} is refunded in full", request=ref)
        amounts = refund_amounts(charge.net_cents, charge.vat_cents, charge.vat_rate_hundredths,
                                 done_net, done_vat, amount)
        if amounts is None:
            raise ValidationError.of(
                "a refund of {net} net is more than what is left of the charge of {request} "
                "({left})", request=ref, net=amount, left=charge.net_cents - done_net)
        net, vat = amounts
        total = net + vat
        credit.check_bounds(session, total)
        invoice_rules.require_issuable(session, "refund")
        customer = session.execute(select(CUSTOMERS).where(
            CUSTOMERS.c.id == charge.customer_id)).one()
        sequence = done_count + 1
        company = {str(key): str(value) for key, value in session.execute(
            select(SETTINGS.c.key, SETTINGS.c.value).where(SETTINGS.c.key.like("company%")))}
        facts = {
            "subject": charge.subject, "charged_at": charge.created_at.isoformat(sep=" "),
            "vat_rate_hundredths": cents(charge.vat_rate_hundredths),
            "charge_net_cents": cents(charge.net_cents),
            "charge_total_cents": cents(charge.total_cents),
            "refunded_before_cents": cents(done_total),
            "balance_before_cents": cents(customer.balance_cents),
            "customer": {"code": customer.code, "name": customer.name,
                         "address": customer.address, "vat_number": customer.vat_number,
                         "lang": customer.lang},
            "settings": company,
        }
        now = db.now()
        note_id = session.execute(insert(CREDIT_NOTES).returning(CREDIT_NOTES.c.id), {
            "charge_id": charge.id, "sequence": sequence, "request_id": number,
            "customer_id": charge.customer_id, "net_cents": net, "vat_cents": vat,
            "total_cents": total, "reason": reason, "created_at": now,
            "created_by_id": staff.id, "facts": json.dumps(facts, ensure_ascii=False,
                                                          sort_keys=True)}).scalar_one()
        posting = credit.post_locked(
            db, session, charge.customer_id, customer.balance_cents, customer.status,
            LedgerKind.REFUND, total, actor=staff.username,
            reference=credit_note_reference(number, sequence), reason=reason, request_id=number)
        session.execute(update(LEDGER).where(LEDGER.c.id == posting.entry_id)
                        .values(credit_note_id=note_id))
        fiscal = invoice_rules.credit_note_number(session, note_id)
        audit(db, session, staff.username, "refund", request_id=number,
              customer_id=charge.customer_id, credit_note=sequence, net=net, vat=vat,
              total=total, reason=reason, balance=posting.balance,
              **({"invoice": fiscal} if fiscal else {}))
        notify(db, session, charge.customer_id, NoticeKind.CHARGE_REFUNDED, request_id=number,
               credit_note=sequence, net=net, vat=vat, total=total, balance=posting.balance)
        return RefundResult(number, sequence, net, vat, total, posting.balance, posting.status,
                            credit.missing_amount(posting.balance), posting.restarted, fiscal)
