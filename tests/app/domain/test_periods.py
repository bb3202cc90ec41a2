"""Local days and months as stored instants (naive UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.domain.errors import ValidationError
from app.domain.periods import Period, add_months, local_day, local_midnight, local_time

ROME_WINTER = timezone(timedelta(hours=1))
ROME_SUMMER = timezone(timedelta(hours=2))


def test_local_midnight_is_the_utc_instant_the_day_starts() -> None:
    assert local_midnight(date(2026, 12, 1), ROME_WINTER) == datetime(2026, 11, 30, 23, 0)
    assert local_midnight(date(2026, 7, 1), ROME_SUMMER) == datetime(2026, 6, 30, 22, 0)
    assert local_midnight(date(2026, 7, 1), UTC) == datetime(2026, 7, 1)


def test_a_stored_instant_in_local_time() -> None:
    late = datetime(2026, 11, 30, 23, 30)  # UTC
    assert local_time(late, ROME_WINTER) == datetime(2026, 12, 1, 0, 30)
    assert local_day(late, ROME_WINTER) == date(2026, 12, 1)
    assert local_day(late, UTC) == date(2026, 11, 30)


def test_period_bounds_cover_whole_local_days() -> None:
    start, end = Period.of(date(2026, 11, 1), date(2026, 11, 30)).bounds(ROME_WINTER)
    assert start == datetime(2026, 10, 31, 23, 0)
    assert end == datetime(2026, 11, 30, 23, 0)


def test_months_of_a_period() -> None:
    period = Period.of(date(2026, 11, 15), date(2027, 2, 3))
    assert period.months() == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1),
                               date(2027, 2, 1)]
    bounds = period.month_bounds(ROME_WINTER)
    assert [key for key, _ in bounds] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert bounds[0][1] == datetime(2026, 11, 14, 23, 0)  # the period's own start
    assert bounds[1][1] == datetime(2026, 11, 30, 23, 0)


def test_add_months_crosses_years() -> None:
    assert add_months(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 1)
    assert add_months(date(2026, 3, 1), -14) == date(2025, 1, 1)


def test_a_period_ends_after_it_starts_and_is_not_endless() -> None:
    Period.of(date(2026, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="ends"):
        Period.of(date(2026, 1, 2), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="ten years"):
        Period.of(date(2000, 1, 1), date(2026, 1, 1))
