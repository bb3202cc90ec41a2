"""Which workspace actions are available now, and if not, why (for the tooltip).

This only mirrors the services' own checks (``app.domain.permissions`` and
``app.domain.states``) so that buttons are disabled before the user tries; the
services remain the judges and their message is shown if they refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain import permissions, states
from app.services.dto import QuoteView, RequestDetail, WorkEntryView
from ui import labels
from ui.context import AppContext

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

#: workspace action -> (permission action, lifecycle action or None)
ACTIONS: dict[str, tuple[str, str | None]] = {
    "take": ("take", "take"),
    "assign": ("assign", "assign"),
    "set_priority": ("evaluate", "set_priority"),
    "decline": ("decline", "decline"),
    "cancel_request": ("cancel_request", "cancel_accepted"),
    "new_quote": ("draft_quote", "draft_quote"),
    "edit_draft": ("draft_quote", "draft_quote"),
    "send_quote": ("send_quote", "send_quote"),
    "submit_quote": ("send_quote", "send_quote"),
    "approve_quote": ("approve_quote", "send_quote"),
    "return_quote": ("approve_quote", "draft_quote"),
    "delete_draft": ("draft_quote", "draft_quote"),
    "preview_pdf": ("export_pdf", None),
    "extend_quote": ("send_quote", "send_quote"),
    "log_work": ("log_work", "log_work"),
    "edit_work": ("edit_work", "log_work"),
    "delete_work": ("edit_work", "log_work"),
    "variation": ("propose_variation", "propose_variation"),
    "withdraw_variation": ("withdraw_variation", "withdraw_variation"),
    "complete": ("complete", "complete"),
    "topup": ("topup", None),
    "adjust": ("adjust", None),
    "charge_document": ("view_finance", None),
    "add_note": ("annotate", None),
    "attach": ("annotate", None),
    "timer": ("log_work", "log_work"),
}

#: actions limited to a technician's own requests (the owner is the assignee)
OWN_REQUEST = {"decline", "log_work", "variation", "withdraw_variation", "complete", "timer",
               "extend_quote"}
#: ... or to requests assigned to nobody yet (as the services' check_own)
OWN_OR_FREE = {"add_note", "attach"}


@dataclass(frozen=True)
class ActionState:
    enabled: bool
    reason: str = ""  # why not, when disabled


ON = ActionState(True)


def _off(reason: str, arg: str = "") -> ActionState:
    return ActionState(False, reason.replace("%1", arg))


def action_states(
    ctx: AppContext,
    detail: RequestDetail | None,
    *,
    quote: QuoteView | None = None,
    entry: WorkEntryView | None = None,
) -> dict[str, ActionState]:
    """The state of every workspace action for the signed-in user.

    ``quote`` and ``entry`` are the rows selected in the Quotes and Work tabs.
    """
    return {name: _one(ctx, detail, name, perm, lifecycle, quote, entry)
            for name, (perm, lifecycle) in ACTIONS.items()}


def loading_states(reference: str) -> dict[str, ActionState]:
    """Every action off while the highlighted request (``reference``) is being loaded: the
    request still on screen is the one highlighted before."""
    off = _off(Q.translate("ActionRules", "Loading %1…"), reference)
    return dict.fromkeys(ACTIONS, off)


def _one(
    ctx: AppContext,
    detail: RequestDetail | None,
    name: str,
    perm: str,
    lifecycle: str | None,
    quote: QuoteView | None,
    entry: WorkEntryView | None,
) -> ActionState:
    if detail is None:
        return _off(Q.translate("ActionRules", "Select a request first."))
    # not even allowed on one's own records: the role cannot do it at all
    if not permissions.may(perm, ctx.role, username=ctx.username, owner=ctx.username):
        return _off(Q.translate("ActionRules", "Not available to your role (%1)."),
                    labels.role_label(ctx.role))
    owner = detail.assignee
    if name in OWN_OR_FREE:
        owner = owner or ctx.username
    if name in OWN_REQUEST | OWN_OR_FREE and not permissions.may(perm, ctx.role, username=ctx.username,
                                                   owner=owner):
        if owner:
            return _off(Q.translate("ActionRules",
                                    "Only the assignee (%1) or a team lead may do this."), owner)
        return _off(Q.translate("ActionRules",
                                "Only the assignee or a team lead may do this: "
                                "take the request first."))
    if lifecycle is not None and not states.allowed(lifecycle, detail.state):
        return _off(Q.translate("ActionRules", "Not possible while the request is \u201c%1\u201d."),
                    labels.state_label(detail.state))
    return _specific(ctx, detail, name, perm, quote, entry)


def _specific(
    ctx: AppContext,
    detail: RequestDetail,
    name: str,
    perm: str,
    quote: QuoteView | None,
    entry: WorkEntryView | None,
) -> ActionState:
    if name == "take" and ctx.role == "technician" and detail.assignee not in (None, ctx.username):
        return _off(Q.translate("ActionRules", "Assigned to %1: a team lead can reassign it."),
                    detail.assignee or "")
    if name in ("edit_draft", "send_quote", "submit_quote", "delete_draft"):
        draft = quote if quote is not None and quote.state == "draft" else None
        if draft is None:
            return _off(Q.translate("ActionRules", "Select a draft quote in the Quotes tab."))
        over = permissions.needs_approval(ctx.role, draft.net, ctx.send_limit)
        if name == "send_quote" and over:
            return _off(Q.translate("ActionRules",
                                    "Over your sending limit of %1 net: submit it for a team "
                                    "lead's approval."),
                        labels.money(ctx.send_limit, ctx.lang))
        if name == "submit_quote" and not over:
            return _off(Q.translate("ActionRules",
                                    "No approval needed: within your sending limit, send it."))
    if name in ("approve_quote", "return_quote") and (quote is None
                                                      or quote.state != "submitted"):
        return _off(Q.translate("ActionRules",
                                "Select a quote awaiting approval in the Quotes tab."))
    if name == "extend_quote":
        if quote is None or quote.state != "sent":
            return _off(Q.translate("ActionRules",
                                    "Select a sent quote awaiting the customer in the Quotes "
                                    "tab."))
        if ctx.role == "technician" and quote.net > ctx.send_limit:
            return _off(Q.translate("ActionRules",
                                    "Over your sending limit of %1 net: a team lead must send it."),
                        labels.money(ctx.send_limit, ctx.lang))
    if name == "new_quote" and any(q.state == "draft" for q in detail.quotes):
        return _off(Q.translate("ActionRules",
                                "A draft quote exists already: edit it or delete it."))
    if name == "new_quote" and any(q.state == "submitted" for q in detail.quotes):
        return _off(Q.translate("ActionRules", "A quote awaits a team lead's approval."))
    if name == "preview_pdf" and quote is None:
        return _off(Q.translate("ActionRules", "Select a quote in the Quotes tab."))
    if name in ("edit_work", "delete_work"):
        if entry is None:
            return _off(Q.translate("ActionRules", "Select a work entry in the Work tab."))
        if not permissions.may(perm, ctx.role, username=ctx.username, owner=entry.staff):
            return _off(Q.translate("ActionRules",
                                    "Only its author (%1) or a team lead may change this entry."),
                        entry.staff)
    if name == "variation" and any(v.state == "proposed" for v in detail.variations):
        return _off(Q.translate("ActionRules", "A variation is already awaiting the customer."))
    if name == "withdraw_variation" and not any(v.state == "proposed" for v in detail.variations):
        return _off(Q.translate("ActionRules", "No variation is awaiting the customer."))
    if name == "charge_document" and detail.charge is None:
        return _off(Q.translate("ActionRules", "The request has not been charged."))
    if name == "complete" and not detail.work:
        return _off(Q.translate("ActionRules", "Log at least one work entry first."))
    if name == "complete" and any(v.state == "proposed" for v in detail.variations):
        return _off(Q.translate("ActionRules",
                                "A variation awaits the customer's answer: the agreed amount "
                                "is not known yet."))
    if name in ("send_quote", "submit_quote", "approve_quote") and quote is not None \
            and quote.valid_until < ctx.db.today():
        if name == "approve_quote":
            return _off(Q.translate("ActionRules",
                                    "Its validity date is past: return it to draft."))
        return _off(Q.translate("ActionRules",
                                "Its validity date is past: edit the draft first."))
    return ON
