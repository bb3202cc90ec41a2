"""What the quote composer (GUI or CLI) hands in for a draft, and its validation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain.enums import LANGUAGES, QuoteKind
from app.domain.errors import ValidationError, phrase
from app.domain.money import (
    parse_amount,
    parse_estimated_hours,
    parse_quantity,
    parse_vat_rate,
)
from app.domain.pricing import Totals, fixed_totals, hourly_totals
from app.domain.vat_point import check_nature
from app.services.common import MAX_TEXT, clean_text

MAX_LINES = 200
#: the longest description of a quote line
MAX_LINE_DESCRIPTION = 1000
MAX_VALIDITY_DAYS = 366


@dataclass(frozen=True)
class LineInput:
    """A line as typed; with ``item`` (a price-list code) an empty description or unit
    price is the item's (:func:`app.services.catalogue.resolve_lines`)."""

    description: str
    quantity: Decimal | str
    unit_price: Decimal | str
    item: str | None = None


@dataclass(frozen=True)
class QuoteInput:
    """What the composer (GUI or CLI) hands in for a draft."""

    kind: str
    valid_until: date
    lines: Sequence[LineInput] = ()
    hourly_rate: Decimal | str | None = None
    estimated_hours: Decimal | str | None = None
    vat_rate: Decimal | str | None = None
    notes: str = ""
    lang: str | None = None
    #: at 0 % VAT: the nature (a key of app.domain.invoices.NATURES) and, if not the
    #: nature's own, the legal reference (app/domain/vat_point.py check_nature)
    nature: str | None = None
    legal_reference: str | None = None


@dataclass(frozen=True)
class CleanQuote:
    """A quote input checked and parsed, with its totals."""

    kind: QuoteKind
    valid_until: date
    lines: tuple[tuple[str, Decimal, Decimal], ...]
    hourly_rate: Decimal | None
    estimated_hours: Decimal | None
    vat_rate: Decimal
    notes: str
    lang: str | None
    totals: Totals
    #: each line's price-list item id (None: typed by hand); empty: none of them
    items: tuple[int | None, ...] = ()
    nature: str | None = None
    legal_reference: str | None = None


def parse_line(text: str) -> LineInput:
    """``"DESCRIPTION;QTY;UNIT_PRICE"`` as given on the command line."""
    parts = text.rsplit(";", 2)
    if len(parts) != 3:
        raise ValidationError.of("a line must be DESCRIPTION;QTY;UNIT_PRICE: {text!r}", text=text)
    return LineInput(parts[0], parts[1], parts[2])


def parse_item(text: str) -> LineInput:
    """``"CODE[:QTY]"`` as given on the command line: a line of a price-list item, at its
    description and list price (quantity 1 unless given)."""
    code, _, quantity = text.partition(":")
    if not code.strip() or (_ and not quantity.strip()):
        raise ValidationError.of("an item must be CODE or CODE:QTY: {text!r}", text=text)
    return LineInput("", quantity.strip() or "1", "", item=code.strip())


def validate(data: QuoteInput, today: date, default_vat: Decimal) -> CleanQuote:
    try:
        kind = QuoteKind(data.kind)
    except ValueError:
        raise ValidationError.of("quote kind must be fixed or hourly: {kind!r}", kind=data.kind) from None
    if data.valid_until < today:
        raise ValidationError.of(
            "the validity date {valid_until} is in the past", valid_until=data.valid_until
        )
    if data.valid_until > today + timedelta(days=MAX_VALIDITY_DAYS):
        raise ValidationError.of("the validity date is more than a year away")
    vat_rate = parse_vat_rate(data.vat_rate) if data.vat_rate not in (None, "") else default_vat
    nature, reference = check_nature(vat_rate, data.nature, data.legal_reference)
    notes = clean_text(data.notes, phrase("notes"), MAX_TEXT, required=False)
    if data.lang is not None and data.lang not in LANGUAGES:
        raise ValidationError.of("language must be it or en: {lang!r}", lang=data.lang)
    if kind is QuoteKind.FIXED:
        if not data.lines:
            raise ValidationError.of("a fixed-price quote needs at least one line")
        if len(data.lines) > MAX_LINES:
            raise ValidationError.of("a quote has at most {max_lines} lines", max_lines=MAX_LINES)
        lines = tuple(
            (
                clean_text(line.description, phrase("line {index} description", index=i),
                           MAX_LINE_DESCRIPTION),
                parse_quantity(line.quantity, phrase("line {index} quantity", index=i)),
                parse_amount(line.unit_price, phrase("line {index} unit price", index=i)),
            )
            for i, line in enumerate(data.lines, start=1)
        )
        totals = fixed_totals(((q, p) for _, q, p in lines), vat_rate)
        if totals.net > Decimal("1000000"):
            raise ValidationError.of(
                "the quote's net total must not exceed 1,000,000.00: {net}", net=totals.net
            )
        return CleanQuote(kind, data.valid_until, lines, None, None, vat_rate, notes, data.lang,
                          totals, nature=nature, legal_reference=reference)
    if data.lines:
        raise ValidationError.of("an hourly quote has a rate and estimated hours, not lines")
    if data.hourly_rate in (None, ""):
        raise ValidationError.of("an hourly quote needs an hourly rate")
    if data.estimated_hours in (None, ""):
        raise ValidationError.of("an hourly quote needs the estimated hours")
    rate = parse_amount(data.hourly_rate, phrase("hourly rate"))
    hours = parse_estimated_hours(data.estimated_hours)
    totals = hourly_totals(rate, hours, vat_rate)
    if totals.net > Decimal("1000000"):
        raise ValidationError.of(
            "the indicative net total must not exceed 1,000,000.00: {net}", net=totals.net
        )
    return CleanQuote(kind, data.valid_until, (), rate, hours, vat_rate, notes, data.lang, totals,
                      nature=nature, legal_reference=reference)
