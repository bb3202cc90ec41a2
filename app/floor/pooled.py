"""The queue's plain pages through the DB-API, on a connection of the app's own pool.

A queue filtered by states and assignee, sorted by number (what the queue list shows) is
read with the floor's SQL (:class:`app.floor.reader.FloorReader`) on the driver's own
connection, checked out of the SQLAlchemy pool of the :class:`~app.db.database.Database`
(same login, same session settings): no statement is compiled, no row goes through the
ORM, which makes most of a filter's time on the worker thread. Any other query, or any
failure here, is left to ``app.services.queries``, which says what went wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.floor.reader import FloorReader
from app.floor.rules import handles
from app.services.queue_rows import Page, RequestFilter

if TYPE_CHECKING:
    from app.db.database import Database


def first_page(db: Database, f: RequestFilter, *, sort: str, descending: bool,
               limit: int) -> Page | None:
    """A plain queue's first page and total, as ``queries.list_requests`` reads them
    (None: not a plain queue, or not read here: the caller asks the services)."""
    if not handles(f, sort):
        return None
    try:
        pooled = db.engine.raw_connection()
    except Exception:
        return None
    try:
        connection = pooled.driver_connection
        if connection is None:
            return None
        reader = FloorReader.over(connection, sqlite=db.is_sqlite)
        people = reader.staff() if f.assignee else []
        page = reader.first_page(f, sort=sort, descending=descending, limit=limit,
                                 people=people)
        if not db.is_sqlite:
            connection.rollback()  # read only: end the transaction it began
        return page
    except Exception:
        return None
    finally:
        pooled.close()  # back to the pool
