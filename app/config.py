"""Where the central database is and how RIT Desk authenticates to it.

The database is chosen by ``--db URL``, else ``RIT_DESK_DB``, else the embedded SQLite
file in the user data directory. A PostgreSQL password never lives in a file: it comes
from the OS keyring, else ``RIT_DESK_DB_PASSWORD``, else a prompt (not stored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from app.domain.errors import ValidationError

if TYPE_CHECKING:  # SQLAlchemy is imported when a URL is parsed: not before the first paint
    from sqlalchemy.engine import URL

APP_NAME = "rit-desk"
KEYRING_SERVICE = "rit-desk"
ENV_DB = "RIT_DESK_DB"
ENV_PASSWORD = "RIT_DESK_DB_PASSWORD"


def default_sqlite_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "rit-desk.sqlite3"


def default_url() -> str:
    return f"sqlite:///{default_sqlite_path()}"


MASK = "***"
_QUERY_SECRET = re.compile(r"(?i)([?&](?:password|passfile|sslpassword)=)[^&]*")


def mask_url_text(text: str) -> str:
    """A database URL as typed, fit for a message: the password (in the user part or in
    the query string) replaced by ``***``, even when the rest of the URL is malformed."""
    masked = _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, text)
    scheme, sep, rest = masked.partition("://")
    if not sep:
        return masked
    # the user part ends at the last "@" before the path (a password may hold "@" or ":")
    path_start = rest.find("/", rest.rfind("@") + 1) if "@" in rest else -1
    authority = rest if path_start < 0 else rest[:path_start]
    if "@" not in authority:
        return masked
    userinfo, _, host = authority.rpartition("@")
    user, colon, _password = userinfo.partition(":")
    if not colon:
        return masked
    tail = "" if path_start < 0 else rest[path_start:]
    return f"{scheme}://{user}:{MASK}@{host}{tail}"


def shown_url(url: URL) -> str:
    """A parsed URL fit for messages and logs: never a password."""
    return mask_url_text(url.render_as_string(hide_password=True))


def parse_url(text: str) -> URL:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # ValueError: e.g. a bad port in "host:port"
        raise ValidationError.of("not a database URL: {text!r}",
                                 text=mask_url_text(text)) from None
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ValidationError.of(
            "unsupported database {backend!r}: use sqlite or postgresql", backend=backend
        )
    if backend == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def keyring_account(url: URL) -> str:
    """The keyring entry of a PostgreSQL profile: ``user@host:port/database``."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    message: str = ""


def keyring_status() -> KeyringStatus:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return KeyringStatus(False, "no keyring backend is available on this system")
        return KeyringStatus(True, str(backend.name))  # e.g. "SecretService Keyring"
    except Exception as exc:
        return KeyringStatus(False, f"the keyring cannot be used: {exc}")


def password_from_keyring(url: URL) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:
        return None


def store_password(url: URL, password: str) -> None:
    """Remember a password in the OS keyring (raises ValidationError without a backend)."""
    status = keyring_status()
    if not status.available:
        raise ValidationError.of("the password cannot be remembered: {detail}", detail=status.message)
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except Exception as exc:
        raise ValidationError.of("the password cannot be remembered: {detail}", detail=exc) from None


def forget_password(url: URL) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:
        return


def resolve_url(
    text: str | None,
    *,
    prompt: Callable[[str], str | None] | None = None,
) -> URL:
    """The database URL to use, with the password filled in for PostgreSQL.

    ``prompt`` is asked (with a description of the server) when neither the keyring
    nor the environment has a password; returning None means "try without".
    """
    url = parse_url(text or os.environ.get(ENV_DB) or default_url())
    if url.get_backend_name() != "postgresql" or url.password:
        return url
    password = password_from_keyring(url) or os.environ.get(ENV_PASSWORD)
    if password is None and prompt is not None:
        password = prompt(shown_url(url))
    return url.set(password=password) if password else url


#: what a connection failure means for signing in (the desktop's start dialog says each
#: in its own words; the command line asks for a password only on the first)
PASSWORD_REQUIRED = "password_required"
PASSWORD_REFUSED = "password_refused"
LOGIN_DISABLED = "login_disabled"
NO_SUCH_LOGIN = "no_such_login"
NOT_STAFF_HERE = "not_staff_here"

_PROBLEMS = (
    (PASSWORD_REQUIRED, ("no password supplied", "password is required")),
    (PASSWORD_REFUSED, ("password authentication failed",)),
    (LOGIN_DISABLED, ("is not permitted to log in", "password has expired")),
    (NO_SUCH_LOGIN, ("does not exist",)),  # under trust: role "x" does not exist
    (NOT_STAFF_HERE, ("permission denied for database", "does not have connect privilege")),
)


def sign_in_problem(message: str) -> str | None:
    """What a connection failure means for signing in (None: something else)."""
    low = message.lower()
    for kind, marks in _PROBLEMS:
        if any(mark in low for mark in marks):
            if kind == NO_SUCH_LOGIN and 'role "' not in low:
                continue
            return kind
    return None
