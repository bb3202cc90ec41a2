"""The start benchmark's probe, built in so that it measures the installed package too.

With ``RIT_DESK_START_PROBE`` set, the app prints ``rit-desk: first page painted at T`` on
stderr (``T``: ``time.time()``) once the queue table has painted real rows (not the
placeholders of a page still being read) for the first time; with the value ``quit`` it
then quits. ``tests/perf/bench_start.py`` reads the line. Unset, nothing is connected.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication

from ui.request_table import RequestTable

ENV = "RIT_DESK_START_PROBE"
LINE = "rit-desk: first page painted at"


def install(table: RequestTable) -> None:
    """Report the table's first painted rows when the benchmark asks for it."""
    mode = os.environ.get(ENV)
    if not mode:
        return

    def report() -> None:
        print(f"{LINE} {time.time():.6f}", file=sys.stderr, flush=True)
        if mode == "quit":
            QCoreApplication.quit()

    table.first_rows_painted.connect(report)
