"""Queue-list counts: the service call the main window makes at start and after a change.

    python -m tests.perf.bench_counts --db URL [--repeat 5]

Figures, ms, median (worst) of ``--repeat``:
- "after a write": the counts computed afresh (what the first call after any write
  costs: the change marker moved, so nothing remembered can be used);
- "nothing written since": the same call again (the remembered counts, checked against
  the change marker);
- "queue total after the counts": ``count_requests`` of a queue's own filter right after
  the counts (the totals the queue table asks for come with the counts).
Writes nothing: "after a write" is simulated by forgetting what was remembered.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from app.db.database import Database
from app.services import queries, read_cache, staff
from app.services.dto import RequestFilter


def run(url: str, repeat: int) -> None:
    db = Database(url)
    user = next(p for p in staff.list_staff(db) if p.role == "team_lead").username
    fresh: list[float] = []
    again: list[float] = []
    total: list[float] = []
    for _ in range(repeat):
        read_cache.CACHE.clear()
        t0 = time.perf_counter()
        counts = queries.queue_counts(db, user)
        t1 = time.perf_counter()
        queries.queue_counts(db, user)
        t2 = time.perf_counter()
        queries.count_requests(db, RequestFilter(states=queries.QUEUES["completed"]))
        t3 = time.perf_counter()
        fresh.append((t1 - t0) * 1000)
        again.append((t2 - t1) * 1000)
        total.append((t3 - t2) * 1000)
    print(f"bench_counts: {db.url.get_backend_name()}, {counts['all']:,} requests, "
          f"{os.cpu_count()} cores, median (worst) of {repeat}, ms")
    for name, values in (("queue counts after a write", fresh),
                         ("queue counts, nothing written since", again),
                         ("queue total after the counts ('completed')", total)):
        print(f"  {name:44} {statistics.median(values):8.1f} ({max(values):7.1f})")
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
