"""The embedded file keeps its own deadlines while the desktop app is open (issue 18).

On PostgreSQL ``rit-desk worker`` runs next to the database; the embedded SQLite file has
no server side, so the window that has it open runs the same jobs
(:func:`app.services.worker.run_once`: quote expiry and reminders, variation reminders
and lapse, low-credit alerts) soon after it opens and then every minute, off the GUI thread as the
app runs every service call, the first a few seconds after the window opened (its own
first reads go first). One round at a time; a round that did something says
``done`` (the window reads the change, as after any write).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.db.database import Database
from ui.errors import error_text
from ui.worker import run_async

#: between two rounds (the worker's own interval)
INTERVAL_MS = 60_000
#: the first round, once the window has served its first reads
FIRST_ROUND_MS = 5_000


class DeadlineKeeper(QObject):
    """Signals:
    done(int): a round did that many things (only when more than none).
    failed(str): a round failed (the file busy or gone): its message, and the next round
        tries again.
    """

    done = Signal(int)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._running = False
        self.rounds = 0
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        """Only on the embedded file (PostgreSQL has ``rit-desk worker``)."""
        if self._db.is_sqlite:
            self.timer.start()
            QTimer.singleShot(FIRST_ROUND_MS, self, self.run_now)

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        if self._running:
            return
        self._running = True
        db = self._db

        def round_() -> int:
            from app.services import worker

            return len(worker.run_once(db))

        run_async(round_, self._finished, self._failed, parent=self)

    def _finished(self, count: int) -> None:
        self._running = False
        self.rounds += 1
        if count:
            self.done.emit(count)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.rounds += 1
        self.failed.emit(error_text(exc))
