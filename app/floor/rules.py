"""Who signs in and which first pages the floor reads: rules shared by the floor's reads
(:mod:`app.floor.reader`) and their SQLAlchemy counterparts (``app.services.first_reads``,
``ui.connection.signed_in``). No SQL here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from app.services.queue_rows import RequestFilter, StaffView

if TYPE_CHECKING:  # app.db.identity imports hashlib (~20 ms): PostgreSQL's sign-in only
    from app.db.identity import Identity


def staff_member(people: list[StaffView], username: str) -> StaffView:
    """The active staff user ``username`` of ``people``, with ``get_staff``'s errors."""
    found = next((p for p in people if p.username == username), None)
    if found is None:
        raise NotFoundError.of("unknown user: {username}", username=username)
    if not found.active:
        raise ValidationError.of("user {username} is no longer active", username=username)
    return found


def person_signed_in(identity: Identity, people: Callable[[], list[StaffView]],
                     user: str | None = None) -> StaffView:
    """Who works, on PostgreSQL: the staff member of the login itself. ``user`` (``--as``)
    may name only the login, unless the login is trusted maintenance (a superuser or the
    schema's owner), who must name the staff member to act for. ``people``: the staff."""
    if identity.trusted:
        if user:
            return staff_member(people(), user)
        if identity.role is None:
            raise ValidationError.of("this action is done by a staff member: name one (--as USER)")
    elif user and user != identity.login:
        raise PermissionDenied.of("you are signed in as {login}", login=identity.login)
    if identity.role is None:
        raise PermissionDenied.of("the login {login} has no staff record in this database",
                                  login=identity.login)
    if not identity.active:
        raise ValidationError.of("user {username} is no longer active", username=identity.login)
    return staff_member(people(), identity.login or "")


def handles(f: RequestFilter, sort: str) -> bool:
    """Whether a first page is read without the services: sorted by number, filtered by
    states and assignee only (any other field, those of today and any added later, is
    left to ``app.services.queries``)."""
    plain = replace(f, states=None, assignee=None, search=(f.search or "").strip() or None)
    return sort == "number" and plain == RequestFilter()
