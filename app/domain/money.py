"""Money and quantities: ``Decimal`` in EUR, rounded half-up to the cent.

Every amount that enters RIT Desk goes through :func:`parse_amount` (or one of its
siblings) so the same limits hold on the command line, in the GUI and in the services.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.errors import ValidationError, phrase

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_AMOUNT = Decimal("1000000.00")
MAX_MINUTES_PER_ENTRY = 24 * 60
VAT_RATE = phrase("VAT rate")
ESTIMATED_HOURS = phrase("estimated hours")


def round_cents(value: Decimal) -> Decimal:
    """Round half-up to the cent (the one rounding policy for money)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _to_decimal(raw: str | Decimal | int, what: str) -> Decimal:
    if isinstance(raw, Decimal):
        value = raw
    else:
        text = str(raw).strip().replace(" ", "")
        if not text:
            raise ValidationError.of("{what} is required", what=what)
        # Accept the Italian decimal comma ("1234,50") as well as the dot.
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError.of("{what} is not a number: {raw!r}", what=what, raw=raw) from None
    if not value.is_finite():
        raise ValidationError.of("{what} is not a number: {raw!r}", what=what, raw=raw)
    return value


def _check_cents(value: Decimal, what: str) -> None:
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValidationError.of("{what} has more than two decimals: {value}", what=what, value=value)


def parse_amount(raw: str | Decimal | int, what: str = phrase("amount")) -> Decimal:
    """A positive amount in EUR: > 0, <= 1,000,000, at most two decimals."""
    value = _to_decimal(raw, what)
    _check_cents(value, what)
    if value <= 0:
        raise ValidationError.of("{what} must be greater than zero: {value}", what=what, value=value)
    if value > MAX_AMOUNT:
        raise ValidationError.of("{what} must not exceed 1,000,000.00: {value}", what=what, value=value)
    return value.quantize(CENT)


def parse_signed_amount(raw: str | Decimal | int, what: str = phrase("amount")) -> Decimal:
    """A non-zero signed amount (adjustments): |value| within the same limits."""
    value = _to_decimal(raw, what)
    _check_cents(value, what)
    if value == 0:
        raise ValidationError.of("{what} must not be zero", what=what)
    if abs(value) > MAX_AMOUNT:
        raise ValidationError.of(
            "{what} must not exceed 1,000,000.00 in absolute value: {value}", what=what, value=value
        )
    return value.quantize(CENT)


def parse_quantity(raw: str | Decimal | int, what: str = phrase("quantity")) -> Decimal:
    """A line quantity: > 0, at most two decimals, at most 100,000."""
    value = _to_decimal(raw, what)
    _check_cents(value, what)
    if value <= 0:
        raise ValidationError.of("{what} must be greater than zero: {value}", what=what, value=value)
    if value > Decimal("100000"):
        raise ValidationError.of("{what} must not exceed 100,000: {value}", what=what, value=value)
    return value.quantize(CENT)


def parse_vat_rate(raw: str | Decimal | int) -> Decimal:
    """A VAT rate in percent, 0 to 100, at most two decimals."""
    value = _to_decimal(raw, VAT_RATE)
    _check_cents(value, VAT_RATE)
    if value < 0 or value > 100:
        raise ValidationError.of("VAT rate must be between 0 and 100: {value}", value=value)
    return value.quantize(CENT)


def parse_hours(raw: str | Decimal | int, what: str = phrase("hours")) -> int:
    """Hours as ``H``, ``H.h`` or ``H:MM``; returns whole minutes, > 0 and <= 24 h."""
    text = str(raw).strip()
    if not text:
        raise ValidationError.of("{what} is required", what=what)
    if ":" in text:
        hours_part, _, minutes_part = text.partition(":")
        if not (hours_part.isascii() and hours_part.isdigit() and minutes_part.isascii()
                and minutes_part.isdigit() and len(minutes_part) == 2):
            raise ValidationError.of("{what} must look like 2:30 or 2.5: {raw!r}", what=what, raw=raw)
        minutes_value = int(minutes_part)
        if minutes_value >= 60:
            raise ValidationError.of("{what}: minutes must be below 60: {raw!r}", what=what, raw=raw)
        minutes = int(hours_part) * 60 + minutes_value
    else:
        value = _to_decimal(text, what)
        exact = value * 60
        if exact != exact.to_integral_value():
            raise ValidationError.of("{what} must be a whole number of minutes: {raw!r}", what=what, raw=raw)
        minutes = int(exact)
    if minutes <= 0:
        raise ValidationError.of("{what} must be greater than zero: {raw!r}", what=what, raw=raw)
    if minutes > MAX_MINUTES_PER_ENTRY:
        raise ValidationError.of("{what} must not exceed 24 hours in one entry: {raw!r}", what=what, raw=raw)
    return minutes


def parse_estimated_hours(raw: str | Decimal | int) -> Decimal:
    """Estimated hours on an hourly quote: > 0, <= 10,000, at most two decimals."""
    value = _to_decimal(raw, ESTIMATED_HOURS)
    _check_cents(value, ESTIMATED_HOURS)
    if value <= 0:
        raise ValidationError.of("estimated hours must be greater than zero: {value}", value=value)
    if value > 10000:
        raise ValidationError.of("estimated hours must not exceed 10,000: {value}", value=value)
    return value.quantize(CENT)


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
    """Money written the local way: ``€ 1.234,56`` (it) or ``€1,234.56`` (en)."""
    rounded = round_cents(value)
    sign = "-" if rounded < 0 else ""
    grouped = f"{abs(rounded):,.2f}"  # 1,234.56
    if lang == "it":
        grouped = grouped.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"{sign}€ {grouped}"
    return f"{sign}€{grouped}"


def format_decimal(value: Decimal, lang: str = "it", places: int = 2) -> str:
    """A plain number written the local way (quantities, hours, rates)."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if lang == "it":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
