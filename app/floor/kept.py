"""The queue's plain first pages on one DB-API connection kept for them.

What :mod:`app.floor.pooled` reads on a connection checked out of the pool for each
query, read on one connection taken from the same pool once (same login, same session
settings) and kept, in autocommit: no pre-ping, no ``BEGIN`` and no ``ROLLBACK`` around
each filter or sort (three round trips of five on PostgreSQL), and its statements are
prepared on their first use and planned once (``plan_cache_mode`` =
``force_generic_plan``): PostgreSQL plans the rows' joins once for good instead of at
every filter (0.7 ms of planning for 0.3 ms of reading at a million requests; the pool's
connections take turns, each would plan them ten times before choosing the generic plan
itself). Measured on a million requests, the generic plans of the floor's statements
(their limit written in them) read as fast as the custom ones, for one state or several
and for the count. Each statement reads by itself, as in the pool's read-committed
transaction. A failure closes the connection (the next query opens another) and leaves
the query to the services, which say what went wrong.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from app.floor.reader import FloorReader
from app.floor.rules import handles
from app.services.queue_rows import Page, RequestFilter

if TYPE_CHECKING:
    from app.db.database import Database


class KeptConnection:
    """One connection of ``db``'s own for the queue's plain first pages (see the module);
    opened when first used, by whichever thread reads (one at a time)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._pooled: Any = None  # the pool's proxy of the connection, detached
        self._connection: Any = None
        self._reader: FloorReader | None = None

    def first_page(self, f: RequestFilter, *, sort: str, descending: bool, limit: int,
                   count: bool = True) -> Page | None:
        """A plain queue's first rows and total, as ``queries.list_requests`` reads them
        (None: not a plain queue, or not read here: the caller asks the services).
        ``count`` False: the rows alone (the total None)."""
        if not handles(f, sort):
            return None
        with self._lock:
            try:
                reader = self._open()
                people = reader.staff() if f.assignee else []
                return reader.first_page(f, sort=sort, descending=descending, limit=limit,
                                         people=people, count=count)
            except Exception:
                self._close()
                return None

    def close(self) -> None:
        with self._lock:
            self._close()

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def _open(self) -> FloorReader:
        if self._reader is None:
            pooled = self._db.engine.raw_connection()
            connection = pooled.driver_connection
            if connection is None:
                pooled.close()
                raise RuntimeError("no driver connection")
            pooled.detach()  # the pool neither counts it nor hands it to anyone else
            self._pooled = pooled
            if not self._db.is_sqlite:
                connection.autocommit = True
                connection.prepare_threshold = 0  # prepared at once (psycopg)
                # planned once, at the first use: the floor's statements name their
                # limit, their generic plans are their custom ones (see the module)
                connection.execute("SET plan_cache_mode = force_generic_plan")
            self._connection = connection
            self._reader = FloorReader.over(connection, sqlite=self._db.is_sqlite)
        return self._reader

    def _close(self) -> None:
        pooled, self._pooled = self._pooled, None
        self._connection = self._reader = None
        if pooled is not None:
            with contextlib.suppress(Exception):  # gone already
                pooled.close()  # detached: closed, not returned
