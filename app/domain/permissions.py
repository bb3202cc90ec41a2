"""Who may do what (DESIGN.md's table). Pure: the services pass in the facts."""

from __future__ import annotations

from decimal import Decimal

from app.domain.enums import Role
from app.domain.errors import PermissionDenied, phrase

R = Role
STAFF_WORK = frozenset({R.TECHNICIAN, R.TEAM_LEAD, R.ADMIN})
LEADS = frozenset({R.TEAM_LEAD, R.ADMIN})
MONEY = frozenset({R.FINANCE, R.ADMIN})

#: action -> (roles allowed, whether a technician is limited to own requests/entries)
RULES: dict[str, tuple[frozenset[Role], bool]] = {
    "take": (STAFF_WORK, False),
    "evaluate": (STAFF_WORK, True),
    "assign": (LEADS, False),
    "decline": (STAFF_WORK, True),
    "draft_quote": (STAFF_WORK, True),
    "send_quote": (STAFF_WORK, True),
    "approve_quote": (LEADS, False),
    "log_work": (STAFF_WORK, True),
    "edit_work": (STAFF_WORK, True),
    "propose_variation": (STAFF_WORK, True),
    "withdraw_variation": (STAFF_WORK, True),
    "complete": (STAFF_WORK, True),
    "cancel_request": (LEADS, False),
    "topup": (MONEY, False),
    "adjust": (MONEY, False),
    "export_pdf": (frozenset(Role), False),
    "manage": (frozenset({R.ADMIN}), False),
    "expire_quotes": (LEADS, False),
    "deliveries": (LEADS, False),
    "view_finance": (LEADS | MONEY, False),
    "refund": (MONEY, False),
    "keep_catalogue": (LEADS, False),
    "annotate": (STAFF_WORK, True),
    "credit_sweep": (MONEY, False),
}

LABELS = {
    "take": phrase("take a request"),
    "evaluate": phrase("evaluate a request"),
    "assign": phrase("assign requests"),
    "decline": phrase("decline a request"),
    "draft_quote": phrase("compose quotes"),
    "send_quote": phrase("send quotes"),
    "approve_quote": phrase("approve or return quotes submitted for approval"),
    "log_work": phrase("log work"),
    "edit_work": phrase("edit work entries"),
    "propose_variation": phrase("propose variations"),
    "withdraw_variation": phrase("withdraw variations"),
    "complete": phrase("complete and charge requests"),
    "cancel_request": phrase("cancel accepted requests"),
    "topup": phrase("record top-ups"),
    "adjust": phrase("record credit adjustments"),
    "export_pdf": phrase("export quote PDFs"),
    "manage": phrase("manage staff and settings"),
    "expire_quotes": phrase("run the quote expiry sweep"),
    "deliveries": phrase("see and retry the delivery of notices"),
    "view_finance": phrase("see charges reports, statements and charge documents"),
    "refund": phrase("refund charges"),
    "keep_catalogue": phrase("change the price list"),
    "annotate": phrase("add notes and attachments to a request"),
    "credit_sweep": phrase("run the credit procedure's sweep"),
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
        raise PermissionDenied.of(
            "{user} ({role}) may not {action}",
            user=username or phrase("this user"), role=actor_role, action=LABELS[action]
        )
    if ownership and own_only and actor_role is R.TECHNICIAN and owner != username:
        raise PermissionDenied.of(
            "{user} ({role}) may {action} only on their own requests",
            user=username, role=actor_role, action=LABELS[action]
        )


def may(action: str, role: str, *, username: str = "", owner: str | None = None) -> bool:
    try:
        check(action, role, username=username, owner=owner)
    except PermissionDenied:
        return False
    return True


def needs_approval(role: str, net: Decimal, limit: Decimal) -> bool:
    """A technician sends quotes only up to a configurable net amount; above it the quote
    is submitted for a team lead's approval (leads and admins send any quote)."""
    return Role(role) is R.TECHNICIAN and net > limit


def check_send_limit(role: str, username: str, net: Decimal, limit: Decimal) -> None:
    """A technician sends quotes only up to a configurable net amount."""
    if needs_approval(role, net, limit):
        raise PermissionDenied.of(
            "{user} (technician) may send quotes up to {limit} net; "
            "this one is {net}: a team lead must send it (submit it for approval)",
            user=username, limit=limit, net=net
        )
