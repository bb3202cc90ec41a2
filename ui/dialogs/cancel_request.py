"""Cancel an accepted or in-progress request (a team lead): nothing charged, or the work
done so far ("Charge the work done so far", its amount read off the GUI thread); the
customer is told the reason."""

from __future__ import annotations

import weakref
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.db.database import Database
from app.domain.errors import StateError
from app.services import requests
from app.services.cancel_charging import cancel_charging_work, preview_cancel_charge
from app.services.dto import ChargePreview, CompletionResult, RequestDetail
from ui import labels
from ui.dialogs.base import ui_lang
from ui.dialogs.reason import ReasonDialog
from ui.worker import run_async


def _preview(db: Database, number: int) -> ChargePreview | StateError:
    """The charge of cancelling now, or why the work cannot be charged."""
    try:
        return preview_cancel_charge(db, number)
    except StateError as exc:
        return exc


class CancelRequestDialog(ReasonDialog):
    """The work logged so far, a required reason; "Cancel request" closes it with nothing
    charged, or with the work done charged when "Charge the work done so far" is ticked."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        self._preview: ChargePreview | None = None
        self._logged = 0
        self.charge_work = QCheckBox()
        self.charge_facts = QLabel()
        super().__init__(
            db, actor, request_number, parent=parent, title=self.tr("Cancel %1"),
            explanation=self._explained(False),
            ok_text=self.tr("Cancel re&quest"), cancel_text=self.tr("&Keep it open"))
        self.charge_work.setText(self.tr("C&harge the work done so far"))
        self.charge_work.setObjectName("charge_work")
        self.charge_work.setEnabled(False)
        self.charge_work.toggled.connect(self._ticked)
        self.charge_facts.setWordWrap(True)
        self.charge_facts.setText(self.tr("Reading what the work done so far would charge…"))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.explanation) + 1
        layout.insertWidget(at, self.charge_work)
        layout.insertWidget(at + 1, self.charge_facts)

    def _explained(self, charged: bool) -> str:
        if charged:
            return self.tr(
                "The request is closed as cancelled and the work done so far is charged to "
                "the customer's credit, as completing it would (the charge document is made). "
                "A variation awaiting the customer is withdrawn. The customer is told the "
                "reason and the amount.")
        return self.tr(
            "The request is closed as cancelled and nothing is charged: the work logged "
            "stays on record, unbilled. A variation awaiting the customer is withdrawn. "
            "The customer is told the reason.")

    def show_facts(self, detail: RequestDetail) -> str:
        # the charge is read once the request is (one read at a time off the GUI thread)
        QTimer.singleShot(0, self, self._read_charge)
        minutes = self._logged = sum(entry.minutes for entry in detail.work)
        if not detail.work:
            return self.tr("No work logged; charged: nothing.")
        return self.tr("Work logged: %1 h; charged: nothing.").replace(
            "%1", labels.hours(minutes))

    def _read_charge(self) -> None:
        """Read beside the dialog, not as its load: cancelling charging nothing stays
        possible meanwhile. The worker holds the dialog weakly (see ServiceDialog)."""
        me = weakref.ref(self)

        def done(found: ChargePreview | StateError) -> None:
            dialog = me()
            if dialog is not None:
                dialog._charge_read(found)

        def failed(exc: BaseException) -> None:
            dialog = me()
            if dialog is not None:
                dialog._charge_read(exc)

        run_async(partial(_preview, self._db, self._number), done, failed, self)

    def _charge_read(self, found: ChargePreview | BaseException) -> None:
        self._show_charge(found)
        QTimer.singleShot(0, self, self.fit_contents)  # the new lines are not clipped

    def _show_charge(self, found: ChargePreview | BaseException) -> None:
        if isinstance(found, BaseException):
            self._preview = None
            why = self.error_text(found)
            self.charge_work.setEnabled(False)
            self.charge_work.setToolTip(why)
            self.charge_facts.setText(why)
            return
        self._preview = p = found
        lang = ui_lang()
        text = self.tr("%1 billable: %2 (net %3 + VAT %4); credit %5 → %6.")
        for key, value in (("%1", labels.hours(p.billable_minutes)),
                           ("%2", labels.money(p.total, lang)), ("%3", labels.money(p.net, lang)),
                           ("%4", labels.money(p.vat, lang)),
                           ("%5", labels.money(p.balance_before, lang)),
                           ("%6", labels.money(p.balance_after, lang))):
            text = text.replace(key, value)
        if p.capped:
            text += " " + self.tr("Capped at the agreed %1.").replace(
                "%1", labels.money(p.ceiling, lang))
        if p.exhausts_credit:
            text += " " + self.tr("The customer's credit runs out.")
        self.charge_work.setEnabled(not self.busy)
        self.charge_work.setToolTip("")
        self.charge_facts.setText(text)

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        self.charge_work.setEnabled(enabled and self._preview is not None and not self.busy)

    def _ticked(self, charged: bool) -> None:
        self.explanation.setText(self._explained(charged))
        if self._preview is not None:
            self.facts.setText(self.tr("Work logged: %1 h; charged: %2.").replace(
                "%1", labels.hours(self._logged)).replace(
                "%2", labels.money(self._preview.total, ui_lang())) if charged else
                self.tr("Work logged: %1 h; charged: nothing.").replace(
                    "%1", labels.hours(self._logged)))
        self.ok_button.setText(self.tr("Cancel and &charge") if charged
                               else self.tr("Cancel re&quest"))
        QTimer.singleShot(0, self, self.fit_contents)  # the longer text is not clipped

    @property
    def preview(self) -> ChargePreview | None:
        """What ticking "Charge the work done so far" charges (None: not read, or refused)."""
        return self._preview

    def submit(self, reason: str, version: int | None) -> None:
        if self.charge_work.isChecked() and self._preview is not None:
            self.run(partial(cancel_charging_work, self._db, self._actor, self._number,
                             reason=reason, expected_version=version, confirmed=self._preview),
                     self._charged)
            return
        self.run(partial(requests.cancel_accepted, self._db, self._actor, self._number,
                         reason=reason, expected_version=version),
                 lambda _none: self.finish(reason))

    def _charged(self, result: CompletionResult) -> None:
        self.finish(result)
