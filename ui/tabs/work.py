"""The Work tab: the hours logged, what they are worth against the agreed ceiling."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QTreeWidgetItem, QVBoxLayout, QWidget

from app.services.dto import RequestDetail, WorkEntryView
from ui import labels
from ui.tabs.common import RequestPart, action_buttons, align_right, set_captions, tree

BAR_STYLE = {
    "": "QProgressBar::chunk { background: #2e7d32; }",
    "near": "QProgressBar::chunk { background: #e0a100; }",
    "over": "QProgressBar::chunk { background: #c62828; }",
}


class WorkTab(RequestPart, QWidget):
    """Work entries, and how close the hours are to the agreed ceiling.

    Signals:
        selection_changed(): another entry was selected.
        activated(): an entry was double-clicked or Enter pressed.
    """

    selection_changed = Signal()
    activated = Signal()

    def __init__(self, actions: dict[str, QAction], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("workSummary")
        self.summary.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("workBar")
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.tree = tree(5, self)
        self.tree.setObjectName("workTree")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.tree, 1)
        self.buttons = action_buttons(self, actions, ("log_work", ""), ("timer", ""),
                                      ("edit_work", ""), ("delete_work", ""))
        layout.addLayout(self.buttons)
        self.tree.currentItemChanged.connect(lambda *_: self.selection_changed.emit())
        self.tree.itemActivated.connect(lambda *_: self.activated.emit())
        self.retranslate()

    def translate_texts(self) -> None:
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Who"), self.tr("Duration"),
                                   self.tr("Billable"), self.tr("Note")])
        # the timer's button says what its action says (started or not): set by the workspace
        set_captions(self.buttons, self.tr("Log work…"), "", self.tr("Edit…"), self.tr("Delete"))

    def selected(self) -> WorkEntryView | None:
        item = self.tree.currentItem()
        if item is None or self._detail is None:
            return None
        entry_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self._detail.work if e.id == entry_id), None)

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        keep = self.selected()
        self._detail = d
        self.tree.blockSignals(True)
        self.tree.clear()
        select = None
        for e in d.work:
            item = QTreeWidgetItem([labels.date_str(e.work_date, lang), e.staff_name,
                                    labels.hours(e.minutes), labels.hours(e.billable_minutes),
                                    e.note])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(4, e.note)
            align_right(item, 2, 3)
            self.tree.addTopLevelItem(item)
            if keep is not None and keep.id == e.id:
                select = item
        if select is not None:
            self.tree.setCurrentItem(select)
        self.tree.blockSignals(False)
        self._show_summary(d)

    def _show_summary(self, d: RequestDetail) -> None:
        lang = self._lang
        w = d.work_summary
        text = self.tr("Logged %1 (billable %2).").replace(
            "%1", labels.hours(w.logged_minutes)).replace("%2", labels.hours(w.billable_minutes))
        if w.usage is not None and w.ceiling is not None and w.work_amount is not None:
            percent = int(min(w.usage * 100, Decimal(999)))
            text += " " + self.tr("%1 of the agreed ceiling of %2.").replace(
                "%1", labels.money(w.work_amount, lang)).replace(
                "%2", labels.money(w.ceiling, lang))
            self.bar.setValue(min(percent, 100))
            self.bar.setFormat(f"{percent}%")
            self.bar.setStyleSheet(BAR_STYLE.get(w.warning, ""))
            self.bar.setProperty("warning", w.warning)
            self.bar.show()
            if w.minutes_not_charged:
                text += " <b style='color:#c62828'>" + self.tr(
                    "Over the ceiling: %1 hours (%2) will not be charged. Agree a variation "
                    "with the customer.").replace("%1", labels.hours(w.minutes_not_charged))\
                    .replace("%2", labels.money(w.amount_not_charged, lang)) + "</b>"
            elif w.warning == "over":
                text += " <b style='color:#c62828'>" + self.tr(
                    "The ceiling is reached: further hours will not be charged. "
                    "Agree a variation with the customer.") + "</b>"
            elif w.warning == "near":
                text += " <b style='color:#b35c00'>" + self.tr(
                    "Over 80% of the ceiling: agree a variation in time if more work is "
                    "needed.") + "</b>"
        else:
            self.bar.hide()
            self.bar.setProperty("warning", "")
            if w.ceiling is not None:
                text += " " + self.tr("Fixed price: %1 net whatever the hours.").replace(
                    "%1", labels.money(w.ceiling, lang))
        self.summary.setText(text)
