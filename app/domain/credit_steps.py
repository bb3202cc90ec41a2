"""The staged credit-exhaustion procedure as pure rules (issue 19; DESIGN.md, Credit).

When the credit runs out, the services billed by the hour are switched ``off`` at once;
those paid monthly stay ``active`` until their paid period ends (``paid_until``, the last
day paid), then go ``off``. ``archive_days`` after going off a service is ``archived``
(servers archived, network resources disconnected); ``delete_days`` after archiving it
is ``deleted``, irreversibly. A top-up covering the missing amount before deletion brings
``off`` and ``archived`` services back to ``active``.

Every step is told before it happens: the switch-off notice says when archiving will be;
``notice_days`` before archiving and before deletion a warning goes out, and a step is
never taken less than ``notice_days`` after its warning (a sweep that did not run for a
while warns first and acts later, instead of acting untold).

No database, no Qt: :func:`due` says what a sweep does next to a service and
:func:`next_step` what the customer panel shows. ``app/services/credit_procedure.py``
applies them on the embedded file; migration 0024 says the same in SQL on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from app.domain.enums import Billing, ServiceState

#: the defaults of the settings credit_archive_days, credit_delete_days, credit_notice_days
ARCHIVE_DAYS = 7
DELETE_DAYS = 10
NOTICE_DAYS = 2


class Step(StrEnum):
    """What a sweep does to a service (also the ``next_step`` the customer panel shows:
    ``off``, ``archive``, ``delete``)."""

    OFF = "off"
    ARCHIVE_WARNING = "archive_warning"
    ARCHIVE = "archive"
    DELETION_WARNING = "deletion_warning"
    DELETE = "delete"


@dataclass(frozen=True)
class Rules:
    archive_days: int = ARCHIVE_DAYS
    delete_days: int = DELETE_DAYS
    notice_days: int = NOTICE_DAYS


@dataclass(frozen=True)
class ServiceFacts:
    billing: str
    paid_until: date | None
    state: str
    off_at: datetime | None = None
    archived_at: datetime | None = None
    archive_warned_at: datetime | None = None
    delete_warned_at: datetime | None = None


def paid_through(billing: str, paid_until: date | None, now: datetime) -> bool:
    """Whether a service is paid for today (a monthly one within its paid period)."""
    return billing == Billing.MONTHLY and paid_until is not None and paid_until >= now.date()


def end_of_paid_period(paid_until: date) -> datetime:
    """When a monthly service goes off: the start of the day after its last paid day."""
    return datetime.combine(paid_until + timedelta(days=1), time())


def stays_on(facts: ServiceFacts, now: datetime) -> bool:
    """At exhaustion: whether the service stays on (a monthly one within its period)."""
    return paid_through(facts.billing, facts.paid_until, now)


def _step_at(scheduled: datetime, warned_at: datetime | None, rules: Rules) -> datetime:
    """A step happens at its scheduled time, but never less than notice_days after the
    warning that announced it."""
    if warned_at is None:
        return scheduled
    return max(scheduled, warned_at + timedelta(days=rules.notice_days))


def archive_at(facts: ServiceFacts, rules: Rules, now: datetime) -> datetime:
    """When an ``off`` service is archived (told now when not yet warned)."""
    assert facts.off_at is not None
    scheduled = facts.off_at + timedelta(days=rules.archive_days)
    return _step_at(scheduled, facts.archive_warned_at or max(now, scheduled - timedelta(
        days=rules.notice_days)), rules)


def delete_at(facts: ServiceFacts, rules: Rules, now: datetime) -> datetime:
    """When an ``archived`` service is deleted (told now when not yet warned)."""
    assert facts.archived_at is not None
    scheduled = facts.archived_at + timedelta(days=rules.delete_days)
    return _step_at(scheduled, facts.delete_warned_at or max(now, scheduled - timedelta(
        days=rules.notice_days)), rules)


def next_step(facts: ServiceFacts, exhausted: bool, rules: Rules,
              now: datetime) -> tuple[Step, datetime] | None:
    """The next step of the procedure for this service and when (None: none coming)."""
    if facts.state == ServiceState.ACTIVE:
        if not exhausted:
            return None
        if paid_through(facts.billing, facts.paid_until, now):
            assert facts.paid_until is not None
            return Step.OFF, end_of_paid_period(facts.paid_until)
        return Step.OFF, now
    if facts.state == ServiceState.OFF and facts.off_at is not None:
        return Step.ARCHIVE, archive_at(facts, rules, now)
    if facts.state == ServiceState.ARCHIVED and facts.archived_at is not None:
        return Step.DELETE, delete_at(facts, rules, now)
    return None


def due(facts: ServiceFacts, exhausted: bool, rules: Rules, now: datetime) -> Step | None:
    """What a sweep at ``now`` does to this service (None: nothing yet). Applied, then
    asked again, until None: a sweep late by days takes each step it may, in order."""
    if not exhausted:
        return None
    if facts.state == ServiceState.ACTIVE:
        return None if paid_through(facts.billing, facts.paid_until, now) else Step.OFF
    if facts.state == ServiceState.OFF and facts.off_at is not None:
        return _warned_step(facts.off_at + timedelta(days=rules.archive_days),
                            facts.archive_warned_at, Step.ARCHIVE_WARNING, Step.ARCHIVE,
                            rules, now)
    if facts.state == ServiceState.ARCHIVED and facts.archived_at is not None:
        return _warned_step(facts.archived_at + timedelta(days=rules.delete_days),
                            facts.delete_warned_at, Step.DELETION_WARNING, Step.DELETE,
                            rules, now)
    return None


def _warned_step(scheduled: datetime, warned_at: datetime | None, warning: Step, step: Step,
                 rules: Rules, now: datetime) -> Step | None:
    """The warning ``notice_days`` before ``scheduled``; the step itself at ``scheduled``
    but never sooner than ``notice_days`` after the warning."""
    if warned_at is None:
        return warning if now >= scheduled - timedelta(days=rules.notice_days) else None
    return step if now >= _step_at(scheduled, warned_at, rules) else None
