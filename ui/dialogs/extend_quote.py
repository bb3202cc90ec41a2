"""Extend a sent quote: a new revision with the same lines and a later validity date is
sent in its place (the customer asked for more time to answer)."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.references import quote_reference
from app.services.dto import QuoteView
from app.services.quote_extension import extend_quote
from ui import labels
from ui.dialogs.base import ServiceDialog, from_qdate, show_dates, to_qdate


class ExtendQuoteDialog(ServiceDialog):
    """The quote's date, the new one (a week later than the later of its date and today,
    to start with), one button."""

    def __init__(self, db: Database, actor: str, quote: QuoteView,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._quote = quote
        ref = quote_reference(quote.request_number, quote.revision)
        self.setWindowTitle(self.tr("Extend quote %1").replace("%1", ref))
        facts = QLabel(self.tr("Quote %1, %2 total, valid until %3.")
                       .replace("%1", ref).replace("%2", labels.money(quote.total, self.lang))
                       .replace("%3", labels.date_str(quote.valid_until, self.lang)))
        facts.setWordWrap(True)
        explain = QLabel(self.tr(
            "A new revision with the same lines and the new date is sent to the customer "
            "in its place (its PDF stored, as a send); this one is marked replaced."))
        explain.setWordWrap(True)
        explain.setMinimumWidth(440)
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        show_dates(self.valid_until)
        start = max(quote.valid_until, db.today()) + timedelta(days=7)
        self.valid_until.setDate(to_qdate(start))
        self.valid_until.setMinimumDate(to_qdate(quote.valid_until + timedelta(days=1)))
        self.valid_until.setMaximumWidth(180)
        form = QFormLayout()
        label = QLabel(self.tr("New &validity date:"))
        label.setBuddy(self.valid_until)
        form.addRow(label, self.valid_until)

        self.ok_button = self.add_button(self.tr("&Extend and send"),
                                         QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.valid_until.setFocus()

    def _submit(self) -> None:
        self.run(partial(extend_quote, self._db, self._actor, self._quote.id,
                         valid_until=from_qdate(self.valid_until.date())),
                 self.finish)
