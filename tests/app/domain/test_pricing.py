"""Pricing rules: quote totals, billable hours and the charge at completion.

The expectations are computed here with plain integer and Decimal arithmetic, not with
the functions under test.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import QuoteKind
from app.domain.pricing import (
    agreed_amount,
    billable_minutes,
    ceiling_usage,
    compute_charge,
    fixed_totals,
    hourly_totals,
    line_amount,
    vat_on,
)

PROPS = settings(max_examples=300, deadline=None, database=None)
D = Decimal
CENT = D("0.01")


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def ceil_to(minutes: int, increment: int) -> int:
    return -(-minutes // increment) * increment


money = st.decimals(min_value=D("0.01"), max_value=D("1000000.00"), places=2)
rates = st.decimals(min_value=D("0.01"), max_value=D("2000.00"), places=2)
vat_rates = st.decimals(min_value=D("0"), max_value=D("100"), places=2)
entries = st.lists(st.integers(min_value=1, max_value=1440), max_size=12)
increments = st.sampled_from([1, 5, 6, 10, 15, 20, 30, 60])
variations = st.lists(money, max_size=4)
quantities = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2)


# -- examples ------------------------------------------------------------------------------
def test_fixed_quote_of_issue_example() -> None:
    totals = fixed_totals([(D("1"), D("59")), (D("2"), D("165.50"))], D("22"))
    assert (totals.net, totals.vat, totals.total) == (D("390.00"), D("85.80"), D("475.80"))


def test_line_amounts_round_half_up() -> None:
    assert line_amount(D("3"), D("0.335")) == D("1.01")  # 1.005 -> 1.01, never banker's 1.00
    assert line_amount(D("0.5"), D("0.05")) == D("0.03")  # 0.025 -> 0.03
    assert line_amount(D("1.5"), D("33.33")) == D("50.00")  # 49.995 -> 50.00


def test_vat_is_on_the_net_total_not_per_line() -> None:
    # per line: 0.03 x 22 % = 0.0066 -> 0.01, three times 0.03; on the net 0.09 -> 0.0198 -> 0.02
    totals = fixed_totals([(D("1"), D("0.03"))] * 3, D("22"))
    assert (totals.net, totals.vat, totals.total) == (D("0.09"), D("0.02"), D("0.11"))


def test_vat_rates() -> None:
    assert vat_on(D("100"), D("0")).total == D("100.00")
    assert vat_on(D("0.05"), D("10")).vat == D("0.01")  # 0.005 -> 0.01
    assert vat_on(D("99.99"), D("22")).vat == D("22.00")  # 21.9978
    assert vat_on(D("1000000"), D("22")).total == D("1220000.00")


def test_hourly_indicative_total() -> None:
    totals = hourly_totals(D("60"), D("5"), D("22"))
    assert (totals.net, totals.vat, totals.total) == (D("300.00"), D("66.00"), D("366.00"))
    assert hourly_totals(D("45.50"), D("2.25"), D("22")).net == D("102.38")  # 102.375


def test_each_entry_is_rounded_up_on_its_own() -> None:
    assert billable_minutes([1, 1, 1], 15) == 45  # not 15 for the 3 minutes together
    assert billable_minutes([15, 16, 0], 15) == 45
    assert billable_minutes([], 15) == 0


def test_hourly_charge_examples() -> None:
    # 2:05 + 2:00 + 1:50 -> 2:15 + 2:00 + 2:00 = 6:15 x 60 = 375 above the 300 ceiling
    over = compute_charge(kind="hourly", quote_net=D("300"), vat_rate=D("22"), hourly_rate=D("60"),
                          entries_minutes=[125, 120, 110], agreed_variations=[], increment=15)
    assert over.billable_minutes == 375 and over.logged_minutes == 355
    assert over.work_amount == D("375.00") and over.capped
    assert (over.net, over.vat, over.total) == (D("300.00"), D("66.00"), D("366.00"))
    # a variation agreed at 340 lifts the ceiling; the last agreed one counts
    lifted = compute_charge(kind="hourly", quote_net=D("300"), vat_rate=D("22"),
                            hourly_rate=D("60"), entries_minutes=[125, 120, 110],
                            agreed_variations=[D("400"), D("340")], increment=15)
    assert (lifted.ceiling, lifted.net, lifted.total) == (D("340"), D("340.00"), D("414.80"))
    # under the ceiling: billable hours x rate
    under = compute_charge(kind="hourly", quote_net=D("300"), vat_rate=D("22"),
                           hourly_rate=D("60"), entries_minutes=[50], agreed_variations=[],
                           increment=15)
    assert (under.net, under.capped) == (D("60.00"), False)


def test_fixed_charge_examples() -> None:
    plain = compute_charge(kind=QuoteKind.FIXED, quote_net=D("390"), vat_rate=D("22"),
                           hourly_rate=None, entries_minutes=[600], agreed_variations=[],
                           increment=15)
    assert (plain.net, plain.vat, plain.total, plain.capped) == (D("390.00"), D("85.80"),
                                                                D("475.80"), False)
    varied = compute_charge(kind="fixed", quote_net=D("390"), vat_rate=D("22"), hourly_rate=None,
                            entries_minutes=[60], agreed_variations=[D("500"), D("450")],
                            increment=15)
    assert varied.net == D("450.00")  # the new agreed amount, not 390 + 500 + 450


def test_hourly_needs_a_rate_and_kind_must_be_known() -> None:
    with pytest.raises(ValueError, match="rate"):
        compute_charge(kind="hourly", quote_net=D("1"), vat_rate=D("22"), hourly_rate=None,
                       entries_minutes=[15], agreed_variations=[], increment=15)
    with pytest.raises(ValueError):
        compute_charge(kind="flat", quote_net=D("1"), vat_rate=D("22"), hourly_rate=None,
                       entries_minutes=[15], agreed_variations=[], increment=15)


def test_ceiling_usage() -> None:
    assert ceiling_usage(D("240"), D("300")) == D("0.8")
    assert ceiling_usage(D("375"), D("300")) == D("1.25")
    assert ceiling_usage(D("1"), D("0")) == D("1")


# -- properties ----------------------------------------------------------------------------
@given(rate=rates, quote_net=money, vat_rate=vat_rates, minutes=entries, increment=increments,
       agreed=variations)
@PROPS
def test_hourly_charge_rules(rate: Decimal, quote_net: Decimal, vat_rate: Decimal,
                             minutes: list[int], increment: int, agreed: list[Decimal]) -> None:
    charge = compute_charge(kind="hourly", quote_net=quote_net, vat_rate=vat_rate,
                            hourly_rate=rate, entries_minutes=minutes, agreed_variations=agreed,
                            increment=increment)
    billable = sum(ceil_to(m, increment) for m in minutes)
    work = half_up(D(billable) * rate / 60)
    ceiling = agreed[-1] if agreed else quote_net
    assert charge.billable_minutes == billable
    assert charge.logged_minutes == sum(minutes)
    assert charge.work_amount == work
    assert charge.ceiling == ceiling
    # never above the agreed ceiling, never above billable hours x rate, one of the two
    assert charge.net <= ceiling
    assert charge.net <= work
    assert charge.net == min(work, ceiling)
    assert charge.capped is (work > ceiling)
    # VAT once, on the net, half-up; the total is their sum; all to the cent
    assert charge.vat == half_up(charge.net * vat_rate / 100)
    assert charge.total == charge.net + charge.vat
    for amount in (charge.net, charge.vat, charge.total):
        assert amount == amount.quantize(CENT)


@given(minutes=entries, increment=increments)
@PROPS
def test_each_entry_rounded_up_to_the_increment(minutes: list[int], increment: int) -> None:
    billable = billable_minutes(minutes, increment)
    assert billable % increment == 0
    assert sum(minutes) <= billable < sum(minutes) + increment * max(len(minutes), 1)
    assert billable == sum(billable_minutes([m], increment) for m in minutes)
    for m in minutes:
        single = billable_minutes([m], increment)
        assert m <= single < m + increment and single % increment == 0


@given(quote_net=money, vat_rate=vat_rates, minutes=entries, increment=increments,
       agreed=variations)
@PROPS
def test_fixed_charge_is_the_last_agreed_amount(quote_net: Decimal, vat_rate: Decimal,
                                                minutes: list[int], increment: int,
                                                agreed: list[Decimal]) -> None:
    charge = compute_charge(kind="fixed", quote_net=quote_net, vat_rate=vat_rate,
                            hourly_rate=None, entries_minutes=minutes, agreed_variations=agreed,
                            increment=increment)
    expected = agreed[-1] if agreed else quote_net
    assert charge.net == expected == agreed_amount(quote_net, agreed)
    assert charge.vat == half_up(expected * vat_rate / 100)
    assert charge.total == charge.net + charge.vat
    assert not charge.capped and charge.work_amount is None


@given(lines=st.lists(st.tuples(quantities, money), min_size=1, max_size=10), vat_rate=vat_rates)
@PROPS
def test_fixed_totals_sum_half_up_lines(lines: list[tuple[Decimal, Decimal]],
                                        vat_rate: Decimal) -> None:
    totals = fixed_totals(lines, vat_rate)
    net = sum((half_up(q * p) for q, p in lines), D("0"))
    assert totals.net == net
    assert totals.vat == half_up(net * vat_rate / 100)
    assert totals.total == totals.net + totals.vat


@given(rate=rates, hours=st.decimals(min_value=D("0.01"), max_value=D("10000"), places=2),
       vat_rate=vat_rates)
@PROPS
def test_hourly_totals_are_rate_times_hours(rate: Decimal, hours: Decimal,
                                            vat_rate: Decimal) -> None:
    totals = hourly_totals(rate, hours, vat_rate)
    assert totals.net == half_up(rate * hours)
    assert totals.vat == half_up(totals.net * vat_rate / 100)
    assert totals.total == totals.net + totals.vat


def test_work_value_multiplies_before_dividing() -> None:
    # 1730 min x 1896.63 / 60 = 54686.165 exactly: half-up gives .17 (hours first gave .16)
    charge = compute_charge(kind="hourly", quote_net=D("100000"), vat_rate=D("0"),
                            hourly_rate=D("1896.63"), entries_minutes=[1730],
                            agreed_variations=[], increment=5)
    assert charge.work_amount == D("54686.17")
