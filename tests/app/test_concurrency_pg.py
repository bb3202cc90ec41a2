"""Eight workstations complete and charge requests at the same moment.

Each thread opens its own :class:`Database` (its own engine and connections), as a
separate workstation would, and all of them start together behind a barrier. Runs on
PostgreSQL (row locks) and on SQLite (the write lock), through the ``db_url`` fixture.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update

from app.db import models as m
from app.db.database import Database
from app.domain.errors import ConflictError, RitError, StateError
from app.services import billing, credit, customers, work
from tests.app.conftest import World
from tests.conftest import FakeClock, fake_renderer

THREADS = 8
ROUNDS = 3


@dataclass
class Outcome:
    thread: int
    number: int
    total: Decimal | None = None
    error: BaseException | None = None


def _complete_all(db_url: str, clock: FakeClock, jobs: list[tuple[str, int]]) -> list[Outcome]:
    """Run ``complete_request`` for each (actor, request) in its own thread and workstation."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [Outcome(i, number) for i, (_, number) in enumerate(jobs)]

    def run(i: int, actor: str, number: int) -> None:
        station = Database(db_url, clock=clock, renderer=fake_renderer, pool_size=1)
        try:
            station.check_connection()  # connect before the barrier: the race is the charge
            barrier.wait(timeout=30)
            outcomes[i].total = billing.complete_request(station, actor, number).total
        except BaseException as exc:  # every outcome is inspected by the test
            outcomes[i].error = exc
        finally:
            station.dispose()

    threads = [threading.Thread(target=run, args=(i, actor, number), name=f"station-{i}")
               for i, (actor, number) in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a workstation hung"
    return outcomes


def _ready(world: World, customer: str, hours: str = "1") -> int:
    number = world.accepted(customer=customer)
    work.log_work(world.db, "tech", number, hours=hours)
    return number


def _check_ledgers(db: Database) -> None:
    """balance == sum(ledger), every balance_after is the running sum, status and services agree."""
    with db.read() as session:
        for customer in session.scalars(select(m.Customer)):
            assert customer.balance == credit.ledger_sum(session, customer.id), customer.code
            running = Decimal("0.00")
            for entry in session.scalars(select(m.LedgerEntry)
                                         .where(m.LedgerEntry.customer_id == customer.id)
                                         .order_by(m.LedgerEntry.id)):
                running += entry.amount
                assert entry.balance_after == running, (customer.code, entry.id)
            exhausted = customer.balance < 0
            assert customer.status == ("credit_exhausted" if exhausted else "active")
            expected = "suspended" if exhausted else "running"
            assert {s.status for s in customer.services} == {expected}


def test_eight_stations_charge_each_request_exactly_once(world: World, db_url: str,
                                                         clock: FakeClock) -> None:
    db = world.db
    expected_totals: dict[int, Decimal] = {}
    for _ in range(ROUNDS):
        shared = _ready(world, "ACME")
        # the other four stations each complete a request of their own, for the same two
        # customers, so the customer rows are contended too; POOR runs out of credit
        own = [_ready(world, "ACME" if i % 2 else "POOR") for i in range(THREADS // 2)]
        jobs = [("tech" if i % 2 else "lead", shared) for i in range(THREADS // 2)]
        jobs += [("lead", number) for number in own]
        outcomes = _complete_all(db_url, clock, jobs)

        on_shared = [o for o in outcomes if o.number == shared]
        winners = [o for o in on_shared if o.error is None]
        assert len(winners) == 1, [repr(o.error) for o in on_shared]
        for loser in on_shared:
            if loser.error is not None:
                assert isinstance(loser.error, ConflictError | StateError), repr(loser.error)
                assert "already" in str(loser.error)
        for o in outcomes:
            if o.number != shared:
                assert o.error is None, repr(o.error)
        for o in outcomes:
            if o.error is None:
                assert o.total == Decimal("475.80")  # 390.00 + 22 % VAT
                expected_totals[o.number] = Decimal("475.80")

    with db.read() as session:
        per_request = Counter(session.scalars(select(m.Charge.request_id)))
        assert per_request == Counter(dict.fromkeys(expected_totals, 1))
        charge_entries = Counter(session.scalars(
            select(m.LedgerEntry.charge_id).where(m.LedgerEntry.kind == "charge")))
        assert sum(charge_entries.values()) == len(expected_totals)
        assert all(n == 1 for n in charge_entries.values())
        states = set(session.scalars(select(m.Request.state)
                                     .where(m.Request.id.in_(list(expected_totals)))))
        assert states == {"completed"}
    _check_ledgers(db)
    acme = customers.get_customer(db, "ACME")
    poor = customers.get_customer(db, "POOR")
    # ACME: 1000 - 3 rounds x (shared + 2 own) x 475.80; POOR: 50 - 3 x 2 x 475.80
    assert acme.balance == Decimal("1000.00") - 9 * Decimal("475.80")
    assert poor.balance == Decimal("50.00") - 6 * Decimal("475.80")
    assert poor.status == "credit_exhausted" and poor.missing == -poor.balance


def test_concurrent_topups_and_charges_keep_the_ledger(world: World, db_url: str,
                                                       clock: FakeClock) -> None:
    """Top-ups by finance race charges on the same account: nothing is lost."""
    db = world.db
    numbers = [_ready(world, "POOR") for _ in range(THREADS // 2)]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def charge(number: int) -> None:
        station = Database(db_url, clock=clock, renderer=fake_renderer, pool_size=1)
        try:
            station.check_connection()
            barrier.wait(timeout=30)
            billing.complete_request(station, "lead", number)
        except BaseException as exc:
            errors.append(exc)
        finally:
            station.dispose()

    def topup() -> None:
        station = Database(db_url, clock=clock, renderer=fake_renderer, pool_size=1)
        try:
            station.check_connection()
            barrier.wait(timeout=30)
            customers.topup(station, "fin", "POOR", "500.00")
        except BaseException as exc:
            errors.append(exc)
        finally:
            station.dispose()

    threads = [threading.Thread(target=charge, args=(n,)) for n in numbers]
    threads += [threading.Thread(target=topup) for _ in range(THREADS // 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, [repr(e) for e in errors]
    poor = customers.get_customer(db, "POOR")
    # 50 + 4 x 500 - 4 x 475.80: every posting counted once, whatever the order
    assert poor.balance == Decimal("146.80")
    assert poor.status == "active" and {s.status for s in poor.services} == {"running"}
    _check_ledgers(db)


def test_second_charge_refused_by_the_database_constraint(world: World) -> None:
    """Even if the state check were bypassed, the unique charge per request holds."""
    db = world.db
    number = _ready(world, "ACME")
    billing.complete_request(db, "tech", number)
    before = customers.get_customer(db, "ACME")
    with db.transaction() as session:  # pretend the completion never reached the request row
        session.execute(update(m.Request).where(m.Request.id == number)
                        .values(state="in_progress", version=m.Request.version + 1))
    with pytest.raises(ConflictError, match="already charged"):
        billing.complete_request(db, "tech", number)
    after = customers.get_customer(db, "ACME")
    assert after.balance == before.balance and after.ledger == before.ledger
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Charge)) == 1
        assert session.scalar(text("SELECT count(*) FROM audit_events "
                                   "WHERE action = 'request_completed'")) == 1


def test_failed_station_does_not_charge(world: World, db_url: str, clock: FakeClock) -> None:
    """A station whose user may not complete fails cleanly while another one succeeds."""
    number = _ready(world, "ACME")
    outcomes = _complete_all(db_url, clock, [("fin", number), ("tech2", number), ("tech", number)])
    assert isinstance(outcomes[0].error, RitError) and "may not" in str(outcomes[0].error)
    assert isinstance(outcomes[1].error, RitError) and "own requests" in str(outcomes[1].error)
    assert outcomes[2].error is None and outcomes[2].total == Decimal("475.80")
    _check_ledgers(world.db)
