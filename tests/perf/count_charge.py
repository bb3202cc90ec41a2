"""What one charge does on the server: function calls, index and table scans, rows
written, read from PostgreSQL's own per-transaction statistics (no extension, no server
log: ``pg_stat_xact_user_functions`` and ``pg_stat_xact_user_tables`` of the charging
transaction itself, so no other session's work is counted).

    python -m tests.perf.count_charge [--db postgresql+psycopg://postgres@127.0.0.1/x]
                                      [--charges 30]

A technician's own login charges its requests one by one with ``rit_charge`` (as
``complete_request`` does), each in a transaction that runs the deferred checks
(``SET CONSTRAINTS ALL IMMEDIATE``) and reads the statistics before its commit. The
database is the charging benchmark's (``tests/perf/bench_charging.prepare``), made for
the run and dropped at the end; ``track_functions`` is set to ``all`` on it.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from collections import Counter
from typing import Any

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.perf.bench_charging import DEFAULT_URL, drop_everything, prepare

FUNCTIONS = "SELECT funcname, calls FROM pg_stat_xact_user_functions"
TABLES = ("SELECT relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del "
          "FROM pg_stat_xact_user_tables")
CHARGE = "SELECT * FROM rit_charge(%s, NULL, NULL, NULL, NULL, NULL, NULL)"


def _snapshot(conn: Any) -> tuple[Counter[str], Counter[str]]:
    """The session's statistics not yet flushed (this transaction's and maybe earlier)."""
    calls: Counter[str] = Counter()
    tables: Counter[str] = Counter()
    for name, n in conn.execute(FUNCTIONS).fetchall():
        calls[str(name)] += int(n)
    for row in conn.execute(TABLES).fetchall():
        for what, n in zip(("seq_scan", "idx_scan", "insert", "update", "delete"), row[1:],
                           strict=True):
            if n:
                tables[f"{row[0]}.{what}"] += int(n)
    return calls, tables


def count(url: str, charges: int, requests: int) -> tuple[Counter[str], Counter[str], int]:
    """(function calls, table operations) summed over ``charges`` charges of a database of
    ``requests`` requests, and how many charges."""
    u = make_url(url)
    run = f"cc{secrets.token_hex(3)}"  # the logins (not the database's group roles)
    users = {k: f"{run}_{k}" for k in ("admin", "lead", "tech1")}
    prepare(url, max(requests, charges), 50, users, workers=1)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{u.database}" SET track_functions = \'all\''))
    admin.dispose()
    calls: Counter[str] = Counter()
    tables: Counter[str] = Counter()
    done = 0
    try:
        with psycopg.connect(host=u.host, port=u.port or 5432, dbname=u.database,
                             user=users["tech1"]) as conn:
            for number in range(1, charges + 1):
                with conn.transaction():
                    calls_before, tables_before = _snapshot(conn)
                    conn.execute(CHARGE, (number,))
                    conn.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the checks at commit
                    calls_after, tables_after = _snapshot(conn)
                    calls.update(calls_after - calls_before)
                    tables.update(tables_after - tables_before)
                done += 1
    finally:
        drop_everything(url, users)
    return calls, tables, done


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", default=DEFAULT_URL)
    p.add_argument("--charges", type=int, default=30)
    p.add_argument("--requests", type=int, default=2000, help="in the database")
    args = p.parse_args()
    url = args.db.replace("{run}", f"cc{secrets.token_hex(3)}")
    calls, tables, done = count(url, args.charges, args.requests)
    print(f"count_charge: {done} charges, per charge:")
    print(f"  function calls {sum(calls.values()) / done:.1f}:")
    for name, n in calls.most_common():
        print(f"    {name:<32} {n / done:5.2f}")
    scans = sum(n for k, n in tables.items() if k.endswith("_scan"))
    print(f"  scans {scans / done:.1f} (index and sequential), rows written "
          f"{sum(n for k, n in tables.items() if not k.endswith('_scan')) / done:.1f}:")
    for name, n in sorted(tables.items()):
        print(f"    {name:<40} {n / done:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
