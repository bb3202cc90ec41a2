"""What the workspace does with notes, attachments and the running timer (a part of
:class:`ui.workspace.Workspace`, kept apart to keep each file to one subject)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.domain import states as lifecycle
from app.domain.money import round_up_minutes
from app.domain.references import request_reference
from app.floor.deferred import shown_url
from app.services.dto import AttachmentView, RequestDetail
from ui import attachment_files as files
from ui import labels
from ui.context import AppContext
from ui.feedback import Done, feedback
from ui.running_timer import RunningTimers
from ui.worker import BusyIndicator, run_async

Q = QCoreApplication  # texts of the Workspace's context (Q.translate: what lupdate reads)

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction

    from ui.tabs.attachments import AttachmentsTab
    from ui.tabs.timeline import NoticesTree
    from ui.tabs.work import WorkTab


class WorkspaceExtras:
    """Mixed into the workspace (first among its bases): Add note, Attach file, Open and
    Save an attachment, Start and Stop the timer."""

    # what the workspace has (ui/workspace.py)
    _ctx: AppContext
    _busy: BusyIndicator | None
    actions_by_name: dict[str, QAction]
    attachments_tab: AttachmentsTab
    notices: NoticesTree
    work_tab: WorkTab
    if TYPE_CHECKING:
        status: SignalInstance
        outcome: SignalInstance
        @property
        def current(self) -> RequestDetail | None: ...
        @property
        def loading(self) -> bool: ...

        def _actionable(self) -> RequestDetail | None: ...
        def _run(self, fn: Callable[[], object], action: str, target: object = None) -> None: ...
        def _what(self, action: str, result: object, before: RequestDetail | None,
                  target: object = None) -> Done: ...
        def _done(self, done: Done) -> None: ...
        def _update_actions(self) -> None: ...
        def show_error(self, exc: BaseException) -> None: ...

    def init_extras(self, ctx: AppContext) -> None:
        # what asks the user (tests replace them): a note's text, a file to attach, where to
        # save an attachment; and what opens a saved file in its application
        self.ask_note: Callable[[], str | None] = lambda: files.ask_note(self._widget())
        self.choose_attachment: Callable[[], str] = lambda: files.choose_attachment(
            self._widget())
        self.choose_save_path: Callable[[str], str] = lambda name: files.choose_save_path(
            self._widget(), name)
        self.open_path: Callable[[Path], bool] = files.open_path
        #: running timers, in this workstation's settings (the main window gives its own)
        self.timers = RunningTimers(QSettings(), shown_url(ctx.db), ctx.username)
        self._tick = QTimer(self._widget())  # a running timer's minutes, on its action
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._show_timer)
        self._tick.start()

    def connect_extras(self) -> None:
        a = self.actions_by_name
        a["add_note"].triggered.connect(self.add_note)
        a["attach"].triggered.connect(self.attach_file)
        a["timer"].triggered.connect(self.toggle_timer)
        self.attachments_tab.open_requested.connect(self.open_attachment)
        self.attachments_tab.save_requested.connect(self.save_attachment)
        self.notices.retry_requested.connect(self.retry_notice)

    def retry_notice(self, notice_id: int) -> None:
        """Retry email on a failed notice (team leads and admins: the service says who)."""
        if self._actionable() is None:
            return
        from app.services import delivery

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: delivery.retry(db, user, notice_id), "notice_retry")

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def add_note(self) -> None:
        d = self._actionable()
        if d is None:
            return
        text = self.ask_note()
        if text is None:
            return
        from app.services import attachments as attachment_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: attachment_service.add_note(db, user, d.number, text=text),
                  "add_note")

    def attach_file(self) -> None:
        d = self._actionable()
        if d is None:
            return
        chosen = self.choose_attachment()
        if not chosen:
            return
        path = Path(chosen)
        try:
            content = files.read_limited(path)
        except OSError as exc:
            self.show_error(files.unreadable(path, exc))
            return
        from app.services import attachments as attachment_service

        db, user = self._ctx.db, self._ctx.username
        self._run(lambda: attachment_service.attach(db, user, d.number, path.name, content),
                  "attach")

    # -- the timer ----------------------------------------------------------------------------
    def _show_timer(self) -> None:
        """The timer action says whether its request's timer runs, and for how long; a
        running one may always be stopped (even once the request takes no more work)."""
        action = self.actions_by_name["timer"]
        d = self.current
        minutes = self.timers.elapsed_minutes(d.number) if d is not None else None
        text = (Q.translate("Workspace", "Start ti&mer") if minutes is None else
                Q.translate("Workspace", "Stop ti&mer (%1)").replace(
                    "%1", labels.hours(minutes)))
        action.setText(text)
        button = self.work_tab.findChild(QPushButton, "button_timer")
        if isinstance(button, QPushButton):
            button.setText(text.replace("&", ""))
        if minutes is not None and not self.loading:
            action.setEnabled(True)
            action.setToolTip(text.replace("&", ""))

    def toggle_timer(self) -> None:
        """Start the request's timer; or stop it and propose the work entry (the time
        rounded up to the billing increment, editable before it is saved)."""
        d = self._actionable()
        if d is None:
            return
        minutes = self.timers.elapsed_minutes(d.number)
        if minutes is None:
            self.timers.start(d.number)
            self.outcome.emit(feedback(self._what("timer", None, d)))
            self._update_actions()
            return
        if not lifecycle.allowed("log_work", d.state):
            self.timers.stop(d.number)
            said = Q.translate("Workspace", "Timer on %1 stopped after %2: the request takes "
                                            "no more work.")
            self.status.emit(said.replace("%1", request_reference(d.number))
                             .replace("%2", labels.hours(minutes)))
            self._update_actions()
            return
        increment = d.agreed_quote.billing_increment if d.agreed_quote is not None else 15
        from ui.dialogs.work_entry import WorkEntryDialog

        dialog = WorkEntryDialog(self._ctx.db, self._ctx.username, d.number, parent=self._widget(),
                                 minutes=max(round_up_minutes(minutes, increment), increment))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = getattr(dialog, "result_value", None)
        dialog.deleteLater()
        if accepted:  # cancelled: the timer runs on
            self.timers.stop(d.number)
            self._done(self._what("log_work", result, d))

    def open_attachment(self, attachment: AttachmentView) -> None:
        """Open a copy of the file (in a private temporary folder) in its application."""
        from app.services import attachments as attachment_service

        db = self._ctx.db
        run_async(lambda: files.keep_copy(*attachment_service.attachment_content(
                      db, attachment.id)),
                  self._opened, self.show_error, self._widget(), busy=self._busy)

    def _opened(self, path: Path) -> None:
        if not self.open_path(path):
            self.show_error(files.not_opened(path))

    def save_attachment(self, attachment: AttachmentView) -> None:
        chosen = self.choose_save_path(attachment.filename)
        if not chosen:
            return
        from app.services import attachments as attachment_service

        db, target = self._ctx.db, Path(chosen)
        run_async(lambda: files.write_copy(target, attachment_service.attachment_content(
                      db, attachment.id)[1]),
                  lambda path: self.status.emit(files.saved(path)), self.show_error, self._widget(),
                  busy=self._busy)
