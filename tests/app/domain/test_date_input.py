"""Issue 17: dates typed as people type them, in the language's order."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.date_input import field_order, parse_typed_date

TODAY = date(2026, 12, 7)
DEC_1 = date(2026, 12, 1)


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("typed", ["01/12/2026", "1/12/2026", "1/12/26", "01.12.2026",
                                   "1-12-2026", "1 12 2026", "01122026", "011226", "0112",
                                   "1/12", " 01/12/2026 ", "2026-12-01", "1 Dec 2026",
                                   "1 December 2026", "1 dec. 2026"])
def test_the_first_of_december(typed: str, lang: str) -> None:
    assert parse_typed_date(typed, lang, TODAY) == DEC_1


def test_italian_month_names_in_italian() -> None:
    assert parse_typed_date("1 dic 2026", "it", TODAY) == DEC_1
    assert parse_typed_date("01 dicembre 2026", "it", TODAY) == DEC_1
    assert parse_typed_date("3 mag 27", "it", TODAY) == date(2027, 5, 3)
    assert parse_typed_date("1 dic 2026", "en", TODAY) is None  # not an English month


@pytest.mark.parametrize("typed", ["", "x", "31/02/2026", "32/12/2026", "1/13/2026",
                                   "1/12/202", "123", "1234567", "1 ma 2026", "1/12/2026/4",
                                   "12/2026/1"])
def test_what_is_not_a_date(typed: str) -> None:
    assert parse_typed_date(typed, "it", TODAY) is None


def test_the_order_is_the_languages() -> None:
    """CLDR's: day, month, year in Italian and in British English (not 12/01 for 1 Dec)."""
    assert field_order("it") == ("d", "M", "y") == field_order("en")
    assert parse_typed_date("12/01/2027", "en", TODAY) == date(2027, 1, 12)
