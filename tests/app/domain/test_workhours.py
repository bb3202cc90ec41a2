"""Working hours: Monday to Friday, 09:00 to 18:00."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.workhours import working_hours_before


def test_within_one_day() -> None:
    assert working_hours_before(datetime(2026, 3, 4, 15, 0), 4) == datetime(2026, 3, 4, 11, 0)


def test_over_the_night_and_the_weekend() -> None:
    monday_noon = datetime(2026, 3, 9, 12, 0)  # a Monday
    # 3 h on Monday morning, then back to Friday 17:00
    assert working_hours_before(monday_noon, 4) == datetime(2026, 3, 6, 17, 0)
    # Monday 08:00 and Sunday count from Friday's close
    assert working_hours_before(datetime(2026, 3, 9, 8, 0), 1) == datetime(2026, 3, 6, 17, 0)
    assert working_hours_before(datetime(2026, 3, 8, 23, 0), 1) == datetime(2026, 3, 6, 17, 0)
    # evenings count from the same day's close
    assert working_hours_before(datetime(2026, 3, 4, 22, 0), 2) == datetime(2026, 3, 4, 16, 0)


def working_time_between(start: datetime, end: datetime) -> timedelta:
    """The overlap of [start, end] with every weekday's 09:00-18:00."""
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if day.weekday() < 5:
            opens = max(start, datetime.combine(day, time(9)))
            closes = min(end, datetime.combine(day, time(18)))
            total += max(closes - opens, timedelta())
        day += timedelta(days=1)
    return total


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
       st.integers(min_value=1, max_value=60))
def test_the_time_between_is_exactly_that_many_working_hours(moment: datetime,
                                                             hours: int) -> None:
    start = working_hours_before(moment, hours)
    assert start <= moment
    assert working_time_between(start, moment) == timedelta(hours=hours)
    # and it is the latest such instant: a working minute later would be too few
    assert start.weekday() < 5 and time(9) <= start.time() < time(18)
