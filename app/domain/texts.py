"""The rule of every free text a user types: trimmed, within its length, no control
characters (a NUL reaches no database: PostgreSQL refuses it in the driver's words, SQLite
keeps it). The services check what they are given with it; the desktop app checks its
boxes with the same functions as they are typed (``ui/text_check.py``), so a box says
what the service would say, before anything is read or written."""

from __future__ import annotations

import re

from app.domain.errors import ValidationError, is_control, phrase

MAX_SUBJECT = 200
MAX_NAME = 120
MAX_TEXT = 5000
MAX_REASON = 1000
#: a top-up's reference (a bank transfer's, a receipt's)
MAX_REFERENCE = 200
#: a staff user name (a PostgreSQL login on a central database)
MAX_USERNAME = 40
#: the longest host name (RFC 1035)
MAX_HOST = 253
#: the longest PostgreSQL name (a database, a login): longer ones are cut by the server
MAX_PG_NAME = 63
#: the longest folder path (Linux's PATH_MAX)
MAX_PATH = 4096
#: the longest password (a PostgreSQL login's, set through ``rit-desk staff``)
MAX_PASSWORD = 200


def has_control(text: str, *, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (NUL, ESC, DEL...) other than ``allowed``."""
    return any(is_control(c) and c not in allowed for c in text)


def check_text(value: str | None, what: str, max_len: int, *, required: bool = True,
               lines: bool = True) -> str:
    """Trimmed text within its length; a clear message when missing, too long or holding
    control characters (a tab and a line break are text, unless ``lines`` is False)."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError.of("{what} is required", what=what)
    if len(text) > max_len:
        raise ValidationError.of(
            "{what} is too long ({length} characters, at most {max_len})",
            what=what, length=len(text), max_len=max_len
        )
    if has_control(text, allowed="\n\t" if lines else ""):
        raise ValidationError.of("{what} contains control characters", what=what)
    return text


def check_password(password: str) -> str:
    """A password as typed (not trimmed): 1 to 200 characters, no control characters."""
    if not password or len(password) > MAX_PASSWORD or has_control(password):
        raise ValidationError.of("a password is 1 to 200 characters, without control characters")
    return password


# A PostgreSQL server's profile as typed at the start (empty is not refused here):


def check_profile_name(text: str) -> str:
    return check_text(text, phrase("profile name"), MAX_NAME, required=False, lines=False)


def check_host(text: str) -> str:
    return check_text(text, phrase("host"), MAX_HOST, required=False, lines=False)


def check_database_name(text: str) -> str:
    return check_text(text, phrase("database name"), MAX_PG_NAME, required=False, lines=False)


def check_login(text: str) -> str:
    return check_text(text, phrase("username"), MAX_USERNAME, required=False, lines=False)


def check_folder(text: str) -> str:
    """A folder to write into, as typed (a NUL ends a path for the system)."""
    return check_text(text, phrase("folder"), MAX_PATH, required=False, lines=False)


#: an email address as customers type it: local@domain.tld, ASCII, no spaces or quotes
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+", re.ASCII)


def parse_email(value: str) -> str:
    """An email address (at most 254 characters, one @, a domain with a dot), trimmed."""
    text = value.strip()
    local = text.rpartition("@")[0]
    if (len(text) > 254 or _EMAIL.fullmatch(text) is None or len(local) > 64
            or local.startswith(".") or local.endswith(".") or ".." in text):
        raise ValidationError.of("not a valid email address: {value!r}", value=value[:80])
    return text
