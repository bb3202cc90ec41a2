"""On the demo data, on SQLite and PostgreSQL: every figure of the charges report, the
statements, the customers at risk and the dashboard equals a sum computed here, in
Python, from the raw rows of the ledger, the charges, the quotes and the requests; and
every bar of the dashboard opens exactly the requests it counts.

The same checks run on demand against any database, e.g. one of 1,000,000 requests made
by ``tests/perf/generate.py`` (whose clock stands at 2026-11-01 09:00)::

    RIT_DESK_AGAINST_DB=sqlite:////tmp/rit-perf-1000000.sqlite \
    RIT_DESK_AGAINST_NOW=2026-11-01T09:00 [RIT_DESK_AGAINST_CUSTOMERS=500] \
        pytest tests/app/finance/test_against_ledger.py -p no:cacheprovider

(``RIT_DESK_AGAINST_CUSTOMERS``: statements of that many customers, evenly spread, rather
than of every customer.) The database is only read.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.domain.periods import Period, add_months, local_midnight, local_time, month_key
from app.domain.pricing import vat_on
from app.services import at_risk, charges_report, dashboard, queries, settings, statements
from app.services import demo as demo_data
from app.services.dto import Drill, RequestFilter
from tests.conftest import FakeClock, demo_database

ROME = timezone(timedelta(hours=1))
#: a database given on the command line instead of the demo data (see above)
GIVEN = os.environ.get("RIT_DESK_AGAINST_DB")
NOW = datetime.fromisoformat(os.environ.get("RIT_DESK_AGAINST_NOW", "2026-11-20T12:00"))
CUSTOMERS = int(os.environ.get("RIT_DESK_AGAINST_CUSTOMERS", "0"))  # 0: every customer
CENT = Decimal("0.01")


def euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


@pytest.fixture(scope="module", params=["given"] if GIVEN else [
    "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[Database]:
    if GIVEN:
        db = Database(GIVEN, clock=FakeClock(NOW))
    else:
        db = demo_database(request, tmp_path_factory, FakeClock(NOW))
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
    first = min(at for entries in by_customer.values() for at, _, _ in entries).date()
    whole = Period.of(first - timedelta(days=1), NOW.date())
    part = Period.of(date(2026, 9, 1), date(2026, 10, 31))
    codes = sorted(by_customer)
    if CUSTOMERS and len(codes) > CUSTOMERS:
        codes = codes[::len(codes) // CUSTOMERS]
    for code in codes:
        entries = by_customer[code]
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
    point = settings.vat_point_of(demo)
    assert point == demo_data.VAT_POINT == "topup"
    for request_id, code, net, rate in quotes:
        amount = agreed[request_id][2] if request_id in agreed else net
        committed[code] += (euros(amount) if point == "topup"  # the net, VAT paid on top-ups
                            else vat_on(euros(amount), euros(rate)).total)
        count[code] += 1
    balances = {code: euros(b) for code, b in rows(demo, "SELECT code, balance_cents FROM customers")}
    expected = {code: (count[code], total, total - balances[code])
                for code, total in committed.items() if total > balances[code]}
    assert expected, "the demo has customers at risk"
    got = {a.code: (a.requests, a.committed, a.shortfall) for a in at_risk.at_risk_customers(demo)}
    assert got == expected
    assert at_risk.at_risk_count(demo) == len(expected)


# ------------------------------------------------------------------------ the dashboard


def test_dashboard_equals_the_rows(demo: Database) -> None:
    """Each figure of the dashboard recomputed here from the raw rows."""
    dash = dashboard.dashboard(demo, zone=ROME)
    now, today = dash.now, dash.today
    assert today == local_time(NOW, ROME).date()
    requests = rows(demo, "SELECT id, state, created_at, assignee_id, quote_valid_until, "
                          "category FROM requests")
    open_states = dashboard.OPEN_STATES
    ageing: dict[str, list[int]] = {s: [0, 0, 0, 0] for s in open_states}
    for _, state, created, _, _, _ in requests:
        if state in open_states:
            days = (now - instant(created)).total_seconds() / 86400
            ageing[state][0 if days < 1 else 1 if days < 3 else 2 if days < 7 else 3] += 1
    assert {r.state: list(r.counts) for r in dash.ageing} == ageing
    expiring: dict[date, int] = defaultdict(int)
    for _, state, _, _, valid, _ in requests:
        if state == "quoted" and valid is not None:
            day = valid if isinstance(valid, date) else date.fromisoformat(valid)
            if today <= day < today + timedelta(days=14):
                expiring[day] += 1
    assert {d.day: d.count for d in dash.expiring if d.count} == dict(expiring)
    quotes = rows(demo, "SELECT request_id, state, valid_until, answered_at FROM quotes")
    expired: dict[date, set[int]] = defaultdict(set)
    for request_id, state, valid, _ in quotes:
        day = valid if isinstance(valid, date) else date.fromisoformat(valid)
        if state in ("sent", "expired") and today - timedelta(days=30) <= day < today:
            expired[day].add(request_id)
    assert {d.day: d.count for d in dash.expired if d.count} == {
        d: len(ids) for d, ids in expired.items()}
    months = {key: (local_midnight(month_start, ROME), local_midnight(add_months(month_start, 1),
                                                                       ROME))
              for key, month_start in ((k, date(int(k[:4]), int(k[5:]), 1)) for k in dash.months)}
    charged: dict[tuple[str, str], int] = defaultdict(int)
    for created, net, category in rows(demo, "SELECT c.created_at, c.net_cents, r.category "
                                             "FROM charges c JOIN requests r ON r.id = c.request_id"):
        for key, (start, end) in months.items():
            if start <= instant(created) < end:
                charged[(key, category)] += net
    assert dash.charged == {k: euros(v) for k, v in charged.items()}
    outcomes: dict[tuple[str, str], set[int]] = defaultdict(set)
    for request_id, state, valid, answered in quotes:
        if state in ("accepted", "rejected"):
            for key, (start, end) in months.items():
                if start <= instant(answered) < end:
                    outcomes[(key, state)].add(request_id)
        day = valid if isinstance(valid, date) else date.fromisoformat(valid)
        if state in ("sent", "expired") and day < today and month_key(day) in months:
            outcomes[(month_key(day), "expired")].add(request_id)
    assert {(o.month, s): getattr(o, s) for o in dash.outcomes for s in dashboard.OUTCOMES
            if getattr(o, s)} == {k: len(v) for k, v in outcomes.items()}
    workload: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _, state, _, assignee, _, _ in requests:
        if state in open_states and assignee is not None:
            workload[assignee][state] += 1
    names = dict(rows(demo, "SELECT id, username FROM staff"))
    assert {w.username: {k: v for k, v in w.counts.items() if v} for w in dash.workload} == {
        names[i]: dict(c) for i, c in workload.items()}


def test_dashboard_ceilings_equal_the_work_summary(demo: Database) -> None:
    """Usage of every in-progress hourly request as the request workspace computes it."""
    dash = dashboard.dashboard(demo, zone=ROME)
    hourly = [n for (n,) in rows(demo, "SELECT r.id FROM requests r JOIN quotes q ON "
                                       "q.request_id = r.id AND q.state = 'accepted' WHERE "
                                       "r.state = 'in_progress' AND q.kind = 'hourly'")]
    summaries = {n: queries.request_detail(demo, n).work_summary for n in hourly}
    assert dash.hourly_in_progress == len(hourly) > 5
    assert dash.near_ceiling == sum(1 for s in summaries.values() if s.warning == "near")
    assert dash.over_ceiling == sum(1 for s in summaries.values() if s.warning == "over")
    for bar in dash.ceilings:
        s = summaries[bar.number]
        assert (bar.work_amount, bar.ceiling, bar.usage) == (s.work_amount, s.ceiling, s.usage)
    usages = sorted((s.usage for s in summaries.values() if s.usage is not None), reverse=True)
    assert [b.usage for b in dash.ceilings] == usages[:len(dash.ceilings)]


def test_every_bar_opens_exactly_its_requests(demo: Database) -> None:
    """The queue filtered by a bar's drill-down holds as many requests as the bar counts."""
    dash = dashboard.dashboard(demo, zone=ROME)
    bars: list[tuple[Drill, int]] = []
    for b, _ in enumerate(dashboard.AGE_BUCKETS):
        bars += [(dashboard.age_drill(dash, r.state, b), r.counts[b]) for r in dash.ageing]
    bars += [(dashboard.day_drill("expiring", d.day), d.count) for d in dash.expiring]
    bars += [(dashboard.day_drill("expired", d.day), d.count) for d in dash.expired]
    bars += [(dashboard.request_drill(c.number), 1) for c in dash.ceilings]
    charges = rows(demo, "SELECT c.created_at, r.category FROM charges c "
                         "JOIN requests r ON r.id = c.request_id")
    for month in dash.months:
        start, end = dash.month_bounds(month, ROME)
        for code in {c for (m, c) in dash.charged if m == month}:
            expected = sum(1 for created, category in charges
                           if category == code and start <= instant(created) < end)
            bars.append((dashboard.charged_drill(dash, month, code, ROME), expected))
        for outcome in dashboard.OUTCOMES:
            row = next(o for o in dash.outcomes if o.month == month)
            bars.append((dashboard.outcome_drill(dash, month, outcome, ROME),
                         getattr(row, outcome)))
    for w in dash.workload:
        bars += [(dashboard.workload_drill(w.username, s), n) for s, n in w.counts.items()]
    assert sum(n for _, n in bars) > 300
    for drill, expected in bars:
        assert queries.count_requests(demo, RequestFilter(drill=drill)) == expected, drill
