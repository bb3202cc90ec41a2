"""Zero-VAT natures on quotes (issue 20), on SQLite and PostgreSQL: a quote at 0 % states
its nature (a key of app.domain.invoices.NATURES) and its legal reference (the nature's
unless given), kept on the quote, its extension and its charge; printed on its document
with the stamp duty where due. PostgreSQL holds the shape whoever writes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app.db import models as m
from app.domain.errors import ValidationError
from app.domain.invoices import NATURES
from app.domain.vat_point import check_nature, quote_stamp_duty
from app.services import billing, quotes, requests, work
from app.services.quote_documents import quote_document
from app.services.quotes import LineInput, QuoteInput
from tests.app.conftest import World

D = Decimal


def _input(vat: str, nature: str | None = None, reference: str | None = None,
           price: str = "390") -> QuoteInput:
    return QuoteInput(kind="fixed", valid_until=date.today() + timedelta(days=20),
                      lines=[LineInput("Work", "1", price)], vat_rate=vat, nature=nature,
                      legal_reference=reference)


def test_the_rules_of_a_nature() -> None:
    assert check_nature(D("0"), "n2.1", None) == ("N2.1", NATURES["N2.1"].reference)
    assert check_nature(D("0"), "N6.9", " Art. 17 c.6 ") == ("N6.9", "Art. 17 c.6")
    assert check_nature(D("22"), None, "") == (None, None)
    for vat, nature, message in [(D("0"), None, "must state its nature"),
                                 (D("0"), "N9", "unknown nature N9"),
                                 (D("22"), "N2.1", "only for a quote at 0 % VAT"),
                                 (D("10"), None, "only for a quote at 0 % VAT")]:
        with pytest.raises(ValidationError, match=message):
            check_nature(vat, nature, "Art. 1" if vat == 10 else None)
    # the stamp duty: amounts of a nature that counts for it above 77,47
    assert quote_stamp_duty(D("77.48"), D("0"), "N2.1") == D("2.00")
    assert quote_stamp_duty(D("77.47"), D("0"), "N2.1") == D("0.00")
    assert quote_stamp_duty(D("500"), D("0"), "N3.1") == D("0.00")  # exports: none
    assert quote_stamp_duty(D("500"), D("22"), None) == D("0.00")


def test_a_quote_at_zero_carries_its_nature_to_the_charge(world: World) -> None:
    db = world.db
    number = world.request()
    requests.take_request(db, "tech", number)
    view = quotes.create_quote(db, "tech", number, _input("0", "N2.1"))
    assert (view.vat, view.vat_nature, view.legal_reference) == (
        D("0.00"), "N2.1", "Art. 7-ter DPR 633/72")
    document = quote_document(db, view.id)
    assert (document.vat_nature, document.legal_reference, document.stamp_duty) == (
        "N2.1", "Art. 7-ter DPR 633/72", D("2.00"))
    quotes.send_quote(db, "lead", view.id)
    quotes.accept_quote(db, view.id)
    work.log_work(db, "tech", number, hours="1")
    billing.complete_request(db, "tech", number)
    with db.read() as session:
        charge = session.scalars(select(m.Charge).where(m.Charge.request_id == number)).one()
    assert (charge.vat, charge.vat_nature, charge.vat_legal_reference) == (
        D("0.00"), "N2.1", "Art. 7-ter DPR 633/72")


def test_bad_natures_refused_nothing_written(world: World) -> None:
    number = world.request()
    for data, message in [(_input("0"), "must state its nature"),
                          (_input("22", "N2.1"), "only for a quote at 0 % VAT"),
                          (_input("0", "X1"), "unknown nature X1"),
                          (_input("0", "N4", "x" * 201), "longer than 200")]:
        with pytest.raises(ValidationError, match=message):
            quotes.create_quote(world.db, "tech", number, data)
    with world.db.read() as session:
        assert session.scalar(select(m.Quote.id).where(m.Quote.request_id == number)) is None
    own = quotes.create_quote(world.db, "tech", number, _input("0", "N4", "Art. 10 n. 1"))
    assert own.legal_reference == "Art. 10 n. 1"
    with pytest.raises(ValidationError, match="only for a quote at 0 % VAT"):
        quotes.update_draft(world.db, "tech", own.id, _input("22", "N4"),
                            expected_version=None)
    changed = quotes.update_draft(world.db, "tech", own.id, _input("22"), expected_version=None)
    assert (changed.vat_nature, changed.legal_reference) == (None, None)


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE quotes SET vat_nature = 'N9', vat_rate_hundredths = 0", "ck_quotes_vat_nature"),
    ("UPDATE quotes SET vat_nature = 'N2.1'", "ck_quotes_vat_nature"),  # at 22 %
    ("UPDATE quotes SET vat_legal_reference = 'Art. 1'", "ck_quotes_vat_legal_reference"),
    ("UPDATE quotes SET vat_rate_hundredths = 0", "must state its nature"),  # a draft
])
def test_postgresql_holds_the_shape_whoever_writes(world: World, sql: str,
                                                   message: str) -> None:
    if world.db.is_sqlite:
        pytest.skip("the embedded file: the services' checks")
    number = world.request()
    quotes.create_quote(world.db, "tech", number, _input("22"))
    engine = create_engine(world.db.url)
    try:
        with pytest.raises(DBAPIError, match=message), engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
