"""Run service calls off the GUI thread and deliver their outcome on it.

``run_async(fn, on_done, on_error, parent)`` queues ``fn`` on the global
``QThreadPool``; when it returns, ``on_done(result)`` runs on the GUI thread; when it
raises, ``on_error(exc)`` does. Results for a ``parent`` that has been destroyed in the
meantime are dropped. :class:`BusyIndicator` shows a wait cursor and an indeterminate
progress bar while at least one call is running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressBar, QWidget

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; the runnable emits through it (queued across threads).

    Signals:
        succeeded(object): the call returned this value.
        failed(object): the call raised this exception.
    """

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable, Generic[T]):
    def __init__(self, fn: Callable[[], T], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread as data
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Worker(QObject):
    """One asynchronous call; keeps itself alive until its outcome is delivered.

    Signals:
        finished(): emitted after on_done / on_error has run (success or failure).
    """

    finished = Signal()
    _live: ClassVar[set[Worker]] = set()

    def __init__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__()
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._parent_alive = parent is not None
        self._has_parent = parent is not None
        if parent is not None:
            parent.destroyed.connect(self._parent_gone)
        self._relay = _Relay()
        self._relay.succeeded.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    def start(self, pool: QThreadPool | None = None) -> Worker:
        Worker._live.add(self)
        (pool or QThreadPool.globalInstance()).start(_Job(self._fn, self._relay))
        return self

    @Slot()
    def _parent_gone(self) -> None:
        self._parent_alive = False

    def _wanted(self) -> bool:
        return not self._has_parent or self._parent_alive

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        try:
            if self._wanted() and self._on_done is not None:
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        try:
            if self._wanted():
                if self._on_error is not None and isinstance(exc, BaseException):
                    self._on_error(exc)
                elif isinstance(exc, BaseException):
                    raise exc
        finally:
            self._finish()

    def _finish(self) -> None:
        Worker._live.discard(self)
        self.finished.emit()
        self.deleteLater()


def run_async(
    fn: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
    *,
    busy: BusyIndicator | None = None,
) -> Worker:
    """Run ``fn()`` on the thread pool; call back on the GUI thread.

    ``parent``: when it is destroyed before ``fn`` returns, the callbacks are skipped.
    ``busy``: a :class:`BusyIndicator` held for the duration of the call.
    """
    worker = Worker(fn, on_done, on_error, parent)
    if busy is not None:
        busy.push()
        worker.finished.connect(busy.pop)
    return worker.start()


class BusyIndicator(QObject):
    """A counter of running calls shown as a wait cursor and an optional busy bar.

    Signals:
        busy_changed(bool): True when the first call starts, False when the last ends.
    """

    busy_changed = Signal(bool)

    def __init__(self, bar: QProgressBar | None = None, *, cursor: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._bar = bar
        self._cursor = cursor
        if bar is not None:
            bar.setRange(0, 0)  # indeterminate
            bar.setTextVisible(False)
            bar.setMaximumWidth(120)
            bar.setMaximumHeight(14)
            bar.hide()

    @property
    def busy(self) -> bool:
        return self._count > 0

    @Slot()
    def push(self) -> None:
        self._count += 1
        if self._count == 1:
            self._show(True)

    @Slot()
    def pop(self) -> None:
        if self._count == 0:
            return
        self._count -= 1
        if self._count == 0:
            self._show(False)

    def _show(self, on: bool) -> None:
        if self._bar is not None:
            self._bar.setVisible(on)
        if self._cursor:
            if on:
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            else:
                QApplication.restoreOverrideCursor()
        self.busy_changed.emit(on)


def make_busy_bar(parent: QWidget | None = None) -> QProgressBar:
    """A small indeterminate bar for a status bar, hidden until something runs."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumWidth(120)
    bar.setMaximumHeight(14)
    bar.hide()
    return bar
