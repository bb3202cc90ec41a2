"""Reads remembered until anything is written: the change marker and the cache of counts.

Every write appends an audit event (a rule of the services), so "nothing written since"
is a few primary-key maxima away (:func:`change_marker`). The queue counts
(:mod:`app.services.queries`) and the at-risk count (:mod:`app.services.at_risk`) are
remembered under it, and the desktop app polls it (:func:`last_change_marker`).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.services.dto import RequestFilter

T = TypeVar("T")


#: database -> (what, filter) -> (change marker, value); see :func:`remembered`
CACHE: weakref.WeakKeyDictionary[Database, dict[tuple[str, RequestFilter], tuple[Any, Any]]] \
    = weakref.WeakKeyDictionary()
CACHE_LOCK = threading.Lock()
CACHE_MAX = 256


#: how far back the change marker counts audit events (see :func:`change_marker`)
MARKER_WINDOW = 1000


def change_marker(session: Session) -> tuple[int, int, int]:
    """What changes whenever any workstation commits a write.

    Every write appends an audit event (a rule of the services). The highest audit id
    alone is not enough on PostgreSQL: a transaction that took id 100 may commit after
    one that took 101, and the maximum would not move. So the marker also counts the
    audit events among the last ``MARKER_WINDOW`` ids, which grows when such a late
    commit becomes visible (an index range scan of at most that many rows).
    """
    last_audit = int(session.scalar(select(func.max(m.AuditEvent.id))) or 0)
    recent = int(session.scalar(
        select(func.count()).select_from(m.AuditEvent)
        .where(m.AuditEvent.id > last_audit - MARKER_WINDOW)) or 0)
    last_ledger = int(session.scalar(select(func.max(m.LedgerEntry.id))) or 0)
    return last_audit, recent, last_ledger


def remembered(db: Database, session: Session, what: str, f: RequestFilter,
                compute: Callable[[], T], marker: tuple[int, int, int] | None = None) -> T:
    """``compute()``, remembered for this database and filter until anything is written.

    Counting a million rows costs tens of milliseconds, on every sort change, page read
    far down the list and periodic refresh. Every write appends an audit event (a rule
    of the services), so "nothing written since" is three primary-key maxima away.
    """
    marker, cached = lookup(db, session, what, f, marker)
    if cached is not None:
        return cast(T, cached)
    value = compute()
    store(db, marker, what, f, value)
    return value


def lookup(db: Database, session: Session, what: str, f: RequestFilter,
            marker: tuple[int, int, int] | None = None) -> tuple[tuple[int, int, int], Any]:
    """The current change marker (unless given, read in this transaction before), and
    the value remembered under it (or None)."""
    if marker is None:
        marker = change_marker(session)
    with CACHE_LOCK:
        cached = CACHE.get(db, {}).get((what, f))
    return marker, (cached[1] if cached is not None and cached[0] == marker else None)


def store(db: Database, marker: tuple[int, int, int], what: str, f: RequestFilter,
           value: Any) -> None:
    with CACHE_LOCK:
        entries = CACHE.setdefault(db, {})
        if len(entries) >= CACHE_MAX:
            entries.clear()
        entries[(what, f)] = (marker, value)


def last_change_marker(db: Database) -> tuple[int, int]:
    """A cheap marker that changes whenever any workstation writes (for polling)."""
    with db.read() as session:
        last_audit, recent, _ = change_marker(session)
        return last_audit, recent
