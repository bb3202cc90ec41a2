"""Issue 17: the work not charged because the ceiling caps the charge, one figure for the
Work tab, the completion dialog, the warning after logging work and the preview."""

from __future__ import annotations

from decimal import Decimal

from app.domain.pricing import NOTHING_OVER, OverCeiling, compute_charge, over_ceiling


def test_under_at_and_over_the_ceiling() -> None:
    rate, ceiling = Decimal("60"), Decimal("300.00")
    assert over_ceiling(240, rate, ceiling) == NOTHING_OVER
    assert over_ceiling(300, rate, ceiling) == NOTHING_OVER  # exactly the ceiling
    assert over_ceiling(345, rate, ceiling) == OverCeiling(45, Decimal("45.00"))


def test_a_fixed_price_has_nothing_over() -> None:
    assert over_ceiling(900, None, Decimal("100.00")) == NOTHING_OVER
    assert over_ceiling(900, Decimal("60"), None) == NOTHING_OVER


def test_minutes_are_the_amount_over_at_the_rate_rounded() -> None:
    # 55.00/h, ceiling 100.00: 2:00 billable is worth 110.00, 10.00 over = 10.9 minutes
    assert over_ceiling(120, Decimal("55"), Decimal("100.00")) == OverCeiling(
        11, Decimal("10.00"))


def test_it_agrees_with_the_charge() -> None:
    """What is charged plus what is not is the work's value."""
    charge = compute_charge(kind="hourly", quote_net=Decimal("300.00"), vat_rate=Decimal("22"),
                            hourly_rate=Decimal("60"), entries_minutes=[125, 120, 110],
                            agreed_variations=[], increment=15)
    over = over_ceiling(charge.billable_minutes, charge.hourly_rate, charge.ceiling)
    assert charge.capped and charge.net + over.amount == charge.work_amount
    assert over == OverCeiling(75, Decimal("75.00"))
