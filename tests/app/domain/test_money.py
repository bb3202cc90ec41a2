"""Money and quantities: parsing limits, half-up rounding, local formatting."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.money import (
    amount_str,
    format_decimal,
    format_eur,
    format_hours,
    format_percent,
    minutes_to_hours,
    parse_amount,
    parse_estimated_hours,
    parse_hours,
    parse_quantity,
    parse_signed_amount,
    parse_vat_rate,
    parse_whole,
    round_cents,
    round_up_minutes,
)

PROPS = settings(max_examples=200, deadline=None, database=None)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000.00"), places=2)


@pytest.mark.parametrize(("raw", "expected"), [
    ("475.8", "475.80"),
    ("0.01", "0.01"),
    ("1000000", "1000000.00"),
    ("1000000.00", "1000000.00"),
    ("1234,50", "1234.50"),  # the Italian decimal comma
    (" 12 ", "12.00"),
    ("1.50", "1.50"),
    ("007", "7.00"),
    (Decimal("59"), "59.00"),
    (Decimal("1.000"), "1.00"),  # a value (not typed text): trailing zeros are no decimals
    (7, "7.00"),
])
def test_parse_amount_accepts(raw: str | Decimal | int, expected: str) -> None:
    value = parse_amount(raw)
    assert value == Decimal(expected)
    assert str(value) == expected  # always two decimals


@pytest.mark.parametrize(("raw", "message"), [
    ("0", "greater than zero"),
    ("0.00", "greater than zero"),
    ("-5", "greater than zero"),
    ("-0.01", "greater than zero"),
    ("1000000.01", "must not exceed 1,000,000.00"),
    ("99999999", "must not exceed"),
    ("1.001", "more than two decimals"),
    ("0.005", "more than two decimals"),
    ("1.000", "more than two decimals"),  # as typed: a thousand to an Italian
    ("abc", "not a number"),
    ("1,234.50", "not a number"),
    ("NaN", "not a number"),
    ("Infinity", "not a number"),
    ("", "required"),
    ("   ", "required"),
])
def test_parse_amount_refuses(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        parse_amount(raw, "top-up amount")
    assert str(info.value).startswith("top-up amount")
    assert "\n" not in str(info.value)


#: issue 9, part 3: numbers that were accepted and must not be
NOT_NUMBERS = ["1e3", "5e-1", "1E3", "1_000", "١٢", "１２", "²", "nan", "NaN", "inf", "-inf",
               "Infinity", "1 000", "1\u00a0000", "1\t0", "12.", ".5", "+5", "--5", "1.2.3", "1,2,3",
               "0x10", "12abc", "\x0012", "1\x00"]


@pytest.mark.parametrize("raw", NOT_NUMBERS)
def test_only_ascii_digits_and_one_separator(raw: str) -> None:
    for parse in (parse_amount, parse_signed_amount, parse_quantity, parse_vat_rate,
                  parse_estimated_hours):
        with pytest.raises(ValidationError, match=r"not a number|greater than zero|required"):
            parse(raw)
    with pytest.raises(ValidationError, match=r"not a number|look like|greater than zero"):
        parse_hours(raw)
    for lang in ("it", "en"):
        with pytest.raises(ValidationError):
            parse_amount(raw, lang=lang)
    with pytest.raises(ValidationError, match="whole number from 1 to 480"):
        parse_whole(raw, "billing_increment_minutes", 1, 480)


@pytest.mark.parametrize(("raw", "it", "en"), [
    ("1500", "1500.00", "1500.00"),
    ("1.500,50", "1500.50", None),  # grouped the Italian way
    ("1,500.50", None, "1500.50"),  # grouped the English way
    ("1.500", "1500.00", None),  # a thousand in Italian; three decimals in English
    ("12,5", "12.50", None),  # the comma is a decimal separator in Italian only
    ("12.5", "12.50", "12.50"),
    ("€ 1.234,56", "1234.56", None),
    ("1.234,56\u00a0€", "1234.56", None),  # as the GUI shows money
    ("€1,234.56", None, "1234.56"),
    ("123.456,78", "123456.78", None),
    ("1.000,00", "1000.00", None),
    ("12,345", None, "12345.00"),
])
def test_amounts_in_the_languages_of_the_gui(raw: str, it: str | None, en: str | None) -> None:
    for lang, expected in (("it", it), ("en", en)):
        if expected is None:
            with pytest.raises(ValidationError):
                parse_amount(raw, lang=lang)
        else:
            assert parse_amount(raw, lang=lang) == Decimal(expected)


def test_hours_in_the_languages_of_the_gui() -> None:
    assert parse_hours("1,5", lang="it") == parse_hours("1.5", lang="en") == 90
    assert parse_hours("1:30", lang="en") == 90
    with pytest.raises(ValidationError):
        parse_hours("1,5", lang="en")


def test_whole_numbers() -> None:
    assert parse_whole("15", "x", 1, 480) == 15
    assert parse_whole(" 480 ", "x", 1, 480) == 480
    assert parse_whole(7, "x", 1, 480) == 7
    for bad in ("0", "481", "-1", "1.0", "", "9" * 5000, True):
        with pytest.raises(ValidationError, match="whole number from 1 to 480"):
            parse_whole(bad, "x", 1, 480)


def test_a_huge_number_is_refused_in_a_short_message() -> None:
    with pytest.raises(ValidationError, match="must not exceed") as info:
        parse_amount("9" * 100_000)
    assert len(str(info.value)) < 300
    with pytest.raises(ValidationError, match="24 hours"):
        parse_hours("9" * 5000 + ":00")


def test_parse_signed_amount() -> None:
    assert parse_signed_amount("-12.5") == Decimal("-12.50")
    assert parse_signed_amount("1000000") == Decimal("1000000.00")
    assert parse_signed_amount("-1000000") == Decimal("-1000000.00")
    for bad, message in [("0", "zero"), ("-0.00", "zero"), ("-1000000.01", "absolute"),
                         ("1000000.01", "absolute"), ("-1.001", "two decimals"), ("x", "number")]:
        with pytest.raises(ValidationError, match=message):
            parse_signed_amount(bad)


def test_parse_quantity_vat_and_estimated_hours() -> None:
    assert parse_quantity("2") == Decimal("2.00")
    assert parse_quantity("0,5") == Decimal("0.50")
    for bad in ("0", "-1", "100000.01", "1.001"):
        with pytest.raises(ValidationError):
            parse_quantity(bad)
    assert parse_vat_rate("22") == Decimal("22.00")
    assert parse_vat_rate("0") == Decimal("0.00")
    assert parse_vat_rate("100") == Decimal("100.00")
    for bad in ("-1", "100.01", "22.001", "x"):
        with pytest.raises(ValidationError):
            parse_vat_rate(bad)
    assert parse_estimated_hours("7.5") == Decimal("7.50")
    for bad in ("0", "-2", "10000.01", "1.125"):
        with pytest.raises(ValidationError):
            parse_estimated_hours(bad)


@pytest.mark.parametrize(("raw", "minutes"), [
    ("1", 60), ("2.5", 150), ("2,5", 150), ("2:30", 150), ("0:01", 1), ("0:15", 15),
    ("24", 1440), ("24:00", 1440), ("23:59", 1439), ("0.25", 15), (" 1:05 ", 65),
    (Decimal("1.5"), 90), (3, 180),
])
def test_parse_hours_accepts(raw: str | Decimal | int, minutes: int) -> None:
    assert parse_hours(raw) == minutes


@pytest.mark.parametrize(("raw", "message"), [
    ("0", "greater than zero"),
    ("0:00", "greater than zero"),
    ("-1", "greater than zero"),
    ("-0:30", "look like"),
    ("24:01", "24 hours"),
    ("25", "24 hours"),
    ("24.01", "whole number of minutes"),
    ("1e400", "not a number"),
    ("99999999999999999999:00", "24 hours"),
    ("1:60", "below 60"),
    ("1:75", "below 60"),
    ("1:5", "look like"),
    (":30", "look like"),
    ("1:30:00", "look like"),
    ("²:00", "look like"),  # a superscript digit: a readable error, not a crash
    ("0.001", "whole number of minutes"),
    ("abc", "not a number"),
    ("", "required"),
])
def test_parse_hours_refuses(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_hours(raw)


@given(st.integers(min_value=1, max_value=1440))
@PROPS
def test_parse_hours_round_trips(minutes: int) -> None:
    assert parse_hours(format_hours(minutes)) == minutes
    if minutes % 3 == 0:  # m/60 has a finite decimal expansion exactly when 3 divides m
        short = minutes_to_hours(minutes).normalize()
        assert parse_hours(f"{short:f}") == minutes
        assert -short.as_tuple().exponent <= 2  # type: ignore[operator]


@pytest.mark.parametrize(("minutes", "increment", "expected"), [
    (1, 15, 15), (14, 15, 15), (15, 15, 15), (16, 15, 30), (0, 15, 0), (61, 60, 120),
    (7, 1, 7), (1440, 15, 1440),
])
def test_round_up_minutes(minutes: int, increment: int, expected: int) -> None:
    assert round_up_minutes(minutes, increment) == expected


def test_round_up_minutes_needs_a_positive_increment() -> None:
    with pytest.raises(ValueError, match="positive"):
        round_up_minutes(10, 0)


@pytest.mark.parametrize(("value", "expected"), [
    ("0.125", "0.13"), ("0.124", "0.12"), ("2.675", "2.68"), ("-0.125", "-0.13"),
    ("1.005", "1.01"), ("0.004", "0.00"), ("475.8", "475.80"),
])
def test_round_cents_is_half_up(value: str, expected: str) -> None:
    assert str(round_cents(Decimal(value))) == expected
    assert amount_str(Decimal(value)) == expected


@pytest.mark.parametrize(("value", "it", "en"), [
    ("1234.56", "1.234,56\u00a0€", "€1,234.56"),
    ("0", "0,00\u00a0€", "€0.00"),
    ("0.005", "0,01\u00a0€", "€0.01"),
    ("2.675", "2,68\u00a0€", "€2.68"),
    ("475.8", "475,80\u00a0€", "€475.80"),
    ("1000000", "1.000.000,00\u00a0€", "€1,000,000.00"),
    ("1234567.891", "1.234.567,89\u00a0€", "€1,234,567.89"),
    ("-425.8", "-425,80\u00a0€", "-€425.80"),
    ("-1234.56", "-1.234,56\u00a0€", "-€1,234.56"),
])
def test_format_eur(value: str, it: str, en: str) -> None:
    assert format_eur(Decimal(value), "it") == it
    assert format_eur(Decimal(value), "en") == en
    assert format_eur(Decimal(value)) == it  # Italian by default


def test_formats_come_from_cldr() -> None:
    """Issue 17: negative money as each language writes it, "€" tied to its number by a
    no-break space where the language has a space, rates and dates by CLDR's rules."""
    from datetime import date

    from app.domain.dates import format_date

    assert format_eur(Decimal("-303.25"), "it") == "-303,25\u00a0€"
    assert format_eur(Decimal("-303.25"), "en") == "-€303.25"
    assert format_percent(Decimal("22"), "it") == format_percent(Decimal("22.00"), "en") == "22%"
    assert format_percent(Decimal("10.5"), "it") == "10,5%"
    assert format_percent(Decimal("10.50"), "en") == "10.5%"
    assert format_decimal(Decimal("-1234.5"), "it") == "-1.234,50"
    assert format_date(date(2026, 12, 7), "it") == "07/12/2026"
    assert format_date(date(2026, 12, 7), "en") == "7 Dec 2026"


def test_format_decimal_and_hours() -> None:
    assert format_decimal(Decimal("1234.5"), "it") == "1.234,50"
    assert format_decimal(Decimal("1234.5"), "en") == "1,234.50"
    assert format_decimal(Decimal("2.25"), "en", places=1) == "2.3"
    assert format_hours(75) == "1:15"
    assert format_hours(5) == "0:05"
    assert format_hours(1440) == "24:00"
    assert minutes_to_hours(90) == Decimal("1.5")


@given(amounts)
@PROPS
def test_amount_string_round_trips(value: Decimal) -> None:
    text = amount_str(value)
    assert parse_amount(text) == value
    whole, _, cents = text.partition(".")
    assert len(cents) == 2 and whole.isdigit()


@given(st.decimals(min_value=Decimal("-1000000"), max_value=Decimal("1000000"), places=4),
       st.sampled_from(["it", "en"]))
@PROPS
def test_format_eur_reads_back_as_the_half_up_cent(value: Decimal, lang: str) -> None:
    shown = format_eur(value, lang)
    sign = -1 if shown.startswith("-") else 1
    digits = shown.lstrip("-").removeprefix("€").removesuffix("€").strip()
    thousands, decimal_mark = (".", ",") if lang == "it" else (",", ".")
    digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    expected = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert sign * Decimal(digits) == expected
    # CLDR: "1,50 €" in Italian (a no-break space: the two never part), "€1.50" in English
    assert shown.endswith("\u00a0€") == (lang == "it")
    assert shown.lstrip("-").startswith("€") == (lang == "en")
    assert " " not in shown
