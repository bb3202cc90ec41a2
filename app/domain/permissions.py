"""Who may do what (DESIGN.md's table). Pure: the services pass in the facts."""

from __future__ import annotations

from decimal import Decimal

from app.domain.enums import Role
from app.domain.errors import PermissionDenied

R = Role
STAFF_WORK = frozenset({R.TECHNICIAN, R.TEAM_LEAD, R.ADMIN})
LEADS = frozenset({R.TEAM_LEAD, R.ADMIN})
MONEY = frozenset({R.FINANCE, R.ADMIN})

#: action -> (roles allowed, whether a technician is limited to own requests/entries)
RULES: dict[str, tuple[frozenset[Role], bool]] = {
    "take": (STAFF_WORK, False),
    "evaluate": (STAFF_WORK, False),
    "assign": (LEADS, False),
    "decline": (STAFF_WORK, True),
    "draft_quote": (STAFF_WORK, False),
    "send_quote": (STAFF_WORK, False),
    "log_work": (STAFF_WORK, True),
    "edit_work": (STAFF_WORK, True),
    "propose_variation": (STAFF_WORK, True),
    "complete": (STAFF_WORK, True),
    "topup": (MONEY, False),
    "adjust": (MONEY, False),
    "export_pdf": (frozenset(Role), False),
    "manage": (frozenset({R.ADMIN}), False),
}

LABELS = {
    "take": "take a request",
    "evaluate": "evaluate a request",
    "assign": "assign requests",
    "decline": "decline a request",
    "draft_quote": "compose quotes",
    "send_quote": "send quotes",
    "log_work": "log work",
    "edit_work": "edit work entries",
    "propose_variation": "propose variations",
    "complete": "complete and charge requests",
    "topup": "record top-ups",
    "adjust": "record credit adjustments",
    "export_pdf": "export quote PDFs",
    "manage": "manage staff and settings",
}


def check(
    action: str, role: str, *, username: str = "", owner: str | None = None, ownership: bool = True
) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``action``.

    ``owner`` is the assignee of the request (or the author of a work entry) when the
    action is limited to a technician's own records.
    """
    roles, own_only = RULES[action]
    actor_role = Role(role)
    if actor_role not in roles:
        raise PermissionDenied(f"{username or 'this user'} ({actor_role}) may not {LABELS[action]}")
    if ownership and own_only and actor_role is R.TECHNICIAN and owner != username:
        raise PermissionDenied(
            f"{username} ({actor_role}) may {LABELS[action]} only on their own requests"
        )


def may(action: str, role: str, *, username: str = "", owner: str | None = None) -> bool:
    try:
        check(action, role, username=username, owner=owner)
    except PermissionDenied:
        return False
    return True


def check_send_limit(role: str, username: str, net: Decimal, limit: Decimal) -> None:
    """A technician sends quotes only up to a configurable net amount."""
    if Role(role) is R.TECHNICIAN and net > limit:
        raise PermissionDenied(
            f"{username} (technician) may send quotes up to {limit} net; "
            f"this one is {net}: a team lead must send it"
        )
