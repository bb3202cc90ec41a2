"""Completion and charge: exactly once per request, in one transaction."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, insert, select, true, type_coerce, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.db.tables import CHARGES, CUSTOMERS, QUOTES, REQUESTS, STAFF, VARIATIONS, WORK
from app.db.types import Hundredths
from app.domain import permissions, states
from app.domain.documents import request_reference
from app.domain.enums import LedgerKind, NoticeKind, QuoteState, RequestState, VariationState
from app.domain.errors import ConflictError, NotFoundError, StateError, ValidationError
from app.domain.pricing import ChargeBreakdown, compute_charge
from app.services import credit
from app.services.common import actor_staff, audit, notify
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




@dataclass(frozen=True)
class _Facts:
    """The request, its customer's credit and the acting user, read in one statement."""

    number: int
    state: str
    version: int
    customer_id: int
    assignee: str | None
    balance: Decimal
    status: str
    actor_id: int | None = None
    actor_role: str | None = None
    actor_active: bool | None = None


@functools.cache
def _facts_statement(lock: bool, with_actor: bool) -> Select[Any]:
    """Built once: the charge path runs the same statements thousands of times."""
    assignee = STAFF.alias("assignee")
    stmt = (
        select(REQUESTS.c.id, REQUESTS.c.state, REQUESTS.c.version, REQUESTS.c.customer_id,
               assignee.c.username, CUSTOMERS.c.balance_cents, CUSTOMERS.c.status)
        .select_from(
            REQUESTS.join(CUSTOMERS, CUSTOMERS.c.id == REQUESTS.c.customer_id)
            .outerjoin(assignee, assignee.c.id == REQUESTS.c.assignee_id))
        .where(REQUESTS.c.id == bindparam("number"))
    )
    if with_actor:
        who = (select(STAFF.c.id, STAFF.c.role, STAFF.c.active)
               .where(STAFF.c.username == bindparam("actor")).subquery("who"))
        stmt = stmt.add_columns(who.c.id, who.c.role, who.c.active).outerjoin(who, true())
    if lock:
        stmt = stmt.with_for_update(of=[REQUESTS, CUSTOMERS])
    return stmt


def _request_facts(
    db: Database, session: Session, number: int, *, lock: bool, actor: str | None = None
) -> _Facts:
    """Lock (on PostgreSQL: ``FOR UPDATE OF`` request and customer) and read what a charge
    depends on. SQLite serialises writers with ``BEGIN IMMEDIATE`` instead."""
    stmt = _facts_statement(lock and not db.is_sqlite, actor is not None)
    row = session.execute(stmt, {"number": number, "actor": actor}).first()
    if row is None:
        if actor is not None:
            actor_staff(session, actor)  # an unknown user is named first
        raise NotFoundError.of("unknown request: {number}", number=number)
    return _Facts(*row)


_MINUTES = select(WORK.c.minutes).where(WORK.c.request_id == bindparam("number"))


def _quote_statement() -> Select[Any]:
    number: BindParameter[int] = bindparam("number")
    pending = (
        select(VARIATIONS.c.id)
        .where(VARIATIONS.c.request_id == number,
               VARIATIONS.c.state == VariationState.PROPOSED.value)
        .limit(1).scalar_subquery()
    )
    last_agreed = (
        select(VARIATIONS.c.amount_cents)
        .where(VARIATIONS.c.request_id == number,
               VARIATIONS.c.state == VariationState.AGREED.value)
        .order_by(VARIATIONS.c.answered_at.desc(), VARIATIONS.c.id.desc())
        .limit(1).scalar_subquery()
    )
    return (
        select(pending.label("pending"), QUOTES.c.id, QUOTES.c.kind, QUOTES.c.net_cents,
               QUOTES.c.vat_rate_hundredths, QUOTES.c.hourly_rate_cents,
               QUOTES.c.billing_increment, type_coerce(last_agreed, Hundredths()).label("agreed"))
        .select_from(QUOTES)
        .where(QUOTES.c.request_id == number, QUOTES.c.state == QuoteState.ACCEPTED.value)
    )


_QUOTE = _quote_statement()
_INSERT_CHARGE = insert(CHARGES).returning(CHARGES.c.id)
_COMPLETE_REQUEST = (
    update(REQUESTS).where(REQUESTS.c.id == bindparam("b_number"))
    .values(state=RequestState.COMPLETED.value, closed_at=bindparam("b_now"),
            updated_at=bindparam("b_now"), version=REQUESTS.c.version + 1)
)


def _compute(session: Session, number: int, state: str) -> tuple[int, ChargeBreakdown]:
    """The charge for a request in ``state``: (accepted quote id, breakdown).

    Checks, in this order: the state allows completion, work was logged, no variation
    awaits the customer, an accepted quote exists.
    """
    states.require("complete", state, number)
    params = {"number": number}
    minutes = list(session.scalars(_MINUTES, params))
    if not minutes:
        raise StateError.of("request {number} has no work logged: it cannot be completed", number=number)
    row = session.execute(_QUOTE, params).first()
    if row is not None and row.pending is not None:
        raise StateError.of(
            "variation {pending} of request {number} still awaits the customer's answer",
            pending=row.pending, number=number
        )
    if row is None:
        raise StateError.of("request {number} has no accepted quote", number=number)
    charge = compute_charge(
        kind=row.kind,
        quote_net=row.net_cents,
        vat_rate=row.vat_rate_hundredths,
        hourly_rate=row.hourly_rate_cents,
        entries_minutes=minutes,
        agreed_variations=[] if row.agreed is None else [row.agreed],
        increment=row.billing_increment,
    )
    return row.id, charge


def preview_charge(db: Database, number: int) -> ChargePreview:
    """What completing the request now would charge (nothing is written)."""
    with db.read() as session:
        facts = _request_facts(db, session, number, lock=False)
        _, charge = _compute(session, number, facts.state)
        before = facts.balance
        after = before - charge.total
        return ChargePreview(
            request_number=number, kind=charge.kind.value, logged_minutes=charge.logged_minutes,
            billable_minutes=charge.billable_minutes, increment=charge.increment,
            hourly_rate=charge.hourly_rate, work_amount=charge.work_amount,
            ceiling=charge.ceiling, capped=charge.capped, vat_rate=charge.vat_rate,
            net=charge.net, vat=charge.vat, total=charge.total, balance_before=before,
            balance_after=after, exhausts_credit=after < 0,
        )


def complete_request(
    db: Database, actor: str, number: int, *, expected_version: int | None = None
) -> CompletionResult:
    """Complete the request and charge the agreed amount to the customer's credit.

    Exactly once: the request row is locked, its state checked, and the charge table's
    unique ``request_id`` refuses a second charge even from another workstation. The hot
    path of a busy team, so plain SQL statements rather than ORM objects.
    """
    with db.transaction() as session:
        facts = _request_facts(db, session, number, lock=True, actor=actor)
        if facts.actor_id is None or facts.actor_role is None:
            actor_staff(session, actor)  # raises: unknown user
            raise NotFoundError.of("unknown user: {actor}", actor=actor)
        if not facts.actor_active:
            raise ValidationError.of("user {actor} is no longer active", actor=actor)
        permissions.check("complete", facts.actor_role, username=actor, ownership=False)
        permissions.check("complete", facts.actor_role, username=actor, owner=facts.assignee)
        if expected_version is not None and facts.version != expected_version:
            raise ConflictError.of(
                "request {number} was changed by someone else in the meantime: reload and try again",
                number=number
            )
        quote_id, charge = _compute(session, number, facts.state)
        now = db.now()
        try:
            charge_id = session.execute(_INSERT_CHARGE, {
                "request_id": number, "customer_id": facts.customer_id, "quote_id": quote_id,
                "kind": charge.kind.value, "billable_minutes": charge.billable_minutes,
                "capped": charge.capped, "net_cents": charge.net, "vat_cents": charge.vat,
                "total_cents": charge.total, "created_at": now,
                "created_by_id": facts.actor_id}).scalar_one()
        except IntegrityError:
            raise ConflictError.of("request {number} is already charged", number=number) from None
        posting = credit.post_locked(
            db, session, facts.customer_id, facts.balance, facts.status, LedgerKind.CHARGE,
            -charge.total, actor=actor, reference=request_reference(number), charge_id=charge_id,
            request_id=number)
        session.execute(_COMPLETE_REQUEST, {"b_number": number, "b_now": now})
        audit(db, session, actor, "request_completed", request_id=number,
              customer_id=facts.customer_id, kind=charge.kind.value,
              billable_minutes=charge.billable_minutes, capped=charge.capped, net=charge.net,
              vat=charge.vat, total=charge.total, balance=posting.balance)
        notify(db, session, facts.customer_id, NoticeKind.COMPLETED_CHARGED, request_id=number,
               net=charge.net, vat=charge.vat, total=charge.total, balance=posting.balance)
        return CompletionResult(number, charge.net, charge.vat, charge.total, posting.balance,
                                posting.status, credit.missing_amount(posting.balance),
                                posting.suspended)
