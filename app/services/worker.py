"""The back office's own jobs (issue 18): the deadlines nobody at a desk keeps.

``rit-desk worker`` runs them every minute (``--once``: what is due now, then exit); on
the embedded file the desktop app runs the same :func:`run_once` while it is open.

- a sent quote past its validity date expires, and its request (:func:`quotes.expire_quotes`,
  which also tells the customer);
- ``quote_reminder_days`` before its validity ends, the customer is reminded of a sent
  quote, once;
- a variation unanswered for ``variation_reminder_days`` is reminded, once; after
  ``variation_expiry_days`` it lapses (state ``lapsed``): the agreed ceiling stays as it
  was and completion is no longer blocked;
- a customer whose balance falls below their threshold (``customers set --low-credit-alert``,
  default the setting ``low_credit_alert``, 0: none) is alerted once per crossing: again
  only after a top-up has brought the balance back to the threshold;
- the staged credit procedure's steps that come with time (``credit_procedure.sweep``:
  a monthly service off when its paid period ends, the warnings, archiving, deletion).

Each item is one transaction with its audit event and notice. Several workers may run at
once: the candidates are read first, then each is locked with ``SKIP LOCKED`` and checked
again under the lock, so an item done (or being done) by another worker is left alone and
each is done once. The clock is the database's (``Database.now``: tests move it).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, delete, exists, func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import NoticeKind, QuoteState, VariationState
from app.domain.errors import PermissionDenied, RitError
from app.domain.references import quote_reference, request_reference
from app.services import (  # noqa: F401 - document kinds register on import
    credit_procedure,
    delivery,
    document_jobs,
    invoices,
    quotes,
)
from app.services import settings as settings_service
from app.services.common import audit, notify

#: the worker's actor in the audit trail (as the expiry sweep's)
SYSTEM = "system"
#: seconds between two rounds of ``rit-desk worker``
DEFAULT_INTERVAL = 60.0

T = TypeVar("T")


@dataclass(frozen=True)
class Done:
    """One thing the worker did (or failed to do): a log line."""

    job: str
    subject: str
    detail: str = ""
    ok: bool = True

    def line(self) -> str:
        text = f"{self.job} {self.subject}"
        return f"{text}: {self.detail}" if self.detail else text

    def as_dict(self) -> dict[str, Any]:
        return {"job": self.job, "subject": self.subject, "detail": self.detail, "ok": self.ok}


@dataclass(frozen=True)
class Deadlines:
    quote_reminder_days: int
    variation_reminder_days: int
    variation_expiry_days: int
    low_credit_alert: Decimal


def deadlines(session: Session) -> Deadlines:
    values = {**settings_service.DEFAULTS,
              **dict(session.execute(select(m.Setting.key, m.Setting.value)).tuples().all())}
    return Deadlines(int(values["quote_reminder_days"]), int(values["variation_reminder_days"]),
                     int(values["variation_expiry_days"]), Decimal(values["low_credit_alert"]))


def check_worker(db: Database) -> None:
    """The worker runs as its own login on PostgreSQL (``init --worker LOGIN``: a member
    of the ``worker`` group role, with the grants of its jobs alone) or as trusted
    maintenance (the schema's owner or a superuser: tests, one-machine set-ups); the
    workstation's owner on the embedded file. A staff login or the control panel's is
    refused."""
    identity = db.identity()
    if not (identity.trusted or identity.worker):
        raise PermissionDenied.of(
            "the worker runs as its own login (made by init --worker LOGIN) or as trusted "
            "maintenance; {login} is a staff or control panel login",
            login=identity.login or "")


def run_once(db: Database, log: Callable[[Done], None] | None = None, *,
             renderers: Mapping[str, document_jobs.Render] | None = None) -> list[Done]:
    """Everything due now, each item in its own transaction; what was done, in order.
    With ``renderers`` (by document kind: ``ui/finance/documents.py``), the documents
    not stored yet are rendered and stored first, so that the notices carrying them go
    out in the same round."""
    check_worker(db)
    done: list[Done] = []

    def record(item: Done) -> None:
        done.append(item)
        if log is not None:
            log(item)

    for job_name, subject, detail, ok in document_jobs.render_pending(db, renderers or {}):
        record(Done(job_name, subject, detail, ok))
    with db.read() as session:
        limits = deadlines(session)
    for item in _expire(db):
        record(item)
    for job in (_quote_reminders, _variation_lapses, _variation_reminders, _credit_alerts,
                _credit_rearmed):
        for item in job(db, limits):
            record(item)
    for step in credit_procedure.sweep(db):  # the staged credit procedure's time steps
        record(Done(f"credit_{step.step}", f"{step.customer} {step.service}"))
    for job_name, subject, detail, ok in delivery.deliver_due(db):  # what was just told too
        record(Done(job_name, subject, detail, ok))
    return done


def run(db: Database, log: Callable[[Done], None], stop: threading.Event, *,
        interval: float = DEFAULT_INTERVAL,
        renderers: Mapping[str, document_jobs.Render] | None = None) -> None:
    """Rounds of :func:`run_once` until ``stop`` is set (SIGTERM, SIGINT), waiting
    ``interval`` seconds between them (woken at once by ``stop``; on PostgreSQL also by
    any change committed, LISTENing as the desktop app does: a notice is mailed as soon
    as it is written). A round that fails (the server gone) is logged and tried again at
    the next one."""
    check_worker(db)
    listener = _Listener(db)
    listener.connect()  # before the first round: nothing committed meanwhile is missed
    try:
        while not stop.is_set():
            try:
                run_once(db, log, renderers=renderers)
            except RitError as exc:
                log(Done("round", "failed", str(exc), ok=False))
            listener.wait(stop, interval)
    finally:
        listener.close()


#: the channel every audited change NOTIFYs (migration 0010; ui/live_updates.py)
CHANNEL = "rit_desk_changes"
#: how often a wait looks at ``stop`` (SIGTERM is obeyed within this)
STOP_CHECK_SECONDS = 0.5


class _Listener:
    """PostgreSQL: a connection of its own LISTENing for changes (None on SQLite, or
    while the server is away: then the worker simply waits for the interval)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._driver: Any = None

    def connect(self) -> None:
        if self._db.is_sqlite or self._driver is not None:
            return
        try:
            pooled = self._db.engine.raw_connection()
            driver: Any = pooled.driver_connection
            pooled.detach()
            driver.autocommit = True
            driver.execute("SET application_name TO 'rit-desk worker'")
            driver.execute(f"LISTEN {CHANNEL}")
            self._driver = driver
        except Exception:
            self._driver = None

    def wait(self, stop: threading.Event, seconds: float) -> None:
        """Until ``seconds`` passed, ``stop`` is set or a change was committed."""
        # (the round's own changes wake it once more, for a round with nothing to do: a
        # change committed by someone else during the round is not lost)
        self.connect()
        deadline = time.monotonic() + seconds
        while not stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            step = min(left, STOP_CHECK_SECONDS)
            if self._driver is None:
                stop.wait(step)
                continue
            try:
                if any(True for _ in self._driver.notifies(timeout=step, stop_after=1)):
                    self._drain()
                    return
            except Exception:  # the connection broke: wait out the interval
                self.close()

    def _drain(self) -> None:
        if self._driver is None:
            return
        try:
            for _ in self._driver.notifies(timeout=0):
                pass
        except Exception:
            self.close()

    def close(self) -> None:
        if self._driver is not None:
            with contextlib.suppress(Exception):
                self._driver.close()
            self._driver = None


# -- the jobs ---------------------------------------------------------------------------
def _locked(db: Database, stmt: Select[tuple[T]]) -> Select[tuple[T]]:
    """The row only if no other transaction holds it (another worker doing it)."""
    stmt = stmt.execution_options(populate_existing=True)
    return stmt if db.is_sqlite else stmt.with_for_update(skip_locked=True)


def _each(db: Database, job: str, candidates: Iterable[int],
          act: Callable[[Session, int], Done | None]) -> Iterable[Done]:
    """``act`` on each candidate in its own transaction (None: no longer due, or another
    worker's); a refusal is logged and the rest go on."""
    for ident in candidates:
        try:
            with db.transaction() as session:
                item = act(session, ident)
        except RitError as exc:
            yield Done(job, str(ident), str(exc), ok=False)
            continue
        if item is not None:
            yield item


def _expire(db: Database) -> Iterable[Done]:
    expired = quotes.expire_quotes(db)
    if not expired:
        return
    with db.read() as session:
        rows = session.execute(select(m.Quote.id, m.Quote.request_id, m.Quote.revision,
                                      m.Quote.valid_until).where(m.Quote.id.in_(expired))).all()
    for _id, number, revision, valid_until in sorted(rows):
        yield Done("quote_expired", quote_reference(number, revision),
                   f"valid until {valid_until.isoformat()}, the customer told")


def _quote_reminders(db: Database, limits: Deadlines) -> Iterable[Done]:
    if limits.quote_reminder_days <= 0:
        return
    today = db.today()
    horizon = today + timedelta(days=limits.quote_reminder_days)

    def due(stmt: Select[tuple[T]]) -> Select[tuple[T]]:
        return stmt.where(m.Quote.state == QuoteState.SENT.value, m.Quote.reminded_at.is_(None),
                          m.Quote.valid_until >= today, m.Quote.valid_until <= horizon)

    with db.read() as session:
        candidates = session.scalars(due(select(m.Quote.id)).order_by(m.Quote.id)).all()

    def act(session: Session, ident: int) -> Done | None:
        quote = session.scalar(_locked(db, due(select(m.Quote).where(m.Quote.id == ident))))
        if quote is None:
            return None
        quote.reminded_at = db.now()
        request = quote.request
        ref = quote_reference(request.id, quote.revision)
        audit(db, session, SYSTEM, "quote_reminded", request_id=request.id,
              customer_id=request.customer_id, quote=quote.id,
              valid_until=quote.valid_until.isoformat())
        notify(db, session, request.customer_id, NoticeKind.QUOTE_REMINDER, request_id=request.id,
               quote=quote.id, reference=ref, total=quote.total,
               valid_until=quote.valid_until.isoformat())
        return Done("quote_reminder", ref, f"valid until {quote.valid_until.isoformat()}")

    yield from _each(db, "quote_reminder", candidates, act)


def _pending(stmt: Select[tuple[T]], before: datetime) -> Select[tuple[T]]:
    return stmt.where(m.Variation.state == VariationState.PROPOSED.value,
                      m.Variation.proposed_at <= before)


def _variation_lapses(db: Database, limits: Deadlines) -> Iterable[Done]:
    before = db.now() - timedelta(days=limits.variation_expiry_days)
    with db.read() as session:
        candidates = session.scalars(_pending(select(m.Variation.id), before)
                                     .order_by(m.Variation.id)).all()

    def act(session: Session, ident: int) -> Done | None:
        variation = session.scalar(_locked(db, _pending(
            select(m.Variation).where(m.Variation.id == ident), before)))
        if variation is None:
            return None
        variation.state = VariationState.LAPSED.value
        variation.answered_at = db.now()
        session.flush()
        request = session.get(m.Request, variation.request_id)
        assert request is not None
        audit(db, session, SYSTEM, "variation_lapsed", request_id=request.id,
              customer_id=request.customer_id, variation=variation.id, amount=variation.amount,
              days=limits.variation_expiry_days)
        notify(db, session, request.customer_id, NoticeKind.VARIATION_LAPSED,
               request_id=request.id, variation=variation.id, amount=variation.amount)
        return Done("variation_lapsed", f"{request_reference(request.id)} variation {variation.id}",
                    f"unanswered for {limits.variation_expiry_days} days")

    yield from _each(db, "variation_lapsed", candidates, act)


def _variation_reminders(db: Database, limits: Deadlines) -> Iterable[Done]:
    if limits.variation_reminder_days <= 0:
        return
    before = db.now() - timedelta(days=limits.variation_reminder_days)

    def due(stmt: Select[tuple[T]]) -> Select[tuple[T]]:
        return _pending(stmt, before).where(m.Variation.reminded_at.is_(None))

    with db.read() as session:
        candidates = session.scalars(due(select(m.Variation.id)).order_by(m.Variation.id)).all()

    def act(session: Session, ident: int) -> Done | None:
        variation = session.scalar(_locked(db, due(
            select(m.Variation).where(m.Variation.id == ident))))
        if variation is None:
            return None
        variation.reminded_at = db.now()
        session.flush()
        request = session.get(m.Request, variation.request_id)
        assert request is not None
        audit(db, session, SYSTEM, "variation_reminded", request_id=request.id,
              customer_id=request.customer_id, variation=variation.id)
        notify(db, session, request.customer_id, NoticeKind.VARIATION_REMINDER,
               request_id=request.id, variation=variation.id, amount=variation.amount,
               reason=variation.reason)
        return Done("variation_reminder", f"{request_reference(request.id)} variation {variation.id}")

    yield from _each(db, "variation_reminder", candidates, act)


def threshold(customer: m.Customer, default: Decimal) -> Decimal:
    """The customer's low-credit threshold (0: no alert)."""
    return default if customer.low_credit_alert is None else customer.low_credit_alert


def _customers(db: Database, alerted: bool) -> Select[tuple[m.Customer]]:
    told = exists().where(m.LowCreditAlert.customer_id == m.Customer.id)
    return select(m.Customer).where(told if alerted else ~told).order_by(m.Customer.id)


#: the advisory lock space of the low-credit alerts (with the customer's id): one worker
#: at a time per customer
CREDIT_ALERT_LOCK = 0x52495431


def _locked_customer(db: Database, session: Session, ident: int, alerted: bool) -> m.Customer | None:
    stmt = _customers(db, alerted).where(m.Customer.id == ident).execution_options(
        populate_existing=True)
    if not db.is_sqlite:
        # one worker at a time per customer (a second one skips it, as SKIP LOCKED would):
        # the worker's login may not lock a customer's row (that needs UPDATE on it); the
        # balance read is the committed one, and the next round sees any later change
        stmt = stmt.where(func.pg_try_advisory_xact_lock(CREDIT_ALERT_LOCK, m.Customer.id))
    return session.scalar(stmt)


def _alerted(session: Session, ident: int) -> bool:
    """Read again once the customer is locked (a statement of its own: it sees what
    another worker committed meanwhile, which the locking statement's subquery did not)."""
    return session.scalar(select(m.LowCreditAlert.customer_id)
                          .where(m.LowCreditAlert.customer_id == ident)) is not None


def _credit_alerts(db: Database, limits: Deadlines) -> Iterable[Done]:
    """Below the threshold and not yet told: told once."""
    def low(customer: m.Customer) -> bool:
        limit = threshold(customer, limits.low_credit_alert)
        return limit > 0 and customer.balance < limit  # 0: no alerts, even below zero

    with db.read() as session:
        candidates = [c.id for c in session.scalars(_customers(db, alerted=False)) if low(c)]

    def act(session: Session, ident: int) -> Done | None:
        customer = _locked_customer(db, session, ident, alerted=False)
        if customer is None or not low(customer) or _alerted(session, ident):
            return None
        limit = threshold(customer, limits.low_credit_alert)
        session.add(m.LowCreditAlert(customer_id=customer.id, at=db.now(),
                                     balance=customer.balance, threshold=limit))
        session.flush()
        audit(db, session, SYSTEM, "credit_low_alert", customer_id=customer.id,
              balance=customer.balance, threshold=limit)
        notify(db, session, customer.id, NoticeKind.CREDIT_LOW, balance=customer.balance,
               threshold=limit)
        return Done("credit_low", customer.code, f"balance {customer.balance} below {limit}")

    yield from _each(db, "credit_low", candidates, act)


def _credit_rearmed(db: Database, limits: Deadlines) -> Iterable[Done]:
    """Told, and back at or above the threshold (or the alert switched off): the next
    crossing below it is alerted again."""
    def recovered(customer: m.Customer) -> bool:
        limit = threshold(customer, limits.low_credit_alert)
        return limit <= 0 or customer.balance >= limit

    with db.read() as session:
        candidates = [c.id for c in session.scalars(_customers(db, alerted=True)) if recovered(c)]

    def act(session: Session, ident: int) -> Done | None:
        customer = _locked_customer(db, session, ident, alerted=True)
        if customer is None or not recovered(customer) or not _alerted(session, ident):
            return None
        alert = select(m.LowCreditAlert).where(m.LowCreditAlert.customer_id == customer.id)
        if not db.is_sqlite:  # held while the event is written (rit_event_subject: its row)
            session.execute(alert.with_for_update())
        audit(db, session, SYSTEM, "credit_low_cleared", customer_id=customer.id,
              balance=customer.balance)
        session.execute(delete(m.LowCreditAlert).where(m.LowCreditAlert.customer_id == customer.id))
        return Done("credit_low_cleared", customer.code, f"balance {customer.balance}")

    yield from _each(db, "credit_low_cleared", candidates, act)
