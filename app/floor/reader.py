"""The floor's reads: through the DB-API driver itself (``sqlite3`` or ``psycopg``),
read-only, one connection, closed once the first page is read.

Each read returns what its SQLAlchemy counterpart returns (the tests compare them on
SQLite and PostgreSQL): ``first_reads.staff``, ``first_reads.setting``,
``Database.identity``, ``Database.schema_is_current`` and ``first_reads.first_page``.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.db.migration_scripts import migration_head
from app.floor.rules import handles
from app.floor.target import Target
from app.services.queue_rows import Page, RequestFilter, StaffView, charged_row

if TYPE_CHECKING:
    from app.db.identity import Identity

#: as Database.identity reads it (before migration 0007: superuser or not)
_WHO = ("SELECT to_regprocedure('rit_whoami()') IS NOT NULL, session_user, "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user)")
_WHOAMI = ("SELECT trusted, portal, name, role, active, coalesce(pg_has_role(session_user, "
           "to_regrole(rit_role('worker')), 'MEMBER'), false) FROM rit_whoami()")  # as Database

#: the columns of a queue row, in RequestRow's order; {keys}: the page's numbers in order
_ROWS = """
    SELECT r.id, c.code, c.name, s.name, r.category, r.subject, r.state, r.priority,
           a.username, r.created_at, r.quote_total_cents, r.quote_valid_until, a.name,
           ch.total_cents,
           (SELECT sum(n.total_cents) FROM credit_notes n WHERE n.request_id = r.id)
    FROM ({keys}) k
    JOIN requests r ON r.id = k.id
    JOIN customers c ON c.id = r.customer_id
    JOIN services s ON s.id = r.service_id
    LEFT JOIN staff a ON a.id = r.assignee_id
    LEFT JOIN charges ch ON ch.request_id = r.id
    ORDER BY r.id {order}
"""

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def _money(cents: Any) -> Decimal | None:
    """What ``app.db.types.Hundredths`` reads from a ``*_cents`` column."""
    return None if cents is None else (Decimal(int(cents)) / _HUNDRED).quantize(_CENT)


def _moment(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _day(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


class FloorReader:
    """One read-only connection to the target; safe to hand from a thread to another
    (never used by two at once). :meth:`over` reads through a connection of the app's
    own pool instead (the queue's plain pages, :mod:`app.floor.pooled`)."""

    def __init__(self, target: Target | None, password: str | None = None) -> None:
        self._lock = threading.Lock()
        self._sqlite = target is None or target.is_sqlite
        if target is None:  # see over()
            self._connection: Any = None
            self._mark = "%s"
            return
        connection: Any
        if target.sqlite_path is not None:
            import sqlite3  # each driver when its database is opened

            connection = sqlite3.connect(target.sqlite_path, timeout=30, isolation_level=None,
                                         check_same_thread=False)
            connection.execute("PRAGMA query_only = ON")
            self._mark = "?"
        else:
            import psycopg

            connection = psycopg.connect(
                host=target.host, port=target.port or 5432, user=target.username,
                password=password or target.password, dbname=target.database,
                connect_timeout=5, application_name="rit-desk", autocommit=True,
                options="-c default_transaction_read_only=on")
            self._mark = "%s"
        self._connection = connection

    @classmethod
    def over(cls, connection: Any, *, sqlite: bool) -> FloorReader:
        """A reader on a DB-API connection it does not own (never closed here)."""
        reader = cls(None)
        reader._connection, reader._sqlite = connection, sqlite
        reader._mark = "?" if sqlite else "%s"
        return reader

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._connection is None:
                raise RuntimeError("the floor's connection is closed")
            cursor = self._connection.execute(sql.replace("%s", self._mark), params)
            return list(cursor.fetchall())

    # -- sign-in -------------------------------------------------------------------------
    def schema_is_current(self) -> bool:
        """Whether ``alembic_version`` holds exactly the head of the migration scripts
        (False also when it cannot say: the usual start decides then)."""
        head = migration_head()
        if head is None:
            return False
        if self._sqlite:
            exists = self._all("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'alembic_version'")[0][0]
        else:
            exists = self._all("SELECT to_regclass('alembic_version') IS NOT NULL")[0][0]
        if not exists:
            return False
        return [r[0] for r in self._all("SELECT version_num FROM alembic_version")] == [head]

    def staff(self) -> list[StaffView]:
        rows = self._all("SELECT id, username, name, role, active FROM staff ORDER BY name")
        return [StaffView(int(r[0]), r[1], r[2], r[3], bool(r[4])) for r in rows]

    def identity(self) -> Identity:
        """Who the server says this session is (PostgreSQL)."""
        from app.db.identity import Identity

        migrated, login, superuser = self._all(_WHO)[0]
        if not migrated:
            return Identity(str(login), bool(superuser))
        trusted, portal, name, role, active, worker = self._all(_WHOAMI)[0]
        return Identity(str(login), bool(trusted), bool(portal), name, role, bool(active),
                        bool(worker))

    def setting(self, key: str) -> str | None:
        rows = self._all("SELECT value FROM settings WHERE key = %s", (key,))
        return rows[0][0] if rows else None

    # -- the first page ------------------------------------------------------------------
    def first_page(self, f: RequestFilter, *, sort: str, descending: bool, limit: int,
                   people: list[StaffView], count: bool = True) -> Page | None:
        """The first page of a queue and its total, as ``first_reads.first_page`` reads
        it (None: not a queue the floor reads; the caller asks the services). ``count``
        False: the page alone (its total None)."""
        if not handles(f, sort) or not 1 <= limit <= 5000:
            return None
        conditions: list[str] = []
        params: list[Any] = []
        if f.states:
            conditions.append(f"state IN ({', '.join(['%s'] * len(f.states))})")
            params.extend(f.states)
        if f.assignee == "":
            conditions.append("assignee_id IS NULL")
        elif f.assignee is not None:
            found = [p.id for p in people if p.username == f.assignee and p.active]
            if not found:
                return None  # the services say what is wrong with it
            conditions.append("assignee_id = %s")
            params.append(found[0])
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        order = "DESC" if descending else "ASC"
        total = int(self._all(f"SELECT count(*) FROM requests {where}", tuple(params))[0][0]
                    ) if count else None
        # the limit written in the statement, not bound: PostgreSQL then plans it once
        # for good (a generic plan after five uses of the prepared statement); bound, it
        # is planned at every execution (0.7 ms for the joins), the generic plan
        # not knowing how few rows are read
        keys = f"SELECT id FROM requests {where} ORDER BY id {order} LIMIT {int(limit)}"
        rows = self._all(_ROWS.format(keys=keys, order=order), tuple(params))
        return Page(tuple(self._row(r) for r in rows), 0, total)

    @staticmethod
    def _row(r: tuple[Any, ...]) -> Any:
        return charged_row(*r[:9], _moment(r[9]), _money(r[10]), _day(r[11]), r[12],
                           _money(r[13]), _money(r[14]))
