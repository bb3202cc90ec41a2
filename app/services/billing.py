"""Completion and charge: exactly once per request, in one transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import states
from app.domain.documents import request_reference
from app.domain.enums import LedgerKind, NoticeKind, QuoteState, RequestState, VariationState
from app.domain.errors import ConflictError, StateError
from app.domain.pricing import ChargeBreakdown, compute_charge
from app.services import credit
from app.services.common import audit, check_version, get_request, lock, notify, require
from app.services.dto import ChargePreview, CompletionResult


def accepted_quote(session: Session, number: int) -> m.Quote | None:
    return session.scalar(
        select(m.Quote).where(m.Quote.request_id == number,
                              m.Quote.state == QuoteState.ACCEPTED.value)
    )


def agreed_amounts(session: Session, number: int) -> list[m.Variation]:
    return list(session.scalars(
        select(m.Variation)
        .where(m.Variation.request_id == number, m.Variation.state == VariationState.AGREED.value)
        .order_by(m.Variation.answered_at, m.Variation.id)
    ))


def breakdown(session: Session, request: m.Request) -> tuple[m.Quote, ChargeBreakdown]:
    quote = accepted_quote(session, request.id)
    if quote is None:
        raise StateError(f"request {request.id} has no accepted quote")
    minutes = list(session.scalars(
        select(m.WorkEntry.minutes).where(m.WorkEntry.request_id == request.id)
    ))
    charge = compute_charge(
        kind=quote.kind,
        quote_net=quote.net,
        vat_rate=quote.vat_rate,
        hourly_rate=quote.hourly_rate,
        entries_minutes=minutes,
        agreed_variations=[v.amount for v in agreed_amounts(session, request.id)],
        increment=quote.billing_increment,
    )
    return quote, charge


def _preview(request: m.Request, charge: ChargeBreakdown) -> ChargePreview:
    before = request.customer.balance
    after = before - charge.total
    return ChargePreview(
        request_number=request.id, kind=charge.kind.value, logged_minutes=charge.logged_minutes,
        billable_minutes=charge.billable_minutes, increment=charge.increment,
        hourly_rate=charge.hourly_rate, work_amount=charge.work_amount, ceiling=charge.ceiling,
        capped=charge.capped, vat_rate=charge.vat_rate, net=charge.net, vat=charge.vat,
        total=charge.total, balance_before=before, balance_after=after,
        exhausts_credit=after < 0,
    )


def _check_completable(session: Session, request: m.Request) -> None:
    states.require("complete", request.state, request.id)
    has_work = session.scalar(
        select(m.WorkEntry.id).where(m.WorkEntry.request_id == request.id).limit(1)
    )
    if has_work is None:
        raise StateError(f"request {request.id} has no work logged: it cannot be completed")
    pending = session.scalar(
        select(m.Variation.id).where(m.Variation.request_id == request.id,
                                     m.Variation.state == VariationState.PROPOSED.value)
    )
    if pending is not None:
        raise StateError(
            f"variation {pending} of request {request.id} still awaits the customer's answer"
        )


def preview_charge(db: Database, number: int) -> ChargePreview:
    """What completing the request now would charge (nothing is written)."""
    with db.read() as session:
        request = get_request(db, session, number, for_update=False)
        _check_completable(session, request)
        _, charge = breakdown(session, request)
        return _preview(request, charge)


def complete_request(
    db: Database, actor: str, number: int, *, expected_version: int | None = None
) -> CompletionResult:
    """Complete the request and charge the agreed amount to the customer's credit.

    Exactly once: the request row is locked, its state checked, and the charge table's
    unique ``request_id`` refuses a second charge even from another workstation.
    """
    with db.transaction() as session:
        request = get_request(db, session, number)
        owner = request.assignee.username if request.assignee else None
        staff = require(session, actor, "complete", owner=owner)
        check_version(request, expected_version, f"request {number}")
        _check_completable(session, request)
        quote, charge = breakdown(session, request)
        customer = lock(db, session, m.Customer, request.customer_id, "customer")
        row = m.Charge(request_id=number, customer_id=customer.id, quote_id=quote.id,
                       kind=charge.kind.value, billable_minutes=charge.billable_minutes,
                       capped=charge.capped, net=charge.net, vat=charge.vat, total=charge.total,
                       created_at=db.now(), created_by_id=staff.id)
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            raise ConflictError(f"request {number} is already charged") from None
        posting = credit.post(db, session, customer, LedgerKind.CHARGE, -charge.total,
                              actor=staff.username, reference=request_reference(number),
                              charge_id=row.id, request_id=number)
        request.state = RequestState.COMPLETED.value
        request.closed_at = request.updated_at = db.now()
        audit(db, session, staff.username, "request_completed", request_id=number,
              customer_id=customer.id, kind=charge.kind.value,
              billable_minutes=charge.billable_minutes, capped=charge.capped, net=charge.net,
              vat=charge.vat, total=charge.total, balance=customer.balance)
        notify(db, session, customer.id, NoticeKind.COMPLETED_CHARGED, request_id=number,
               net=charge.net, vat=charge.vat, total=charge.total, balance=customer.balance)
        session.flush()
        return CompletionResult(number, charge.net, charge.vat, charge.total, customer.balance,
                                customer.status, credit.missing_amount(customer.balance),
                                posting.suspended)
