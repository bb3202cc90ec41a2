"""Invoices and credit notes: reading them, their documents, storing their files.

The database issues them with the top-up, charge or refund they are for (migration 0026);
here they are listed, shown, their PDF and FatturaPA XML rendered from the stored facts
and stored once with their SHA-256 (on the embedded file by the workstation right after
the use case; on PostgreSQL by the worker alone, through ``rit_store_invoice``), handed
out only while they still have their SHA-256, and exported for the SDI intermediary.
The renderers are passed in (``reports/``): ``app/`` imports no ``reports``.
Who may read them: team leads, finance and admins (as charge documents).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CUSTOMERS, INVOICES, REQUESTS
from app.domain.errors import NotFoundError, StateError, ValidationError
from app.domain.invoices import (
    BUYER_FLAGS,
    SERIES,
    InvoiceDocument,
    document_number,
    missing_buyer_fields,
)
from app.services import document_jobs
from app.services.common import require
from app.services.invoice_facts import invoice_document_of

Render = Callable[[InvoiceDocument], bytes]
FileKind = Literal["pdf", "xml"]


@dataclass(frozen=True)
class Renderers:
    """The courtesy-copy PDF and the FatturaPA XML of a document; ``xml`` validates what
    it makes and raises when it is not valid (nothing is stored then)."""

    pdf: Render
    xml: Render


@dataclass(frozen=True)
class InvoiceRow:
    invoice_id: int
    number: str
    type: str
    issue_date: date
    customer: str  # code
    customer_name: str
    net: Decimal
    vat: Decimal
    stamp_duty: Decimal
    total: Decimal
    reference: str
    xml_sha256: str | None
    pdf_sha256: str | None
    xml_filename: str | None
    #: the buyer's fields its files wait for (customers set): empty once they are complete
    missing: tuple[str, ...] = ()

    @property
    def state(self) -> str:
        """``stored`` (its files are made), ``preparing`` (the worker makes them shortly)
        or ``waiting`` (for the customer's fiscal data: :attr:`missing`)."""
        if self.pdf_sha256 is not None:
            return "stored"
        return "waiting" if self.missing else "preparing"


@dataclass(frozen=True)
class InvoiceView:
    row: InvoiceRow
    document: InvoiceDocument
    pdf_intact: bool | None  # None: not stored yet
    xml_intact: bool | None


_COLUMNS = (INVOICES.c.id, INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive,
            INVOICES.c.issue_date, CUSTOMERS.c.code, CUSTOMERS.c.name,
            INVOICES.c.net_cents.label("net"), INVOICES.c.vat_cents.label("vat"),
            INVOICES.c.stamp_duty_cents.label("stamp_duty"),
            INVOICES.c.total_cents.label("total"), INVOICES.c.reference,
            INVOICES.c.xml_sha256, INVOICES.c.pdf_sha256, INVOICES.c.xml_filename,
            CUSTOMERS.c.kind.label("buyer_kind"), CUSTOMERS.c.vat_number.label("buyer_vat"),
            CUSTOMERS.c.tax_code.label("buyer_tax_code"), CUSTOMERS.c.street.label("buyer_street"),
            CUSTOMERS.c.postcode.label("buyer_postcode"), CUSTOMERS.c.city.label("buyer_city"),
            CUSTOMERS.c.country.label("buyer_country"))
_NUMBER = re.compile(r"^\s*(FT|NC)\s*(\d{4})\s*/\s*0*(\d{1,9})\s*$", re.IGNORECASE | re.ASCII)


def _select() -> Select[Any]:
    return select(*_COLUMNS).select_from(
        INVOICES.join(CUSTOMERS, CUSTOMERS.c.id == INVOICES.c.customer_id))


def buyer_complete() -> ColumnElement[bool]:
    """SQL: the customer (``CUSTOMERS``) has what an invoice to them needs
    (:func:`app.domain.invoices.missing_buyer_data` read on the row; the postcode of an
    Italian one was checked as five digits when it was set)."""
    c = CUSTOMERS.c
    italian = or_(c.country == "IT", c.country == "")
    return and_(func.trim(c.street) != "", func.trim(c.city) != "",
                or_(~italian, and_(func.length(func.trim(c.postcode)) == 5,
                                   or_(func.trim(c.vat_number) != "",
                                       func.trim(c.tax_code) != ""))))


def _missing(r: Any) -> tuple[str, ...]:
    """What the files of an unrendered document wait for: the buyer's data as they are
    now (the database keeps the facts of an unrendered document in step with them:
    migration 0028)."""
    if r.pdf_sha256 is not None:
        return ()
    return missing_buyer_fields(r.name, r.buyer_kind, r.buyer_vat, r.buyer_tax_code, r.buyer_street,
                       r.buyer_postcode, r.buyer_city, r.buyer_country)


def _row(r: Any) -> InvoiceRow:
    return InvoiceRow(r.id, document_number(r.type, r.year, r.progressive), r.type,
                      r.issue_date, r.code, r.name, r.net, r.vat, r.stamp_duty, r.total,
                      r.reference, r.xml_sha256, r.pdf_sha256, r.xml_filename, _missing(r))


def waiting_error(row: InvoiceRow) -> StateError:
    """Why ``row``'s files cannot be made yet, and how to let them be."""
    flags = " ".join(f"{BUYER_FLAGS[f]} ..." for f in row.missing)
    return StateError.of(
        "the documents of {number} wait for customer {customer}'s fiscal data: rit-desk "
        "customers set {customer} {flags}; its number stays {number}",
        number=row.number, customer=row.customer, flags=flags)


def parse_number(value: str) -> tuple[str, int, int]:
    """``"FT 2026/000001"`` -> ``("TD01", 2026, 1)``."""
    found = _NUMBER.match(value or "")
    if not found:
        raise ValidationError.of(
            "not an invoice or credit note number: {value!r} (e.g. FT 2026/000001, "
            "NC 2026/000004)", value=value)
    kind = {v: k for k, v in SERIES.items()}[found.group(1).upper()]
    return kind, int(found.group(2)), int(found.group(3))


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError.of("the period ends ({end}) before it starts ({start})",
                                 start=start, end=end)


def _rows(session: Session, start: date, end: date) -> list[InvoiceRow]:
    return [_row(r) for r in session.execute(
        _select().where(INVOICES.c.issue_date >= start, INVOICES.c.issue_date <= end)
        .order_by(INVOICES.c.issue_date, INVOICES.c.type, INVOICES.c.year,
                  INVOICES.c.progressive))]


def list_invoices(db: Database, actor: str, start: date, end: date) -> list[InvoiceRow]:
    """The invoices and credit notes issued from ``start`` to ``end`` (both included)."""
    _check_period(start, end)
    with db.read() as session:
        require(session, actor, "view_finance")
        return _rows(session, start, end)


def _find(session: Session, number: str) -> Any:
    kind, year, progressive = parse_number(number)
    row = session.execute(_select().add_columns(INVOICES.c.facts).where(
        INVOICES.c.type == kind, INVOICES.c.year == year,
        INVOICES.c.progressive == progressive)).first()
    if row is None:
        raise NotFoundError.of("unknown invoice or credit note: {number}",
                               number=document_number(kind, year, progressive))  # type: ignore[arg-type]
    return row


def _document(row: Any) -> InvoiceDocument:
    return invoice_document_of(row, json.loads(row.facts))


def _intact(data: Any, sha256: str | None) -> bool | None:
    if data is None and sha256 is None:
        return None
    return data is not None and hashlib.sha256(bytes(data)).hexdigest() == sha256


def invoice_view(db: Database, actor: str, number: str) -> InvoiceView:
    """An invoice or credit note: its row, its document, whether its files are intact."""
    with db.read() as session:
        require(session, actor, "view_finance")
        row = _find(session, number)
        files = session.execute(select(INVOICES.c.pdf, INVOICES.c.xml)
                                .where(INVOICES.c.id == row.id)).one()
        return InvoiceView(_row(row), _document(row), _intact(files.pdf, row.pdf_sha256),
                           _intact(files.xml, row.xml_sha256))


def invoice_file(db: Database, actor: str, number: str, kind: FileKind,
                 renderers: Renderers | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of a document's stored PDF or XML; on the embedded file, one not
    stored yet is rendered and stored first (with ``renderers``)."""
    with db.read() as session:
        require(session, actor, "view_finance")
        row = _find(session, number)
        ident = int(row.id)
    if row.pdf_sha256 is None and (listed := _row(row)).missing:
        raise waiting_error(listed)
    if row.pdf_sha256 is None and renderers is not None and db.is_sqlite:
        store_files(db, ident, renderers)
    with db.read() as session:
        stored = session.execute(select(INVOICES.c.pdf, INVOICES.c.pdf_sha256, INVOICES.c.xml,
                                        INVOICES.c.xml_sha256, INVOICES.c.xml_filename)
                                 .where(INVOICES.c.id == ident)).one()
    label = document_number(row.type, row.year, row.progressive)
    data, sha = (stored.pdf, stored.pdf_sha256) if kind == "pdf" else (stored.xml,
                                                                       stored.xml_sha256)
    if data is None and sha is None:
        raise StateError.of("the documents of {number} are not made yet: the worker makes "
                            "them shortly", number=label)
    if not _intact(data, sha):
        raise StateError.of("the stored document {document} does not match its SHA-256: it "
                            "was changed after it was stored", document=label)
    name = stored.xml_filename if kind == "xml" else pdf_filename(label)
    return str(name), bytes(data)


def pdf_filename(number: str) -> str:
    """``FT 2026/000001`` -> ``FT_2026_000001.pdf``."""
    return number.replace(" ", "_").replace("/", "_") + ".pdf"


# ------------------------------------------------------------------------ storing


_STORE = text("SELECT rit_store_invoice(CAST(:id AS integer), CAST(:pdf AS bytea), "
              "CAST(:xml AS bytea), CAST(:name AS text), CAST(:at AS timestamp))")
_PACKED = b"RIT-INVOICE-FILES 1\n"


def pack(pdf: bytes, xml: bytes, xml_filename: str) -> bytes:
    """A document's two files as the one ``bytes`` the worker's registry passes from the
    renderer to :func:`_store_packed` (``app/services/document_jobs.py`` carries one file
    a kind)."""
    return _PACKED + f"{len(pdf)} {len(xml)} {xml_filename}\n".encode("ascii") + pdf + xml


def unpack(data: bytes) -> tuple[bytes, bytes, str]:
    if not data.startswith(_PACKED):
        raise ValueError("not an invoice's rendered files")
    head, _, rest = data[len(_PACKED):].partition(b"\n")
    pdf_size, xml_size, name = head.decode("ascii").split(" ", 2)
    pdf, xml = rest[:int(pdf_size)], rest[int(pdf_size):]
    if len(xml) != int(xml_size):
        raise ValueError("an invoice's rendered files are cut short")
    return pdf, xml, name


def render(document: InvoiceDocument, renderers: Renderers) -> bytes:
    """The PDF and the XML of ``document`` (the XML renderer validates it), packed."""
    return pack(renderers.pdf(document), renderers.xml(document), document.xml_filename)


def _store_in(db: Database, session: Session, ident: int, packed: bytes) -> str:
    """Store a document's files once in the caller's transaction; the stored PDF's
    SHA-256. On PostgreSQL through ``rit_store_invoice``: the worker's login or trusted
    maintenance only."""
    pdf, xml, name = unpack(packed)
    if db.is_sqlite:
        session.execute(update(INVOICES).where(INVOICES.c.id == ident,
                                               INVOICES.c.pdf_sha256.is_(None)).values(
            pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(), xml=xml,
            xml_sha256=hashlib.sha256(xml).hexdigest(), xml_filename=name,
            rendered_at=db.now()))
    else:
        session.execute(_STORE, {"id": ident, "pdf": pdf, "xml": xml, "name": name,
                                 "at": db.now()})
    return str(session.scalar(select(INVOICES.c.pdf_sha256).where(INVOICES.c.id == ident)))


def _pending(session: Session, limit: int) -> Sequence[int]:
    """The documents whose files can be made now, oldest first: those waiting for their
    buyer's fiscal data are left out (never tried, so never failing round after round,
    and never in the way of the others)."""
    return session.scalars(
        select(INVOICES.c.id).select_from(
            INVOICES.join(CUSTOMERS, CUSTOMERS.c.id == INVOICES.c.customer_id))
        .where(INVOICES.c.pdf_sha256.is_(None), buyer_complete())
        .order_by(INVOICES.c.id).limit(limit)).all()


def buyer_missing(db: Database, *, customer: str | None = None,
                  request: int | None = None) -> tuple[str, ...]:
    """The fields a customer (by code, or the customer of a request) lacks for an invoice
    to be made (what the documents a use case just issued them wait for); empty when
    they are complete."""
    c = CUSTOMERS.c
    stmt = select(c.name, c.kind, c.vat_number, c.tax_code, c.street, c.postcode, c.city,
                  c.country)
    if request is not None:
        stmt = stmt.join(REQUESTS, REQUESTS.c.customer_id == c.id).where(REQUESTS.c.id == request)
    else:
        stmt = stmt.where(c.code == customer)
    with db.read() as session:
        found = session.execute(stmt).first()
    return () if found is None else missing_buyer_fields(*found)


def waiting(db: Database, actor: str) -> list[InvoiceRow]:
    """The documents whose files wait for their customer's fiscal data, oldest first."""
    with db.read() as session:
        require(session, actor, "view_finance")
        return [_row(r) for r in session.execute(
            _select().where(INVOICES.c.pdf_sha256.is_(None), ~buyer_complete())
            .order_by(INVOICES.c.id))]


def _take(db: Database, session: Session, ident: int) -> document_jobs.Taken | None:
    row = session.execute(_select().add_columns(INVOICES.c.facts).where(
        INVOICES.c.id == ident, INVOICES.c.pdf_sha256.is_(None))).first()
    if row is None:
        return None
    document = _document(row)
    return document_jobs.Taken(document, document.number)


#: the worker's kind (app/services/document_jobs.py): its renderer, by this name, is
#: ``ui/finance/documents.py``'s (the PDF and the validated XML, packed)
KIND = document_jobs.register(document_jobs.DocumentKind("invoice", _pending, _take, _store_in))


def store_files(db: Database, invoice_id: int, renderers: Renderers) -> str | None:
    """Render a document from its stored facts and store its files once (the first stay);
    the stored PDF's SHA-256 (None: no such document). Where the workstation stores at
    once (the embedded file, trusted maintenance); else the worker does."""
    with db.read() as session:
        row = session.execute(_select().add_columns(INVOICES.c.facts)
                              .where(INVOICES.c.id == invoice_id)).first()
        if row is None:
            return None
        if row.pdf_sha256 is not None:
            return str(row.pdf_sha256)
        document = _document(row)
    packed = render(document, renderers)
    with db.transaction() as session:
        return _store_in(db, session, invoice_id, packed)


def unrendered(db: Database, limit: int = 100) -> list[int]:
    """The documents whose files are not stored yet, oldest first."""
    with db.read() as session:
        return list(_pending(session, limit))


def store_unrendered(db: Database, renderers: Renderers, limit: int = 100) -> list[int]:
    """Store the files of every document that has none yet; the ids stored."""
    done = []
    for ident in unrendered(db, limit):
        if store_files(db, ident, renderers) is not None:
            done.append(ident)
    return done


# ---------------------------------------------------------------- what a use case issued


_NUMBER_OF = text("SELECT rit_invoice_number(CAST(:ledger AS integer), "
                  "CAST(:charge AS integer))")


def number_of(db: Database, *, ledger_entry_id: int | None = None,
              charge_id: int | None = None, request_id: int | None = None) -> str | None:
    """The number of the document a top-up (its ledger entry) or a charge (its id, or its
    request's) issued; None where the VAT point issues none."""
    with db.read() as session:
        return number_in(session, ledger_entry_id=ledger_entry_id, charge_id=charge_id,
                         request_id=request_id)


def number_in(session: Session, *, ledger_entry_id: int | None = None,
              charge_id: int | None = None, request_id: int | None = None) -> str | None:
    """:func:`number_of` in the caller's transaction (the use case that issued it); on
    PostgreSQL through ``rit_invoice_number``, as who made it may not read invoices."""
    if session.get_bind().dialect.name == "postgresql" and request_id is None:
        found_number = session.scalar(_NUMBER_OF, {"ledger": ledger_entry_id,
                                                   "charge": charge_id})
        return None if found_number is None else str(found_number)
    stmt = select(INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive)
    if ledger_entry_id is not None:
        stmt = stmt.where(INVOICES.c.ledger_entry_id == ledger_entry_id)
    elif charge_id is not None:
        stmt = stmt.where(INVOICES.c.charge_id == charge_id)
    elif request_id is not None:
        stmt = stmt.where(INVOICES.c.request_id == request_id, INVOICES.c.type == "TD01")
    else:
        return None
    found = session.execute(stmt).first()
    return None if found is None else document_number(found.type, found.year, found.progressive)


# ------------------------------------------------------------------------- export


@dataclass(frozen=True)
class StoredFiles:
    """A document's row and its stored files, as the export writes them."""

    row: InvoiceRow
    xml_filename: str
    xml: bytes
    pdf: bytes


def export_items(db: Database, actor: str, start: date, end: date) -> list[StoredFiles]:
    """The period's documents with their stored files, for the SDI intermediary (the
    writer is ``reports.invoice_export``; nothing is transmitted from here). Refused while
    a document's files are not stored yet or no longer match their SHA-256."""
    items = []
    for row in list_invoices(db, actor, start, end):
        xml_name, xml = invoice_file(db, actor, row.number, "xml")
        _, pdf = invoice_file(db, actor, row.number, "pdf")
        items.append(StoredFiles(row, xml_name, xml, pdf))
    return items
