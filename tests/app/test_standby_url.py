"""Issue 21: the read database's URL (``--read-db``, a profile's standby), the note of
who answered, and who answers for each position of the standby (the two servers' answers
stood in for); no database needed (the replica itself: tests/app/test_standby_pg.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from app.db import standby
from app.domain.errors import DatabaseUnavailable, ValidationError

PRIMARY = make_url("postgresql+psycopg://alice:s3cret@db.example:5432/ritdesk")


def test_the_standby_is_signed_in_as_the_primary() -> None:
    url = standby.standby_url("postgresql://replica.example:5433/ritdesk", PRIMARY)
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg", "replica.example", 5433, "ritdesk")
    assert (url.username, url.password) == ("alice", "s3cret")
    named = standby.standby_url("postgresql://alice@replica.example/ritdesk", PRIMARY)
    assert named.username == "alice" and named.password == "s3cret"


@pytest.mark.parametrize(("text", "primary", "words"), [
    ("postgresql://replica/ritdesk", "sqlite:///desk.sqlite3", "needs a PostgreSQL primary"),
    ("sqlite:///other.sqlite3", str(PRIMARY), "must be a PostgreSQL standby"),
    ("postgresql://bob@replica/ritdesk", str(PRIMARY), "same login as the primary (alice)"),
    ("postgresql://alice:other@replica/ritdesk", str(PRIMARY), "takes the primary's password"),
    ("mysql://replica/ritdesk", str(PRIMARY), "unsupported database"),
])
def test_what_is_refused(text: str, primary: str, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        standby.standby_url(text, make_url(primary))
    assert words in str(refused.value)
    assert "s3cret" not in str(refused.value) and "other@" not in str(refused.value)


def test_the_notes() -> None:
    answer = standby.ReadAnswer
    assert answer(standby.STANDBY, None, 2.25, 10).note() == "read from the standby, 2.2 s behind"
    assert answer(standby.PRIMARY, standby.BEHIND, 42.0, 900, 30).note() == (
        "read from the primary: the standby is further behind than the 30 s allowed, "
        "42.0 s behind")
    assert answer(standby.PRIMARY, standby.BEHIND, None, 900).note() == (
        "read from the primary: the standby is further behind than the 30 s allowed, "
        "900 bytes of WAL behind, how long unknown")
    assert answer(standby.PRIMARY, standby.NO_STANDBY).note() == (
        "read from the primary: no standby is configured")


class Positions:
    """The standby's successive answers (in recovery, bytes behind, seconds since its last
    replayed commit), or an error to raise; the primary's allowed lag is 30 s."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Any) -> None:
        self.answers: Iterator[Any] = iter(answers)
        monkeypatch.setattr(standby, "_max_lag", lambda _primary, override: (
            "0/3000000", 30 if override is None else override))
        monkeypatch.setattr(standby, "_position", self.next)

    def next(self, _standby: Any, lsn: str) -> tuple[bool, int | None, float | None]:
        assert lsn == "0/3000000"
        answer = next(self.answers)
        if isinstance(answer, BaseException):
            raise answer
        return answer


def measure(**options: Any) -> standby.ReadAnswer:
    return standby.measure(None, None, catch_up=options.pop("catch_up", 5.0),  # type: ignore[arg-type]
                           **options)


def test_level_with_the_primary_is_up_to_date_however_old(monkeypatch: pytest.MonkeyPatch) -> None:
    """An idle primary: the last replayed commit an hour old, but nothing is missing."""
    Positions(monkeypatch, (True, 0, 3600.0))
    assert measure() == standby.ReadAnswer(standby.STANDBY, None, 0.0, 0, 30)


def test_what_was_just_streamed_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    Positions(monkeypatch, (True, 4096, 3600.0), (True, 0, 0.01))
    answer = measure()
    assert answer.from_standby and answer.lag_bytes == 0


def test_behind_the_lag_is_the_time_since_its_last_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    Positions(monkeypatch, (True, 4096, 12.0), (True, 4096, 12.5))
    answer = measure(catch_up=0.0)
    assert (answer.read_from, answer.lag_seconds, answer.lag_bytes) == (standby.STANDBY, 12.0, 4096)
    Positions(monkeypatch, (True, 4096, 45.0))
    answer = measure(catch_up=0.0)
    assert (answer.read_from, answer.reason, answer.lag_seconds) == (
        standby.PRIMARY, standby.BEHIND, 45.0)
    Positions(monkeypatch, (True, 4096, 12.0))
    assert measure(catch_up=0.0, max_lag=10).reason == standby.BEHIND


def test_behind_with_no_commit_replayed_yet_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A standby just started behind the primary: how old its data is cannot be told."""
    Positions(monkeypatch, (True, 4096, None))
    answer = measure(catch_up=0.0)
    assert (answer.read_from, answer.reason, answer.lag_seconds) == (
        standby.PRIMARY, standby.BEHIND, None)


def test_away_or_promoted(monkeypatch: pytest.MonkeyPatch) -> None:
    Positions(monkeypatch, DatabaseUnavailable("cannot connect to standby: refused"))
    answer = measure()
    assert (answer.read_from, answer.reason) == (standby.PRIMARY, standby.AWAY)
    assert answer.detail == "cannot connect to standby: refused"
    Positions(monkeypatch, (False, None, None))
    assert measure().reason == standby.NOT_A_STANDBY
