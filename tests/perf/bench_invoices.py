"""What numbering an invoice costs a top-up and a charge, on PostgreSQL, on demand:

    python -m tests.perf.bench_invoices --server postgresql+psycopg://postgres@HOST/postgres \
        [--runs 5] [--n 200]

Each run makes ``--n`` top-ups, then completes ``--n`` prepared requests, once with the
VAT point set so that the use case issues no document (the baseline, measured in the
same run) and once so that it issues one (an invoice numbered under the series row's
lock, its facts written by the trigger): one database per round, dropped after. Prints
the median and the range of the per-operation time of ``--runs`` runs and the load
average before and after. The documents' files are the worker's, not timed here.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import time
from datetime import date, timedelta

from sqlalchemy import create_engine, text

from app.db.database import Database
from app.services import billing, customers, quotes, requests, staff, work
from app.services.demo import COMPANY
from app.services.quotes import LineInput, QuoteInput


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def one_round(server: str, point: str, n: int) -> tuple[float, float]:
    """(ms a top-up, ms a charge) with the VAT point ``point``."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"rit_bench_inv_{secrets.token_hex(3)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.rsplit("/", 1)[0] + f"/{name}"
    db = Database(url, renderer=lambda _doc: b"%PDF-1.4 bench")  # quotes: not timed
    try:
        db.upgrade_schema()
        with db.engine.begin() as conn:
            for key, value in {**COMPANY, "vat_point": point}.items():
                conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                             {"k": key, "v": value})
        staff.add_staff(db, None, "admin", name="Ada", role="admin", login=False)
        staff.add_staff(db, "admin", "tech", name="Tea", role="technician", login=False)
        staff.add_staff(db, "admin", "fin", name="Fin", role="finance", login=False)
        customers.add_customer(db, "admin", "ACME", name="Acme Srl")
        customers.add_service(db, "admin", "ACME", name="web-1")
        numbers = []
        for _ in range(n):
            number = requests.submit_request(db, "ACME", service="web-1", category="ssl",
                                             subject="bench")
            requests.take_request(db, "tech", number)
            quote = quotes.create_quote(db, "tech", number, QuoteInput(
                "fixed", date.today() + timedelta(days=10), lines=[LineInput("W", "1", "10")]),
                send=True)
            quotes.accept_quote(db, quote.id)
            work.log_work(db, "tech", number, hours="1")
            numbers.append(number)
        start = time.perf_counter()
        for _ in range(n):
            customers.topup(db, "fin", "ACME", "10")
        topup = (time.perf_counter() - start) * 1000 / n
        start = time.perf_counter()
        for number in numbers:
            billing.complete_request(db, "tech", number)
        charge = (time.perf_counter() - start) * 1000 / n
        return topup, charge
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    print(f"load before: {load()}")
    results: dict[str, list[tuple[float, float]]] = {"none": [], "invoice": []}
    for _ in range(args.runs):  # alternated: the load moves the same for both
        for label, point in (("none", "topup"), ("invoice", "charge")):
            # topup point: a top-up issues one and a charge none; charge point: the reverse
            results[label].append(one_round(args.server, point, args.n))
    for label, rows in results.items():
        issues = {"none": ("top-up: invoice", "charge: none"),
                  "invoice": ("top-up: none", "charge: invoice")}[label]
        for i, what in enumerate(issues):
            values = [r[i] for r in rows]
            print(f"{what:16} median {statistics.median(values):6.2f} ms  range "
                  f"{min(values):6.2f}-{max(values):6.2f} ms  (n={len(values)} runs of {args.n})")
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
