"""Extending a quote: the customer asks for a few more days to answer (issue 19).

The sent quote is not changed (a sent quote is immutable, its PDF what the customer
has): a new revision with the same lines and the new validity date is sent in its place,
as a send does (PDF stored, the request quoted, the customer told), and the old one is
marked ``replaced``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.db import models as m
from app.db.database import Database
from app.domain import states
from app.domain.enums import NoticeKind, QuoteState
from app.domain.errors import ConflictError, StateError, ValidationError, phrase
from app.domain.references import quote_reference
from app.services import settings as settings_service
from app.services.common import audit, check_own, get_request, lock, notify, require
from app.services.dto import QuoteView
from app.services.quotes import _reference, _send, quote_view


def extend_quote(db: Database, actor: str, quote_id: int, *, valid_until: date) -> QuoteView:
    """Send the sent, unanswered quote ``quote_id`` again as a new revision valid until
    ``valid_until`` (before or after its own date); returns the new revision."""
    if db.renderer is None:
        raise RuntimeError("no quote renderer configured: the PDF cannot be produced")
    with db.transaction() as session:
        staff = require(session, actor, "send_quote", ownership=False)
        old = lock(db, session, m.Quote, quote_id, phrase("quote"))
        request = get_request(db, session, old.request_id)
        check_own(staff, "send_quote", request)
        if old.state != QuoteState.SENT:
            raise StateError.of(
                "quote {quote} is {quote_state}: only a sent quote awaiting the customer's "
                "answer can be extended", quote=_reference(old), quote_state=old.state)
        states.require("send_quote", request.state, request.id)
        if valid_until <= old.valid_until:
            raise ValidationError.of(
                "the new validity date {new} must be after the quote's own ({valid_until})",
                new=valid_until, valid_until=old.valid_until)
        if session.scalar(select(m.Quote.id).where(
                m.Quote.request_id == request.id,
                m.Quote.state.in_([QuoteState.DRAFT.value, QuoteState.SUBMITTED.value]))):
            raise ConflictError.of(
                "{quote} cannot be extended while a newer draft of its request is open: "
                "send or delete that draft", quote=_reference(old))
        conf = settings_service.load(session)
        revision = (session.scalar(select(func.max(m.Quote.revision))
                                   .where(m.Quote.request_id == request.id)) or 0) + 1
        new = m.Quote(
            request_id=request.id, revision=revision, state=QuoteState.DRAFT.value,
            kind=old.kind, valid_until=valid_until, vat_rate=old.vat_rate, notes=old.notes,
            hourly_rate=old.hourly_rate, estimated_hours=old.estimated_hours,
            billing_increment=old.billing_increment, net=old.net, vat=old.vat,
            total=old.total, lang=old.lang, created_by_id=staff.id, created_at=db.now(),
            vat_nature=old.vat_nature, vat_legal_reference=old.vat_legal_reference,
            lines=[m.QuoteLine(position=li.position, description=li.description,
                               quantity=li.quantity, unit_price=li.unit_price,
                               amount=li.amount, catalogue_item_id=li.catalogue_item_id)
                   for li in old.lines])
        session.add(new)
        old.state = QuoteState.REPLACED.value
        session.flush()
        ref = quote_reference(request.id, revision)
        audit(db, session, staff.username, "quote_extended", request_id=request.id,
              customer_id=request.customer_id, quote=new.id, replaced=_reference(old),
              reference=ref, previously_valid_until=old.valid_until.isoformat(),
              valid_until=valid_until.isoformat())
        _send(db, session, staff, conf, new, request)
        notify(db, session, request.customer_id, NoticeKind.QUOTE_EXTENDED,
               request_id=request.id, quote=new.id, reference=ref, replaced=_reference(old),
               previously_valid_until=old.valid_until.isoformat(), valid_until=valid_until.isoformat())
        return quote_view(new, db.today())
