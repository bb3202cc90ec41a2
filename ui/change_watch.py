"""Whether the central database changed (another workstation, the control panel): asked by
polling, and announced by the database itself where it can (LISTEN/NOTIFY on PostgreSQL,
:mod:`ui.live_updates`), polling then being only a safety net."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.connection_state import ConnectionMonitor
from ui.errors import error_text
from ui.live_updates import LiveUpdates
from ui.worker import run_async

if TYPE_CHECKING:  # SQLAlchemy: not before the first page is painted
    from app.db.database import Database

POLL_INTERVAL_MS = 3000
#: while the database announces every change (PostgreSQL), polling is only a safety net
LISTENING_POLL_INTERVAL_MS = 30000
# how long closing waits for the listening thread (it ends within milliseconds unless it
# is connecting to a server that does not answer)
LISTENER_STOP_WAIT_S = 1.0
#: changes announced in a burst are read once, this long after the first
NOTIFIED_DELAY_MS = 50


class ChangeWatch(QObject):
    """The last change marker read, and the timers and listener that ask for a new one.

    Every answer (or failure) is reported to ``connection``.

    Signals:
        changed(): the marker moved since it was last read: refresh what is shown.
        status(str): a poll failed while the database was thought to answer (its text).
    """

    changed = Signal()
    status = Signal(str)

    def __init__(self, db: Database, connection: ConnectionMonitor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._connection = connection
        #: the last change marker read (None before the first answer)
        self.marker: tuple[int, int] | None = None
        #: a poll is running (another one asked meanwhile runs once it is over)
        self.polling = False
        self._poll_again = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.live = LiveUpdates(db, self)
        self.notified_timer = QTimer(self)
        self.notified_timer.setSingleShot(True)
        self.notified_timer.setInterval(NOTIFIED_DELAY_MS)
        self.poll_timer.timeout.connect(self.poll)
        # changes announced by the database (LISTEN/NOTIFY on PostgreSQL)
        self.live.changed.connect(self.notified_timer.start)
        self.notified_timer.timeout.connect(self.poll)
        self.live.listening.connect(self._on_listening)

    def start(self) -> None:
        """Read the first marker, then poll and listen."""
        self._read_marker()
        self.poll_timer.start()
        self.live.start()

    def stop(self) -> None:
        self.poll_timer.stop()
        self.live.stop(wait=LISTENER_STOP_WAIT_S)  # woken at once: gone before the window

    def _read_marker(self) -> None:
        from app.services import queries

        db = self._db
        run_async(lambda: queries.last_change_marker(db), self._set_marker, None, self)

    def _set_marker(self, marker: tuple[int, int]) -> None:
        self.marker = marker

    def _on_listening(self, listening: bool) -> None:
        """The listening connection is up or lost: poll slowly or fast, and ask now.

        Lost (a server restart, a network drop): whether the database answers is known at
        once ("disconnected" shown if not), not at the next poll, up to 30 s later. Up again:
        what was committed while nobody listened was announced to nobody; the marker says.
        """
        self.poll_timer.setInterval(LISTENING_POLL_INTERVAL_MS if listening
                                    else POLL_INTERVAL_MS)
        self.poll()

    def poll(self) -> None:
        """Ask the database whether anything changed; ``changed`` if so."""
        if self.polling:  # once more when this one is over: it may have read too early
            self._poll_again = True
            return
        self.polling = True
        self._poll_again = False
        from app.services import queries

        db = self._db
        run_async(lambda: queries.last_change_marker(db), self._on_marker, self._poll_failed,
                  self)

    def _on_marker(self, marker: tuple[int, int]) -> None:
        self.polling = False
        self._connection.report(None)
        if self.marker is not None and marker != self.marker:
            self.marker = marker
            self.changed.emit()
        self.marker = marker
        self._poll_once_more()

    def _poll_failed(self, exc: BaseException) -> None:
        self.polling = False
        self._connection.report(exc)
        if self._connection.online:  # "disconnected" is shown by the connection label
            self.status.emit(error_text(exc))
        self._poll_once_more()

    def _poll_once_more(self) -> None:
        if self._poll_again:
            self._poll_again = False
            self.poll()
