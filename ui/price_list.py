"""The price list of routine interventions in a window (issue 19; until now ``catalogue``
on the command line only): searchable, filtered by category, retired items on request.
Team leads and admins add, change and retire items (:mod:`ui.dialogs.catalogue_item`);
technicians and finance see the same list read-only (the buttons disabled, saying why).
Everything is read and written through :mod:`app.services.catalogue`, off the GUI thread."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from app.db.database import Database
from app.domain import permissions
from app.services import catalogue
from app.services.dto import CatalogueItemView
from ui import labels
from ui.confirm import ask
from ui.dialogs.base import ServiceDialog, resize_within_screen
from ui.dialogs.catalogue_item import CatalogueItemDialog
from ui.tabs.common import align_right, style_list

CODE, DESCRIPTION, CATEGORY, UNIT, PRICE, STATE = range(6)
EVERY = ""  # the category filter: every item


def _all_items(db: Database) -> list[CatalogueItemView]:
    return catalogue.list_items(db, include_retired=True)


class PriceListWindow(ServiceDialog):
    """The price list; ``role`` decides whether it may be changed here."""

    guards_input = False  # a list to look at: closing never loses anything typed

    def __init__(self, db: Database, actor: str, role: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._items: list[CatalogueItemView] = []
        self._may_edit = permissions.may("keep_catalogue", role)
        self.setWindowTitle(self.tr("Price list"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Code or description"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(self.tr("Every category"), EVERY)
        for code, label in labels.categories():
            self.category.addItem(label, code)
        category_label = QLabel(self.tr("Cate&gory:"))
        category_label.setBuddy(self.category)
        self.show_retired = QCheckBox(self.tr("Show &retired"))
        self.show_retired.setObjectName("show_retired")
        self.list = QTreeWidget()
        self.list.setObjectName("priceList")
        style_list(self.list, 6)
        self.list.setHeaderLabels([self.tr("Code"), self.tr("Description"), self.tr("Category"),
                                   self.tr("Unit"), self.tr("List price"), self.tr("State")])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column in (CODE, CATEGORY, UNIT, PRICE, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: palette(mid);")
        self.empty.setWordWrap(True)

        role_only = self.tr("Only team leads and admins change the price list.")
        self.add_item = self.add_button(self.tr("&Add…"), QDialogButtonBox.ButtonRole.ActionRole,
                                        self._add)
        self.edit_item = self.add_button(self.tr("&Edit…"),
                                         QDialogButtonBox.ButtonRole.ActionRole, self._edit)
        self.retire_item = self.add_button(self.tr("Re&tire…"),
                                           QDialogButtonBox.ButtonRole.ActionRole, self._retire)
        for button, name in ((self.add_item, "add_item"), (self.edit_item, "edit_item"),
                             (self.retire_item, "retire_item")):
            button.setObjectName(name)
            if not self._may_edit:
                button.setToolTip(role_only)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(category_label)
        top.addWidget(self.category)
        top.addWidget(self.show_retired)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        if not self._may_edit:
            note = QLabel(self.tr("Read only: %1").replace("%1", role_only))
            note.setObjectName("read_only")
            layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.category.currentIndexChanged.connect(self._filter)
        self.show_retired.toggled.connect(self._filter)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemActivated.connect(lambda *_: self._edit())
        self.search.setFocus()
        resize_within_screen(self, 860, 480)
        self.reload()

    # -- reading -----------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the price list again (off the GUI thread), selecting ``select``."""
        self.load(partial(_all_items, self._db), partial(self._loaded, select))

    def _loaded(self, select: str | None, items: list[CatalogueItemView]) -> None:
        self._items = items
        self._filter(select=select)

    def shown_codes(self) -> list[str]:
        return [self.list.topLevelItem(i).text(CODE)  # type: ignore[union-attr]
                for i in range(self.list.topLevelItemCount())]

    def _matches(self, item: CatalogueItemView, words: list[str]) -> bool:
        wanted = str(self.category.currentData() or EVERY)
        if wanted != EVERY and item.category not in (None, wanted):
            return False
        if not item.active and not self.show_retired.isChecked():
            return False
        text = f"{item.code} {item.description}".casefold()
        return all(word in text for word in words)

    def _filter(self, *_: object, select: str | None = None) -> None:
        current = self.chosen()
        chosen = select or (current.code if current is not None else None)
        words = self.search.text().casefold().split()
        self.list.clear()
        for item in self._items:
            if not self._matches(item, words):
                continue
            row = QTreeWidgetItem([
                item.code, item.description,
                labels.category_label(item.category) if item.category else self.tr("any"),
                self.tr("per hour") if item.unit == "hour" else self.tr("fixed"),
                labels.money(item.price, self.lang),
                self.tr("active") if item.active else self.tr("retired")])
            row.setData(CODE, Qt.ItemDataRole.UserRole, item)
            row.setToolTip(DESCRIPTION, item.description)
            align_right(row, PRICE)
            if not item.active:
                for column in range(6):
                    row.setForeground(column, self.palette().placeholderText())
            self.list.addTopLevelItem(row)
            if item.code == chosen:
                self.list.setCurrentItem(row)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.empty.setText("" if self.list.topLevelItemCount() else
                           self.tr("No item matches: try other words, every category or "
                                   "the retired items."))
        self.empty.setVisible(not self.list.topLevelItemCount())
        self._update()

    def chosen(self) -> CatalogueItemView | None:
        row = self.list.currentItem()
        value = row.data(CODE, Qt.ItemDataRole.UserRole) if row is not None else None
        return value if isinstance(value, CatalogueItemView) else None

    # -- changing ----------------------------------------------------------------------
    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        self._update(enabled)

    def _update(self, enabled: bool = True) -> None:
        if self.busy or self.loading:
            enabled = False
        item = self.chosen()
        self.add_item.setEnabled(enabled and self._may_edit)
        self.edit_item.setEnabled(enabled and self._may_edit and item is not None)
        self.retire_item.setEnabled(enabled and self._may_edit and item is not None
                                    and item.active)

    def _add(self) -> None:
        self._open(CatalogueItemDialog(self._db, self._actor, None, parent=self))

    def _edit(self) -> None:
        item = self.chosen()
        if item is not None and self._may_edit:
            self._open(CatalogueItemDialog(self._db, self._actor, item, parent=self))

    def _open(self, dialog: CatalogueItemDialog) -> None:
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                saved = dialog.result_value
                self.reload(saved.code if isinstance(saved, CatalogueItemView) else None)
        finally:
            dialog.deleteLater()

    def _retire(self) -> None:
        item = self.chosen()
        if item is None or not item.active:
            return
        if not ask(self, self.tr("Retire %1").replace("%1", item.code), self.tr(
                "%1 (%2) is no longer offered on new quotes; the quotes that used it keep "
                "it. Retire it?").replace("%1", item.code).replace("%2", item.description)):
            return
        self.run(partial(catalogue.retire_item, self._db, self._actor, item.code),
                 lambda retired: self.reload(retired.code))
