"""The start benchmark's probe, built in so that it measures the installed package too.

With ``RIT_DESK_START_PROBE`` set, the app prints ``rit-desk: first page painted at T`` on
stderr (``T``: ``time.time()``) once the queue table has painted real rows (not the
placeholders of a page still being read) for the first time; with the value ``quit`` it
then quits. ``tests/perf/bench_start.py`` reads the line. Unset, nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV = "RIT_DESK_START_PROBE"
LINE = "rit-desk: first page painted at"


class _PaintProbe(QObject):
    def __init__(self, table: object, quit_after: bool) -> None:
        super().__init__()
        self._table = table
        self._quit = quit_after
        self._done = False

    def _rows_shown(self) -> bool:
        model = self._table.model  # type: ignore[attr-defined]
        view = self._table.view  # type: ignore[attr-defined]
        first = view.rowAt(0)
        return model.rowCount() > 0 and first >= 0 and bool(model.is_loaded(first))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._rows_shown():
            self._done = True
            # reported once this paint has been handled
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"{LINE} {time.time():.6f}", file=sys.stderr, flush=True)
        if self._quit:
            QCoreApplication.quit()


def install(table: object) -> QObject | None:
    """Watch ``table`` (a RequestTable) when the benchmark asks for it; keep the result."""
    mode = os.environ.get(ENV)
    if not mode:
        return None
    probe = _PaintProbe(table, quit_after=mode == "quit")
    table.view.viewport().installEventFilter(probe)  # type: ignore[attr-defined]
    return probe
