"""What the first window shows, read in plain SQL without the ORM.

Starting the desktop app used to import the ORM, the models and every service before
the first queue page was painted (about 0.4 s of the start). The main window now draws
itself from these few Core reads: who the staff are, one setting, and the first page
of the queue it opens with (sorted by number, filtered by states and assignee); the
rest (``app.services.queries`` and the use cases) is imported once that page is on
screen. Each read returns exactly what its service counterpart returns (the tests
compare them on SQLite and PostgreSQL): ``staff.list_staff``/``get_staff``,
``settings.get_settings`` and ``queries.list_requests``.
"""

from __future__ import annotations

from sqlalchemy import Date, DateTime, bindparam, text
from sqlalchemy.engine import Connection

from app.db.database import Database
from app.db.types import Hundredths
from app.floor.rules import handles, staff_member
from app.services.dto import Page, RequestFilter, StaffView, charged_row

__all__ = ["first_page", "handles", "setting", "staff", "staff_member"]


def staff(db: Database) -> list[StaffView]:
    """Every staff user, as ``staff.list_staff`` lists them (by name)."""
    with db.connection() as connection:
        return _staff(connection)


def _staff(connection: Connection) -> list[StaffView]:
    rows = connection.execute(text(
        "SELECT id, username, name, role, active FROM staff ORDER BY name"))
    return [StaffView(int(r[0]), r[1], r[2], r[3], bool(r[4])) for r in rows]


def setting(db: Database, key: str) -> str | None:
    """A shared setting's stored value (None: not stored, the default applies)."""
    with db.connection() as connection:
        return connection.execute(text("SELECT value FROM settings WHERE key = :key"),
                                  {"key": key}).scalar()


#: the columns of a queue row, in RequestRow's order
_ROW = text("""
    SELECT r.id, c.code, c.name, s.name, r.category, r.subject, r.state, r.priority,
           a.username, r.created_at AS created_at, r.quote_total_cents AS quote_total,
           r.quote_valid_until AS quote_valid_until, a.name,
           ch.total_cents AS charged,
           (SELECT sum(n.total_cents) FROM credit_notes n WHERE n.request_id = r.id) AS refunded
    FROM requests r
    JOIN customers c ON c.id = r.customer_id
    JOIN services s ON s.id = r.service_id
    LEFT JOIN staff a ON a.id = r.assignee_id
    LEFT JOIN charges ch ON ch.request_id = r.id
    WHERE r.id IN :ids
""").bindparams(bindparam("ids", expanding=True)).columns(
    created_at=DateTime(), quote_total=Hundredths(), quote_valid_until=Date(),
    charged=Hundredths(), refunded=Hundredths())


def first_page(db: Database, f: RequestFilter, *, sort: str, descending: bool,
               limit: int) -> Page | None:
    """The first page of a queue and its total, as ``queries.list_requests(f, sort=sort,
    descending=descending, offset=0, limit=limit, with_total=True)`` reads it.

    Only the queues the window opens with are read here: sorted by number, filtered by
    states and assignee. For anything else (None) the caller asks ``queries``.
    """
    if not handles(f, sort) or not 1 <= limit <= 5000:
        return None
    conditions: list[str] = []
    params: dict[str, object] = {}
    if f.states:
        conditions.append("state IN :states")
        params["states"] = list(f.states)
    with db.connection() as connection:
        if f.assignee is not None:
            if f.assignee == "":
                conditions.append("assignee_id IS NULL")
            else:
                params["assignee"] = staff_member(_staff(connection), f.assignee).id
                conditions.append("assignee_id = :assignee")
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        order = "DESC" if descending else "ASC"
        ids_query = text(f"SELECT id FROM requests {where} ORDER BY id {order} LIMIT :limit")
        count_query = text(f"SELECT count(*) FROM requests {where}")
        if f.states:
            ids_query = ids_query.bindparams(bindparam("states", expanding=True))
            count_query = count_query.bindparams(bindparam("states", expanding=True))
        total = int(connection.execute(count_query, params).scalar() or 0)
        ids = list(connection.execute(ids_query, {**params, "limit": limit}).scalars())
        found = {row[0]: row for row in connection.execute(_ROW, {"ids": ids})} if ids else {}
    rows = tuple(charged_row(*found[i]) for i in ids if i in found)
    return Page(rows, 0, total)
