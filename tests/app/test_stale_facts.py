"""A completion that waits for another workstation's lock charges what stands at commit.

Issue 9, part 1. A second connection holds the request's lock (PostgreSQL: ``SELECT ...
FOR UPDATE``; SQLite: ``BEGIN IMMEDIATE``); a competing change (work logged, edited or
deleted, a variation agreed) starts and waits for it, then the completion starts and
waits too; the lock is released. Whatever order the waiters then run in, the charge must
be computed from the facts that stand when it commits: the test prices the request again
from what the database holds at the end and compares.

On PostgreSQL the waiters are started one after the other, each only once the database
shows it waiting for the lock, so the competing change commits first (row-lock waiters
are served in order): the order in which a stale read charges the wrong amount.
SQLite's busy handler has no such order; there the outcome is checked whichever wins.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from app.db import models as m
from app.db.database import Database
from app.domain.errors import ConflictError, StateError
from app.domain.pricing import compute_charge
from app.services import billing, variations, work
from app.services.dto import CompletionResult
from tests.app.conftest import World

WAIT_SECONDS = 30


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


def _start(job: Callable[[], Any]) -> tuple[threading.Thread, Outcome]:
    outcome = Outcome()

    def run() -> None:
        try:
            outcome.value = job()
        except BaseException as exc:  # inspected by the test
            outcome.error = exc
        finally:
            outcome.done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


class Holder:
    """A second connection holding the request's lock until :meth:`release`."""

    def __init__(self, db: Database, number: int) -> None:
        self.db = db
        self.number = number
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None
        self.pid: int | None = None

    def hold(self) -> None:
        if self.db.is_sqlite:
            assert self.db.url.database
            self._sqlite = sqlite3.connect(self.db.url.database, isolation_level=None)
            self._sqlite.execute("BEGIN IMMEDIATE")
            return
        engine = create_engine(self.db.url)
        self._pg = (engine, engine.connect())
        conn = self._pg[1]
        conn.execute(text("SELECT id FROM requests WHERE id = :n FOR UPDATE"),
                     {"n": self.number})
        self.pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()

    def waiting(self) -> int:
        """How many sessions of this database wait for a lock (PostgreSQL).

        The first waiter waits for the holder; the next ones queue behind the first
        (it holds the row's tuple lock while it waits), so count every lock wait.
        """
        assert self.pid is not None
        engine = create_engine(self.db.url)
        try:
            with engine.connect() as conn:
                return int(conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")).scalar_one())
        finally:
            engine.dispose()

    def wait_for_waiters(self, count: int, outcomes: list[Outcome],
                         may_finish: Outcome | None = None) -> None:
        """Until ``count`` sessions wait behind the lock (PostgreSQL; no-op on SQLite), or
        ``may_finish`` is done (a completion may refuse on what it read, without waiting)."""
        if self.db.is_sqlite:
            return
        deadline = time.monotonic() + WAIT_SECONDS
        while self.waiting() < count:
            if may_finish is not None and may_finish.done.is_set():
                return
            finished = [o for o in outcomes if o.done.is_set()]
            assert not finished, f"a waiter finished before the lock was released: {finished}"
            assert time.monotonic() < deadline, "the waiters never reached the lock"
            time.sleep(0.005)

    def release(self) -> None:
        if self._sqlite is not None:
            self._sqlite.execute("COMMIT")
            self._sqlite.close()
            self._sqlite = None
        if self._pg is not None:
            engine, conn = self._pg
            conn.rollback()
            conn.close()
            engine.dispose()
            self._pg = None


@contextmanager
def held(db: Database, number: int) -> Iterator[Holder]:
    holder = Holder(db, number)
    holder.hold()
    try:
        yield holder
    finally:
        holder.release()


def _station(world: World) -> Database:
    """Another workstation on the same database."""
    return Database(world.db.url, clock=world.db.clock, renderer=world.db.renderer,
                    pool_size=1)


def _race(world: World, number: int, change: Callable[[Database], Any],
          complete: Callable[[Database], CompletionResult] | None = None,
          *, may_refuse_at_once: bool = False) -> tuple[Outcome, Outcome]:
    """The change and then the completion wait behind a held lock; then it is released."""
    change_station, complete_station = _station(world), _station(world)
    for station in (change_station, complete_station):
        station.check_connection()
    finish = complete or (lambda db: billing.complete_request(db, "tech", number))
    try:
        with held(world.db, number) as holder:
            changing, changed = _start(lambda: change(change_station))
            holder.wait_for_waiters(1, [changed])
            completing, completed = _start(lambda: finish(complete_station))
            holder.wait_for_waiters(2, [changed, completed],
                                    completed if may_refuse_at_once else None)
        for thread in (changing, completing):
            thread.join(WAIT_SECONDS)
            assert not thread.is_alive(), "a workstation hung"
    finally:
        change_station.dispose()
        complete_station.dispose()
    return changed, completed


def _priced_as_it_stands(db: Database, number: int) -> tuple[Decimal, Decimal, Decimal]:
    """The charge computed again from what the database holds now."""
    with db.read() as session:
        quote = session.scalar(select(m.Quote).where(m.Quote.request_id == number,
                                                     m.Quote.state == "accepted"))
        assert quote is not None
        minutes = list(session.scalars(select(m.WorkEntry.minutes)
                                       .where(m.WorkEntry.request_id == number)))
        agreed = list(session.scalars(
            select(m.Variation.amount)
            .where(m.Variation.request_id == number, m.Variation.state == "agreed")
            .order_by(m.Variation.answered_at, m.Variation.id)))
    charge = compute_charge(kind=quote.kind, quote_net=quote.net, vat_rate=quote.vat_rate,
                            hourly_rate=quote.hourly_rate, entries_minutes=minutes,
                            agreed_variations=agreed, increment=quote.billing_increment)
    return charge.net, charge.vat, charge.total


def _charged(db: Database, number: int) -> tuple[Decimal, Decimal, Decimal]:
    with db.read() as session:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == number))
        assert charge is not None
        return charge.net, charge.vat, charge.total


def _check(world: World, number: int, changed: Outcome, completed: Outcome,
           expected_net: str) -> None:
    """The charge is what stands; on PostgreSQL (change first) it is ``expected_net``."""
    assert completed.error is None, repr(completed.error)
    assert completed.value is not None
    stands = _priced_as_it_stands(world.db, number)
    assert _charged(world.db, number) == stands
    assert (completed.value.net, completed.value.vat, completed.value.total) == stands
    if world.db.is_sqlite and changed.error is not None:
        # SQLite served the completion first: the change found the request completed
        assert isinstance(changed.error, StateError), repr(changed.error)
        return
    assert changed.error is None, repr(changed.error)
    assert stands[0] == Decimal(expected_net)


@pytest.fixture
def hourly(world: World) -> int:
    """An hourly request (60.00/h, 5 h indicative: ceiling 300.00) with 1:10 logged."""
    number = world.accepted("hourly")
    work.log_work(world.db, "tech", number, hours="1:10")  # billable 1:15 -> 75.00
    return number


def test_work_logged_while_completion_waits_is_charged(world: World, hourly: int) -> None:
    changed, completed = _race(world, hourly,
                               lambda db: work.log_work(db, "tech", hourly, hours="2:00"))
    _check(world, hourly, changed, completed, "195.00")  # 1:15 + 2:00 billable


def test_work_cut_while_completion_waits_is_charged(world: World, hourly: int) -> None:
    entry = work.log_work(world.db, "tech", hourly, hours="1:10")  # 150.00 in all
    changed, completed = _race(
        world, hourly, lambda db: work.edit_work(db, "tech", entry.id, hours="0:15",
                                                 work_date=entry.work_date))
    _check(world, hourly, changed, completed, "90.00")  # 1:15 + 0:15


def test_work_deleted_while_completion_waits_is_charged(world: World, hourly: int) -> None:
    entry = work.log_work(world.db, "tech", hourly, hours="2:00")
    changed, completed = _race(world, hourly,
                               lambda db: work.delete_work(db, "tech", entry.id))
    _check(world, hourly, changed, completed, "75.00")


def test_variation_agreed_while_completion_waits_is_charged(world: World, hourly: int) -> None:
    work.log_work(world.db, "tech", hourly, hours="5:00")  # 6:15 billable: 375.00, capped
    proposal = variations.propose_variation(world.db, "tech", hourly, amount="340",
                                            reason="more tuning")
    changed, completed = _race(world, hourly,
                               lambda db: variations.agree_variation(db, proposal.id),
                               may_refuse_at_once=True)
    if isinstance(completed.error, StateError):
        # the completion read the request before the customer agreed (PostgreSQL: it
        # refuses on what it read, without waiting; SQLite: it went first)
        assert "awaits" in str(completed.error) and changed.error is None
        completed.value, completed.error = billing.complete_request(world.db, "tech", hourly), None
    _check(world, hourly, changed, completed, "340.00")


def test_confirmed_preview_is_not_charged_once_the_work_changed(world: World,
                                                                hourly: int) -> None:
    """The GUI passes the preview the user confirmed: a different charge is refused."""
    shown = billing.preview_charge(world.db, hourly)
    changed, completed = _race(
        world, hourly, lambda db: work.log_work(db, "tech", hourly, hours="2:00"),
        lambda db: billing.complete_request(db, "tech", hourly, confirmed=shown))
    if world.db.is_sqlite and changed.error is not None:
        assert completed.error is None  # the completion went first: what was shown stands
        assert _charged(world.db, hourly) == (shown.net, shown.vat, shown.total)
        return
    assert changed.error is None
    assert isinstance(completed.error, ConflictError), repr(completed.error)
    assert "changed after it was shown" in str(completed.error)
    assert "237.90" in str(completed.error)  # the new total: 195.00 + 22 % VAT
    with world.db.read() as session:
        assert session.scalar(select(m.Charge).where(m.Charge.request_id == hourly)) is None
    again = billing.preview_charge(world.db, hourly)
    done = billing.complete_request(world.db, "tech", hourly, confirmed=again)
    assert done.total == Decimal("237.90")
