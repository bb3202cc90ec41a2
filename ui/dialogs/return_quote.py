"""A team lead returns a quote submitted for approval to draft; the technician reads why."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import phrase
from app.domain.references import quote_reference
from app.services import quotes
from app.services.common import MAX_REASON
from app.services.dto import QuoteView, RequestDetail
from app.services.queries import request_detail
from ui import labels
from ui.dialogs.base import ServiceDialog, request_heading, with_error


class ReturnQuoteDialog(ServiceDialog):
    """A required reason; "Return to draft" gives the quote back to who submitted it."""

    def __init__(self, db: Database, actor: str, quote: QuoteView,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._quote = quote
        self.setWindowTitle(self.tr("Return %1 to draft").replace(
            "%1", quote_reference(quote.request_number, quote.revision)))
        self.heading = QLabel(labels.request_ref(quote.request_number))
        self.heading.setWordWrap(True)
        self.facts = QLabel(self._facts({}))
        self.facts.setWordWrap(True)
        explain = QLabel(self.tr(
            "The quote goes back to draft, unsent. Whoever submitted it reads the reason on "
            "the request, changes the quote and submits it again."))
        explain.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumWidth(420)
        self.reason.setFixedHeight(80)
        reason_box, self.reason_error = with_error(self.reason)
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)

        self.ok_button = self.add_button(self.tr("Return to &draft"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.check_text_box(self.reason, self.reason_error, phrase("reason"), MAX_REASON)
        self.reason.setFocus()
        self.load(partial(request_detail, db, quote.request_number), self._loaded)

    def _facts(self, people: Mapping[str, str]) -> str:
        q = self._quote
        return self.tr("%1 · total %2 · submitted by %3").replace(
            "%1", quote_reference(q.request_number, q.revision)).replace(
            "%2", labels.money(q.total, self.lang)).replace(
            "%3", labels.person(q.submitted_by, people) or "—")

    def _loaded(self, detail: RequestDetail) -> None:
        self.heading.setText(request_heading(detail))
        self.facts.setText(self._facts(detail.people))

    def _submit(self) -> None:
        if self.texts_refused():
            return
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.reason_error.show_message(self.tr(
                "A reason is required: the technician reads it."))
            self.reason.setFocus()
            return
        self.run(partial(quotes.return_quote, self._db, self._actor, self._quote.id, reason,
                         expected_version=self._quote.version), self.finish)
