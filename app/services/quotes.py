"""Quotes: drafts, sending (with the PDF stored), the customer's answer, expiry."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import permissions, states
from app.domain.documents import CustomerInfo, QuoteDocument, QuoteLineDoc
from app.domain.enums import LANGUAGES, NoticeKind, QuoteKind, QuoteState, RequestState
from app.domain.errors import ConflictError, NotFoundError, StateError, ValidationError, phrase
from app.domain.images import LogoUnusable, check_logo
from app.domain.money import (
    parse_amount,
    parse_estimated_hours,
    parse_quantity,
    parse_vat_rate,
)
from app.domain.pricing import Totals, fixed_totals, hourly_totals, line_amount
from app.domain.references import quote_reference, request_reference
from app.services import settings as settings_service
from app.services.common import (
    MAX_TEXT,
    PORTAL,
    audit,
    check_own,
    check_version,
    clean_text,
    get_request,
    lock,
    notify,
    require,
    require_portal,
    touch,
)
from app.services.dto import QuoteLineView, QuoteView

log = logging.getLogger(__name__)

MAX_LINES = 200
#: the longest description of a quote line
MAX_LINE_DESCRIPTION = 1000
MAX_VALIDITY_DAYS = 366


@dataclass(frozen=True)
class LineInput:
    description: str
    quantity: Decimal | str
    unit_price: Decimal | str


@dataclass(frozen=True)
class QuoteInput:
    """What the composer (GUI or CLI) hands in for a draft."""

    kind: str
    valid_until: date
    lines: Sequence[LineInput] = ()
    hourly_rate: Decimal | str | None = None
    estimated_hours: Decimal | str | None = None
    vat_rate: Decimal | str | None = None
    notes: str = ""
    lang: str | None = None


@dataclass(frozen=True)
class _Clean:
    kind: QuoteKind
    valid_until: date
    lines: tuple[tuple[str, Decimal, Decimal], ...]
    hourly_rate: Decimal | None
    estimated_hours: Decimal | None
    vat_rate: Decimal
    notes: str
    lang: str | None
    totals: Totals


def parse_line(text: str) -> LineInput:
    """``"DESCRIPTION;QTY;UNIT_PRICE"`` as given on the command line."""
    parts = text.rsplit(";", 2)
    if len(parts) != 3:
        raise ValidationError.of("a line must be DESCRIPTION;QTY;UNIT_PRICE: {text!r}", text=text)
    return LineInput(parts[0], parts[1], parts[2])


def _validate(data: QuoteInput, today: date, default_vat: Decimal) -> _Clean:
    try:
        kind = QuoteKind(data.kind)
    except ValueError:
        raise ValidationError.of("quote kind must be fixed or hourly: {kind!r}", kind=data.kind) from None
    if data.valid_until < today:
        raise ValidationError.of(
            "the validity date {valid_until} is in the past", valid_until=data.valid_until
        )
    if data.valid_until > today + timedelta(days=MAX_VALIDITY_DAYS):
        raise ValidationError.of("the validity date is more than a year away")
    vat_rate = parse_vat_rate(data.vat_rate) if data.vat_rate not in (None, "") else default_vat
    notes = clean_text(data.notes, phrase("notes"), MAX_TEXT, required=False)
    if data.lang is not None and data.lang not in LANGUAGES:
        raise ValidationError.of("language must be it or en: {lang!r}", lang=data.lang)
    if kind is QuoteKind.FIXED:
        if not data.lines:
            raise ValidationError.of("a fixed-price quote needs at least one line")
        if len(data.lines) > MAX_LINES:
            raise ValidationError.of("a quote has at most {max_lines} lines", max_lines=MAX_LINES)
        lines = tuple(
            (
                clean_text(line.description, phrase("line {index} description", index=i),
                           MAX_LINE_DESCRIPTION),
                parse_quantity(line.quantity, phrase("line {index} quantity", index=i)),
                parse_amount(line.unit_price, phrase("line {index} unit price", index=i)),
            )
            for i, line in enumerate(data.lines, start=1)
        )
        totals = fixed_totals(((q, p) for _, q, p in lines), vat_rate)
        if totals.net > Decimal("1000000"):
            raise ValidationError.of(
                "the quote's net total must not exceed 1,000,000.00: {net}", net=totals.net
            )
        return _Clean(kind, data.valid_until, lines, None, None, vat_rate, notes, data.lang, totals)
    if data.lines:
        raise ValidationError.of("an hourly quote has a rate and estimated hours, not lines")
    if data.hourly_rate in (None, ""):
        raise ValidationError.of("an hourly quote needs an hourly rate")
    if data.estimated_hours in (None, ""):
        raise ValidationError.of("an hourly quote needs the estimated hours")
    rate = parse_amount(data.hourly_rate, phrase("hourly rate"))
    hours = parse_estimated_hours(data.estimated_hours)
    totals = hourly_totals(rate, hours, vat_rate)
    if totals.net > Decimal("1000000"):
        raise ValidationError.of(
            "the indicative net total must not exceed 1,000,000.00: {net}", net=totals.net
        )
    return _Clean(kind, data.valid_until, (), rate, hours, vat_rate, notes, data.lang, totals)


def quote_view(quote: m.Quote, today: date) -> QuoteView:
    return QuoteView(
        id=quote.id,
        request_number=quote.request_id,
        revision=quote.revision,
        kind=quote.kind,
        state=states.effective_quote_state(quote.state, quote.valid_until, today).value,
        stored_state=quote.state,
        vat_rate=quote.vat_rate,
        valid_until=quote.valid_until,
        notes=quote.notes,
        hourly_rate=quote.hourly_rate,
        estimated_hours=quote.estimated_hours,
        billing_increment=quote.billing_increment,
        net=quote.net,
        vat=quote.vat,
        total=quote.total,
        lang=quote.lang,
        created_by=quote.created_by.username,
        created_at=quote.created_at,
        sent_at=quote.sent_at,
        answered_at=quote.answered_at,
        pdf_sha256=quote.pdf_sha256,
        version=quote.version,
        lines=tuple(
            QuoteLineView(li.position, li.description, li.quantity, li.unit_price, li.amount)
            for li in quote.lines
        ),
    )


def _apply(quote: m.Quote, clean: _Clean, default_lang: str, increment: int) -> None:
    quote.kind = clean.kind.value
    quote.valid_until = clean.valid_until
    quote.vat_rate = clean.vat_rate
    quote.notes = clean.notes
    quote.hourly_rate = clean.hourly_rate
    quote.estimated_hours = clean.estimated_hours
    quote.billing_increment = increment
    quote.net, quote.vat, quote.total = clean.totals.net, clean.totals.vat, clean.totals.total
    quote.lang = clean.lang or default_lang
    quote.lines = [
        m.QuoteLine(position=i, description=d, quantity=q, unit_price=p, amount=line_amount(q, p))
        for i, (d, q, p) in enumerate(clean.lines, start=1)
    ]


def create_quote(
    db: Database, actor: str, number: int, data: QuoteInput, *, send: bool = False
) -> QuoteView:
    """Compose a draft quote (a new revision) for a request.

    With ``send`` the draft is also sent in the same transaction: if sending is refused
    (e.g. over a technician's limit) no draft is left behind.
    """
    if send and db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    with db.transaction() as session:
        staff = require(session, actor, "draft_quote", ownership=False)
        if send:
            require(session, actor, "send_quote", ownership=False)
        conf = settings_service.load(session)
        clean = _validate(data, db.today(), conf.default_vat_rate)
        request = get_request(db, session, number)
        check_own(staff, "draft_quote", request)
        states.require("draft_quote", request.state, number)
        draft = session.scalar(
            select(m.Quote.revision).where(m.Quote.request_id == number,
                                           m.Quote.state == QuoteState.DRAFT.value)
        )
        if draft is not None:
            raise ConflictError.of(
                "{request} already has a draft quote ({draft}): edit it",
                request=request_reference(number), draft=quote_reference(number, draft)
            )
        revision = (session.scalar(
            select(func.max(m.Quote.revision)).where(m.Quote.request_id == number)
        ) or 0) + 1
        quote = m.Quote(request_id=number, revision=revision, state=QuoteState.DRAFT.value,
                        created_by_id=staff.id, created_at=db.now())
        _apply(quote, clean, request.customer.lang, conf.billing_increment_minutes)
        session.add(quote)
        if request.state == RequestState.NEW:
            request.state = RequestState.EVALUATING.value
            if request.assignee_id is None:
                request.assignee_id = staff.id
        touch(db, request)
        session.flush()
        audit(db, session, staff.username, "quote_drafted", request_id=number,
              customer_id=request.customer_id, quote=quote.id, revision=revision,
              kind=quote.kind, net=quote.net, total=quote.total)
        if send:
            _send(db, session, staff, conf, quote, request)
        return quote_view(quote, db.today())


def _reference(quote: m.Quote) -> str:
    return quote_reference(quote.request_id, quote.revision)


def _draft(db: Database, session: Session, quote_id: int) -> m.Quote:
    quote = lock(db, session, m.Quote, quote_id, phrase("quote"))
    if quote.state != QuoteState.DRAFT:
        raise StateError.of("quote {quote} was sent and can no longer be changed",
                            quote=_reference(quote))
    return quote


def update_draft(
    db: Database, actor: str, quote_id: int, data: QuoteInput, *, expected_version: int | None
) -> QuoteView:
    with db.transaction() as session:
        staff = require(session, actor, "draft_quote", ownership=False)
        conf = settings_service.load(session)
        clean = _validate(data, db.today(), conf.default_vat_rate)
        quote = _draft(db, session, quote_id)
        check_own(staff, "draft_quote", quote.request)
        check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
        _apply(quote, clean, quote.request.customer.lang, conf.billing_increment_minutes)
        touch(db, quote.request)
        session.flush()
        audit(db, session, staff.username, "quote_edited", request_id=quote.request_id,
              customer_id=quote.request.customer_id, quote=quote.id, net=quote.net,
              total=quote.total)
        return quote_view(quote, db.today())


def delete_draft(db: Database, actor: str, quote_id: int, *, expected_version: int | None = None) -> None:
    with db.transaction() as session:
        staff = require(session, actor, "draft_quote", ownership=False)
        quote = _draft(db, session, quote_id)
        check_own(staff, "draft_quote", quote.request)
        check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
        audit(db, session, staff.username, "quote_draft_deleted", request_id=quote.request_id,
              customer_id=quote.request.customer_id, quote=quote.id, revision=quote.revision)
        session.delete(quote)


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
    )


def send_quote(db: Database, actor: str, quote_id: int, *, expected_version: int | None = None) -> QuoteView:
    """Send a draft: immutable from now on, with its PDF (bytes + SHA-256) stored."""
    if db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    with db.transaction() as session:
        staff = require(session, actor, "send_quote", ownership=False)
        conf = settings_service.load(session)
        quote = _draft(db, session, quote_id)
        check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
        request = get_request(db, session, quote.request_id)
        check_own(staff, "send_quote", request)
        states.require("send_quote", request.state, request.id)
        _send(db, session, staff, conf, quote, request)
        return quote_view(quote, db.today())


def _send(
    db: Database,
    session: Session,
    staff: m.Staff,
    conf: settings_service.Settings,
    quote: m.Quote,
    request: m.Request,
) -> None:
    """Send a locked draft inside the caller's transaction (PDF stored, earlier ones superseded)."""
    permissions.check_send_limit(staff.role, staff.username, quote.net, conf.tech_send_limit)
    today = db.today()
    if quote.valid_until < today:
        raise ValidationError.of(
            "the validity date {valid_until} is in the past: edit the draft", valid_until=quote.valid_until
        )
    for earlier in session.scalars(
        select(m.Quote).where(m.Quote.request_id == request.id,
                              m.Quote.state == QuoteState.SENT.value)
    ):
        earlier.state = QuoteState.SUPERSEDED.value
    now = db.now()
    quote.state = QuoteState.SENT.value
    quote.sent_at = now
    quote.sent_by_id = staff.id
    session.flush()
    pdf, logo_problem = render(db, build_document(session, quote))
    quote.pdf = pdf
    quote.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    request.state = RequestState.QUOTED.value
    request.quote_total = quote.total
    request.quote_valid_until = quote.valid_until
    if request.assignee_id is None:
        request.assignee_id = staff.id
    touch(db, request)
    ref = quote_reference(request.id, quote.revision)
    audit(db, session, staff.username, "quote_sent", request_id=request.id,
          customer_id=request.customer_id, quote=quote.id, reference=ref, kind=quote.kind,
          net=quote.net, vat=quote.vat, total=quote.total,
          valid_until=quote.valid_until.isoformat(), sha256=quote.pdf_sha256,
          **({"logo_problem": logo_problem} if logo_problem else {}))
    notify(db, session, request.customer_id, NoticeKind.QUOTE_PROPOSED, request_id=request.id,
           quote=quote.id, reference=ref, quote_kind=quote.kind, total=quote.total,
           valid_until=quote.valid_until.isoformat())
    session.flush()


def _answerable(db: Database, session: Session, quote_id: int) -> tuple[m.Quote, m.Request]:
    quote = lock(db, session, m.Quote, quote_id, phrase("quote"))
    state = states.effective_quote_state(quote.state, quote.valid_until, db.today())
    if state is QuoteState.EXPIRED:
        raise StateError.of(
            "quote {quote} expired on {valid_until} and can no longer be accepted: ask for a new quote",
            quote=_reference(quote), valid_until=quote.valid_until
        )
    if state is QuoteState.SUPERSEDED:
        raise StateError.of("quote {quote} was replaced by a newer revision",
                            quote=_reference(quote))
    if state is not QuoteState.SENT:
        raise StateError.of(
            "quote {quote} is {quote_state} and cannot be answered",
            quote=_reference(quote), quote_state=state.value
        )
    request = get_request(db, session, quote.request_id)
    states.require("answer_quote", request.state, request.id)
    return quote, request


def accept_quote(db: Database, quote_id: int) -> QuoteView:
    """The customer accepts a sent quote before its validity date."""
    require_portal(db)
    with db.transaction() as session:
        quote, request = _answerable(db, session, quote_id)
        quote.state = QuoteState.ACCEPTED.value
        quote.answered_at = db.now()
        request.state = RequestState.ACCEPTED.value
        touch(db, request)
        audit(db, session, f"{PORTAL}:{request.customer.code}", "quote_accepted",
              request_id=request.id, customer_id=request.customer_id, quote=quote.id,
              net=quote.net, total=quote.total)
        session.flush()
        return quote_view(quote, db.today())


def reject_quote(db: Database, quote_id: int, *, reason: str = "") -> QuoteView:
    reason = clean_text(reason, phrase("reason"), 1000, required=False)
    require_portal(db)
    with db.transaction() as session:
        quote, request = _answerable(db, session, quote_id)
        quote.state = QuoteState.REJECTED.value
        quote.answered_at = db.now()
        quote.answer_reason = reason or None
        request.state = RequestState.REJECTED.value
        touch(db, request)
        audit(db, session, f"{PORTAL}:{request.customer.code}", "quote_rejected",
              request_id=request.id, customer_id=request.customer_id, quote=quote.id,
              reason=reason)
        session.flush()
        return quote_view(quote, db.today())


def expire_quotes(db: Database, *, batch: int = 1000) -> list[int]:
    """The sweep: sent quotes past their validity date become expired (and their requests).

    Run by a team lead or an admin, the control panel, or trusted maintenance (a cron
    job as the schema's owner): a technician may change only their own requests.
    """
    identity = db.identity()
    if not (identity.trusted or identity.portal):
        with db.read() as session:
            require(session, identity.login or "", "expire_quotes")
    expired: list[int] = []
    while True:
        with db.transaction() as session:
            stmt = (
                select(m.Quote)
                .where(m.Quote.state == QuoteState.SENT.value, m.Quote.valid_until < db.today())
                .order_by(m.Quote.id)
                .limit(batch)
            )
            if not db.is_sqlite:
                stmt = stmt.with_for_update(skip_locked=True)
            quotes = session.scalars(stmt).all()
            for quote in quotes:
                quote.state = QuoteState.EXPIRED.value
                request = quote.request
                if request.state == RequestState.QUOTED:
                    request.state = RequestState.EXPIRED.value
                    touch(db, request)
                audit(db, session, "system", "quote_expired", request_id=request.id,
                      customer_id=request.customer_id, quote=quote.id,
                      valid_until=quote.valid_until.isoformat())
                expired.append(quote.id)
        if len(quotes) < batch:
            return expired


def quote_id_for(db: Database, number: int, revision: int | None = None) -> int:
    """The quote a person names ``RIT-000123/2`` (``RIT-000123``: its latest revision)."""
    with db.read() as session:
        stmt = select(m.Quote.id).where(m.Quote.request_id == number)
        stmt = (stmt.where(m.Quote.revision == revision) if revision is not None
                else stmt.order_by(m.Quote.revision.desc()).limit(1))
        found = session.scalar(stmt)
    if found is None:
        if revision is None:
            raise NotFoundError.of("{request} has no quote", request=request_reference(number))
        raise NotFoundError.of("unknown quote: {quote}", quote=quote_reference(number, revision))
    return int(found)


def get_quote(db: Database, quote_id: int) -> QuoteView:
    with db.read() as session:
        quote = session.get(m.Quote, quote_id)
        if quote is None:
            raise NotFoundError.of("unknown quote: {quote_id}", quote_id=quote_id)
        return quote_view(quote, db.today())


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
