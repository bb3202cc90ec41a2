"""Complete a request: the charge broken down, its effect on the credit, confirm once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import billing
from app.services.dto import ChargePreview, CompletionResult, RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import WARNING_STYLE, ServiceDialog, percent, request_heading


@dataclass(frozen=True)
class _Loaded:
    detail: RequestDetail
    preview: ChargePreview


def _read(db: Database, number: int) -> _Loaded:
    # The version first: if anything changes after it was read, the completion is
    # refused as stale instead of charging something other than what is shown.
    detail = request_detail(db, number)
    return _Loaded(detail, billing.preview_charge(db, number))


class CompletionDialog(ServiceDialog):
    """Shows what completing the request charges; "Complete and charge" does it, once."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._version: int | None = None
        self._preview: ChargePreview | None = None
        self.setWindowTitle(self.tr("Complete %1").replace(
            "%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)

        self.charge_box = QGroupBox(self.tr("Charge"))
        self.charge_form = QFormLayout(self.charge_box)
        self.charge_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.credit_box = QGroupBox(self.tr("Customer's prepaid credit"))
        self.credit_form = QFormLayout(self.credit_box)
        self.credit_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.loading_label = QLabel(self.tr("Computing the charge…"))
        self.charge_box.hide()
        self.credit_box.hide()
        self.values: dict[str, QLabel] = {}

        self.confirm_button = self.add_button(self.tr("Complete and c&harge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole,
                                              self._confirm)
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(False)
        self.cancel_button = self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.charge_box)
        layout.addWidget(self.credit_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.load(partial(_read, db, request_number), self._loaded, self._load_failed)

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        self.confirm_button.setEnabled(enabled and self._preview is not None
                                       and self.result_value is None)

    @property
    def preview(self) -> ChargePreview | None:
        """The charge shown (None until loaded, or when the request cannot be completed)."""
        return self._preview

    def _row(self, form: QFormLayout, key: str, caption: str, value: str,
             bold: bool = False) -> None:
        label = QLabel(value)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption_label = QLabel(caption)
        if bold:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            caption_label.setFont(font)
        form.addRow(caption_label, label)
        self.values[key] = label

    def _loaded(self, loaded: _Loaded) -> None:
        detail, p = loaded.detail, loaded.preview
        self._version = detail.version
        self._preview = p
        lang = self.lang
        self.loading_label.hide()
        self.charge_box.show()
        self.credit_box.show()
        self.heading.setText(request_heading(detail))
        form = self.charge_form
        self._row(form, "kind", self.tr("Kind:"), labels.quote_kind_label(p.kind))
        self._row(form, "logged", self.tr("Hours logged:"), labels.hours(p.logged_minutes))
        self._row(form, "billable", self.tr("Billable hours:"), labels.hours(p.billable_minutes))
        self._row(form, "rounding", self.tr("Rounding:"),
                  self.tr("each entry up to %1 minutes").replace("%1", str(p.increment)))
        if p.kind == "hourly":
            self._row(form, "rate", self.tr("Hourly rate:"), labels.money(p.hourly_rate, lang))
            self._row(form, "work", self.tr("Work value:"), labels.money(p.work_amount, lang))
            self._row(form, "ceiling", self.tr("Agreed ceiling:"), labels.money(p.ceiling, lang))
            if p.capped:
                self._row(form, "capped", "", self.tr(
                    "Capped: the work value exceeds the agreed ceiling, the ceiling is charged; "
                    "%1 hours (%2) will not be charged.").replace(
                    "%1", labels.hours(p.minutes_not_charged)).replace(
                    "%2", labels.money(p.amount_not_charged, lang)))
                self.values["capped"].setWordWrap(True)
        else:
            self._row(form, "ceiling", self.tr("Agreed amount:"), labels.money(p.ceiling, lang))
        self._row(form, "net", self.tr("Net:"), labels.money(p.net, lang))
        if p.vat_point == "topup":  # the credit is net of VAT: the charge takes the net
            self._row(form, "total", self.tr("Taken from the credit:"),
                      labels.money(p.taken_from_credit, lang), bold=True)
        else:
            self._row(form, "vat", self.tr("VAT %1:").replace("%1", percent(p.vat_rate, lang)),
                      labels.money(p.vat, lang))
            self._row(form, "total", self.tr("Total charged:"),
                      labels.money(p.taken_from_credit, lang), bold=True)
        self._row(form, "vat_point", "", labels.vat_point_words(p.vat_point, p.vat_rate, lang))
        self._row(self.credit_form, "before", self.tr("Before:"),
                  labels.money(p.balance_before, lang))
        self._row(self.credit_form, "after", self.tr("After:"),
                  labels.money(p.balance_after, lang), bold=True)
        if p.exhausts_credit:
            self.values["after"].setStyleSheet("color: #b00020;")
            self.warning.setText(self.tr(
                "Warning: the credit does not cover this charge. The account of %1 goes into "
                "credit exhaustion and the customer's services are suspended until a top-up "
                "covers the missing %2.")
                .replace("%1", detail.customer.name)
                .replace("%2", labels.money(-p.balance_after, lang)))
            self.warning.show()
        self.set_inputs_enabled(True)
        if p.exhausts_credit:
            # suspending the customer's services must be a deliberate click, never Enter
            self.confirm_button.setDefault(False)
            self.cancel_button.setDefault(True)
            self.cancel_button.setFocus()
        else:
            self.confirm_button.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading_label.hide()
        self.show_message(self.tr("The request cannot be completed now: %1").replace(
            "%1", self.error_text(exc)))

    def _confirm(self) -> None:
        if self._preview is None or self.result_value is not None:
            return
        version = self._version
        # The charge made is the one shown, or none: if the work, the agreed amount or the
        # request changed meanwhile, the service refuses with the new figures.
        self.run(partial(billing.complete_request, self._db, self._actor, self._number,
                         expected_version=version, confirmed=self._preview), self._done)

    def _done(self, result: CompletionResult) -> None:
        self.finish(result)
