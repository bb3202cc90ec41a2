"""A database URL as the floor reads it: plain enough to connect without SQLAlchemy.

Only the plain forms are taken (``sqlite:///PATH`` of an existing file;
``postgresql[+psycopg]://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE`` without a query);
anything else (None) is left to :func:`app.config.parse_url` and the usual start. The
text shown for the URL is the one :func:`app.db.database.describe` gives (the tests
compare them): the window's status bar and the running timers' key use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app.config import MASK

#: host, user and database names taken as they are (no quoting question to answer)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.\-]+")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_./ \-]+")
_SCHEMES = ("postgresql", "postgresql+psycopg")


@dataclass(frozen=True)
class Target:
    """Where the floor connects: a SQLite file, or a PostgreSQL server.

    The attribute names of a PostgreSQL target are those of SQLAlchemy's URL that
    :func:`app.config.keyring_account` reads.
    """

    text: str  # the URL as given (with its password, if it had one)
    sqlite_path: Path | None = None
    host: str | None = None
    port: int | None = None
    username: str | None = None
    password: str | None = None
    database: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @property
    def shown(self) -> str:
        """The URL fit for messages and the status bar: never the password."""
        if self.sqlite_path is not None:
            return self.text
        user = f"{self.username}{':' + MASK if self.password else ''}@" if self.username else ""
        port = f":{self.port}" if self.port is not None else ""
        return f"postgresql+psycopg://{user}{self.host}{port}/{self.database}"


def parse(text: str) -> Target | None:
    """The target of a plain URL (None: not plain enough for the floor)."""
    if text.startswith("sqlite:///"):
        path = text.removeprefix("sqlite:///")
        if not _PLAIN_PATH.fullmatch(path) or not Path(path).is_file():
            return None
        return Target(text, sqlite_path=Path(path))
    scheme, sep, _rest = text.partition("://")
    if not sep or scheme not in _SCHEMES:
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    database = parts.path.removeprefix("/")
    names = [n for n in (parts.hostname, parts.username, database) if n is not None]
    if (parts.query or parts.fragment or not parts.hostname or not database
            or any(not _PLAIN_NAME.fullmatch(n) for n in names)
            or parts.netloc.rpartition("@")[2] != parts.netloc.rpartition("@")[2].lower()):
        return None
    password = unquote(parts.password) if parts.password else None
    return Target(text, host=parts.hostname, port=port, username=parts.username,
                  password=password, database=database)
