"""An invoice to a customer whose fiscal data are incomplete (issue 20), on SQLite and
PostgreSQL: it keeps its number, waits (never tried and failed round after round, never
in the way of the others), says what it waits for, and is made under that number once
the customer's data are complete (migration 0028); a document already made never
changes. The XML is the real one, validated against the FatturaPA schema."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from lxml import etree

from app.domain.errors import StateError
from app.domain.invoices import Party, missing_buyer_data
from app.services import billing, customers, document_jobs, invoices, work
from tests.app.conftest import World
from tests.conftest import FakeClock
from ui.finance.invoice_documents import RENDERERS, invoice_files

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))
WORKER = {"invoice": invoice_files}
#: a complete Italian consumer (the tax code's check digit is right)
MILANO = {"tax_code": "RSSMRA85T10A562S", "street": "Via Roma 1", "postcode": "20121",
          "city": "Milano", "province": "MI"}


@pytest.fixture(autouse=True)
def _december(clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 7, 9, 0)


def charged(world: World, customer: str = "ACME") -> int:
    number = world.accepted("fixed", customer=customer)
    work.log_work(world.db, "tech", number, hours="1")
    billing.complete_request(world.db, "tech", number)
    return number


def states(world: World) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(r.number, r.customer, r.state, r.missing)
            for r in invoices.list_invoices(world.db, "fin", *DECEMBER)]


def round_of_the_worker(world: World) -> list[tuple[str, str, bool]]:
    return [(job, subject, ok) for job, subject, _detail, ok
            in document_jobs.render_pending(world.db, WORKER)]


def buyer_of(xml: bytes) -> dict[str, str]:
    tree = etree.fromstring(xml)
    node = tree.find(".//CessionarioCommittente")
    assert node is not None
    return {child.tag: child.text or "" for child in node.iter() if len(child) == 0}


def test_an_invoice_waits_for_its_buyer_and_is_made_under_its_number_later(
        world: World) -> None:
    db = world.db
    charged(world)  # ACME: a consumer with no tax code and no address
    customers.set_customer(db, "admin", "POOR", **MILANO)
    charged(world, "POOR")
    assert states(world) == [
        ("FT 2026/000001", "ACME", "waiting", ("tax_code", "street", "postcode", "city")),
        ("FT 2026/000002", "POOR", "preparing", ())]
    # the worker makes the one it can, and does not try (and fail) the waiting one
    assert round_of_the_worker(world) == [("document_stored", "FT 2026/000002", True)]
    assert round_of_the_worker(world) == []
    assert [r.number for r in invoices.waiting(db, "fin")] == ["FT 2026/000001"]
    with pytest.raises(StateError) as waiting:
        invoices.invoice_file(db, "fin", "FT 2026/000001", "xml", RENDERERS)
    assert str(waiting.value) == (
        "the documents of FT 2026/000001 wait for customer ACME's fiscal data: rit-desk "
        "customers set ACME --tax-code ... --street ... --postcode ... --city ...; its "
        "number stays FT 2026/000001")

    customers.set_customer(db, "admin", "ACME", street="Via Dante 3", city="Arezzo")
    assert states(world)[0][2:] == ("waiting", ("tax_code", "postcode"))
    customers.set_customer(db, "admin", "ACME", tax_code="RSSMRA85T10A562S",
                           postcode="52100", province="AR")
    assert round_of_the_worker(world) == [("document_stored", "FT 2026/000001", True)]
    name, xml = invoices.invoice_file(db, "fin", "FT 2026/000001", "xml")
    assert name == "IT01234560157_00001.xml"
    buyer = buyer_of(xml)
    assert (buyer["CodiceFiscale"], buyer["Indirizzo"], buyer["CAP"], buyer["Comune"],
            buyer["Provincia"]) == ("RSSMRA85T10A562S", "Via Dante 3", "52100", "Arezzo", "AR")
    assert [s for _n, _c, s, _m in states(world)] == ["stored", "stored"]

    # a document made never changes with its customer
    customers.set_customer(db, "admin", "ACME", street="Via Petrarca 9", city="Firenze")
    view = invoices.invoice_view(db, "fin", "FT 2026/000001")
    assert (view.document.buyer.street, view.document.buyer.city) == ("Via Dante 3", "Arezzo")
    assert view.pdf_intact and view.xml_intact
    assert invoices.invoice_file(db, "fin", "FT 2026/000001", "xml")[1] == xml


@pytest.mark.parametrize("data", [
    {},
    {"street": "Via Roma 1", "postcode": "20121", "city": "Milano"},
    {"tax_code": "RSSMRA85T10A562S", "street": "Via Roma 1", "city": "Milano"},
    MILANO,
    {"kind": "business", "vat_number": "01234560157", "street": "Via Roma 1",
     "postcode": "20121", "city": "Milano"},
    {"kind": "business", "vat_number": "DE136695976", "country": "DE",
     "street": "Unter den Linden 1", "city": "Berlin"},
    {"country": "FR", "city": "Paris"},
], ids=["nothing", "no-tax-code", "no-postcode", "consumer", "business", "abroad",
        "abroad-no-street"])
def test_the_database_and_the_rule_agree_on_what_can_be_made(world: World,
                                                             data: dict[str, str]) -> None:
    """The worker's SQL (``buyer_complete``) and the rule in Python agree, and what they
    let through makes an XML the schema accepts."""
    db = world.db
    if data:
        customers.set_customer(db, "admin", "ACME", **data)
    charged(world)
    row = invoices.list_invoices(db, "fin", *DECEMBER)[0]
    made = round_of_the_worker(world)
    if row.missing:
        assert made == [] and row.state == "waiting"
    else:
        assert made == [("document_stored", row.number, True)]
        buyer = buyer_of(invoices.invoice_file(db, "fin", row.number, "xml")[1])
        assert buyer["Indirizzo"] == data["street"]


def test_what_an_italian_buyer_needs() -> None:
    assert missing_buyer_data(Party(name="Mario Rossi", kind="consumer")) == [
        "tax_code", "street", "postcode", "city"]
    assert missing_buyer_data(Party(name="Acme", kind="business", street="Via Roma 1",
                                    postcode="2012", city="Milano")) == [
        "vat_number", "postcode"]
    assert missing_buyer_data(Party(name="Acme GmbH", country="DE", street="Hauptstr. 1",
                                    city="Berlin")) == []


def test_the_upgrade_brings_waiting_invoices_in_step_with_their_buyers(world: World) -> None:
    """A database at 0027 whose invoice was numbered for a customer with incomplete data,
    completed since (with no trigger then to follow): migration 0028 refreshes the waiting
    document's buyer once, and the worker makes it under its number."""
    from alembic import command
    from alembic.config import Config

    from app.db.database import MIGRATIONS

    db = world.db
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0027")
    charged(world)
    customers.set_customer(db, "admin", "ACME", **MILANO)
    assert invoices.invoice_view(db, "fin", "FT 2026/000001").document.buyer.street == ""
    db.upgrade_schema()
    assert invoices.invoice_view(db, "fin", "FT 2026/000001").document.buyer.street == \
        "Via Roma 1"
    assert round_of_the_worker(world) == [("document_stored", "FT 2026/000001", True)]
