"""The credit procedure's sweep (issue 19): what one round of the worker spends on it.

    python -m tests.perf.bench_credit_sweep [--db URL] [--customers 300] [--repeat 7]

Makes its own data in the database given (default: a new SQLite file in a temporary
folder; a PostgreSQL URL: an empty database, the trusted login): ``--customers``
customers, each with three hourly services, all exhausted (their services off). Then,
``--repeat`` times, alternated in the same run:
- baseline, "nothing due": a sweep when no step is due (each exhausted customer read,
  locked and left): what every round of the worker costs while accounts stay exhausted;
- "a warning each": the same sweep when each service's archiving warning is due (one
  audit event and one notice each); the warnings are cleared by hand before each run.
Prints the median and range (ms) of each and the load average before and after.
(PostgreSQL: ``init`` makes the database's group roles, named after it: drop them with
the database afterwards.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from app.db.database import Database
from app.services import credit_procedure, customers, staff
from tests.conftest import FakeClock


def _make(db: Database, count: int) -> None:
    db.upgrade_schema()
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    staff.add_staff(db, "admin", "fin", name="Fin", role="finance", login=False)
    for i in range(count):
        code = f"B{i:05d}"
        customers.add_customer(db, "admin", code, name=f"Bench {i}", credit_amount="10")
        for name in ("web", "db", "mail"):
            customers.add_service(db, "admin", code, name=name)
        customers.adjust(db, "fin", code, "-20", reason="bench")


def _timed(db: Database) -> tuple[float, int]:
    """One sweep: (ms, steps taken)."""
    start = time.perf_counter()
    steps = len(credit_procedure.sweep(db))
    return (time.perf_counter() - start) * 1000, steps


def run(url: str | None, count: int, repeat: int) -> None:
    folder = tempfile.TemporaryDirectory()
    url = url or f"sqlite:///{Path(folder.name) / 'bench.sqlite3'}"
    clock = FakeClock()
    db = Database(url, clock=clock)
    try:
        _make(db, count)
        start = clock.now
        load_before = os.getloadavg()
        idle: list[float] = []
        warned: list[float] = []
        for _ in range(repeat):
            clock.now = start + timedelta(days=1)
            ms, steps = _timed(db)
            assert steps == 0, steps
            idle.append(ms)
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE services SET archive_warned_at = NULL"))
            clock.now = start + timedelta(days=5, hours=1)
            ms, steps = _timed(db)
            assert steps == 3 * count, steps
            warned.append(ms)
        load_after = os.getloadavg()
    finally:
        db.dispose()
        folder.cleanup()
    print(f"bench_credit_sweep: {db.url.get_backend_name()}, {count} exhausted customers "
          f"x 3 services, {os.cpu_count()} cores, load {load_before[0]:.1f} -> "
          f"{load_after[0]:.1f}; median (range) of {repeat}, ms")
    for name, values in (("nothing due (baseline)", idle), ("a warning each service", warned)):
        print(f"  {name:26} {statistics.median(values):9.1f} "
              f"({min(values):.1f}-{max(values):.1f})")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", help="database URL (default: a new SQLite file)")
    p.add_argument("--customers", type=int, default=300)
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args()
    run(args.db, args.customers, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
