"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

The PostgreSQL tests create one database of their own for the whole run
(``rit_desk_test_<pid>_<random>``) and drop it at the end; each test gets a clean schema
by truncating the tables. Set ``RIT_DESK_TEST_PG`` to another server URL, or to ``off``
to skip them (CI never does).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, text

from app.db.database import Database
from app.db.models import Base
from app.db.privileges import drop_roles, role_names
from app.domain.documents import QuoteDocument

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_SERVER = os.environ.get("RIT_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

#: the deadline of every Qt wait in the tests (waitUntil, waitSignal...), in ms: a bound
#: for something that never comes, never a measure of speed. The suite runs on shared
#: machines at load 8 and more, where a first start's demo data, a window's first reads
#: or a worker thread take many times what they take on a quiet one.
WAIT_MS = 60_000


class PatientQtBot(QtBot):
    """pytest-qt's QtBot whose waits for something to happen last at least
    :data:`WAIT_MS`, whatever ``timeout`` a test gives (its own 5 s default included):
    three GUI tests failed at load 8-9 on waits of 5 and 20 s that pass alone. A wait
    ends as soon as what it waits for happens, so a quiet run is no slower. Waits that
    expect nothing (``raising=False``, assertNotEmitted's ``wait``) and ``wait(ms)`` keep
    their time."""

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = WAIT_MS) -> None:
        super().waitUntil(callback, timeout=max(timeout, WAIT_MS))

    def waitSignal(self, signal: Any, *, timeout: int = WAIT_MS, raising: bool | None = None,
                   check_params_cb: Callable[..., bool] | None = None) -> Any:
        if raising is not False:
            timeout = max(timeout, WAIT_MS)
        return super().waitSignal(signal, timeout=timeout, raising=raising,
                                  check_params_cb=check_params_cb)

    def waitSignals(self, signals: Any, *, timeout: int = WAIT_MS, **options: Any) -> Any:
        if options.get("raising") is not False:
            timeout = max(timeout, WAIT_MS)
        return super().waitSignals(signals, timeout=timeout, **options)

    def waitExposed(self, widget: Any, *, timeout: int = WAIT_MS) -> Any:
        return super().waitExposed(widget, timeout=max(timeout, WAIT_MS))

    def waitActive(self, widget: Any, *, timeout: int = WAIT_MS) -> Any:
        return super().waitActive(widget, timeout=max(timeout, WAIT_MS))

    def waitCallback(self, *, timeout: int = WAIT_MS, raising: bool | None = None) -> Any:
        if raising is not False:
            timeout = max(timeout, WAIT_MS)
        return super().waitCallback(timeout=timeout, raising=raising)


@pytest.fixture
def qtbot(qapp: Any, request: pytest.FixtureRequest) -> QtBot:
    """pytest-qt's fixture, with waits as patient as :class:`PatientQtBot` makes them."""
    return PatientQtBot(request)


def fake_renderer(document: QuoteDocument) -> bytes:
    """A stand-in renderer for service tests (the real one is tested in tests/reports)."""
    return f"%PDF-1.4 test {document.reference} {document.total} {document.lang}".encode()


class FakeClock:
    """A clock tests can move: ``clock.now`` is naive UTC."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session", autouse=True)
def _legal_data_with_every_schema() -> Iterator[None]:
    """Every database a test migrates (``rit-desk init`` included) gets the company's
    legal data, complete: an installation must have them before it issues an invoice, and
    top-ups and charges issue invoices (migration 0026). Tests of their absence clear
    them."""
    upgrade = Database.upgrade_schema

    def upgrade_and_complete(self: Database, *args: Any, **kwargs: Any) -> Any:
        result = upgrade(self, *args, **kwargs)
        complete_legal_data(self.engine.url.render_as_string(hide_password=False))
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Database, "upgrade_schema", upgrade_and_complete)
        yield


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if PG_SERVER == "off":
        pytest.skip("PostgreSQL tests switched off (RIT_DESK_TEST_PG=off)")
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    url = create_database(admin)
    with admin.connect() as conn:
        before = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
    migrated = Database(url)
    migrated.upgrade_schema()
    migrated.dispose()
    complete_legal_data(url)
    yield url
    leaked = drop_database(admin, url, keep=before)
    admin.dispose()
    if leaked:  # a test made logins named like people ("tech"): they would collide
        pytest.fail(f"tests left cluster-wide logins behind (dropped now): {sorted(leaked)}; "
                    "name test logins for the run and drop them (tests/cli/conftest.py team)")


def create_database(admin: Engine, kind: str = "") -> str:
    """A new, empty database of this run on the test server: its URL."""
    name = f"rit_desk_test_{kind}{os.getpid()}_{secrets.token_hex(3)}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER}: {exc}")
    return PG_SERVER.rsplit("/", 1)[0] + f"/{name}"


def drop_database(admin: Engine, url: str, keep: set[str] | None = None) -> set[str]:
    """Drop a test database and its group roles (roles are the whole cluster's).

    With ``keep`` (the roles that existed before), the logins made meanwhile that belong
    to this database alone are dropped too and returned: tests should not leave any.
    """
    name = url.rsplit("/", 1)[1]
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = role_names(conn)
    finally:
        engine.dispose()
    with admin.connect() as conn:
        leaked: set[str] = set()
        if keep is not None and names:
            # logins whose memberships are all in this database's groups
            leaked = set(conn.execute(text(
                "SELECT u.rolname FROM pg_roles u WHERE u.rolcanlogin AND u.rolname <> ALL(:keep) "
                "AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "            WHERE m.member = u.oid AND g.rolname = ANY(:groups)) "
                "AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "                WHERE m.member = u.oid AND g.rolname <> ALL(:groups))"),
                {"keep": sorted(keep), "groups": list(names.values())}).scalars())
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
        ), {"n": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        for login in sorted(leaked):
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        drop_roles(conn, names)
    return leaked


#: The tests' databases charge VAT at the charge, as every database did before issue 20
#: (a new one starts at the top-up: migration 0025): the tests of the VAT point set theirs
#: (tests/app/test_vat_point.py)
SUITE_VAT_POINT = "INSERT INTO settings (key, value) VALUES ('vat_point', 'charge')"


def at_charge_point(db: Database) -> None:
    """A database the test made itself (migration 0025 started it at the top-up) charging
    VAT at the charge, as the tests written before issue 20 expect: before any data."""
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'vat_point'"))
        conn.execute(text(SUITE_VAT_POINT))


def _truncate_pg(url: str) -> None:
    """Empty the run's PostgreSQL database for the next test, as a fresh one (every table
    but role_names, and the sequences of their identities restarted).

    By deleting the rows rather than TRUNCATE, with the triggers and foreign keys off for
    the transaction (``session_replication_role = replica``; the append-only audit's
    triggers would refuse the deletes): TRUNCATE makes new files for every table and
    index, about 1 s a test at load 9 against 0.05-0.25 s for the few rows a test leaves.
    """
    engine = create_engine(url)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name != "role_names"]
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for table in tables:
            conn.execute(text(f'DELETE FROM "{table}"'))
        owned = conn.execute(text(
            "SELECT DISTINCT s.oid::regclass::text FROM pg_class s "
            "JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid "
            "                AND d.deptype IN ('a', 'i') "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND t.relname = ANY(:tables)"), {"tables": tables}).scalars()
        for sequence in owned:
            conn.execute(text(f"ALTER SEQUENCE {sequence} RESTART"))
        conn.execute(text(SUITE_VAT_POINT))
    engine.dispose()
    complete_legal_data(url)


def complete_legal_data(url: str) -> None:
    """The company's legal data, complete (the demo's), where a setting is not there yet:
    without them no invoice or credit note is issued, and so no top-up or charge that
    issues one (migration 0026)."""
    from app.services.demo import COMPANY

    engine = create_engine(url)
    with engine.begin() as conn:
        for key, value in COMPANY.items():  # what a test set stays as it set it
            conn.execute(text("INSERT INTO settings (key, value) SELECT CAST(:k AS TEXT), "
                              "CAST(:v AS TEXT) WHERE NOT EXISTS (SELECT 1 FROM settings "
                              "WHERE key = CAST(:k AS TEXT))"),
                         {"k": key, "v": value})
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to the newest schema, for the whole run: the tests'
    fresh SQLite databases are copies of it (running the migrations takes 0.3 s on a
    quiet machine and several at load 8, for every test; a copy takes milliseconds)."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    migrated = Database(f"sqlite:///{path}")
    migrated.upgrade_schema()
    with migrated.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'vat_point'"))
        conn.execute(text(SUITE_VAT_POINT))
    migrated.dispose()  # the last connection closing folds the write-ahead log in
    complete_legal_data(f"sqlite:///{path}")
    assert not path.with_name(path.name + "-wal").exists()
    return path


def sqlite_copy(template: Path, target: Path) -> str:
    """``template`` copied to ``target``, private as the app makes its files: its URL."""
    shutil.copyfile(template, target)
    target.chmod(0o600)
    return f"sqlite:///{target}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database URL: an SQLite file or the test PostgreSQL database."""
    if request.param == "sqlite":
        return sqlite_copy(request.getfixturevalue("migrated_sqlite"), tmp_path / "rit.sqlite3")
    pg: str = request.getfixturevalue("pg_url")
    _truncate_pg(pg)
    return pg


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db(db_url: str, clock: FakeClock) -> Iterator[Database]:
    database = Database(db_url, clock=clock, renderer=fake_renderer)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, clock: FakeClock, migrated_sqlite: Path) -> Iterator[Database]:
    database = Database(sqlite_copy(migrated_sqlite, tmp_path / "one.sqlite3"), clock=clock,
                        renderer=fake_renderer)
    yield database
    database.dispose()




def demo_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  clock: FakeClock | None = None) -> Database:
    """A database of ``request.param`` ("sqlite" or "postgresql") with the demo data set,
    for a module-scoped fixture (the PostgreSQL one is the run's, emptied first)."""
    from app.services.demo import load_demo

    if request.param == "sqlite":
        url = sqlite_copy(request.getfixturevalue("migrated_sqlite"),
                          tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    else:
        url = request.getfixturevalue("pg_url")
        _truncate_pg(url)
    db = Database(url, clock=clock or FakeClock(), renderer=fake_renderer)
    load_demo(db)
    return db
