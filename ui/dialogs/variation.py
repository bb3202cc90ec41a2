"""Propose a variation: the new agreed net amount and why, beside the work so far."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import ValidationError, phrase
from app.domain.money import parse_amount
from app.services import variations
from app.services.common import MAX_REASON
from app.services.dto import RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import WARNING_STYLE, ServiceDialog, with_error


class VariationDialog(ServiceDialog):
    """The new agreed net amount (not a delta) and a reason for the customer."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self.setWindowTitle(self.tr("Propose a variation for %1").replace(
            "%1", labels.request_ref(request_number)))

        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 1500.00"))
        self.amount.setMaximumWidth(180)
        amount_box, self.amount_error = with_error(self.amount)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(320)
        self.reason.setPlaceholderText(self.tr("Told to the customer"))
        reason_box, self.reason_error = with_error(self.reason)
        explain = QLabel(self.tr(
            "State the new agreed net amount, not the difference. It counts once the "
            "customer agrees; the charge at completion never exceeds it."))
        explain.setWordWrap(True)

        form = QFormLayout()
        amount_label = QLabel(self.tr("New agreed &net amount (€):"))
        amount_label.setBuddy(self.amount)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(amount_label, amount_box)
        form.addRow(reason_label, reason_box)
        form.addRow(explain)

        self.ok_button = self.add_button(self.tr("&Propose to customer"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addWidget(self._build_summary(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.pending)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.amount.textEdited.connect(lambda _t: self.amount_error.clear_message())
        self.check_text_box(self.reason, self.reason_error, phrase("reason"), MAX_REASON)
        self.amount.setFocus()
        self.load(partial(request_detail, db, request_number), self._loaded)

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox(self.tr("So far"))
        form = QFormLayout(box)
        self.kind_value = QLabel("…")
        self.ceiling_value = QLabel("…")
        self.logged_value = QLabel("…")
        self.billable_value = QLabel("…")
        self.work_value = QLabel("…")
        self.usage_value = QLabel("…")
        self.not_charged_value = QLabel("…")
        form.addRow(self.tr("Kind:"), self.kind_value)
        form.addRow(self.tr("Current agreed amount:"), self.ceiling_value)
        form.addRow(self.tr("Hours logged:"), self.logged_value)
        form.addRow(self.tr("Billable hours:"), self.billable_value)
        form.addRow(self.tr("Work value so far:"), self.work_value)
        form.addRow(self.tr("Share of the agreed amount:"), self.usage_value)
        form.addRow(self.tr("Not charged (over the ceiling):"), self.not_charged_value)
        for value in (self.ceiling_value, self.work_value, self.usage_value,
                      self.not_charged_value):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(WARNING_STYLE)
        self.pending.hide()
        return box

    def _loaded(self, detail: RequestDetail) -> None:
        summary = detail.work_summary
        quote = detail.agreed_quote
        dash = "—"
        self.kind_value.setText(labels.quote_kind_label(quote.kind) if quote else dash)
        self.ceiling_value.setText(labels.money(summary.ceiling, self.lang) or dash)
        self.logged_value.setText(labels.hours(summary.logged_minutes))
        self.billable_value.setText(labels.hours(summary.billable_minutes))
        self.work_value.setText(labels.money(summary.work_amount, self.lang) or dash)
        if summary.usage is not None:
            usage = (summary.usage * 100).quantize(Decimal(1))
            self.usage_value.setText(f"{usage}%")
            if summary.warning:
                self.usage_value.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.usage_value.setText(dash)
        # the same figure as the Work tab, the completion dialog and the preview
        self.not_charged_value.setText(
            f"{labels.hours(summary.minutes_not_charged)} "
            f"({labels.money(summary.amount_not_charged, self.lang)})"
            if summary.minutes_not_charged else dash)
        if summary.minutes_not_charged:
            self.not_charged_value.setStyleSheet("color: #b00020; font-weight: bold;")
        waiting = [v for v in detail.variations if v.state == "proposed"]
        if waiting:
            self.pending.setText(self.tr(
                "A variation to %1 is still awaiting the customer's answer: a new one can be "
                "proposed once it is answered.").replace(
                    "%1", labels.money(waiting[-1].amount, self.lang)))
            self.pending.show()

    def _submit(self) -> None:
        amount: Decimal | None = None
        reason = self.reason.text().strip()
        refused = self.texts_refused()  # said under the field
        ok = not refused
        try:
            amount = parse_amount(self.amount.text(), lang=self.lang)
        except ValidationError:
            self.amount_error.show_message(self.tr(
                "Enter an amount in euro greater than zero, with at most two decimals."))
            ok = False
        if not refused and not reason:
            self.reason_error.show_message(self.tr("A reason is required."))
            ok = False
        if not ok or amount is None:
            return
        self.run(partial(variations.propose_variation, self._db, self._actor, self._number,
                         amount=amount, reason=reason),
                 self.finish)
