"""Staff users, their roles and (on PostgreSQL) their database logins.

On PostgreSQL each staff member signs in with a login of their own, named as their user
name: the records and the logins change together, through the server functions of
migration 0007 (an admin's, or trusted maintenance's). The embedded SQLite file has no
logins: there the same use cases change the records only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import Role
from app.domain.errors import ConflictError, NotFoundError, ValidationError, phrase
from app.domain.texts import check_password
from app.services.common import MAX_NAME, MAX_USERNAME, actor_staff, audit, clean_text, require
from app.services.dto import StaffView


@dataclass(frozen=True)
class WhoAmI:
    """Who a session acts as: the staff member (None: trusted maintenance acting for no
    one in particular) and the database login (None on SQLite)."""

    username: str | None
    name: str | None
    role: str | None
    login: str | None
    trusted: bool


def _view(staff: m.Staff) -> StaffView:
    return StaffView(staff.id, staff.username, staff.name, staff.role, staff.active)


def _username(username: str) -> str:
    username = clean_text(username, phrase("username"), MAX_USERNAME)
    if not all(c.isalnum() or c in "-_." for c in username) or not username.isascii():
        raise ValidationError.of(
            "username may hold letters, digits, - _ . only: {username!r}", username=username
        )
    return username


def _role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise ValidationError.of(
            "unknown role {role!r}; one of: {choices}", role=role, choices=', '.join(r.value for r in Role)
        ) from None


def _password(password: str | None) -> str | None:
    if password is None:
        return None
    return check_password(password)


def require_logins(db: Database) -> None:
    """Logins and passwords are PostgreSQL's: the embedded database has none."""
    if db.is_sqlite:
        raise ValidationError.of("the embedded database has no logins and no passwords")


def _admin(db: Database, session: Session, actor: str | None) -> tuple[str, str | None]:
    """Who manages staff: an admin, or trusted maintenance acting for no one (returns the
    audit's name and the staff member acted for)."""
    acted_for = db.acting(actor)
    if acted_for is None:
        return db.identity().label, None
    return require(session, acted_for, "manage").username, acted_for


def _verifier(session: Session, username: str, password: str | None) -> str | None:
    """The SCRAM verifier of a password, made here: the password never reaches the
    server (nor its logs) in clear."""
    if password is None:
        return None
    driver = session.connection().connection.driver_connection
    verifier = driver.pgconn.encrypt_password(  # type: ignore[union-attr]
        password.encode("utf-8"), username.encode("utf-8"), b"scram-sha-256")
    return bytes(verifier).decode("ascii")


def add_staff(
    db: Database,
    actor: str | None,
    username: str,
    *,
    name: str,
    role: str,
    password: str | None = None,
    login: bool = True,
) -> StaffView:
    """Add a staff user (an admin's act, or trusted maintenance's: ``actor`` None).

    On PostgreSQL with ``login`` the staff member's login is created with the record, or
    an existing login of that name is linked (its password changed only if ``password``
    is given). A record made without a login (``login=False``: tests, the demo, an older
    database) gets one when it is added again.
    """
    username = _username(username)
    name = clean_text(name, phrase("name"), MAX_NAME)
    role_value = _role(role)
    password = _password(password)
    with db.transaction() as session:
        who, acted_for = _admin(db, session, actor)
        if not db.is_sqlite:
            row = session.execute(text(
                "SELECT * FROM rit_staff_add(:u, :n, :r, :p, :l, :a, CAST(:at AS timestamp))"),
                {"u": username, "n": name, "r": role_value, "l": login, "a": acted_for,
                 "p": _verifier(session, username, password) if login else None,
                 "at": db.now()}).one()
            return StaffView(row.id, row.username, row.name, row.role, row.active)
        if password is not None:
            require_logins(db)
        if session.scalar(select(m.Staff.id).where(m.Staff.username == username)) is not None:
            raise ConflictError.of("user {username} already exists", username=username)
        staff = m.Staff(username=username, name=name, role=role_value, active=True,
                        created_at=db.now())
        session.add(staff)
        session.flush()
        audit(db, session, who, "staff_added", username=username, role=role_value)
        return _view(staff)


def _target(session: Session, username: str) -> m.Staff:
    staff = session.scalar(select(m.Staff).where(m.Staff.username == username))
    if staff is None:
        raise NotFoundError.of("unknown user: {username}", username=username)
    return staff


def _last_admin(session: Session, staff: m.Staff) -> None:
    others = session.scalar(select(func.count()).select_from(m.Staff).where(
        m.Staff.role == Role.ADMIN.value, m.Staff.active, m.Staff.id != staff.id))
    if staff.role == Role.ADMIN and staff.active and not others:
        raise ConflictError.of(
            "{username} is the last active admin: make someone else admin first",
            username=staff.username)


def set_role(db: Database, actor: str | None, username: str, role: str) -> StaffView:
    """Change a staff member's role (and, on PostgreSQL, their login's group)."""
    role_value = _role(role)
    with db.transaction() as session:
        who, acted_for = _admin(db, session, actor)
        if not db.is_sqlite:
            row = session.execute(text(
                "SELECT * FROM rit_staff_set_role(:u, :r, :a, CAST(:at AS timestamp))"),
                {"u": username, "r": role_value, "a": acted_for, "at": db.now()}).one()
            return StaffView(row.id, row.username, row.name, row.role, row.active)
        staff = _target(session, username)
        if role_value != Role.ADMIN:
            _last_admin(session, staff)
        before = staff.role
        staff.role = role_value
        audit(db, session, who, "staff_role_changed", username=username, before=before,
              after=role_value)
        return _view(staff)


def deactivate(db: Database, actor: str | None, username: str) -> StaffView:
    """A staff member leaves: the record stays (the history names it); on PostgreSQL the
    login can no longer work in this database."""
    with db.transaction() as session:
        who, acted_for = _admin(db, session, actor)
        if not db.is_sqlite:
            row = session.execute(text(
                "SELECT * FROM rit_staff_deactivate(:u, :a, CAST(:at AS timestamp))"),
                {"u": username, "a": acted_for, "at": db.now()}).one()
            return StaffView(row.id, row.username, row.name, row.role, row.active)
        staff = _target(session, username)
        _last_admin(session, staff)
        staff.active = False
        audit(db, session, who, "staff_deactivated", username=username)
        return _view(staff)


def change_password(db: Database, actor: str | None, password: str,
                    username: str | None = None) -> str:
    """A new password for one's own login, or (an admin, trusted maintenance) for
    ``username``'s. Returns whose password changed."""
    password = _password(password) or ""
    require_logins(db)
    acted_for = db.acting(actor)
    target = username or acted_for or db.identity().login or ""
    with db.transaction() as session:
        session.execute(text(
            "SELECT rit_staff_password(:u, :p, :a, CAST(:at AS timestamp))"),
            {"u": target, "p": _verifier(session, target, password), "a": acted_for,
             "at": db.now()})
    return target


def needs_login(db: Database, username: str) -> bool:
    """Whether a staff record has no login in this database yet (an older database, or a
    record made without one): ``add_staff`` gives it one. Never on SQLite."""
    if db.is_sqlite:
        return False
    with db.read() as session:
        return not session.execute(text("SELECT rit_login_linked(:u)"), {"u": username}).scalar()


def link_portal_login(db: Database, login: str, password: str | None = None) -> str:
    """A login for the control panel (made, or an existing plain login linked): run by
    whoever runs ``init`` (it may create roles); with ``password``, its password."""
    from app.db import privileges

    login = _username(login)
    password = _password(password)
    require_logins(db)
    with db.transaction() as session:
        privileges.link_portal(session.connection(), login)
        audit(db, session, db.identity().label, "portal_login_linked", login=login)
        if password is not None:
            _portal_password(db, session, login, password, None)
    return login


def link_worker_login(db: Database, login: str, password: str | None = None) -> str:
    """A login for the worker (made, or an existing plain login linked): a member of the
    ``worker`` group role, with exactly the grants of its jobs; run by whoever runs
    ``init`` (it may create roles); with ``password``, its password (sent as a SCRAM
    verifier, never in clear)."""
    from app.db import privileges

    login = _username(login)
    password = _password(password)
    require_logins(db)
    with db.transaction() as session:
        try:
            privileges.link_worker(session.connection(), login)
        except privileges.PrivilegeError as exc:
            raise ValidationError.of("{problem}", problem=str(exc)) from exc
        audit(db, session, db.identity().label, "worker_login_linked", login=login)
        verifier = _verifier(session, login, password)
        if verifier is not None:
            statement = session.scalar(text("SELECT format('ALTER ROLE %I PASSWORD %L', "
                                            "CAST(:l AS text), CAST(:p AS text))"),
                                       {"l": login, "p": verifier})
            session.connection().exec_driver_sql(str(statement))  # (no binds: a literal)
    return login


def portal_logins(session: Session) -> list[str]:
    """The control panel's logins of this database (PostgreSQL)."""
    return list(session.scalars(text(
        "SELECT u.rolname FROM pg_auth_members am JOIN pg_roles u ON u.oid = am.member "
        "JOIN pg_roles g ON g.oid = am.roleid JOIN role_names r ON r.name = g.rolname "
        "WHERE r.role = 'portal' AND u.rolcanlogin ORDER BY u.rolname")))


def _portal_password(db: Database, session: Session, login: str, password: str,
                     acted_for: str | None) -> None:
    session.execute(text("SELECT rit_portal_password(:l, :p, :a, CAST(:at AS timestamp))"),
                    {"l": login, "p": _verifier(session, login, password), "a": acted_for,
                     "at": db.now()})


def change_portal_password(db: Database, actor: str | None, password: str,
                           login: str | None = None) -> str:
    """A new password for the control panel's login (an admin, trusted maintenance):
    ``login``, or the database's only one. Returns the login."""
    password = _password(password) or ""
    require_logins(db)
    acted_for = db.acting(actor)
    with db.transaction() as session:
        if login is None:
            logins = portal_logins(session)
            if not logins:
                raise NotFoundError.of("this database has no control panel login: make one "
                                       "with init --portal LOGIN")
            if len(logins) > 1:
                raise ValidationError.of(
                    "this database has {count} control panel logins: name the one whose "
                    "password changes", count=len(logins))
            login = logins[0]
        _portal_password(db, session, login, password, acted_for)
    return login


def whoami(db: Database, actor: str | None = None) -> WhoAmI:
    """Who this session acts as (``actor``: ``--as``, honoured for trusted maintenance)."""
    identity = db.identity()
    acted_for = db.acting(actor)
    if acted_for is None:
        return WhoAmI(None, None, None, identity.login, identity.trusted)
    if not identity.trusted:  # the login's own record, as the database told it
        if identity.role is None:
            raise NotFoundError.of("the login {login} has no staff record in this database",
                                   login=acted_for)
        if not identity.active:
            raise ValidationError.of("user {username} is no longer active", username=acted_for)
        return WhoAmI(acted_for, identity.name, identity.role, identity.login, False)
    with db.read() as session:
        staff = session.scalar(select(m.Staff).where(m.Staff.username == acted_for))
        if staff is None:
            if identity.login == acted_for:
                raise NotFoundError.of("the login {login} has no staff record in this database",
                                       login=acted_for)
            raise NotFoundError.of("unknown user: {username}", username=acted_for)
        return WhoAmI(staff.username, staff.name, staff.role, identity.login, identity.trusted)


def list_staff(db: Database, *, role: str | None = None) -> list[StaffView]:
    with db.read() as session:
        stmt = select(m.Staff).order_by(m.Staff.name)
        if role:
            stmt = stmt.where(m.Staff.role == role)
        return [_view(s) for s in session.scalars(stmt)]


def get_staff(db: Database, username: str) -> StaffView:
    with db.read() as session:
        return _view(actor_staff(session, username))
