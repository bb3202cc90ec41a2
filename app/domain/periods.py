"""Days and months of the people reading a report, as instants of the database.

The database stores naive UTC. A finance report "from 1 November to 30 November" means
the local days: from local midnight of 1 November to local midnight of 1 December,
turned into UTC here once, so that both databases compare plain timestamps (no time
zone arithmetic in SQL) and every report draws its lines at the same instants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from app.domain.errors import ValidationError

#: the longest period a report covers (ten years of days)
MAX_PERIOD_DAYS = 3660


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """The instant ``day`` starts in ``zone`` (None: this computer's zone), as naive UTC."""
    if zone is None:
        moment = datetime.combine(day, time()).astimezone()  # the system's rules, DST too
    else:
        moment = datetime.combine(day, time(), tzinfo=zone)
    return moment.astimezone(UTC).replace(tzinfo=None)


def local_time(instant: datetime, zone: tzinfo | None = None) -> datetime:
    """A stored instant (naive UTC) as the local wall-clock time (naive)."""
    aware = instant.replace(tzinfo=UTC)
    return (aware.astimezone(zone) if zone is not None else aware.astimezone()).replace(
        tzinfo=None)


def local_day(instant: datetime, zone: tzinfo | None = None) -> date:
    """The local day of a stored instant (naive UTC)."""
    return local_time(instant, zone).date()


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_key(day: date) -> str:
    """``2026-11``: how a month is named in data (JSON, CSV keys)."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class Period:
    """Whole local days, ``first`` to ``last`` included."""

    first: date
    last: date

    @classmethod
    def of(cls, first: date, last: date) -> Period:
        if last < first:
            raise ValidationError.of(
                "the period ends ({last}) before it starts ({first})", first=first, last=last)
        if (last - first).days >= MAX_PERIOD_DAYS:
            raise ValidationError.of("a period covers at most ten years")
        return cls(first, last)

    def bounds(self, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
        """[start, end) in naive UTC: local midnight of ``first`` and of the day after ``last``."""
        return local_midnight(self.first, zone), local_midnight(self.last + timedelta(days=1), zone)

    def months(self) -> list[date]:
        """The first day of each month the period touches, in order."""
        months = [month_start(self.first)]
        while months[-1] < month_start(self.last):
            months.append(add_months(months[-1], 1))
        return months

    def month_bounds(self, zone: tzinfo | None = None) -> list[tuple[str, datetime]]:
        """(month key, the instant the month's part of the period starts), in order; the
        period's end is :meth:`bounds`' second value."""
        start, _ = self.bounds(zone)
        out = [(month_key(self.first), start)]
        out += [(month_key(m), local_midnight(m, zone)) for m in self.months()[1:]]
        return out
