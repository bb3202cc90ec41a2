"""Running timers on requests: a stopwatch per request, kept in the workstation's settings.

Kept in QSettings, not in the database: a running timer is the person's own stopwatch at
this workstation, not a fact of the request (what counts is the work entry logged when
it stops, through the services). So it needs no schema, no grants and no round trip,
works the same on SQLite and PostgreSQL, and survives closing the app (or a crash): the
start time is written when it starts. It is kept per database and per user, so another
person signing in on the same workstation does not stop someone else's timer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QSettings

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class RunningTimers:
    """The timers of ``username`` on the database named ``database`` (its URL without
    password), stored under ``timers/<database hash>/<username>/<request>``."""

    def __init__(self, settings: QSettings, database: str, username: str,
                 clock: Clock = utc_now) -> None:
        self._settings = settings
        self.clock = clock
        digest = hashlib.sha256(database.encode()).hexdigest()[:16]
        self._group = f"timers/{digest}/{username}"

    def _key(self, number: int) -> str:
        return f"{self._group}/{number}"

    def started(self, number: int) -> datetime | None:
        """When the timer on request ``number`` started (naive UTC), None if not running."""
        value = self._settings.value(self._key(number))
        try:
            return datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None  # not ours: as if none were running

    def start(self, number: int) -> datetime:
        started = self.clock()
        self._settings.setValue(self._key(number), started.isoformat())
        self._settings.sync()
        return started

    def stop(self, number: int) -> None:
        self._settings.remove(self._key(number))
        self._settings.sync()

    def elapsed_minutes(self, number: int) -> int | None:
        """Whole minutes since the timer started (None if not running)."""
        started = self.started(number)
        if started is None:
            return None
        return max(0, int((self.clock() - started).total_seconds() // 60))
