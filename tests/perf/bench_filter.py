"""Filter and sort of the queue, side by side with the lazy-list baseline (issue 21).

    QT_QPA_PLATFORM=offscreen python -m tests.perf.bench_filter --db URL [--runs 7]

In one process, one window each, the same size: the real ``RequestTable`` (its model,
the services on the thread pool, as in the app) and the minimal lazy list of
:mod:`tests.perf.lazy_list`. Each run, alternated, times each action from the user's
action to the end of the first paint showing the new rows (the real table: real rows,
no placeholders; bench_queue's probe without its repaint forced right after the action,
``nudge=False``: the old rows a query leaves on screen are not painted again by the
instrument alone): the queue "all" filtered to the state "quoted" (and back), and sorted
by state. A 2 ms QTimer probe in the same event loop gives the longest stall of each
action. Prints median and range of the runs, the ratio to the baseline and the load.

Each measured action starts once the table's reads of the one before are over (a count
that follows its first rows, ``RequestTableModel.counting``): otherwise that count, read
in the background, would run during the next action, the lazy list's or the table's,
and slow down whichever it met.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from tests.perf.bench_queue import Heartbeat, Probe


class PaintProbe:
    """The first paint of a view's viewport after an action (the lazy list's rows are
    there when its action returns: it reads on the GUI thread)."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.view = view
        self.painted_at = 0.0
        self._armed = False
        probe = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if probe._armed and event.type() == QEvent.Type.Paint:
                    probe._armed = False
                    probe.painted_at = time.perf_counter()
                return False

        self._filter = Filter()
        view.viewport().installEventFilter(self._filter)

    def measure(self, action: Callable[[], None], timeout: float = 60.0) -> float:
        from PySide6.QtWidgets import QApplication

        t0 = time.perf_counter()
        action()
        self._armed = True
        self.view.viewport().update()
        while self._armed:
            QApplication.processEvents()
            time.sleep(0.0005)
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError("the lazy list did not paint in time")
        return (self.painted_at - t0) * 1000


def side_by_side(url: str, lazy_view_cls: Any) -> tuple[Any, Any, Any, Any, Any, list[Any]]:
    """The real ``RequestTable`` (a team lead's) and the lazy list in a ``lazy_view_cls``,
    each in a shown window of the same size: (app, database, table, lazy list, its
    view, the windows)."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.db.database import Database
    from app.services import staff
    from tests.perf.lazy_list import LazyList, connect
    from ui.context import AppContext
    from ui.gui_main import _freeze_startup_objects
    from ui.request_table import RequestTable

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = Database(url)
    people = staff.list_staff(db)
    user = next(p for p in people if p.role == "team_lead")
    real_window = QMainWindow()
    table = RequestTable(AppContext(db=db, user=user, lang="it"), people)
    real_window.setCentralWidget(table)
    lazy_window = QMainWindow()
    lazy = LazyList(connect(url), "?" if url.startswith("sqlite") else "%s")
    lazy_view = lazy_view_cls()
    lazy_view.setModel(lazy)
    lazy_window.setCentralWidget(lazy_view)
    for window in (real_window, lazy_window):
        window.resize(1600, 900)
        window.show()
    app.processEvents()
    _freeze_startup_objects()  # as the app does once its window is up
    return app, db, table, lazy, lazy_view, [real_window, lazy_window]


def run(url: str, runs: int) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from ui.request_table_model import COLUMNS

    app, db, table, lazy, lazy_view, windows = side_by_side(url, QTableView)
    real, base = Probe(table), PaintProbe(lazy_view)
    state = next(i for i, c in enumerate(COLUMNS) if c.key == "state")
    number = next(i for i, c in enumerate(COLUMNS) if c.key == "number")
    heartbeat = Heartbeat(2)
    times: dict[str, list[float]] = {}
    stalls: dict[str, list[float]] = {}

    def settle() -> None:
        deadline = time.perf_counter() + 30
        while getattr(table.model, "counting", False) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)

    def record(name: str, measure: Callable[[], float]) -> None:
        settle()
        app.processEvents()
        heartbeat.reset()
        heartbeat.worst = 0.0
        times.setdefault(name, []).append(measure())
        stalls.setdefault(name, []).append(heartbeat.worst * 1000)

    def sort_real(column: int, order: Qt.SortOrder) -> Callable[[], None]:
        return lambda: table.view.sortByColumn(column, order)

    # warm-up: the pool's connections, the first pages, the caches of both, and the
    # services imported (the app imports them once its first page is painted)
    importlib.import_module("app.services.queries")
    real.measure(lambda: table.set_queue("all"))
    base.measure(lambda: lazy.query())
    for _ in range(2):
        real.measure(lambda: table.set_queue("quoted"))
        real.measure(lambda: table.set_queue("all"))
        real.measure(sort_real(state, Qt.SortOrder.AscendingOrder))
        real.measure(sort_real(number, Qt.SortOrder.DescendingOrder))
        base.measure(lambda: lazy.query("quoted"))
        base.measure(lambda: lazy.query(order="state, id"))
        base.measure(lambda: lazy.query())
    for _ in range(runs):
        record("filter all -> state 'quoted' | RIT", lambda: real.measure(
            lambda: table.set_queue("quoted"), nudge=False))
        record("filter all -> state 'quoted' | lazy list", lambda: base.measure(
            lambda: lazy.query("quoted")))
        real.measure(lambda: table.set_queue("all"))
        base.measure(lambda: lazy.query())
        record("sort all by state | RIT", lambda: real.measure(
            sort_real(state, Qt.SortOrder.AscendingOrder), nudge=False))
        record("sort all by state | lazy list", lambda: base.measure(
            lambda: lazy.query(order="state, id")))
        real.measure(sort_real(number, Qt.SortOrder.DescendingOrder))
        base.measure(lambda: lazy.query())
    heartbeat.timer.stop()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"bench_filter: {db.url.get_backend_name()}, {lazy.rowCount():,} requests, "
          f"{runs} runs each, alternated, ms; load after {load}")
    for name, values in times.items():
        action, _, who = name.partition(" | ")
        ratio = ""
        if who == "RIT":
            baseline = statistics.median(times[f"{action} | lazy list"])
            ratio = f"  {statistics.median(values) / baseline:.2f}x the lazy list"
        print(f"  {name:44} median {statistics.median(values):6.1f}  range "
              f"{min(values):6.1f}-{max(values):6.1f}  longest stall "
              f"{max(stalls[name]):5.1f} (median {statistics.median(stalls[name]):4.1f})"
              f"{ratio}")
    for window in windows:
        window.close()
    db.dispose()
    return times


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", required=True, help="database URL (filled by tests.perf.generate)")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    run(args.db, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
