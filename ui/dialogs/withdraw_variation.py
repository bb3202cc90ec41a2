"""Withdraw the variation awaiting the customer: a reason, told to the customer."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import phrase
from app.services import variations
from app.services.common import MAX_REASON
from app.services.dto import RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading, with_error


class WithdrawVariationDialog(ServiceDialog):
    """The pending variation of a request, and a required reason; the agreed amount stays
    as it was."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._variation: int | None = None
        self.setWindowTitle(self.tr("Withdraw the variation of %1").replace(
            "%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)
        self.proposal = QLabel()
        self.proposal.setObjectName("withdrawnProposal")
        self.proposal.setWordWrap(True)
        explain = QLabel(self.tr(
            "The customer is told that the variation is withdrawn, and why. The agreed "
            "amount stays as it was; a new variation can be proposed afterwards."))
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(380)
        self.reason.setPlaceholderText(self.tr("Told to the customer"))
        reason_box, self.reason_error = with_error(self.reason)
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)

        self.ok_button = self.add_button(self.tr("&Withdraw variation"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.proposal)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.check_text_box(self.reason, self.reason_error, phrase("reason"), MAX_REASON)
        self.reason.setFocus()
        self.load(partial(request_detail, db, request_number), self._loaded)

    def _loaded(self, detail: RequestDetail) -> None:
        self.heading.setText(request_heading(detail))
        pending = [v for v in detail.variations if v.state == "proposed"]
        if not pending:
            self.proposal.setText(self.tr("No variation is awaiting the customer."))
            self.ok_button.setEnabled(False)
            return
        v = pending[-1]
        self._variation = v.id
        self.proposal.setText(
            self.tr("Proposed on %1 by %2: new agreed amount %3 net (%4).")
            .replace("%1", labels.datetime_str(v.proposed_at, self.lang))
            .replace("%2", labels.person(v.proposed_by, detail.people))
            .replace("%3", labels.money(v.amount, self.lang))
            .replace("%4", v.reason))

    def _submit(self) -> None:
        if self.texts_refused() or self._variation is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.reason_error.show_message(self.tr("A reason is required: the customer is told."))
            self.reason.setFocus()
            return
        self.run(partial(variations.withdraw_variation, self._db, self._actor, self._variation,
                         reason=reason),
                 self.finish)
