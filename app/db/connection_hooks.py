"""What the engine does on every connection and statement: SQLite's private file, its
pragmas and its BEGIN, and the NUL guard of every statement (:class:`Database` installs
them; the pool's ping stays with it, tied to :meth:`Database.driver_autocommit`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError


def refuse_nul_listener(_conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any,
                        executemany: bool) -> None:
    """No text with a NUL character reaches the database, whichever way it came in.

    PostgreSQL cannot store one (the driver's own message would reach the user) and
    SQLite would store it silently; the fields a person types are checked by name in the
    services, this is the last line for everything else (codes, names looked up...).
    """
    many = (executemany and isinstance(parameters, list | tuple) and bool(parameters)
            and isinstance(parameters[0], dict | list | tuple))
    rows = parameters if many else (parameters,)
    for row in rows:
        for value in row.values() if isinstance(row, dict) else row or ():
            if type(value) is str and "\x00" in value:
                raise ValidationError.of(
                    "a text contains a NUL character, which cannot be stored: remove it")


def refuse_nul(parameters: dict[str, Any]) -> None:
    """The NUL guard for statements sent to the driver directly (:meth:`Database.driver_autocommit`)."""
    refuse_nul_listener(None, None, "", parameters, None, False)


def create_private(path: Path, *_connecting: Any) -> None:
    """Before SQLite opens ``path``: create it readable and writable by its owner only
    (SQLite would create it with the process's umask, usually readable by everyone)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return  # an existing database keeps the permissions its owner gave it
    except OSError:
        return  # SQLite says why it cannot open it, in its own error


def sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def sqlite_on_begin(conn: Any) -> None:
    write = conn.get_execution_options().get("rit_write", True)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
