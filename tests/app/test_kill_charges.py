"""Issue 9, part 6 (a): ``kill -9`` of a process in the middle of a charge, again and again.

A child process completes a request with the real services and is killed where the test
says, deterministically: after each statement of the completion in turn, and just before
its COMMIT (the child pauses there and tells the parent); on PostgreSQL also inside the
server function, after the charge row is inserted and before the function's transaction
commits (a trigger the test adds makes it wait on a lock the parent holds). After every
kill the money invariants are checked (``tests/invariants.py``), then the request is
completed again by another process: it is charged exactly once, and the invariants hold.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from multiprocessing.context import ForkServerContext
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.domain.errors import StateError
from app.services import billing, customers, queries, work
from tests import fault_child
from tests.app.conftest import World
from tests.faults import CHARGE_PAUSE, CHARGE_PAUSE_REMOVED, PAUSED_CHARGES
from tests.invariants import check_money

ADVISORY_KEY = 949_901  # the lock a paused charge waits on (this test's own number)
#: how many times every kill point is hit (more with tests/perf/fault_injection.py)
ROUNDS = int(os.environ.get("RIT_DESK_FAULT_ROUNDS", "1"))


@pytest.fixture(scope="module")
def forkserver() -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(fault_child.PRELOAD)
    return context


@dataclass
class Kills:
    """What the kills did, for the test's own checks and its report."""

    made: int = 0
    charged_by_the_killed: int = 0
    points: list[str] = field(default_factory=list)


def run_child(ctx: ForkServerContext, url: str, number: int, pause_at: int | str | None,
              **kwargs: Any) -> tuple[multiprocessing.process.BaseProcess, tuple[str, int, str]]:
    """Start a child completing ``number``; wait for its first report."""
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=fault_child.complete,
                          args=(url, "tech", number, pause_at, child), kwargs=kwargs)
    process.start()
    child.close()
    if not parent.poll(60):
        process.kill()
        raise AssertionError(f"the child completing {number} said nothing in 60 s")
    report: tuple[str, int, str] = parent.recv()
    return process, report


def kill(process: multiprocessing.process.BaseProcess) -> None:
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    process.join(30)
    assert process.exitcode == -signal.SIGKILL


def charged(db: Database, number: int) -> bool:
    return queries.request_detail(db, number).charge is not None


def complete_again(db: Database, number: int, kills: Kills) -> None:
    """Another workstation completes the request: exactly one charge in the end."""
    if charged(db, number):
        kills.charged_by_the_killed += 1
        with pytest.raises(StateError, match="already completed"):
            billing.complete_request(db, "tech", number)
    else:
        billing.complete_request(db, "tech", number)
    assert charged(db, number)


def ready(world: World) -> int:
    """A request of POOR in progress whose charge (300.00 + VAT) takes POOR's credit from
    50.00 into exhaustion: every charge takes the same path (services suspended)."""
    db = world.db
    balance = customers.get_customer(db, "POOR").balance
    if balance != Decimal("50.00"):
        customers.topup(db, "fin", "POOR", Decimal("50.00") - balance)
    number = world.accepted(kind="hourly", customer="POOR")
    work.log_work(db, "tech", number, hours="5")
    return number


def test_kill_during_a_charge_at_every_statement(world: World, db_url: str,
                                                 forkserver: ForkServerContext) -> None:
    db = world.db
    kills = Kills()
    probe = ready(world)
    process, report = run_child(forkserver, db_url, probe, None)  # how many statements?
    process.join(30)
    assert report[0] == "done", report
    statements = report[1]
    assert statements >= 1
    check_money(db)
    points: list[int | str] = [*range(1, statements + 1), "commit"] * ROUNDS
    for pause_at in points:
        number = ready(world)
        process, report = run_child(forkserver, db_url, number, pause_at)
        if report[0] != "paused":  # no COMMIT of its own (PostgreSQL's one statement)
            process.join(30)
            assert pause_at == "commit" and not db.is_sqlite, report
            continue
        kills.points.append(f"{report[1]}: {report[2]}")
        kill(process)
        kills.made += 1
        check_money(db)
        killed_last = pause_at == statements and not db.is_sqlite  # after its own commit
        assert charged(db, number) is killed_last, (pause_at, report)
        complete_again(db, number, kills)
        check_money(db)
    assert kills.made == (statements + (1 if db.is_sqlite else 0)) * ROUNDS
    print(f"\n{db.url.get_backend_name()}: {kills.made} kills at {kills.points}; "
          f"{kills.charged_by_the_killed} charged by the killed process")


@pytest.fixture
def paused_charges(world: World, db_url: str) -> Iterator[Any]:
    """PostgreSQL: a trigger makes every charge wait, after its row is inserted, on an
    advisory lock the returned connection holds."""
    if world.db.is_sqlite:
        pytest.skip("SQLite has no server: its whole charge runs in the killed process")
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    conn = admin.connect()
    conn.exec_driver_sql(CHARGE_PAUSE.format(key=ADVISORY_KEY))
    try:
        yield conn
    finally:
        conn.execute(text("SELECT pg_advisory_unlock_all()"))
        conn.exec_driver_sql(CHARGE_PAUSE_REMOVED)
        conn.close()
        admin.dispose()


def wait_for(conn: Any, query: str, expected: object, **params: Any) -> None:
    """Poll the server until ``query`` answers ``expected`` (a state it reaches, not a delay)."""
    deadline = time.monotonic() + 30
    while conn.execute(text(query), params).scalar() != expected:
        assert time.monotonic() < deadline, f"the server never answered {expected!r} to {query}"
        time.sleep(0.01)


@pytest.mark.parametrize("client_check", [None, 20], ids=["server-decides", "server-gives-up"])
def test_kill_while_the_server_function_holds_the_charge(
        world: World, db_url: str, forkserver: ForkServerContext, paused_charges: Any,
        client_check: int | None) -> None:
    """Killed while rit_charge waits after inserting the charge. With
    ``client_connection_check_interval`` the server notices the dead client, gives up and
    rolls back: never charged by the killed process. Without it, the function goes on when
    the lock is released, and PostgreSQL does not promise whether its transaction then
    commits or is rolled back for a client that is gone: mostly it commits, but in about
    one whole-suite run in four one was rolled back (an earlier version of this test
    asserted the commit and failed there). So there either outcome is accepted, and what
    must hold holds either way: the invariants right after the kill, and exactly one
    charge once another workstation completes the request again."""
    db, conn = world.db, paused_charges
    kills = Kills()
    for _ in range(3 * ROUNDS):
        number = ready(world)
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": ADVISORY_KEY})
        parent, child = forkserver.Pipe(duplex=False)
        process = forkserver.Process(target=fault_child.complete,
                                     args=(db_url, "tech", number, None, child),
                                     kwargs={"check_client_ms": client_check})
        process.start()
        child.close()
        wait_for(conn, PAUSED_CHARGES, 1, k=ADVISORY_KEY)  # the charge row is in, not committed
        backend = conn.execute(text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' "
                                    "AND objid = :k AND NOT granted"), {"k": ADVISORY_KEY}
                               ).scalar_one()
        kill(process)
        kills.made += 1
        if client_check is not None:  # the server notices, gives up and rolls back
            wait_for(conn, "SELECT count(*) FROM pg_stat_activity WHERE pid = :p", 0, p=backend)
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
        wait_for(conn, "SELECT count(*) FROM pg_stat_activity WHERE pid = :p", 0, p=backend)
        check_money(db)
        if client_check is not None:
            assert not charged(db, number)
        complete_again(db, number, kills)
        check_money(db)
        with pytest.raises(EOFError):  # the killed child never reported anything
            parent.recv()
    if client_check is not None:
        assert kills.charged_by_the_killed == 0
    print(f"\nrit_charge paused after its insert, {kills.made} kills: "
          f"{kills.charged_by_the_killed} charged by the server after the client died")
