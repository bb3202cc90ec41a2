"""A quote as a document: what ``reports/`` renders, its PDF, the stored PDFs."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.documents import CustomerInfo, QuoteDocument, QuoteLineDoc
from app.domain.enums import LANGUAGES, QuoteKind, QuoteState
from app.domain.errors import NotFoundError, ValidationError
from app.domain.images import LogoUnusable, check_logo
from app.domain.references import quote_reference
from app.domain.vat_point import quote_stamp_duty
from app.services import settings as settings_service

#: the quotes' logger, as before these functions left app.services.quotes
log = logging.getLogger("app.services.quotes")


def build_document(session: Session, quote: m.Quote, *, lang: str | None = None) -> QuoteDocument:
    """The plain document ``reports/`` renders for this quote."""
    conf = settings_service.load(session)
    request = quote.request
    customer = request.customer
    issued = (quote.sent_at or quote.created_at).date()
    language = lang or quote.lang or customer.lang
    return QuoteDocument(
        quote_id=quote.id,
        request_number=request.id,
        revision=quote.revision,
        lang="en" if language == "en" else "it",
        issue_date=issued,
        valid_until=quote.valid_until,
        company=conf.company,
        customer=CustomerInfo(customer.code, customer.name,
                              tuple(x for x in customer.address.splitlines() if x),
                              customer.vat_number),
        service_name=request.service.name,
        service_kind=request.service.kind,
        category=request.category,
        request_subject=request.subject,
        kind=QuoteKind(quote.kind).value,
        net=quote.net,
        vat_rate=quote.vat_rate,
        vat=quote.vat,
        total=quote.total,
        lines=tuple(QuoteLineDoc(li.description, li.quantity, li.unit_price, li.amount)
                    for li in quote.lines),
        hourly_rate=quote.hourly_rate,
        estimated_hours=quote.estimated_hours,
        billing_increment_minutes=quote.billing_increment,
        notes=quote.notes,
        draft=quote.state == QuoteState.DRAFT,
        vat_point=settings_service.vat_point(session),
        vat_nature=quote.vat_nature or "",
        legal_reference=quote.vat_legal_reference or "",
        stamp_duty=quote_stamp_duty(quote.net, quote.vat_rate, quote.vat_nature),
    )


def quote_document(db: Database, quote_id: int, *, lang: str | None = None) -> QuoteDocument:
    if lang is not None and lang not in LANGUAGES:
        raise ValidationError.of("language must be it or en: {lang!r}", lang=lang)
    with db.read() as session:
        quote = session.get(m.Quote, quote_id)
        if quote is None:
            raise NotFoundError.of("unknown quote: {quote_id}", quote_id=quote_id)
        return build_document(session, quote, lang=lang)


def quote_pdf(db: Database, quote_id: int, *, lang: str | None = None) -> bytes:
    """The PDF of a quote: exactly the stored bytes for a sent quote (in its language);
    a fresh rendering for drafts (marked as draft) and for another language."""
    with db.read() as session:
        quote = session.get(m.Quote, quote_id)
        if quote is None:
            raise NotFoundError.of("unknown quote: {quote_id}", quote_id=quote_id)
        if quote.pdf is not None and (lang is None or lang == quote.lang):
            return quote.pdf
        document = build_document(session, quote, lang=lang)
    return render(db, document)[0]


def render(db: Database, document: QuoteDocument) -> tuple[bytes, str | None]:
    """The PDF of ``document``, and why the company logo was left out (None: it is there).

    A company logo that cannot be drawn (deleted, replaced, broken after it was set) never
    stops a quote: the document is rendered without it, the problem logged and returned
    for the audit.
    """
    if db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    company = document.company
    problem: LogoUnusable | None = None
    if company.logo_path and company.with_logo:
        try:
            check_logo(company.logo_path)
            return db.renderer(document), None
        except LogoUnusable as exc:
            problem = exc
    if problem is None:
        return db.renderer(document), None
    log.warning("quote %s rendered without the company logo: %s", document.reference, problem)
    plain = replace(document, company=replace(company, with_logo=False))
    return db.renderer(plain), str(problem)


def sent_quotes(db: Database, since: date, until: date | None = None) -> list[tuple[int, str]]:
    """Sent quotes (id, reference) in a period of sending days, for batch export."""
    with db.read() as session:
        stmt = (
            select(m.Quote.id, m.Quote.request_id, m.Quote.revision)
            .where(m.Quote.sent_at.is_not(None), m.Quote.sent_at >= since)
            .order_by(m.Quote.sent_at, m.Quote.id)
        )
        if until is not None:
            stmt = stmt.where(m.Quote.sent_at < until + timedelta(days=1))
        return [(qid, quote_reference(rid, rev)) for qid, rid, rev in session.execute(stmt)]


def stored_pdfs(db: Database, quote_ids: Sequence[int]) -> list[tuple[int, str, bytes]]:
    """(id, reference, stored bytes) of sent quotes."""
    out: list[tuple[int, str, bytes]] = []
    with db.read() as session:
        for start in range(0, len(quote_ids), 200):
            chunk = list(quote_ids[start:start + 200])
            rows = session.execute(
                select(m.Quote.id, m.Quote.request_id, m.Quote.revision, m.Quote.pdf)
                .where(m.Quote.id.in_(chunk), m.Quote.pdf.is_not(None))
            ).all()
            out.extend((qid, quote_reference(rid, rev), bytes(pdf)) for qid, rid, rev, pdf in rows)
    order = {qid: i for i, qid in enumerate(quote_ids)}
    out.sort(key=lambda row: order[row[0]])
    return out
