"""Working hours: how long a request has waited in the department's own time.

The department works Monday to Friday, 09:00 to 18:00 local time. "Unassigned for more
than 4 working hours" counts only those hours: a request opened on Friday at 17:00 has
waited one working hour on Monday at 09:00... and three at 12:00.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

DAY_START = time(9)
DAY_END = time(18)
WORK_DAYS = frozenset(range(5))  # Monday .. Friday


def _previous_day_end(moment: datetime) -> datetime:
    day = moment.date() - timedelta(days=1)
    while day.weekday() not in WORK_DAYS:
        day -= timedelta(days=1)
    return datetime.combine(day, DAY_END, moment.tzinfo)


def _into_working_time(moment: datetime) -> datetime:
    """``moment``, or the end of the last working time before it."""
    if moment.weekday() not in WORK_DAYS or moment.time() <= DAY_START:
        return _previous_day_end(moment)
    if moment.time() > DAY_END:
        return datetime.combine(moment.date(), DAY_END, moment.tzinfo)
    return moment


def working_hours_before(moment: datetime, hours: float) -> datetime:
    """The instant ``hours`` working hours before ``moment`` (both in local time)."""
    remaining = timedelta(hours=hours)
    current = _into_working_time(moment)
    while True:
        available = current - datetime.combine(current.date(), DAY_START, current.tzinfo)
        if remaining <= available:
            return current - remaining
        remaining -= available
        current = _previous_day_end(current)
