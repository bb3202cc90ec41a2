"""Log time on a request, or correct an entry logged earlier."""

from __future__ import annotations

from datetime import timedelta
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
from app.domain.errors import ValidationError, phrase
from app.domain.money import format_hours, parse_hours
from app.services import work
from app.services.common import MAX_REASON
from app.services.dto import WorkEntryView
from ui import labels
from ui.dialogs.base import ServiceDialog, from_qdate, to_qdate, with_error
from ui.dialogs.date_edit import DateEdit


class WorkEntryDialog(ServiceDialog):
    """Date, duration (h:mm) and a note; adds an entry, or edits ``entry``."""

    def __init__(
        self,
        db: Database,
        actor: str,
        request_number: int,
        entry: WorkEntryView | None = None,
        parent: QWidget | None = None,
        *,
        minutes: int | None = None,
    ) -> None:
        """``minutes``: a new entry's proposed duration (a stopped timer's)."""
        super().__init__(db, actor, parent)
        self._number = request_number
        self._entry = entry
        self._today = db.today()
        ref = labels.request_ref(request_number)
        self.setWindowTitle(self.tr("Edit work on %1").replace("%1", ref) if entry
                            else self.tr("Log work on %1").replace("%1", ref))

        self.work_date = DateEdit()
        self.work_date.setDateRange(to_qdate(self._today - timedelta(days=366)),
                                    to_qdate(self._today))
        self.work_date.setDate(to_qdate(entry.work_date if entry else self._today))
        self.work_date.setMaximumWidth(160)
        proposed = entry.minutes if entry else minutes
        self.duration = QLineEdit(format_hours(proposed) if proposed else "")
        self.duration.setPlaceholderText(self.tr("h:mm, e.g. 1:30"))
        self.duration.setMaximumWidth(160)
        duration_box, self.duration_error = with_error(self.duration)
        self.note = QLineEdit(entry.note if entry else "")
        self.note.setPlaceholderText(self.tr("What was done (optional)"))
        self.note.setMinimumWidth(360)

        form = QFormLayout()
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.work_date)
        duration_label = QLabel(self.tr("D&uration:"))
        duration_label.setBuddy(self.duration)
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.note)
        date_box, self.date_error = with_error(self.work_date)
        form.addRow(date_label, date_box)
        form.addRow(duration_label, duration_box)
        note_box, self.note_error = with_error(self.note)
        form.addRow(note_label, note_box)

        self.ok_button = self.add_button(
            self.tr("&Save") if entry else self.tr("&Log work"),
            QDialogButtonBox.ButtonRole.AcceptRole, self._submit)
        self.ok_button.setDefault(True)
        self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.duration.textEdited.connect(lambda _text: self.duration_error.clear_message())
        self.work_date.typed.connect(
            lambda _ok: self.date_error.show_message(self.work_date.problem()))
        self.check_text_box(self.note, self.note_error, phrase("note"), MAX_REASON)
        self.duration.setFocus()

    def _submit(self) -> None:
        if self.texts_refused():
            return
        try:
            text = format_hours(parse_hours(self.duration.text(), lang=self.lang))
        except ValidationError:
            self.duration_error.show_message(self.tr(
                "Enter the duration as h:mm (e.g. 1:30), more than zero and at most 24 hours."))
            self.duration.setFocus()
            return
        if self.work_date.problem():
            self.date_error.show_message(self.work_date.problem())
            self.work_date.setFocus()
            return
        day = from_qdate(self.work_date.date())
        note = self.note.text()
        entry = self._entry
        if entry is None:
            self.run(partial(work.log_work, self._db, self._actor, self._number, hours=text,
                             work_date=day, note=note), self.finish)
        else:
            self.run(partial(work.edit_work, self._db, self._actor, entry.id, hours=text,
                             work_date=day, note=note, expected_version=entry.version),
                     self.finish)
