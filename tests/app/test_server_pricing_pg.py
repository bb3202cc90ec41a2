"""PostgreSQL prices the charge itself (migration 0015): issue 16.

- Differential: ``rit_price`` (the server's pricing, which ``rit_charge`` calls under
  the request's lock) and ``app/domain/pricing.py`` agree to the cent on 5,000
  generated requests: fixed and hourly quotes, increments, work entries, agreed
  variations (the last one counts), caps, VAT rates. Batched: 50 cases a statement.
- The attack of the issue: a technician, signed in as their own login with plain
  psycopg, calls ``rit_charge`` with made-up figures (180.00 for 60 minutes at
  60.00/h), a 2019 date or a reference of their own: the old signature is gone, a
  figure that is not the charge is refused, a date is refused, and nothing is written;
  called honestly, the charge is the server's price, reference and time.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.db import models as m
from app.db.database import Database
from app.db.types import cents, from_cents
from app.domain.pricing import compute_charge
from app.services import billing, quotes, requests, staff, work
from app.services.quotes import QuoteInput
from tests.app.conftest import World, make_world
from tests.conftest import FakeClock, _truncate_pg, fake_renderer

pytestmark = pytest.mark.postgres

BATCH = 50
#: 100 examples of 50 requests each: 5,000 requests
PROPS = settings(max_examples=100, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CASE = st.fixed_dictionaries({
    "kind": st.sampled_from(["fixed", "hourly"]),
    "net": st.integers(0, 100_000_000),  # cents: up to 1,000,000.00
    "vat": st.one_of(st.sampled_from([0, 400, 1000, 2200]), st.integers(0, 10_000)),
    "rate": st.one_of(st.sampled_from([6000, 4550, 1]), st.integers(1, 1_000_000)),
    "inc": st.one_of(st.sampled_from([1, 5, 15, 30, 60]), st.integers(1, 480)),
    "minutes": st.lists(st.integers(1, 24 * 60), min_size=1, max_size=12),
    "agreed": st.lists(st.integers(0, 100_000_000), max_size=3),
    "point": st.sampled_from(["topup", "charge"]),  # the VAT point (migration 0025)
})

_PRICE = """
    SELECT (p).billable, (p).work, (p).ceiling, (p).capped, (p).net, (p).vat, (p).total,
           (p).taken, (p).vat_point
    FROM (SELECT rit_price(c->>'kind', (c->>'net')::bigint, (c->>'vat')::bigint,
                           (c->>'rate')::bigint, (c->>'inc')::integer,
                           ARRAY(SELECT jsonb_array_elements_text(c->'minutes')::integer),
                           (c->'agreed'->>-1)::bigint, c->>'point') AS p, i
          FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS t(c, i)) priced
    ORDER BY i"""


def _domain(case: dict[str, Any]) -> tuple[Any, ...]:
    charge = compute_charge(
        kind=case["kind"], quote_net=from_cents(case["net"]),
        vat_rate=Decimal(case["vat"]) / 100,
        hourly_rate=from_cents(case["rate"]) if case["kind"] == "hourly" else None,
        entries_minutes=case["minutes"],
        agreed_variations=[from_cents(a) for a in case["agreed"]], increment=case["inc"],
        vat_point=case.get("point", "charge"))
    work_amount = None if charge.work_amount is None else cents(charge.work_amount)
    return (charge.billable_minutes, work_amount, cents(charge.ceiling), charge.capped,
            cents(charge.net), cents(charge.vat), cents(charge.total), cents(charge.total),
            charge.vat_point)


@pytest.fixture(scope="module")
def priced(pg_url: str) -> Iterator[psycopg.Connection[Any]]:
    """Trusted maintenance (the test server's superuser): rit_price is the owner's."""
    url = make_url(pg_url)
    with psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                         user=url.username, autocommit=True) as conn:
        yield conn


@PROPS
@given(batch=st.lists(CASE, min_size=BATCH, max_size=BATCH))
def test_the_server_prices_as_the_domain(priced: psycopg.Connection[Any],
                                         batch: list[dict[str, Any]]) -> None:
    rows = priced.execute(_PRICE, (json.dumps(batch),)).fetchall()
    assert len(rows) == len(batch)
    for case, row in zip(batch, rows, strict=True):
        assert tuple(row) == _domain(case), case


@pytest.mark.parametrize("point", ["topup", "charge"])
def test_the_charge_s_pricing_follows_the_setting(priced: psycopg.Connection[Any],
                                                  point: str) -> None:
    """The 7-argument rit_price (what rit_charge calls) prices at the point in force."""
    with priced.transaction(force_rollback=True):
        priced.execute("SET LOCAL session_replication_role = replica")  # no guard: no data
        priced.execute("DELETE FROM settings WHERE key = 'vat_point'")
        priced.execute("INSERT INTO settings (key, value) VALUES ('vat_point', %s)", (point,))
        row = priced.execute(
            "SELECT net, vat, total, taken, vat_point "
            "FROM rit_price('fixed', 10000, 2200, NULL, 15, '{60}', NULL)").fetchone()
    assert row == ((10000, 0, 10000, 10000, "topup") if point == "topup"
                   else (10000, 2200, 12200, 12200, "charge"))


def test_the_worked_example_of_the_domain() -> None:
    """The half cent of pricing.work_value's docstring, through the server's pricing
    (1730 min x 1896.63 / 60 = 54686.165 -> 54686.17), checked by the same function."""
    case = {"kind": "hourly", "net": 10_000_000, "vat": 2200, "rate": 189_663, "inc": 1,
            "minutes": [1730], "agreed": []}
    assert _domain(case)[1] == 5_468_617


# -- the technician's attack ----------------------------------------------------------


@dataclass
class Site:
    world: World
    tech: str  # the technician's own login
    number: int  # their request: hourly, 60.00/h, 60 minutes logged
    conn: psycopg.Connection[Any]  # signed in as the technician

    def fingerprint(self) -> tuple[Any, ...]:
        with self.world.db.read() as session:
            return (
                session.scalar(select(m.Customer.balance).where(m.Customer.code == "ACME")),
                session.scalar(text("SELECT count(*) FROM ledger_entries")),
                session.scalar(text("SELECT count(*) FROM charges")),
                session.scalar(text("SELECT count(*) FROM audit_events")),
                session.scalar(text("SELECT count(*) FROM notices")),
                session.scalar(select(m.Request.state).where(m.Request.id == self.number)),
            )


@pytest.fixture
def site(pg_url: str) -> Iterator[Site]:
    _truncate_pg(pg_url)
    db = Database(pg_url, clock=FakeClock(), renderer=fake_renderer)
    world = make_world(db)
    tech = f"sp{secrets.token_hex(3)}_tech"
    url = make_url(pg_url)
    conn: psycopg.Connection[Any] | None = None
    try:
        staff.add_staff(db, "admin", tech, name="Tina Tecnica", role="technician")
        number = world.request()
        requests.take_request(db, tech, number)
        quote = quotes.create_quote(db, tech, number, QuoteInput(
            kind="hourly", valid_until=world.valid(), hourly_rate="60", estimated_hours="5"))
        quotes.send_quote(db, "lead", quote.id)
        quotes.accept_quote(db, quote.id)
        work.log_work(db, tech, number, hours="1:00")
        conn = psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                               user=tech)
        yield Site(world, tech, number, conn)
    finally:
        if conn is not None:
            conn.close()
        db.dispose()
        engine = create_engine(pg_url)
        with engine.begin() as admin:
            admin.execute(text(f'DROP ROLE IF EXISTS "{tech}"'))
        engine.dispose()


def _refused(site: Site, sql: str, params: tuple[Any, ...]) -> psycopg.Error:
    before = site.fingerprint()
    with pytest.raises(psycopg.Error) as refused:
        site.conn.execute(sql, params)
    site.conn.rollback()
    assert site.fingerprint() == before
    return refused.value


def test_the_old_signature_with_figures_of_ones_own_is_gone(site: Site) -> None:
    """The call of the issue: 180.00 for 60 minutes at 60.00/h, dated 2019, INVOICE-FAKE."""
    with site.world.db.read() as session:
        quote = session.scalar(select(m.Quote.id).where(m.Quote.request_id == site.number))
    error = _refused(site, (
        "SELECT rit_charge(%s, NULL, NULL, %s, ARRAY[60], NULL, 'hourly', 60, false, "
        "18000, 3960, 21960, 'INVOICE-FAKE', '2019-01-01')"), (site.number, quote))
    assert error.sqlstate == "42883"  # undefined function


def test_made_up_figures_are_refused_with_the_real_ones(site: Site) -> None:
    error = _refused(site, "SELECT * FROM rit_charge(%s, NULL, NULL, 18000, 3960, 21960)",
                     (site.number,))
    assert error.sqlstate == "RD000"
    facts = json.loads(error.diag.message_detail or "{}")
    assert facts["key"] == "charge_changed"
    assert (facts["net"], facts["vat"], facts["total"]) == ("60.00", "13.20", "73.20")


def test_a_date_of_ones_own_is_refused(site: Site) -> None:
    error = _refused(site, "SELECT * FROM rit_charge(%s, p_at => '2019-01-01')",
                     (site.number,))
    assert error.sqlstate == "42501"
    assert '"key": "charge_dated"' in (error.diag.message_detail or "")


def test_charged_honestly_the_server_prices_references_and_dates(site: Site) -> None:
    row = site.conn.execute(
        "SELECT net, vat, total, (now() AT TIME ZONE 'UTC')::timestamp FROM rit_charge(%s, "
        "p_shown_net => 6000, p_shown_vat => 1320, p_shown_total => 7320)",
        (site.number,)).fetchone()
    site.conn.commit()
    assert row is not None
    net, vat, total, server_now = row
    assert (net, vat, total) == (6000, 1320, 7320)
    with site.world.db.read() as session:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == site.number))
        entry = session.scalar(select(m.LedgerEntry).where(m.LedgerEntry.kind == "charge"))
    assert charge is not None and entry is not None
    assert (charge.net, charge.vat, charge.total) == (Decimal("60.00"), Decimal("13.20"),
                                                      Decimal("73.20"))
    assert isinstance(server_now, datetime) and charge.created_at == server_now
    assert entry.reference == f"RIT-{site.number:06d}" and entry.amount == Decimal("-73.20")


def test_the_service_sends_the_confirmed_figures_only(site: Site) -> None:
    """Through the app, signed in as the technician: the preview confirmed is charged."""
    station = Database(make_url(site.world.db.url).set(username=site.tech),
                       renderer=fake_renderer, pool_size=1)
    try:
        shown = billing.preview_charge(station, site.number)
        done = billing.complete_request(station, site.tech, site.number, confirmed=shown)
    finally:
        station.dispose()
    assert (done.net, done.vat, done.total) == (shown.net, shown.vat, shown.total)
    assert done.total == Decimal("73.20")
