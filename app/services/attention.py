"""The team lead's queues: what needs a lead now, as conditions on ``requests`` in SQL.

- ``to_approve``: a quote a technician submitted for approval (above their send limit);
- ``lead_drafts``: a draft quote above the technicians' send limit (a lead must send it);
- ``expiring``: a quote awaiting the customer that expires within N days (or already did,
  before the validity sweep ran);
- ``waiting_variations``: a variation awaiting the customer's agreement for over N days;
- ``unassigned``: a new request nobody took for over N working hours (Mon-Fri 9-18);
- ``near_ceiling``: hourly work in progress worth at least N % of its agreed ceiling.

And the technician's ``returned`` (:data:`app.domain.queues.RETURNED`, on their own
requests): a draft quote a team lead returned, to be reworked and submitted again.

The thresholds are shared settings (``lead_*``). Each condition is an ``id IN (...)`` or a
plain condition on ``requests`` so that it combines with the other filters, counts in one
statement and pages like any queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.db import models as m
from app.db.database import Database
from app.domain.enums import QuoteKind, QuoteState, RequestState, VariationState
from app.domain.errors import ValidationError
from app.domain.queues import ATTENTION_QUEUES, RETURNED
from app.domain.workhours import working_hours_before
from app.services import settings as settings_service

__all__ = ["ATTENTION_QUEUES", "Thresholds", "clause", "current_thresholds", "thresholds"]


@dataclass(frozen=True)
class Thresholds:
    send_limit: Decimal
    expiring_days: int
    variation_days: int
    unassigned_hours: int
    ceiling_percent: int


def thresholds(session: Session) -> Thresholds:
    s = settings_service.load(session)
    return Thresholds(s.tech_send_limit, s.lead_expiring_days, s.lead_variation_days,
                      s.lead_unassigned_hours, s.lead_ceiling_percent)


def current_thresholds(db: Database) -> Thresholds:
    with db.read() as session:
        return thresholds(session)


def _cents(column: Any) -> Any:
    """A money column as the integer cents it stores (for exact arithmetic in SQL)."""
    return type_coerce(column, Integer)


def unassigned_cutoff(now: datetime, hours: int) -> datetime:
    """``now`` and the result in naive UTC (as stored); the hours counted in local time."""
    local = now.replace(tzinfo=UTC).astimezone()
    return working_hours_before(local, hours).astimezone(UTC).replace(tzinfo=None)


def near_ceiling_ids(percent: int) -> Any:
    """Requests in progress whose billable hours x rate reach ``percent`` of the ceiling
    (the last agreed variation, else the quote's indicative net), as a ``SELECT id``."""
    quote = aliased(m.Quote)
    increment = quote.billing_increment
    billable = (
        select(func.coalesce(func.sum(((m.WorkEntry.minutes + increment - 1) // increment)
                                      * increment), 0))
        .where(m.WorkEntry.request_id == m.Request.id)
        .correlate(m.Request, quote).scalar_subquery()
    )
    agreed = (
        select(_cents(m.Variation.amount))
        .where(m.Variation.request_id == m.Request.id,
               m.Variation.state == VariationState.AGREED.value)
        .order_by(m.Variation.answered_at.desc(), m.Variation.id.desc()).limit(1)
        .correlate(m.Request).scalar_subquery()
    )
    ceiling = func.coalesce(agreed, _cents(quote.net))
    return (
        select(m.Request.id)
        .join(quote, and_(quote.request_id == m.Request.id,
                          quote.state == QuoteState.ACCEPTED.value,
                          quote.kind == QuoteKind.HOURLY.value))
        .where(m.Request.state == RequestState.IN_PROGRESS.value,
               billable * _cents(quote.hourly_rate) * 100 >= ceiling * 60 * percent)
    )


def clause(name: str, t: Thresholds, now: datetime) -> Any:
    """The condition on ``requests`` of the attention queue ``name`` at ``now`` (UTC)."""
    if name == RETURNED:
        return m.Request.id.in_(select(m.Quote.request_id).where(
            m.Quote.state == QuoteState.DRAFT.value, m.Quote.returned_at.is_not(None)))
    if name == "to_approve":
        return m.Request.id.in_(select(m.Quote.request_id).where(
            m.Quote.state == QuoteState.SUBMITTED.value))
    if name == "lead_drafts":
        drafts = select(m.Quote.request_id).where(
            m.Quote.state == QuoteState.DRAFT.value,
            _cents(m.Quote.net) > int(t.send_limit * 100))
        return and_(m.Request.state == RequestState.EVALUATING.value,
                    m.Request.id.in_(drafts))
    if name == "expiring":
        return and_(m.Request.state == RequestState.QUOTED.value,
                    m.Request.quote_valid_until <= now.date() + timedelta(days=t.expiring_days))
    if name == "waiting_variations":
        waiting = select(m.Variation.request_id).where(
            m.Variation.state == VariationState.PROPOSED.value,
            m.Variation.proposed_at < now - timedelta(days=t.variation_days))
        return m.Request.id.in_(waiting)
    if name == "unassigned":
        return and_(m.Request.state == RequestState.NEW.value,
                    m.Request.assignee_id.is_(None),
                    m.Request.created_at < unassigned_cutoff(now, t.unassigned_hours))
    if name == "near_ceiling":
        return m.Request.id.in_(near_ceiling_ids(t.ceiling_percent))
    if name == "undelivered":  # issue 18: a notice whose email failed after every retry
        return m.Request.id.in_(select(m.Notice.request_id).where(
            m.Notice.delivery_state == "failed", m.Notice.request_id.is_not(None)))
    raise ValidationError.of("unknown queue {name!r}; one of: {choices}", name=name,
                             choices=", ".join(ATTENTION_QUEUES))
