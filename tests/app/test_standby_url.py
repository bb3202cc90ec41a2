"""Issue 21: the read database's URL (``--read-db``, a profile's standby) and the note of
who answered; no database needed (the replica itself: tests/app/test_standby_pg.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from app.db import standby
from app.domain.errors import ValidationError

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
