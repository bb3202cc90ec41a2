"""Customers' fiscal data and the company's (issue 20), on SQLite and PostgreSQL: kept
normalised, changed by an admin with an audit of what changed, every bad value refused
with nothing written; an existing database's customers upgraded to a kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, func, select, text

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.domain.errors import ConflictError, PermissionDenied, ValidationError
from app.domain.fiscal import Fiscal
from app.services import customers, settings
from tests.app.conftest import World


def _written(world: World) -> tuple[int, int, tuple[object, ...]]:
    with world.db.read() as session:
        acme = session.scalars(select(m.Customer).where(m.Customer.code == "ACME")).one()
        return (int(session.scalar(select(func.count()).select_from(m.Customer)) or 0),
                int(session.scalar(select(func.count()).select_from(m.AuditEvent)) or 0),
                (acme.vat_number, acme.sdi_code, acme.street, acme.version))


def test_a_customer_added_with_its_fiscal_data(world: World) -> None:
    view = customers.add_customer(
        world.db, "admin", "ROSSI", name="Mario Rossi",
        data=Fiscal(kind="consumer", tax_code="rssmra85t10a562s", street="Via Po 3",
                    postcode="10121", city="Torino", province="to"))
    assert view.fiscal == Fiscal(kind="consumer", tax_code="RSSMRA85T10A562S", street="Via Po 3",
                                 postcode="10121", city="Torino", province="TO", country="IT")
    assert view.address == "Via Po 3\n10121 Torino TO" and view.warnings == ()
    shown = customers.get_customer(world.db, "ROSSI")
    assert shown.fiscal == view.fiscal
    business = customers.add_customer(world.db, "admin", "BETA", name="Beta Srl",
                                      vat_number="00743110157")
    assert (business.fiscal.kind, business.fiscal.vat_number, business.fiscal.sdi_code) == (
        "business", "IT00743110157", "0000000")
    assert [w.template for w in business.warnings] == [
        "no Codice Destinatario or PEC: invoices go with 0000000 to the customer's reserved area"]
    # without fiscal data (as before): a consumer, nothing checked that was not given
    assert customers.get_customer(world.db, "ACME").fiscal.kind == "consumer"


@pytest.mark.parametrize(("data", "message"), [
    (Fiscal(kind="business", vat_number="IT01234567890"), "not a valid VAT number"),
    (Fiscal(kind="consumer", tax_code="RSSMRA85T10A562X"), "not a valid tax code"),
    (Fiscal(kind="business", vat_number="IT00743110157", sdi_code="ABC"), "7 letters or digits"),
    (Fiscal(kind="consumer", postcode="1012"), "5 digits"),
    (Fiscal(kind="pa", tax_code="80016350821"), "Codice Univoco Ufficio"),
])
def test_bad_fiscal_data_refused_nothing_written(world: World, data: Fiscal, message: str) -> None:
    before = _written(world)
    with pytest.raises(ValidationError, match=message):
        customers.add_customer(world.db, "admin", "NEW", name="New", credit_amount="10", data=data)
    with pytest.raises(ValidationError, match=message):
        customers.set_customer(world.db, "admin", "ACME", **{
            k: v for k, v in data.as_dict().items() if v and k != "country"})
    assert _written(world) == before


def test_an_admin_changes_them_audited(world: World) -> None:
    view = customers.set_customer(world.db, "admin", "ACME", kind="business",
                                  vat_number="IT00743110157", sdi_code="m5uxcr1",
                                  street="Via Roma 1", postcode="20121", city="Milano",
                                  province="MI")
    assert (view.fiscal.vat_number, view.fiscal.sdi_code, view.address) == (
        "IT00743110157", "M5UXCR1", "Via Roma 1\n20121 Milano MI")
    again = customers.set_customer(world.db, "admin", "ACME", pec="acme@pec.example.it")
    assert (again.fiscal.sdi_code, again.fiscal.pec, again.fiscal.city) == (
        "M5UXCR1", "acme@pec.example.it", "Milano")  # the rest kept
    with world.db.read() as session:
        events = session.scalars(select(m.AuditEvent).where(
            m.AuditEvent.action == "customer_changed").order_by(m.AuditEvent.id)).all()
    details = [json.loads(e.details) for e in events]
    assert [sorted(d["changes"]) for d in details] == [
        ["address", "city", "kind", "postcode", "province", "sdi_code", "street", "vat_number"],
        ["pec"]]
    assert details[1]["changes"]["pec"] == {"old": "", "new": "acme@pec.example.it"}
    before = _written(world)
    for who in ("tech", "lead", "fin"):
        with pytest.raises(PermissionDenied):
            customers.set_customer(world.db, who, "ACME", city="Roma")
    with pytest.raises(ValidationError, match="unknown customer field: balance"):
        customers.set_customer(world.db, "admin", "ACME", balance="1")
    assert _written(world) == before


def test_the_companys_fiscal_settings_checked(world: World) -> None:
    for key, value, message in [
            ("company_vat_number", "IT01234567890", "not a valid VAT number"),
            ("company_tax_code", "0123456015", "not a valid tax code"),
            ("company_postcode", "5201", "5 digits"),
            ("company_province", "Arezzo", "two-letter code"),
            ("company_country", "Italia", "two-letter ISO code"),
            ("company_tax_regime", "RF99", "unknown tax regime")]:
        with pytest.raises(ValidationError, match=message):
            settings.set_setting(world.db, "admin", key, value)
    assert settings.set_setting(world.db, "admin", "company_vat_number", "01234560157") == \
        "IT01234560157"
    assert settings.set_setting(world.db, "admin", "company_tax_regime", "rf01") == "RF01"
    assert settings.set_setting(world.db, "admin", "company_street", "Via dei Server 12") == \
        "Via dei Server 12"


def test_an_existing_database_upgraded_keeps_its_customers(db_url: str, tmp_path: Path) -> None:
    """Migration 0019 on a database at 0018 with customers: one with a VAT number becomes
    a business with 0000000, one without a consumer; nothing else changes."""
    if db_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    else:
        engine = create_engine(db_url)
        with engine.begin() as conn:  # back to 0018 (the fixture's database is at the head)
            conn.execute(text("TRUNCATE customers CASCADE"))
        engine.dispose()
        url = db_url
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            if url == db_url:
                command.downgrade(config, "0018")
            else:
                command.upgrade(config, "0018")
            conn.execute(text(
                "INSERT INTO customers (code, name, lang, address, vat_number, balance_cents, "
                "status, created_at, version) VALUES "
                "('OLD1', 'Old Srl', 'it', 'Via Vecchia 1', 'IT00743110157', 12345, 'active', "
                "'2026-01-01', 1), "
                "('OLD2', 'Old Person', 'it', '', '', 500, 'active', '2026-01-01', 1)"))
    finally:
        engine.dispose()
    db = Database(url)
    try:
        db.upgrade_schema()
        one, two = (customers.get_customer(db, code) for code in ("OLD1", "OLD2"))
    finally:
        db.dispose()
    assert (one.fiscal.kind, one.fiscal.vat_number, one.fiscal.sdi_code, one.fiscal.country,
            one.address, str(one.balance)) == (
        "business", "IT00743110157", "0000000", "IT", "Via Vecchia 1", "123.45")
    assert (two.fiscal.kind, two.fiscal.sdi_code, str(two.balance)) == ("consumer", "", "5.00")


@pytest.mark.parametrize("sql", [
    "UPDATE customers SET sdi_code = 'ab-1'",
    "UPDATE customers SET kind = 'business', vat_number = ''",
    "UPDATE customers SET kind = 'company'",
    "UPDATE customers SET province = 'mi'",
    "UPDATE customers SET country = ''",
])
def test_postgresql_holds_their_shape_whoever_writes(world: World, sql: str) -> None:
    """Checks of the table (migration 0019): even trusted maintenance's plain SQL."""
    if world.db.is_sqlite:
        pytest.skip("the embedded file has them from the services only")
    before = _written(world)
    with pytest.raises(ConflictError, match=r'violates check constraint "ck_customers_[a-z_]+"'), \
            world.db.transaction() as session:
        session.execute(text(sql + " WHERE code = 'ACME'"))
    assert _written(world) == before


def test_a_customer_written_without_them_is_a_consumer(world: World) -> None:
    """The columns' defaults (a bulk load, a tool that knows the old columns only): a
    consumer in Italy, which the checks of the table accept."""
    with world.db.transaction() as session:
        session.execute(text(
            "INSERT INTO customers (code, name, lang, address, vat_number, balance_cents, "
            "status, created_at, version) VALUES ('BULK', 'Bulk', 'it', '', '', 0, 'active', "
            "'2026-01-01', 1)"))
    assert customers.get_customer(world.db, "BULK").fiscal == Fiscal(kind="consumer",
                                                                      country="IT")
