"""Charging benchmark: 1, 2, 4, 8 and 16 workstations (processes) complete and charge
2,000 requests.

    python -m tests.perf.bench_charging [--db postgresql+psycopg://postgres@127.0.0.1/rit_charging]
                                        [--runs 5] [--workers 1,2,4,8,16] [--requests 2000]
                                        [--customers 50] [--start-timeout 120]

Each run, side by side:

- **enforced**: the real use case, ``app.services.billing.complete_request``, by N
  processes each signed in with a login of its own (technicians ``<run>_tech1`` ...
  ``_tech<N>``, made for the run and dropped at the end): on PostgreSQL one call of the
  server function ``rit_charge``, which prices the charge itself (migration 0015;
  privileges, row-level security, triggers, audit, notices and the charge document
  included). Each worker also retries a
  few requests of the others as a team lead's login (double clicks, retries after a
  dropped connection): every such retry must be refused.
- **prototype**: the minimal ``SELECT ... FOR UPDATE`` shape of a charge in plain psycopg
  as the superuser (lock the request and the customer, insert the charge and the ledger
  entry, update the balance and the request, commit): what charging costs with no
  checks, no audit, no notice, no document.

The database is made again from scratch before each (2,000 requests of 50 customers in
progress with an accepted quote, fixed and hourly, some with an agreed variation, work
logged; one customer in ten runs out of credit under load). Per run: charges per second
(charges / wall time from the start barrier to the last commit), the round trips of a
charge (statements and connection pings the client sent, per charge), and the checks:
every balance equals its ledger, one charge and one charge ledger entry per request.
At the end, per worker count, the median and range of each, and the load
(``os.getloadavg``) around them.

The workers start together at a barrier. A worker that fails before it (an error while
signing in, say) breaks the barrier and sends its error: the run stops at once with it.
A worker that dies without a word (killed, a crash) is seen by its process sentinel and
stops the run the same way, and the barrier itself times out after ``--start-timeout``
seconds: a 16-worker run once waited for ever for workers that had exited before it.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import queue
import random
import secrets
import statistics
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from multiprocessing.connection import wait as wait_for
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/rit_charging_{run}"
WORKER_COUNTS = (1, 2, 4, 8, 16)
WORKERS = 8  # the workstations of tests/perf/profile_charge.py
START_TIMEOUT = 120.0  # seconds the workers have to reach the start barrier


def prepare(url: str, n_requests: int, n_customers: int, users: dict[str, str],
            workers: int = WORKERS, seed: int = 11, vat_point: str = "charge") -> None:
    """The database made again; the staff's records linked to their run's logins."""
    from app.db.database import Database
    from app.domain.errors import ConflictError
    from app.domain.pricing import vat_on
    from app.services import staff as staff_service
    from tests.perf.generate import Sink, migrate, recreate

    recreate(url)
    migrate(url, "head")
    # measured at the charge point, as before issue 20 (a new database starts at the top-up,
    # where the prototype's charge with VAT would be refused by the database's check); at
    # that point each charge issues its numbered invoice, which needs the company's legal
    # data (the demo's): without them every charge is refused (migration 0026)
    from app.services.demo import COMPANY

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE settings SET value = :p WHERE key = 'vat_point'"),
                     {"p": vat_point})
        for key, value in COMPANY.items():
            conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": key})
            conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                         {"k": key, "v": value})
    engine.dispose()
    rng = random.Random(seed)
    now = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    sink = Sink(url)
    people = [("admin", "admin"), ("lead", "team_lead")] + [
        (f"tech{i}", "technician") for i in range(1, workers + 1)]
    for i, (key, role) in enumerate(people, 1):
        sink.add("staff", ("id", "username", "name", "role", "active", "created_at"),
                 (i, users[key], key.title(), role, True, now))
    for c in range(1, n_customers + 1):
        credit = 2_000_00 if c % 10 == 0 else 500_000_00  # one in ten runs out of credit
        sink.add("customers", ("id", "code", "name", "lang", "address", "vat_number",
                               "balance_cents", "status", "created_at", "version"),
                 (c, f"C{c:04d}", f"Customer {c}", "it", "", "", credit, "active", now, 1))
        sink.add("services", ("id", "customer_id", "name", "kind", "status"),
                 (c, c, "vps-1", "vps", "running"))
        sink.add("ledger_entries", ("id", "customer_id", "kind", "amount_cents",
                                    "balance_after_cents", "at", "reference", "reason",
                                    "charge_id", "actor"),
                 (c, c, "topup", credit, credit, now, "initial", "", None, "portal"))
    work_id = variation_id = 0
    for r in range(1, n_requests + 1):
        c = rng.randint(1, n_customers)
        tech = 3 + (r - 1) % workers
        sink.add("requests", ("id", "customer_id", "service_id", "category", "subject",
                              "description", "priority", "assignee_id", "state",
                              "decline_reason", "quote_total_cents", "quote_valid_until",
                              "created_at", "updated_at", "closed_at", "version"),
                 (r, c, c, "ssl", f"Certificato SSL {r}", "", "normal", tech, "in_progress",
                  None, None, None, now, now, None, 1))
        hourly = r % 3 == 0
        if hourly:
            rate, hours = 6000, 500
            totals = vat_on(Decimal(rate) / 100 * Decimal(hours) / 100, Decimal(22))
        else:
            rate = hours = None  # type: ignore[assignment]
            totals = vat_on(Decimal("390.00"), Decimal(22))
        sink.add("quotes", ("id", "request_id", "revision", "kind", "state",
                            "vat_rate_hundredths", "valid_until", "notes", "hourly_rate_cents",
                            "estimated_hours_hundredths", "billing_increment", "net_cents",
                            "vat_cents", "total_cents", "lang", "created_by_id", "created_at",
                            "sent_by_id", "sent_at", "answered_at", "answer_reason", "pdf",
                            "pdf_sha256", "version"),
                 (r, r, 1, "hourly" if hourly else "fixed", "accepted", 2200,
                  (now + timedelta(days=30)).date(), "", rate, hours, 15,
                  int(totals.net * 100), int(totals.vat * 100), int(totals.total * 100), "it",
                  2, now, 2, now, now, None, None, None, 1))
        for _ in range(rng.randint(1, 3)):
            work_id += 1
            sink.add("work_entries", ("id", "request_id", "staff_id", "work_date", "minutes",
                                      "note", "created_at", "version"),
                     (work_id, r, tech, now.date(), rng.choice([20, 45, 60, 95]), "", now, 1))
        if r % 17 == 0:
            variation_id += 1
            sink.add("variations", ("id", "request_id", "amount_cents", "reason", "state",
                                    "proposed_by_id", "proposed_at", "answered_at", "version"),
                     (variation_id, r, int(totals.net * 100) + 10000, "more work", "agreed",
                      tech, now, now, 1))
    sink.close()
    db = Database(url)
    db.upgrade_schema()  # the group roles and the privileges (the load skipped triggers)
    for key, role in people:  # the records exist: this gives each its login
        # (linked already by an earlier run: the roles outlive the database made again)
        with contextlib.suppress(ConflictError):
            staff_service.add_staff(db, None, users[key], name=key.title(), role=role)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    db.dispose()


@dataclass
class Outcome:
    index: int
    charged: list[int]
    refused: int
    errors: int
    end: float
    round_trips: int
    messages: list[str]


def _count_round_trips(engine: Any, counter: list[int]) -> None:
    """Every statement sent to the server, one round trip each: psycopg's
    ``Cursor.execute`` counted (SQLAlchemy's statements, the pool's ping when it pings,
    the statements the charge path sends to the driver directly); the charge path runs
    in autocommit, so no COMMIT of its own. ``engine``: kept for the callers."""
    import psycopg

    execute = psycopg.Cursor.execute
    if getattr(execute, "rit_counters", None) is None:
        counters: list[list[int]] = []

        def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            for c in counters:
                c[0] += 1
            return execute(self, *args, **kwargs)

        counted.rit_counters = counters  # type: ignore[attr-defined]
        psycopg.Cursor.execute = counted  # type: ignore[method-assign]
    counters = psycopg.Cursor.execute.rit_counters  # type: ignore[attr-defined]
    if not any(c is counter for c in counters):
        counters.append(counter)


@dataclass
class Failure:
    """A worker's error, sent instead of its outcome."""

    index: int
    error: str


class WorkerFailed(RuntimeError):
    """A worker failed (before the start or during the run): the run stops with its error."""


def worker_main(target: Any, index: int, barrier: Any, out: Any, *args: Any) -> None:
    """A worker process: ``target(index, barrier, out, *args)``; any error breaks the start
    barrier (the others and the parent stop waiting at once) and is sent as a
    :class:`Failure`."""
    try:
        target(index, barrier, out, *args)
    except BaseException:
        with contextlib.suppress(Exception):
            barrier.abort()
        out.put(Failure(index, traceback.format_exc(limit=8)))
        raise SystemExit(1) from None


def _failures(out: Any, procs: list[Any], wait: float = 5.0) -> list[str]:
    """The errors the workers sent (waiting up to ``wait`` s for the first), and those that
    died without one."""
    found: list[str] = []
    deadline = time.monotonic() + wait
    while True:
        try:
            item = out.get(timeout=max(0.05, deadline - time.monotonic()) if not found else 0.2)
        except queue.Empty:
            break
        if isinstance(item, Failure):
            found.append(f"worker {item.index}: {item.error.strip().splitlines()[-1]}\n"
                         f"{item.error}")
    for i, proc in enumerate(procs):
        if proc.exitcode not in (None, 0, 1):
            found.append(f"worker {i} exited with code {proc.exitcode} without a word")
    return found


def _stop(procs: list[Any]) -> None:
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(10)


def start_together(ctx: Any, target: Any, worker_args: list[tuple[Any, ...]],
                   timeout: float = START_TIMEOUT) -> tuple[list[Any], Any, float]:
    """Start one process per ``worker_args`` running ``target`` and release them together:
    (processes, their queue, the start time). Raises :class:`WorkerFailed` as soon as a
    worker fails or exits before the barrier, or when it is not reached in ``timeout``."""
    barrier = ctx.Barrier(len(worker_args) + 1)
    out = ctx.Queue()
    procs = [ctx.Process(target=worker_main, args=(target, i, barrier, out, *a))
             for i, a in enumerate(worker_args)]
    for proc in procs:
        proc.start()
    started = threading.Event()

    def watch() -> None:  # a worker gone before the start breaks the barrier at once
        while not started.is_set():
            if wait_for([p.sentinel for p in procs], 0.2) and any(
                    p.exitcode not in (None, 0) for p in procs):
                if not started.is_set():
                    with contextlib.suppress(Exception):
                        barrier.abort()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        barrier.wait(timeout)
    except threading.BrokenBarrierError:
        problems = _failures(out, procs)
        _stop(procs)
        raise WorkerFailed("the workers did not all start: " + (
            "\n".join(problems) or f"none reached the barrier in {timeout:.0f} s")) from None
    finally:
        started.set()
    return procs, out, time.perf_counter()


def collect(procs: list[Any], out: Any, timeout: float = 900.0) -> list[Any]:
    """One outcome per worker; :class:`WorkerFailed` at once if one sends an error or dies."""
    results: list[Any] = []
    deadline = time.monotonic() + timeout
    while len(results) < len(procs):
        try:
            item = out.get(timeout=0.5)
        except queue.Empty:
            done = {getattr(r, "index", -1) for r in results}
            dead = [i for i, p in enumerate(procs) if i not in done and p.exitcode is not None]
            if dead or time.monotonic() > deadline:
                problems = _failures(out, procs, wait=1.0) or [
                    f"worker {i} exited with code {procs[i].exitcode}" for i in dead]
                _stop(procs)
                raise WorkerFailed("\n".join(problems or ["the run took too long"])) from None
            continue
        if isinstance(item, Failure):
            _stop(procs)
            raise WorkerFailed(f"worker {item.index} failed:\n{item.error}")
        results.append(item)
    for proc in procs:
        proc.join()
    return results


def enforced_worker(index: int, barrier: Any, out: Any, url: str, numbers: list[int],
                    retries: list[int], users: dict[str, str]) -> None:
    from app.db.database import Database
    from app.domain.errors import RitError
    from app.services.billing import complete_request

    me, lead = users[f"tech{index + 1}"], users["lead"]
    stations = {me: Database(make_url(url).set(username=me), pool_size=1),
                lead: Database(make_url(url).set(username=lead), pool_size=1)}
    counter = [0]
    for db in stations.values():
        db.check_connection()
        db.identity()  # asked once per workstation, at sign-in
        _count_round_trips(db.engine, counter)
    counter[0] = 0
    barrier.wait()
    charged: list[int] = []
    refused = errors = 0
    messages: list[str] = []
    # Own requests first, then retries of others' (double clicks, a retry after a dropped
    # connection). A retry may win the race against the owner: what counts is that every
    # request is charged exactly once over all attempts, the others refused as "already".
    for number, user in [(n, me) for n in numbers] + [(n, lead) for n in retries]:
        try:
            complete_request(stations[user], user, number)
            charged.append(number)
        except RitError as exc:
            if "already" in exc.message:
                refused += 1
            else:
                errors += 1
                messages.append(f"{number}: {exc}")
    end = time.perf_counter()
    out.put(Outcome(index, charged, refused, errors, end, counter[0], messages[:5]))
    for db in stations.values():
        db.dispose()


PROTOTYPE = [
    "SELECT customer_id, state FROM requests WHERE id = %(n)s FOR UPDATE",
    "SELECT balance_cents FROM customers WHERE id = %(c)s FOR UPDATE",
    "INSERT INTO charges (request_id, customer_id, quote_id, kind, billable_minutes, capped, "
    "net_cents, vat_cents, total_cents, created_at, created_by_id) SELECT q.request_id, "
    "%(c)s, q.id, q.kind, 60, false, q.net_cents, q.vat_cents, q.total_cents, now(), 3 "
    "FROM quotes q WHERE q.request_id = %(n)s AND q.state = 'accepted' RETURNING id, total_cents",
    "INSERT INTO ledger_entries (customer_id, kind, amount_cents, balance_after_cents, at, "
    "reference, reason, charge_id, actor) VALUES (%(c)s, 'charge', -%(t)s, %(b)s - %(t)s, "
    "now(), '', '', %(charge)s, 'x')",
    "UPDATE customers SET balance_cents = %(b)s - %(t)s, status = CASE WHEN %(b)s - %(t)s < 0 "
    "THEN 'credit_exhausted' ELSE 'active' END WHERE id = %(c)s",
    "UPDATE requests SET state = 'completed', closed_at = now() WHERE id = %(n)s",
]


def prototype_worker(index: int, barrier: Any, out: Any, url: str, numbers: list[int],
                     retries: list[int], users: dict[str, str]) -> None:
    import psycopg

    u = make_url(url)
    conn = psycopg.connect(host=u.host, port=u.port or 5432, user=u.username,
                           dbname=u.database)
    barrier.wait()
    charged: list[int] = []
    refused = trips = 0
    for number in numbers + retries:
        trips += 1 + len(PROTOTYPE)  # the statements and the commit
        with conn.transaction():
            customer, state = conn.execute(PROTOTYPE[0], {"n": number}).fetchone()  # type: ignore[misc]
            if state == "completed":
                refused += 1
                continue
            (balance,) = conn.execute(PROTOTYPE[1], {"c": customer}).fetchone()  # type: ignore[misc]
            charge, total = conn.execute(PROTOTYPE[2], {"n": number, "c": customer}).fetchone()  # type: ignore[misc]
            values = {"n": number, "c": customer, "t": total, "b": balance, "charge": charge}
            for statement in PROTOTYPE[3:]:
                conn.execute(statement, values)
        charged.append(number)
    out.put(Outcome(index, charged, refused, 0, time.perf_counter(), trips, []))
    conn.close()


def verify(url: str) -> list[str]:
    engine = create_engine(url)
    problems: list[str] = []
    with engine.connect() as conn:
        bad = conn.execute(text(
            "SELECT c.code, c.balance_cents, coalesce(sum(l.amount_cents), 0) FROM customers c "
            "LEFT JOIN ledger_entries l ON l.customer_id = c.id "
            "GROUP BY c.id, c.code, c.balance_cents "
            "HAVING c.balance_cents <> coalesce(sum(l.amount_cents), 0)")).all()
        problems += [f"balance {code} {bal} != ledger {s}" for code, bal, s in bad]
        twice = conn.execute(text(
            "SELECT request_id FROM charges GROUP BY request_id HAVING count(*) > 1")).all()
        problems += [f"request {r} charged twice" for (r,) in twice]
        ledger_twice = conn.execute(text(
            "SELECT charge_id FROM ledger_entries WHERE charge_id IS NOT NULL "
            "GROUP BY charge_id HAVING count(*) > 1")).all()
        problems += [f"charge {c} posted twice" for (c,) in ledger_twice]
        unmatched = conn.scalar(text(
            "SELECT count(*) FROM charges ch JOIN ledger_entries l ON l.charge_id = ch.id "
            "WHERE l.amount_cents <> -ch.total_cents"))
        if unmatched:
            problems.append(f"{unmatched} ledger entries differ from their charge")
        wrong_status = conn.scalar(text(
            "SELECT count(*) FROM customers WHERE (balance_cents < 0) <> "
            "(status = 'credit_exhausted')"))
        if wrong_status:
            problems.append(f"{wrong_status} customers with a status that does not match")
    engine.dispose()
    return problems


@dataclass
class Run:
    rate: float
    round_trips: float
    problems: list[str]


def run_once(kind: str, url: str, args: argparse.Namespace, users: dict[str, str],
             workers: int) -> Run:
    prepare(url, args.requests, args.customers, users, workers, vat_point=args.vat_point)
    ctx = mp.get_context("spawn")
    rng = random.Random(3)
    everything = list(range(1, args.requests + 1))
    target = enforced_worker if kind == "enforced" else prototype_worker
    worker_args = []
    for i in range(workers):
        mine = [n for n in everything if (n - 1) % workers == i]
        others = [n for n in everything if (n - 1) % workers != i]
        retries = rng.sample(others, min(args.retries, len(others)))
        worker_args.append((url, mine, retries, users))
    procs, out, start = start_together(ctx, target, worker_args, args.start_timeout)
    results: list[Outcome] = collect(procs, out)
    end = max(r.end for r in results)
    charged = [n for r in results for n in r.charged]
    problems = verify(url)
    if sum(r.errors for r in results):
        problems += [f"worker {r.index}: {m}" for r in results for m in r.messages]
    if len(set(charged)) != len(charged):
        problems.append("a request was charged by two attempts")
    if set(charged) != set(everything):
        problems.append(f"{len(set(everything) - set(charged))} requests never charged")
    attempts = len(charged) + sum(r.refused for r in results)
    trips = sum(r.round_trips for r in results) / attempts if attempts else 0.0
    return Run(len(charged) / (end - start), trips, problems)  # problems: what went wrong


def _summary(name: str, rates: list[float]) -> str:
    return (f"{name}: median {statistics.median(rates):.0f} charges/s "
            f"(range {min(rates):.0f}-{max(rates):.0f}, {len(rates)} runs)")


def drop_everything(url: str, users: dict[str, str]) -> None:
    """The database, its group roles and the run's logins (roles are the cluster's)."""
    from app.db.privileges import drop_roles, role_names

    engine = create_engine(url)
    with engine.connect() as conn:
        names = role_names(conn)
    engine.dispose()
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        for login in users.values():
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        drop_roles(conn, names)
    admin.dispose()


def _counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"worker counts, e.g. 1,2,4,8,16: {text!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"worker counts of at least 1: {text!r}")
    return counts


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=DEFAULT_URL,
                   help="PostgreSQL URL (made again for each run, dropped at the end; {run}: "
                        "this run's name)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--workers", type=_counts, default=list(WORKER_COUNTS),
                   help="worker counts, comma-separated (default 1,2,4,8,16)")
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--customers", type=int, default=50)
    p.add_argument("--retries", type=int, default=25, help="per worker, of others' requests")
    p.add_argument("--only", choices=["enforced", "prototype"], help="one side only")
    p.add_argument("--vat-point", choices=["charge", "topup"], default="charge",
                   help="charge: each charge issues its numbered invoice (the prototype too, "
                        "by the database's trigger); topup: none, but the prototype's charge "
                        "with VAT is refused there (use --only enforced)")
    p.add_argument("--start-timeout", type=float, default=START_TIMEOUT,
                   help="seconds the workers have to reach the start barrier")
    args = p.parse_args()
    run_id = f"bc{secrets.token_hex(3)}"
    args.db = args.db.replace("{run}", run_id)
    users = {k: f"{run_id}_{k}" for k in
             ["admin", "lead", *(f"tech{i}" for i in range(1, max(args.workers) + 1))]}
    kinds = [args.only] if args.only else ["enforced", "prototype"]
    failed: list[str] = []
    summary: list[str] = []
    load_before = os.getloadavg()
    print(f"bench_charging: postgresql, {','.join(map(str, args.workers))} workstations "
          f"(processes), {os.cpu_count()} cores, {args.requests} requests a run, {args.runs} "
          f"runs each, the two sides alternated; load {load_before[0]:.2f} "
          f"{load_before[1]:.2f} {load_before[2]:.2f}", flush=True)
    try:
        for workers in args.workers:
            rates: dict[str, list[float]] = {k: [] for k in kinds}
            trips: dict[str, list[float]] = {k: [] for k in kinds}
            loads: list[float] = []
            for run in range(1, args.runs + 1):
                for kind in kinds:
                    result = run_once(kind, args.db, args, users, workers)
                    rates[kind].append(result.rate)
                    trips[kind].append(result.round_trips)
                    loads.append(os.getloadavg()[0])
                    status = "ok" if not result.problems else f"{len(result.problems)} PROBLEMS"
                    print(f"  {workers:>2} workers run {run} {kind:<9} {result.rate:6.0f} "
                          f"charges/s, {result.round_trips:.2f} round trips a charge, checks "
                          f"{status}, load {loads[-1]:.2f}", flush=True)
                    for problem in result.problems[:10]:
                        print(f"    PROBLEM: {problem}")
                    failed += result.problems
            line = f"{workers:>2} workers: " + "; ".join(
                _summary(kind, rates[kind]) + f", {statistics.median(trips[kind]):.2f} round "
                "trips a charge" for kind in kinds)
            if len(kinds) == 2:
                ratio = statistics.median(rates["enforced"]) / statistics.median(
                    rates["prototype"])
                line += f"; ratio {ratio:.2f}"
            line += f"; load {min(loads):.1f}-{max(loads):.1f}"
            summary.append(line)
            print("  " + line, flush=True)
    except WorkerFailed as exc:
        print(f"  FAILED: {exc}", flush=True)
        failed.append(str(exc))
    finally:
        drop_everything(args.db, users)
    load_after = os.getloadavg()
    print("summary:")
    for line in summary:
        print("  " + line)
    print(f"  load after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print("  every balance equals its ledger, no double charge" if not failed
          else f"  {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
