"""The charges report, the statement and customers at risk on a small world, on SQLite
and PostgreSQL: each figure written out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from app.services import at_risk, billing, charges_report, customers, variations, work
from app.services.statements import statement
from tests.app.conftest import World
from tests.conftest import FakeClock

ROME = timezone(timedelta(hours=1))
D = Decimal


def complete(world: World, kind: str = "fixed", customer: str = "ACME", hours: str = "1") -> int:
    number = world.accepted(kind, customer=customer)
    work.log_work(world.db, "tech", number, hours=hours)
    billing.complete_request(world.db, "tech", number)
    return number


@pytest.fixture(autouse=True)
def _september(clock: FakeClock) -> None:
    """The world (customers, initial credit) is made on 1 September 2026."""
    clock.now = datetime(2026, 9, 1, 8, 0)


@pytest.fixture
def charged(world: World, clock: FakeClock) -> World:
    """Three charges: ACME fixed 475.80 on 20 Oct, ACME hourly 3 h x 60 = 219.60 on
    30 Nov 23:30 UTC (1 December in Rome), POOR fixed 475.80 on 15 Nov."""
    clock.now = datetime(2026, 10, 20, 10, 0)
    complete(world)  # 390.00 + 85.80
    clock.now = datetime(2026, 11, 15, 9, 0)
    complete(world, customer="POOR")
    clock.now = datetime(2026, 11, 30, 23, 30)
    complete(world, "hourly", hours="3")  # 180.00 + 39.60
    clock.now = datetime(2026, 12, 2, 8, 0)
    return world


def test_grouped_by_customer(charged: World) -> None:
    report = charges_report.charges_report(charged.db, "fin", date(2026, 10, 1),
                                           date(2026, 12, 31), zone=ROME)
    rows = [(r.key, r.label, r.count, r.net, r.vat, r.total) for r in report.rows]
    assert rows == [("ACME", "Acme Srl", 2, D("570.00"), D("125.40"), D("695.40")),
                    ("POOR", "Poor Spa", 1, D("390.00"), D("85.80"), D("475.80"))]
    totals = report.totals
    assert (totals.count, totals.net, totals.vat, totals.total) == (3, D("960.00"),
                                                                    D("211.20"), D("1171.20"))
    assert totals.refunded == D("0.00") and report.issued == date(2026, 12, 2)


def test_grouped_by_month_in_local_time(charged: World) -> None:
    db = charged.db
    rome = charges_report.charges_report(db, "lead", date(2026, 10, 1), date(2026, 12, 31),
                                         by="month", zone=ROME)
    assert [(r.key, r.count, r.total) for r in rome.rows] == [
        ("2026-10", 1, D("475.80")), ("2026-11", 1, D("475.80")), ("2026-12", 1, D("219.60"))]
    utc = charges_report.charges_report(db, "lead", date(2026, 10, 1), date(2026, 12, 31),
                                        by="month", zone=UTC)
    assert [(r.key, r.count) for r in utc.rows] == [("2026-10", 1), ("2026-11", 2),
                                                    ("2026-12", 0)]
    november = charges_report.charges_report(db, "lead", date(2026, 11, 1), date(2026, 11, 30),
                                             by="month", zone=ROME)
    assert [(r.key, r.count) for r in november.rows] == [("2026-11", 1)]


def test_grouped_by_category_and_technician(charged: World) -> None:
    db = charged.db
    by_category = charges_report.charges_report(db, "admin", date(2026, 1, 1),
                                                date(2026, 12, 31), by="category", zone=ROME)
    assert [(r.key, r.count, r.total) for r in by_category.rows] == [("ssl", 3, D("1171.20"))]
    by_tech = charges_report.charges_report(db, "admin", date(2026, 1, 1), date(2026, 12, 31),
                                            by="technician", zone=ROME)
    assert [(r.key, r.label, r.count) for r in by_tech.rows] == [("tech", "Tech", 3)]


def test_an_empty_period_has_no_rows(charged: World) -> None:
    report = charges_report.charges_report(charged.db, "fin", date(2025, 1, 1),
                                           date(2025, 1, 31), zone=ROME)
    assert report.rows == () and report.totals.count == 0 and report.totals.total == D("0.00")


def test_who_may_see_the_report_and_bad_input(charged: World) -> None:
    db = charged.db
    with pytest.raises(PermissionDenied, match="may not see charges reports"):
        charges_report.charges_report(db, "tech", date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="cannot group charges by 'weekday'"):
        charges_report.charges_report(db, "fin", date(2026, 1, 1), date(2026, 12, 31),
                                      by="weekday")
    with pytest.raises(ValidationError, match="language"):
        charges_report.charges_report(db, "fin", date(2026, 1, 1), date(2026, 12, 31),
                                      lang="de")
    with pytest.raises(NotFoundError):
        charges_report.charges_report(db, "nobody", date(2026, 1, 1), date(2026, 12, 31))


def test_statement_of_a_period(charged: World, clock: FakeClock) -> None:
    db = charged.db
    clock.now = datetime(2026, 12, 3, 9, 0)
    customers.topup(db, "fin", "POOR", "500", reference="bonifico 42")
    clock.now = datetime(2026, 12, 4, 9, 0)
    customers.adjust(db, "fin", "POOR", "-10.20", reason="bank fee")
    s = statement(db, "fin", "POOR", date(2026, 11, 1), date(2026, 12, 31), zone=ROME)
    assert s.lang == "it" and s.customer.name == "Poor Spa"
    assert s.opening == D("50.00")  # the initial credit, before November
    assert [(e.kind, e.amount, e.balance_after, e.reference, e.reason) for e in s.entries] == [
        ("charge", D("-475.80"), D("-425.80"), "RIT-000002", ""),
        ("topup", D("500.00"), D("74.20"), "bonifico 42", ""),
        ("adjustment", D("-10.20"), D("64.00"), "adjustment", "bank fee")]
    assert s.closing == D("64.00") == customers.get_customer(db, "POOR").balance
    assert (s.credits, s.debits) == (D("500.00"), D("-486.00"))
    before = statement(db, "lead", "POOR", date(2026, 11, 1), date(2026, 11, 30), zone=ROME)
    assert before.closing == D("-425.80") and len(before.entries) == 1
    english = statement(db, "fin", "POOR", date(2026, 11, 1), date(2026, 11, 30), lang="en")
    assert english.lang == "en"


def test_statement_refusals(charged: World) -> None:
    db = charged.db
    with pytest.raises(PermissionDenied):
        statement(db, "tech", "POOR", date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(NotFoundError, match="unknown customer: NOPE"):
        statement(db, "fin", "NOPE", date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="before it starts"):
        statement(db, "fin", "POOR", date(2026, 2, 1), date(2026, 1, 1))


def test_customers_at_risk(world: World) -> None:
    db = world.db
    assert at_risk.at_risk_customers(db) == [] and at_risk.at_risk_count(db) == 0
    poor = world.accepted(customer="POOR")  # 390.00 + 85.80 against 50.00
    world.accepted("hourly")  # ACME: 300.00 + 66.00 against 1000.00: covered
    rows = at_risk.at_risk_customers(db)
    assert [(a.code, a.balance, a.requests, a.committed, a.shortfall) for a in rows] == [
        ("POOR", D("50.00"), 1, D("475.80"), D("425.80"))]
    assert at_risk.at_risk_count(db) == 1
    big = world.accepted("hourly")
    work.log_work(db, "tech", big, hours="1")
    proposal = variations.propose_variation(db, "tech", big, amount="700", reason="more")
    variations.agree_variation(db, proposal.id)  # 700.00 + 154.00: ACME 1220.00 > 1000.00
    rows = at_risk.at_risk_customers(db)
    assert [(a.code, a.requests, a.committed, a.shortfall) for a in rows] == [
        ("POOR", 1, D("475.80"), D("425.80")), ("ACME", 2, D("1220.00"), D("220.00"))]
    work.log_work(db, "tech", poor, hours="1")
    billing.complete_request(db, "tech", poor)  # charged: exhausted, no longer "at risk"
    assert [a.code for a in at_risk.at_risk_customers(db)] == ["ACME"]
