"""The timelines of a request: variations, history (audit events), customer notices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.services.dto import NoticeView, RequestDetail
from ui import labels
from ui.details_format import describe
from ui.tabs.common import (
    RequestPart,
    action_buttons,
    align_right,
    set_captions,
    style_list,
    tree,
)


class VariationsTab(RequestPart, QWidget):
    """Variations proposed on the request, newest first."""

    def __init__(self, actions: dict[str, QAction], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        self.tree = tree(5, self)
        self.tree.setObjectName("variationsTree")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        self.buttons = action_buttons(self, actions, ("variation", ""),
                                      ("withdraw_variation", ""))
        layout.addLayout(self.buttons)
        self.retranslate()

    def translate_texts(self) -> None:
        self.tree.setHeaderLabels([self.tr("Proposed"), self.tr("By"),
                                   self.tr("New agreed amount"), self.tr("State"),
                                   self.tr("Reason")])
        set_captions(self.buttons, self.tr("Propose variation…"), self.tr("Withdraw…"))

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        self._detail = d
        self.tree.clear()
        for v in reversed(d.variations):
            item = QTreeWidgetItem([labels.datetime_str(v.proposed_at, lang),
                                    labels.person(v.proposed_by, d.people),
                                    labels.money(v.amount, lang),
                                    labels.variation_state_label(v.state), v.reason])
            item.setToolTip(4, v.reason)
            align_right(item, 2)
            self.tree.addTopLevelItem(item)


class HistoryTree(RequestPart, QTreeWidget):
    """The request's audit events, newest first, each as one readable line."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        style_list(self, 4)
        self.setObjectName("historyTree")
        self.retranslate()

    def translate_texts(self) -> None:
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                              self.tr("Details")])

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        self._detail = d
        self.clear()
        for event in reversed(d.history):
            details = describe(event.action, event.details, lang, d.people)
            item = QTreeWidgetItem([labels.datetime_str(event.at, lang),
                                    labels.actor_label(event.actor, d.people),
                                    labels.action_label(event.action), details])
            item.setToolTip(3, details)
            self.addTopLevelItem(item)


class NoticesTree(RequestPart, QTreeWidget):
    """What the customer was told about the request (the notice outbox), newest first.

    Signals:
        retry_requested(int): Retry email on a notice whose delivery failed (its id).
    """

    retry_requested = Signal(int)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        style_list(self, 4)
        self.setObjectName("noticesTree")
        self.retry_action = QAction(self)
        self.retry_action.setObjectName("retryNotice")
        self.retry_action.triggered.connect(self._retry)
        self.addAction(self.retry_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.currentItemChanged.connect(lambda *_: self._update_retry())
        self.retranslate()

    def translate_texts(self) -> None:
        self.setHeaderLabels([self.tr("When"), self.tr("Notice"), self.tr("Email"),
                              self.tr("Details")])
        self.retry_action.setText(self.tr("Retry email"))

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        self._detail = d
        self.clear()
        for notice in reversed(d.notices):
            details = describe(notice.kind, notice.payload, lang)
            delivery = self.delivery_text(notice)
            item = QTreeWidgetItem([labels.datetime_str(notice.at, lang),
                                    labels.notice_label(notice.kind), delivery, details])
            item.setToolTip(2, notice.error or (self.tr("Sent %1").replace(
                "%1", labels.datetime_str(notice.sent_at, lang)) if notice.sent_at else delivery))
            item.setToolTip(3, details)
            if notice.delivery_state == "failed":
                item.setForeground(2, QColor("#c62828"))
            item.setData(0, Qt.ItemDataRole.UserRole, notice.id)
            item.setData(1, Qt.ItemDataRole.UserRole, notice.delivery_state)
            self.addTopLevelItem(item)
        self._update_retry()

    def _update_retry(self) -> None:
        item = self.currentItem()
        self.retry_action.setEnabled(
            item is not None and item.data(1, Qt.ItemDataRole.UserRole) == "failed")

    def _retry(self) -> None:
        item = self.currentItem()
        if item is not None and item.data(1, Qt.ItemDataRole.UserRole) == "failed":
            self.retry_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def delivery_text(self, notice: NoticeView) -> str:
        """How the notice's email went: sent (when), waiting (tries so far), not delivered."""
        if notice.delivery_state == "sent":
            return self.tr("Sent")  # when: in its tooltip
        if notice.delivery_state == "failed":
            return self.tr("Not delivered (%n attempt(s))", "", notice.attempts)
        if notice.delivery_state == "pending":
            return (self.tr("Waiting (%n attempt(s))", "", notice.attempts) if notice.attempts
                    else self.tr("Waiting"))
        return "—"  # before email delivery existed

