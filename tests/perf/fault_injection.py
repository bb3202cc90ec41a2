"""Issue 9, part 6, at length (on demand, not in CI): kills, restarts and the lifecycle
state machine, with their figures.

    python -m tests.perf.fault_injection [--steps 10000] [--pg-steps 2500] [--rounds 10]
                                         [--seed N] [--only machine|kills|restarts]

- the kill tests (``tests/app/test_kill_charges.py``) with every kill point hit
  ``--rounds`` times, on SQLite and PostgreSQL;
- the restart tests (``tests/app/test_pg_restart.py``) with ``--rounds`` restarts of each
  mode, on a cluster they start themselves;
- the lifecycle state machine (``tests/lifecycle_machine.py``) with random seeds until
  ``--steps`` steps have run on SQLite and ``--pg-steps`` on PostgreSQL (a database of
  its own on ``RIT_DESK_TEST_PG``'s server, dropped at the end). A failure prints the
  seed and the steps that reproduce it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis.stateful import run_state_machine_as_test  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from app.db.database import Database  # noqa: E402
from tests.app.test_lifecycle_machine import postgresql_opener, sqlite_opener  # noqa: E402
from tests.conftest import PG_SERVER, FakeClock  # noqa: E402
from tests.lifecycle_machine import machine_on  # noqa: E402

STEPS_PER_EXAMPLE = 50


def pytest_run(title: str, tests: list[str], rounds: int) -> int:
    print(f"\n== {title} (RIT_DESK_FAULT_ROUNDS={rounds})", flush=True)
    env = dict(os.environ, RIT_DESK_FAULT_ROUNDS=str(rounds), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    started = time.monotonic()
    code = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                           *tests], cwd=ROOT, env=env).returncode
    print(f"-- {title}: exit {code} in {time.monotonic() - started:.0f} s", flush=True)
    return code


def run_machine(backend: str, open_database: Callable[[FakeClock], Database], target: int,
            seed: int) -> bool:
    """Batches of examples, each from its own seed, until ``target`` steps have run."""
    import hypothesis.core

    machine, counted = machine_on(open_database)
    started = time.monotonic()
    batch = 0
    ok = True
    while counted.steps < target:
        batch_seed = seed + batch
        batch += 1
        # what pytest's --hypothesis-seed does: this batch's examples come from batch_seed
        hypothesis.core.global_force_seed = batch_seed  # type: ignore[attr-defined]
        try:
            run_state_machine_as_test(machine, settings=settings(
                max_examples=20, stateful_step_count=STEPS_PER_EXAMPLE, deadline=None,
                database=None, derandomize=False, suppress_health_check=list(HealthCheck)))
        except Exception as exc:  # the machine found a failure: report it and stop
            print(f"!! {backend}: failure in the batch of seed {batch_seed}: "
                  f"{type(exc).__name__}: {exc}", flush=True)
            ok = False
            break
        finally:
            hypothesis.core.global_force_seed = None  # type: ignore[attr-defined]
    elapsed = time.monotonic() - started
    print(f"-- machine on {backend}: {counted.steps} steps in {counted.examples} examples "
          f"({batch} batches, seeds {seed}..{seed + batch - 1}), {counted.charges} charges, "
          f"{counted.refused} refusals checked, {elapsed:.0f} s "
          f"({counted.steps / max(elapsed, 0.001):.1f} steps/s)", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=10_000, help="machine steps on SQLite")
    parser.add_argument("--pg-steps", type=int, default=2_500, help="machine steps on PostgreSQL")
    parser.add_argument("--rounds", type=int, default=10, help="kill and restart rounds")
    parser.add_argument("--seed", type=int, default=secrets.randbelow(2**31))
    parser.add_argument("--only", choices=["machine", "kills", "restarts"])
    args = parser.parse_args()
    print(f"load: {os.getloadavg()}; seed {args.seed}", flush=True)
    failed = 0
    if args.only in (None, "kills"):
        failed += pytest_run("kill -9 in the middle of charges",
                             ["tests/app/test_kill_charges.py"], args.rounds) != 0
    if args.only in (None, "restarts"):
        failed += pytest_run("PostgreSQL restarted while workers charge",
                             ["tests/app/test_pg_restart.py"], args.rounds) != 0
    if args.only in (None, "machine"):
        with tempfile.TemporaryDirectory(prefix="rit-machine-") as folder:
            failed += not run_machine("sqlite", sqlite_opener(Path(folder)), args.steps, args.seed)
        if PG_SERVER != "off" and args.pg_steps:
            name = f"rit_desk_machine_{os.getpid()}_{secrets.token_hex(3)}"
            admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = PG_SERVER.rsplit("/", 1)[0] + f"/{name}"
            try:
                migrated = Database(url)
                migrated.upgrade_schema()
                migrated.dispose()
                failed += not run_machine("postgresql", postgresql_opener(url), args.pg_steps,
                                      args.seed)
            finally:
                with admin.connect() as conn:
                    conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE datname = :n"), {"n": name})
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                    roles = conn.execute(text(
                        "SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                        {"p": f"{name}%"}).scalars().all()
                    for role in roles:
                        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
                admin.dispose()
    print(f"\n{'all passed' if not failed else f'{failed} part(s) failed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
