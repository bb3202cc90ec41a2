"""Queue benchmark through the real table: RequestTable (model + QTableView), offscreen.

    QT_QPA_PLATFORM=offscreen python -m tests.perf.bench_queue --db URL [--repeat 3]

Every figure is the wall time from the user's action (queue chosen, header clicked,
filter chosen, Enter in the search box, scroll bar dragged to the end) to the first paint
of the viewport that shows real rows (no placeholders) of the new query. The model runs
its queries on the thread pool, as in the app. A 5 ms QTimer heartbeat measures the
longest stall of the event loop over the whole run; the peak RSS of the process is read
at the end. Figures: median (and worst) of ``--repeat`` runs of each action.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

TARGETS_MS = {"queue": 100, "sort": 100, "filter": 100, "search": 300, "jump": 200}


class Probe:
    """Waits for 'loaded' and for a paint of the viewport with every visible row loaded."""

    def __init__(self, table: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.table = table
        self.model = table.model
        self.view = table.view
        self.loaded = False
        self.painted_at = 0.0
        self.model.loaded.connect(self._on_loaded)
        probe = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    probe._on_paint()
                return False

        self._filter = Filter()
        self.view.viewport().installEventFilter(self._filter)
        self._need_load = False
        self._done = False

    def _on_loaded(self) -> None:
        self.loaded = True

    def _visible_rows_loaded(self) -> bool:
        total = self.model.rowCount()
        if total == 0:
            return True
        first = self.view.rowAt(0)
        last = self.view.rowAt(self.view.viewport().height() - 1)
        if first < 0:
            return False
        if last < 0:
            last = total - 1
        return self.model.is_loaded(first) and self.model.is_loaded(last)

    def _on_paint(self) -> None:
        if self._done or (self._need_load and not self.loaded):
            return
        if self._visible_rows_loaded():
            # this paint event shows real rows; it completes when the handler returns
            self._done = True
            self.painted_at = time.perf_counter()

    def measure(self, action: Callable[[], None], *, new_query: bool = True,
                timeout: float = 60.0, nudge: bool = True) -> float:
        """``nudge``: ask for a repaint right after the action too (False: the view paints
        what the action makes it paint, and is asked once the new rows have arrived)."""
        from PySide6.QtWidgets import QApplication

        self.loaded = False
        self._need_load = new_query
        self._done = False
        t0 = time.perf_counter()
        action()
        if nudge:
            self.view.viewport().update()
        while not self._done:
            QApplication.processEvents()
            if not self._done:
                if self.loaded or not new_query:
                    self.view.viewport().update()
                time.sleep(0.0005)
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError("the table did not paint its rows in time")
        # the paint that showed the rows has finished once processEvents returned
        return (self.painted_at - t0) * 1000


class Heartbeat:
    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import QTimer

        self.interval = interval_ms / 1000
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - self.interval)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(url: str, repeat: int, out: Callable[[str], None] = print, *,
        freeze: bool = True) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.db.database import Database
    from app.services import queries, staff
    from ui.context import AppContext
    from ui.request_table import RequestTable

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = Database(url)
    people = staff.list_staff(db)
    user = next(p for p in people if p.role == "team_lead")
    ctx = AppContext(db=db, user=user, lang="it")
    window = QMainWindow()
    table = RequestTable(ctx, people)
    window.setCentralWidget(table)
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    if freeze:  # what the app does once its main window is up (ui.gui_main)
        from ui.gui_main import _freeze_startup_objects

        _freeze_startup_objects()
    probe = Probe(table)
    total = queries.count_requests(db)
    heartbeat = Heartbeat()
    results: dict[str, list[float]] = {}
    stalls: dict[str, float] = {}
    rss_start = peak_rss_mb()

    def record(name: str, ms: float) -> None:
        results.setdefault(name, []).append(ms)
        stalls[name] = max(stalls.get(name, 0.0), heartbeat.worst)
        heartbeat.worst = 0.0

    from ui.request_table_model import COLUMNS

    column = {c.key: i for i, c in enumerate(COLUMNS)}
    tech = next(i for i in range(table.assignee.count())
                if table.assignee.itemData(i) not in (None, ""))

    def reset_filters() -> None:
        table.search.blockSignals(True)
        table.search.setText("")
        table.search.blockSignals(False)
        table.assignee.blockSignals(True)
        table.assignee.setCurrentIndex(0)
        table.assignee.blockSignals(False)

    def search(text: str) -> Callable[[], None]:
        def act() -> None:
            table.search.setText(text)
            table.search.returnPressed.emit()
        return act

    # a warm-up, as after start: the first query also opens the connection pool
    probe.measure(lambda: table.set_queue("all"))
    for _ in range(repeat):
        reset_filters()
        table.view.sortByColumn(column["number"], Qt.SortOrder.DescendingOrder)
        probe.measure(lambda: table.set_queue("new"))
        record("queue: open 'all requests' (1 page + count)",
               probe.measure(lambda: table.set_queue("all")))
        record("queue: open 'in progress'", probe.measure(lambda: table.set_queue("in_progress")))
        record("queue: open 'completed'", probe.measure(lambda: table.set_queue("completed")))
        probe.measure(lambda: table.set_queue("all"))
        for key, order in (("customer", Qt.SortOrder.AscendingOrder),
                           ("age", Qt.SortOrder.AscendingOrder),
                           ("subject", Qt.SortOrder.AscendingOrder),
                           ("quote_total", Qt.SortOrder.DescendingOrder),
                           ("state", Qt.SortOrder.AscendingOrder),
                           ("assignee", Qt.SortOrder.AscendingOrder),
                           ("number", Qt.SortOrder.DescendingOrder)):
            record(f"sort: all by {key}", probe.measure(
                lambda k=key, o=order: table.view.sortByColumn(column[k], o)))
        table.set_queue("all")
        record("filter: queue 'all' -> state 'quoted'",
               probe.measure(lambda: table.set_queue("quoted")))
        record("filter: queue 'all' -> 'closed' (4 states)",
               probe.measure(lambda: table.set_queue("closed")))
        probe.measure(lambda: table.set_queue("all"))
        record("filter: all by assignee",
               probe.measure(lambda: table.assignee.setCurrentIndex(tech)))
        record("filter: all by assignee, sort by customer", probe.measure(
            lambda: table.view.sortByColumn(column["customer"], Qt.SortOrder.AscendingOrder)))
        table.view.sortByColumn(column["number"], Qt.SortOrder.DescendingOrder)
        probe.measure(lambda: table.assignee.setCurrentIndex(0))
        record("search: customer name 'moretti energia'",
               probe.measure(search("moretti energia")))
        record("search: subject words 'certificato wildcard'",
               probe.measure(search("certificato wildcard")))
        record("search: subject word 'plesk'", probe.measure(search("plesk")))
        record("search: no match 'zqxj'", probe.measure(search("zqxj")))
        record("search: number RIT-123456", probe.measure(search("RIT-123456")))
        reset_filters()
        probe.measure(lambda: table.set_queue("all"))
        record("jump: to the last row of all", probe.measure(
            table.view.scrollToBottom, new_query=False))
        record("jump: back to the first row", probe.measure(
            table.view.scrollToTop, new_query=False))
        probe.measure(lambda: table.view.sortByColumn(column["customer"],
                                                      Qt.SortOrder.AscendingOrder))
        record("jump: to the last row, sorted by customer", probe.measure(
            table.view.scrollToBottom, new_query=False))
        table.view.scrollToTop()
        app.processEvents()
        table.view.sortByColumn(column["number"], Qt.SortOrder.DescendingOrder)
        probe.measure(lambda: table.set_queue("all"))
        record("jump: to the middle of all", probe.measure(
            lambda: table.view.verticalScrollBar().setValue(
                table.view.verticalScrollBar().maximum() // 2), new_query=False))
        table.view.scrollToTop()

    heartbeat.timer.stop()
    t = time.perf_counter()
    counts = queries.queue_counts(db, user.username)
    counts_ms = (time.perf_counter() - t) * 1000
    cores = os.cpu_count()
    backend = db.url.get_backend_name()
    out(f"bench_queue: {backend}, {total:,} requests, {cores} cores, median (worst) of "
        f"{repeat}, ms")
    for name, values in results.items():
        kind = name.split(":")[0].split()[0]
        target = TARGETS_MS.get(kind)
        med = statistics.median(values)
        flag = "" if target is None else ("ok" if max(values) <= target else f"MISS (>{target})")
        out(f"  {name:52} {med:8.1f} ({max(values):7.1f})  {flag:12} "
            f"stall {stalls[name] * 1000:5.1f}")
    worst = max(stalls.values())
    where = max(stalls, key=lambda k: stalls[k])
    out(f"  longest event-loop stall: {worst * 1000:.1f} ms, during '{where}' (target 50)")
    out(f"  queue counts for the queue list (service call, off the GUI thread): {counts_ms:.1f}")
    out(f"  peak RSS: {peak_rss_mb():.0f} MB (at start of the run {rss_start:.0f} MB; "
        f"target < 300)")
    out(f"  counts: all={counts.get('all')} in_progress={counts.get('in_progress')}")
    window.close()
    db.dispose()
    return results


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", required=True, help="database URL (filled by tests.perf.generate)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--no-freeze", action="store_true",
                   help="leave the start-up objects to the garbage collector (as before)")
    args = p.parse_args()
    run(args.db, args.repeat, freeze=not args.no_freeze)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
