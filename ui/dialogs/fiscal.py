"""An admin changes a customer's fiscal data: kind, VAT number, tax code, Codice
Destinatario or PEC, the structured address (``customers set``: the service checks them,
with python-stdnum, and says what is wrong)."""

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
from app.domain.fiscal import KINDS, Fiscal
from app.services import customers
from app.services.dto import CustomerView
from ui import labels
from ui.dialogs.base import ServiceDialog


class FiscalDialog(ServiceDialog):
    """The fields of :class:`~app.domain.fiscal.Fiscal`, read from the customer; Save
    sends those changed (nothing changed: the dialog just closes)."""

    def __init__(self, db: Database, actor: str, customer_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._code = customer_code
        self._loaded_data: Fiscal | None = None
        self.setWindowTitle(self.tr("Fiscal data of %1").replace("%1", customer_code))
        self.name_value = QLabel("…")
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(labels.customer_kind_label(kind), kind)
        self.boxes: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.name_value)
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        for name, label, hint in (
                ("vat_number", self.tr("&VAT number:"), "IT00743110157"),
                ("tax_code", self.tr("&Tax code:"), "RSSMRA85T10A562S"),
                ("sdi_code", self.tr("&Recipient code (SDI):"), self.tr("7 characters (6 for a PA)")),
                ("pec", self.tr("&PEC:"), "amministrazione@pec.example.it"),
                ("street", self.tr("Str&eet:"), "Via Roma 1"),
                ("postcode", self.tr("P&ostcode:"), "20121"),
                ("city", self.tr("C&ity:"), "Milano"),
                ("province", self.tr("Provi&nce:"), "MI"),
                ("country", self.tr("Co&untry:"), "IT")):
            box = QLineEdit()
            box.setObjectName(f"fiscal_{name}")
            box.setPlaceholderText(hint)
            box.setMinimumWidth(300)
            box.textEdited.connect(lambda _t: self.show_message(""))
            caption = QLabel(label)
            caption.setBuddy(box)
            form.addRow(caption, box)
            self.boxes[name] = box
        self.save_button = self.add_button(self.tr("&Save"),
                                           QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.save_button.setDefault(True)
        self.add_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load(partial(customers.get_customer, db, customer_code), self._loaded)

    def _loaded(self, customer: CustomerView) -> None:
        self._loaded_data = customer.fiscal
        self.name_value.setText(f"{customer.name} ({customer.code})")
        self.kind.setCurrentIndex(max(0, self.kind.findData(customer.fiscal.kind)))
        for name, box in self.boxes.items():
            box.setText(getattr(customer.fiscal, name))

    def changes(self) -> dict[str, str]:
        """The fields whose value differs from the customer's."""
        old = self._loaded_data
        if old is None:
            return {}
        typed = {"kind": str(self.kind.currentData()),
                 **{name: box.text().strip() for name, box in self.boxes.items()}}
        return {name: value for name, value in typed.items() if getattr(old, name) != value}

    def _submit(self) -> None:
        if self._loaded_data is None:
            return
        changes = self.changes()
        if not changes:
            self.reject()
            return
        self.run(partial(customers.set_customer, self._db, self._actor, self._code, **changes),
                 self.finish)
