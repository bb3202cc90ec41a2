"""The staged credit-exhaustion procedure, applied (rules: ``app/domain/credit_steps.py``).

- at exhaustion (:func:`switch_off`, from ``credit.post_locked`` in the posting's
  transaction) the hourly services, and monthly ones past their paid period, go ``off``;
- a covering top-up (:func:`restart`) brings ``off`` and ``archived`` ones back;
- the steps that come with time (:func:`sweep`): a monthly service off when its paid
  period ends, the warnings before archiving and deletion, archiving, deletion. Run by
  the worker's round, ``rit-desk credit sweep`` and the desktop app's round on the
  embedded file. On PostgreSQL all three are the database's (``rit_post``,
  ``rit_credit_sweep``: migration 0024); here, the embedded file's.

Each customer is one transaction; its steps each with their audit event and notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.db.tables import SERVICES
from app.domain import credit_steps as steps
from app.domain.credit_steps import Rules, ServiceFacts, Step
from app.domain.enums import AccountStatus, NoticeKind, ServiceState, ServiceStatus
from app.services.common import audit, notify, require, session_database
from app.services.dto import ServiceView
from app.services.settings import DEFAULTS

#: the sweep's actor in the audit trail (as the worker's)
SYSTEM = "system"

#: step -> (audit action, notice kind); the same names as migration 0024's
TOLD: dict[Step, tuple[str, str]] = {
    Step.OFF: ("service_switched_off", NoticeKind.SERVICES_OFF),
    Step.ARCHIVE_WARNING: ("service_archive_warned", NoticeKind.ARCHIVE_WARNING),
    Step.ARCHIVE: ("service_archived", NoticeKind.SERVICES_ARCHIVED),
    Step.DELETION_WARNING: ("service_deletion_warned", NoticeKind.DELETION_WARNING),
    Step.DELETE: ("service_deleted", NoticeKind.SERVICES_DELETED),
}


@dataclass(frozen=True)
class Swept:
    """One step the sweep took."""

    customer: str
    service: str
    step: str

    def as_dict(self) -> dict[str, str]:
        return {"customer": self.customer, "service": self.service, "step": self.step}


def rules(session: Session) -> Rules:
    keys = ("credit_archive_days", "credit_delete_days", "credit_notice_days")
    values = {key: DEFAULTS[key] for key in keys}
    values.update(session.execute(select(m.Setting.key, m.Setting.value)
                                  .where(m.Setting.key.in_(keys))).tuples().all())
    return Rules(int(values[keys[0]]), int(values[keys[1]]), int(values[keys[2]]))


def facts_of(service: m.CustomerService) -> ServiceFacts:
    return ServiceFacts(service.billing, service.paid_until, service.state, service.off_at,
                        service.archived_at, service.archive_warned_at,
                        service.delete_warned_at)


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def archive_date(session: Session, now: datetime) -> str:
    """The day a service switched off now is archived (told in the exhaustion notice)."""
    return _day(now + timedelta(days=rules(session).archive_days))


def switch_off(session: Session, customer_id: int,
               now: datetime) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """At exhaustion: the services not paid through today go off. Returns the names of
    those switched off and of those staying on (monthly, within their paid period)."""
    rows = session.execute(select(SERVICES.c.id, SERVICES.c.name, SERVICES.c.billing,
                                  SERVICES.c.paid_until)
                           .where(SERVICES.c.customer_id == customer_id,
                                  SERVICES.c.state == ServiceState.ACTIVE.value)
                           .order_by(SERVICES.c.id)).all()
    off = [r for r in rows if not steps.paid_through(r.billing, r.paid_until, now)]
    if off:
        session.execute(update(SERVICES).where(SERVICES.c.id.in_([r.id for r in off]))
                        .values(state=ServiceState.OFF.value,
                                status=ServiceStatus.SUSPENDED.value, off_at=now,
                                archive_warned_at=None, delete_warned_at=None))
    return (tuple(r.name for r in off),
            tuple(r.name for r in rows if r not in off))


def restart(session: Session, customer_id: int) -> tuple[str, ...]:
    """A covering top-up: off and archived services active again (deleted ones stay)."""
    rows = session.execute(
        update(SERVICES)
        .where(SERVICES.c.customer_id == customer_id,
               SERVICES.c.state.in_((ServiceState.OFF.value, ServiceState.ARCHIVED.value)))
        .values(state=ServiceState.ACTIVE.value, status=ServiceStatus.RUNNING.value,
                off_at=None, archived_at=None, archive_warned_at=None, delete_warned_at=None)
        .returning(SERVICES.c.id, SERVICES.c.name)
    ).all()
    return tuple(name for _, name in sorted(rows))


def state_on_adding(exhausted: bool, billing: str, paid_until: Any,
                    now: datetime) -> ServiceState:
    """A service added to an account: off if the account is exhausted and it is not paid
    through today (as ``rit_services_status`` on PostgreSQL)."""
    if exhausted and not steps.paid_through(billing, paid_until, now):
        return ServiceState.OFF
    return ServiceState.ACTIVE


# -- the steps that come with time -------------------------------------------------------
def _apply(db: Database, session: Session, customer: m.Customer, service: m.CustomerService,
           step: Step, limits: Rules, now: datetime) -> None:
    facts: dict[str, Any] = {"service": service.name, "missing": -customer.balance}
    if step is Step.OFF:
        service.state, service.status = ServiceState.OFF.value, ServiceStatus.SUSPENDED.value
        service.off_at = now
        service.archive_warned_at = service.delete_warned_at = None
        facts["paid_until"] = service.paid_until.isoformat() if service.paid_until else None
        facts["archive_at"] = _day(now + timedelta(days=limits.archive_days))
    elif step is Step.ARCHIVE_WARNING:
        facts["archive_at"] = _day(steps.archive_at(facts_of(service), limits, now))
        service.archive_warned_at = now
    elif step is Step.ARCHIVE:
        service.state, service.archived_at = ServiceState.ARCHIVED.value, now
        facts["delete_at"] = _day(now + timedelta(days=max(limits.delete_days,
                                                           limits.notice_days)))
    elif step is Step.DELETION_WARNING:
        facts["delete_at"] = _day(steps.delete_at(facts_of(service), limits, now))
        service.delete_warned_at = now
    else:
        service.state, service.deleted_at = ServiceState.DELETED.value, now
    session.flush()
    action, kind = TOLD[step]
    audit(db, session, SYSTEM, action, customer_id=customer.id, **facts)
    notify(db, session, customer.id, kind, **facts)


def _candidates(db: Database, now: datetime) -> list[int]:
    """The exhausted customers with a step due now (read without locks: each is locked
    and looked at again in its own transaction)."""
    with db.read() as session:
        limits = rules(session)
        services = session.scalars(
            select(m.CustomerService).join(m.Customer).where(
                m.Customer.status == AccountStatus.CREDIT_EXHAUSTED.value,
                m.CustomerService.state != ServiceState.DELETED.value)
            .order_by(m.CustomerService.customer_id))
        return sorted({s.customer_id for s in services
                       if steps.due(facts_of(s), True, limits, now) is not None})


def _sweep_customer(db: Database, ident: int, now: datetime) -> list[Swept]:
    taken: list[Swept] = []
    with db.transaction() as session:
        customer = session.get(m.Customer, ident, populate_existing=True)
        if customer is None or customer.status != AccountStatus.CREDIT_EXHAUSTED:
            return taken
        limits = rules(session)
        for service in list(customer.services):
            while (step := steps.due(facts_of(service), True, limits, now)) is not None:
                _apply(db, session, customer, service, step, limits, now)
                taken.append(Swept(customer.code, service.name, step.value))
    return taken


_SWEEP = text("SELECT customer, service, step FROM rit_credit_sweep(CAST(:at AS timestamp))")


def sweep(db: Database, actor: str | None = None) -> list[Swept]:
    """Every step of the procedure due now, once: finance, an admin, or trusted
    maintenance (the worker; the embedded file's owner)."""
    acting, identity = db.acting(actor), db.identity()
    if acting is not None and (identity.trusted or not identity.worker):  # the worker: no staff
        with db.read() as session:
            require(session, acting, "credit_sweep")
    if not db.is_sqlite:  # the database says who may too (rit_credit_sweep)
        with db.transaction() as session:
            return [Swept(*row) for row in session.execute(_SWEEP, {"at": db.now()}).tuples()]
    now = db.now()
    taken: list[Swept] = []
    for ident in _candidates(db, now):
        taken.extend(_sweep_customer(db, ident, now))
    return taken


def next_step(service: m.CustomerService, exhausted: bool, limits: Rules,
              now: datetime) -> tuple[str | None, datetime | None]:
    """(``off``/``archive``/``delete`` or None, when) for the views."""
    found = steps.next_step(facts_of(service), exhausted, limits, now)
    return (None, None) if found is None else (found[0].value, found[1])


def service_view(session: Session, customer: m.Customer, service: m.CustomerService, *,
                 limits: Rules | None = None, now: datetime | None = None) -> ServiceView:
    limits = limits or rules(session)
    db = session_database(session)
    now = now or (db.now() if db is not None else datetime.now())
    step, at = next_step(service, customer.status == AccountStatus.CREDIT_EXHAUSTED, limits, now)
    return ServiceView(service.id, service.name, service.kind, service.status,
                       state=service.state, billing=service.billing,
                       paid_until=service.paid_until, next_step=step, next_step_at=at,
                       off_at=service.off_at, archived_at=service.archived_at,
                       deleted_at=service.deleted_at)


def service_views(session: Session, customer: m.Customer) -> tuple[ServiceView, ...]:
    """A customer's services with their state in the procedure and next step."""
    if not customer.services:
        return ()
    limits = rules(session)
    db = session_database(session)
    now = db.now() if db is not None else datetime.now()
    return tuple(service_view(session, customer, s, limits=limits, now=now)
                 for s in customer.services)
