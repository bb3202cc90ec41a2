"""Variations: a new agreed net amount, proposed by staff, agreed by the customer."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain import states
from app.domain.enums import NoticeKind, VariationState
from app.domain.errors import ConflictError, NotFoundError, StateError, phrase
from app.domain.money import parse_amount
from app.domain.references import request_reference
from app.services.common import (
    MAX_REASON,
    PORTAL,
    audit,
    clean_text,
    get_request,
    lock,
    notify,
    require,
    require_portal,
    touch,
)
from app.services.dto import VariationView


def variation_view(v: m.Variation) -> VariationView:
    return VariationView(v.id, v.request_id, v.amount, v.reason, v.state, v.proposed_by.username,
                         v.proposed_at, v.answered_at)


def propose_variation(
    db: Database, actor: str, number: int, *, amount: Decimal | str, reason: str
) -> VariationView:
    """Propose a new agreed net amount (not a delta); it counts once the customer agrees."""
    value = parse_amount(amount, phrase("variation amount"))
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        request = get_request(db, session, number)
        owner = request.assignee.username if request.assignee else None
        staff = require(session, actor, "propose_variation", owner=owner)
        states.require("propose_variation", request.state, number)
        pending = session.scalar(
            select(m.Variation.id).where(m.Variation.request_id == number,
                                         m.Variation.state == VariationState.PROPOSED.value)
        )
        if pending is not None:
            raise ConflictError.of(
                "{request} already has a variation still awaiting the customer",
                request=request_reference(number)
            )
        variation = m.Variation(request_id=number, amount=value, reason=reason,
                                state=VariationState.PROPOSED.value, proposed_by_id=staff.id,
                                proposed_at=db.now())
        session.add(variation)
        touch(db, request)
        session.flush()
        audit(db, session, staff.username, "variation_proposed", request_id=number,
              customer_id=request.customer_id, variation=variation.id, amount=value,
              reason=reason)
        notify(db, session, request.customer_id, NoticeKind.VARIATION_PROPOSED, request_id=number,
               variation=variation.id, amount=value, reason=reason)
        return variation_view(variation)


def _require_pending(variation: m.Variation) -> None:
    """Only a variation still awaiting the customer is answered or withdrawn."""
    if variation.state != VariationState.PROPOSED:
        raise StateError.of(
            "the variation of {request} proposed on {proposed} was already "
            "{variation_state}", request=request_reference(variation.request_id),
            proposed=variation.proposed_at.date(), variation_state=variation.state
        )


def _answer(db: Database, variation_id: int, agreed: bool) -> VariationView:
    require_portal(db)
    with db.transaction() as session:
        variation = lock(db, session, m.Variation, variation_id, phrase("variation"))
        request = get_request(db, session, variation.request_id)
        _require_pending(variation)
        states.require("answer_variation", request.state, request.id)
        variation.state = (VariationState.AGREED if agreed else VariationState.REFUSED).value
        variation.answered_at = db.now()
        touch(db, request)
        audit(db, session, f"{PORTAL}:{request.customer.code}",
              "variation_agreed" if agreed else "variation_refused", request_id=request.id,
              customer_id=request.customer_id, variation=variation.id, amount=variation.amount)
        session.flush()
        return variation_view(variation)


def withdraw_variation(db: Database, actor: str, variation_id: int, *, reason: str) -> VariationView:
    """Withdraw a variation still awaiting the customer (proposed by mistake, or no longer
    needed): staff (a technician on own requests); the agreed amount stays as it was, the
    customer is told why."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        require(session, actor, "withdraw_variation", ownership=False)  # the role first
        variation = lock(db, session, m.Variation, variation_id, phrase("variation"))
        request = get_request(db, session, variation.request_id)
        owner = request.assignee.username if request.assignee else None
        staff = require(session, actor, "withdraw_variation", owner=owner)
        _require_pending(variation)
        states.require("withdraw_variation", request.state, request.id)
        # answered_at stays empty: the customer did not answer (when: its audit event)
        variation.state = VariationState.WITHDRAWN.value
        touch(db, request)
        session.flush()
        audit(db, session, staff.username, "variation_withdrawn", request_id=request.id,
              customer_id=request.customer_id, variation=variation.id, amount=variation.amount,
              reason=reason)
        notify(db, session, request.customer_id, NoticeKind.VARIATION_WITHDRAWN,
               request_id=request.id, variation=variation.id, amount=variation.amount,
               reason=reason)
        return variation_view(variation)


def variation_id_for(db: Database, number: int) -> int:
    """The variation a person means by its request: the one awaiting the customer, else
    the last one proposed (a request has at most one awaiting at a time)."""
    with db.read() as session:
        rows = session.execute(
            select(m.Variation.id, m.Variation.state).where(m.Variation.request_id == number)
            .order_by(m.Variation.id.desc())).all()
    if not rows:
        raise NotFoundError.of("{request} has no variation", request=request_reference(number))
    pending = [vid for vid, state in rows if state == VariationState.PROPOSED.value]
    return int(pending[0] if pending else rows[0][0])


def agree_variation(db: Database, variation_id: int) -> VariationView:
    return _answer(db, variation_id, True)


def refuse_variation(db: Database, variation_id: int) -> VariationView:
    return _answer(db, variation_id, False)
