"""Issue 9, part 3: every number a service takes is read by the one parser, on both databases.

``1e3``, ``5e-1``, ``1_000``, Arabic-Indic ``١٢`` and full-width ``１２`` are refused as top-ups,
adjustments, initial credits, line quantities and prices, hourly rates, estimated hours,
VAT rates, hours of work, variation amounts and whole-number settings, and nothing is
written: every row of every table is the same afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

import pytest

from app.domain.errors import ValidationError
from app.services import customers, quotes, settings, variations, work
from app.services.quotes import LineInput, QuoteInput
from tests.app.conftest import World
from tests.cli.conftest import snapshot

#: the issue's inputs, and a few more (the parser itself is tested on many more, in
#: tests/app/domain/test_money.py)
NOT_NUMBERS = ["1e3", "5e-1", "1_000", "١٢", "１２", "nan", "1 000", "1\x00"]


def entry_points(world: World) -> dict[str, Callable[[str], object]]:
    db = world.db
    number = world.accepted(kind="hourly")
    entry = work.log_work(db, "tech", number, hours="1:00")
    evaluating = world.request()
    valid = world.valid()

    def fixed(quantity: str, price: str) -> object:
        return quotes.create_quote(db, "tech", evaluating, QuoteInput(
            kind="fixed", valid_until=valid, lines=[LineInput("Work", quantity, price)]))

    def hourly(rate: str, hours: str, vat: str = "22") -> object:
        return quotes.create_quote(db, "tech", evaluating, QuoteInput(
            kind="hourly", valid_until=valid, hourly_rate=rate, estimated_hours=hours,
            vat_rate=vat))

    return {
        "top-up (portal)": lambda raw: customers.topup(db, None, "ACME", raw),
        "top-up (finance)": lambda raw: customers.topup(db, "fin", "ACME", raw),
        "adjustment": lambda raw: customers.adjust(db, "fin", "ACME", raw, reason="x"),
        "initial credit": lambda raw: customers.add_customer(db, "admin", "NEW", name="New",
                                                             credit_amount=raw),
        "line quantity": lambda raw: fixed(raw, "10"),
        "line price": lambda raw: fixed("1", raw),
        "hourly rate": lambda raw: hourly(raw, "2"),
        "estimated hours": lambda raw: hourly("60", raw),
        "VAT rate": lambda raw: hourly("60", "2", raw),
        "hours logged": lambda raw: work.log_work(db, "tech", number, hours=raw),
        "hours edited": lambda raw: work.edit_work(db, "tech", entry.id, hours=raw,
                                                   work_date=db.today()),
        "variation": lambda raw: variations.propose_variation(db, "tech", number, amount=raw,
                                                              reason="x"),
        **{key: partial(settings.set_setting, db, "admin", key)
           for key in ("tech_send_limit", "default_vat_rate", "billing_increment_minutes",
                       "quote_validity_days")},
    }


def test_near_numbers_are_refused_everywhere(world: World, db_url: str) -> None:
    calls = entry_points(world)
    before = snapshot(db_url)
    for where, call in calls.items():
        for raw in NOT_NUMBERS:
            with pytest.raises(ValidationError) as info:
                call(raw)
            assert "\n" not in str(info.value), (where, raw)
    assert snapshot(db_url) == before


def test_the_same_calls_take_good_numbers(world: World) -> None:
    """The entry points above really reach their parser: ordinary numbers pass."""
    calls = entry_points(world)
    for where in ("top-up (portal)", "adjustment", "hours edited", "billing_increment_minutes"):
        calls[where]("15")
    for where in ("top-up (finance)", "hours logged", "variation"):
        calls[where]("1,5")
    assert settings.get_settings(world.db).billing_increment_minutes == 15
    assert customers.get_customer(world.db, "ACME").balance == Decimal("1031.50")
