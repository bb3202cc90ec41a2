"""On the demo data, on SQLite and PostgreSQL: every figure of the charges report, the
statements and the customers at risk equals a sum computed here, in Python, from the
raw rows of the ledger, the charges and the quotes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.domain.periods import Period, local_time, month_key
from app.domain.pricing import vat_on
from app.services import at_risk, charges_report, statements
from app.services.demo import load_demo
from tests.conftest import FakeClock, _truncate_pg, fake_renderer

ROME = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 20, 12, 0)
CENT = Decimal("0.01")


def euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql",
                                                               marks=pytest.mark.postgres)])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
        Database(url).upgrade_schema()
    else:
        url = request.getfixturevalue("pg_url")
        _truncate_pg(url)
    db = Database(url, clock=FakeClock(NOW), renderer=fake_renderer)
    load_demo(db)
    yield db
    db.dispose()


def rows(db: Database, sql: str) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql)))


def instant(value: Any) -> datetime:
    """A timestamp as the driver returns it from plain SQL (SQLite: text)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


PERIODS = [(date(2026, 6, 1), date(2026, 11, 30)), (date(2026, 9, 1), date(2026, 9, 30)),
           (date(2026, 10, 15), date(2026, 11, 14)), (date(2026, 11, 20), date(2026, 11, 20))]


@pytest.mark.parametrize("by", ["customer", "category", "technician", "month"])
def test_charges_report_equals_the_charges_and_the_ledger(demo: Database, by: str) -> None:
    charges = rows(demo, """
        SELECT c.created_at, c.net_cents, c.vat_cents, c.total_cents, cu.code, r.category,
               s.username, c.id
        FROM charges c JOIN requests r ON r.id = c.request_id
        JOIN customers cu ON cu.id = c.customer_id LEFT JOIN staff s ON s.id = r.assignee_id""")
    ledger = {row[0]: row[1:] for row in rows(
        demo, "SELECT charge_id, at, amount_cents FROM ledger_entries WHERE kind = 'charge'")}
    assert len(charges) > 40 and len(ledger) == len(charges)
    for first, last in PERIODS:
        start = datetime.combine(first, datetime.min.time(), ROME).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), ROME
                               ).astimezone(UTC)
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        ledger_total = 0
        for at, net, vat, total, code, category, username, charge_id in charges:
            at = instant(at)
            if not start <= at < end:
                continue
            key = {"customer": code, "category": category, "technician": username or "",
                   "month": month_key(local_time(at, ROME).date())}[by]
            for i, value in enumerate((1, net, vat, total)):
                expected[key][i] += value
            ledger_at, amount = ledger[charge_id]
            assert start <= instant(ledger_at) < end
            ledger_total -= amount
        report = charges_report.charges_report(demo, "e.conti", first, last, by=by, zone=ROME)
        got = {r.key: [r.count, r.net, r.vat, r.total] for r in report.rows if r.count}
        assert got == {k: [v[0], euros(v[1]), euros(v[2]), euros(v[3])]
                       for k, v in expected.items()}
        assert report.totals.total == euros(ledger_total)
        assert report.totals.net + report.totals.vat == report.totals.total


def test_statements_equal_the_ledger(demo: Database) -> None:
    ledger = rows(demo, "SELECT cu.code, l.at, l.amount_cents, l.balance_after_cents, l.id "
                        "FROM ledger_entries l JOIN customers cu ON cu.id = l.customer_id "
                        "ORDER BY l.id")
    balances = dict(rows(demo, "SELECT code, balance_cents FROM customers"))
    by_customer: dict[str, list[tuple[datetime, int, int]]] = defaultdict(list)
    for code, at, amount, after, _ in ledger:
        by_customer[code].append((instant(at), amount, after))
    assert len(by_customer) == len(balances) > 30
    whole = Period.of(date(2026, 1, 1), NOW.date())
    part = Period.of(date(2026, 9, 1), date(2026, 10, 31))
    for code, entries in by_customer.items():
        full = statements.statement(demo, "e.conti", code, whole.first, whole.last, zone=ROME)
        assert full.opening == 0 and full.closing == euros(balances[code])
        assert [e.balance_after for e in full.entries] == [euros(a) for _, _, a in entries]
        s = statements.statement(demo, "g.rossi", code, part.first, part.last, zone=ROME)
        start, end = part.bounds(ROME)
        assert s.opening == euros(sum(a for at, a, _ in entries if at < start))
        assert s.closing == euros(sum(a for at, a, _ in entries if at < end))
        assert [e.amount for e in s.entries] == [euros(a) for at, a, _ in entries
                                                 if start <= at < end]


def test_customers_at_risk_equal_their_open_work(demo: Database) -> None:
    quotes = rows(demo, """
        SELECT r.id, cu.code, q.net_cents, q.vat_rate_hundredths
        FROM requests r JOIN customers cu ON cu.id = r.customer_id
        JOIN quotes q ON q.request_id = r.id AND q.state = 'accepted'
        WHERE r.state IN ('accepted', 'in_progress')""")
    agreed: dict[int, tuple[Any, int, int]] = {}
    for request_id, answered, variation_id, amount in rows(
            demo, "SELECT request_id, answered_at, id, amount_cents FROM variations "
                  "WHERE state = 'agreed'"):
        key = (instant(answered), variation_id)
        if request_id not in agreed or key > agreed[request_id][:2]:
            agreed[request_id] = (*key, amount)
    committed: dict[str, Decimal] = defaultdict(Decimal)
    count: dict[str, int] = defaultdict(int)
    for request_id, code, net, rate in quotes:
        amount = agreed[request_id][2] if request_id in agreed else net
        committed[code] += vat_on(euros(amount), euros(rate)).total
        count[code] += 1
    balances = {code: euros(b) for code, b in rows(demo, "SELECT code, balance_cents FROM customers")}
    expected = {code: (count[code], total, total - balances[code])
                for code, total in committed.items() if total > balances[code]}
    assert expected, "the demo has customers at risk"
    got = {a.code: (a.requests, a.committed, a.shortfall) for a in at_risk.at_risk_customers(demo)}
    assert got == expected
    assert at_risk.at_risk_count(demo) == len(expected)
