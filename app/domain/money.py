"""Money and quantities: ``Decimal`` in EUR, rounded half-up to the cent.

Every number a person types into RIT Desk (an amount, a quantity, a VAT rate, hours, a
whole-number setting) goes through the parse functions here, so the same rules hold on
the command line, in the GUI and in the services:

- ASCII digits ``0-9`` only (no Arabic-Indic, full-width or superscript digits), no
  exponent (``1e3``), no ``_`` or spaces inside, no ``nan``/``inf``;
- at most one decimal separator: ``.``, or ``,`` where the language writes it (the
  services and the command line take either; the GUI passes its language: Italian
  ``1.500,50``, English ``1,500.50``, thousands grouped the local way or not at all);
- a leading minus only where a signed amount is allowed, at most two decimals for money.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from app.domain import cldr
from app.domain.errors import ValidationError, phrase

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("1000000.00")
MAX_MINUTES_PER_ENTRY = 24 * 60
VAT_RATE = phrase("VAT rate")
ESTIMATED_HOURS = phrase("estimated hours")

_NUMBER = re.compile(r"(-?)([0-9]+)(?:([.,])([0-9]+))?", re.ASCII)
_CLOCK = re.compile(r"([0-9]+):([0-9]{2})", re.ASCII)
_WHOLE = re.compile(r"[0-9]+", re.ASCII)
#: language -> (the decimal separators it writes, a number grouped by thousands, the group mark)
_LANGUAGES: dict[str | None, tuple[str, re.Pattern[str] | None, str]] = {
    None: (".,", None, ""),
    "it": (",.", re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?", re.ASCII), "."),
    "en": (".", re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", re.ASCII), ","),
}


def round_cents(value: Decimal) -> Decimal:
    """Round half-up to the cent (the one rounding policy for money)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _number(raw: str | Decimal | int, what: str, lang: str | None) -> tuple[Decimal, int]:
    """The value of a typed number and how many decimals it was written with.

    ``lang`` None accepts ``.`` or ``,`` as the decimal separator and no grouping; "it"
    and "en" accept what that language writes (and a leading or trailing euro sign).
    """
    if isinstance(raw, bool):
        raise ValidationError.of("{what} is not a number: {raw!r}", what=what, raw=raw)
    if isinstance(raw, Decimal | int):
        value = Decimal(raw)
        if not value.is_finite():
            raise ValidationError.of("{what} is not a number: {raw!r}", what=what, raw=raw)
        exponent = value.normalize().as_tuple().exponent
        return value, max(0, -exponent) if isinstance(exponent, int) else 0
    text = str(raw).strip()
    if lang is not None:
        text = text.removeprefix("€").removesuffix("€").strip()
    if not text:
        raise ValidationError.of("{what} is required", what=what)
    separators, grouped, mark = _LANGUAGES.get(lang, _LANGUAGES[None])
    if grouped is not None and grouped.fullmatch(text):
        text = text.replace(mark, "")
    found = _NUMBER.fullmatch(text)
    if found is None or (found.group(3) is not None and found.group(3) not in separators):
        raise ValidationError.of("{what} is not a number: {raw!r}", what=what, raw=raw)
    sign, whole, _, decimals = found.groups()
    value = Decimal(f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}")
    return value, len(decimals or "")


def _cents(raw: str | Decimal | int, what: str, lang: str | None) -> Decimal:
    """A number with at most two decimals."""
    value, decimals = _number(raw, what, lang)
    if decimals > 2:
        raise ValidationError.of("{what} has more than two decimals: {value}", what=what,
                                 value=raw if isinstance(raw, str) else value)
    return value


def parse_amount(raw: str | Decimal | int, what: str = phrase("amount"), *,
                 lang: str | None = None) -> Decimal:
    """A positive amount in EUR: > 0, <= 1,000,000, at most two decimals."""
    value = _cents(raw, what, lang)
    if value <= 0:
        raise ValidationError.of("{what} must be greater than zero: {value}", what=what, value=value)
    if value > MAX_AMOUNT:
        raise ValidationError.of("{what} must not exceed 1,000,000.00: {value}", what=what, value=value)
    return value.quantize(CENT)


def parse_threshold(raw: str | Decimal | int, what: str = phrase("amount"), *,
                    lang: str | None = None) -> Decimal:
    """An amount that may be zero (a threshold: 0 switches it off), else as :func:`parse_amount`."""
    value = _cents(raw, what, lang)
    return ZERO if value == 0 else parse_amount(value, what, lang=lang)


def parse_signed_amount(raw: str | Decimal | int, what: str = phrase("amount"), *,
                        lang: str | None = None) -> Decimal:
    """A non-zero signed amount (adjustments): |value| within the same limits."""
    value = _cents(raw, what, lang)
    if value == 0:
        raise ValidationError.of("{what} must not be zero", what=what)
    if abs(value) > MAX_AMOUNT:
        raise ValidationError.of(
            "{what} must not exceed 1,000,000.00 in absolute value: {value}", what=what, value=value
        )
    return value.quantize(CENT)


def parse_quantity(raw: str | Decimal | int, what: str = phrase("quantity"), *,
                   lang: str | None = None) -> Decimal:
    """A line quantity: > 0, at most two decimals, at most 100,000."""
    value = _cents(raw, what, lang)
    if value <= 0:
        raise ValidationError.of("{what} must be greater than zero: {value}", what=what, value=value)
    if value > Decimal("100000"):
        raise ValidationError.of("{what} must not exceed 100,000: {value}", what=what, value=value)
    return value.quantize(CENT)


def parse_vat_rate(raw: str | Decimal | int, *, lang: str | None = None) -> Decimal:
    """A VAT rate in percent, 0 to 100, at most two decimals."""
    if isinstance(raw, str) and lang is not None:
        raw = raw.strip().removesuffix("%")
    value = _cents(raw, VAT_RATE, lang)
    if value < 0 or value > 100:
        raise ValidationError.of("VAT rate must be between 0 and 100: {value}", value=value)
    return value.quantize(CENT)


def parse_hours(raw: str | Decimal | int, what: str = phrase("hours"), *,
                lang: str | None = None) -> int:
    """Hours as ``H``, ``H.h`` (``H,h``) or ``H:MM``; returns whole minutes, > 0 and <= 24 h."""
    text = raw.strip() if isinstance(raw, str) else None
    if text is not None and ":" in text:
        found = _CLOCK.fullmatch(text)
        if found is None:
            raise ValidationError.of("{what} must look like 2:30 or 2.5: {raw!r}", what=what, raw=raw)
        minutes_value = int(found.group(2))
        if minutes_value >= 60:
            raise ValidationError.of("{what}: minutes must be below 60: {raw!r}", what=what, raw=raw)
        hours = found.group(1).lstrip("0") or "0"
        minutes = (int(hours) if len(hours) < 6 else MAX_MINUTES_PER_ENTRY) * 60 + minutes_value
    else:
        value, _ = _number(raw, what, lang)
        exact = value * 60
        if exact != exact.to_integral_value():
            raise ValidationError.of("{what} must be a whole number of minutes: {raw!r}", what=what, raw=raw)
        minutes = int(exact)
    if minutes <= 0:
        raise ValidationError.of("{what} must be greater than zero: {raw!r}", what=what, raw=raw)
    if minutes > MAX_MINUTES_PER_ENTRY:
        raise ValidationError.of("{what} must not exceed 24 hours in one entry: {raw!r}", what=what, raw=raw)
    return minutes


def parse_estimated_hours(raw: str | Decimal | int, *, lang: str | None = None) -> Decimal:
    """Estimated hours on an hourly quote: > 0, <= 10,000, at most two decimals."""
    value = _cents(raw, ESTIMATED_HOURS, lang)
    if value <= 0:
        raise ValidationError.of("estimated hours must be greater than zero: {value}", value=value)
    if value > 10000:
        raise ValidationError.of("estimated hours must not exceed 10,000: {value}", value=value)
    return value.quantize(CENT)


def parse_whole(raw: str | int, what: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` (settings, page sizes): ASCII digits only."""
    text = "" if isinstance(raw, bool) else str(raw).strip()
    # (a length check first: int() refuses strings of more than 4,300 digits)
    if (_WHOLE.fullmatch(text) is None or len(text.lstrip("0")) > len(str(high))
            or not low <= int(text) <= high):
        raise ValidationError.of("{what} must be a whole number from {low} to {high}: {raw!r}",
                                 what=what, low=low, high=high, raw=raw)
    return int(text)


def round_up_minutes(minutes: int, increment: int) -> int:
    """Round a duration up to the billing increment (15 minutes by default)."""
    if increment <= 0:
        raise ValueError("billing increment must be positive")
    blocks = (Decimal(minutes) / Decimal(increment)).to_integral_value(rounding=ROUND_CEILING)
    return int(blocks) * increment


def minutes_to_hours(minutes: int) -> Decimal:
    """Exact hours for a number of minutes (no rounding beyond Decimal's precision)."""
    return Decimal(minutes) / Decimal(60)


def format_hours(minutes: int) -> str:
    """``H:MM`` for a duration in minutes."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def amount_str(value: Decimal) -> str:
    """The canonical string of an amount for JSON and storage: ``"475.80"``."""
    return str(round_cents(value))


def format_eur(value: Decimal, lang: str = "it") -> str:
    """Money as the language writes it (CLDR): ``1.234,56 €``, ``-303,25 €`` (it) or
    ``€1,234.56``, ``-€303.25`` (en); a no-break space where the language has a space."""
    return cldr.money(round_cents(value), lang)


def format_percent(value: Decimal, lang: str = "it") -> str:
    """A rate as screens and documents both write it (CLDR), without useless zeros:
    ``22%``, ``10,5%`` (it) or ``10.5%`` (en)."""
    return cldr.percent(value, lang)


def format_decimal(value: Decimal, lang: str = "it", places: int = 2) -> str:
    """A plain number written the local way (quantities, hours, rates), CLDR's separators."""
    return cldr.number(value, lang, places)
