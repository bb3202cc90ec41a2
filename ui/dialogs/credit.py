"""Finance: record a customer's top-up, or a credit adjustment with a reason."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import ValidationError, phrase
from app.domain.money import parse_amount, parse_signed_amount
from app.services import customers
from app.services.common import MAX_REASON, MAX_REFERENCE
from app.services.dto import CustomerView
from ui import confirm, labels
from ui.dialogs.base import WARNING_STYLE, ServiceDialog, with_error

MODES = ("topup", "adjust")


class CreditDialog(ServiceDialog):
    """``mode`` "topup" (amount, reference) or "adjust" (signed amount, reason)."""

    def __init__(
        self,
        db: Database,
        actor: str,
        customer_code: str,
        mode: str = "topup",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}: {mode!r}")
        self._code = customer_code
        self._mode = mode
        self._customer: CustomerView | None = None
        topup = mode == "topup"
        self.setWindowTitle(
            (self.tr("Top-up for %1") if topup else self.tr("Credit adjustment for %1"))
            .replace("%1", customer_code))

        account = QGroupBox(self.tr("Account"))
        account_form = QFormLayout(account)
        self.name_value = QLabel("…")
        self.balance_value = QLabel("…")
        self.status_value = QLabel("…")
        self.missing_value = QLabel("…")
        account_form.addRow(self.tr("Customer:"), self.name_value)
        account_form.addRow(self.tr("Balance:"), self.balance_value)
        account_form.addRow(self.tr("Status:"), self.status_value)
        account_form.addRow(self.tr("Missing amount:"), self.missing_value)

        self.amount = QLineEdit()
        self.amount.setMaximumWidth(180)
        self.amount.setPlaceholderText(self.tr("e.g. 250.00") if topup
                                       else self.tr("e.g. -25.00 or 40.00"))
        amount_box, self.amount_error = with_error(self.amount)
        self.text = QLineEdit()
        self.text.setMinimumWidth(320)
        self.text.setPlaceholderText(self.tr("Bank transfer, receipt... (optional)") if topup
                                     else self.tr("Why the credit changes"))
        text_box, self.text_error = with_error(self.text)
        self.after_value = QLabel("—")
        bold = QFont(self.after_value.font())
        bold.setBold(True)
        self.after_value.setFont(bold)
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet(WARNING_STYLE)
        self.effect.hide()

        form = QFormLayout()
        amount_label = QLabel(self.tr("&Amount (€):") if topup
                              else self.tr("&Amount (€, negative to reduce):"))
        amount_label.setBuddy(self.amount)
        text_label = QLabel(self.tr("&Reference:") if topup else self.tr("&Reason:"))
        text_label.setBuddy(self.text)
        form.addRow(amount_label, amount_box)
        form.addRow(text_label, text_box)
        form.addRow(self.tr("Balance after:"), self.after_value)

        self.ok_button = self.add_button(
            self.tr("Record &top-up") if topup else self.tr("Record a&djustment"),
            QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(account)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for value in (self.balance_value, self.missing_value):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.amount.textChanged.connect(self._update_effect)
        self.amount.textEdited.connect(lambda _t: self.amount_error.clear_message())
        if topup:
            self.check_text_box(self.text, self.text_error, phrase("reference"), MAX_REFERENCE)
        else:
            self.check_text_box(self.text, self.text_error, phrase("reason"), MAX_REASON)
        self.amount.setFocus()
        self.load(partial(customers.get_customer, db, customer_code), self._loaded)

    @property
    def mode(self) -> str:
        return self._mode

    def _loaded(self, customer: CustomerView) -> None:
        self._customer = customer
        self.name_value.setText(f"{customer.name} ({customer.code})")
        self.balance_value.setText(labels.money(customer.balance, self.lang))
        self.status_value.setText(labels.account_status_label(customer.status))
        self.missing_value.setText(labels.money(customer.missing, self.lang))
        if customer.status == "credit_exhausted":
            self.status_value.setStyleSheet("color: #b00020; font-weight: bold;")
            self.missing_value.setStyleSheet("color: #b00020; font-weight: bold;")
            if self._mode == "topup" and not self.amount.text():
                self.amount.setText(f"{customer.missing:f}".replace(".", ",")
                                    if self.lang == "it" else f"{customer.missing:f}")
                self.amount.selectAll()
        self._update_effect()

    def _amount(self) -> Decimal | None:
        text = self.amount.text()
        try:
            if self._mode == "topup":
                return parse_amount(text, lang=self.lang)
            return parse_signed_amount(text, lang=self.lang)
        except ValidationError:
            return None

    def _update_effect(self) -> None:
        customer = self._customer
        amount = self._amount()
        if customer is None or amount is None:
            self.after_value.setText("—")
            self.effect.hide()
            return
        after = customer.balance + amount
        self.after_value.setText(labels.money(after, self.lang))
        exhausted = customer.status == "credit_exhausted"
        if exhausted and after >= 0:
            text = self.tr("This covers the missing amount: the account leaves credit "
                           "exhaustion and the customer's services restart.")
        elif exhausted:
            text = self.tr("Still %1 missing: the services stay suspended.").replace(
                "%1", labels.money(-after, self.lang))
        elif after < 0:
            text = self.tr("This puts the account into credit exhaustion: the customer's "
                           "services are suspended until a top-up covers %1.").replace(
                "%1", labels.money(-after, self.lang))
        else:
            text = ""
        self.effect.setText(text)
        self.effect.setVisible(bool(text))

    def _submit(self) -> None:
        customer = self._customer
        if customer is None:
            return
        amount = self._amount()
        text = self.text.text().strip()
        refused = self.texts_refused()  # said under the field
        ok = not refused
        if amount is None:
            self.amount_error.show_message(
                self.tr("Enter an amount greater than zero, with at most two decimals.")
                if self._mode == "topup" else
                self.tr("Enter a non-zero amount, with at most two decimals."))
            ok = False
        if not refused and self._mode == "adjust" and not text:
            self.text_error.show_message(self.tr("A reason is required."))
            ok = False
        if not ok or amount is None:
            return
        version = customer.version
        if self._mode == "topup":
            if not self.ask_user(*confirm.topup(customer.name, amount, customer.balance,
                                                self.lang)):
                return
            self.run(partial(customers.topup, self._db, self._actor, self._code, amount,
                             reference=text, expected_version=version),
                     self.finish)
        else:
            self.run(partial(customers.adjust, self._db, self._actor, self._code, amount,
                             reason=text, expected_version=version),
                     self.finish)
