"""The Quotes tab: every revision of the request's quote, and the selected one's lines."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.money import format_percent
from app.services.dto import QuoteView, RequestDetail
from ui import labels
from ui.tabs.common import (
    RequestPart,
    action_buttons,
    add_action_buttons,
    align_right,
    set_captions,
    tree,
)

#: quote states shown greyed out (no longer in force)
PAST_STATES = ("superseded", "withdrawn", "expired", "rejected", "replaced")


class QuotesTab(RequestPart, QWidget):
    """The quote revisions, newest first; the selected revision's lines below.

    Signals:
        selection_changed(): another revision was selected.
        activated(object): a revision was double-clicked or Enter pressed (its QuoteView).
    """

    selection_changed = Signal()
    activated = Signal(object)

    def __init__(self, actions: dict[str, QAction], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        self.tree = tree(8, self)
        self.tree.setObjectName("quotesTree")
        self.lines = QLabel(self)
        self.lines.setObjectName("quoteLines")
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lines.setContentsMargins(4, 4, 4, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.lines, 0)
        self.buttons = action_buttons(
            self, actions, ("edit_draft", ""), ("send_quote", ""), ("delete_draft", ""),
            ("preview_pdf", ""), ("extend_quote", ""))
        # the approval's buttons show only when they apply: a technician's draft above the
        # sending limit, a team lead's quote awaiting approval
        add_action_buttons(self.buttons, self, actions, ("submit_quote", ""),
                           ("approve_quote", ""), ("return_quote", ""), when_enabled=True)
        self._actions = actions
        for name in ("submit_quote", "approve_quote", "return_quote"):
            actions[name].changed.connect(self._arrange)
        self._arrange()
        layout.addLayout(self.buttons)
        self.tree.currentItemChanged.connect(self._on_selected)
        self.tree.itemActivated.connect(self._on_activated)
        self.retranslate()

    def _arrange(self) -> None:
        """One row of buttons that fits: "Submit for approval" takes the place of "Send"
        (a technician's draft above the limit), "Approve" and "Return" those of the draft's
        buttons (a quote awaiting approval, for a team lead)."""
        a = self._actions
        approval = a["approve_quote"].isEnabled() or a["return_quote"].isEnabled()
        for name in ("edit_draft", "delete_draft"):
            self._button(name).setVisible(not approval)
        self._button("send_quote").setVisible(not approval
                                              and not a["submit_quote"].isEnabled())

    def _button(self, name: str) -> QPushButton:
        button = self.findChild(QPushButton, f"button_{name}")
        assert button is not None
        return button

    def translate_texts(self) -> None:
        self.tree.setHeaderLabels([self.tr("Rev."), self.tr("Kind"), self.tr("State"),
                                   self.tr("Net"), self.tr("VAT"), self.tr("Total"),
                                   self.tr("Valid until"), self.tr("Sent")])
        set_captions(self.buttons, self.tr("Edit…"), self.tr("Send…"), self.tr("Delete"),
                     self.tr("PDF…"), self.tr("Extend…"), self.tr("Submit for approval…"),
                     self.tr("Approve and send…"), self.tr("Return to draft…"))

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        keep = self.selected()
        self._detail = d
        self.tree.blockSignals(True)
        self.tree.clear()
        select: QTreeWidgetItem | None = None
        for q in reversed(d.quotes):
            item = QTreeWidgetItem([
                str(q.revision), labels.quote_kind_label(q.kind), labels.quote_state_label(q.state),
                labels.money(q.net, lang), labels.money(q.vat, lang), labels.money(q.total, lang),
                labels.date_str(q.valid_until, lang), labels.date_str(q.sent_at, lang),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, q.id)
            align_right(item, 0, 3, 4, 5)
            if q.state in PAST_STATES:
                for col in range(8):
                    item.setForeground(col, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
            if keep is not None and keep.id == q.id:
                select = item
        if select is None and self.tree.topLevelItemCount():
            select = self.tree.topLevelItem(0)
        if select is not None:
            self.tree.setCurrentItem(select)
        self.tree.blockSignals(False)
        self._show_lines()

    def selected(self) -> QuoteView | None:
        item = self.tree.currentItem()
        if item is None or self._detail is None:
            return None
        quote_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((q for q in self._detail.quotes if q.id == quote_id), None)

    def _show_lines(self) -> None:
        quote = self.selected()
        self.lines.setText(self.tr("No quote yet.") if quote is None else self._text(quote))

    def _on_selected(self, *_: Any) -> None:
        self._show_lines()
        self.selection_changed.emit()

    def _on_activated(self, *_: Any) -> None:
        quote = self.selected()
        if quote is not None:
            self.activated.emit(quote)

    def _text(self, q: QuoteView) -> str:
        lang = self._lang
        rows: list[str] = []
        if q.kind == "hourly":
            rows.append(self.tr("Hourly rate %1 × %2 estimated hours: indicative %3 net").replace(
                "%1", labels.money(q.hourly_rate, lang)).replace(
                "%2", labels.number(q.estimated_hours, lang)).replace(
                "%3", labels.money(q.net, lang)))
        for line in q.lines:
            rows.append(f"{escape(line.description)}: {labels.number(line.quantity, lang)} × "
                        f"{labels.money(line.unit_price, lang)} = "
                        f"<b>{labels.money(line.amount, lang)}</b>")
        rows.append(self.tr("VAT %1: %2 · total <b>%3</b>").replace(
            "%1", format_percent(q.vat_rate, lang)).replace(
            "%2", labels.money(q.vat, lang)).replace("%3", labels.money(q.total, lang)))
        if q.notes:
            rows.append(f"<i>{escape(q.notes)}</i>")
        return "<br>".join(self._approval(q) + rows)

    def _approval(self, q: QuoteView) -> list[str]:
        """Where the quote stands with a team lead: awaiting approval, or returned (why)."""
        people = self._detail.people if self._detail is not None else {}
        lang = self._lang
        if q.stored_state == "submitted":
            return ["<b>" + escape(self.tr("Awaiting a team lead's approval: submitted by %1 "
                                           "on %2.").replace(
                "%1", labels.person(q.submitted_by, people)).replace(
                "%2", labels.date_str(q.submitted_at, lang)), quote=False) + "</b>"]
        if q.stored_state == "draft" and q.return_reason:
            text = self.tr("Returned by %1 on %2: %3").replace(
                "%1", labels.person(q.returned_by, people)).replace(
                "%2", labels.date_str(q.returned_at, lang)).replace("%3", q.return_reason)
            return [f"<b style='color:#b35900'>{escape(text, quote=False)}</b>"]
        return []
