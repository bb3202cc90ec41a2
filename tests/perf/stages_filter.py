"""Where a filter's (or a sort's) time goes, stage by stage (issue 21).

    QT_QPA_PLATFORM=offscreen python -m tests.perf.stages_filter --db URL [--runs 7]

The set-up of :mod:`tests.perf.bench_filter` (the real ``RequestTable``, the lazy list
beside it), with ``time.perf_counter`` taken at each stage of one action, by wrapping
(in this process only) what the model calls: the action; the task handed to the worker;
the worker starting it; the query (each statement, and the connection's checkout and
return around them); the result handed back; its delivery on the GUI thread; the model
update (rows removed or inserted, dataChanged); the table's own handling of the new
query; the start and the end of the paint that shows the rows. Prints the median of each
stage's offset from the action (ms), and the same for the lazy list (its query, its
reset, its paint).
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

MARKS: dict[str, float] = {}
THREADS: dict[str, str] = {}


def mark(name: str) -> None:
    MARKS.setdefault(name, time.perf_counter())


def wrap(owner: Any, name: str, before: str, after: str) -> None:
    """Marks ``before``/``after`` around each call of ``owner.name`` (first call only)."""
    original = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        mark(before)
        THREADS.setdefault(before, threading.current_thread().name)
        try:
            return original(*args, **kwargs)
        finally:
            mark(after)

    setattr(owner, name, wrapped)


def instrument() -> None:
    from app.floor import pooled, reader
    from ui import request_table, request_table_model, worker

    original_run_async = request_table_model.run_async

    def run_async(fn: Callable[[], Any], on_done: Any = None, on_error: Any = None,
                  parent: Any = None, **kwargs: Any) -> Any:
        def timed() -> Any:
            mark("3 worker starts the task")
            THREADS.setdefault("3 worker starts the task", threading.current_thread().name)
            try:
                return fn()
            finally:
                mark("6 worker hands the result back")

        def done(result: Any) -> Any:
            mark("7 result delivered on the GUI thread")
            try:
                return on_done(result) if on_done is not None else None
            finally:
                mark("9 model and table updated")

        mark("2a run_async called")
        try:
            return original_run_async(timed, done, on_error, parent, **kwargs)
        finally:
            mark("2b task submitted")

    request_table_model.run_async = run_async  # type: ignore[assignment]
    wrap(pooled, "first_page", "4a pooled.first_page", "5z pooled.first_page done")
    original_all = reader.FloorReader._all

    def _all(self: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
        n = sum(1 for k in MARKS if k.startswith("4s"))
        mark(f"4s{n} statement {n} {sql.split()[1][:12]}")
        try:
            return original_all(self, sql, params)
        finally:
            mark(f"4t{n} statement {n} done")

    reader.FloorReader._all = _all  # type: ignore[method-assign]
    from app.services import queries

    wrap(queries, "list_requests", "4b list_requests", "5y list_requests done")
    wrap(request_table_model.RequestTableModel, "_replace", "8a model update",
         "8b model update done")
    wrap(request_table.RequestTable, "_on_loaded", "8c table's _on_loaded",
         "8d table's _on_loaded done")
    wrap(worker._Dispatcher, "_deliver", "7a dispatcher slot", "9z dispatcher slot done")


def run(url: str, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    instrument()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QTableView

    from tests.perf.bench_filter import side_by_side
    from ui.queue_header import QueueView
    from ui.request_table_model import COLUMNS

    state: dict[str, Any] = {"armed": False}

    def paint_end(view_cls: Any) -> None:
        original = view_cls.paintEvent

        def paintEvent(self: Any, event: Any) -> None:
            original(self, event)
            if state["armed"] and "10 paint starts" in MARKS:
                mark("11 paint ends")
            elif state["armed"]:
                n = sum(1 for k in MARKS if k.startswith("0q"))
                mark(f"0q{n} early paint {n} ends")

        view_cls.paintEvent = paintEvent

    class LazyView(QTableView):
        pass

    paint_end(QueueView)
    paint_end(LazyView)

    app, db, table, lazy, lazy_view, windows = side_by_side(url, LazyView)

    class Filter(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if state["armed"] and event.type() == QEvent.Type.Paint:
                ready = state["ready"]()
                if ready:
                    mark("10 paint starts")
                else:  # a paint before the rows arrived (the old rows, placeholders)
                    n = sum(1 for k in MARKS if k.startswith("0p"))
                    mark(f"0p{n} early paint {n} starts ({type(obj.parent()).__name__})")
            return False

    class AnyPaint(QObject):
        """Every widget's paint after the model update, before the rows' (what Qt
        paints first)."""

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if (state["armed"] and event.type() == QEvent.Type.Paint
                    and "9 model and table updated" in MARKS
                    and "10 paint starts" not in MARKS):
                name = type(obj).__name__
                n = sum(1 for k in MARKS if k.startswith("9p"))
                mark(f"9p{n} paint of {obj.objectName() or name}"[:40])
            return False

    any_paint = AnyPaint()
    if os.environ.get("STAGES_ALL_PAINTS"):
        app.installEventFilter(any_paint)
    filters = [Filter(), Filter()]
    table.view.viewport().installEventFilter(filters[0])
    lazy_view.viewport().installEventFilter(filters[1])

    def measure(action: Callable[[], None], ready: Callable[[], bool], lazy_one: bool,
                ) -> dict[str, float]:
        deadline = time.perf_counter() + 30  # the last action's count, if it follows
        while getattr(table.model, "counting", False) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        for _ in range(3):
            app.processEvents()
        MARKS.clear()
        state["ready"] = ready
        state["armed"] = True
        t0 = time.perf_counter()
        MARKS["1 action"] = t0
        action()
        if lazy_one:
            mark("9 action returned (query, reset)")
            lazy_view.viewport().update()
        while "11 paint ends" not in MARKS:
            before = time.perf_counter()
            app.processEvents()
            if "7a dispatcher slot" not in MARKS and not lazy_one:
                # the GUI thread's time in the event loop while the worker reads
                key = "0z GUI thread in processEvents before delivery"
                MARKS[key] = MARKS.get(key, t0) + time.perf_counter() - before
            if "11 paint ends" not in MARKS:
                if "9 model and table updated" in MARKS:
                    table.view.viewport().update()
                time.sleep(0.0005)
            if time.perf_counter() - t0 > 60:
                raise TimeoutError
        state["armed"] = False
        return {k: (v - t0) * 1000 for k, v in MARKS.items()}

    def real_ready() -> bool:
        if "9 model and table updated" not in MARKS:
            return False
        first = table.view.rowAt(0)
        return table.model.rowCount() == 0 or (first >= 0 and table.model.is_loaded(first))

    state_col = next(i for i, c in enumerate(COLUMNS) if c.key == "state")
    number_col = next(i for i, c in enumerate(COLUMNS) if c.key == "number")
    samples: dict[str, list[dict[str, float]]] = {}

    def settle(action: Callable[[], None]) -> None:
        measure(action, real_ready, False)

    for _ in range(2):
        settle(lambda: table.set_queue("quoted"))
        settle(lambda: table.set_queue("all"))
        settle(lambda: table.view.sortByColumn(state_col, Qt.SortOrder.AscendingOrder))
        settle(lambda: table.view.sortByColumn(number_col, Qt.SortOrder.DescendingOrder))
        measure(lambda: lazy.query("quoted"), lambda: True, True)
        measure(lambda: lazy.query(), lambda: True, True)
    for _ in range(runs):
        samples.setdefault("filter 'quoted' | RIT", []).append(
            measure(lambda: table.set_queue("quoted"), real_ready, False))
        samples.setdefault("filter 'quoted' | lazy list", []).append(
            measure(lambda: lazy.query("quoted"), lambda: True, True))
        settle(lambda: table.set_queue("all"))
        measure(lambda: lazy.query(), lambda: True, True)
        samples.setdefault("sort by state | RIT", []).append(measure(
            lambda: table.view.sortByColumn(state_col, Qt.SortOrder.AscendingOrder),
            real_ready, False))
        samples.setdefault("sort by state | lazy list", []).append(
            measure(lambda: lazy.query(order="state, id"), lambda: True, True))
        settle(lambda: table.view.sortByColumn(number_col, Qt.SortOrder.DescendingOrder))
        measure(lambda: lazy.query(), lambda: True, True)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"stages_filter: {db.url.get_backend_name()}, {runs} runs, median ms from the "
          f"action; load {load}")
    for name, runs_ in samples.items():
        print(f"  {name}")
        keys = sorted({k for r in runs_ for k in r})
        for key in keys:
            values = [r[key] for r in runs_ if key in r]
            where = f"  [{THREADS[key]}]" if key in THREADS else ""
            print(f"    {key:42} {statistics.median(values):7.2f}  "
                  f"({min(values):.2f}-{max(values):.2f}, {len(values)} runs){where}")

    for window in windows:
        window.close()
    db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    run(args.db, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
