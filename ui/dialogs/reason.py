"""A dialog that does one thing to a request for a reason told to the customer (decline,
cancel, withdraw a variation): the request's heading, a line of facts, what happens, a
required reason, one button."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
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
from app.services.common import MAX_REASON
from app.services.dto import RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading, with_error

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


class ReasonDialog(ServiceDialog):
    """Subclasses give the (translated) texts, fill :attr:`facts` in :meth:`show_facts`
    and do their use case in :meth:`submit`."""

    def __init__(self, db: Database, actor: str, request_number: int, *, title: str,
                 explanation: str, ok_text: str, cancel_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._number = request_number
        self._version: int | None = None
        self.setWindowTitle(title.replace("%1", labels.request_ref(request_number)))
        self.heading = QLabel(labels.request_ref(request_number))
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.hide()
        self.explanation = explain = QLabel(explanation)
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(380)
        self.reason.setPlaceholderText(Q.translate("ReasonDialog", "Told to the customer"))
        reason_box, self.reason_error = with_error(self.reason)
        form = QFormLayout()
        reason_label = QLabel(Q.translate("ReasonDialog", "&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)

        self.ok_button = self.add_button(ok_text, QDialogButtonBox.ButtonRole.AcceptRole,
                                         self._submit)
        self.ok_button.setDefault(True)
        cancel = self.add_cancel()
        if cancel_text:  # where "Cancel" would read as the dialog's own action
            cancel.setText(cancel_text)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
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
        facts = self.show_facts(detail)
        self.facts.setText(facts)
        self.facts.setVisible(bool(facts))

    def show_facts(self, detail: RequestDetail) -> str:
        """The line of facts under the heading ("": none)."""
        return ""

    def _submit(self) -> None:
        if self.texts_refused():
            return
        reason = self.reason.text().strip()
        if not reason:
            self.reason_error.show_message(Q.translate(
                "ReasonDialog", "A reason is required: the customer is told."))
            self.reason.setFocus()
            return
        self.submit(reason, self._version)

    def submit(self, reason: str, version: int | None) -> None:
        raise NotImplementedError
