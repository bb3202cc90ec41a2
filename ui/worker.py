"""Run service calls off the GUI thread and deliver their outcome on it.

``run_async(fn, on_done, on_error, parent)`` queues ``fn`` on the global
``QThreadPool``; when it returns, ``on_done(result)`` runs on the GUI thread; when it
raises, ``on_error(exc)`` does. Results for a ``parent`` that has been destroyed in the
meantime are dropped. :class:`BusyIndicator` shows a wait cursor and an indeterminate
progress bar while at least one call is running.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressBar, QWidget

T = TypeVar("T")


class _Dispatcher(QObject):
    """One long-lived object on the GUI thread that every job reports through.

    Jobs never own a QObject: a QObject whose last reference died on a pool thread would
    be destroyed there. The dispatcher lives as long as the application.

    Signals:
        done(int, bool, object): job id, whether it succeeded, its result or exception.
    """

    done = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._next = 0
        self.workers: dict[int, Worker] = {}
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def register(self, worker: Worker) -> int:
        self._next += 1
        self.workers[self._next] = worker
        return self._next

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        worker = self.workers.pop(job_id, None)
        if worker is not None:
            worker.deliver(ok, payload)


_dispatcher: _Dispatcher | None = None


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
        app = QApplication.instance()
        if app is not None:
            _dispatcher.moveToThread(app.thread())
    return _dispatcher


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], job_id: int, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self._fn = fn
        self._id = job_id
        self._dispatcher = dispatcher
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread as data
            self._report(False, exc)
        else:
            self._report(True, result)
        self._fn = _nothing  # drop the closure here, not later on another thread

    def _report(self, ok: bool, payload: object) -> None:
        # the application may be gone (a read finishing as it quits): nobody to tell
        with contextlib.suppress(RuntimeError):
            self._dispatcher.done.emit(self._id, ok, payload)


def _nothing() -> None:
    return None


class Worker(QObject):
    """One asynchronous call, delivered on the GUI thread.

    Signals:
        finished(): emitted after on_done / on_error has run (success or failure).
    """

    finished = Signal()

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
        self._has_parent = parent is not None
        self._parent_alive = parent is not None
        if parent is not None:
            parent.destroyed.connect(self._parent_gone)

    def start(self, pool: QThreadPool | None = None) -> Worker:
        dispatcher = _get_dispatcher()
        job_id = dispatcher.register(self)
        (pool or QThreadPool.globalInstance()).start(_Job(self._fn, job_id, dispatcher))
        self._fn = _nothing
        return self

    @Slot()
    def _parent_gone(self) -> None:
        self._parent_alive = False

    def deliver(self, ok: bool, payload: object) -> None:
        try:
            if self._has_parent and not self._parent_alive:
                return
            if ok:
                if self._on_done is not None:
                    self._on_done(payload)
            elif isinstance(payload, BaseException):
                if self._on_error is None:
                    raise payload
                self._on_error(payload)
        finally:
            self._on_done = self._on_error = None
            self.finished.emit()


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
