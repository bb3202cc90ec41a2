"""A date input that reads what people type, with a calendar.

Qt's QDateEdit types into fixed sections: "01/12/2026" typed over a selected date became
01/01/2202. :class:`DateEdit` takes the text as a whole and reads it with
:func:`app.domain.date_input.parse_typed_date` (``01/12/2026``, ``1/12/26``, ``01122026``,
``1 dic 2026``... in the language's order); once the input is left it is written back as
the app writes dates. The arrows, the calendar popup and the minimum and maximum dates
work as in QDateEdit.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from app.domain.date_input import parse_typed_date
from ui.dialogs.base import from_qdate, show_dates, to_qdate, ui_lang

#: what may be on the way to a date: digits, letters (a month's name), separators
_TYPING = re.compile(r"[\w./\- ,]{0,24}")


class DateEdit(QDateEdit):
    """A date typed as people type it, or picked in the calendar.

    Signals:
        typed(bool): the text was edited; whether it is a date now (else the previous
            date stays, and :meth:`is_date` says the text is not one).
    """

    typed = Signal(bool)

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = ui_lang()
        self.setCalendarPopup(True)
        show_dates(self)
        if value is not None:
            self.setDate(to_qdate(value))
        self.lineEdit().textEdited.connect(lambda _t: self.typed.emit(self.is_date()))

    def parse(self, text: str) -> date | None:
        """The date ``text`` means, if it is one the input accepts (within its range)."""
        value = parse_typed_date(text, self._lang, date.today())
        if value is None or not (from_qdate(self.minimumDate()) <= value
                                 <= from_qdate(self.maximumDate())):
            return None
        return value

    def is_date(self) -> bool:
        """Whether the text on screen is a date (not something half typed)."""
        return self.parse(self.text()) is not None

    def problem(self) -> str:
        """What is wrong with the text ('' when it is a date), for the field's error."""
        if self.is_date():
            return ""
        return self.tr("Type a date as day, month and year, e.g. %1.").replace(
            "%1", self.textFromDateTime(self.dateTime()))

    def rewrite(self) -> None:
        """The date written back as the app writes dates (``1/12/26`` -> ``01/12/2026``);
        what is not a date gives way to the date the input holds."""
        written = self.textFromDateTime(self.dateTime())
        if self.text() != written:
            self.lineEdit().setText(written)
            self.typed.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.rewrite()

    # -- QDateTimeEdit's reading of the text ---------------------------------------------
    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.parse(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _TYPING.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:
        value = self.parse(text)
        if value is None:
            return self.dateTime()
        return QDateTime(to_qdate(value), QTime(0, 0))
