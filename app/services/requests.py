"""Requests: submission from the control panel, taking, assigning, declining, cancelling."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import permissions, states
from app.domain.enums import (
    Category,
    NoticeKind,
    Priority,
    QuoteState,
    RequestState,
    Role,
    VariationState,
)
from app.domain.errors import NotFoundError, Phrase, StateError, ValidationError, phrase
from app.domain.references import request_reference
from app.services.common import (
    MAX_REASON,
    MAX_SUBJECT,
    MAX_TEXT,
    PORTAL,
    actor_staff,
    audit,
    check_version,
    clean_text,
    customer_by_code,
    get_request,
    notify,
    require,
    require_portal,
    touch,
)


def parse_category(value: str) -> Category:
    try:
        return Category(value)
    except ValueError:
        raise ValidationError.of(
            "unknown category {value!r}; one of: {choices}",
            value=value, choices=', '.join(c.value for c in Category)
        ) from None


def parse_priority(value: str) -> Priority:
    try:
        return Priority(value)
    except ValueError:
        raise ValidationError.of(
            "unknown priority {value!r}; one of: {choices}",
            value=value, choices=', '.join(p.value for p in Priority)
        ) from None


def _named(number: int) -> Phrase:
    """A request in a message: ``request RIT-000196``."""
    return phrase("request {request}", request=request_reference(number))


def submit_request(
    db: Database,
    customer_code: str,
    *,
    service: str,
    category: str,
    subject: str,
    description: str = "",
    priority: str = "normal",
) -> int:
    """The customer opens a request from the control panel (free, binding on nothing)."""
    cat = parse_category(category)
    prio = parse_priority(priority)
    subject = clean_text(subject, phrase("subject"), MAX_SUBJECT)
    description = clean_text(description, phrase("description"), MAX_TEXT, required=False)
    require_portal(db)
    with db.transaction() as session:
        customer = customer_by_code(db, session, customer_code)
        svc = session.scalar(
            select(m.CustomerService).where(
                m.CustomerService.customer_id == customer.id, m.CustomerService.name == service
            )
        )
        if svc is None:
            raise NotFoundError.of(
                "customer {code} has no service named {service!r}", code=customer.code, service=service
            )
        now = db.now()
        request = m.Request(customer_id=customer.id, service_id=svc.id, category=cat.value,
                            subject=subject, description=description, priority=prio.value,
                            state=RequestState.NEW.value, created_at=now, updated_at=now)
        session.add(request)
        session.flush()
        actor = f"{PORTAL}:{customer.code}"
        audit(db, session, actor, "request_submitted", request_id=request.id,
              customer_id=customer.id, category=cat.value, subject=subject, service=service)
        notify(db, session, customer.id, NoticeKind.REQUEST_RECEIVED, request_id=request.id,
               subject=subject)
        return request.id


def take_request(db: Database, actor: str, number: int, *, expected_version: int | None = None) -> str:
    """Take a new request for evaluation: it becomes the actor's and moves to evaluating."""
    with db.transaction() as session:
        staff = require(session, actor, "take")
        request = get_request(db, session, number)
        check_version(request, expected_version, _named(number))
        states.require("take", request.state, number)
        if request.assignee_id not in (None, staff.id) and staff.role == Role.TECHNICIAN:
            raise ValidationError.of(
                "{request} is assigned to someone else: a team lead can reassign it",
                request=request_reference(number)
            )
        request.assignee_id = staff.id
        request.state = RequestState.EVALUATING.value
        touch(db, request)
        audit(db, session, staff.username, "request_taken", request_id=number,
              customer_id=request.customer_id, state=request.state)
        return request.state


def assign_request(
    db: Database, actor: str, number: int, to: str | None, *, expected_version: int | None = None
) -> str | None:
    """Assign (or unassign with ``to=None``) a request to a technician or team lead."""
    with db.transaction() as session:
        staff = require(session, actor, "assign")
        request = get_request(db, session, number)
        check_version(request, expected_version, _named(number))
        states.require("assign", request.state, number)
        target = None
        if to is not None:
            target = actor_staff(session, to)
            if target.role not in (Role.TECHNICIAN, Role.TEAM_LEAD, Role.ADMIN):
                raise ValidationError.of("{to} ({role}) cannot work on requests", to=to, role=target.role)
        before = request.assignee.username if request.assignee else None
        if before == to:  # "Sara Romano -> Sara Romano" recorded nothing but noise
            if to is None:
                raise ValidationError.of("{request} is not assigned to anyone already",
                                         request=request_reference(number))
            raise ValidationError.of("{request} is already assigned to {to}",
                                     request=request_reference(number), to=to)
        request.assignee_id = target.id if target else None
        touch(db, request)
        audit(db, session, staff.username, "request_assigned", request_id=number,
              customer_id=request.customer_id, before=before, after=to)
        return to


def decline_request(
    db: Database, actor: str, number: int, *, reason: str, expected_version: int | None = None
) -> None:
    """The request is not feasible: declined, with a reason the customer is told."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        request = get_request(db, session, number)
        owner = request.assignee.username if request.assignee else None
        staff = require(session, actor, "decline", owner=owner)
        check_version(request, expected_version, _named(number))
        states.require("decline", request.state, number)
        _withdraw_open_quotes(session, number)
        request.state = RequestState.DECLINED.value
        request.decline_reason = reason
        request.closed_at = db.now()
        touch(db, request)
        audit(db, session, staff.username, "request_declined", request_id=number,
              customer_id=request.customer_id, reason=reason)
        notify(db, session, request.customer_id, NoticeKind.DECLINED, request_id=number,
               reason=reason)


def cancel_request(db: Database, number: int) -> None:
    """The customer withdraws the request (free): before accepting a quote, or after it
    while no work is logged; once work is logged only the technical department may
    (:func:`cancel_accepted`)."""
    require_portal(db)
    with db.transaction() as session:
        request = get_request(db, session, number)
        if states.allowed("cancel_accepted", request.state):
            if session.scalar(select(m.WorkEntry.id).where(m.WorkEntry.request_id == number)
                              .limit(1)) is not None:
                raise StateError.of(
                    "{request} has work logged: ask the technical department to cancel it",
                    request=request_reference(number))
        else:
            states.require("cancel", request.state, number)
        close_cancelled(db, session, request)
        audit(db, session, f"{PORTAL}:{request.customer.code}", "request_cancelled",
              request_id=number, customer_id=request.customer_id)


def cancel_accepted(
    db: Database, actor: str, number: int, *, reason: str, expected_version: int | None = None
) -> None:
    """A team lead (or admin) closes an accepted or in-progress request with a reason,
    charging nothing: cancelled, a variation awaiting the customer withdrawn, the customer
    told the reason."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        staff = require(session, actor, "cancel_request")
        request = get_request(db, session, number)
        check_version(request, expected_version, _named(number))
        states.require("cancel_accepted", request.state, number)
        close_cancelled(db, session, request)
        audit(db, session, staff.username, "request_cancelled", request_id=number,
              customer_id=request.customer_id, reason=reason)
        notify(db, session, request.customer_id, NoticeKind.CANCELLED, request_id=number,
               reason=reason)


def close_cancelled(db: Database, session: Session, request: m.Request) -> None:
    """Cancel ``request``: its open quotes and a variation awaiting the customer withdrawn
    first (while the request is still open: the database checks that order), then the
    request closed."""
    _withdraw_open_quotes(session, request.id)
    for variation in session.scalars(select(m.Variation).where(
            m.Variation.request_id == request.id,
            m.Variation.state == VariationState.PROPOSED.value)):
        variation.state = VariationState.WITHDRAWN.value
    session.flush()
    request.state = RequestState.CANCELLED.value
    request.closed_at = db.now()
    touch(db, request)


def _withdraw_open_quotes(session: Session, number: int) -> None:
    for quote in session.scalars(
        select(m.Quote).where(
            m.Quote.request_id == number,
            m.Quote.state.in_([QuoteState.DRAFT.value, QuoteState.SUBMITTED.value,
                               QuoteState.SENT.value]),
        )
    ):
        quote.state = QuoteState.WITHDRAWN.value


def set_priority(
    db: Database, actor: str, number: int, priority: str, *, expected_version: int | None = None
) -> str:
    """Change a request's priority (returned as stored)."""
    prio = parse_priority(priority)
    with db.transaction() as session:
        staff = require(session, actor, "evaluate", ownership=False)
        request = get_request(db, session, number)
        permissions.check("evaluate", staff.role, username=staff.username,
                          owner=request.assignee.username if request.assignee else None)
        check_version(request, expected_version, _named(number))
        states.require("set_priority", request.state, number)
        before = request.priority
        request.priority = prio.value
        touch(db, request)
        audit(db, session, staff.username, "priority_changed", request_id=number,
              customer_id=request.customer_id, before=before, after=prio.value)
        return prio.value
