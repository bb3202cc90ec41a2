"""What a child process does in the kill tests: one completion, paused where the test says.

Run in a process forked by a ``multiprocessing`` fork server (the modules below are
imported once, in the server), so a child starts in milliseconds. The child completes
one request with the real services; with ``pause_at`` it stops after that many
statements (or, with ``"commit"``, just before its COMMIT), tells the parent where it
stands through ``pipe``, and sleeps until it is killed. Without a pause it reports how
many statements the completion took.
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection
from typing import Any

from sqlalchemy import event

from app.db.database import Database
from app.services import billing

#: modules the fork server imports once for every child
PRELOAD = ["tests.fault_child", "app.services.billing", "app.db.models", "sqlalchemy.orm",
           "psycopg"]


def complete(url: str, actor: str, number: int, pause_at: int | str | None, pipe: Connection,
             check_client_ms: int | None = None) -> None:
    db = Database(url, pool_size=1)
    count = 0

    def pause(where: str) -> None:
        pipe.send(("paused", count, where))
        while True:  # the parent kills us here
            time.sleep(60)

    def after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal count
        count += 1
        if count == pause_at:
            pause(" ".join(statement.split()[:3]))

    def before_commit(_conn: Any) -> None:
        if pause_at == "commit":
            pause("COMMIT")

    if db.is_sqlite:
        event.listen(db.engine, "after_cursor_execute", after)
    else:  # every statement psycopg sends: SQLAlchemy's and the charge path's own
        _count_driver_statements(db, after)
    event.listen(db.engine, "commit", before_commit)
    if check_client_ms is not None:
        # the server gives up a statement whose client went away (PostgreSQL 14+)
        event.listen(db.engine, "connect", lambda dbapi, _record: _set_check(dbapi, check_client_ms))
    try:
        result = billing.complete_request(db, actor, number)
    except Exception as exc:  # reported to the parent as data
        pipe.send(("error", count, f"{type(exc).__name__}: {exc}"))
    else:
        pipe.send(("done", count, str(result.total)))
    finally:
        db.dispose()


def _count_driver_statements(db: Database, after: Any) -> None:
    """Call ``after`` once each statement psycopg sent has run (the charge path sends its
    two statements to the driver directly: no SQLAlchemy event sees them); the pool's
    ping is not one of the completion's statements (it is sent only after a pause)."""
    import psycopg

    ping = db.engine.dialect._dialect_specific_select_one  # type: ignore[attr-defined]
    execute = psycopg.Cursor.execute

    def counted(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        result = execute(cursor, query, *args, **kwargs)
        if str(query) != ping:
            after(None, cursor, str(query))
        return result

    psycopg.Cursor.execute = counted  # type: ignore[method-assign, assignment]


def _set_check(dbapi_connection: Any, milliseconds: int) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET client_connection_check_interval = {int(milliseconds)}")
    dbapi_connection.commit()
