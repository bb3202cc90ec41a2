"""Opening the central database for the desktop app (no Qt): profiles, URLs, first run."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from app import config
from app.config import (  # noqa: F401 - the start dialog's words for each
    LOGIN_DISABLED,
    NO_SUCH_LOGIN,
    NOT_STAFF_HERE,
    PASSWORD_REFUSED,
    PASSWORD_REQUIRED,
    sign_in_problem,
)
from app.floor.rules import person_signed_in
from app.services.queue_rows import StaffView

if TYPE_CHECKING:  # SQLAlchemy, the reads, the documents: not before the first paint
    from app.db.database import Database
    from app.domain.documents import QuoteDocument

EMBEDDED = "embedded"
#: the QSettings key of the last signed-in user
LAST_USER_KEY = "connection/last_user"


@dataclass(frozen=True)
class Profile:
    """A saved PostgreSQL connection (never with its password)."""

    name: str
    host: str = "localhost"
    port: int = 5432
    database: str = "rit_desk"
    user: str = ""
    #: a hot standby of the same database for reports (issue 21): "host" or "host:port"
    standby: str = ""

    def url_text(self) -> str:
        """The profile as a URL without password: ``postgresql+psycopg://user@host:5432/db``."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        return (f"postgresql+psycopg://{user}{self.host or 'localhost'}:{self.port}/"
                f"{quote(self.database, safe='')}")


    def standby_url_text(self) -> str | None:
        """The standby as a URL without user or password (it signs in as the primary
        does: :func:`app.db.standby.standby_url`); None: no standby."""
        from app.db.standby import standby_address

        address = standby_address(self.standby)
        if address is None:
            return None
        host, port = address
        return f"postgresql+psycopg://{host}:{port}/{quote(self.database, safe='')}"


def render_quote_lazily(document: QuoteDocument) -> bytes:
    """The quote PDF renderer, imported when the first PDF is rendered.

    ``reports`` pulls in reportlab (about 0.2 s to import): not worth paying at start,
    when most sessions render no PDF at all.
    """
    from reports.quote_pdf import render_quote

    return render_quote(document)


def make_database(url: Any) -> Database:
    # ``url``: a URL string or the parsed URL of app.config.parse_url
    """A Database with the quote PDF renderer (if the reports package is present)."""
    from app.db.database import Database

    if importlib.util.find_spec("reports") is None:  # pragma: no cover - shipped together
        return Database(url)
    return Database(url, renderer=render_quote_lazily)


def embedded_path() -> Path:
    return config.default_sqlite_path()


def is_first_run() -> bool:
    return not embedded_path().exists()


def open_embedded(path: Path | None = None) -> Database:
    """The embedded SQLite database; created with the demo data on first run, whole or
    not at all (a start closed while the demo loads leaves no database: the next start
    makes it again from the beginning, see :func:`app.services.demo.create_demo_file`)."""
    from app.services import first_reads

    target = path or embedded_path()
    if not target.exists():
        from app.services import demo  # the first run only

        demo.create_demo_file(target, make_database)
    db = make_database(f"sqlite:///{target}")
    if not db.schema_is_current():
        db.upgrade_schema()
    if not first_reads.staff(db):  # an empty file, made by hand: nothing to lose
        from app.services import demo

        demo.load_demo(db)
    return db


@dataclass(frozen=True)
class Opened:
    """A database connected to: who may sign in on it (the embedded one), or who signed
    in (``person``, PostgreSQL: the login itself)."""

    db: Database
    staff: list[StaffView]
    schema_current: bool
    person: StaffView | None = None


def open_server(url_text: str, password: str | None = None, *, user: str | None = None,
                standby: str | None = None) -> Opened:
    """Connect to a PostgreSQL (or any) URL and sign in.

    Without a password the connection is tried as it is (trust authentication needs
    none): the caller asks for one only when the server asks (:data:`PASSWORD_REQUIRED`).
    On PostgreSQL the person signed in is the login's staff member (``user``: ``--as``,
    see :func:`signed_in`); the embedded database lists who may sign in. ``standby``: the
    URL of a hot standby that reports and the like are read from (issue 21).
    """
    from app.services import first_reads

    url = config.parse_url(url_text)
    if password:
        url = url.set(password=password)
    db = make_database(url)
    try:
        if standby:
            db.use_standby(standby)
        db.check_connection()
        current = db.schema_is_current()
        if db.is_sqlite:
            return Opened(db, first_reads.staff(db) if current else [], current)
        return Opened(db, [], current, signed_in(db, user) if current else None)
    except Exception:
        db.dispose()
        raise


def signed_in(db: Database, user: str | None = None) -> StaffView:
    """Who works, on PostgreSQL: the staff member of the login itself. ``user`` (``--as``)
    may name only the login, unless the login is trusted maintenance (a superuser or the
    schema's owner), who must name the staff member to act for."""
    from app.services import first_reads

    return person_signed_in(db.identity(), lambda: first_reads.staff(db), user)


def default_user(people: list[StaffView], last: str | None = None) -> StaffView | None:
    """Who signs in when nobody is asked: the last user, else a team lead, else anyone."""
    active = [p for p in people if p.active]
    for wanted in (lambda p: p.username == last, lambda p: p.role == "team_lead",
                   lambda p: p.role == "admin", lambda p: True):
        found = next((p for p in active if wanted(p)), None)
        if found is not None:
            return found
    return None
