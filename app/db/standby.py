"""Reads from a PostgreSQL hot standby, with the primary as the fallback.

Reports, statements, the dashboard, the batch export and the at-risk list may be stale
by seconds: they can be read from a streaming replica of the central database, so the
primary serves only the work that writes. Before such a read :func:`choose` measures how
far behind the standby is and picks who answers:

- the standby, when it is reachable, still a standby (in recovery) and no further behind
  than the department's ``standby_max_lag`` setting (seconds, default 30);
- else the primary, with the reason (:class:`ReadAnswer`), which the app and the command
  line show.

How far behind: the standby's replayed position (``pg_last_wal_replay_lsn()``) against
the primary's current one (``pg_current_wal_lsn()``, read first). At or past it, the
standby has everything the primary had committed a moment ago: no lag, however old its
last replayed transaction is (``now() - pg_last_xact_replay_timestamp()`` grows without
bound on an idle primary). Behind it, the standby is given a short moment to catch up
(what was just streamed); still behind, the lag is the time since the last transaction
it replayed: every commit it misses came after that one, so the data it shows is at
most that old.

No Qt here; the standby is opened with the same login as the primary (the same password:
roles replicate) and read-only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from app.domain.errors import (
    DatabaseRefused,
    DatabaseUnavailable,
    RitError,
    ValidationError,
    phrase,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from app.db.database import Database

T = TypeVar("T")

PRIMARY = "primary"
STANDBY = "standby"

#: why the primary answered a read (None: the standby did)
NO_STANDBY = "no_standby"      # none configured (or the embedded file)
AWAY = "away"                  # cannot be reached or refused the login
NOT_A_STANDBY = "not_standby"  # the server is not in recovery (promoted, or a primary)
BEHIND = "behind"              # further behind than standby_max_lag
LOST = "lost"                  # went away during the read: read again from the primary

#: the setting (seconds) and its default
MAX_LAG_KEY = "standby_max_lag"
DEFAULT_MAX_LAG = 30
#: how long a standby behind the primary's position is given to replay what was just
#: streamed before it counts as behind (seconds)
CATCH_UP = 1.0
#: a standby that does not answer within this is away (seconds)
CONNECT_TIMEOUT = 3
#: a standby found away (or lost during a read) is not tried again for this long
#: (seconds): one whose host drops packets would make every report wait CONNECT_TIMEOUT
RETRY_AWAY = 15.0

_NOTES = {
    NO_STANDBY: "no standby is configured",
    AWAY: "the standby cannot be reached",
    NOT_A_STANDBY: "the standby server is not a standby (not in recovery)",
    BEHIND: "the standby is further behind than the {max_lag} s allowed",
    LOST: "the standby went away during the read",
}


@dataclass(frozen=True)
class ReadAnswer:
    """Which database answered a read, and what was measured of the standby.

    ``lag_seconds``/``lag_bytes``: how far behind the standby was (None: not measured,
    or unknown); ``reason``: why the primary answered (None: the standby did);
    ``detail``: the server's own words when the standby was away, ``error`` the error
    they came with (a user interface says it in its own language).
    """

    read_from: str
    reason: str | None = None
    lag_seconds: float | None = None
    lag_bytes: int | None = None
    max_lag: int = DEFAULT_MAX_LAG
    detail: str = ""
    error: RitError | None = field(default=None, compare=False, repr=False)

    @property
    def from_standby(self) -> bool:
        return self.read_from == STANDBY

    def note(self) -> str:
        """One English line for the command line and logs: who answered and why."""
        lag = "" if self.lag_seconds is None else f", {self.lag_seconds:.1f} s behind"
        if self.lag_seconds is None and self.lag_bytes:
            lag = f", {self.lag_bytes} bytes of WAL behind, how long unknown"
        if self.reason is None:
            return f"read from the standby{lag}"
        why = _NOTES[self.reason].format(max_lag=self.max_lag)
        return f"read from the primary: {why}{lag}"


def standby_url(text: str, primary: URL) -> URL:
    """The URL of ``--read-db`` (or a profile's standby), signed in as the primary is.

    Only beside a PostgreSQL primary; the login is the primary's (named or left out),
    and so is the password: the database's checks see the same person on both.
    """
    from app.config import parse_url

    if primary.get_backend_name() != "postgresql":
        raise ValidationError.of(
            "a read database (--read-db) needs a PostgreSQL primary: the embedded SQLite "
            "file has no standby")
    url = parse_url(text)
    if url.get_backend_name() != "postgresql":
        raise ValidationError.of("the read database must be a PostgreSQL standby")
    if url.username and url.username != primary.username:
        raise ValidationError.of(
            "the read database is read as the same login as the primary ({login}): "
            "leave the user out of its URL", login=primary.username or "")
    if url.password:
        raise ValidationError.of(
            "the read database takes the primary's password: leave it out of its URL")
    return url.set(username=primary.username, password=primary.password)


def standby_address(text: str) -> tuple[str, int] | None:
    """A desktop profile's standby as typed: ``host`` or ``host:port`` (None: none)."""
    from app.domain.money import parse_whole
    from app.domain.texts import check_host

    typed = check_host(text).strip()
    if not typed:
        return None
    host, colon, port = typed.rpartition(":")
    if not colon or not port.isascii() or not port.isdigit():
        return typed, 5432
    if not host:
        raise ValidationError.of("the standby needs a host: {text!r}", text=typed)
    return host, parse_whole(port, phrase("standby port"), 1, 65535)


def _max_lag(primary: Database, override: int | None) -> tuple[str, int]:
    """The primary's current WAL position and the department's allowed lag."""
    from sqlalchemy import text

    with primary.connection() as connection:
        lsn, stored = connection.execute(text(
            "SELECT pg_current_wal_lsn()::text, "
            "(SELECT value FROM settings WHERE key = :key)"), {"key": MAX_LAG_KEY}).one()
    if override is not None:
        return str(lsn), override
    try:
        return str(lsn), int(stored) if stored is not None else DEFAULT_MAX_LAG
    except ValueError:
        return str(lsn), DEFAULT_MAX_LAG


def _position(standby: Database, primary_lsn: str) -> tuple[bool, int | None, float | None]:
    """(in recovery, bytes behind ``primary_lsn``, seconds since the last replayed commit)."""
    from sqlalchemy import text

    with standby.connection() as connection:
        recovering, behind, since = connection.execute(text(
            "SELECT pg_is_in_recovery(), "
            "pg_wal_lsn_diff(CAST(:lsn AS pg_lsn), pg_last_wal_replay_lsn()), "
            "EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())"),
            {"lsn": primary_lsn}).one()
    return (bool(recovering), None if behind is None else max(0, int(behind)),
            None if since is None else max(0.0, float(since)))


def measure(primary: Database, standby: Database, *, max_lag: int | None = None,
            catch_up: float = CATCH_UP) -> ReadAnswer:
    """Who should answer the next read: the standby, or the primary and why."""
    lsn, allowed = _max_lag(primary, max_lag)
    started = time.monotonic()
    try:
        recovering, behind, since = _position(standby, lsn)
        while recovering and behind and time.monotonic() - started < catch_up:
            time.sleep(0.05)  # what was just streamed is being replayed
            recovering, behind, since = _position(standby, lsn)
    except (DatabaseUnavailable, DatabaseRefused) as exc:
        return ReadAnswer(PRIMARY, AWAY, max_lag=allowed, detail=str(exc), error=exc)
    if not recovering:
        return ReadAnswer(PRIMARY, NOT_A_STANDBY, max_lag=allowed)
    if not behind:
        return ReadAnswer(STANDBY, None, 0.0, 0, allowed)
    waited = time.monotonic() - started
    lag = None if since is None else max(waited, since)
    if lag is None or lag > allowed:
        return ReadAnswer(PRIMARY, BEHIND, lag, behind, allowed)
    return ReadAnswer(STANDBY, None, lag, behind, allowed)


class Standby:
    """The read-only handle on a hot standby of a primary :class:`Database`.

    ``max_lag``: the allowed lag in seconds (None: the primary's ``standby_max_lag``
    setting); ``catch_up``: see :data:`CATCH_UP`; ``retry_away``: see :data:`RETRY_AWAY`.
    """

    def __init__(self, primary: Database, url: URL, *, max_lag: int | None = None,
                 catch_up: float = CATCH_UP, retry_away: float = RETRY_AWAY) -> None:
        from app.db.database import Database

        self.primary = primary
        self.db = Database(url, clock=primary.clock, renderer=primary.renderer, pool_size=2,
                           read_only=True, connect_timeout=CONNECT_TIMEOUT)
        self.max_lag = max_lag
        self.catch_up = catch_up
        self.retry_away = retry_away
        self.last: ReadAnswer | None = None
        self._away_at: float | None = None  # when it was last found away (monotonic)

    def measure(self) -> ReadAnswer:
        """Who answers the next read; a standby away a moment ago is not asked again
        before :attr:`retry_away` has passed (the primary answers, saying so)."""
        last = self.last
        if (last is not None and last.reason in (AWAY, LOST) and self._away_at is not None
                and time.monotonic() < self._away_at + self.retry_away):
            return ReadAnswer(PRIMARY, AWAY, max_lag=last.max_lag, detail=last.detail,
                              error=last.error)
        self.last = measure(self.primary, self.db, max_lag=self.max_lag, catch_up=self.catch_up)
        if self.last.reason == AWAY:
            self._away_at = time.monotonic()
        return self.last

    def read(self, reading: Callable[[Database], T]) -> tuple[T, ReadAnswer]:
        """``reading`` run on the standby when it may answer, else on the primary; a
        standby lost during the read is read again from the primary."""
        answer = self.measure()
        if not answer.from_standby:
            return reading(self.primary), answer
        try:
            return reading(self.db), answer
        except DatabaseUnavailable as exc:
            lost = ReadAnswer(PRIMARY, LOST, answer.lag_seconds, answer.lag_bytes,
                              answer.max_lag, str(exc), exc)
            self.last = lost
            self._away_at = time.monotonic()
            return reading(self.primary), lost

    def dispose(self) -> None:
        self.db.dispose()
