"""Who may do what: DESIGN.md's table, written out here independently of the code."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain import permissions
from app.domain.errors import PermissionDenied

YES, NO, OWN = "yes", "no", "own"

#: action -> (technician, team_lead, finance, admin), from DESIGN.md "Who may do what";
#: "own" for evaluating and quoting too, from issue 8: a technician changes only the
#: requests assigned to them (the quote services count a free request as the drafter's)
TABLE: dict[str, tuple[str, str, str, str]] = {
    "take": (YES, YES, NO, YES),
    "evaluate": (OWN, YES, NO, YES),
    "assign": (NO, YES, NO, YES),
    "decline": (OWN, YES, NO, YES),
    "draft_quote": (OWN, YES, NO, YES),
    "send_quote": (OWN, YES, NO, YES),
    # above the technicians' send limit: the quote is submitted, a lead approves or returns
    "approve_quote": (NO, YES, NO, YES),
    "log_work": (OWN, YES, NO, YES),
    "edit_work": (OWN, YES, NO, YES),
    "propose_variation": (OWN, YES, NO, YES),
    "withdraw_variation": (OWN, YES, NO, YES),
    "cancel_request": (NO, YES, NO, YES),
    "complete": (OWN, YES, NO, YES),
    "topup": (NO, NO, YES, YES),
    "adjust": (NO, NO, YES, YES),
    "export_pdf": (YES, YES, YES, YES),
    "manage": (NO, NO, NO, YES),
    "expire_quotes": (NO, YES, NO, YES),
    "view_finance": (NO, YES, YES, YES),
    "refund": (NO, NO, YES, YES),
    # issue 19: the price list (DESIGN.md), notes and attachments (staff who may work on
    # the request: a technician on their own, or free, requests)
    "keep_catalogue": (NO, YES, NO, YES),
    "annotate": (OWN, YES, NO, YES),
    # issue 18: the notices' delivery by email (see the failed ones, retry)
    "deliveries": (NO, YES, NO, YES),
    # issue 19: the staged credit procedure's sweep (the brief: finance, admin, the worker)
    "credit_sweep": (NO, NO, YES, YES),
}
ROLES = ("technician", "team_lead", "finance", "admin")


def test_the_table_covers_every_rule() -> None:
    assert set(TABLE) == set(permissions.RULES)


@pytest.mark.parametrize("action", sorted(TABLE))
@pytest.mark.parametrize("role_index", range(4))
def test_design_table(action: str, role_index: int) -> None:
    role, rule = ROLES[role_index], TABLE[action][role_index]
    # on one's own request
    assert permissions.may(action, role, username="u", owner="u") is (rule != NO)
    # on someone else's request (or an unassigned one)
    assert permissions.may(action, role, username="u", owner="other") is (rule == YES)
    assert permissions.may(action, role, username="u", owner=None) is (rule == YES)


def test_refusals_name_the_user_role_and_action() -> None:
    with pytest.raises(PermissionDenied) as info:
        permissions.check("topup", "technician", username="mario")
    assert str(info.value) == "mario (technician) may not record top-ups"
    with pytest.raises(PermissionDenied, match=r"^anna \(finance\) may not complete"):
        permissions.check("complete", "finance", username="anna", owner="anna")
    with pytest.raises(PermissionDenied, match="only on their own requests"):
        permissions.check("complete", "technician", username="mario", owner="luigi")


def test_ownership_can_be_checked_later() -> None:
    # the role alone first (the services check the state before the ownership)
    permissions.check("log_work", "technician", username="mario", owner="luigi", ownership=False)
    with pytest.raises(PermissionDenied):
        permissions.check("log_work", "finance", username="anna", ownership=False)


def test_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError):
        permissions.check("take", "customer", username="x")


@pytest.mark.parametrize(("role", "net", "allowed"), [
    ("technician", "1000.00", True),
    ("technician", "999.99", True),
    ("technician", "1000.01", False),
    ("team_lead", "250000.00", True),
    ("admin", "1000000.00", True),
])
def test_send_limit(role: str, net: str, allowed: bool) -> None:
    limit = Decimal("1000.00")
    if allowed:
        permissions.check_send_limit(role, "u", Decimal(net), limit)
    else:
        with pytest.raises(PermissionDenied, match="team lead must send it"):
            permissions.check_send_limit(role, "u", Decimal(net), limit)
