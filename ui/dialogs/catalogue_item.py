"""Add or change an item of the price list (team leads and admins): code, description,
price, unit and category, checked by the services (their messages shown in the dialog)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import catalogue
from app.services.dto import CatalogueItemView
from ui import labels
from ui.dialogs.base import ServiceDialog, resize_within_screen

ANY = "any"  # catalogue.set_item: every category


def price_text(item: CatalogueItemView | None, lang: str) -> str:
    """The price as typed back (Italian decimal comma, no currency sign)."""
    if item is None:
        return ""
    text = f"{item.price:.2f}"
    return text.replace(".", ",") if lang == "it" else text


class CatalogueItemDialog(ServiceDialog):
    """A new item (``item`` None) or the changes of ``item``; "Save" stores it."""

    def __init__(self, db: Database, actor: str, item: CatalogueItemView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._item = item
        self.setWindowTitle(self.tr("Add to the price list") if item is None else
                            self.tr("Change %1").replace("%1", item.code))
        self.code = QLineEdit(item.code if item else "")
        self.code.setObjectName("code")
        self.code.setReadOnly(item is not None)
        self.code.setPlaceholderText(self.tr("e.g. SSL-DV"))
        self.description = QLineEdit(item.description if item else "")
        self.description.setObjectName("description")
        self.description.setMinimumWidth(360)
        self.price = QLineEdit(price_text(item, self.lang))
        self.price.setObjectName("price")
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("fixed"), "fixed")
        self.unit.addItem(self.tr("per hour"), "hour")
        self.unit.setCurrentIndex(max(0, self.unit.findData(item.unit if item else "fixed")))
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(self.tr("any"), ANY)
        for code, name in labels.categories():
            self.category.addItem(name, code)
        wanted = (item.category or ANY) if item else ANY
        self.category.setCurrentIndex(max(0, self.category.findData(wanted)))

        form = QFormLayout()
        for caption, widget in ((self.tr("C&ode:"), self.code),
                                (self.tr("&Description:"), self.description),
                                (self.tr("&Price (€):"), self.price),
                                (self.tr("&Unit:"), self.unit),
                                (self.tr("Ca&tegory:"), self.category)):
            buddy = QLabel(caption)
            buddy.setBuddy(widget)
            form.addRow(buddy, widget)
        self.ok_button = self.add_button(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole,
                                         self._save)
        self.ok_button.setDefault(True)
        self.add_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.description if item else self.code).setFocus()
        resize_within_screen(self, 520, 260)

    def _save(self) -> None:
        unit = str(self.unit.currentData())
        category = str(self.category.currentData())
        if self._item is None:
            call = partial(catalogue.add_item, self._db, self._actor, self.code.text(),
                           description=self.description.text(), price=self.price.text(),
                           unit=unit, category=None if category == ANY else category)
        else:
            call = partial(catalogue.set_item, self._db, self._actor, self._item.code,
                           description=self.description.text(), price=self.price.text(),
                           unit=unit, category=category, expected_version=self._item.version)
        self.run(call, self.finish)
