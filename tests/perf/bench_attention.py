"""The team lead's queues (app/services/attention.py): their counts and first pages.

    python -m tests.perf.bench_attention --db URL [--repeat 5]

Figures, ms, median and range of ``--repeat``, each computed afresh (nothing remembered,
as after any write):
- the five counts (what the queue list shows a lead), and the plain counts as baseline
  (``queue_counts`` without the lead's queues);
- the first page of each queue (200 rows, newest first), with its total.
Writes nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from app.db.database import Database
from app.services import queries, read_cache, staff
from app.services.attention import ATTENTION_QUEUES
from app.services.dto import RequestFilter


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    values: list[float] = []
    result: object = None
    for _ in range(repeat):
        read_cache.CACHE.clear()
        t0 = time.perf_counter()
        result = fn()
        values.append((time.perf_counter() - t0) * 1000)
    return values, result


def line(name: str, values: list[float], extra: str = "") -> None:
    print(f"  {name:46} {statistics.median(values):8.1f}  ({min(values):.1f}-{max(values):.1f})"
          f"{extra}")


def run(url: str, repeat: int) -> None:
    db = Database(url)
    lead = next(p for p in staff.list_staff(db) if p.role == "team_lead").username
    print(f"bench_attention: {db.url.get_backend_name()}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.2f}, median (range) of {repeat}, ms")
    values, _ = timed(lambda: queries.queue_counts(db, lead), repeat)
    line("queue counts (baseline, without the lead's)", values)
    values, counts = timed(lambda: queries.queue_counts(db, lead, lead=True), repeat)
    assert isinstance(counts, dict)
    line("queue counts with the lead's five", values)
    for name in ATTENTION_QUEUES:
        f = RequestFilter(attention=name)
        values, _ = timed(lambda f=f: queries.count_requests(db, f), repeat)
        line(f"count {name}", values, f"  = {counts[name]:,}")
    for name in ATTENTION_QUEUES:
        f = RequestFilter(attention=name)
        values, _ = timed(lambda f=f: queries.list_requests(db, f, limit=200, with_total=True),
                          repeat)
        line(f"first page of {name}", values)
    db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", required=True, help="database URL (filled by tests.perf.generate)")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    run(args.db, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
