"""Numbered invoices and credit notes (issue 20), on SQLite and PostgreSQL: which use case
issues which document under each VAT point, numbers without gaps (a rolled-back use case
takes none), refused whole while the company's legal data are incomplete, the documents
rebuilt from their facts and their files stored once."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select, text, update

from app.db.database import MIGRATIONS, Database
from app.db.tables import INVOICE_SERIES, INVOICES, LEDGER
from app.domain.enums import LedgerKind
from app.domain.errors import StateError, ValidationError
from app.domain.invoices import InvoiceDocument
from app.services import (
    billing,
    charge_documents,
    credit,
    customers,
    invoices,
    quotes,
    requests,
    work,
)
from app.services.demo import demo_fiscal
from app.services.quote_input import LineInput, QuoteInput
from tests.app.conftest import World
from tests.conftest import FakeClock

D = Decimal


def set_vat_point(db: Database, value: str) -> None:
    """The database at ``value`` as if from its start: the world's customers came with
    their first top-ups, after which the point may no longer change (migration 0025's
    trigger, switched off for this one write as a superuser may)."""
    with db.engine.begin() as conn:
        if not db.is_sqlite:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("DELETE FROM settings WHERE key = 'vat_point'"))
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('vat_point', :v)"),
                     {"v": value})


def clear_setting(db: Database, key: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE settings SET value = '' WHERE key = :k"), {"k": key})


def numbers(db: Database) -> list[tuple[str, int, int]]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(
            select(INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive)
            .order_by(INVOICES.c.id))]


def fake_pdf(document: InvoiceDocument) -> bytes:
    return f"%PDF-1.4 {document.number} {document.total}".encode()


def fake_xml(document: InvoiceDocument) -> bytes:
    return f"<FatturaElettronica>{document.number}</FatturaElettronica>".encode()


FAKE = invoices.Renderers(fake_pdf, fake_xml)


@pytest.fixture(autouse=True)
def _december(clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 9, 0)


def charged(world: World) -> int:
    number = world.accepted("fixed")  # 390.00 net, 22 %
    work.log_work(world.db, "tech", number, hours="1")
    billing.complete_request(world.db, "tech", number)
    return number


def test_vat_at_the_charge_an_invoice_per_charge_a_credit_note_per_refund(world: World) -> None:
    db = world.db
    set_vat_point(db, "charge")
    first, second = charged(world), charged(world)
    customers.topup(db, "fin", "ACME", "100")  # a deposit: no document
    charge_documents.refund(db, "fin", first, net="90", reason="goodwill")
    assert numbers(db) == [("TD01", 2026, 1), ("TD01", 2026, 2), ("TD04", 2026, 1)]
    rows = invoices.list_invoices(db, "fin", date(2026, 12, 1), date(2026, 12, 31))
    assert [(r.number, r.reference, r.net, r.vat, r.total) for r in rows] == [
        ("FT 2026/000001", f"RIT-{first:06d}", D("390.00"), D("85.80"), D("475.80")),
        ("FT 2026/000002", f"RIT-{second:06d}", D("390.00"), D("85.80"), D("475.80")),
        ("NC 2026/000001", "FT 2026/000001", D("90.00"), D("19.80"), D("109.80"))]
    assert invoices.number_of(db, request_id=first) == "FT 2026/000001"
    note = invoices.invoice_view(db, "lead", "NC 2026/000001").document
    assert (note.type, note.credited_number, note.credited_date) == (
        "TD04", "FT 2026/000001", date(2026, 12, 7))
    assert note.buyer.name == "Acme Srl" and note.seller.rea_office == "AR"
    assert note.seller.vat_number == "01234560157" and note.seller.share_capital == D("1000000.00")


def test_vat_at_the_top_up_an_invoice_per_top_up_none_per_charge(world: World) -> None:
    db = world.db
    set_vat_point(db, "topup")
    result = customers.topup(db, "fin", "ACME", "100")
    assert result.balance == D("1100.00")  # the credit gets the net
    charged(world)
    customers.adjust(db, "fin", "ACME", "-5", reason="rounding")
    rows = invoices.list_invoices(db, "admin", date(2026, 1, 1), date(2026, 12, 31))
    assert [(r.number, r.type, r.net, r.vat, r.total) for r in rows] == [
        ("FT 2026/000001", "TD01", D("100.00"), D("22.00"), D("122.00"))]
    with db.read() as session:
        entry = session.scalar(select(func.max(LEDGER.c.id)).where(
            LEDGER.c.kind == LedgerKind.TOPUP.value))
    assert invoices.number_of(db, ledger_entry_id=entry) == "FT 2026/000001"


@pytest.mark.parametrize("point", ["topup", "charge"])
def test_incomplete_legal_data_refuse_the_whole_use_case(world: World, point: str) -> None:
    db = world.db
    set_vat_point(db, point)
    number = world.accepted("fixed")
    work.log_work(db, "tech", number, hours="1")
    clear_setting(db, "company_rea")
    clear_setting(db, "company_street")
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(LEDGER))
    with pytest.raises(ValidationError) as refused:
        if point == "topup":
            customers.topup(db, "fin", "ACME", "100")
        else:
            billing.complete_request(db, "tech", number)
    assert "company_street, company_rea" in str(refused.value)
    assert "legal data are incomplete" in str(refused.value)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(LEDGER)) == before
        assert session.scalar(select(func.count()).select_from(INVOICES)) == 0
        assert session.scalar(select(func.count()).select_from(INVOICE_SERIES)) == 0
    # what issues no document still goes through
    customers.adjust(db, "fin", "ACME", "5", reason="rounding")


def test_a_rolled_back_top_up_takes_no_number(world: World) -> None:
    db = world.db
    set_vat_point(db, "topup")
    customers.topup(db, "fin", "ACME", "10")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.transaction() as session:
        credit.move_credit(db, session, "ACME", LedgerKind.TOPUP, D("20"), actor="fin",
                           acted_for="fin", reference="lost")
        with session.no_autoflush:
            assert session.scalar(select(func.count()).select_from(INVOICES)) == 2
        raise Boom  # after the number was taken
    customers.topup(db, "fin", "ACME", "30")
    assert numbers(db) == [("TD01", 2026, 1), ("TD01", 2026, 2)]
    rows = invoices.list_invoices(db, "fin", date(2026, 12, 1), date(2026, 12, 31))
    assert [r.net for r in rows] == [D("10.00"), D("30.00")]


def test_a_new_year_starts_each_series_at_one(world: World, clock: FakeClock) -> None:
    db = world.db
    set_vat_point(db, "topup")
    customers.topup(db, "fin", "ACME", "10")
    clock.now = datetime(2027, 1, 1, 9, 0)
    customers.topup(db, "fin", "ACME", "10")
    assert numbers(db) == [("TD01", 2026, 1), ("TD01", 2027, 1)]


def test_files_are_stored_once_and_handed_out_only_intact(world: World) -> None:
    db = world.db
    set_vat_point(db, "topup")
    customers.set_customer(db, "admin", "ACME", **demo_fiscal(1).as_dict())  # complete
    customers.topup(db, "fin", "ACME", "100")
    with pytest.raises(StateError, match="not made yet"):
        invoices.invoice_file(db, "fin", "FT 2026/000001", "pdf")
    [ident] = invoices.unrendered(db)
    sha = invoices.store_files(db, ident, FAKE)  # PostgreSQL: as trusted maintenance
    name, pdf = invoices.invoice_file(db, "fin", "ft 2026/1", "pdf")
    assert hashlib.sha256(pdf).hexdigest() == sha and name == "FT_2026_000001.pdf"
    name, xml = invoices.invoice_file(db, "fin", "FT 2026/000001", "xml")
    assert name == "IT01234560157_00001.xml" and xml.startswith(b"<FatturaElettronica>")
    assert invoices.store_files(db, ident, invoices.Renderers(
        lambda d: b"%PDF-other", fake_xml)) == sha  # the first stays
    assert invoices.unrendered(db) == []
    with db.engine.begin() as conn:
        conn.execute(update(INVOICES).values(xml=b"<forged/>"))
    with pytest.raises(StateError, match="does not match its SHA-256"):
        invoices.invoice_file(db, "fin", "FT 2026/000001", "xml")
    view = invoices.invoice_view(db, "lead", "FT 2026/000001")
    assert (view.pdf_intact, view.xml_intact) == (True, False)


def test_who_may_read_invoices(world: World) -> None:
    db = world.db
    from app.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        invoices.list_invoices(db, "tech", date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="not an invoice"):
        invoices.invoice_view(db, "fin", "RIT-000001")


def test_migration_0026_goes_down_and_up_again(world: World) -> None:
    """Down to 0025 the tables, triggers and functions are gone; up again a charge issues
    the first invoice of a new series."""
    db = world.db
    set_vat_point(db, "charge")
    charged(world)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0025")
    assert not {"invoices", "invoice_series"} & set(inspect(db.engine).get_table_names())
    left = ("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%invoice%'"
            if db.is_sqlite else "SELECT tgname FROM pg_trigger WHERE tgname LIKE '%invoice%' "
            "UNION ALL SELECT proname FROM pg_proc WHERE proname LIKE 'rit_%invoice%'")
    with db.engine.connect() as conn:
        assert conn.execute(text(left)).all() == []  # no trigger or function left behind
    db.upgrade_schema()
    assert {"invoices", "invoice_series"} <= set(inspect(db.engine).get_table_names())
    charged(world)
    assert numbers(db) == [("TD01", 2026, 1)]


def test_a_zero_vat_charge_invoice_states_its_nature_and_the_stamp_duty(world: World) -> None:
    """A quote at 0 % with a nature (migration 0025) gives an invoice (VAT at the charge)
    whose line and summary carry that nature and its law, with the stamp duty of 2,00 where
    the amount not subject to VAT exceeds 77,47; its credit note likewise."""
    db = world.db
    set_vat_point(db, "charge")
    number = world.request()
    requests.take_request(db, "tech", number)
    data = QuoteInput(kind="fixed", valid_until=world.valid(),
                      lines=[LineInput("Work", "1", "390")], vat_rate="0", nature="N2.1",
                      legal_reference="Art. 7-ter DPR 633/72, inversione contabile")
    quote = quotes.create_quote(db, "tech", number, data)
    quotes.send_quote(db, "lead", quote.id)
    quotes.accept_quote(db, quote.id)
    work.log_work(db, "tech", number, hours="1")
    billing.complete_request(db, "tech", number)
    charge_documents.refund(db, "fin", number, net="50", reason="goodwill")
    invoice = invoices.invoice_view(db, "fin", "FT 2026/000001").document
    assert (invoice.net, invoice.vat, invoice.total, invoice.stamp_duty) == (
        D("390.00"), D("0.00"), D("390.00"), D("2.00"))
    assert [(line.vat_rate, line.nature) for line in invoice.lines] == [(D("0.00"), "N2.1")]
    [summary] = invoice.summaries
    assert (summary.nature, summary.legal_reference) == (
        "N2.1", "Art. 7-ter DPR 633/72, inversione contabile")
    note = invoices.invoice_view(db, "fin", "NC 2026/000001").document
    assert (note.net, note.stamp_duty, note.summaries[0].nature) == (D("50.00"), D("0.00"), "N2.1")


def test_every_document_shows_the_companys_legal_address(world: World) -> None:
    """The letterhead of quotes, charge documents and statements and the seller of the
    invoices read one address: the structured legal one where it is set (a statement once
    showed the old free-text ``company_address`` beside an invoice with the new one)."""
    from app.services import invoice_rules
    from app.services import settings as settings_service

    db = world.db
    for key, value in [("company_street", "Via dei Mille 10"), ("company_postcode", "52100"),
                       ("company_city", "Arezzo"), ("company_province", "ar")]:
        settings_service.set_setting(db, "admin", key, value)
    with db.read() as session:
        letterhead = settings_service.load(session).company.address_lines
        seller = invoice_rules.seller_party(invoice_rules.company_settings(session))
    assert letterhead == seller.address_lines == ("Via dei Mille 10", "52100 Arezzo (AR)")
    settings_service.set_setting(db, "admin", "company_country", "DE")
    with db.read() as session:
        assert settings_service.load(session).company.address_lines[-1] == "DE"
