"""Helpers shared by the use cases: actors, lookups with row locks, audit, notices."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.db.tables import AUDIT, NOTICES
from app.domain import permissions
from app.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
    phrase,
)
from app.domain.references import request_reference
from app.domain.texts import (  # noqa: F401 - the services' limits, imported from here
    MAX_NAME,
    MAX_REASON,
    MAX_REFERENCE,
    MAX_SUBJECT,
    MAX_TEXT,
    MAX_USERNAME,
    check_text,
)

T = TypeVar("T")

PORTAL = "portal"

def clean_text(value: str | None, what: str, max_len: int, *, required: bool = True) -> str:
    """Trimmed text within its length; a clear message when missing or too long
    (:func:`app.domain.texts.check_text`, the rule the desktop app's boxes check too)."""
    return check_text(value, what, max_len, required=required)


def json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, default=json_default, sort_keys=True, ensure_ascii=False)


def session_database(session: Session) -> Database | None:
    """The :class:`Database` a session belongs to (set by ``Database.transaction``)."""
    db = session.info.get("rit_db")
    return db if isinstance(db, Database) else None


def actor_staff(session: Session, username: str) -> m.Staff:
    """An active staff member, by user name."""
    staff = session.scalar(select(m.Staff).where(m.Staff.username == username))
    if staff is None:
        raise NotFoundError.of("unknown user: {username}", username=username)
    if not staff.active:
        raise ValidationError.of("user {username} is no longer active", username=username)
    return staff


def require(
    session: Session,
    username: str,
    action: str,
    owner: str | None = None,
    *,
    ownership: bool = True,
) -> m.Staff:
    """The acting staff user, after checking their role may do ``action``.

    With ``ownership=False`` only the role is checked (the "own requests" rule later).
    On PostgreSQL a login acts only for itself unless it is trusted maintenance
    (``Database.acting``): any other name is refused here, before anything is read.
    """
    db = session_database(session)
    if db is not None:
        db.acting(username)
    staff = actor_staff(session, username)
    permissions.check(action, staff.role, username=staff.username, owner=owner,
                      ownership=ownership)
    return staff


def check_own(staff: m.Staff, action: str, request: m.Request) -> None:
    """A technician quotes only requests assigned to them, or free ones (which become
    theirs): the rule the database's row-level security enforces on PostgreSQL."""
    owner = request.assignee.username if request.assignee else staff.username
    permissions.check(action, staff.role, username=staff.username, owner=owner)


def require_portal(db: Database) -> None:
    """What only the customer does (through the control panel): a login of the control
    panel's role, or trusted maintenance (the embedded database's owner, a superuser)."""
    identity = db.identity()
    if not (identity.portal or identity.trusted):
        raise PermissionDenied.of("{login} is not a login of the control panel",
                                  login=identity.login)


def lock(db: Database, session: Session, model: type[T], ident: int, what: str) -> T:
    """Load a row for update (``SELECT ... FOR UPDATE`` on PostgreSQL).

    The row is read again even if the session holds it already: values read before the
    lock was granted may be stale (another workstation held it and changed it).
    """
    stmt = (select(model).where(model.id == ident)  # type: ignore[attr-defined]
            .execution_options(populate_existing=True))
    if not db.is_sqlite:
        stmt = stmt.with_for_update()
    row = session.scalar(stmt)
    if row is None:
        raise NotFoundError.of("unknown {what}: {ident}", what=what, ident=ident)
    return row


def get_request(db: Database, session: Session, number: int, *, for_update: bool = True) -> m.Request:
    if for_update:
        return lock(db, session, m.Request, number, phrase("request"))
    row = session.get(m.Request, number)
    if row is None:
        raise NotFoundError.of("unknown request: {request}", request=request_reference(number))
    return row


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Optimistic locking for edits made on data read earlier (the GUI passes the version)."""
    if expected is not None and row.version != expected:
        raise ConflictError.of(
            "{what} was changed by someone else in the meantime: reload and try again", what=what
        )


def customer_by_code(db: Database, session: Session, code: str, *, for_update: bool = False) -> m.Customer:
    stmt = select(m.Customer).where(m.Customer.code == code)
    if for_update and not db.is_sqlite:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    customer = session.scalar(stmt)
    if customer is None:
        raise NotFoundError.of("unknown customer: {code}", code=code)
    return customer


_INSERT_AUDIT = insert(AUDIT)
_INSERT_NOTICE = insert(NOTICES)
# PostgreSQL: no login writes these tables; the database does (migration 0014), after
# checking that the change an event records was written in this transaction
_LOG = text("SELECT rit_log(:action, :request_id, :customer_id, :details, :actor, "
            "CAST(:at AS timestamp))")
_TELL = text("SELECT rit_tell(:kind, :request_id, :customer_id, :payload, "
             "CAST(:at AS timestamp))")


def audit(
    db: Database,
    session: Session,
    actor: str,
    action: str,
    *,
    request_id: int | None = None,
    customer_id: int | None = None,
    **details: Any,
) -> None:
    """Append an audit event in the caller's transaction (written at once, in call order).

    On PostgreSQL the database writes it (``rit_log``): the time is the server's and the
    actor the login (trusted maintenance: ``actor``; the control panel: the customer's),
    and only after the change it records, so the session's pending changes go first.
    """
    values = {"at": db.now(), "actor": actor, "action": action, "request_id": request_id,
              "customer_id": customer_id, "details": dumps(details)}
    if db.is_sqlite:
        session.execute(_INSERT_AUDIT, values)
        return
    session.flush()
    session.execute(_LOG, values)


def notify(
    db: Database,
    session: Session,
    customer_id: int,
    kind: str,
    *,
    request_id: int | None = None,
    **payload: Any,
) -> None:
    """Queue a notice for the control panel (the customer's outbox), in the same transaction
    (PostgreSQL: written by the database, ``rit_tell``, as :func:`audit`)."""
    values = {"customer_id": customer_id, "request_id": request_id, "kind": str(kind),
              "at": db.now(), "payload": dumps(payload)}
    if db.is_sqlite:
        session.execute(_INSERT_NOTICE, values)
        return
    session.flush()
    session.execute(_TELL, values)


def touch(db: Database, request: m.Request) -> None:
    request.updated_at = db.now()


def staff_names(session: Session, usernames: Any) -> dict[str, str]:
    """The names of the staff among ``usernames`` (a history's actors): ``{"s.romano":
    "Sara Romano"}``; other actors (``portal:C1022``, ``system``) are left out."""
    wanted = {u for u in usernames if u}
    if not wanted:
        return {}
    return dict(session.execute(select(m.Staff.username, m.Staff.name)
                                .where(m.Staff.username.in_(sorted(wanted)))).tuples().all())
