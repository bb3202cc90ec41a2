"""Numbers without gaps under load, on PostgreSQL: eight workstations (threads, each with
its own connections) topping up and charging at once, some of their transactions rolled
back after the number was taken; and the series row's lock held from another connection
(deterministic: the use case waits for it, then takes the next number)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from app.db.database import Database
from app.db.tables import INVOICES, LEDGER
from app.domain.enums import LedgerKind
from app.domain.money import parse_amount
from app.services import billing, credit, customers, work
from tests.app.conftest import World
from tests.app.finance.test_invoices import set_vat_point
from tests.conftest import FakeClock

pytestmark = pytest.mark.postgres
STATIONS = 8


@pytest.fixture(autouse=True)
def _postgres_only(world: World, clock: FakeClock) -> None:
    if world.db.is_sqlite:
        pytest.skip("one writer at a time on the embedded file: nothing to race")
    clock.now = datetime(2026, 12, 7, 9, 0)


def stations(db: Database) -> list[Database]:
    url = db.engine.url.render_as_string(hide_password=False)
    return [Database(url, clock=db.clock, pool_size=2) for _ in range(STATIONS)]


def run_at_once(jobs: list[Callable[[], None]]) -> list[BaseException]:
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        start.wait()
        try:
            job()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return errors


def run_stations(desks: list[Database], station: Callable[[int], Callable[[], None]]
                 ) -> list[BaseException]:
    """Every station's job at once; the stations closed after."""
    try:
        return run_at_once([station(i) for i in range(len(desks))])
    finally:
        for desk in desks:
            desk.dispose()


def progressives(db: Database, kind: str) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(INVOICES.c.progressive)
                                    .where(INVOICES.c.type == kind)
                                    .order_by(INVOICES.c.progressive)))


def waiting_for_the_series(db: Database) -> None:
    """Until another backend waits for a lock (the series row), or fail after 120 s."""
    deadline = time.monotonic() + 120
    with db.engine.connect() as conn:
        while time.monotonic() < deadline:
            if conn.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                "current_database() AND wait_event_type = 'Lock'")):
                return
            conn.rollback()
            threading.Event().wait(0.05)
    pytest.fail("the top-up never waited for the series row")


class RolledBack(Exception):
    pass


def test_eight_stations_top_up_at_once_some_rolled_back_no_gaps(world: World) -> None:
    db = world.db
    set_vat_point(db, "topup")
    desks = stations(db)
    per_station = 12

    def station(i: int) -> Callable[[], None]:
        def job() -> None:
            here = desks[i]
            for n in range(per_station):
                code = "ACME" if (i + n) % 2 else "POOR"
                if n % 4 == 3:  # a failure after the number was taken: rolled back
                    try:
                        with here.transaction() as session:
                            credit.move_credit(here, session, code, LedgerKind.TOPUP,
                                               parse_amount("7"), actor="fin", acted_for="fin")
                            raise RolledBack
                    except RolledBack:
                        continue
                customers.topup(here, "fin", code, f"{i + 1}.{n:02d}")
        return job

    assert run_stations(desks, station) == []
    committed = STATIONS * per_station * 3 // 4
    with db.read() as session:
        topups = session.scalar(select(func.count()).select_from(LEDGER).where(
            LEDGER.c.kind == "topup", LEDGER.c.reference != "initial credit"))
        total = session.scalar(select(func.count()).select_from(INVOICES)) or 0
        unmatched = session.scalar(select(func.count()).select_from(LEDGER).where(
            LEDGER.c.kind == "topup", LEDGER.c.reference != "initial credit",
            ~LEDGER.c.id.in_(select(INVOICES.c.ledger_entry_id)
                                                       .where(INVOICES.c.ledger_entry_id
                                                              .is_not(None)))))
    assert progressives(db, "TD01") == list(range(1, total + 1))
    assert total == topups == committed and unmatched == 0


def test_eight_stations_charge_at_once_no_gaps(world: World) -> None:
    db = world.db
    set_vat_point(db, "charge")
    per_station = 3
    numbers = []
    for _ in range(STATIONS * per_station):
        number = world.accepted("fixed")
        work.log_work(db, "tech", number, hours="1")
        numbers.append(number)
    desks = stations(db)

    def station(i: int) -> Callable[[], None]:
        def job() -> None:
            for number in numbers[i::STATIONS]:
                billing.complete_request(desks[i], "tech", number)
                customers.topup(desks[i], "fin", "ACME", "1")  # a deposit: no document
        return job

    assert run_stations(desks, station) == []
    assert progressives(db, "TD01") == list(range(1, STATIONS * per_station + 1))
    with db.read() as session:
        charged = set(session.scalars(select(INVOICES.c.request_id)))
    assert charged == set(numbers)


def test_a_use_case_waits_for_the_series_then_takes_the_next_number(world: World) -> None:
    """The series row locked by another transaction (as by a top-up not yet committed):
    the top-up waits, and when that transaction rolls back it takes the number given
    back, not the one after."""
    db = world.db
    set_vat_point(db, "topup")
    customers.topup(db, "fin", "ACME", "10")  # FT 2026/000001: the series row exists
    holder = db.engine.connect()
    transaction = holder.begin()
    holder.execute(text("UPDATE invoice_series SET last = last + 1 "
                        "WHERE type = 'TD01' AND year = 2026"))
    done = threading.Event()
    desk = stations(db)[0]

    def top_up() -> None:
        customers.topup(desk, "fin", "ACME", "20")
        done.set()

    thread = threading.Thread(target=top_up)
    thread.start()
    try:
        waiting_for_the_series(db)
        assert not done.is_set()
        transaction.rollback()
        thread.join(timeout=120)
        assert done.is_set()
    finally:
        holder.close()
        desk.dispose()
    assert progressives(db, "TD01") == [1, 2]
