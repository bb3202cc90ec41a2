"""What every RIT Desk dialog shares: running one service call at a time off the GUI
thread, showing its error inside the dialog, and small form helpers.

A dialog calls :meth:`ServiceDialog.run` with a zero-argument callable; while it runs,
the dialog's buttons are disabled and a second call is refused, so a double click on
"Confirm" reaches the service once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import ConflictError, DatabaseUnavailable, RitError
from app.domain.money import format_percent
from app.services.dto import RequestDetail
from ui import labels
from ui.confirm import ask
from ui.connection_state import monitor_for
from ui.errors import error_text
from ui.text_check import TextCheck, first_refused, text_rule
from ui.worker import run_async

T = TypeVar("T")
#: a service call with what to do with its result and its error
_Call = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None] | None]

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = (
    "QLabel { background: #fff4e5; color: #7a4100; border: 1px solid #f0b35a;"
    " border-radius: 4px; padding: 6px; }"
)
MESSAGE_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #e8a39b;"
    " border-radius: 4px; padding: 6px; }"
)


def ui_lang() -> str:
    """The language money and dates are written in (:func:`ui.labels.current_lang`)."""
    return labels.current_lang()


def request_heading(detail: RequestDetail) -> str:
    """The line at the top of a request's dialog: reference, customer, subject."""
    return f"{labels.request_ref(detail.number)} · {detail.customer.name} · {detail.subject}"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_format() -> str:
    """The display format of date edits (the same as :func:`ui.labels.date_str`)."""
    return labels.date_edit_format(ui_lang())


def show_dates(edit: QDateTimeEdit) -> None:
    """A date input written as the app writes dates: ``31/12/2026`` or ``31 Dec 2026``
    (the month's name in English whatever the system's locale)."""
    lang = ui_lang()
    edit.setLocale(QLocale(QLocale.Language.Italian, QLocale.Country.Italy) if lang == "it"
                   else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    edit.setDisplayFormat(date_format())


def percent(value: Decimal, lang: str) -> str:
    """``22 %``: a rate as the documents write it too."""
    return format_percent(value, lang)


#: what a dialog leaves of its screen's available area (the window frame and some air)
SCREEN_MARGIN = (40, 60)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or less where its screen is smaller
    (a document dialog asked for 900 pixels of height on a 768-pixel screen: its
    buttons were off the screen)."""
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - SCREEN_MARGIN[0])
        height = min(height, room.height() - SCREEN_MARGIN[1])
    widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))


def grow_to_contents(widget: QWidget) -> None:
    """Grow (never shrink) a window to what its contents need after they changed, a
    wrapped label's height for the width it has included (a dialog does not do it by
    itself: a message shown in an open dialog was cut after a line and a half)."""
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    width = max(hint.width(), widget.width())
    height = hint.height()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    if width > widget.width() or height > widget.height():
        resize_within_screen(widget, width, max(height, widget.height()))


class FieldError(QLabel):
    """A red message shown under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


def with_error(field: QWidget) -> tuple[QWidget, FieldError]:
    """``field`` stacked over its :class:`FieldError`, to put in a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = FieldError(box)
    layout.addWidget(error)
    box.setFocusProxy(field)
    return box, error


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class ServiceDialog(QDialog):
    """A dialog that calls services off the GUI thread, one call at a time.

    Subclasses build their form, add :attr:`message` (the dialog-wide error) and
    :attr:`buttons` to their layout, call :meth:`load` for what they show and
    :meth:`run` from their accept handler.

    While the database cannot be reached, nothing typed is lost: an action that failed
    with :class:`~app.domain.errors.DatabaseUnavailable` leaves the dialog open with its
    contents, says so, offers to retry, and runs again by itself once the database
    answers (unless the entries were changed meanwhile, or the connection broke while
    committing, when the change may already be saved).

    Nothing typed is lost by accident either: Esc, Cancel or closing the window asks
    before discarding entries changed since the dialog was shown (or since what it read
    filled them), unless :attr:`guards_input` is off (dialogs that only show documents).

    Signals:
        idle(): a call (load or action) has finished and its outcome is shown.
    """

    idle = Signal()
    #: whether closing asks before discarding changed entries
    guards_input = True

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._busy = False
        self._loading = False
        self._pending: tuple[Callable[[Any], None], Callable[[BaseException], None] | None] | None
        self._pending = None
        self._result: Any = None
        self.lang = ui_lang()
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.buttons.rejected.connect(self.reject)
        self._action: _Call | None = None  # the action running now
        self._waiting: _Call | None = None  # an action waiting for the database
        self._waiting_form: list[object] = []
        self._failed_load: _Call | None = None
        self.retry_button: QPushButton | None = None
        self.connection = monitor_for(db)
        self.text_checks: list[TextCheck] = []
        self.connection.restored.connect(self._database_back)
        #: the entries as shown (None until shown or filled by what was read)
        self._clean_form: list[object] | None = None

    # -- state -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a service call started by this dialog is running."""
        return self._busy

    @property
    def loading(self) -> bool:
        """True while the dialog reads what it shows."""
        return self._loading

    @property
    def result_value(self) -> Any:
        """What the last successful call returned (None until then)."""
        return self._result

    # -- buttons -----------------------------------------------------------------------
    def add_button(
        self, text: str, role: QDialogButtonBox.ButtonRole, slot: Callable[[], None]
    ) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def add_cancel(self) -> QPushButton:
        button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        button.setText(self.tr("&Cancel"))
        button.setAutoDefault(False)
        return button

    def set_inputs_enabled(self, enabled: bool) -> None:
        """Enable or disable what may start a call (subclasses add their own widgets)."""
        for button in self.buttons.buttons():
            if self.buttons.buttonRole(button) != QDialogButtonBox.ButtonRole.RejectRole:
                button.setEnabled(enabled)

    # -- free texts --------------------------------------------------------------------
    def check_text_box(self, box: QLineEdit | QPlainTextEdit, error: QLabel, what: str,
                       max_len: int) -> TextCheck:
        """Check ``box`` as it is typed with the service's rule for ``what`` (no control
        characters, at most ``max_len`` characters), said in ``error`` under it."""
        check = TextCheck(box, error, text_rule(what, max_len))
        self.text_checks.append(check)
        return check

    def texts_refused(self) -> bool:
        """True when a checked box's text is refused (said under it): send nothing."""
        return first_refused(self.text_checks)

    # -- messages ----------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, ConflictError):
            return error_text(exc) + "\n" + self.tr(
                "Close this dialog to reload the request, then try again.")
        if isinstance(exc, RitError):
            return error_text(exc)
        return self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")

    # -- calls -------------------------------------------------------------------------
    def run(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Start an action off the GUI thread unless a call is running; False if refused.

        While it runs the action buttons are disabled and Esc does not close the dialog.
        """
        if self._busy or self._loading:
            return False
        self._busy = True
        self._action = (call, on_done, on_error)
        self._set_waiting(None)
        self._start(call, on_done, on_error)
        return True

    def load(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read what the dialog shows off the GUI thread; the dialog may be closed meanwhile."""
        self._loading = True
        self._failed_load = (call, on_done, on_error)
        self._start(call, on_done, on_error)

    def _start(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.show_message("")
        self.set_inputs_enabled(False)
        # The worker keeps only a weak reference to the dialog: if it held the last
        # strong one, the dialog would be destroyed from inside the worker's own
        # destruction (a crash), or from another thread.
        self._pending = (on_done, on_error)
        me = weakref.ref(self)

        def done(value: object) -> None:
            dialog = me()
            if dialog is not None:
                dialog._deliver(value, None)

        def failed(exc: BaseException) -> None:
            dialog = me()
            if dialog is not None:
                dialog._deliver(None, exc)

        run_async(call, done, failed, self)

    def _deliver(self, value: Any, exc: BaseException | None) -> None:
        on_done, on_error = self._pending or (None, None)
        self._pending = None  # no cycle through the callbacks once delivered
        action, self._action = self._action, None
        loading = self._loading
        self._busy = self._loading = False
        self.set_inputs_enabled(True)
        away = isinstance(exc, DatabaseUnavailable)
        if exc is None or not away:
            if loading:
                self._failed_load = None
            if exc is None:
                self.connection.report(None)
        # what was read fills the entries: they are as shown unless the user changed them
        clean = loading and exc is None and not self.has_unsaved_input()
        try:
            if exc is None:
                if on_done is not None:
                    on_done(value)
                if clean:
                    self.mark_clean()
            elif on_error is not None:
                on_error(exc)
            else:
                self.show_message(self.error_text(exc))
            if isinstance(exc, DatabaseUnavailable):
                self.connection.report(exc)
                if action is not None and not exc.maybe_committed:
                    self._set_waiting(action, exc)
        finally:
            # Widgets added to a visible layout show up one event later: fit then.
            QTimer.singleShot(0, self, self.fit_contents)  # dropped if the dialog is gone
            self.idle.emit()

    def fit_contents(self) -> None:
        """Grow (never shrink) to what the contents need after they changed."""
        grow_to_contents(self)

    # -- the database away -------------------------------------------------------------
    @property
    def waiting(self) -> bool:
        """True while an action waits for the database to answer again."""
        return self._waiting is not None

    def retry(self) -> None:
        """Run the action that waits for the database again (the Retry button)."""
        action = self._waiting
        if action is not None and not self._busy and not self._loading:
            self.run(*action)

    def _set_waiting(self, action: _Call | None, exc: BaseException | None = None) -> None:
        self._waiting = action
        if action is None:
            if self.retry_button is not None:
                self.retry_button.hide()
            return
        self._waiting_form = self._form_state()
        if self.retry_button is None:
            self.retry_button = self.add_button(
                self.tr("&Retry now"), QDialogButtonBox.ButtonRole.ActionRole, self.retry)
        self.retry_button.show()
        self.show_message(self.tr(
            "The database cannot be reached: nothing was saved, and what you entered is "
            "kept. It is saved as soon as the database answers again, or retry now.")
            + ("\n" + capitalised(error_text(exc)) if exc is not None else ""))

    def _database_back(self) -> None:
        """The database answers again: save what waits, read what could not be read."""
        if self._busy or self._loading:
            return
        if self._waiting is not None:
            if self._form_state() != self._waiting_form:
                self._set_waiting(None)
                self.show_message(self.tr(
                    "The database answers again. The entries were changed since: save "
                    "them again when they are ready."))
                return
            self.retry()
        elif self._failed_load is not None:
            self.load(*self._failed_load)

    def _form_state(self) -> list[object]:
        """What the entries hold now (to tell whether they changed while waiting)."""
        state: list[object] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                state.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                state.append(widget.toPlainText())
            elif isinstance(widget, QDateTimeEdit):
                state.append(widget.dateTime())
            elif isinstance(widget, QComboBox):
                state.append(widget.currentIndex())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                state.append(widget.isChecked())
            elif isinstance(widget, QTableWidget):
                state.append([_cell_text(widget, r, c) for r in range(widget.rowCount())
                              for c in range(widget.columnCount())])
        return state

    def mark_clean(self) -> None:
        """The entries as they are now are what closing may discard without asking."""
        self._clean_form = self._form_state()

    def has_unsaved_input(self) -> bool:
        """Whether an entry was changed since the dialog was shown or filled."""
        return self._clean_form is not None and self._form_state() != self._clean_form

    def ask_user(self, title: str, text: str) -> bool:
        """Yes or No over the dialog, No being the default (the GUI tests answer it)."""
        return ask(self, title, text)

    def confirm_discard(self) -> bool:
        """Whether the user agrees to lose the changed entries (No is the default)."""
        return self.ask_user(self.tr("Discard changes"),
                             self.tr("Close without saving? What you entered will be lost."))

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean_form is None:
            self.mark_clean()
        super().showEvent(event)

    def finish(self, value: object) -> None:
        """Keep ``value`` as :attr:`result_value` and close the dialog as accepted."""
        self._result = value
        self.accept()

    def reject(self) -> None:
        """Esc / Cancel / closing the window: refused while a call runs (its outcome must
        not be lost); asks first when entries were changed and not saved."""
        if self._busy:
            return
        if self.guards_input and self.has_unsaved_input() and not self.confirm_discard():
            return
        super().reject()
