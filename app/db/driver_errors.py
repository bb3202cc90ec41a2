"""Database failures as readable errors: what :meth:`Database.translate` answers."""

from __future__ import annotations

import sys

from sqlalchemy.engine import URL
from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.config import shown_url
from app.db.server_errors import server_error
from app.domain.errors import (
    ConflictError,
    DatabaseRefused,
    DatabaseUnavailable,
    RitError,
)


def translate_error(exc: BaseException, url: URL) -> RitError | None:
    """The readable error for a failure of the database at ``url`` (None: not a database
    failure); the URL is named without its password (``describe``)."""
    if isinstance(exc, RitError):
        return exc
    if isinstance(exc, DBAPIError):
        diag = getattr(exc.orig, "diag", None)
        refused = server_error(sqlstate(exc), str(getattr(diag, "message_primary", "") or ""),
                               getattr(diag, "message_detail", None))
        if refused is not None:
            return refused
    orm_errors = sys.modules.get("sqlalchemy.orm.exc")  # loaded with the first session
    if orm_errors is not None and isinstance(exc, orm_errors.StaleDataError):
        return ConflictError.of(
            "another workstation changed this record in the meantime: reload and try again")
    if isinstance(exc, IntegrityError):
        return ConflictError.of(
            "the change conflicts with data saved in the meantime: reload and try again ({detail})",
            detail=first_line(exc.orig))
    if isinstance(exc, DBAPIError) and sqlstate(exc).startswith("40"):
        # deadlock or serialization failure: nothing was written, a retry may pass
        return ConflictError.of(
            "another workstation changed the same data at the same time: try again ({detail})",
            detail=first_line(exc.orig))
    if isinstance(exc, (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)):
        detail = first_line(exc.orig if isinstance(exc, DBAPIError) else exc)
        return DatabaseUnavailable.of("the database {database} cannot be used: {detail}",
                                      database=shown_url(url), detail=detail)
    if isinstance(exc, DBAPIError):
        return DatabaseRefused.of("database error: {detail}", detail=first_line(exc.orig))
    return None


def first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def sqlstate(exc: DBAPIError) -> str:
    """The SQLSTATE of a driver error ("" where the driver has none, as SQLite's)."""
    return str(getattr(exc.orig, "sqlstate", None) or "")
