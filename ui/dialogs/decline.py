"""Decline a request that is not feasible; the reason is told to the customer."""

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
from app.services import requests
from app.services.common import MAX_REASON
from app.services.dto import RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading, with_error


class DeclineDialog(ServiceDialog):
    """A required reason; "Decline" declines the request (open quotes are withdrawn)."""

    def __init__(
        self, db: Database, actor: str, request_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._version: int | None = None
        self.setWindowTitle(self.tr("Decline %1").replace(
            "%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)
        explain = QLabel(self.tr(
            "The request is not feasible. The customer is told the reason; open quotes are "
            "withdrawn."))
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(380)
        reason_box, self.reason_error = with_error(self.reason)
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)

        self.ok_button = self.add_button(self.tr("&Decline request"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.check_text_box(self.reason, self.reason_error, phrase("reason"), MAX_REASON)
        self.reason.setFocus()
        self.load(partial(request_detail, db, request_number), self._loaded)

    def _loaded(self, detail: RequestDetail) -> None:
        self._version = detail.version
        self.heading.setText(request_heading(detail))

    def _submit(self) -> None:
        if self.texts_refused():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.reason_error.show_message(self.tr("A reason is required: the customer is told."))
            self.reason.setFocus()
            return
        version = self._version
        self.run(partial(requests.decline_request, self._db, self._actor, self._number,
                         reason=reason, expected_version=version),
                 lambda _none: self.finish(reason))
