"""Quotes: drafts, sending (with the PDF stored), the customer's answer, expiry.

The composer's input and its validation are in :mod:`app.services.quote_input`, the
document and its PDF in :mod:`app.services.quote_documents`; both are named from here too.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import permissions, states
from app.domain.enums import NoticeKind, QuoteState, RequestState
from app.domain.errors import ConflictError, NotFoundError, StateError, ValidationError, phrase
from app.domain.pricing import line_amount
from app.domain.references import quote_reference, request_reference
from app.services import catalogue
from app.services import settings as settings_service
from app.services.common import (
    MAX_REASON,
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
from app.services.quote_documents import (  # noqa: F401 - the documents, named from here too
    build_document,
    quote_document,
    quote_pdf,
    render,
    sent_quotes,
    stored_pdfs,
)
from app.services.quote_input import (  # noqa: F401 - the input, named from here too
    MAX_LINE_DESCRIPTION,
    MAX_LINES,
    MAX_VALIDITY_DAYS,
    CleanQuote,
    LineInput,
    QuoteInput,
    parse_item,
    parse_line,
    validate,
)


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
            QuoteLineView(li.position, li.description, li.quantity, li.unit_price, li.amount,
                          li.catalogue_item.code if li.catalogue_item else None)
            for li in quote.lines
        ),
        submitted_by=quote.submitted_by.username if quote.submitted_by else None,
        submitted_at=quote.submitted_at,
        returned_by=quote.returned_by.username if quote.returned_by else None,
        returned_at=quote.returned_at,
        return_reason=quote.return_reason,
        vat_nature=quote.vat_nature,
        legal_reference=quote.vat_legal_reference,
    )


def _apply(quote: m.Quote, clean: CleanQuote, default_lang: str, increment: int) -> None:
    quote.kind = clean.kind.value
    quote.valid_until = clean.valid_until
    quote.vat_rate = clean.vat_rate
    quote.notes = clean.notes
    quote.hourly_rate = clean.hourly_rate
    quote.estimated_hours = clean.estimated_hours
    quote.billing_increment = increment
    quote.net, quote.vat, quote.total = clean.totals.net, clean.totals.vat, clean.totals.total
    quote.lang = clean.lang or default_lang
    quote.vat_nature, quote.vat_legal_reference = clean.nature, clean.legal_reference
    items = clean.items or (None,) * len(clean.lines)
    quote.lines = [
        m.QuoteLine(position=i, description=d, quantity=q, unit_price=p, amount=line_amount(q, p),
                    catalogue_item_id=item)
        for i, ((d, q, p), item) in enumerate(zip(clean.lines, items, strict=True), start=1)
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
        data, items = catalogue.resolve_lines(session, data, staff)
        clean = replace(validate(data, db.today(), conf.default_vat_rate), items=items)
        request = get_request(db, session, number)
        check_own(staff, "draft_quote", request)
        states.require("draft_quote", request.state, number)
        open_quote = session.execute(
            select(m.Quote.revision, m.Quote.state).where(
                m.Quote.request_id == number,
                m.Quote.state.in_([QuoteState.DRAFT.value, QuoteState.SUBMITTED.value]))
        ).first()
        if open_quote is not None and open_quote.state == QuoteState.SUBMITTED:
            raise ConflictError.of(
                "{request} has a quote awaiting a team lead's approval ({quote})",
                request=request_reference(number),
                quote=quote_reference(number, open_quote.revision)
            )
        if open_quote is not None:
            raise ConflictError.of(
                "{request} already has a draft quote ({draft}): edit it",
                request=request_reference(number),
                draft=quote_reference(number, open_quote.revision)
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
    if quote.state == QuoteState.SUBMITTED:
        raise StateError.of(
            "quote {quote} awaits a team lead's approval and cannot be changed now",
            quote=_reference(quote))
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
        quote = _draft(db, session, quote_id)
        check_own(staff, "draft_quote", quote.request)
        check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
        data, items = catalogue.resolve_lines(session, data, staff,
                                              catalogue.kept_items(quote.lines))
        clean = replace(validate(data, db.today(), conf.default_vat_rate), items=items)
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


def send_quote(db: Database, actor: str, quote_id: int, *, expected_version: int | None = None) -> QuoteView:
    """Send a draft: immutable from now on, with its PDF (bytes + SHA-256) stored."""
    if db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    with db.transaction() as session:
        staff, conf, quote, request = _outgoing(db, session, actor, quote_id, expected_version)
        _send(db, session, staff, conf, quote, request)
        return quote_view(quote, db.today())


def _outgoing(
    db: Database, session: Session, actor: str, quote_id: int, expected_version: int | None
) -> tuple[m.Staff, settings_service.Settings, m.Quote, m.Request]:
    """Who sends (or submits) the locked draft, the settings, the draft and its request."""
    staff = require(session, actor, "send_quote", ownership=False)
    conf = settings_service.load(session)
    quote = _draft(db, session, quote_id)
    check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
    request = get_request(db, session, quote.request_id)
    check_own(staff, "send_quote", request)
    states.require("send_quote", request.state, request.id)
    return staff, conf, quote, request


def submit_quote(
    db: Database, actor: str, quote_id: int, *, expected_version: int | None = None
) -> QuoteView:
    """A technician submits a draft above their send limit for a team lead's approval
    (within the limit they send it themselves; leads and admins send any quote)."""
    with db.transaction() as session:
        staff, conf, quote, request = _outgoing(db, session, actor, quote_id, expected_version)
        if not permissions.needs_approval(staff.role, quote.net, conf.tech_send_limit):
            raise ValidationError.of(
                "quote {quote} needs no approval ({net} net, within the send limit of "
                "{limit} for {user}): send it", quote=_reference(quote), net=quote.net,
                limit=conf.tech_send_limit, user=staff.username)
        _check_validity(db, quote)
        quote.state = QuoteState.SUBMITTED.value
        quote.submitted_by_id = staff.id
        quote.submitted_at = db.now()
        touch(db, request)
        session.flush()
        audit(db, session, staff.username, "quote_submitted", request_id=request.id,
              customer_id=request.customer_id, quote=quote.id, reference=_reference(quote),
              net=quote.net, total=quote.total, limit=conf.tech_send_limit)
        return quote_view(quote, db.today())


def _submitted(db: Database, session: Session, actor: str, quote_id: int,
               expected_version: int | None) -> tuple[m.Staff, m.Quote]:
    """The team lead (or admin) and the locked submitted quote they approve or return."""
    staff = require(session, actor, "approve_quote")
    quote = lock(db, session, m.Quote, quote_id, phrase("quote"))
    check_version(quote, expected_version, phrase("quote {quote}", quote=_reference(quote)))
    if quote.state != QuoteState.SUBMITTED:
        raise StateError.of("quote {quote} is {quote_state}: only a quote submitted for "
                            "approval can be approved or returned",
                            quote=_reference(quote), quote_state=quote.state)
    return staff, quote


def approve_quote(
    db: Database, actor: str, quote_id: int, *, expected_version: int | None = None
) -> QuoteView:
    """A team lead approves a submitted quote: it is sent, as a send does (PDF stored,
    the customer told, the request quoted)."""
    if db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    with db.transaction() as session:
        staff, quote = _submitted(db, session, actor, quote_id, expected_version)
        conf = settings_service.load(session)
        request = get_request(db, session, quote.request_id)
        states.require("send_quote", request.state, request.id)
        submitter = quote.submitted_by.username if quote.submitted_by else None
        _send(db, session, staff, conf, quote, request)
        # after the send it approves: an event is written with the change it records
        audit(db, session, staff.username, "quote_approved", request_id=request.id,
              customer_id=request.customer_id, quote=quote.id, reference=_reference(quote),
              net=quote.net, total=quote.total, submitted_by=submitter)
        return quote_view(quote, db.today())


def return_quote(
    db: Database, actor: str, quote_id: int, reason: str, *, expected_version: int | None = None
) -> QuoteView:
    """A team lead returns a submitted quote to draft, with the reason the technician
    reads on the request (its Quotes tab and History)."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        staff, quote = _submitted(db, session, actor, quote_id, expected_version)
        request = get_request(db, session, quote.request_id)
        quote.state = QuoteState.DRAFT.value
        quote.returned_by_id = staff.id
        quote.returned_at = db.now()
        quote.return_reason = reason
        touch(db, request)
        session.flush()
        submitter = quote.submitted_by.username if quote.submitted_by else None
        audit(db, session, staff.username, "quote_returned", request_id=request.id,
              customer_id=request.customer_id, quote=quote.id, reference=_reference(quote),
              reason=reason, submitted_by=submitter)
        return quote_view(quote, db.today())


def _check_validity(db: Database, quote: m.Quote) -> None:
    if quote.valid_until < db.today():
        raise ValidationError.of(
            "the validity date {valid_until} is in the past: edit the draft", valid_until=quote.valid_until
        )


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
    _check_validity(db, quote)
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
    """The sweep: sent quotes past their validity date become expired (and their requests),
    each with its audit event and the customer's notice.

    Run by a team lead or an admin, the control panel, the worker, or trusted
    maintenance (a cron job as the schema's owner): a technician may change only their
    own requests.
    """
    identity = db.identity()
    if not (identity.trusted or identity.portal or identity.worker):
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
                # the customer is told (issue 18: the worker runs this sweep)
                notify(db, session, request.customer_id, NoticeKind.QUOTE_EXPIRED,
                       request_id=request.id, quote=quote.id,
                       reference=quote_reference(request.id, quote.revision),
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
