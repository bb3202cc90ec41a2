"""Issue 21: reports read from a real streaming replica, with the primary as fallback.

A private primary cluster of the test's own (``tests/pg_cluster.py``: another port,
never the shared server on 5432) and a hot standby of it made by ``pg_basebackup -R``.
The charges are made on the primary by a finance login's team; once the standby has
replayed the primary's position (a condition waited on, not a time), a month's charges
report and a statement read from it equal the primary's. Then the fallback: the standby
paused (``pg_wal_replay_pause()``) while a charge is made is behind, and the primary
answers once the lag is above ``standby_max_lag``; the standby stopped, or stopped in
the middle of a read, the primary answers too. Skipped only where no PostgreSQL server
binaries are installed (CI has them).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db import standby
from app.db.database import Database
from app.services import at_risk, charges_report, dashboard, settings
from app.services.statements import statement
from tests.app.conftest import World
from tests.cli.conftest import invoke
from tests.conftest import FakeClock, fake_renderer
from tests.pg_replica import FIN, FIN_PASSWORD, Pair, charge, month, replica_pair

T = TypeVar("T")


@pytest.fixture(scope="module")
def pair() -> Iterator[Pair]:
    yield from replica_pair()


@pytest.fixture
def fin(pair: Pair) -> Iterator[Database]:
    """The finance login on the primary, its reads routed to the standby."""
    url = make_url(pair.url(pair.primary, FIN)).set(password=FIN_PASSWORD)
    db = Database(url, clock=FakeClock(), renderer=fake_renderer)  # one "now" on both
    db.use_standby(pair.standby_text(), retry_away=0)  # each read asks again
    yield db
    db.dispose()


@pytest.fixture
def running(pair: Pair) -> Iterator[Pair]:
    """The replica running and caught up, replay not paused, the setting at its default."""
    with contextlib.suppress(RuntimeError):  # already running
        pair.replica.start()
    if pair.superuser(pair.replica, "SELECT pg_is_wal_replay_paused()"):
        pair.superuser(pair.replica, "SELECT pg_wal_replay_resume()")
    pair.replayed()
    yield pair
    pair.superuser(pair.primary, "DELETE FROM settings WHERE key = 'standby_max_lag'",
                    in_db=True)


def report(db: Database) -> Any:
    first, last = month()
    return charges_report.charges_report(db, FIN, first, last, by="customer")


def both(db: Database, reading: Callable[[Database], T]) -> tuple[T, T, standby.ReadAnswer]:
    """``reading`` routed (standby or fallback) and straight from the primary."""
    routed, answer = db.reads(reading)
    return routed, reading(db), answer


def test_a_month_from_the_standby_equals_the_primary(running: Pair, fin: Database) -> None:
    routed, primary, answer = both(fin, report)
    assert answer.read_from == standby.STANDBY and answer.reason is None, answer.note()
    assert answer.lag_bytes == 0 and answer.lag_seconds == 0.0
    assert routed == primary and routed.totals.count == 2
    first, last = month()
    routed_statement, primary_statement, answer = both(
        fin, lambda read: statement(read, FIN, "ACME", first, last))
    assert answer.from_standby and routed_statement == primary_statement
    assert [e.kind for e in routed_statement.entries]
    for reading in (at_risk.at_risk_customers, dashboard.dashboard):
        routed_rows, primary_rows, answer = both(fin, reading)
        assert answer.from_standby and routed_rows == primary_rows


def test_the_standby_is_read_as_the_same_login_read_only(running: Pair, fin: Database) -> None:
    assert fin.standby is not None
    read = fin.standby.db
    assert read.url.port == running.replica.port and read.url.username == FIN
    assert read.identity().login == FIN and read.identity().role == "finance"
    with read.connection() as conn:
        assert conn.execute(text("SHOW default_transaction_read_only")).scalar() == "on"
        assert conn.execute(text("SELECT pg_is_in_recovery()")).scalar() is True


def test_behind_the_setting_the_primary_answers(running: Pair, fin: Database) -> None:
    world = World(Database(running.url(running.primary), renderer=fake_renderer))
    try:
        settings.set_setting(world.db, "admin", "standby_max_lag", "3600")
        running.replayed()  # a transaction replayed: the standby knows how old its data is
        running.superuser(running.replica, "SELECT pg_wal_replay_pause()")
        charge(world)
        # within the allowed lag, the standby answers: stale, as a report may be
        routed, primary, answer = both(fin, report)
        assert answer.from_standby and answer.lag_bytes and answer.lag_bytes > 0
        assert answer.lag_seconds is not None and answer.lag_seconds >= standby.CATCH_UP
        assert routed.totals.count == 2 and primary.totals.count == 3
        # behind more than standby_max_lag: the primary answers, and says why
        settings.set_setting(world.db, "admin", "standby_max_lag", "0")
        routed, primary, answer = both(fin, report)
        assert (answer.read_from, answer.reason) == (standby.PRIMARY, standby.BEHIND)
        assert routed == primary and routed.totals.count == 3
        assert answer.note().startswith("read from the primary: the standby is further "
                                        "behind than the 0 s allowed")
        # replay resumed and caught up: the standby again, equal to the primary
        running.superuser(running.replica, "SELECT pg_wal_replay_resume()")
        running.replayed()
        routed, primary, answer = both(fin, report)
        assert answer.from_standby and answer.lag_seconds == 0.0 and routed == primary
    finally:
        world.db.dispose()


def test_a_standby_stopped_or_lost_mid_read(running: Pair, fin: Database) -> None:
    try:
        running.replica.stop()
        routed, primary, answer = both(fin, report)
        assert (answer.read_from, answer.reason) == (standby.PRIMARY, standby.AWAY)
        assert routed == primary and answer.note() == (
            "read from the primary: the standby cannot be reached")
        running.replica.start()
        running.replayed()

        def stopped_in_the_middle(read: Database) -> Any:
            if read is not fin:
                running.replica.stop()
            return report(read)

        routed, answer = fin.reads(stopped_in_the_middle)
        assert (answer.read_from, answer.reason) == (standby.PRIMARY, standby.LOST)
        assert routed == report(fin)
        # by default a standby found away is not asked again for a while: started again,
        # the primary still answers (no connection tried) until the retry time has passed
        assert fin.standby is not None
        fin.standby.retry_away = 3600
        assert fin.reads(report)[1].reason == standby.AWAY  # tried: stopped, now away
        running.replica.start()
        running.replayed()
        answer = fin.reads(report)[1]
        assert (answer.reason, answer.detail) == (standby.AWAY, fin.standby.last.detail)  # type: ignore[union-attr]
        fin.standby.retry_away = 0
        assert fin.reads(report)[1].from_standby
    finally:
        with contextlib.suppress(RuntimeError):  # already running
            running.replica.start()


def test_a_primary_named_as_standby_is_not_used(running: Pair) -> None:
    db = Database(running.url(running.primary))
    try:
        db.use_standby(f"postgresql://127.0.0.1:{running.primary.port}/{running.name}")
        _, answer = db.reads(report)
        assert (answer.read_from, answer.reason) == (standby.PRIMARY, standby.NOT_A_STANDBY)
    finally:
        db.dispose()


def test_the_command_line_says_who_answered(running: Pair, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    import json

    monkeypatch.setenv("RIT_DESK_DB_PASSWORD", FIN_PASSWORD)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    first, last = month()
    argv = ["--db", running.url(running.primary, FIN), "--read-db", running.standby_text(),
            "reports", "charges", "--from", str(first), "--to", str(last), "--json"]
    capsys.readouterr()
    assert invoke(argv) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["read_from"] == "standby" and data["count"] >= 2
    assert err == "rit-desk: read from the standby, 0.0 s behind\n"
    assert FIN_PASSWORD not in out + err
    without = [a for a in argv if a not in ("--read-db", running.standby_text())]
    assert invoke(without) == 0
    out, err = capsys.readouterr()
    primary = json.loads(out)
    assert primary.pop("read_from") == "primary" and err == ""
    assert primary.pop("read_note") == "read from the primary: no standby is configured"
    assert {k: v for k, v in data.items() if not k.startswith("read_")} == primary
    folder = tmp_path / "export"
    assert invoke([*argv[:4], "quotes", "export", "--since", str(first), "--to", str(folder),
                   "--json"]) == 0
    out, err = capsys.readouterr()
    exported = json.loads(out)
    assert exported["read_from"] == "standby" and exported["exported"] >= 2
    assert len(list(folder.glob("*.pdf"))) == exported["exported"]
    try:
        running.replica.stop()
        assert invoke([*argv[:4], "customers", "list", "--at-risk", "--json"]) == 0
        out, err = capsys.readouterr()
        assert json.loads(out)["read_from"] == "primary"
        assert err == "rit-desk: read from the primary: the standby cannot be reached\n"
    finally:
        with contextlib.suppress(RuntimeError):  # already running
            running.replica.start()
