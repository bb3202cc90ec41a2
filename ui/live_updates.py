"""Changes made at other workstations, as they commit (PostgreSQL LISTEN/NOTIFY).

Every write's audit event makes the database send a NOTIFY on ``rit_desk_changes`` when
the writing transaction commits (migration 0010). A thread of this workstation LISTENs
on a connection of its own, never the GUI thread's, and says ``changed``; the main
window then reads the change marker as its polling does. If the connection drops, the
thread connects again (and says ``listening(False)`` meanwhile: the polling goes on).
SQLite (one workstation) has nothing to listen to.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.db.database import Database

CHANNEL = "rit_desk_changes"
#: how long one wait for notifications lasts (the thread checks whether to stop between)
WAIT_SECONDS = 0.5
#: the pause before connecting again after the connection failed
RETRY_SECONDS = 2.0


class LiveUpdates(QObject):
    """Listens for changes on a connection of its own, in a thread of its own.

    Signals:
        changed(): another transaction committed a change (possibly this workstation's).
        listening(bool): the listening connection is up (True) or lost (False).
    """

    changed = Signal()
    listening = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.active = False

    @property
    def supported(self) -> bool:
        return self._db.url.get_backend_name() == "postgresql"

    def start(self) -> None:
        if not self.supported or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="rit-desk-listen", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 0.0) -> None:
        """Stop listening (the thread ends within WAIT_SECONDS; ``wait``: join that long)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and wait:
            thread.join(wait)

    def _run(self) -> None:
        while not self._stop.is_set():
            driver: Any = None
            try:
                pooled = self._db.engine.raw_connection()
                driver = pooled.driver_connection
                pooled.detach()  # never back to the pool: it stays LISTENing, then closes
                driver.autocommit = True
                driver.execute(f"LISTEN {CHANNEL}")
                self._set_active(True)
                while not self._stop.is_set():
                    # at once when one arrives (the main window gathers a burst)
                    if any(True for _ in driver.notifies(timeout=WAIT_SECONDS, stop_after=1)):
                        self.changed.emit()
            except Exception:  # the database is away: try again a little later
                self._set_active(False)
                self._stop.wait(RETRY_SECONDS)
            finally:
                if driver is not None:
                    with contextlib.suppress(Exception):  # it may be gone already
                        driver.close()
        self._set_active(False)

    def _set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.listening.emit(active)
