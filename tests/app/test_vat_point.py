"""The VAT point (issue 20), on SQLite and PostgreSQL.

- ``topup``: a charge takes the agreed net from the credit and carries no VAT; ``charge``:
  it takes net + VAT. Preview, charge record, ledger, balance and statement agree to the
  cent under each point, fixed and hourly.
- The setting changes only while no charge and no top-up exists (the service's message;
  on PostgreSQL the database refuses the same to a plain UPDATE).
- Migration 0025: a database with data keeps ``charge`` and its figures, an empty one
  starts at ``topup``; it goes down and up again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.domain.errors import ValidationError
from app.services import billing, customers, settings, statements, work
from app.services.dto import ChargePreview, CompletionResult
from tests.app.conftest import World, make_world

D = Decimal


def set_point(db: Database, point: str) -> None:
    """Before any charge or top-up: as the admin would, by the setting."""
    with db.transaction() as session:
        session.merge(m.Setting(key="vat_point", value=point))


@pytest.fixture(params=["topup", "charge"])
def pointed(request: pytest.FixtureRequest, db: Database) -> Iterator[World]:
    set_point(db, request.param)
    yield make_world(db)


def _complete(world: World, kind: str) -> tuple[int, ChargePreview, CompletionResult]:
    number = world.accepted(kind)
    work.log_work(world.db, "tech", number, hours="1:10")
    preview = billing.preview_charge(world.db, number)
    result = billing.complete_request(world.db, "tech", number, confirmed=preview)
    return number, preview, result


@pytest.mark.parametrize("kind", ["fixed", "hourly"])
def test_each_point_end_to_end(pointed: World, kind: str) -> None:
    db = pointed.db
    point = settings.vat_point_of(db)
    number, preview, result = _complete(pointed, kind)
    # fixed: 390.00 net; hourly: 1:10 -> 1:15 billable at 60.00 = 75.00 net
    net = D("390.00") if kind == "fixed" else D("75.00")
    vat = D("0.00") if point == "topup" else (net * D("0.22")).quantize(D("0.01"))
    assert (preview.vat_point, preview.net, preview.vat, preview.total,
            preview.taken_from_credit) == (point, net, vat, net + vat, net + vat)
    assert (result.net, result.vat, result.total) == (net, vat, net + vat)
    assert result.balance == D("1000.00") - (net + vat) == preview.balance_after
    with db.read() as session:
        charge = session.scalars(select(m.Charge).where(m.Charge.request_id == number)).one()
        taken = session.scalars(select(m.LedgerEntry.amount).where(
            m.LedgerEntry.charge_id == charge.id)).one()
    assert (charge.vat_point, charge.net, charge.vat, charge.total, taken) == (
        point, net, vat, net + vat, -(net + vat))
    today = db.today()
    stated = statements.statement(db, "fin", "ACME", today, today)
    assert stated.closing == result.balance
    assert [e.amount for e in stated.entries][-1] == -(net + vat)


def test_the_point_changes_only_before_any_charge_or_topup(db: Database) -> None:
    from app.services import staff

    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    assert settings.set_setting(db, "admin", "vat_point", "charge") == "charge"
    assert settings.set_setting(db, "admin", "vat_point", " TOPUP ") == "topup"
    with pytest.raises(ValidationError, match="topup or charge"):
        settings.set_setting(db, "admin", "vat_point", "invoice")
    customers.add_customer(db, "admin", "ACME", name="Acme Srl", credit_amount=D("10"))
    with pytest.raises(ValidationError, match=r"cannot change: charges or top-ups .* topup"):
        settings.set_setting(db, "admin", "vat_point", "charge")
    assert settings.set_setting(db, "admin", "vat_point", "topup") == "topup"  # no change
    assert settings.vat_point_of(db) == "topup"


def test_the_database_refuses_the_change_to_a_plain_update(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("the embedded file: the services' check (the test above)")
    world = make_world(db)
    _complete(world, "fixed")
    engine = create_engine(db.url)
    try:
        with pytest.raises(DBAPIError, match="VAT point cannot change"), engine.begin() as conn:
            conn.execute(text("UPDATE settings SET value = 'topup' WHERE key = 'vat_point'"))
        with pytest.raises(DBAPIError, match="VAT point cannot change"), engine.begin() as conn:
            conn.execute(text("DELETE FROM settings WHERE key = 'vat_point'"))
        with pytest.raises(DBAPIError, match="topup or charge"), engine.begin() as conn:
            conn.execute(text("UPDATE settings SET value = 'both' WHERE key = 'vat_point'"))
    finally:
        engine.dispose()
    assert settings.vat_point_of(db) == "charge"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_an_upgraded_database_keeps_charge_and_its_figures(db: Database) -> None:
    """A charge made before (the suite's point is charge), the schema taken back to 0024
    (no point, no columns), then up to the head again: charge, the same figures."""
    world = make_world(db)
    number, _preview, result = _complete(world, "fixed")
    config = _config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0024")
        assert conn.scalar(text("SELECT count(*) FROM settings WHERE key = 'vat_point'")) == 0
    db.upgrade_schema()  # as the app does: up to the head, privileges applied
    with db.read() as session:
        charge = session.scalars(select(m.Charge).where(m.Charge.request_id == number)).one()
        balance = session.scalars(select(m.Customer.balance).where(m.Customer.code == "ACME")).one()
    assert settings.vat_point_of(db) == "charge"
    assert (charge.vat_point, charge.vat, charge.total, balance) == (
        "charge", result.vat, result.total, result.balance)


def test_a_new_database_starts_at_the_topup(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        db.upgrade_schema()
        assert settings.vat_point_of(db) == "topup"
    finally:
        db.dispose()


def test_a_charge_being_priced_holds_the_point(db: Database) -> None:
    """PostgreSQL: while a transaction has priced a charge at the point in force (rit_price
    reads it FOR SHARE, as rit_charge does under the request's lock), the admin's change
    of the point waits for it, deterministically: held from a second connection."""
    if db.is_sqlite:
        pytest.skip("the embedded file: one writer at a time (BEGIN IMMEDIATE)")
    from app.services import staff

    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    engine = create_engine(db.url)
    done: list[str] = []
    try:
        with engine.connect() as holder:
            priced = holder.execute(text(
                "SELECT vat_point FROM rit_price('fixed', 100, 2200, NULL, 15, '{15}', NULL)"
            )).scalar_one()
            waiter = threading.Thread(target=lambda: done.append(
                settings.set_setting(db, "admin", "vat_point", "topup")))
            waiter.start()
            deadline = time.monotonic() + 60
            with engine.connect() as watch:
                while not watch.execute(text(
                        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = "
                        "current_database() AND wait_event_type = 'Lock')")).scalar():
                    assert time.monotonic() < deadline, "the change did not wait"
                    watch.rollback()
            assert done == []  # waiting for the charge being priced
            holder.commit()
            waiter.join(60)
    finally:
        engine.dispose()
    assert (priced, done) == ("charge", ["topup"])
