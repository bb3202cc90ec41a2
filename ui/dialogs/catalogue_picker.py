"""Pick a routine intervention from the price list, for a line of the quote composer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import CatalogueItemView
from ui import labels
from ui.dialogs.base import resize_within_screen
from ui.tabs.common import align_right, style_list

CODE, DESCRIPTION, CATEGORY, UNIT, PRICE = range(5)


class CataloguePicker(QDialog):
    """The active items of the price list (read by the composer), searchable, those of
    the request's ``category`` (and of every category) unless "All categories" is on."""

    def __init__(self, items: Sequence[CatalogueItemView], category: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._category = category
        self._lang = lang
        self.setWindowTitle(self.tr("Price list"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Code or description"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.all_categories = QCheckBox(self.tr("&All categories"))
        self.all_categories.setToolTip(self.tr("Also the items of other categories than %1")
                                       .replace("%1", labels.category_label(category)))
        self.list = QTreeWidget()
        self.list.setObjectName("catalogueList")
        style_list(self.list, 5)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PRICE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Code"), self.tr("Description"), self.tr("Category"),
                                   self.tr("Unit"), self.tr("List price")])
        self.empty = QLabel()
        self.empty.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox()
        self.add_button = self.buttons.addButton(self.tr("Add &line"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.all_categories)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.all_categories.toggled.connect(self._filter)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemActivated.connect(lambda *_: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._filter()
        self.search.setFocus()
        resize_within_screen(self, 760, 420)

    def shown_codes(self) -> list[str]:
        return [self.list.topLevelItem(i).text(CODE)  # type: ignore[union-attr]
                for i in range(self.list.topLevelItemCount())]

    def _matches(self, item: CatalogueItemView, words: list[str]) -> bool:
        if not self.all_categories.isChecked() and item.category not in (None, self._category):
            return False
        text = f"{item.code} {item.description}".casefold()
        return all(word in text for word in words)

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        self.list.clear()
        for item in self._items:
            if not self._matches(item, words):
                continue
            unit = self.tr("per hour") if item.unit == "hour" else self.tr("fixed")
            row = QTreeWidgetItem([item.code, item.description,
                                   labels.category_label(item.category) if item.category
                                   else self.tr("any"), unit,
                                   labels.money(item.price, self._lang)])
            row.setData(CODE, Qt.ItemDataRole.UserRole, item)
            row.setToolTip(DESCRIPTION, item.description)
            align_right(row, PRICE)
            self.list.addTopLevelItem(row)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.empty.setText("" if self.list.topLevelItemCount() else
                           self.tr("No item matches: try other words or all categories."))
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> CatalogueItemView | None:
        row = self.list.currentItem()
        value = row.data(CODE, Qt.ItemDataRole.UserRole) if row is not None else None
        return value if isinstance(value, CatalogueItemView) else None


def pick(parent: QWidget, items: Sequence[CatalogueItemView], category: str,
         lang: str) -> CatalogueItemView | None:
    """The item chosen in a :class:`CataloguePicker`, or None when cancelled."""
    picker = CataloguePicker(items, category, lang, parent)
    try:
        return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None
    finally:
        picker.deleteLater()
