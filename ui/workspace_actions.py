"""The workspace's actions: their texts and shortcuts, and the dialog each one opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from app.services.dto import QuoteView, RequestDetail, WorkEntryView
from ui.context import AppContext

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


def action_texts() -> dict[str, tuple[str, str]]:
    """Workspace action -> (menu/button text, shortcut)."""
    return {
        "take": (Q.translate("Workspace", "&Take request"), "Ctrl+T"),
        "assign": (Q.translate("Workspace", "&Assign…"), "Ctrl+Shift+A"),
        "set_priority": (Q.translate("Workspace", "Change p&riority…"), "Ctrl+Shift+P"),
        "decline": (Q.translate("Workspace", "&Decline…"), "Ctrl+Shift+D"),
        "cancel_request": (Q.translate("Workspace", "Cancel re&quest…"), "Ctrl+Shift+J"),
        "new_quote": (Q.translate("Workspace", "&New quote…"), "Ctrl+N"),
        "edit_draft": (Q.translate("Workspace", "&Edit draft…"), "Ctrl+E"),
        "send_quote": (Q.translate("Workspace", "&Send quote"), "Ctrl+Shift+S"),
        "submit_quote": (Q.translate("Workspace", "Su&bmit for approval"), "Ctrl+Shift+B"),
        "approve_quote": (Q.translate("Workspace", "Appr&ove and send"), "Ctrl+Shift+Y"),
        "return_quote": (Q.translate("Workspace", "Return to dra&ft…"), "Ctrl+Shift+K"),
        "delete_draft": (Q.translate("Workspace", "Delete draft"), ""),
        "preview_pdf": (Q.translate("Workspace", "Quote &PDF…"), "Ctrl+P"),
        "extend_quote": (Q.translate("Workspace", "E&xtend quote…"), "Ctrl+Shift+X"),
        "log_work": (Q.translate("Workspace", "&Log work…"), "Ctrl+L"),
        "edit_work": (Q.translate("Workspace", "Edit work entry…"), "Ctrl+Shift+L"),
        "delete_work": (Q.translate("Workspace", "Delete work entry"), ""),
        "variation": (Q.translate("Workspace", "Propose &variation…"), "Ctrl+Shift+V"),
        "withdraw_variation": (Q.translate("Workspace", "&Withdraw variation…"), "Ctrl+Shift+W"),
        "complete": (Q.translate("Workspace", "&Complete and charge…"), "Ctrl+Shift+C"),
        "topup": (Q.translate("Workspace", "Top-&up…"), "Ctrl+Shift+U"),
        "adjust": (Q.translate("Workspace", "Credit ad&justment…"), ""),
        "charge_document": (Q.translate("Workspace", "C&harge document…"), "Ctrl+Shift+H"),
        "add_note": (Q.translate("Workspace", "Add &note…"), "Ctrl+Shift+N"),
        "attach": (Q.translate("Workspace", "Attach &file…"), "Ctrl+Shift+F"),
        "timer": (Q.translate("Workspace", "Start ti&mer"), "Ctrl+Shift+M"),
    }


def build_actions(parent: QObject) -> dict[str, QAction]:
    """One QAction per workspace action, with its shortcut (window-wide)."""
    actions: dict[str, QAction] = {}
    for name, (text, shortcut) in action_texts().items():
        action = QAction(text, parent)
        action.setObjectName(f"action_{name}")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        actions[name] = action
    return actions


def retranslate_actions(actions: dict[str, QAction]) -> None:
    for name, (text, _shortcut) in action_texts().items():
        actions[name].setText(text)


def make_dialog(name: str, ctx: AppContext, d: RequestDetail, *, quote: QuoteView | None,
                entry: WorkEntryView | None, parent: QWidget) -> QDialog | None:
    """The dialog of a workspace action on request ``d`` (imported when first needed).

    ``quote`` and ``entry`` are the rows selected in the Quotes and Work tabs.
    """
    db, user, number = ctx.db, ctx.username, d.number
    if name in ("new_quote", "edit_draft"):
        from ui.dialogs.quote_composer import QuoteComposerDialog

        return QuoteComposerDialog(db, user, number,
                                   quote=quote if name == "edit_draft" else None, parent=parent)
    if name == "extend_quote":
        from ui.dialogs.extend_quote import ExtendQuoteDialog

        return None if quote is None else ExtendQuoteDialog(db, user, quote, parent=parent)
    if name == "preview_pdf":
        from ui.dialogs.pdf_preview import PdfPreviewDialog

        return None if quote is None else PdfPreviewDialog(db, user, quote.id, parent=parent)
    if name in ("log_work", "edit_work"):
        from ui.dialogs.work_entry import WorkEntryDialog

        return WorkEntryDialog(db, user, number, entry=entry if name == "edit_work" else None,
                               parent=parent)
    if name == "variation":
        from ui.dialogs.variation import VariationDialog

        return VariationDialog(db, user, number, parent=parent)
    if name == "withdraw_variation":
        from ui.dialogs.withdraw_variation import WithdrawVariationDialog

        return WithdrawVariationDialog(db, user, number, parent=parent)
    if name == "complete":
        from ui.dialogs.completion import CompletionDialog

        return CompletionDialog(db, user, number, parent=parent)
    if name == "cancel_request":
        from ui.dialogs.cancel_request import CancelRequestDialog

        return CancelRequestDialog(db, user, number, parent=parent)
    if name == "decline":
        from ui.dialogs.decline import DeclineDialog

        return DeclineDialog(db, user, number, parent=parent)
    if name == "return_quote":
        from ui.dialogs.return_quote import ReturnQuoteDialog

        return None if quote is None else ReturnQuoteDialog(db, user, quote, parent=parent)
    if name == "assign":
        from ui.dialogs.assign import AssignDialog

        return AssignDialog(db, user, number, parent=parent)
    if name == "set_priority":
        from ui.dialogs.priority import PriorityDialog

        return PriorityDialog(db, user, number, parent=parent)
    if name in ("topup", "adjust"):
        from ui.dialogs.credit import CreditDialog

        return CreditDialog(db, user, d.customer.code, mode=name, parent=parent)
    if name == "charge_document":
        from app.domain import permissions
        from ui.finance.charge_dialog import ChargeDialog

        return ChargeDialog(db, user, number, lang=ctx.lang, parent=parent,
                            can_refund=permissions.may("refund", ctx.role))
    return None
