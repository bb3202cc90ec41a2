"""Dates and amounts as CLDR writes them, kept per day (amount) and language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain import cldr


def test_dates_kept_per_day_and_language_are_babels() -> None:
    from babel.dates import format_skeleton

    for lang in ("it", "en"):
        for value in (date(2026, 3, 5), date(2026, 12, 31)):
            expected = format_skeleton(cldr.DATE_SKELETONS[lang], value,
                                       locale=cldr.locale(lang))
            assert cldr.day(value, lang) == expected
            assert cldr.day(value, lang) == expected  # the kept one


def test_amounts_kept_by_their_text_are_babels() -> None:
    from babel.numbers import format_currency

    for lang in ("it", "en"):
        for text in ("0.00", "-0.00", "1234.56", "-303.25", "1234.5", "12"):
            expected = format_currency(Decimal(text), "EUR", locale=cldr.locale(lang))
            assert cldr.money(Decimal(text), lang) == expected
            assert cldr.money(Decimal(text), lang) == expected  # the kept one
    assert cldr.money(Decimal("1234.56"), "it") == "1.234,56\u00a0€"
