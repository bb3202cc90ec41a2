"""Where the time of one charge goes, without the 8-process benchmark.

    python -m tests.perf.profile_charge [--charges 500] [--cprofile] [--db URL]

One process signed in as a technician's own login completes ``--charges`` of its own
requests through ``app.services.billing.complete_request`` (the database prepared as
``tests/perf/bench_charging.py`` does, made for the run and dropped at the end), one after
the other: no contention, so what is measured is the cost of a charge, not the queue.

- client CPU per charge: ``time.process_time()`` over the loop (this process only:
  SQLAlchemy, psycopg, the pricing); with ``--cprofile`` the top of the profile;
- round trips per charge: statements sent and pool checkouts (the ping), as the
  benchmark counts them;
- server time per charge: ``pg_stat_user_functions`` with ``track_functions = 'all'``
  (set on the run's database): ``rit_charge``'s total time and each function and trigger
  it runs (self time), per charge; the facts statement by ``EXPLAIN ANALYZE`` as the
  technician's login on requests not charged.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import time
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.perf.bench_charging import DEFAULT_URL, WORKERS, _count_round_trips, drop_everything, prepare


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=DEFAULT_URL)
    p.add_argument("--charges", type=int, default=500)
    p.add_argument("--cprofile", action="store_true")
    args = p.parse_args()
    from app.db.database import Database
    from app.services import billing

    run_id = f"pc{secrets.token_hex(3)}"
    url = args.db.replace("{run}", run_id)
    users = {k: f"{run_id}_{k}" for k in
             ["admin", "lead", *(f"tech{i}" for i in range(1, WORKERS + 1))]}
    n_requests = (args.charges + 20) * WORKERS
    load = os.getloadavg()
    print(f"profile_charge: {args.charges} charges, one process; load {load[0]:.2f} "
          f"{load[1]:.2f} {load[2]:.2f}")
    try:
        prepare(url, n_requests, 50, users)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{make_url(url).database}" '
                              "SET track_functions = 'all'"))
            conn.execute(text("SELECT pg_stat_reset()"))
        me = users["tech1"]
        mine = [n for n in range(1, n_requests + 1) if (n - 1) % WORKERS == 0]
        todo, spare = mine[:args.charges], mine[args.charges:]
        db = Database(make_url(url).set(username=me), pool_size=1)
        db.check_connection()
        db.identity()
        counter = [0]
        _count_round_trips(db.engine, counter)
        for number in todo[:10]:  # warm: statement caches, plan caches
            billing.complete_request(db, me, number)
        todo = todo[10:]
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_stat_reset()"))
        with db.engine.connect() as conn:
            backend = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        server_cpu = _cpu_of(backend)
        counter[0] = 0
        profile = cProfile.Profile(time.process_time) if args.cprofile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        for number in todo:
            billing.complete_request(db, me, number)
        if profile:
            profile.disable()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        server_cpu = _cpu_of(backend) - server_cpu
        trips = counter[0]
        explain = _explain_facts(db, me, spare[:20])
        db.dispose()  # the backend exits: its function statistics are flushed
        time.sleep(0.5)
        n = len(todo)
        print(f"  client CPU {cpu / n * 1000:.3f} ms a charge, wall {wall / n * 1000:.3f} ms a "
              f"charge ({n / wall:.0f}/s one process), {trips / n:.2f} round trips a charge")
        print(f"  server CPU {server_cpu / n * 1000:.3f} ms a charge (the backend's user + "
              "system time in /proc, all statements)")
        print(f"  facts statement (EXPLAIN ANALYZE, as {me}): execution median "
              f"{statistics.median(explain):.3f} ms")
        with admin.connect() as conn:
            rows = conn.execute(text(
                "SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions "
                "WHERE calls > 0 ORDER BY self_time DESC")).all()
        charge = next((r for r in rows if r.funcname == "rit_charge"), None)
        if charge is not None:
            print(f"  rit_charge: {charge.calls} calls, total {charge.total_time / charge.calls:.3f}"
                  f" ms a call (self {charge.self_time / charge.calls:.3f})")
        for r in rows:
            print(f"    {r.funcname:<28} {r.calls:6d} calls  self {r.self_time / n:.3f} ms a "
                  f"charge  total {r.total_time / n:.3f}")
        if profile:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(30)
            print(out.getvalue())
        admin.dispose()
    finally:
        drop_everything(url, users)
    return 0


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a local process (the server's backend)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _explain_facts(db: Any, me: str, numbers: list[int]) -> list[float]:
    from app.services.billing import _facts_statement

    stmt = _facts_statement(True, True)
    times = []
    with db.engine.connect() as conn:
        for number in numbers:
            sql = str(stmt.params(number=number, actor=me).compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
            plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).scalar_one()
            times.append(float(plan[0]["Execution Time"]))
        conn.rollback()
    return times


if __name__ == "__main__":
    sys.exit(main())
