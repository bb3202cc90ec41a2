"""Completion and charge: exactly once per request, in one transaction."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BindParameter,
    Select,
    String,
    bindparam,
    cast,
    func,
    insert,
    select,
    true,
    type_coerce,
    update,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database, refuse_nul, utcnow
from app.db.tables import (
    CHARGES,
    CUSTOMERS,
    QUOTES,
    REQUESTS,
    SETTINGS,
    STAFF,
    VARIATIONS,
    WORK,
)
from app.db.types import Hundredths, cents, from_cents
from app.domain import permissions, states
from app.domain.enums import LedgerKind, NoticeKind, QuoteState, RequestState, VariationState
from app.domain.errors import ConflictError, NotFoundError, StateError, ValidationError
from app.domain.pricing import ChargeBreakdown, compute_charge, over_ceiling
from app.domain.references import request_reference
from app.domain.vat_point import NEW_DATABASE_POINT
from app.services import credit, invoice_rules, invoices
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
    """Everything a charge depends on, read in one statement: the request, its customer's
    credit, the acting user, the accepted quote, the variations, the work."""

    number: int
    state: str
    version: int
    customer_id: int
    assignee: str | None
    balance: Decimal
    status: str
    quote_id: int | None
    kind: str | None
    quote_net: Decimal | None
    vat_rate: Decimal | None
    hourly_rate: Decimal | None
    increment: int | None
    pending: int | None  # a variation awaiting the customer
    agreed: Decimal | None  # the last agreed variation's amount
    minutes: tuple[int, ...]  # the work entries' minutes (in entry order on PostgreSQL)
    vat_point: str  # where VAT is charged (the setting; app/domain/vat_point.py)
    vat_nature: str | None  # the accepted quote's zero-VAT nature, carried to the charge
    legal_reference: str | None
    actor_id: int | None = None
    actor_role: str | None = None
    actor_active: bool | None = None


@functools.cache
def _facts_statement(with_actor: bool, postgres: bool) -> Select[Any]:
    """Built once: the charge path runs the same statement thousands of times."""
    number: BindParameter[int] = bindparam("number")
    assignee = STAFF.alias("assignee")
    pending = (
        select(VARIATIONS.c.id)
        .where(VARIATIONS.c.request_id == number,
               VARIATIONS.c.state == VariationState.PROPOSED.value)
        .order_by(VARIATIONS.c.id).limit(1).scalar_subquery()
    )
    last_agreed = (
        select(VARIATIONS.c.amount_cents)
        .where(VARIATIONS.c.request_id == number,
               VARIATIONS.c.state == VariationState.AGREED.value)
        .order_by(VARIATIONS.c.answered_at.desc(), VARIATIONS.c.id.desc())
        .limit(1).scalar_subquery()
    )
    # PostgreSQL: the minutes in entry order, as rit_charge compares them
    aggregate = (func.array_agg(aggregate_order_by(WORK.c.minutes, WORK.c.id)) if postgres
                 else func.aggregate_strings(cast(WORK.c.minutes, String), ","))
    minutes = select(aggregate).where(WORK.c.request_id == number).scalar_subquery()
    point = func.coalesce(select(SETTINGS.c.value).where(SETTINGS.c.key == "vat_point")
                          .scalar_subquery(), NEW_DATABASE_POINT)
    accepted = QUOTES.alias("accepted")
    stmt = (
        select(REQUESTS.c.id, REQUESTS.c.state, REQUESTS.c.version, REQUESTS.c.customer_id,
               assignee.c.username, CUSTOMERS.c.balance_cents, CUSTOMERS.c.status,
               accepted.c.id, accepted.c.kind, accepted.c.net_cents,
               accepted.c.vat_rate_hundredths, accepted.c.hourly_rate_cents,
               accepted.c.billing_increment, pending,
               type_coerce(last_agreed, Hundredths()), minutes, point,
               accepted.c.vat_nature, accepted.c.vat_legal_reference)
        .select_from(
            REQUESTS.join(CUSTOMERS, CUSTOMERS.c.id == REQUESTS.c.customer_id)
            .outerjoin(assignee, assignee.c.id == REQUESTS.c.assignee_id)
            .outerjoin(accepted, (accepted.c.request_id == REQUESTS.c.id)
                       & (accepted.c.state == QuoteState.ACCEPTED.value)))
        .where(REQUESTS.c.id == number)
    )
    if with_actor:
        who = (select(STAFF.c.id, STAFF.c.role, STAFF.c.active)
               .where(STAFF.c.username == bindparam("actor")).subquery("who"))
        stmt = stmt.add_columns(who.c.id, who.c.role, who.c.active).outerjoin(who, true())
    return stmt


def _request_facts(db: Database, session: Session | Connection, number: int,
                   actor: str | None = None) -> _Facts:
    """What a charge depends on, as it stands now (one statement, one snapshot)."""
    stmt = _facts_statement(actor is not None, not db.is_sqlite)
    row = session.execute(stmt, {"number": number, "actor": actor}).first()
    if row is None:
        if actor is not None and isinstance(session, Session):
            actor_staff(session, actor)  # an unknown user is named first
        raise NotFoundError.of("unknown request: {request}", request=request_reference(number))
    values = list(row)
    raw = values[15]
    if isinstance(raw, str):
        values[15] = tuple(int(m) for m in raw.split(",")) if raw else ()
    else:
        values[15] = tuple(raw or ())
    return _Facts(*values)


def _compute(facts: _Facts) -> tuple[int, ChargeBreakdown]:
    """The charge: (accepted quote id, breakdown).

    Checks, in this order: the state allows completion, work was logged, no variation
    awaits the customer, an accepted quote exists.
    """
    number = facts.number
    states.require("complete", facts.state, number)
    if not facts.minutes:
        raise StateError.of("{request} has no work logged: it cannot be completed",
                            request=request_reference(number))
    if facts.pending is not None:
        raise StateError.of(
            "{request} has a variation that still awaits the customer's answer",
            request=request_reference(number)
        )
    if (facts.quote_id is None or facts.kind is None or facts.quote_net is None
            or facts.vat_rate is None or facts.increment is None):
        raise StateError.of("{request} has no accepted quote", request=request_reference(number))
    charge = compute_charge(
        kind=facts.kind,
        quote_net=facts.quote_net,
        vat_rate=facts.vat_rate,
        hourly_rate=facts.hourly_rate,
        entries_minutes=facts.minutes,
        agreed_variations=[] if facts.agreed is None else [facts.agreed],
        increment=facts.increment,
        vat_point=facts.vat_point,
    )
    return facts.quote_id, charge


def check_confirmed(number: int, confirmed: ChargePreview, charge: ChargeBreakdown) -> None:
    """Refuse a charge other than the one the user saw and confirmed."""
    if (confirmed.net, confirmed.vat, confirmed.total) != (charge.net, charge.vat, charge.total):
        raise ConflictError.of(
            "the charge of {request} changed after it was shown ({shown}): it is now "
            "{total} (net {net} + VAT {vat}); review it and confirm again",
            request=request_reference(number), shown=confirmed.total, total=charge.total,
            net=charge.net, vat=charge.vat
        )


def preview_charge(db: Database, number: int) -> ChargePreview:
    """What completing the request now would charge (nothing is written)."""
    with db.read() as session:
        facts = _request_facts(db, session, number)
        _, charge = _compute(facts)
        return preview_of(facts, charge)


def preview_of(facts: _Facts, charge: ChargeBreakdown) -> ChargePreview:
    """The preview of ``charge`` on the request of ``facts`` (its customer's credit)."""
    before = facts.balance
    after = before - charge.total
    over = over_ceiling(charge.billable_minutes, charge.hourly_rate, charge.ceiling)
    return ChargePreview(
        request_number=facts.number, kind=charge.kind.value,
        logged_minutes=charge.logged_minutes, billable_minutes=charge.billable_minutes,
        increment=charge.increment, hourly_rate=charge.hourly_rate,
        work_amount=charge.work_amount, ceiling=charge.ceiling, capped=charge.capped,
        vat_rate=charge.vat_rate, net=charge.net, vat=charge.vat, total=charge.total,
        balance_before=before, balance_after=after, exhausts_credit=after < 0,
        minutes_not_charged=over.minutes, amount_not_charged=over.amount,
        vat_point=charge.vat_point,
    )


def _priced(facts: _Facts, actor: str, expected_version: int | None,
            confirmed: ChargePreview | None) -> tuple[int, ChargeBreakdown]:
    """Who may, whether the request can be completed, and the charge: the Python checks
    (the same on both databases, with the app's messages)."""
    number = facts.number
    if facts.actor_id is None or facts.actor_role is None:
        raise NotFoundError.of("unknown user: {actor}", actor=actor)
    if not facts.actor_active:
        raise ValidationError.of("user {actor} is no longer active", actor=actor)
    permissions.check("complete", facts.actor_role, username=actor, ownership=False)
    permissions.check("complete", facts.actor_role, username=actor, owner=facts.assignee)
    if expected_version is not None and facts.version != expected_version:
        raise ConflictError.of(
            "{request} was changed by someone else in the meantime: reload and try again",
            request=request_reference(number)
        )
    quote_id, charge = _compute(facts)
    if confirmed is not None:
        check_confirmed(number, confirmed, charge)
    return quote_id, charge


def complete_request(
    db: Database,
    actor: str,
    number: int,
    *,
    expected_version: int | None = None,
    confirmed: ChargePreview | None = None,
) -> CompletionResult:
    """Complete the request and charge the agreed amount to the customer's credit.

    Exactly once: the request row is locked, its state checked, and the charge table's
    unique ``request_id`` refuses a second charge even from another workstation. The
    charge is computed from what stands when it is made. With ``confirmed`` (the preview
    the user confirmed) a charge that differs from it is refused with the new figures
    instead of being made. The hot path of a busy team, so plain SQL statements rather
    than ORM objects.

    On PostgreSQL the charge is made and priced by the server function ``rit_charge``
    (migration 0015) in one call: it checks who may and the state, prices the charge from
    what stands under the request's lock (as :func:`compute_charge` does) and refuses it
    if it differs from the ``confirmed`` figures. The client sends no amount, reference or
    time (a moved clock is sent only by trusted maintenance: the demo loader, tests).
    """
    if db.is_sqlite:
        return _complete_sqlite(db, actor, number, expected_version, confirmed)
    return charged_on_server(db, _DRIVER_CHARGE, actor, number, expected_version, confirmed)


def charged_on_server(db: Database, statement: str, actor: str, number: int,
                      expected_version: int | None, confirmed: ChargePreview | None,
                      **more: object) -> CompletionResult:
    """One call of a charging server function (``rit_charge``, ``rit_cancel_charging``):
    the request, whom for, the version and figures seen (and ``more``); what it charged."""
    values = {
        "number": number, "acted_for": db.acting(actor) or actor, "version": expected_version,
        "net": None if confirmed is None else cents(confirmed.net),
        "vat": None if confirmed is None else cents(confirmed.vat),
        "total": None if confirmed is None else cents(confirmed.total),
        "at": db.now() if db.identity().trusted and db.clock is not utcnow else None, **more}
    refuse_nul(values)
    with db.driver_autocommit() as connection:
        _charge_id, net, vat, total, balance_cents, status, suspended, invoice = (
            connection.execute(statement, values).fetchone())
    balance = from_cents(balance_cents)
    return CompletionResult(number, from_cents(net), from_cents(vat), from_cents(total),
                            balance, status, credit.missing_amount(balance), tuple(suspended),
                            invoice)


#: the server function that prices and charges (migration 0015), as the driver sends it,
#: with the number of the invoice the charge issued (migration 0026) in the same statement
#: (every charging statement given to charged_on_server returns these eight columns)
_DRIVER_CHARGE = (
    "SELECT charge_id, net, vat, total, balance, status, suspended, "
    "rit_invoice_number(NULL, charge_id) FROM rit_charge("
    "%(number)s::integer, %(acted_for)s::text, %(version)s::integer, %(net)s::bigint, "
    "%(vat)s::bigint, %(total)s::bigint, %(at)s::timestamp)")


_INSERT_CHARGE = insert(CHARGES).returning(CHARGES.c.id)
_COMPLETE_REQUEST = (
    update(REQUESTS).where(REQUESTS.c.id == bindparam("b_number"))
    .values(state=RequestState.COMPLETED.value, closed_at=bindparam("b_now"),
            updated_at=bindparam("b_now"), version=REQUESTS.c.version + 1)
)


def _complete_sqlite(db: Database, actor: str, number: int, expected_version: int | None,
                     confirmed: ChargePreview | None) -> CompletionResult:
    """The embedded database: the same checks in Python, under ``BEGIN IMMEDIATE`` (the
    write lock is taken before anything is read, so the facts are those that stand)."""
    with db.transaction() as session:
        facts = _request_facts(db, session, number, actor=actor)
        if facts.actor_id is None:
            actor_staff(session, actor)  # raises: unknown user
        quote_id, charge = _priced(facts, actor, expected_version, confirmed)
        invoice_rules.require_issuable(session, "charge")
        now = db.now()
        try:
            charge_id = session.execute(_INSERT_CHARGE, {
                "request_id": number, "customer_id": facts.customer_id, "quote_id": quote_id,
                "kind": charge.kind.value, "billable_minutes": charge.billable_minutes,
                "capped": charge.capped, "net_cents": charge.net, "vat_cents": charge.vat,
                "total_cents": charge.total, "created_at": now,
                "created_by_id": facts.actor_id, "vat_point": charge.vat_point,
                "vat_nature": facts.vat_nature, "vat_legal_reference": facts.legal_reference,
            }).scalar_one()
        except IntegrityError:
            raise ConflictError.of("{request} is already charged",
                                   request=request_reference(number)) from None
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
                                posting.suspended, invoices.number_in(session, charge_id=charge_id))
