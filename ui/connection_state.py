"""Whether the central database answers, for every window that uses it.

One :class:`ConnectionMonitor` per :class:`~app.db.database.Database` (see
:func:`monitor_for`): any call that fails with
:class:`~app.domain.errors.DatabaseUnavailable` reports it (the main window's
change-marker polling, a dialog's save), and from then on the monitor asks the database
every few seconds until it answers again. Windows show the state (:class:`ConnectionLabel`
in the status bar, no popups) and dialogs save what is waiting when it is back.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.errors import DatabaseUnavailable
from ui.errors import error_text
from ui.worker import run_async

if TYPE_CHECKING:  # SQLAlchemy: not before the first page is painted
    from app.db.database import Database

#: how often an unreachable database is asked again
PROBE_INTERVAL_MS = 3000
#: how long "reconnected" stays in the status bar
RECONNECTED_SHOWN_MS = 10_000


class ConnectionMonitor(QObject):
    """The connection state of one database.

    Signals:
        lost(str): the database stopped answering (the error, in the user's language).
        restored(): it answers again.
    """

    lost = Signal(str)
    restored = Signal()

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self._online = True
        self._probing = False
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_INTERVAL_MS)
        self.probe_timer.timeout.connect(self.probe)

    @property
    def online(self) -> bool:
        return self._online

    def report(self, exc: BaseException | None) -> None:
        """The outcome of a call: None (it worked) or its error."""
        if exc is None:
            self._set_online()
        elif isinstance(exc, DatabaseUnavailable) and self._online:
            self._online = False
            self.probe_timer.start()
            self.lost.emit(error_text(exc))

    @Slot()
    def probe(self) -> None:
        """Ask the database whether it answers (off the GUI thread)."""
        if self._probing:
            return
        self._probing = True
        run_async(self._db.check_connection, self._probed, self._probed, self)

    def _probed(self, outcome: object) -> None:
        self._probing = False
        self.report(outcome if isinstance(outcome, BaseException) else None)

    def _set_online(self) -> None:
        if not self._online:
            self._online = True
            self.probe_timer.stop()
            self.restored.emit()


_monitors: weakref.WeakKeyDictionary[Database, ConnectionMonitor] = weakref.WeakKeyDictionary()


def monitor_for(db: Database) -> ConnectionMonitor:
    """The monitor of ``db`` (made on first use, on the GUI thread)."""
    monitor = _monitors.get(db)
    if monitor is None:
        monitor = _monitors[db] = ConnectionMonitor(db)
    return monitor


class ConnectionLabel(QLabel):
    """The connection state in a status bar: hidden while all is well, "disconnected"
    while the database does not answer, "reconnected" for a few seconds after."""

    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionState")
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(RECONNECTED_SHOWN_MS)
        self._hide_timer.timeout.connect(self.hide)
        monitor.lost.connect(self._lost)
        monitor.restored.connect(self._restored)
        self.hide()
        if not monitor.online:
            self._lost("")

    @Slot(str)
    def _lost(self, detail: str) -> None:
        self._hide_timer.stop()
        self.setText("● " + self.tr("Disconnected: the database does not answer; retrying…"))
        self.setToolTip(detail)
        self.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.show()

    @Slot()
    def _restored(self) -> None:
        self.setText("● " + self.tr("Reconnected"))
        self.setToolTip("")
        self.setStyleSheet("QLabel { color: #1b5e20; font-weight: bold; }")
        self.show()
        self._hide_timer.start()
