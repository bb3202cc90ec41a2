"""Charging benchmark: 8 workstations (processes) complete and charge 2,000 requests.

    python -m tests.perf.bench_charging [--db postgresql+psycopg://postgres@127.0.0.1/rit_charging]
                                        [--runs 5] [--workers 8] [--requests 2000] [--customers 50]

Each run, side by side:

- **enforced**: the real use case, ``app.services.billing.complete_request``, by 8
  processes each signed in with a login of its own (technicians ``<run>_tech1`` ...
  ``_tech8``, made for the run and dropped at the end): on PostgreSQL one call of the
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
At the end the median and range of each, and the load (``os.getloadavg``) around them.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import random
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/rit_charging_{run}"
WORKERS = 8


def prepare(url: str, n_requests: int, n_customers: int, users: dict[str, str],
            seed: int = 11) -> None:
    """The database made again; the staff's records linked to their run's logins."""
    from app.db.database import Database
    from app.domain.errors import ConflictError
    from app.domain.pricing import vat_on
    from app.services import staff as staff_service
    from tests.perf.generate import Sink, migrate, recreate

    recreate(url)
    migrate(url, "head")
    # measured at the charge point, as before issue 20 (a new database starts at the top-up,
    # where the prototype's charge with VAT would be refused by the database's check)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE settings SET value = 'charge' WHERE key = 'vat_point'"))
    engine.dispose()
    rng = random.Random(seed)
    now = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    sink = Sink(url)
    people = [("admin", "admin"), ("lead", "team_lead")] + [
        (f"tech{i}", "technician") for i in range(1, WORKERS + 1)]
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
        tech = 3 + (r - 1) % WORKERS
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


def enforced_worker(url: str, index: int, numbers: list[int], retries: list[int],
                    users: dict[str, str], barrier: Any, out: Any) -> None:
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


def prototype_worker(url: str, index: int, numbers: list[int], retries: list[int],
                     users: dict[str, str], barrier: Any, out: Any) -> None:
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


def run_once(kind: str, url: str, args: argparse.Namespace, users: dict[str, str]) -> Run:
    prepare(url, args.requests, args.customers, users)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WORKERS + 1)
    out = ctx.Queue()
    rng = random.Random(3)
    everything = list(range(1, args.requests + 1))
    target = enforced_worker if kind == "enforced" else prototype_worker
    procs = []
    for i in range(WORKERS):
        mine = [n for n in everything if (n - 1) % WORKERS == i]
        others = [n for n in everything if (n - 1) % WORKERS != i]
        retries = rng.sample(others, min(args.retries, len(others)))
        proc = ctx.Process(target=target, args=(url, i, mine, retries, users, barrier, out))
        proc.start()
        procs.append(proc)
    barrier.wait()
    start = time.perf_counter()
    results: list[Outcome] = [out.get(timeout=900) for _ in procs]
    end = max(r.end for r in results)
    for proc in procs:
        proc.join()
    charged = [n for r in results for n in r.charged]
    problems = verify(url)
    if sum(r.errors for r in results):
        problems += [f"worker {r.index}: {m}" for r in results for m in r.messages]
    if len(set(charged)) != len(charged):
        problems.append("a request was charged by two attempts")
    if set(charged) != set(everything):
        problems.append(f"{len(set(everything) - set(charged))} requests never charged")
    attempts = len(charged) + sum(r.refused for r in results)
    return Run(len(charged) / (end - start), sum(r.round_trips for r in results) / attempts,
               problems)


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


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=DEFAULT_URL,
                   help="PostgreSQL URL (made again for each run, dropped at the end; {run}: "
                        "this run's name)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--customers", type=int, default=50)
    p.add_argument("--retries", type=int, default=25, help="per worker, of others' requests")
    p.add_argument("--only", choices=["enforced", "prototype"], help="one side only")
    args = p.parse_args()
    run_id = f"bc{secrets.token_hex(3)}"
    args.db = args.db.replace("{run}", run_id)
    users = {k: f"{run_id}_{k}" for k in
             ["admin", "lead", *(f"tech{i}" for i in range(1, WORKERS + 1))]}
    kinds = [args.only] if args.only else ["enforced", "prototype"]
    rates: dict[str, list[float]] = {k: [] for k in kinds}
    trips: dict[str, list[float]] = {k: [] for k in kinds}
    failed: list[str] = []
    load_before = os.getloadavg()
    print(f"bench_charging: postgresql, {WORKERS} workstations (processes), {os.cpu_count()} "
          f"cores, {args.requests} requests a run; load {load_before[0]:.2f} "
          f"{load_before[1]:.2f} {load_before[2]:.2f}")
    try:
        for run in range(1, args.runs + 1):
            for kind in kinds:
                result = run_once(kind, args.db, args, users)
                rates[kind].append(result.rate)
                trips[kind].append(result.round_trips)
                status = "ok" if not result.problems else f"{len(result.problems)} PROBLEMS"
                print(f"  run {run} {kind:<9} {result.rate:6.0f} charges/s, "
                      f"{result.round_trips:.2f} round trips a charge, checks {status}, "
                      f"load {os.getloadavg()[0]:.2f}", flush=True)
                for problem in result.problems[:10]:
                    print(f"    PROBLEM: {problem}")
                failed += result.problems
    finally:
        drop_everything(args.db, users)
    load_after = os.getloadavg()
    for kind in kinds:
        print("  " + _summary(kind, rates[kind]) +
              f"; {statistics.median(trips[kind]):.2f} round trips a charge")
    print(f"  load after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print("  every balance equals its ledger, no double charge" if not failed
          else f"  {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
