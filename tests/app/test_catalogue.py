"""The price list of routine interventions (issue 19), on SQLite and PostgreSQL.

Kept by team leads and admins, read by everyone; a quote line picked from it takes the
item's description and list price, a technician may not go below that price, a retired
item is not put on new quotes but stays on those that used it; every change audited and
every refusal leaves nothing written.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db import models as m
from app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from app.services import catalogue, quotes, requests
from app.services.quotes import LineInput, QuoteInput
from tests.app.conftest import World


def _count(world: World, model: type[object]) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _items(world: World) -> None:
    catalogue.add_item(world.db, "lead", "ssl-dv", description="SSL certificate install",
                       price="79", category="ssl")
    catalogue.add_item(world.db, "admin", "PHP-UPGRADE", description="PHP upgrade", price="120",
                       category="software")
    catalogue.add_item(world.db, "lead", "SYS-HOUR", description="System work", price="55",
                       unit="hour")


def test_leads_and_admins_keep_the_list_everyone_reads_it(world: World) -> None:
    _items(world)
    for who in ("tech", "fin"):
        with pytest.raises(PermissionDenied, match="may not change the price list"):
            catalogue.add_item(world.db, who, "X", description="x", price="1")
        with pytest.raises(PermissionDenied):
            catalogue.set_item(world.db, who, "SSL-DV", price="1")
        with pytest.raises(PermissionDenied):
            catalogue.retire_item(world.db, who, "SSL-DV")
    item = catalogue.get_item(world.db, "ssl-dv")  # codes are upper case, found in any case
    assert (item.code, item.price, item.unit, item.category, item.active) == (
        "SSL-DV", Decimal("79.00"), "fixed", "ssl", True)
    # a category's items and those of every category; a search on code and description
    assert [i.code for i in catalogue.list_items(world.db, category="ssl")] == [
        "SSL-DV", "SYS-HOUR"]
    assert [i.code for i in catalogue.list_items(world.db, search="php upg")] == ["PHP-UPGRADE"]
    changed = catalogue.set_item(world.db, "lead", "SSL-DV", price="85.50", category="any")
    assert (changed.price, changed.category, changed.version) == (Decimal("85.50"), None, 2)
    with world.db.read() as session:
        actions = list(session.scalars(select(m.AuditEvent.action).where(
            m.AuditEvent.action.like("catalogue_%")).order_by(m.AuditEvent.id)))
    assert actions == ["catalogue_item_added"] * 3 + ["catalogue_item_changed"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"code": "A B"}, "letters, digits"),
    ({"code": "SSL-DV"}, "already has an item SSL-DV"),
    ({"price": "0"}, "price"),
    ({"price": "12.345"}, "price"),
    ({"unit": "day"}, "fixed or hour"),
    ({"category": "plumbing"}, "unknown category"),
    ({"description": "  "}, "description"),
])
def test_bad_items_are_refused_and_nothing_written(world: World, kwargs: dict[str, str],
                                                    message: str) -> None:
    _items(world)
    before = (_count(world, m.CatalogueItem), _count(world, m.AuditEvent))
    args = {"code": "NEW", "description": "New", "price": "10"} | kwargs
    with pytest.raises(ValidationError, match=message):
        catalogue.add_item(world.db, "lead", args.pop("code"), **args)
    assert (_count(world, m.CatalogueItem), _count(world, m.AuditEvent)) == before


def test_a_quote_from_the_list_keeps_its_lines_when_the_item_changes(world: World) -> None:
    _items(world)
    number = world.request()
    requests.take_request(world.db, "tech", number)
    data = QuoteInput("fixed", world.valid(), lines=[
        LineInput("", "1", "", item="SSL-DV"),
        LineInput("Check the chain", "1", "30"),
        LineInput("", "2", "", item="sys-hour"),
    ])
    quote = quotes.create_quote(world.db, "tech", number, data)
    assert [(li.description, li.unit_price, li.amount, li.item) for li in quote.lines] == [
        ("SSL certificate install", Decimal("79.00"), Decimal("79.00"), "SSL-DV"),
        ("Check the chain", Decimal("30.00"), Decimal("30.00"), None),
        ("System work", Decimal("55.00"), Decimal("110.00"), "SYS-HOUR"),
    ]
    assert quote.net == Decimal("219.00")
    catalogue.set_item(world.db, "lead", "SSL-DV", price="99", description="Another text")
    catalogue.retire_item(world.db, "lead", "SSL-DV")
    kept = quotes.get_quote(world.db, quote.id)
    assert kept.lines == quote.lines and kept.net == quote.net
    # the draft that has it may still be saved (a technician only at the new list
    # price: the floor is the list price when saved); a new quote may not take it
    again = quotes.update_draft(world.db, "lead", quote.id, QuoteInput(
        "fixed", world.valid(), lines=[LineInput("SSL", "1", "79", item="SSL-DV")]),
        expected_version=quote.version)
    assert again.lines[0].item == "SSL-DV"
    other = world.request()
    with pytest.raises(ValidationError, match="SSL-DV is retired"):
        quotes.create_quote(world.db, "lead", other, QuoteInput(
            "fixed", world.valid(), lines=[LineInput("", "1", "", item="SSL-DV")]))
    with pytest.raises(NotFoundError, match="unknown catalogue item: NOPE"):
        quotes.create_quote(world.db, "lead", other, QuoteInput(
            "fixed", world.valid(), lines=[LineInput("", "1", "", item="NOPE")]))
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Quote)
                              .where(m.Quote.request_id == other)) == 0


def test_a_technician_may_not_go_below_the_list_price(world: World) -> None:
    _items(world)
    number = world.request()
    requests.take_request(world.db, "tech", number)

    def lines(price: str) -> QuoteInput:
        return QuoteInput("fixed", world.valid(), lines=[LineInput("SSL", "1", price,
                                                                   item="SSL-DV")])

    before = _count(world, m.Quote)
    with pytest.raises(PermissionDenied, match=r"may not price SSL-DV below its list price 79\.00"):
        quotes.create_quote(world.db, "tech", number, lines("70"))
    assert _count(world, m.Quote) == before
    assert quotes.create_quote(world.db, "tech", number, lines("89")).net == Decimal("89.00")
    lead_number = world.request()
    assert quotes.create_quote(world.db, "lead", lead_number, lines("50")).net == Decimal("50.00")
