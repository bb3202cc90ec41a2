"""Issue 9, part 6 (b): PostgreSQL restarted while workers charge, on a cluster the test
starts itself (``tests/pg_cluster.py``: another port, never the shared server).

Deterministically in the middle: a trigger makes every charge wait, after its row is
inserted and before it commits, at a gate the test keeps closed (a row it commits: a
lock would be released by the shutdown itself, letting a charge commit while the server
stops); the test waits until every worker is there, then restarts the server (``fast``:
clients cut off, transactions rolled back; ``immediate``: killed, recovered on start).
The workers see the database unavailable and retry as a workstation would; in the end
every request is charged exactly once and the money invariants hold. While the server
is down, the command line answers with one line and exit status 2; the desktop app's
connection monitor says "disconnected", then "reconnected".
"""

from __future__ import annotations

import os
import queue
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.domain.errors import DatabaseUnavailable, StateError
from app.services import billing, customers, queries, work
from tests.app.conftest import World, make_world
from tests.cli.conftest import Result, assert_one_line_failure, invoke
from tests.conftest import FakeClock, fake_renderer
from tests.faults import AT_THE_GATE, CHARGE_GATE
from tests.invariants import check_money
from tests.pg_cluster import PrivateCluster, private_cluster
from ui.connection_state import monitor_for

WORKERS = 4
#: restarts per run (RIT_DESK_FAULT_ROUNDS for longer runs: tests/perf/fault_injection.py)
ROUNDS = int(os.environ.get("RIT_DESK_FAULT_ROUNDS", "1"))


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    yield from private_cluster()


@pytest.fixture
def url(cluster: PrivateCluster) -> str:
    """A new database on the private cluster, for one test."""
    name = f"rit_restart_{secrets.token_hex(3)}"
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return cluster.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def world(url: str, clock: FakeClock) -> Iterator[World]:
    db = Database(url, clock=clock, renderer=fake_renderer)
    db.upgrade_schema()
    yield make_world(db)
    db.dispose()


@dataclass
class Tally:
    charged: list[int] = field(default_factory=list)
    unavailable: int = 0  # DatabaseUnavailable seen by the workers (then retried)
    lost_answers: int = 0  # charged by an attempt whose answer was lost
    errors: list[str] = field(default_factory=list)


def worker(url: str, clock: FakeClock, todo: queue.Queue[int], up: threading.Event,
           tally: Tally, lock: threading.Lock) -> None:
    db = Database(url, clock=clock, pool_size=1)
    try:
        while True:
            try:
                number = todo.get_nowait()
            except queue.Empty:
                return
            for _attempt in range(100):
                try:
                    billing.complete_request(db, "tech", number)
                except DatabaseUnavailable as exc:
                    with lock:
                        tally.unavailable += 1
                        tally.errors.append(str(exc))
                    up.wait(60)  # as a workstation would: try again once it answers
                    continue
                except StateError as exc:  # the attempt cut off had committed after all
                    assert "already completed" in str(exc)
                    with lock:
                        tally.lost_answers += 1
                with lock:
                    tally.charged.append(number)
                break
            else:
                raise AssertionError(f"request {number} could not be charged")
    finally:
        db.dispose()


def ready(world: World, worker_index: int, count: int) -> list[int]:
    """``count`` requests of the worker's own customer, ready to charge (a charge locks
    its customer's row: workers of one customer would wait on each other, not mid-charge)."""
    db, code = world.db, f"W{worker_index}"
    if code not in {c.code for c in customers.list_customers(db)}:
        customers.add_customer(db, "admin", code, name=f"Worker {worker_index}")
        customers.add_service(db, "admin", code, name="srv", kind="vps")
    customers.topup(db, "fin", code, "5000")
    numbers = []
    for _ in range(count):
        number = world.accepted(kind="hourly", customer=code)
        work.log_work(db, "tech", number, hours="1:30")
        numbers.append(number)
    return numbers


def cli_while_down(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    lines = []
    for argv in (["requests", "list"], ["--as", "fin", "customers", "topup", "ACME",
                                        "--amount", "10"], ["init"]):
        capsys.readouterr()
        code = invoke(["--db", url, *argv])
        out, err = capsys.readouterr()
        assert_one_line_failure(Result(code, out, err))
        lines.append(err.strip())
    return lines


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_a_restart_while_workers_charge(world: World, cluster: PrivateCluster, url: str,
                                        clock: FakeClock, mode: str,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RIT_DESK_DB", "RIT_DESK_USER", "RIT_DESK_DB_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(CHARGE_GATE)
    restarts = 0
    for _round in range(ROUNDS):
        queues: list[queue.Queue[int]] = []
        numbers: list[int] = []
        for index in range(WORKERS):
            queues.append(queue.Queue())
            for number in ready(world, index, 3):
                queues[-1].put(number)
                numbers.append(number)
        up, lock, tally = threading.Event(), threading.Lock(), Tally()
        with admin.connect() as conn:
            conn.execute(text("UPDATE rit_test_gate SET open = false"))
        threads = [threading.Thread(target=worker, args=(url, clock, todo, up, tally, lock))
                   for todo in queues]
        for thread in threads:
            thread.start()
        deadline = threading.Event()
        with admin.connect() as watcher:  # every worker holds a charge, uncommitted
            for _ in range(3000):
                if watcher.execute(text(AT_THE_GATE)).scalar() == WORKERS:
                    break
                deadline.wait(0.01)
            else:
                raise AssertionError("the workers never reached the paused charge")
        cluster.stop(mode)
        lines = cli_while_down(url, capsys)
        cluster.start()
        admin.dispose()  # the connections of before the restart are gone
        with admin.connect() as conn:
            conn.execute(text("UPDATE rit_test_gate SET open = true"))
        restarts += 1
        up.set()
        for thread in threads:
            thread.join(120)
            assert not thread.is_alive()
        assert sorted(tally.charged) == sorted(numbers)  # each request once, none lost
        assert tally.unavailable >= WORKERS, tally  # every worker was cut off mid-charge
        assert tally.lost_answers == 0, tally  # nothing committed while the server stopped
        check_money(world.db)
        for number in numbers:
            assert queries.request_detail(world.db, number).charge is not None
        assert all("cannot" in line for line in lines), lines
    assert restarts == ROUNDS
    print(f"\n{mode}: {restarts} restarts with {WORKERS} workers paused mid-charge; "
          f"last round {tally.unavailable} unavailable, {tally.lost_answers} lost answers")
    assert customers.get_customer(world.db, "ACME").balance > Decimal("0")
    admin.dispose()


def test_the_desktop_app_sees_the_server_go_and_come_back(qtbot: QtBot, world: World,
                                                          cluster: PrivateCluster) -> None:
    monitor = monitor_for(world.db)
    monitor.probe_timer.setInterval(50)
    with qtbot.waitSignal(monitor.lost, timeout=10_000) as lost:
        cluster.stop("fast")
        monitor.probe_timer.start()  # as after a failed call: it asks until it answers
    assert "cannot connect" in lost.args[0]
    assert not monitor.online
    with qtbot.waitSignal(monitor.restored, timeout=30_000):
        cluster.start()
    assert monitor.online
    check_money(world.db)
