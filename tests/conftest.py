"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

The PostgreSQL tests create one database of their own for the whole run
(``rit_desk_test_<pid>_<random>``) and drop it at the end; each test gets a clean schema
by truncating the tables. Set ``RIT_DESK_TEST_PG`` to another server URL, or to ``off``
to skip them (CI never does).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.db.models import Base
from app.domain.documents import QuoteDocument

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_SERVER = os.environ.get("RIT_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def fake_renderer(document: QuoteDocument) -> bytes:
    """A stand-in renderer for service tests (the real one is tested in tests/reports)."""
    return f"%PDF-1.4 test {document.reference} {document.total} {document.lang}".encode()


class FakeClock:
    """A clock tests can move: ``clock.now`` is naive UTC."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if PG_SERVER == "off":
        pytest.skip("PostgreSQL tests switched off (RIT_DESK_TEST_PG=off)")
    name = f"rit_desk_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER}: {exc}")
    url = PG_SERVER.rsplit("/", 1)[0] + f"/{name}"
    migrated = Database(url)
    migrated.upgrade_schema()
    migrated.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
        ), {"n": name})
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _truncate_pg(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database URL: an SQLite file or the test PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'rit.sqlite3'}"
        migrated = Database(url)
        migrated.upgrade_schema()
        migrated.dispose()
        return url
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
def sqlite_db(tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'one.sqlite3'}", clock=clock,
                        renderer=fake_renderer)
    database.upgrade_schema()
    yield database
    database.dispose()




def demo_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  clock: FakeClock | None = None) -> Database:
    """A database of ``request.param`` ("sqlite" or "postgresql") with the demo data set,
    for a module-scoped fixture (the PostgreSQL one is the run's, emptied first)."""
    from app.services.demo import load_demo

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
        Database(url).upgrade_schema()
    else:
        url = request.getfixturevalue("pg_url")
        _truncate_pg(url)
    db = Database(url, clock=clock or FakeClock(), renderer=fake_renderer)
    load_demo(db)
    return db
