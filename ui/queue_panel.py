"""The queues on the left of the main window, with live counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.queues import ATTENTION_QUEUES, RETURNED
from ui import labels

if TYPE_CHECKING:
    from app.services.attention import Thresholds

Q = QCoreApplication  # Q.translate(context, text): found by pyside6-lupdate

#: the special queue that lists customers, not requests
CREDIT_EXHAUSTED = "credit_exhausted"
CUSTOMERS = "customers"
#: the team lead's dashboard and finance's customers at risk (ui.finance.pages)
DASHBOARD = "dashboard"
AT_RISK = "at_risk"

WORK_ROLES = ("technician", "team_lead", "admin")
MONEY_ROLES = ("finance", "admin")
LEAD_ROLES = ("team_lead", "admin")
#: the team lead's queues (app.services.attention), shown first to leads
ATTENTION = ATTENTION_QUEUES


def queue_names(role: str) -> list[str]:
    """The queues a role sees, top to bottom."""
    names = [DASHBOARD]
    names += list(ATTENTION) if role in LEAD_ROLES else []
    names += ["mine"] if role in WORK_ROLES else []
    # a technician's quotes above their limit that a team lead returned to draft
    names += [RETURNED] if role == "technician" else []
    names += ["new", "evaluating", "quoted", "accepted", "in_progress", "completed", "closed",
              "all"]
    if role in MONEY_ROLES:
        names += [CREDIT_EXHAUSTED, AT_RISK, CUSTOMERS]
    return names


def queue_title(name: str) -> str:
    titles = {
        "mine": Q.translate("QueuePanel", "My requests"),
        RETURNED: Q.translate("QueuePanel", "Quotes returned to me"),
        "new": Q.translate("QueuePanel", "New"),
        "evaluating": Q.translate("QueuePanel", "Evaluating"),
        "quoted": Q.translate("QueuePanel", "Awaiting customer"),
        "accepted": Q.translate("QueuePanel", "Accepted"),
        "in_progress": Q.translate("QueuePanel", "In progress"),
        "completed": Q.translate("QueuePanel", "Completed"),
        "closed": Q.translate("QueuePanel", "Closed"),
        "all": Q.translate("QueuePanel", "All requests"),
        DASHBOARD: Q.translate("QueuePanel", "Dashboard"),
        CREDIT_EXHAUSTED: Q.translate("QueuePanel", "Accounts in credit exhaustion"),
        AT_RISK: Q.translate("QueuePanel", "Customers at risk"),
        CUSTOMERS: Q.translate("QueuePanel", "All customers"),
        "to_approve": Q.translate("QueuePanel", "Quotes to approve"),
        "undelivered": Q.translate("QueuePanel", "Notices not delivered"),
        "lead_drafts": Q.translate("QueuePanel", "Drafts to send"),
        "expiring": Q.translate("QueuePanel", "Quotes expiring"),
        "waiting_variations": Q.translate("QueuePanel", "Variations waiting"),
        "unassigned": Q.translate("QueuePanel", "Unassigned new requests"),
        "near_ceiling": Q.translate("QueuePanel", "Work near its ceiling"),
    }
    return titles.get(name, name)


def queue_hint(name: str) -> str:
    hints = {
        "mine": Q.translate("QueuePanel", "Open requests assigned to you"),
        RETURNED: Q.translate("QueuePanel", "Your quotes a team lead returned to draft: read "
                                            "why in the Quotes tab, change them and submit "
                                            "them again"),
        "quoted": Q.translate("QueuePanel",
                              "A quote was sent: waiting for the customer's answer"),
        "closed": Q.translate("QueuePanel", "Declined, rejected, expired or cancelled"),
        CREDIT_EXHAUSTED: Q.translate("QueuePanel",
                                      "Customers whose credit does not cover their charges"),
        DASHBOARD: Q.translate("QueuePanel", "The department at a glance"),
        AT_RISK: Q.translate("QueuePanel",
                             "Customers whose credit does not cover their accepted work"),
    }
    return hints.get(name, "")


def attention_hint(name: str, t: Thresholds) -> str:
    """What a team lead's queue holds, with its threshold (a shared setting)."""
    hints = {
        "to_approve": Q.translate(
            "QueuePanel", "Quotes submitted by technicians above their limit of %1 net: "
                          "approve and send them, or return them with a reason"),
        "lead_drafts": Q.translate(
            "QueuePanel", "Draft quotes above the technicians' limit of %1 net: a team lead "
                          "sends them"),
        "expiring": Q.translate(
            "QueuePanel", "Quotes awaiting the customer that expire within %1 days"),
        "waiting_variations": Q.translate(
            "QueuePanel", "Variations awaiting the customer's agreement for more than %1 days"),
        "unassigned": Q.translate(
            "QueuePanel", "New requests nobody took for more than %1 working hours "
                          "(Monday to Friday, 9 to 18)"),
        "near_ceiling": Q.translate(
            "QueuePanel", "Hourly work in progress at %1 % of its agreed ceiling or more"),
        "undelivered": Q.translate(
            "QueuePanel", "Requests with a notice whose email failed after every retry: "
                          "retry it from the Notices tab (right click)"),
    }
    values = {"to_approve": labels.money(t.send_limit, labels.current_lang()),
              "lead_drafts": labels.money(t.send_limit, labels.current_lang()),
              "expiring": str(t.expiring_days), "waiting_variations": str(t.variation_days),
              "unassigned": str(t.unassigned_hours), "near_ceiling": str(t.ceiling_percent),
              "undelivered": ""}
    return hints[name].replace("%1", values[name])


class QueuePanel(QTreeWidget):
    """A list of queues; each shows how many requests (or accounts) it holds.

    Signals:
        queue_selected(str): the user picked a queue (its QUEUES name, or
            "credit_exhausted" / "customers").
    """

    queue_selected = Signal(str)

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Queues"), ""])
        self.setStyleSheet("QTreeWidget#queuePanel::item { padding: 4px 2px; }")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setIndentation(0)
        self.setIconSize(QSize(0, 0))
        self.setAccessibleName(self.tr("Queues"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        for name in queue_names(role):
            item = QTreeWidgetItem([queue_title(name), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            hint = queue_hint(name)
            if hint:
                item.setToolTip(0, hint)
            self.addTopLevelItem(item)
            self._items[name] = item
        self.currentItemChanged.connect(self._on_current)
        # a queue with work waiting is in bold: its title is measured bold, so that
        # 'Conti in esaurimento del credito' is never cut
        bold = QFont(self.font())
        bold.setBold(True)
        widest = max((QFontMetrics(bold).horizontalAdvance(item.text(0)) + 8
                      for item in self._items.values()), default=0)
        self.setMinimumWidth(max(self.sizeHintForColumn(0), widest) + 60)

    @property
    def names(self) -> list[str]:
        return list(self._items)

    def current_queue(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def select_queue(self, name: str) -> None:
        item = self._items.get(name)
        if item is not None:
            self.setCurrentItem(item)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show the counts; a queue with work waiting in it is shown in bold."""
        counts = dict(counts)
        if CUSTOMERS in self._items:
            counts.pop(CUSTOMERS, None)
        for name, item in self._items.items():
            if name not in counts:
                continue
            value = counts[name]
            item.setText(1, str(value))
            font = QFont(item.font(0))
            font.setBold(value > 0 and name in ("mine", "new", CREDIT_EXHAUSTED, AT_RISK,
                                                RETURNED, *ATTENTION))
            item.setFont(0, font)
            item.setFont(1, font)

    def set_thresholds(self, t: Thresholds) -> None:
        """The team lead's queues say in their tooltip what they hold (the settings)."""
        for name in ATTENTION:
            item = self._items.get(name)
            if item is not None:
                item.setToolTip(0, attention_hint(name, t))

    def item_of(self, name: str) -> QTreeWidgetItem:
        return self._items[name]

    def count_text(self, name: str) -> str:
        item = self._items.get(name)
        return "" if item is None else item.text(1)

    def _on_current(self, current: QTreeWidgetItem | None,
                    _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.queue_selected.emit(str(current.data(0, Qt.ItemDataRole.UserRole)))
