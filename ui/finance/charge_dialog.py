"""A charge's documents in the desktop app: the charge document and its credit notes, as
stored (preview, print, export), and the refund of the charge (finance).

On PostgreSQL the worker renders and stores them (issue 18): until it has, the dialog
says "Document being prepared" and waits for it off the GUI thread (up to
``wait_seconds``, then a message saying the worker seems not to run); print and export
are enabled once the stored document is shown."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
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
from app.domain.errors import ValidationError, phrase
from app.domain.money import parse_amount
from app.domain.references import request_reference
from app.services import charge_documents, document_jobs
from app.services.charge_documents import ChargeSummary, RefundResult, refund_amounts
from app.services.common import MAX_REASON
from ui import labels
from ui.dialogs.base import WARNING_STYLE, ServiceDialog, with_error
from ui.finance.document_dialog import DocumentDialog, Made


@dataclass(frozen=True)
class Which:
    number: int
    note: int | None  # None: the charge document; N: credit note N
    wait: float = document_jobs.WAIT_SECONDS  # for the worker to store it (seconds)


@dataclass(frozen=True)
class Shown:
    """A document made, with the charge's summary (its refunds, what is left)."""

    made: Made
    summary: ChargeSummary


class ChargeDialog(DocumentDialog):
    """The charge document of request ``number`` (or one of its credit notes) as stored.

    ``result_value``: the last refund made here (None if none); the dialog is accepted
    when it closes after a refund, so the workspace says what was done.
    """

    #: how long the dialog waits for the worker to store a document (seconds)
    wait_seconds = document_jobs.WAIT_SECONDS

    def __init__(self, db: Database, actor: str, number: int, *, can_refund: bool,
                 lang: str = "it", parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self.setObjectName("chargeDialog")
        self.number = number
        self.summary: ChargeSummary | None = None
        self._lang = lang
        self.setWindowTitle(self.tr("Charge %1").replace("%1", request_reference(number)))
        self.which = QComboBox(self)
        self.which.setObjectName("chargeWhich")
        self.which.addItem(self.tr("Charge document"), None)
        self.refund_button = self.add_button(self.tr("&Refund…"),
                                             QDialogButtonBox.ButtonRole.ActionRole, self.refund)
        self.refund_button.setObjectName("chargeRefund")
        self.refund_button.setVisible(can_refund)
        self.close_button.clicked.connect(self._close)
        form = QFormLayout()
        form.addRow(self.tr("Document:"), self.which)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.which.currentIndexChanged.connect(lambda _i: self.show_document())
        self.show_document()

    def has_csv(self) -> bool:
        return False

    def options(self) -> Which:
        note = self.which.currentData()
        return Which(self.number, None if note is None else int(note), self.wait_seconds)

    def show_document(self) -> None:
        super().show_document()
        # (stored: shown at once; else the worker is still storing it, and this is waited for)
        self.heading.setText(self.tr("Document being prepared…"))

    @staticmethod
    def make(db: Database, actor: str, options: Which) -> Made:
        from reports.charge_pdf import render_charge_document, render_credit_note

        def fetch() -> bytes:
            if options.note is None:
                return charge_documents.charge_pdf(db, actor, options.number,
                                                   render_charge_document)
            return charge_documents.credit_note_pdf(db, actor, options.number, options.note,
                                                    render_credit_note)

        pdf = document_jobs.wait_for(fetch, timeout=options.wait)  # the worker stores it
        summary = charge_documents.charge_summary(db, actor, options.number)
        name = summary.document.reference if options.note is None else next(
            r.reference for r in summary.refunds if r.sequence == options.note)
        return Made(pdf, None, "", name, summary)

    def _made(self, made: Made) -> None:
        summary = made.data
        assert isinstance(summary, ChargeSummary)
        self.summary = summary
        d, lang = summary.document, self._lang
        heading = self.tr("%1 charged %2 on %3 (net %4 + VAT %5)").replace(
            "%1", d.reference).replace("%2", labels.money(d.total, lang)).replace(
            "%3", labels.date_str(d.charged_at, lang)).replace(
            "%4", labels.money(d.net, lang)).replace("%5", labels.money(d.vat, lang))
        if summary.refunds:
            heading += " · " + self.tr("refunded %1").replace(
                "%1", labels.money(summary.refunded, lang))
        super()._made(Made(made.pdf, None, heading, made.name))
        self._fill_notes(summary)

    def _fill_notes(self, summary: ChargeSummary) -> None:
        present = {self.which.itemData(i) for i in range(self.which.count())}
        self.which.blockSignals(True)
        for r in summary.refunds:
            if r.sequence not in present:
                self.which.addItem(self.tr("Credit note %1").replace("%1", r.reference),
                                   r.sequence)
        self.which.blockSignals(False)
        self._update_refund()

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        if hasattr(self, "which"):
            self.which.setEnabled(enabled)
            self._update_refund()

    def _update_refund(self) -> None:
        left = self.summary.refundable_net if self.summary is not None else Decimal(0)
        self.refund_button.setEnabled(not self.loading and not self.busy and left > 0)

    def refund(self) -> None:
        if self.summary is None:
            return
        dialog = RefundDialog(self._db, self._actor, self.summary, lang=self._lang, parent=self)
        if dialog.exec() == RefundDialog.DialogCode.Accepted:
            result = dialog.result_value
            self._result = result
            self.summary = None
            self.which.blockSignals(True)
            while self.which.count() > 1:
                self.which.removeItem(1)
            self.which.blockSignals(False)
            self.show_document()
            if isinstance(result, RefundResult):
                # the new credit note is shown once the list is read again
                self.idle.connect(partial(self._show_note, result.sequence))
        dialog.deleteLater()

    def _show_note(self, sequence: int) -> None:
        self.idle.disconnect()
        index = self.which.findData(sequence)
        if index >= 0:
            self.which.setCurrentIndex(index)

    def _close(self) -> None:
        if self._result is not None:
            self.accept()
        else:
            self.reject()


class RefundDialog(ServiceDialog):
    """Refund (part of) a charge: the net amount (default: all that is left), a reason;
    the VAT follows the charge's rate. ``result_value``: the :class:`RefundResult`."""

    def __init__(self, db: Database, actor: str, summary: ChargeSummary, *, lang: str = "it",
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self.setObjectName("refundDialog")
        self.summary = summary
        self._lang = lang
        d = summary.document
        self.setWindowTitle(self.tr("Refund %1").replace("%1", d.reference))
        money = partial(labels.money, lang=lang)
        facts = QFormLayout()
        facts.addRow(self.tr("Charged:"), QLabel(self.tr("%1 (net %2 + VAT %3)").replace(
            "%1", money(d.total)).replace("%2", money(d.net)).replace("%3", money(d.vat))))
        facts.addRow(self.tr("Refunded so far:"), QLabel(money(summary.refunded)))
        facts.addRow(self.tr("Net that can be refunded:"), QLabel(money(summary.refundable_net)))
        self.net = QLineEdit(self)
        self.net.setObjectName("refundNet")
        self.net.setPlaceholderText(self.tr("all that is left: %1").replace(
            "%1", money(summary.refundable_net)))
        net_box, self.net_error = with_error(self.net)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refundReason")
        self.reason.setMinimumWidth(320)
        reason_box, self.reason_error = with_error(self.reason)
        self.effect = QLabel(self)
        self.effect.setObjectName("refundEffect")
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet(WARNING_STYLE)
        facts.addRow(self.tr("&Net to refund:"), net_box)
        facts.addRow(self.tr("&Reason:"), reason_box)
        self.ok_button = self.add_button(self.tr("&Refund"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setObjectName("refundConfirm")
        self.add_cancel()
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.effect)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.net.textChanged.connect(lambda _t: self._update_effect())
        self.net.textEdited.connect(lambda _t: self.net_error.clear_message())
        self.check_text_box(self.reason, self.reason_error, phrase("reason"), MAX_REASON)
        self._update_effect()

    def amounts(self) -> tuple[Decimal, Decimal] | None:
        """(net, VAT) the refund will be, as the service computes it (None: not valid)."""
        text = self.net.text().strip()
        try:
            net = None if not text else parse_amount(text, lang=self._lang)
        except ValidationError:
            return None
        d, done = self.summary.document, self.summary.refunds
        return refund_amounts(d.net, d.vat, d.vat_rate, sum((r.net for r in done), Decimal(0)),
                              sum((r.vat for r in done), Decimal(0)), net)

    def _update_effect(self) -> None:
        amounts = self.amounts()
        if amounts is None:
            self.effect.setText(self.tr("Enter a net amount greater than zero and not above "
                                        "what can be refunded."))
            return
        net, vat = amounts
        self.effect.setText(self.tr("%1 net + VAT %2 = %3 back to the customer's credit.")
                            .replace("%1", labels.money(net, self._lang))
                            .replace("%2", labels.money(vat, self._lang))
                            .replace("%3", labels.money(net + vat, self._lang)))

    def _submit(self) -> None:
        amounts = self.amounts()
        reason = self.reason.text().strip()
        refused = self.texts_refused()
        if amounts is None:
            self.net_error.show_message(self.tr(
                "Enter a net amount greater than zero and not above what can be refunded."))
        if not reason and not refused:
            self.reason_error.show_message(self.tr("A reason is required."))
        if amounts is None or not reason or refused:
            return
        text = self.net.text().strip()
        net = None if not text else amounts[0]
        self.run(partial(_refund_and_store, self._db, self._actor,
                         self.summary.document.request_number, net, reason), self.finish)


def _refund_and_store(db: Database, actor: str, number: int, net: Decimal | None,
                      reason: str) -> RefundResult:
    """The refund, then its credit note stored (off the GUI thread)."""
    from ui.finance.documents import after_refund

    result = charge_documents.refund(db, actor, number, net=net, reason=reason)
    after_refund(db, number, result.sequence)
    return result
