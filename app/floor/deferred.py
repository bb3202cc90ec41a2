"""The database of a start at the floor: made (and SQLAlchemy imported) when first used.

The main window is built on a :class:`DeferredDatabase` in place of the real
:class:`~app.db.database.Database`: what the window needs before its first page is
painted (the clock, whether it is SQLite, the URL as shown, the first page itself) it
answers from the floor; anything else makes the real database, once, and asks it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, cast

from app import config
from app.floor.reader import FloorReader
from app.floor.rules import person_signed_in, staff_member
from app.floor.target import Target, parse
from app.services.queue_rows import Page, RequestFilter, StaffView

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from app.db.database import Database


class DeferredDatabase:
    """Stands for the real database until something needs it (see the module)."""

    def __init__(self, target: Target, reader: FloorReader, people: list[StaffView],
                 make: Callable[[], Database]) -> None:
        self.is_sqlite = target.is_sqlite
        self.shown = target.shown
        self._reader: FloorReader | None = reader
        self._people = people
        self._make = make
        self._real: Database | None = None
        self._lock = threading.Lock()

    # -- answered from the floor ----------------------------------------------------------
    def now(self) -> datetime:
        """Naive UTC, as the real database's default clock."""
        return datetime.now(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return self.now().date()

    def first_page(self, f: RequestFilter, *, sort: str, descending: bool,
                   limit: int) -> Page | None:
        """The first page from the floor's connection, which is then closed (None: the
        floor does not read this one, or it was read already: ask the services)."""
        reader, self._reader = self._reader, None
        if reader is None:
            return None
        try:
            return reader.first_page(f, sort=sort, descending=descending, limit=limit,
                                     people=self._people)
        finally:
            reader.close()

    @property
    def standby(self) -> Any:
        """The hot standby reports read from: none on a start at the floor (a start with
        ``--read-db`` is not one), else the real database's."""
        return None if self._real is None else self._real.standby

    # -- the real database ----------------------------------------------------------------
    @property
    def made(self) -> bool:
        return self._real is not None

    def real(self) -> Database:
        """The real database (made now if it was not yet: imports SQLAlchemy). The floor's
        connection, if no first page used it (a start on the dashboard), is closed then."""
        with self._lock:
            if self._real is None:
                self._real = self._make()
                reader, self._reader = self._reader, None
                if reader is not None:
                    reader.close()
            return self._real

    def dispose(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        if self._real is not None:
            self._real.dispose()

    def __getattr__(self, name: str) -> Any:
        # only for what this class does not answer itself (Python looks here last)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.real(), name)


def first_page(db: Database, f: RequestFilter, *, sort: str, descending: bool,
               limit: int) -> Page | None:
    """A queue's first page and total through the DB-API: from the floor's connection on
    a deferred database not made yet, else on a connection of its pool
    (:mod:`app.floor.pooled`). None: not a plain queue, ``queries.list_requests`` reads
    it."""
    if isinstance(db, DeferredDatabase) and not db.made:
        page = db.first_page(f, sort=sort, descending=descending, limit=limit)
        if page is not None:
            return page
    from app.floor import pooled

    return pooled.first_page(db, f, sort=sort, descending=descending, limit=limit)


def shown_url(db: Database) -> str:
    """The database's URL fit for the status bar and messages, never the password."""
    if isinstance(db, DeferredDatabase):
        return db.shown
    from app.db.database import describe

    return describe(db.url)


@dataclass(frozen=True)
class FloorStart:
    """A direct start read at the floor: the database (deferred), who signs in, the staff
    and the send limit stored (None: the default)."""

    db: Database
    person: StaffView
    staff: list[StaffView]
    send_limit: str | None


def open_floor(url_text: str | None, user: str | None,
               make: Callable[[str], Database]) -> FloorStart | None:
    """A direct start at the floor, or None: the usual start takes it (a dialog to show,
    a password to ask for, a schema to upgrade, an error to say, a URL not plain).

    ``url_text``: ``--db`` or ``RIT_DESK_DB`` (None: the embedded file, with ``user``);
    ``make``: the real database of a URL, when it is needed.
    """
    text = url_text or os.environ.get(config.ENV_DB)
    if not text:
        path = config.default_sqlite_path()
        if not user or not path.is_file():
            return None
        text = f"sqlite:///{path}"
    target = parse(text)
    if target is None or (target.is_sqlite and not user):
        return None
    password = None
    if not target.is_sqlite and not target.password:
        # the keyring's account is read from the URL's names, which a Target has too
        password = (config.password_from_keyring(cast("URL", target))
                    or os.environ.get(config.ENV_PASSWORD))
    try:
        reader = FloorReader(target, password)
    except Exception:
        return None
    try:
        if not reader.schema_is_current():
            raise LookupError("the usual start upgrades or refuses the schema")
        people = reader.staff()
        if not people:
            raise LookupError("the usual start loads the demo data or says who to add")
        if target.is_sqlite:
            person = staff_member(people, user or "")
        else:
            person = person_signed_in(reader.identity(), lambda: people, user)
        send_limit = reader.setting("tech_send_limit")
    except Exception:  # RitError, LookupError, a driver's error: the usual start says
        reader.close()
        return None
    db = DeferredDatabase(target, reader, people, lambda: make(text))
    return FloorStart(cast("Database", db), person, people, send_limit)
