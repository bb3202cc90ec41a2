"""The read side: queue pages, counts and search, as plain rows.

The request workspace is read by :mod:`app.services.request_views` and the change
marker with its cache by :mod:`app.services.read_cache`; both are named from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, column, func, literal_column, or_, select, table, union
from sqlalchemy.orm import Session, aliased

from app.db import models as m
from app.db.database import Database
from app.domain.enums import PRIORITY_RANK, AccountStatus
from app.domain.errors import ValidationError
from app.domain.queues import QUEUES, RETURNED, check_search
from app.services import attention
from app.services.common import actor_staff
from app.services.dto import Page, RequestFilter, RequestRow, charged_row
from app.services.read_cache import (  # noqa: F401 - the cache, named from here too
    MARKER_WINDOW,
    change_marker,
    last_change_marker,
    lookup,
    remembered,
    store,
)
from app.services.request_views import (  # noqa: F401 - the workspace, named from here too
    customer_notices,
    request_detail,
    work_summary,
)

Assignee = aliased(m.Staff)

SORT_KEYS = (
    "number", "customer", "service", "category", "subject", "state", "priority", "assignee",
    "age", "quote_total", "validity",
)



#: the priority rank in SQL, as ``PRIORITY_RANK`` orders it
PRIORITY_RANK_SQL = "CASE requests.priority {} END".format(" ".join(
    f"WHEN '{p.value}' THEN {rank}" for p, rank in sorted(PRIORITY_RANK.items(),
                                                         key=lambda item: item[1])))


def _sort_column(key: str) -> Any:
    columns: dict[str, Any] = {
        "number": m.Request.id,
        # the customer's name copied onto requests (migration 0004): no join to sort by it
        "customer": m.Request.customer_name,
        "service": m.CustomerService.name,
        "category": m.Request.category,
        "subject": m.Request.subject,
        "state": m.Request.state,
        # literally the expression of the index ix_requests_priority_rank (migration 0002)
        "priority": literal_column(PRIORITY_RANK_SQL),
        # as the column shows the assignee (by name; the pages are read by
        # _page_ids_by_assignee in this order, see _staff_order)
        "assignee": Assignee.name,
        "age": m.Request.created_at,
        "quote_total": m.Request.__table__.c.quote_total_cents,
        "validity": m.Request.quote_valid_until,
    }
    if key not in columns:
        raise ValidationError.of(
            "cannot sort by {key!r}; one of: {choices}", key=key, choices=', '.join(SORT_KEYS)
        )
    return columns[key]


#: from this offset on, a page is read from the other end of the order when that is nearer
#: (jumping to the end of a million rows must not make the database skip a million rows)
DEEP_OFFSET = 5_000

#: sort keys whose column is on another table (the page query joins it)
_JOINED_SORTS = {"service": "service", "assignee": "assignee"}


def _filtered(stmt: Select[Any], f: RequestFilter, session: Session) -> Select[Any]:
    """The filter as conditions on ``requests`` alone (other tables in subqueries)."""
    if f.states:
        stmt = stmt.where(m.Request.state.in_(f.states))
    if f.assignee is not None:
        if f.assignee == "":
            stmt = stmt.where(m.Request.assignee_id.is_(None))
        else:
            stmt = stmt.where(m.Request.assignee_id == actor_staff(session, f.assignee).id)
    if f.category:
        stmt = stmt.where(m.Request.category == f.category)
    if f.priority:
        stmt = stmt.where(m.Request.priority == f.priority)
    if f.customer:
        stmt = stmt.where(m.Request.customer_id.in_(
            select(m.Customer.id).where(m.Customer.code == f.customer)))
    if f.search and f.search.strip():
        stmt = stmt.where(_search_clause(check_search(f.search), session))
    if f.drill is not None:
        from app.services.dashboard import drill_clause

        stmt = stmt.where(drill_clause(f.drill))
    if f.attention:
        stmt = stmt.where(attention.clause(f.attention, attention.thresholds(session),
                                           f.as_of or datetime.now(UTC).replace(tzinfo=None)))
    return stmt


def judged_now(db: Database, f: RequestFilter) -> RequestFilter:
    """An attention queue judged at this minute (it changes with time, not only with
    writes: the minute is part of what its count is remembered under)."""
    if not f.attention or f.as_of is not None:
        return f
    return replace(f, as_of=db.now().replace(second=0, microsecond=0))


#: the escape character of every LIKE pattern built from what the user typed
LIKE_ESCAPE = "\\"


def _containing(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its ``%``, ``_`` and ``\\`` literal."""
    escaped = (text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
               .replace("_", LIKE_ESCAPE + "_"))
    return f"%{escaped}%"


def _contains(expression: Any, text: str) -> Any:
    """``expression LIKE '%text%'`` with the user's text taken literally."""
    return expression.like(_containing(text), escape=LIKE_ESCAPE)


def _search_clause(text: str, session: Session | None = None) -> Any:
    """Number, customer name or code (substring), or every word in the subject.

    Written as ``id IN (union of the three)`` so each part can use its own index: the
    number the primary key, the customer part the customers table (20k rows, not 1M)
    and ``ix_requests_customer``, the subject part a trigram index (PostgreSQL: the
    narrow ``request_search`` table with its ``pg_trgm`` GIN index, migration 0004;
    SQLite: the FTS5 ``requests_fts`` table, migration 0002). What the user typed is
    taken literally: ``%``, ``_`` and ``\\`` are no wildcards.
    """
    digits = text.upper().removeprefix("RIT-").lstrip("0") or "0"
    lowered = text.lower()
    parts: list[Any] = []
    if digits.isascii() and digits.isdigit() and len(digits) <= 18:
        parts.append(select(m.Request.id).where(m.Request.id == int(digits)))
    customers = select(m.Customer.id).where(or_(_contains(func.lower(m.Customer.name), lowered),
                                                _contains(func.lower(m.Customer.code), lowered)))
    parts.append(select(m.Request.id).where(m.Request.customer_id.in_(customers)))
    words = [w for w in lowered.split() if w]
    parts.append(_subject_match(words, session))
    return m.Request.id.in_(union(*parts))


#: PostgreSQL: request number -> lowercased subject, kept by a trigger (migration 0004)
REQUEST_SEARCH = table("request_search", column("request_id"), column("subject"))


def _subject_match(words: list[str], session: Session | None) -> Select[Any]:
    """The requests whose subject contains every word (any case), as one ``SELECT id``."""
    index = _subject_index(session) if session is not None else None
    if index == "request_search":
        # the trigram index finds the candidates, and each is checked on this narrow
        # table, not on the wide requests heap
        return select(REQUEST_SEARCH.c.request_id).where(
            *[_contains(REQUEST_SEARCH.c.subject, w) for w in words])
    subject = func.lower(m.Request.subject)
    long_words = [w for w in words if len(w) >= 3]
    if index == "requests_fts" and long_words:
        # FTS5 phrases are literal substrings (the trigram tokenizer, case-insensitive)
        query = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        fts: Select[Any] = select(literal_column("rowid")).select_from(table("requests_fts")).where(
            literal_column("requests_fts").op("MATCH")(query))
        short = [_contains(subject, w) for w in words if len(w) < 3]
        if not short:
            return fts
        return select(m.Request.id).where(m.Request.id.in_(fts), *short)
    return select(m.Request.id).where(and_(*[_contains(subject, w) for w in words]))


#: database URL -> the subject search index it has ("requests_fts", "request_search", None)
_SUBJECT_INDEX: dict[str, str | None] = {}


def _subject_index(session: Session) -> str | None:
    """Which subject search table this database has: SQLite's FTS5 ``requests_fts``
    (migration 0002), PostgreSQL's ``request_search`` (migration 0004), or neither."""
    bind = session.get_bind()
    key = str(bind.engine.url)
    if key not in _SUBJECT_INDEX:
        found: str | None = None
        if bind.dialect.name == "sqlite":
            if session.scalar(select(literal_column("1")).select_from(table("sqlite_master"))
                              .where(literal_column("name") == "requests_fts")) is not None:
                found = "requests_fts"
        elif bind.dialect.name == "postgresql" and session.scalar(
                select(func.to_regclass("request_search"))) is not None:
            found = "request_search"
        _SUBJECT_INDEX[key] = found
    return _SUBJECT_INDEX[key]


def _base(columns: Sequence[Any]) -> Select[Any]:
    return (
        select(*columns)
        .select_from(m.Request)
        .join(m.Customer, m.Customer.id == m.Request.customer_id)
        .join(m.CustomerService, m.CustomerService.id == m.Request.service_id)
        .outerjoin(Assignee, Assignee.id == m.Request.assignee_id)
    )


def _staff_order(session: Session) -> list[int]:
    """Every staff id in the order the queue's Assignee column sorts them: by name (as the
    column shows them), then by user name. Sorted here, not by SQL: the staff are few, and
    the first page and the later ones (the remembered counts) must agree whatever the
    database's collation."""
    rows = session.execute(select(m.Staff.id, m.Staff.name, m.Staff.username)).all()
    return [row[0] for row in sorted(rows, key=lambda r: (r[1].casefold(), r[1], r[2]))]


def _assignee_groups(db: Database, session: Session, f: RequestFilter
                     ) -> list[tuple[int | None, int]]:
    """(assignee id, matching requests) in the assignees' order (:func:`_staff_order`).

    Unassigned requests (NULL) come first on SQLite and last on PostgreSQL, as their
    ``ORDER BY`` puts NULLs.
    """
    def compute() -> list[tuple[int | None, int]]:
        counts: dict[int | None, int] = {row[0]: int(row[1]) for row in session.execute(
            _filtered(select(m.Request.assignee_id, func.count()).select_from(m.Request), f,
                      session).group_by(m.Request.assignee_id))}
        groups: list[tuple[int | None, int]] = [
            (k, counts[k]) for k in _staff_order(session) if k in counts]
        if None in counts:
            unassigned = (None, int(counts[None]))
            groups = [unassigned, *groups] if db.is_sqlite else [*groups, unassigned]
        return groups

    return list(remembered(db, session, "assignee_groups", f, compute))


def _page_ids_by_assignee(db: Database, session: Session, f: RequestFilter, descending: bool,
                          offset: int, limit: int) -> list[int]:
    """A page in assignee order without sorting the table: a few assignees (staff, in
    :func:`_staff_order`), each one's requests read in number order from
    ``ix_requests_assignee_id`` (migration 0003).

    The first page needs no counts (assignees are read in turn until the page is full);
    a later page skips whole assignees by their counts (one grouped count, remembered).
    """
    if offset == 0:
        people = _staff_order(session)
        order: list[int | None] = [None, *people] if db.is_sqlite else [*people, None]
        groups: list[tuple[int | None, int]] = [(k, limit) for k in order]
    else:
        groups = _assignee_groups(db, session, f)  # shared (remembered): not to be changed
    if descending:
        groups = groups[::-1]
    ids: list[int] = []
    for assignee, rows in groups:
        if offset >= rows:
            offset -= rows
            continue
        condition = (m.Request.assignee_id.is_(None) if assignee is None
                     else m.Request.assignee_id == assignee)
        stmt = _filtered(select(m.Request.id).where(condition), f, session).order_by(
            m.Request.id.desc() if descending else m.Request.id.asc())
        ids += session.scalars(stmt.offset(offset).limit(limit - len(ids)))
        offset = 0
        if len(ids) >= limit:
            break
    return ids


def _page_ids(session: Session, f: RequestFilter, sort: str, descending: bool, offset: int,
              limit: int, db: Database | None = None) -> list[int]:
    """The request numbers of one page: only ``requests`` (and the sort key's table)."""
    if sort == "assignee" and db is not None:
        return _page_ids_by_assignee(db, session, f, descending, offset, limit)
    return [row[0] for row in session.execute(
        _page_stmt(session, f, sort, descending, select(m.Request.id)).offset(offset)
        .limit(limit))]


def _first_page_counted(session: Session, f: RequestFilter, sort: str, descending: bool,
                        limit: int) -> tuple[list[int], int]:
    """The first page and the total in one pass (``count(*) OVER ()``).

    For a text search, finding the matches is most of the work (the trigram index
    narrows them, the rows must still be checked): counting them in a second query
    would find them all again.
    """
    rows = session.execute(_page_stmt(session, f, sort, descending, select(
        m.Request.id, func.count().over())).limit(limit)).all()
    return [row[0] for row in rows], (int(rows[0][1]) if rows else 0)


def _page_stmt(session: Session, f: RequestFilter, sort: str, descending: bool,
               stmt: Select[Any]) -> Select[Any]:
    stmt = stmt.select_from(m.Request)
    joined = _JOINED_SORTS.get(sort)
    if joined == "service":
        stmt = stmt.join(m.CustomerService, m.CustomerService.id == m.Request.service_id)
    elif joined == "assignee":
        stmt = stmt.outerjoin(Assignee, Assignee.id == m.Request.assignee_id)
    column = _sort_column(sort)
    order = [column.desc() if descending else column.asc()]
    if sort != "number":
        order.append(m.Request.id.desc() if descending else m.Request.id.asc())
    return _filtered(stmt, f, session).order_by(*order)


def list_requests(
    db: Database,
    f: RequestFilter = RequestFilter(),  # noqa: B008 - frozen dataclass
    *,
    sort: str = "number",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
    with_total: bool = False,
) -> Page:
    """One page of a queue, filtered and sorted in SQL.

    The page's request numbers are found first on ``requests`` alone (its indexes, no
    joins for the rows skipped), then only those rows are read with their customer,
    service and assignee. A page nearer the end than the start is read in the opposite
    order from the end (the total is known), so the last page costs what the first does.
    """
    if limit < 1 or limit > 5000 or offset < 0:
        raise ValidationError.of("page size must be 1 to 5000 and the offset not negative")
    _sort_column(sort)
    f = judged_now(db, f)
    with db.read() as session:
        total: int | None = None
        ids: list[int] | None = None
        if with_total and offset == 0 and f.search and f.search.strip() and sort != "assignee":
            marker, total = lookup(db, session, "count", f)
            if total is None:
                ids, total = _first_page_counted(session, f, sort, descending, limit)
                store(db, marker, "count", f, total)
        elif with_total or offset >= DEEP_OFFSET:
            total = _count(db, session, f)
        if ids is not None:
            pass  # the first page came with the count
        elif total is not None and offset >= DEEP_OFFSET and offset + limit // 2 > total // 2:
            # nearer the end: read the page in the opposite order, from the end
            size = max(0, min(limit, total - offset))
            start = max(0, total - offset - size)
            ids = _page_ids(session, f, sort, not descending, start, size, db) if size else []
            ids.reverse()
        else:
            ids = _page_ids(session, f, sort, descending, offset, limit, db)
        rows: tuple[RequestRow, ...] = ()
        if ids:
            refunded = (select(func.sum(m.CreditNote.total))
                        .where(m.CreditNote.request_id == m.Request.id)
                        .correlate(m.Request).scalar_subquery())
            found = {row[0]: row for row in session.execute(_base([
                m.Request.id, m.Customer.code, m.Customer.name, m.CustomerService.name,
                m.Request.category, m.Request.subject, m.Request.state, m.Request.priority,
                Assignee.username, m.Request.created_at, m.Request.quote_total,
                m.Request.quote_valid_until, Assignee.name, m.Charge.total, refunded,
            ]).outerjoin(m.Charge, m.Charge.request_id == m.Request.id)
                .where(m.Request.id.in_(ids))).all()}
            rows = tuple(charged_row(*found[i]) for i in ids if i in found)
        return Page(rows, offset, total if with_total else None)



def _count(db: Database, session: Session, f: RequestFilter,
           marker: tuple[int, int, int] | None = None) -> int:
    """How many requests the filter matches (remembered until anything is written)."""
    return remembered(db, session, "count", f, lambda: _count_now(session, f), marker)


def _count_now(session: Session, f: RequestFilter) -> int:
    stmt = _filtered(select(func.count()).select_from(m.Request), f, session)
    return int(session.scalar(stmt) or 0)


def count_requests(db: Database, f: RequestFilter = RequestFilter()) -> int:  # noqa: B008
    f = judged_now(db, f)
    with db.read() as session:
        return _count(db, session, f)


def queue_counts(db: Database, username: str | None = None, *,
                 lead: bool = False) -> dict[str, int]:
    """Live counts for the queue list (one grouped query, plus the user's own, plus with
    ``lead`` the team lead's queues, :mod:`app.services.attention`).

    Remembered until anything is written (the change marker, as the queue counts): the
    grouped count reads every request (a million: 75-250 ms), so it runs once per
    change, not on every call. Its sums are also the totals of the queues' own filters
    (``RequestFilter(states=...)``), remembered as such: opening a queue after the counts
    arrived does not count its rows again.
    """
    with db.read() as session:
        marker = change_marker(session)

        def compute() -> tuple[dict[str, int], int]:
            by_state = {state: int(count) for state, count in session.execute(
                select(m.Request.state, func.count()).group_by(m.Request.state))}
            exhausted = int(session.scalar(
                select(func.count()).select_from(m.Customer)
                .where(m.Customer.status == AccountStatus.CREDIT_EXHAUSTED.value)) or 0)
            for name, queue_states in QUEUES.items():
                if name != "mine":
                    total = sum(by_state.get(s, 0) for s in queue_states or tuple(by_state))
                    store(db, marker, "count", RequestFilter(states=queue_states), total)
            return by_state, exhausted

        by_state, exhausted = remembered(db, session, "queue_counts", RequestFilter(),
                                          compute, marker)
        counts: dict[str, int] = {}
        for name, queue_states in QUEUES.items():
            if name != "mine":
                counts[name] = sum(by_state.get(s, 0) for s in queue_states or tuple(by_state))
        if username:
            # the filter of the "mine" queue itself: its count is shared with the table
            counts["mine"] = _count(db, session, RequestFilter(
                states=QUEUES["mine"], assignee=username), marker)
            # and of the quotes a team lead returned to this user (the table's too)
            counts[RETURNED] = _count(db, session, judged_now(db, RequestFilter(
                assignee=username, attention=RETURNED)), marker)
        counts["credit_exhausted"] = exhausted
        if lead:
            for name in attention.ATTENTION_QUEUES:
                counts[name] = _count(db, session, judged_now(db, RequestFilter(attention=name)),
                                      marker)
        return counts
