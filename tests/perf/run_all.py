"""Run every benchmark of issue 5 and print the figures (one documented command).

    python -m tests.perf.run_all --db sqlite|postgresql [--n 1000000] [--reuse]

- generates N requests into /tmp/rit-perf-<n>.sqlite or the PostgreSQL database
  ``rit_perf_<n>`` (``--pg-server`` for another server), unless ``--reuse`` and it exists;
- the queue benchmark through the real table (offscreen), on that database;
- the start benchmark (embedded default with demo data);
- the charging benchmark (8 processes on PostgreSQL; with ``--db postgresql`` only, or
  ``--charging`` to run it anyway: it always uses PostgreSQL);
- the PDF benchmark of the reports package (``tests/perf/bench_pdf.py``);
- the finance benchmark (dashboard, charges report, customers at risk) on that database.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def step(title: str, args: list[str]) -> int:
    print(f"\n== {title}", flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env).returncode


def exists(url: str) -> bool:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return Path(u.database or "").exists()
    engine = create_engine(u.set(database="postgres"))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"),
                                {"d": u.database}).first() is not None
    finally:
        engine.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgresql"], required=True)
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--reuse", action="store_true", help="keep an existing generated database")
    p.add_argument("--pg-server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    p.add_argument("--charging", action="store_true", help="run the charging bench with sqlite")
    p.add_argument("--skip", nargs="*", default=[],
                   choices=["queue", "start", "charging", "pdf", "finance"])
    args = p.parse_args()
    if args.db == "sqlite":
        url = f"sqlite:////tmp/rit-perf-{args.n}.sqlite"
    else:
        url = f"{args.pg_server}/rit_perf_{args.n}"
    print(f"run_all: {args.db}, {args.n:,} requests, {os.cpu_count()} cores", flush=True)
    failed = 0
    if not (args.reuse and exists(url)):
        failed |= step("generate", ["-m", "tests.perf.generate", url, "--n", str(args.n)])
    if "queue" not in args.skip:
        failed |= step("queue", ["-m", "tests.perf.bench_queue", "--db", url])
    if "start" not in args.skip:
        failed |= step("start", ["-m", "tests.perf.bench_start"])
    if "charging" not in args.skip and (args.db == "postgresql" or args.charging):
        failed |= step("charging", ["-m", "tests.perf.bench_charging",
                                    "--db", f"{args.pg_server}/rit_charging"])
    if "pdf" not in args.skip and (ROOT / "tests/perf/bench_pdf.py").exists():
        failed |= step("pdf", ["tests/perf/bench_pdf.py"])
    if "finance" not in args.skip:
        failed |= step("finance", ["-m", "tests.perf.bench_finance", "--db", url])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
