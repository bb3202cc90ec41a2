"""A free-text box checked as it is typed, with the rule the service applies to it.

The rules are the services' own (:mod:`app.domain.texts`, :func:`app.domain.queues.
check_search`): a NUL or another control character, or more characters than the service
takes, is said under the box (and in its tooltip) in the user's language the moment it
is typed or pasted, and the box's owner asks :meth:`TextCheck.refused` before it reads or
writes anything. The box takes a paste longer than the limit so that it can say so,
instead of cutting it silently. Whether a text is *required* stays its owner's message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.errors import ValidationError
from app.domain.texts import check_text
from ui.errors import error_text

#: red, as every message under a field
ERROR_STYLE = "color: #b00020;"

Rule = Callable[[str], object]


def text_rule(what: str, max_len: int, *, lines: bool = True) -> Rule:
    """The service's rule for a text (an empty one is not refused here)."""
    return lambda text: check_text(text, what, max_len, required=False, lines=lines)


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red message under a box, hidden while empty."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class TextCheck(QObject):
    """Checks ``box`` with ``rule`` whenever its text changes; says why it is refused in
    ``label``, which it owns: a change of the text also takes away what its owner said
    there (a required text missing).

    Signals:
        changed(bool): the box's text went from accepted to refused (True) or back.
    """

    changed = Signal(bool)

    def __init__(self, box: QLineEdit | QPlainTextEdit, label: QLabel, rule: Rule) -> None:
        super().__init__(box)
        self.box = box
        self.label = label
        self._rule = rule
        self._tip = box.toolTip()
        self._message = ""
        if isinstance(box, QLineEdit):
            box.setMaxLength(32767)  # Qt's most: a longer paste is refused, not cut silently
        box.textChanged.connect(self.check)
        self.check()

    def text(self) -> str:
        box = self.box
        return box.text() if isinstance(box, QLineEdit) else box.toPlainText()

    @property
    def message(self) -> str:
        """Why the box's text is refused ("" when it is not)."""
        return self._message

    def check(self, *_args: object) -> bool:
        """Check the box now; True when its text is refused (said under the box)."""
        try:
            self._rule(self.text())
        except ValidationError as exc:
            message = error_text(exc)
            message = message[:1].upper() + message[1:]
        else:
            message = ""
        was, self._message = self._message, message
        self.label.setText(message)
        self.label.setVisible(bool(message))
        if message != was:
            self.box.setToolTip(message or self._tip)
            if bool(was) != bool(message):
                self.changed.emit(bool(message))
        return bool(message)

    def refused(self) -> bool:
        """True (focus on the box) when its text is refused: read and write nothing."""
        if self.check():
            self.box.setFocus()
            return True
        return False


def first_refused(checks: list[TextCheck]) -> bool:
    """True when any box's text is refused; every refusal is said, the first one focused."""
    refused = [check for check in checks if check.check()]
    if refused:
        refused[0].box.setFocus()
    return bool(refused)
