"""Fill a database with N realistic requests, fast (bulk inserts; COPY on PostgreSQL).

    python -m tests.perf.generate sqlite:////tmp/rit-1m.sqlite --n 1000000
    python -m tests.perf.generate postgresql+psycopg://postgres@127.0.0.1/rit_perf --n 1000000

The database is created from scratch (SQLite: the file is replaced; PostgreSQL: the
database is dropped and created again). The schema is migrated to revision 0001, the data
loaded in big batches, then the schema is upgraded to head, so the later migrations run
on a full database as they would in the field.

What is generated: ~20k customers (N/50) with 1-3 services each, 10 staff, requests over
eight years in every state and category with the realistic proportions of an old
installation (most closed), one quote per request that got that far (fixed quotes with
1-3 lines, hourly quotes with rate and estimate; a rejected first revision for some),
work entries on in-progress and completed requests, agreed variations on some, one
charge per completed request computed by ``app.domain.pricing.compute_charge``, and a
credit ledger per customer (initial top-up, charges, top-ups) whose sum is the stored
balance; customers left below zero are in credit exhaustion with suspended services.
Audit events: one per submission and one per completion. Stored quote PDFs and the
notice outbox are left empty (``pdf`` is NULL): they play no part in the queue queries.
What later migrations derive from the loaded rows they fill themselves, as in the field:
``requests.customer_name`` and, on PostgreSQL, the ``request_search`` table (0004).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.domain.enums import Category
from app.domain.pricing import compute_charge, vat_on
from app.services.demo import STAFF  # the same team as the demo data

BATCH = 20_000



def _words(text: str) -> list[str]:
    return text.split()


ASSIGNABLE = [2, 3, 4, 5, 6, 7, 8]  # staff ids of leads and technicians
SURNAMES = _words(
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno "
    "Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri "
    "Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo "
    "Gentile Martinelli Vitale Lombardo Serra Coppola DeSantis Dangelo Marchetti"
)
TRADES = _words(
    "Logistica Impianti Costruzioni Informatica Consulting Trasporti Alimentari "
    "Tessile Meccanica Elettronica Farmacia Hotel Ristorazione Assicurazioni "
    "Immobiliare Studio Design Energia Servizi Digital Web Media Travel Arredamenti "
    "Ceramiche Vini Moda Automazione Chimica Sport"
)
CITIES = _words(
    "Milano Torino Roma Napoli Bologna Firenze Genova Verona Padova Bari Trieste "
    "Brescia Parma Modena Pisa Lecce Trento Bergamo Como Udine"
)
FORMS = ["Srl", "SpA", "Snc", "Sas", "Srls", "Ltd", "GmbH", ""]
SERVICE_KINDS = ["cloud_server", "vps", "hosting", "cloud_storage", "dedicated_server"]
SUBJECTS: dict[str, list[str]] = {
    Category.SOFTWARE: ["Aggiornamento Plesk all'ultima versione", "Installazione PHP {v} e moduli",
                        "Upgrade MySQL 5.7 a 8.0", "Installazione MSSQL Express",
                        "Installazione ASP.NET Core {v}"],
    Category.OS_PATCHES: ["Patch di sicurezza Windows Server", "Aggiornamento kernel Debian",
                          "Aggiornamento Ubuntu 20.04 a 22.04"],
    Category.SSL: ["Installazione certificato SSL wildcard per {d}",
                   "Rinnovo certificato SSL e-commerce {d}"],
    Category.HARDENING: ["Hardening server Linux esposto", "Chiusura porte e fail2ban su {h}"],
    Category.TUNING: ["Analisi lentezza database su {h}", "Tuning Apache PHP-FPM per {d}"],
    Category.BACKUP: ["Backup ad-hoc su Cloud Storage di {h}"],
    Category.NETWORK: ["Configurazione VPN site-to-site", "Bilanciatore di carico per due nodi",
                       "Regole firewall per gestionale"],
    Category.WEBSITE_MIGRATION: ["Migrazione sito WordPress {d} da hosting",
                                 "Migrazione siti da VPS esterno"],
    Category.P2V_V2V: ["Migrazione P2V server fisico {h}", "V2V da VMware a cloud"],
    Category.CUSTOM_ENVIRONMENT: ["Ambiente Exchange + BES", "Server streaming Red5"],
    Category.OTHER: ["Consulenza configurazione DNS per {d}"],
}
CATEGORIES = list(SUBJECTS)
LINE_ITEMS = [
    ("Analisi preliminare e piano di intervento", 100, 9000),
    ("Installazione e configurazione", 100, 18000),
    ("Certificato SSL (1 anno)", 100, 5900),
    ("Migrazione contenuti e database", 100, 24000),
    ("Test funzionali e collaudo", 100, 7500),
    ("Ora di lavoro sistemistico", 300, 5500),
    ("Configurazione regole firewall", 400, 3500),
]
#: state -> share of requests (an installation that has run for years: most are closed)
STATES = [("completed", 55), ("in_progress", 10), ("accepted", 3), ("quoted", 5),
          ("evaluating", 3), ("new", 3), ("declined", 5), ("rejected", 6), ("expired", 6),
          ("cancelled", 4)]
PRIORITIES = [("normal", 70), ("low", 12), ("high", 14), ("urgent", 4)]
QUOTED_STATES = {"quoted", "accepted", "in_progress", "completed", "rejected", "expired"}
WORK_STATES = {"in_progress", "completed"}
VAT = 2200  # hundredths of a percent point: 22.00 %
HUNDRED = Decimal(100)


def cents(value: Decimal) -> int:
    return int(value * HUNDRED)


def money(c: int) -> Decimal:
    return Decimal(c) / HUNDRED


# -- sinks: batched executemany (SQLite) or COPY (PostgreSQL) ------------------------------
class Sink:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.sqlite = self.url.get_backend_name() == "sqlite"
        self.buffers: dict[str, list[Sequence[Any]]] = {}
        self.columns: dict[str, Sequence[str]] = {}
        self.counts: dict[str, int] = {}
        if self.sqlite:
            import sqlite3

            self.conn: Any = sqlite3.connect(self.url.database or "", isolation_level=None)
            self.conn.execute("PRAGMA synchronous=OFF")
            self.conn.execute("PRAGMA foreign_keys=OFF")
            self.conn.execute("PRAGMA cache_size=-200000")
            self.conn.execute("BEGIN")
        else:
            import psycopg

            self.conn = psycopg.connect(
                host=self.url.host, port=self.url.port or 5432, user=self.url.username,
                password=self.url.password, dbname=self.url.database)
            self.conn.execute("SET synchronous_commit = off")
            # Rows go in table by table in batches, not in foreign-key order: the load is
            # consistent as a whole, so the FK triggers are skipped for it (superuser).
            self.conn.execute("SET session_replication_role = replica")

    def add(self, table: str, columns: Sequence[str], row: Sequence[Any]) -> None:
        buffer = self.buffers.get(table)
        if buffer is None:
            buffer = self.buffers[table] = []
            self.columns[table] = columns
        buffer.append(row)
        if len(buffer) >= BATCH:
            self.flush(table)

    def flush(self, table: str) -> None:
        rows = self.buffers.get(table)
        if not rows:
            return
        columns = self.columns[table]
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            self.conn.executemany(sql, [tuple(_sqlite_value(v) for v in r) for r in rows])
        else:
            with self.conn.cursor() as cur, \
                    cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        rows.clear()

    def close(self) -> None:
        for table in list(self.buffers):
            self.flush(table)
        if self.sqlite:
            self.conn.execute("COMMIT")
        else:
            self.conn.commit()
            for table in (t for t in self.counts if t != "settings"):
                self.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))")
            self.conn.commit()
        self.conn.close()


def _sqlite_value(v: Any) -> Any:
    # the formats SQLAlchemy's SQLite dialect writes and reads
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


# -- the database ---------------------------------------------------------------------------
def recreate(url: str) -> None:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        path = Path(u.database or "")
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()


def migrate(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.db.database import MIGRATIONS

    db = Database(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    db.dispose()


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def generate(url: str, n: int, *, customers: int | None = None, seed: int = 7,
             now: datetime | None = None, quiet: bool = False) -> dict[str, int]:
    rng = random.Random(seed)
    n_customers = customers or max(50, n // 50)
    now = now or datetime(2026, 11, 1, 9, 0, 0)
    start = now - timedelta(days=8 * 365)
    span = (now - start).total_seconds()
    sink = Sink(url)
    say = (lambda *_: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))

    staff_cols = ("id", "username", "name", "role", "active", "created_at")
    for i, (username, name, role) in enumerate(STAFF, 1):
        sink.add("staff", staff_cols, (i, username, name, role, True, start))
    sink.add("settings", ("key", "value"), ("perf_generated", f"{n} requests"))

    # customers and services
    customer_cols = ("id", "code", "name", "lang", "address", "vat_number", "balance_cents",
                     "status", "created_at", "version")
    service_cols = ("id", "customer_id", "name", "kind", "status")
    ledger_cols = ("id", "customer_id", "kind", "amount_cents", "balance_after_cents", "at",
                   "reference", "reason", "charge_id", "actor")
    cust_names: list[str] = [""]
    cust_services: list[list[int]] = [[]]
    cust_slug: list[str] = [""]
    balance = [0] * (n_customers + 1)
    ledger_id = 0
    service_id = 0
    customers_rows: list[tuple[Any, ...]] = []
    for c in range(1, n_customers + 1):
        surname = rng.choice(SURNAMES)
        name = f"{surname} {rng.choice(TRADES)} {rng.choice(CITIES)} {rng.choice(FORMS)}".strip()
        cust_names.append(name)
        cust_slug.append(f"{surname.lower()}{c}")
        created = start + timedelta(seconds=rng.random() * span * 0.05)
        initial = rng.choice([15000, 30000, 80000, 150000, 300000, 600000])
        ledger_id += 1
        balance[c] = initial
        sink.add("ledger_entries", ledger_cols, (ledger_id, c, "topup", initial, initial, created,
                                                 "initial credit", "", None, "portal"))
        customers_rows.append((c, f"C{c:06d}", name, "it" if rng.random() < 0.85 else "en",
                               f"Via {rng.choice(SURNAMES)} {rng.randint(1, 200)}\n"
                               f"{rng.randint(10000, 99999)} {rng.choice(CITIES)}",
                               f"IT{10000000000 + c * 7919:011d}", created))
        services = []
        for s in range(rng.choice([1, 1, 2, 2, 3])):
            service_id += 1
            services.append(service_id)
            kind = rng.choice(SERVICE_KINDS)
            sink.add("services", service_cols,
                     (service_id, c, f"{kind.replace('_', '-')}-{s + 1}", kind, "running"))
        cust_services.append(services)
    say(f"customers: {n_customers}, services: {service_id}")

    request_cols = ("id", "customer_id", "service_id", "category", "subject", "description",
                    "priority", "assignee_id", "state", "decline_reason", "quote_total_cents",
                    "quote_valid_until", "created_at", "updated_at", "closed_at", "version")
    quote_cols = ("id", "request_id", "revision", "kind", "state", "vat_rate_hundredths",
                  "valid_until", "notes", "hourly_rate_cents", "estimated_hours_hundredths",
                  "billing_increment", "net_cents", "vat_cents", "total_cents", "lang",
                  "created_by_id", "created_at", "sent_by_id", "sent_at", "answered_at",
                  "answer_reason", "pdf", "pdf_sha256", "version")
    line_cols = ("id", "quote_id", "position", "description", "quantity_hundredths",
                 "unit_price_cents", "amount_cents")
    work_cols = ("id", "request_id", "staff_id", "work_date", "minutes", "note", "created_at",
                 "version")
    variation_cols = ("id", "request_id", "amount_cents", "reason", "state", "proposed_by_id",
                      "proposed_at", "answered_at", "version")
    charge_cols = ("id", "request_id", "customer_id", "quote_id", "kind", "billable_minutes",
                   "capped", "net_cents", "vat_cents", "total_cents", "created_at",
                   "created_by_id")
    audit_cols = ("id", "at", "actor", "action", "request_id", "customer_id", "details")

    quote_id = line_id = work_id = variation_id = charge_id = audit_id = 0
    states = [s for s, _ in STATES]
    state_weights = [w for _, w in STATES]
    prio = [p for p, _ in PRIORITIES]
    prio_w = [w for _, w in PRIORITIES]
    t0 = time.perf_counter()
    step = span / n
    for r in range(1, n + 1):
        created = start + timedelta(seconds=(r - 1) * step + rng.random() * step)
        c = rng.randint(1, n_customers)
        service = rng.choice(cust_services[c])
        category = rng.choice(CATEGORIES)
        subject = rng.choice(SUBJECTS[category]).format(
            v=rng.choice(["8.1", "8.2", "8.3", "7.4", "6", "7"]),
            d=f"www.{cust_slug[c]}.it", h=f"srv{rng.randint(1, 99):02d}.{cust_slug[c]}.it")
        age_days = (now - created).days
        state = rng.choices(states, state_weights)[0]
        # recent requests are the open ones; old ones are closed
        if age_days > 120 and state in ("new", "evaluating", "quoted", "accepted", "in_progress"):
            state = "completed" if rng.random() < 0.8 else "expired"
        priority = rng.choices(prio, prio_w)[0]
        assignee = None if state in ("new", "cancelled") else rng.choice(ASSIGNABLE)
        updated = created + timedelta(hours=rng.randint(1, 72))
        closed = None
        decline_reason = None
        quote_total = None
        valid_until = None
        if state == "declined":
            decline_reason = "Intervento non fattibile sull'infrastruttura attuale"
            closed = updated
        if state == "cancelled":
            closed = updated
        sink.add("audit_events", audit_cols,
                 (audit_id := audit_id + 1, created, f"portal:C{c:06d}", "request_submitted",
                  r, c, f'{{"category": "{category}"}}'))
        if state in QUOTED_STATES:
            lead = rng.choice([2, 3])
            revisions = 2 if (state in ("accepted", "in_progress", "completed", "quoted")
                              and rng.random() < 0.08) else 1
            for rev in range(1, revisions + 1):
                last = rev == revisions
                qcreated = created + timedelta(hours=rng.randint(2, 48) * rev)
                hourly = rng.random() < 0.35
                q_lines: list[tuple[str, int, int]] = []
                if hourly:
                    rate = rng.choice([5500, 6000, 7000, 8000])
                    hours = rng.choice([200, 300, 400, 600, 800, 1200, 2000])
                    totals = vat_on(money(rate) * money(hours), Decimal(22))
                else:
                    rate = hours = None  # type: ignore[assignment]
                    q_lines = rng.sample(LINE_ITEMS, rng.randint(1, 3))
                    net = sum(q * p // 100 for _, q, p in q_lines)
                    totals = vat_on(money(net), Decimal(22))
                if not last:
                    qstate = "rejected"
                elif state == "quoted":
                    qstate = "sent"
                elif state in ("accepted", "in_progress", "completed"):
                    qstate = "accepted"
                else:
                    qstate = state  # rejected / expired
                qvalid = (qcreated + timedelta(days=30)).date()
                if state == "quoted" and last:
                    qvalid = (now + timedelta(days=rng.randint(-3, 30))).date()
                answered = qcreated + timedelta(days=rng.randint(1, 10)) \
                    if qstate in ("accepted", "rejected") else None
                quote_id += 1
                sink.add("quotes", quote_cols, (
                    quote_id, r, rev, "hourly" if hourly else "fixed", qstate, VAT, qvalid, "",
                    rate, hours, 15, cents(totals.net), cents(totals.vat), cents(totals.total),
                    "it", lead, qcreated, lead, qcreated, answered,
                    "Prezzo troppo alto" if qstate == "rejected" else None, None, None, 1))
                for pos, (desc, q, p) in enumerate(q_lines, 1):
                    line_id += 1
                    sink.add("quote_lines", line_cols,
                             (line_id, quote_id, pos, desc, q, p, q * p // 100))
                if last:
                    quote_total = cents(totals.total)
                    valid_until = qvalid
                    last_quote = (quote_id, hourly, totals, rate, qcreated)
            if state in ("rejected", "expired"):
                closed = updated + timedelta(days=rng.randint(1, 30))
        if state in WORK_STATES:
            qid, hourly, totals, rate, qcreated = last_quote
            minutes = [rng.choice([20, 30, 45, 60, 90, 120, 180, 240])
                       for _ in range(rng.randint(1, 3))]
            wdate = qcreated + timedelta(days=rng.randint(1, 5))
            for mins in minutes:
                work_id += 1
                sink.add("work_entries", work_cols,
                         (work_id, r, assignee, wdate.date(), mins, "", wdate, 1))
            agreed: list[Decimal] = []
            if rng.random() < 0.05:
                amount = totals.net * Decimal("1.3")
                amount = amount.quantize(Decimal("0.01"))
                agreed.append(amount)
                variation_id += 1
                sink.add("variations", variation_cols,
                         (variation_id, r, cents(amount), "Attività aggiuntive richieste",
                          "agreed", assignee, wdate, wdate + timedelta(days=1), 1))
            if state == "completed":
                closed = min(wdate + timedelta(days=rng.randint(0, 5)), now)
                charge = compute_charge(kind="hourly" if hourly else "fixed",
                                        quote_net=totals.net, vat_rate=Decimal(22),
                                        hourly_rate=money(rate) if hourly else None,
                                        entries_minutes=minutes, agreed_variations=agreed,
                                        increment=15)
                charge_id += 1
                total_c = cents(charge.total)
                sink.add("charges", charge_cols, (
                    charge_id, r, c, qid, charge.kind.value, charge.billable_minutes,
                    charge.capped, cents(charge.net), cents(charge.vat), total_c, closed,
                    assignee))
                balance[c] -= total_c
                ledger_id += 1
                sink.add("ledger_entries", ledger_cols, (
                    ledger_id, c, "charge", -total_c, balance[c], closed, f"RIT-{r:06d}", "",
                    charge_id, "tech"))
                sink.add("audit_events", audit_cols, (
                    audit_id := audit_id + 1, closed, "tech", "request_completed", r, c,
                    f'{{"total": "{charge.total}"}}'))
                if balance[c] < 0 and (rng.random() < 0.97 or age_days > 60):
                    topup = -balance[c] + rng.choice([20000, 50000, 100000])
                    balance[c] += topup
                    ledger_id += 1
                    sink.add("ledger_entries", ledger_cols, (
                        ledger_id, c, "topup", topup, balance[c], closed + timedelta(hours=6),
                        "bonifico", "", None, "portal"))
        if state == "completed":
            updated = closed  # type: ignore[assignment]
        sink.add("requests", request_cols, (
            r, c, service, category, subject, "", priority, assignee, state, decline_reason,
            quote_total, valid_until, created, max(updated, closed or updated), closed, 1))
        if not quiet and r % 100_000 == 0:
            say(f"  {r:,} requests, {time.perf_counter() - t0:.0f} s")

    exhausted = set()
    for row in customers_rows:
        c = row[0]
        status = "credit_exhausted" if balance[c] < 0 else "active"
        if status == "credit_exhausted":
            exhausted.add(c)
        sink.add("customers", customer_cols, (*row[:6], balance[c], status, row[6], 1))
    sink.close()
    if exhausted:
        engine = create_engine(url)
        with engine.begin() as conn:
            ids = sorted(exhausted)
            for i in range(0, len(ids), 500):
                # at revision 0001 (the load's): migration 0024 makes them 'off' with
                # the rest of its staged procedure, as it does a database in the field
                conn.execute(text("UPDATE services SET status = 'suspended' WHERE customer_id "
                                  f"IN ({', '.join(map(str, ids[i:i + 500]))})"))
        engine.dispose()
    counts = dict(sink.counts)
    counts["credit_exhausted"] = len(exhausted)
    return counts


def main(argv: Iterable[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("url", help="database URL (replaced!)")
    p.add_argument("--n", type=int, default=1_000_000, help="requests (default 1,000,000)")
    p.add_argument("--customers", type=int, default=None, help="default: n / 50")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(list(argv) if argv is not None else None)
    t0 = time.perf_counter()
    recreate(args.url)
    migrate(args.url, "0001")
    counts = generate(args.url, args.n, customers=args.customers, seed=args.seed)
    t1 = time.perf_counter()
    migrate(args.url, "head")
    t2 = time.perf_counter()
    analyze(args.url)
    t3 = time.perf_counter()
    print(f"generate: {args.n:,} requests into {make_url(args.url).get_backend_name()} "
          f"in {t1 - t0:.0f} s load + {t2 - t1:.0f} s later migrations + {t3 - t2:.0f} s "
          f"analyze ({os.cpu_count()} cores)")
    for table, count in sorted(counts.items()):
        print(f"  {table:16} {count:>10,}")
    return 0


def analyze(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
        else:
            # migration 0004 fills requests.customer_name with an UPDATE of every row,
            # which leaves the table twice its size on PostgreSQL: compact it, as a fresh
            # installation would be (and as an upgraded one should be, see 0004)
            conn.exec_driver_sql("VACUUM FULL requests")
            conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
