"""The charge path skips the pool's ping for a connection used a moment ago (PostgreSQL).

A charge on a connection used less than ``PING_AFTER_IDLE`` seconds ago goes out
without the pre-ping's round trip (charging in a burst: two round trips a charge
instead of three); one idle for longer is pinged and, if the server dropped it,
replaced without the user seeing anything; every other use case pings as before. A
connection dropped within the window fails that charge's first statement with the
usual readable error (nothing charged), is discarded, and the next attempt works: the
same outcome as a connection dropped between the ping and the statement.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, text

from app.db import database
from app.domain.errors import DatabaseUnavailable
from app.services import billing, customers, queries, work
from tests.app.conftest import World


@pytest.fixture
def pg(world: World, db_url: str) -> World:
    if world.db.is_sqlite:
        pytest.skip("PostgreSQL's connection pool")
    return world


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def counted(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(str(query))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    return sent


def _kill_pooled(db_url: str, pid: int) -> None:
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    admin.dispose()


def _backend(world: World) -> int:
    with world.db.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _ready(world: World) -> int:
    number = world.accepted()
    work.log_work(world.db, "tech", number, hours="1")
    return number


def test_a_charge_in_a_burst_is_one_round_trip(pg: World,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    number = _ready(pg)
    customers.get_customer(pg.db, "ACME")  # the connection was just used
    sent = _statements(monkeypatch)
    billing.complete_request(pg.db, "tech", number)
    assert len(sent) == 1, sent  # rit_charge prices and charges (migration 0015): no ping
    assert "rit_charge" in sent[0]


def test_an_idle_connection_is_pinged_and_replaced_when_dropped(
        pg: World, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    number = _ready(pg)
    _kill_pooled(db_url, _backend(pg))
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)  # every connection is idle now
    sent = _statements(monkeypatch)
    assert billing.complete_request(pg.db, "tech", number).total > 0  # nothing seen
    ping = pg.db.engine.dialect._dialect_specific_select_one  # type: ignore[attr-defined]
    assert sent[0] == ping, sent  # the dropped connection pinged, then a new one


def test_a_connection_dropped_within_the_window_fails_once(
        pg: World, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    number = _ready(pg)
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 3600.0)  # never pinged
    _kill_pooled(db_url, _backend(pg))
    with pytest.raises(DatabaseUnavailable, match="cannot be used"):
        billing.complete_request(pg.db, "tech", number)
    assert not queries.request_detail(pg.db, number).charge
    result = billing.complete_request(pg.db, "tech", number)  # a new connection
    assert result.total > 0
    _kill_pooled(db_url, _backend(pg))  # every other use case pings, within the window too
    assert customers.get_customer(pg.db, "ACME").code == "ACME"
