"""Reads from a hot standby (issue 21): what routing a report costs, and what it takes
off the primary.

    python -m tests.perf.bench_standby [--charges 60] [--repeat 7]

On a private primary cluster and a streaming replica of it (``tests/pg_replica.py``:
never the shared server), with ``--charges`` charges this month, alternated in each of
``--repeat`` rounds:

- baseline: the month's charges report read from the primary directly;
- routed: the same through ``Database.reads`` with the standby (the lag measured first:
  one query on the primary, one on the standby, then the report on the standby);
- the lag measurement alone (``Standby.measure``);
- the report read from the standby directly.

Prints the median and range of each (ms) and the load before and after
(``os.getloadavg``). Routed, the primary runs one short query a report (its WAL position
and the ``standby_max_lag`` setting) instead of the report itself.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import make_url

from app.db.database import Database
from app.services import charges_report
from tests.app.conftest import World
from tests.conftest import fake_renderer
from tests.pg_replica import FIN, FIN_PASSWORD, charge, month, replica_pair


def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def run(charges: int, repeat: int) -> None:
    load_before = os.getloadavg()
    pairs = replica_pair()
    pair = next(pairs)
    try:
        world = World(Database(pair.url(pair.primary), renderer=fake_renderer))
        for index in range(charges - 2):  # the pair comes with two
            charge(world, customer="ACME" if index % 2 else "POOR")
        world.db.dispose()
        pair.replayed()
        url = make_url(pair.url(pair.primary, FIN)).set(password=FIN_PASSWORD)
        db = Database(url)
        db.use_standby(pair.standby_text())
        assert db.standby is not None
        first, last = month()

        def report(read: Database) -> Any:
            return charges_report.charges_report(read, FIN, first, last)

        report(db)  # warm: connections, the ORM, the statements' caches
        answer = db.reads(report)[1]
        assert answer.from_standby, answer.note()
        figures: dict[str, list[float]] = {"baseline: from the primary": [],
                                           "routed (measure + standby)": [],
                                           "the lag measured alone": [],
                                           "from the standby directly": []}
        for _ in range(repeat):
            figures["baseline: from the primary"].append(timed(lambda: report(db)))
            figures["routed (measure + standby)"].append(timed(lambda: db.reads(report)))
            figures["the lag measured alone"].append(timed(db.standby.measure))  # type: ignore[union-attr]
            figures["from the standby directly"].append(
                timed(lambda: report(db.standby.db)))  # type: ignore[union-attr]
        total = report(db).totals.count
        db.dispose()
    finally:
        pairs.close()  # the clusters removed
    load_after = os.getloadavg()
    print(f"bench_standby: a month's charges report ({total} charges), PostgreSQL primary "
          f"and streaming replica, {os.cpu_count()} cores, {repeat} alternated rounds, ms")
    print(f"  load (1, 5, 15 min) before {load_before[0]:.1f} {load_before[1]:.1f} "
          f"{load_before[2]:.1f}, after {load_after[0]:.1f} {load_after[1]:.1f} "
          f"{load_after[2]:.1f}")
    for name, values in figures.items():
        print(f"  {name:30} median {statistics.median(values):7.1f}  "
              f"range {min(values):7.1f} - {max(values):7.1f}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--charges", type=int, default=60)
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args()
    run(args.charges, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
