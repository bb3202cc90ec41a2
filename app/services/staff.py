"""Staff users and their roles."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import models as m
from app.db.database import Database
from app.domain.enums import Role
from app.domain.errors import ConflictError, ValidationError, phrase
from app.services.common import MAX_NAME, audit, clean_text, require
from app.services.dto import StaffView


def _view(staff: m.Staff) -> StaffView:
    return StaffView(staff.id, staff.username, staff.name, staff.role, staff.active)


def add_staff(db: Database, actor: str | None, username: str, *, name: str, role: str) -> StaffView:
    """Add a staff user. ``actor`` must be an admin once the first admin exists."""
    username = clean_text(username, phrase("username"), 40)
    if not all(c.isalnum() or c in "-_." for c in username):
        raise ValidationError.of(
            "username may hold letters, digits, - _ . only: {username!r}", username=username
        )
    name = clean_text(name, phrase("name"), MAX_NAME)
    try:
        role_value = Role(role)
    except ValueError:
        raise ValidationError.of(
            "unknown role {role!r}; one of: {choices}", role=role, choices=', '.join(r.value for r in Role)
        ) from None
    with db.transaction() as session:
        has_admin = session.scalar(
            select(func.count()).select_from(m.Staff).where(m.Staff.role == Role.ADMIN.value)
        )
        who = "setup"
        if actor is not None:
            who = require(session, actor, "manage").username
        elif has_admin:
            # Bootstrapping from the command line without --as: allowed as the
            # operator's own act on their database, recorded as such in the audit.
            who = "cli"
        if session.scalar(select(m.Staff.id).where(m.Staff.username == username)) is not None:
            raise ConflictError.of("user {username} already exists", username=username)
        staff = m.Staff(username=username, name=name, role=role_value.value, active=True,
                        created_at=db.now())
        session.add(staff)
        session.flush()
        audit(db, session, who, "staff_added", username=username, role=role_value.value)
        return _view(staff)


def list_staff(db: Database, *, role: str | None = None) -> list[StaffView]:
    with db.read() as session:
        stmt = select(m.Staff).order_by(m.Staff.name)
        if role:
            stmt = stmt.where(m.Staff.role == role)
        return [_view(s) for s in session.scalars(stmt)]


def get_staff(db: Database, username: str) -> StaffView:
    from app.services.common import actor_staff

    with db.read() as session:
        return _view(actor_staff(session, username))
