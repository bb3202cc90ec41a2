"""Fault injection for the tests: a statement that fails, a database that goes away.

:class:`StatementFault` makes the N-th statement a :class:`Database` sends fail the way a
server going away makes it fail: on PostgreSQL the statement is replaced by one that
terminates its own server process (the connection really dies, as in a restart); on
SQLite by one the engine refuses (an ``OperationalError`` from the driver, as a broken
file gives). Counting first (``at=None``) tells how many statements a call sends, so a
test can make each of them fail in turn.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_KILL_PG = "SELECT pg_terminate_backend(pg_backend_pid())"
_FAIL_SQLITE = "SELECT rit_desk_injected_fault()"  # no such function: OperationalError


class StatementFault:
    """Counts the statements sent through ``engine``; the ``at``-th one fails."""

    def __init__(self, engine: Engine, at: int | None = None) -> None:
        self.engine = engine
        self.at = at
        self.count = 0
        self.failed: str | None = None  # the statement that was made to fail
        self._sqlite = engine.dialect.name == "sqlite"
        event.listen(engine, "before_cursor_execute", self._before, retval=True)

    def reset(self, at: int | None) -> None:
        self.at, self.count, self.failed = at, 0, None

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)

    def _before(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                executemany: bool) -> tuple[str, Any]:
        self.count += 1
        if self.count != self.at:
            return statement, parameters
        self.failed = statement
        return (_FAIL_SQLITE if self._sqlite else _KILL_PG), ([()] if executemany else ())


class Outage:
    """While ``down``, every statement sent through ``engine`` fails as on a database that
    went away (see :class:`StatementFault`); ``failures`` counts them."""

    def __init__(self, engine: Engine, *, down: bool = False) -> None:
        self.engine = engine
        self.down = down
        self.failures = 0
        self._sqlite = engine.dialect.name == "sqlite"
        event.listen(engine, "before_cursor_execute", self._before, retval=True)

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)

    def _before(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                executemany: bool) -> tuple[str, Any]:
        if not self.down:
            return statement, parameters
        self.failures += 1
        return (_FAIL_SQLITE if self._sqlite else _KILL_PG), ([()] if executemany else ())


#: PostgreSQL: a trigger that makes every charge wait, once its row is inserted and before
#: its transaction commits, on an advisory lock (the test holds it to pause charges)
CHARGE_PAUSE = """
    CREATE FUNCTION rit_test_pause() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_advisory_xact_lock({key}); RETURN NEW; END $$;
    CREATE TRIGGER rit_test_pause AFTER INSERT ON charges
        FOR EACH ROW EXECUTE FUNCTION rit_test_pause();
"""
CHARGE_PAUSE_REMOVED = """
    DROP TRIGGER IF EXISTS rit_test_pause ON charges;
    DROP FUNCTION IF EXISTS rit_test_pause();
"""
#: the backends waiting on that lock (charges paused after their insert)
PAUSED_CHARGES = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :k "
                  "AND NOT granted")


#: PostgreSQL: a gate every charge waits at, once its row is inserted and before its
#: transaction commits, while ``rit_test_gate.open`` is false (committed data: a server
#: restart cannot open it, as it would release a lock)
CHARGE_GATE = """
    CREATE TABLE rit_test_gate (open boolean NOT NULL);
    INSERT INTO rit_test_gate VALUES (true);
    GRANT SELECT ON rit_test_gate TO PUBLIC;  -- rit_charge runs as the schema's owner
    CREATE FUNCTION rit_test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        WHILE NOT (SELECT open FROM rit_test_gate) LOOP PERFORM pg_sleep(0.005); END LOOP;
        RETURN NEW;
    END $$;
    CREATE TRIGGER rit_test_gate AFTER INSERT ON charges
        FOR EACH ROW EXECUTE FUNCTION rit_test_gate();
"""
#: the charges waiting at the gate
AT_THE_GATE = ("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
               "AND query LIKE '%rit_charge(%'")
