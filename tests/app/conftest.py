"""A small world for service tests: staff of every role, customers, services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.db.database import Database
from app.services import customers, quotes, requests, staff
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import demo_database


@dataclass
class World:
    db: Database

    def request(self, customer: str = "ACME", service: str = "web-1", category: str = "ssl") -> int:
        return requests.submit_request(self.db, customer, service=service, category=category,
                                       subject="Install a wildcard certificate")

    def valid(self, days: int = 30) -> date:
        return self.db.today() + timedelta(days=days)

    def fixed_quote(self, number: int, *lines: tuple[str, str, str], send: bool = True,
                    actor: str = "tech") -> int:
        data = QuoteInput(kind="fixed", valid_until=self.valid(),
                          lines=[LineInput(*li) for li in (lines or (("Work", "1", "390"),))])
        quote = quotes.create_quote(self.db, actor, number, data)
        if send:
            quotes.send_quote(self.db, "lead", quote.id)
        return quote.id

    def hourly_quote(self, number: int, rate: str = "60", hours: str = "5", send: bool = True) -> int:
        data = QuoteInput(kind="hourly", valid_until=self.valid(), hourly_rate=rate,
                          estimated_hours=hours)
        quote = quotes.create_quote(self.db, "tech", number, data)
        if send:
            quotes.send_quote(self.db, "lead", quote.id)
        return quote.id

    def accepted(self, kind: str = "fixed", customer: str = "ACME") -> int:
        """A request of ``customer`` taken by tech with an accepted quote."""
        number = self.request(customer, service="web-1" if customer == "ACME" else "srv")
        requests.take_request(self.db, "tech", number)
        quote = self.fixed_quote(number) if kind == "fixed" else self.hourly_quote(number)
        quotes.accept_quote(self.db, quote)
        return number


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def make_world(db: Database) -> World:
    """Staff of every role, ACME (1000.00, web-1 and db-1) and POOR (50.00, srv)."""
    # Staff records without database logins: the service tests connect as a trusted
    # login and act for them (logins are cluster-wide: tests/app/test_privileges_pg.py
    # makes its own, named for the run)
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    for username, role in [("tech", "technician"), ("tech2", "technician"),
                           ("lead", "team_lead"), ("fin", "finance")]:
        staff.add_staff(db, "admin", username, name=username.title(), role=role, login=False)
    customers.add_customer(db, "admin", "ACME", name="Acme Srl", credit_amount=Decimal("1000"))
    customers.add_service(db, "admin", "ACME", name="web-1", kind="vps")
    customers.add_service(db, "admin", "ACME", name="db-1", kind="cloud_server")
    customers.add_customer(db, "admin", "POOR", name="Poor Spa", credit_amount=Decimal("50"))
    customers.add_service(db, "admin", "POOR", name="srv", kind="hosting")
    return World(db)


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_db(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo data set, loaded once per database for each module that reads it (its
    tests only read, but for a setting)."""
    database = demo_database(request, tmp_path_factory)
    yield database
    database.dispose()
