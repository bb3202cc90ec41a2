"""Pricing rules: quote totals, billable hours, the charge at completion."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.enums import QuoteKind
from app.domain.money import ZERO, round_cents, round_up_minutes
from app.domain.vat_point import CHARGE, TOPUP


@dataclass(frozen=True)
class Totals:
    net: Decimal
    vat: Decimal
    total: Decimal


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return round_cents(quantity * unit_price)


def vat_on(net: Decimal, vat_rate: Decimal) -> Totals:
    """VAT is computed once, on the net total, rounded half-up."""
    vat = round_cents(net * vat_rate / Decimal(100))
    return Totals(net=round_cents(net), vat=vat, total=round_cents(net) + vat)


def fixed_totals(lines: Iterable[tuple[Decimal, Decimal]], vat_rate: Decimal) -> Totals:
    net = sum((line_amount(q, p) for q, p in lines), ZERO)
    return vat_on(net, vat_rate)


def hourly_totals(rate: Decimal, estimated_hours: Decimal, vat_rate: Decimal) -> Totals:
    """The indicative total of an hourly quote: estimated hours x rate."""
    return vat_on(round_cents(rate * estimated_hours), vat_rate)


def work_value(minutes: int, hourly_rate: Decimal) -> Decimal:
    """Minutes x hourly rate, rounded half-up to the cent.

    Multiplied before dividing by 60, so the product is exact before the one rounding
    (1730 min x 1896.63 = 54686.165 exactly -> 54686.17; hours first would give .16).
    """
    return round_cents(Decimal(minutes) * hourly_rate / Decimal(60))


def billable_minutes(entries_minutes: Iterable[int], increment: int) -> int:
    """Each entry rounded up to the billing increment, then summed."""
    return sum(round_up_minutes(m, increment) for m in entries_minutes)


@dataclass(frozen=True)
class ChargeBreakdown:
    kind: QuoteKind
    logged_minutes: int
    billable_minutes: int
    increment: int
    hourly_rate: Decimal | None
    work_amount: Decimal | None  # hourly: billable hours x rate before the ceiling
    ceiling: Decimal  # fixed: the agreed amount; hourly: the agreed ceiling
    capped: bool
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal  # what is taken from the credit
    vat_point: str = CHARGE  # topup: the VAT was paid on the top-up, none here


def agreed_amount(quote_net: Decimal, agreed_variations: Sequence[Decimal]) -> Decimal:
    """The last agreed variation replaces the earlier amount (variations are not deltas)."""
    return agreed_variations[-1] if agreed_variations else quote_net


def compute_charge(
    *,
    kind: QuoteKind | str,
    quote_net: Decimal,
    vat_rate: Decimal,
    hourly_rate: Decimal | None,
    entries_minutes: Sequence[int],
    agreed_variations: Sequence[Decimal],
    increment: int,
    vat_point: str = CHARGE,
) -> ChargeBreakdown:
    """The charge at completion.

    - fixed: the quoted net total, or the amount of the last agreed variation;
    - hourly: billable hours x rate, never above the agreed ceiling (the indicative
      total, or the amount of the last agreed variation).

    At the ``topup`` VAT point the credit is net of VAT: the charge carries no VAT and
    takes the net (total = net); at ``charge`` it takes net + VAT at the quote's rate.
    """
    kind = QuoteKind(kind)
    logged = sum(entries_minutes)
    billable = billable_minutes(entries_minutes, increment)
    ceiling = agreed_amount(quote_net, agreed_variations)
    if kind is QuoteKind.FIXED:
        totals = _at_point(vat_on(ceiling, vat_rate), vat_point)
        return ChargeBreakdown(kind, logged, billable, increment, None, None, ceiling, False,
                               vat_rate, totals.net, totals.vat, totals.total, vat_point)
    if hourly_rate is None:
        raise ValueError("an hourly quote needs a rate")
    work_amount = work_value(billable, hourly_rate)
    capped = work_amount > ceiling
    totals = _at_point(vat_on(min(work_amount, ceiling), vat_rate), vat_point)
    return ChargeBreakdown(kind, logged, billable, increment, hourly_rate, work_amount, ceiling,
                           capped, vat_rate, totals.net, totals.vat, totals.total, vat_point)


def _at_point(totals: Totals, vat_point: str) -> Totals:
    if vat_point == TOPUP:
        return Totals(net=totals.net, vat=ZERO, total=totals.net)
    if vat_point != CHARGE:
        raise ValueError(f"unknown VAT point {vat_point!r}")
    return totals


def ceiling_usage(work_amount: Decimal, ceiling: Decimal) -> Decimal:
    """Share of the agreed ceiling already used (1 = 100 %); the UI warns at 0.8 and 1."""
    if ceiling <= 0:
        return Decimal(1)
    return work_amount / ceiling


@dataclass(frozen=True)
class OverCeiling:
    """Hourly work beyond the agreed ceiling: what it is worth and its billable minutes,
    none of which will be charged (the ceiling is)."""

    minutes: int
    amount: Decimal


NOTHING_OVER = OverCeiling(0, ZERO)


def over_ceiling(billable: int, hourly_rate: Decimal | None, ceiling: Decimal | None
                 ) -> OverCeiling:
    """The billable work that will not be charged because the ceiling caps the charge
    (nothing for a fixed price): the work value above the ceiling, and the minutes it
    stands for (rounded to the nearest minute). The Work tab, the completion dialog,
    the warning after logging work and ``requests preview`` all show this one figure."""
    if hourly_rate is None or ceiling is None or hourly_rate <= 0:
        return NOTHING_OVER
    amount = work_value(billable, hourly_rate) - ceiling
    if amount <= 0:
        return NOTHING_OVER
    minutes = min(billable, int((amount * 60 / hourly_rate).to_integral_value(ROUND_HALF_UP)))
    return OverCeiling(minutes, amount)
