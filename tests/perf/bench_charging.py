"""Charging benchmark: 8 workstations (processes) complete and charge 2,000 requests.

    python -m tests.perf.bench_charging [--db postgresql+psycopg://postgres@127.0.0.1/rit_charging]
                                        [--workers 8] [--requests 2000] [--customers 50]

The database is created again from scratch (dropped if it exists). 2,000 requests of 50
customers are prepared in progress with an accepted quote (fixed and hourly, some with an
agreed variation) and work logged, assigned to 8 technicians; then 8 processes each
complete their technician's requests through ``app.services.billing.complete_request``,
the real use case, every one in its own transaction. Each worker also retries a few
requests of the others as a team lead (double clicks, retries after a dropped
connection): every such retry must be refused. Some customers have little credit, so
credit exhaustion happens under load. At the end: charges per second (2,000 / wall
time from the start barrier to the last commit), then the checks: every balance equals
its ledger sum, one charge and one charge ledger entry per request, none twice.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, text

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/rit_charging"
TECHS = [f"tech{i}" for i in range(1, 9)]


def prepare(url: str, n_requests: int, n_customers: int, seed: int = 11) -> None:
    from app.domain.pricing import vat_on
    from tests.perf.generate import Sink, migrate, recreate

    recreate(url)
    migrate(url, "head")
    rng = random.Random(seed)
    now = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    sink = Sink(url)
    staff = [("admin", "admin"), ("lead", "team_lead")] + [(t, "technician") for t in TECHS]
    for i, (username, role) in enumerate(staff, 1):
        sink.add("staff", ("id", "username", "name", "role", "active", "created_at"),
                 (i, username, username.title(), role, True, now))
    balances = {}
    for c in range(1, n_customers + 1):
        credit = 2_000_00 if c % 10 == 0 else 500_000_00  # one in ten runs out of credit
        balances[c] = credit
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
        tech = 3 + (r - 1) % len(TECHS)
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
    # the group roles and grants, as 'rit-desk init' makes them: without them rit_charge's
    # own updates are refused by the guards of migration 0007 (no charge is made)
    from app.db.database import Database

    db = Database(url)
    db.upgrade_schema()
    db.dispose()


def worker(url: str, index: int, numbers: list[int], retries: list[int], barrier: Any,
           out: Any) -> None:
    from app.db.database import Database
    from app.domain.errors import RitError
    from app.services.billing import complete_request

    db = Database(url, pool_size=1)
    db.check_connection()
    barrier.wait()
    charged: list[int] = []
    refused = errors = 0
    messages: list[str] = []
    # Own requests first, then retries of others' (double clicks, a retry after a dropped
    # connection). A retry may win the race against the owner: what counts is that every
    # request is charged exactly once over all attempts, the others refused as "already".
    for number, user in [(n, TECHS[index]) for n in numbers] + [(n, "lead") for n in retries]:
        try:
            complete_request(db, user, number)
            charged.append(number)
        except RitError as exc:
            if "already" in exc.message:
                refused += 1
            else:
                errors += 1
                messages.append(f"{number}: {exc}")
    out.put((index, charged, refused, errors, time.perf_counter(), messages[:5]))
    db.dispose()


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
        n_charges = conn.scalar(text("SELECT count(*) FROM charges"))
        n_ledger = conn.scalar(text("SELECT count(*) FROM ledger_entries WHERE kind='charge'"))
        n_done = conn.scalar(text("SELECT count(*) FROM requests WHERE state='completed'"))
        unmatched = conn.scalar(text(
            "SELECT count(*) FROM charges ch JOIN ledger_entries l ON l.charge_id = ch.id "
            "WHERE l.amount_cents <> -ch.total_cents"))
        if unmatched:
            problems.append(f"{unmatched} ledger entries differ from their charge")
        exhausted = conn.scalar(text(
            "SELECT count(*) FROM customers WHERE status='credit_exhausted'"))
        wrong_status = conn.scalar(text(
            "SELECT count(*) FROM customers WHERE (balance_cents < 0) <> "
            "(status = 'credit_exhausted')"))
        if wrong_status:
            problems.append(f"{wrong_status} customers with a status that does not match")
    engine.dispose()
    print(f"  check: {n_charges} charges, {n_ledger} charge ledger entries, {n_done} requests "
          f"completed, {exhausted} accounts in credit exhaustion")
    return problems


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=DEFAULT_URL, help="PostgreSQL URL (the database is replaced)")
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--customers", type=int, default=50)
    p.add_argument("--retries", type=int, default=25, help="per worker, of others' requests")
    args = p.parse_args()
    if args.workers > len(TECHS):
        p.error(f"at most {len(TECHS)} workers")
    t = time.perf_counter()
    prepare(args.db, args.requests, args.customers)
    print(f"bench_charging: prepared {args.requests} requests of {args.customers} customers in "
          f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(args.workers + 1)
    out = ctx.Queue()
    rng = random.Random(3)
    everything = list(range(1, args.requests + 1))
    procs = []
    for i in range(args.workers):
        mine = [n for n in everything if (n - 1) % len(TECHS) == i]
        others = [n for n in everything if (n - 1) % len(TECHS) != i]
        retries = rng.sample(others, min(args.retries, len(others)))
        proc = ctx.Process(target=worker, args=(args.db, i, mine, retries, barrier, out))
        proc.start()
        procs.append(proc)
    barrier.wait()
    start = time.perf_counter()
    results = [out.get(timeout=600) for _ in procs]
    end = max(r[4] for r in results)
    for proc in procs:
        proc.join()
    all_charged = [n for r in results for n in r[1]]
    charged = len(all_charged)
    refused = sum(r[2] for r in results)
    errors = sum(r[3] for r in results)
    seconds = end - start
    print(f"bench_charging: postgresql, {args.workers} workstations (processes), "
          f"{os.cpu_count()} cores")
    print(f"  {charged} charges in {seconds:.2f} s: {charged / seconds:.0f} charges/s "
          f"(target >= 500); {refused} attempts on charged requests refused")
    for r in results:
        for message in r[5]:
            print(f"  worker {r[0]}: {message}")
    problems = verify(args.db)
    if errors:
        problems.append(f"{errors} unexpected outcomes")
    if len(set(all_charged)) != len(all_charged):
        problems.append("a request was charged by two attempts")
    if set(all_charged) != set(everything):
        problems.append(f"{len(set(everything) - set(all_charged))} requests never charged")
    for problem in problems[:20]:
        print(f"  PROBLEM: {problem}")
    print("  every balance equals its ledger, no double charge" if not problems
          else f"  {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
