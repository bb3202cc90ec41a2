"""``invoices list|show|pdf|xml|export`` and ``reports vat`` from the command line, and the
``invoice`` key of ``customers topup`` and ``requests complete``, on SQLite and PostgreSQL,
under both VAT points: the issue's JSON keys, every XML validated and one parsed back
field by field, the register agreeing with the documents to the cent."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from app.db.database import Database
from app.services import (
    charge_documents,
    customers,
    invoices,
    quotes,
    requests,
    staff,
    work,
    worker,
)
from app.services.demo import demo_fiscal
from app.services.quotes import LineInput, QuoteInput
from reports.fatturapa import validate_fatturapa
from tests.app.finance.test_invoices import set_vat_point
from tests.cli.conftest import Cli
from tests.conftest import FakeClock, fake_renderer
from ui.finance.documents import renderers

KEYS = ["number", "type", "date", "customer", "net", "vat", "total", "reference", "xml_sha256",
        "state", "missing"]


def accepted(db: Database, clock: FakeClock, code: str) -> int:
    number = requests.submit_request(db, code, service="web-1", category="ssl",
                                     subject="Wildcard certificate")
    requests.take_request(db, "tech", number)
    quote = quotes.create_quote(db, "tech", number, QuoteInput(
        "fixed", clock.now.date() + timedelta(days=10), lines=[LineInput("Work", "1", "390")]),
        send=True)
    quotes.accept_quote(db, quote.id)
    work.log_work(db, "tech", number, hours="1")
    return number


@pytest.fixture(params=["topup", "charge"])
def point(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def setup(make_cli: Callable[[str], Cli], db_url: str, cli_clock: FakeClock,
          point: str) -> Iterator[tuple[Cli, Database]]:
    cli_clock.now = datetime(2026, 12, 7, 9, 0)  # the numbers below are of 2026
    db = Database(db_url, clock=cli_clock, renderer=fake_renderer)
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    for user, role in [("tech", "technician"), ("lead", "team_lead"), ("fin", "finance")]:
        staff.add_staff(db, "admin", user, name=user.title(), role=role, login=False)
    set_vat_point(db, point)
    customers.add_customer(db, "admin", "ACME", name="Acme Srl", data=demo_fiscal(1))
    customers.add_service(db, "admin", "ACME", name="web-1")
    try:
        yield make_cli(db_url), db
    finally:
        db.dispose()


def store_all(db: Database) -> None:
    """The worker's round (here trusted maintenance) on PostgreSQL; on SQLite the CLI
    stored the files already and the round finds nothing to do."""
    done = [d for d in worker.run_once(db, renderers=renderers())
            if d.subject.startswith(("FT ", "NC "))]
    assert all(d.ok for d in done), done
    assert invoices.unrendered(db) == []


def test_a_month_of_documents_under_each_vat_point(setup: tuple[Cli, Database],
                                                   cli_clock: FakeClock, point: str,
                                                   tmp_path: Path) -> None:
    cli, db = setup
    day = cli_clock.now.date().isoformat()
    topup = cli.ok("customers", "topup", "ACME", "--amount", "500", actor="fin")
    number = accepted(db, cli_clock, "ACME")
    done = cli.ok("requests", "complete", number, actor="tech")
    refund = cli.ok("charges", "refund", number, "--net", "90", "--reason", "goodwill",
                    actor="fin")
    assert refund["refund"]["net"] == "90.00"
    assert refund["invoice"] == (None if point == "topup" else "NC 2026/000001")
    if point == "topup":
        assert topup["invoice"] == "FT 2026/000001" and done["invoice"] is None
        expected = [("FT 2026/000001", "TD01", "500.00", "110.00", "610.00", "top-up")]
    else:
        assert topup["invoice"] is None and done["invoice"] == "FT 2026/000001"
        ref = f"RIT-{number:06d}"
        expected = [("FT 2026/000001", "TD01", "390.00", "85.80", "475.80", ref),
                    ("NC 2026/000001", "TD04", "90.00", "19.80", "109.80", "FT 2026/000001")]
    store_all(db)
    listed = cli.ok("invoices", "list", "--from", day, "--to", day, actor="fin")["invoices"]
    assert [list(i) for i in listed] == [KEYS] * len(expected)
    assert [(i["number"], i["type"], i["net"], i["vat"], i["total"], i["reference"])
            for i in listed] == expected
    assert all(i["date"] == day and i["customer"] == "ACME" for i in listed)
    for item in listed:  # every XML valid, its hash the one listed; the PDF a PDF
        xml_file, pdf_file = tmp_path / "x.xml", tmp_path / "x.pdf"
        cli.ok("invoices", "xml", item["number"], "-o", str(xml_file), actor="lead")
        cli.ok("invoices", "pdf", item["number"], "-o", str(pdf_file), actor="lead")
        validate_fatturapa(xml_file.read_bytes())
        assert hashlib.sha256(xml_file.read_bytes()).hexdigest() == item["xml_sha256"]
        assert pdf_file.read_bytes().startswith(b"%PDF")
    shown = cli.ok("invoices", "show", listed[-1]["number"], actor="admin")
    assert shown["files_intact"] is True and shown["buyer"]["name"] == "Acme Srl"
    # the register agrees with the documents to the cent
    register = cli.ok("reports", "vat", "--month", day[:7], actor="fin")
    signed = [Decimal(i["net"]) * (-1 if i["type"] == "TD04" else 1) for i in listed]
    assert Decimal(register["taxable"]) == sum(signed)
    assert register["documents"] == len(listed)
    assert Decimal(register["vat"]) == sum(Decimal(i["vat"]) * (-1 if i["type"] == "TD04"
                                                               else 1) for i in listed)
    # the statement names the fiscal document of each entry that issued one
    entries = cli.ok("customers", "statement", "ACME", "--from", day, "--to", day,
                     actor="fin")["entries"]
    assert [(e["kind"], e["invoice"]) for e in entries] == (
        [("topup", "FT 2026/000001"), ("charge", None), ("refund", None)] if point == "topup"
        else [("topup", None), ("charge", "FT 2026/000001"), ("refund", "NC 2026/000001")])
    out = tmp_path / "register.pdf"
    assert cli.ok("reports", "vat", "--month", day[:7], "--format", "pdf", "-o", str(out),
                  actor="fin")["format"] == "pdf"
    assert out.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "sdi"
    exported = cli.ok("invoices", "export", "--from", day, "--to", day, "--to-dir", str(folder),
                      actor="fin")
    assert exported["documents"] == len(listed)
    with Path(exported["index"]).open(encoding="utf-8") as index:
        assert len(list(csv.reader(index))) == len(listed) + 1


NS = {"p": "http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"}


def test_an_xml_read_back_field_by_field(setup: tuple[Cli, Database], cli_clock: FakeClock,
                                         point: str, tmp_path: Path) -> None:
    cli, db = setup
    if point == "topup":
        cli.ok("customers", "topup", "ACME", "--amount", "100", actor="fin")
    else:
        cli.ok("requests", "complete", accepted(db, cli_clock, "ACME"), actor="tech")
    store_all(db)
    out = tmp_path / "one.xml"
    cli.ok("invoices", "xml", "FT 2026/000001", "-o", str(out), actor="fin")
    root = etree.fromstring(out.read_bytes())

    def text(path: str) -> str:
        found = root.find(path, NS)
        assert found is not None, path
        return str(found.text)

    buyer = demo_fiscal(1)
    net, vat = ("100.00", "22.00") if point == "topup" else ("390.00", "85.80")
    assert root.get("versione") == "FPR12"
    assert text(".//CedentePrestatore/DatiAnagrafici/IdFiscaleIVA/IdCodice") == "01234560157"
    assert text(".//CedentePrestatore/IscrizioneREA/Ufficio") == "AR"
    assert text(".//CedentePrestatore/IscrizioneREA/NumeroREA") == "123456"
    assert text(".//CedentePrestatore/IscrizioneREA/CapitaleSociale") == "1000000.00"
    assert text(".//CedentePrestatore/DatiAnagrafici/RegimeFiscale") == "RF01"
    assert text(".//CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice") == \
        buyer.vat_number[2:]
    assert text(".//CessionarioCommittente/Sede/Comune") == buyer.city
    assert text(".//DatiTrasmissione/CodiceDestinatario") == (buyer.sdi_code or "0000000")
    assert text(".//DatiGeneraliDocumento/TipoDocumento") == "TD01"
    assert text(".//DatiGeneraliDocumento/Numero") == "FT 2026/000001"
    assert text(".//DatiGeneraliDocumento/Data") == cli_clock.now.date().isoformat()
    assert text(".//DatiRiepilogo/AliquotaIVA") == "22.00"
    assert text(".//DatiRiepilogo/ImponibileImporto") == net
    assert text(".//DatiRiepilogo/Imposta") == vat
    assert text(".//DatiGeneraliDocumento/ImportoTotaleDocumento") == \
        str(Decimal(net) + Decimal(vat))


def test_refusals_are_one_line(setup: tuple[Cli, Database], point: str) -> None:
    cli, db = setup
    assert "may not" in cli.fails("invoices", "list", "--from", "2026-01-01", "--to",
                                  "2026-12-31", actor="tech")
    assert "not an invoice or credit note number" in cli.fails(
        "invoices", "show", "RIT-000001", actor="fin")
    assert "unknown invoice" in cli.fails("invoices", "show", "FT 2026/000099", actor="fin")
    assert "not a month" in cli.fails("reports", "vat", "--month", "2026-13", actor="fin")
    with db.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE settings SET value = '' WHERE key = 'company_rea'"))
    line = cli.fails("customers", "topup", "ACME", "--amount", "10", actor="fin") \
        if point == "topup" else cli.fails("requests", "complete", accepted(
            db, FakeClock(), "ACME"), actor="tech")
    assert "legal data are incomplete: set company_rea" in line
    assert charge_documents  # imported for the refund above


def test_an_invoice_waiting_for_the_customers_fiscal_data(setup: tuple[Cli, Database],
                                                         cli_clock: FakeClock, point: str,
                                                         tmp_path: Path) -> None:
    """A customer with no tax code or address: the money moves, the invoice keeps its
    number and says what it waits for, and is made once ``customers set`` completes them
    (migration 0028)."""
    cli, db = setup
    customers.add_customer(db, "admin", "BARE", name="Mario Rossi")
    customers.add_service(db, "admin", "BARE", name="web-1")
    if point == "topup":
        done = cli.ok("customers", "topup", "BARE", "--amount", "100", actor="fin")
        plain_run = cli.run("customers", "topup", "BARE", "--amount", "1", actor="fin")
        assert plain_run.code == 0, plain_run
        line = plain_run.out
    else:
        cli.ok("customers", "topup", "BARE", "--amount", "1000", actor="fin")
        done = cli.ok("requests", "complete", accepted(db, cli_clock, "BARE"), actor="tech")
        line = ""
    assert done["invoice"] == "FT 2026/000001"
    assert done["invoice_missing"] == ["tax_code", "street", "postcode", "city"]
    if line:
        assert "waits for the customer's fiscal data (tax code, street, postcode, city)" in line
    store_all_but_waiting = worker.run_once(db, renderers=renderers())
    assert not [d for d in store_all_but_waiting if not d.ok]
    day = cli_clock.now.date().isoformat()
    listed = cli.ok("invoices", "list", "--from", day, "--to", day, actor="fin")["invoices"]
    assert (listed[0]["state"], listed[0]["missing"], listed[0]["xml_sha256"]) == (
        "waiting", ["tax_code", "street", "postcode", "city"], None)
    out = tmp_path / "w.xml"
    refused = cli.fails("invoices", "xml", "FT 2026/000001", "-o", str(out), actor="fin")
    assert "wait for customer BARE's fiscal data" in refused and not out.exists()
    cli.ok("customers", "set", "BARE", "--tax-code", "RSSMRA85T10A562S", "--street",
           "Via Roma 1", "--postcode", "20121", "--city", "Milano", "--province", "MI",
           actor="admin")
    store_all(db)
    listed = cli.ok("invoices", "list", "--from", day, "--to", day, actor="fin")["invoices"]
    assert all(i["state"] == "stored" and i["missing"] == [] for i in listed)
    cli.ok("invoices", "xml", "FT 2026/000001", "-o", str(out), actor="fin")
    validate_fatturapa(out.read_bytes())
    root = etree.fromstring(out.read_bytes())
    assert root.findtext(".//CessionarioCommittente/DatiAnagrafici/CodiceFiscale") == \
        "RSSMRA85T10A562S"
    assert root.findtext(".//CessionarioCommittente/Sede/Indirizzo") == "Via Roma 1"
