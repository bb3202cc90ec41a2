"""The start at the floor (issue 21): its DB-API reads return exactly what the
SQLAlchemy reads return, on SQLite and PostgreSQL; anything unsure is left to the usual
start; the deferred database makes the real one when first used."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from app.config import parse_url
from app.db.database import Database, describe
from app.domain.queues import QUEUES
from app.floor import pooled
from app.floor.deferred import DeferredDatabase, first_page, open_floor, shown_url
from app.floor.reader import FloorReader
from app.floor.target import parse
from app.services import first_reads, queries
from app.services import settings as settings_service
from app.services.dto import Drill, RequestFilter


def url_text(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def reader(demo_db: Database) -> Iterator[FloorReader]:
    target = parse(url_text(demo_db))
    assert target is not None
    floor = FloorReader(target)
    yield floor
    floor.close()


@pytest.mark.parametrize("text", [
    "postgresql://u:secret@h:5433/db", "postgresql+psycopg://postgres@127.0.0.1/rit_x",
    "postgresql://h/db", "postgresql://u@localhost/db", "postgresql://u:p%40ss@db.example/x"])
def test_a_plain_url_is_shown_as_the_usual_start_shows_it(text: str) -> None:
    target = parse(text)
    assert target is not None and not target.is_sqlite
    assert target.shown == describe(parse_url(text))
    assert "secret" not in target.shown and "p@ss" not in target.shown


def test_an_existing_sqlite_file_is_plain(tmp_path: Path) -> None:
    path = tmp_path / "rit.sqlite3"
    assert parse(f"sqlite:///{path}") is None  # no such file: the usual start makes it
    path.touch()
    target = parse(f"sqlite:///{path}")
    assert target is not None and target.sqlite_path == path
    assert target.shown == describe(parse_url(f"sqlite:///{path}"))


@pytest.mark.parametrize("text", [
    "mysql://u@h/db", "postgresql://u@h/db?sslmode=require", "postgresql://u@Host/db",
    "postgresql://u@h:99999/db", "postgresql://u@h/", "postgresql+asyncpg://u@h/db",
    "postgresql://u@[::1]/db", "postgresql://u@h/d%20b", "sqlite://", "sqlite:///:memory:"])
def test_anything_unusual_is_left_to_the_usual_start(text: str) -> None:
    assert parse(text) is None


def test_the_sign_in_reads_as_sqlalchemy_reads(demo_db: Database, reader: FloorReader) -> None:
    assert reader.schema_is_current() is True
    assert reader.staff() == first_reads.staff(demo_db)
    assert reader.setting("tech_send_limit") == first_reads.setting(demo_db, "tech_send_limit")
    assert reader.setting("no_such_key") is None
    if not demo_db.is_sqlite:
        assert reader.identity() == demo_db.identity()


@pytest.mark.parametrize("descending", [True, False])
def test_first_pages_of_every_queue_as_first_reads_reads_them(
        demo_db: Database, reader: FloorReader, descending: bool) -> None:
    people = reader.staff()
    technician = next(p.username for p in people if p.role == "technician")
    filters = [RequestFilter(states=states) for states in QUEUES.values()]
    filters += [RequestFilter(states=QUEUES["mine"], assignee=technician),
                RequestFilter(assignee=""), RequestFilter(assignee=technician)]
    shown = 0
    for limit in (7, 200):
        for f in filters:
            floor = reader.first_page(f, sort="number", descending=descending, limit=limit,
                                      people=people)
            core = first_reads.first_page(demo_db, f, sort="number", descending=descending,
                                          limit=limit)
            assert floor == core, f
            assert floor is not None
            shown += len(floor.rows)
    assert shown > 0


def test_other_first_pages_are_left_to_the_services(reader: FloorReader) -> None:
    people = reader.staff()
    for f, sort in ((RequestFilter(), "customer"), (RequestFilter(category="ssl"), "number"),
                    (RequestFilter(search="ssl"), "number"),
                    (RequestFilter(drill=Drill("workload", username="l.ferrari")), "number"),
                    (RequestFilter(assignee="nobody"), "number")):
        assert reader.first_page(f, sort=sort, descending=True, limit=50, people=people) is None


def test_the_floor_only_reads(reader: FloorReader) -> None:
    with pytest.raises((sqlite3.OperationalError, psycopg.errors.ReadOnlySqlTransaction)):
        reader._all("UPDATE settings SET value = value")


def test_a_direct_start_is_read_at_the_floor(demo_db: Database) -> None:
    made: list[str] = []

    def make(text: str) -> Database:
        made.append(text)
        return demo_db

    user = next(p.username for p in first_reads.staff(demo_db) if p.role == "team_lead")
    floor = open_floor(url_text(demo_db), user, make)
    assert floor is not None and isinstance(floor.db, DeferredDatabase)
    assert floor.person.username == user and floor.staff == first_reads.staff(demo_db)
    assert floor.send_limit == first_reads.setting(demo_db, "tech_send_limit")
    assert shown_url(floor.db) == describe(demo_db.url)
    assert floor.db.is_sqlite == demo_db.is_sqlite and not floor.db.made
    before = datetime.utcnow()
    assert before <= floor.db.now() and floor.db.now().tzinfo is None
    f = RequestFilter(states=QUEUES["all"])
    expected = first_reads.first_page(demo_db, f, sort="number", descending=True, limit=200)
    assert first_page(floor.db, f, sort="number", descending=True, limit=200) == expected
    assert made == []  # nothing of the real database yet
    # the floor's connection is closed after the first page: the rest asks the real one
    assert first_page(floor.db, f, sort="number", descending=True, limit=200) == expected
    assert made == [url_text(demo_db)] and floor.db.real() is demo_db
    assert floor.db.url == demo_db.url  # anything else: the real database's
    assert made == [url_text(demo_db)]


def test_an_unsure_start_is_left_to_the_usual_one(demo_db: Database, tmp_path: Path) -> None:
    def make(_text: str) -> Database:
        raise AssertionError("not made")

    text = url_text(demo_db)
    assert open_floor(text, "nobody", make) is None  # the usual start says who is unknown
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert open_floor(f"sqlite:///{empty}", "g.rossi", make) is None  # no schema: upgraded
    if demo_db.is_sqlite:
        assert open_floor(text, None, make) is None  # who signs in is asked
    else:
        wrong = text.replace("://", "://nobody_at_all@", 1).replace(
            f"{demo_db.url.username}@", "", 1)
        assert open_floor(wrong, None, make) is None  # the server refuses: said as usual


def test_plain_pages_through_the_pool_as_the_services_read_them(demo_db: Database) -> None:
    """After the start, a plain queue (states, assignee, by number) is read with the
    floor's SQL on a connection of the app's own pool: what list_requests reads."""
    people = first_reads.staff(demo_db)
    technician = next(p.username for p in people if p.role == "technician")
    filters = [RequestFilter(states=states) for states in QUEUES.values()]
    filters += [RequestFilter(states=QUEUES["mine"], assignee=technician),
                RequestFilter(assignee="")]
    for f in filters:
        for descending in (True, False):
            page = pooled.first_page(demo_db, f, sort="number", descending=descending,
                                     limit=200)
            assert page == queries.list_requests(demo_db, f, sort="number",
                                                 descending=descending, offset=0, limit=200,
                                                 with_total=True), f
            # the same through the model's entry point on the real database
            assert first_page(demo_db, f, sort="number", descending=descending,
                              limit=200) == page
    for f, sort in ((RequestFilter(), "customer"), (RequestFilter(search="ssl"), "number"),
                    (RequestFilter(assignee="nobody"), "number")):
        assert pooled.first_page(demo_db, f, sort=sort, descending=True, limit=50) is None
    # the pooled connection went back clean: a write through the services still works
    settings_service.set_setting(demo_db, "admin", "tech_send_limit", "1500.00")
    assert first_reads.setting(demo_db, "tech_send_limit") == "1500.00"


def test_the_floor_connection_is_closed_when_the_real_database_is_made(
        demo_db: Database) -> None:
    """A start on the dashboard reads no first page: the floor's connection does not stay
    open beside the real database's pool for the whole session."""
    user = next(p.username for p in first_reads.staff(demo_db) if p.role == "team_lead")
    floor = open_floor(url_text(demo_db), user, lambda _text: demo_db)
    assert floor is not None and isinstance(floor.db, DeferredDatabase)
    reader = floor.db._reader
    assert reader is not None and reader._connection is not None
    assert floor.db.real() is demo_db
    assert reader._connection is None and floor.db._reader is None
    f = RequestFilter(states=QUEUES["all"])
    assert first_page(floor.db, f, sort="number", descending=True, limit=20) == \
        first_reads.first_page(demo_db, f, sort="number", descending=True, limit=20)
