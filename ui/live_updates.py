"""Changes made at other workstations, as they commit (PostgreSQL LISTEN/NOTIFY).

Every write's audit event makes the database send a NOTIFY on ``rit_desk_changes`` when
the writing transaction commits (migration 0010). A thread of this workstation LISTENs
on a connection of its own, never the GUI thread's, and says ``changed``; the main
window then reads the change marker as its polling does. If the connection drops (server
restart, network drop, backend terminated), the thread says ``listening(False)`` at once
and connects again (at once the first time, then every RETRY_SECONDS); the main window
asks the database meanwhile and reads the marker again once it listens. SQLite (one
workstation) has nothing to listen to.

The thread never emits on the :class:`LiveUpdates` object (which goes with its window,
possibly while the thread is still waiting: "Signal source has been deleted"), but on
one relay that lives as long as the application; nothing is emitted once stopped, and
stopping wakes the thread at once (a socket pair beside the connection's).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:  # SQLAlchemy: not before the first page is painted
    from app.db.database import Database


CHANNEL = "rit_desk_changes"
#: how the listening connection shows in pg_stat_activity
APPLICATION_NAME = "rit-desk listener"
#: the pause before connecting again after a failed attempt (or a connection that lasted
#: less than this: a server that drops it at once is not hammered)
RETRY_SECONDS = 2.0
#: how long one wait on the connection lasts at most (the connection's own keepalives
#: find a dead network; this only bounds each wait)
WAIT_SECONDS = 30.0

CHANGED = "changed"
LISTENING = "listening"


class _Relay(QObject):
    """One long-lived object the listening threads report through (see the module doc).

    Signals:
        report(int, str, bool): session, what (CHANGED or LISTENING), whether listening.
    """

    report = Signal(int, str, bool)


_relay: _Relay | None = None
_sessions = itertools.count(1)


def _get_relay() -> _Relay:
    """The relay, made on the GUI thread by the first :class:`LiveUpdates`."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def connect_listener(db: Database) -> Any:
    """A connection of its own (never back to the pool), LISTENing on CHANNEL."""
    pooled = db.engine.raw_connection()
    driver: Any = pooled.driver_connection
    pooled.detach()  # it stays LISTENing, then closes
    try:
        driver.autocommit = True
        driver.execute(f"SET application_name TO '{APPLICATION_NAME}'")
        driver.execute(f"LISTEN {CHANNEL}")
    except BaseException:
        with contextlib.suppress(Exception):
            driver.close()
        raise
    return driver


class _Session:
    """One run of the listening thread: plain Python, shared by the thread and its
    :class:`LiveUpdates`; reports through the relay until stopped."""

    def __init__(self, relay: _Relay) -> None:
        self.key = next(_sessions)
        self._relay = relay
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        import socket  # when PostgreSQL is listened to: not before the first paint

        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self.up = False

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def stop(self) -> None:
        """No report after this returns; the thread wakes and ends."""
        with self._lock:
            self._stopped.set()
        with contextlib.suppress(OSError):  # full, or already closed
            self._wake_w.send(b"x")

    def report(self, what: str, value: bool = True) -> None:
        with self._lock:
            if self._stopped.is_set():
                return
            if what == LISTENING:
                if value == self.up:
                    return
                self.up = value
            self._relay.report.emit(self.key, what, value)

    def pause(self, seconds: float) -> None:
        """Wait ``seconds``, or less if stopped meanwhile."""
        self._stopped.wait(seconds)

    def wait_readable(self, driver: Any) -> bool:
        """Wait until the connection has something to read (True), or for WAIT_SECONDS
        or being stopped (False)."""
        import selectors

        with selectors.DefaultSelector() as selector:
            selector.register(driver.fileno(), selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            ready = selector.select(WAIT_SECONDS)
        return any(key.fileobj is not self._wake_r for key, _events in ready)

    def close(self) -> None:
        for sock in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                sock.close()


def _listen(db: Database, session: _Session) -> None:
    """The listening thread: connect, LISTEN, report, again when the connection drops."""
    since: float | None = None  # when the last connection started listening
    while not session.stopped:
        driver: Any = None
        try:
            driver = connect_listener(db)
            since = time.monotonic()
            session.report(LISTENING, True)
            while not session.stopped:
                # at once when one arrives (the main window gathers a burst); a broken
                # connection is readable too, and raises here
                if session.wait_readable(driver) and any(
                        True for _ in driver.notifies(timeout=0)):
                    session.report(CHANGED)
        except Exception:  # the connection broke, or the database is away
            session.report(LISTENING, False)
            # a connection that had been listening a while is tried again at once (a
            # terminated backend, a restart that is over); else a little later
            lasted = since is not None and time.monotonic() - since >= RETRY_SECONDS
            since = None
            if not lasted:
                session.pause(RETRY_SECONDS)
        finally:
            if driver is not None:
                with contextlib.suppress(Exception):  # it may be gone already
                    driver.close()
    session.close()


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
        self._session: _Session | None = None
        self._thread: threading.Thread | None = None
        self.active = False
        _get_relay().report.connect(self._on_report)
        # gone without stop() (its window deleted unclosed): the thread ends all the same
        running: list[_Session] = []
        self._running = running

        def stop_running(*_args: object) -> None:  # holds the list, never this object
            for session in running:
                session.stop()

        self.destroyed.connect(stop_running)

    @property
    def supported(self) -> bool:
        return self._db.url.get_backend_name() == "postgresql"

    def start(self) -> None:
        if not self.supported or self._thread is not None:
            return
        self._session = _Session(_get_relay())
        self._running[:] = [self._session]
        self._thread = threading.Thread(target=_listen, args=(self._db, self._session),
                                        name="rit-desk-listen", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 0.0) -> None:
        """Stop listening: nothing is reported after this; the thread wakes and ends
        (``wait``: join it that long)."""
        session, self._session = self._session, None
        thread, self._thread = self._thread, None
        self._running.clear()
        if session is not None:
            session.stop()
        self.active = False
        if thread is not None and wait:
            thread.join(wait)

    @Slot(int, str, bool)
    def _on_report(self, key: int, what: str, value: bool) -> None:
        if self._session is None or key != self._session.key:
            return  # another window's, or from before a stop
        if what == CHANGED:
            self.changed.emit()
        elif value != self.active:
            self.active = value
            self.listening.emit(value)
