"""The request workspace and a customer's notices, read as plain views."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import QuoteKind
from app.domain.pricing import (
    agreed_amount,
    billable_minutes,
    ceiling_usage,
    over_ceiling,
    work_value,
)
from app.services import billing
from app.services import settings as settings_service
from app.services.attachments import request_attachments
from app.services.common import get_request, staff_names
from app.services.customers import customer_view
from app.services.dto import (
    AuditView,
    ChargeView,
    NoticeView,
    RequestDetail,
    ServiceView,
    VariationView,
    WorkSummary,
)
from app.services.quotes import quote_view
from app.services.variations import variation_view
from app.services.work import entry_view


def work_summary(session: Session, request: m.Request, increment: int) -> WorkSummary:
    minutes = list(session.scalars(
        select(m.WorkEntry.minutes).where(m.WorkEntry.request_id == request.id)
    ))
    logged = sum(minutes)
    quote = billing.accepted_quote(session, request.id)
    if quote is None:
        return WorkSummary(logged, billable_minutes(minutes, increment), None, None, None, "")
    increment = quote.billing_increment
    billable = billable_minutes(minutes, increment)
    ceiling = agreed_amount(quote.net, [v.amount for v in billing.agreed_amounts(session, request.id)])
    if quote.kind != QuoteKind.HOURLY or quote.hourly_rate is None:
        return WorkSummary(logged, billable, None, ceiling, None, "")
    amount = work_value(billable, quote.hourly_rate)
    usage = ceiling_usage(amount, ceiling)
    warning = "over" if usage >= 1 else "near" if usage >= Decimal("0.8") else ""
    over = over_ceiling(billable, quote.hourly_rate, ceiling)
    return WorkSummary(logged, billable, amount, ceiling, usage, warning, over.minutes,
                       over.amount)


def _assignees(history: tuple[AuditView, ...]) -> list[str]:
    """The staff an assignment moved a request between (named in the history too)."""
    return [str(a.details.get(side) or "") for a in history if a.action == "request_assigned"
            for side in ("before", "after")]


def request_detail(db: Database, number: int) -> RequestDetail:
    """Everything the request workspace shows, read in one transaction."""
    with db.read() as session:
        request = get_request(db, session, number, for_update=False)
        today = db.today()
        increment = settings_service.load(session).billing_increment_minutes
        quotes = tuple(quote_view(q, today) for q in session.scalars(
            select(m.Quote).where(m.Quote.request_id == number).order_by(m.Quote.revision)))
        work = tuple(entry_view(e, increment) for e in session.scalars(
            select(m.WorkEntry).where(m.WorkEntry.request_id == number)
            .order_by(m.WorkEntry.work_date, m.WorkEntry.id)))
        variations: tuple[VariationView, ...] = tuple(variation_view(v) for v in session.scalars(
            select(m.Variation).where(m.Variation.request_id == number).order_by(m.Variation.id)))
        charge_row = session.scalar(select(m.Charge).where(m.Charge.request_id == number))
        charge = None
        if charge_row is not None:
            by = session.get(m.Staff, charge_row.created_by_id)
            refunded = session.scalar(select(func.sum(m.CreditNote.total))
                                      .where(m.CreditNote.charge_id == charge_row.id))
            charge = ChargeView(number, charge_row.kind, charge_row.billable_minutes,
                                charge_row.capped, charge_row.net, charge_row.vat,
                                charge_row.total, charge_row.created_at,
                                by.username if by else "", refunded or Decimal("0.00"))
        history = tuple(
            AuditView(a.id, a.at, a.actor, a.action, json.loads(a.details or "{}"))
            for a in session.scalars(select(m.AuditEvent).where(m.AuditEvent.request_id == number)
                                     .order_by(m.AuditEvent.id))
        )
        notices = tuple(
            notice_view(n)
            for n in session.scalars(select(m.Notice).where(m.Notice.request_id == number)
                                     .order_by(m.Notice.id))
        )
        current = next((q for q in reversed(quotes) if q.state != "draft"), None)
        agreed = next((q for q in quotes if q.state == "accepted"), None)
        svc = request.service
        customer = customer_view(session, request.customer, ledger=False)
        # the service with its state in the credit procedure and next step (issue 19)
        service = next((s for s in customer.services if s.id == svc.id),
                       ServiceView(svc.id, svc.name, svc.kind, svc.status))
        return RequestDetail(
            number=request.id, state=request.state, category=request.category,
            subject=request.subject, description=request.description,
            priority=request.priority,
            assignee=request.assignee.username if request.assignee else None,
            assignee_name=request.assignee.name if request.assignee else None,
            decline_reason=request.decline_reason, created_at=request.created_at,
            updated_at=request.updated_at, version=request.version,
            customer=customer, service=service,
            quotes=quotes, work=work, variations=variations, charge=charge, history=history,
            notices=notices, work_summary=work_summary(session, request, increment),
            current_quote=current, agreed_quote=agreed,
            attachments=tuple(request_attachments(session, number)),
            people=staff_names(session, [*(a.actor for a in history), *_assignees(history),
                                         *(v.proposed_by for v in variations),
                                         charge.created_by if charge else ""]),
        )


def notice_view(n: m.Notice) -> NoticeView:
    return NoticeView(n.id, n.kind, n.at, n.request_id, json.loads(n.payload or "{}"),
                      n.delivery_state, n.attempts, n.sent_at, n.last_error)


def customer_notices(db: Database, code: str, *, limit: int = 200) -> list[NoticeView]:
    from app.services.common import customer_by_code

    with db.read() as session:
        customer = customer_by_code(db, session, code)
        rows = session.scalars(select(m.Notice).where(m.Notice.customer_id == customer.id)
                               .order_by(m.Notice.id.desc()).limit(limit))
        return [notice_view(n)
                for n in rows]
