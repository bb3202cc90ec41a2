"""Issue 9, part 2: NUL bytes and over-long text are refused in the app's own words.

Before, a NUL byte reached PostgreSQL and came back as the driver's message (SQLite
stored it silently), a 100,000-character search came back as SQLite's "LIKE or GLOB
pattern too complex", and a message echoing an over-long input was 100,000 characters
long. On both databases, nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.domain.errors import RitError, ValidationError
from app.services import customers, queries, requests, work
from app.services.dto import RequestFilter
from tests.app.conftest import World
from tests.cli.conftest import snapshot

LONG = "x" * 100_000


def calls(world: World) -> dict[str, Callable[[str], object]]:
    db = world.db
    number = world.accepted()
    return {
        "search": lambda t: queries.list_requests(db, RequestFilter(search=t)),
        "count": lambda t: queries.count_requests(db, RequestFilter(search=t)),
        "customer filter": lambda t: queries.list_requests(db, RequestFilter(customer=t)),
        "assignee filter": lambda t: queries.list_requests(db, RequestFilter(assignee=t)),
        "customer": lambda t: customers.get_customer(db, t),
        "top-up of": lambda t: customers.topup(db, "fin", t, "10"),
        "acting user": lambda t: requests.take_request(db, t, number),
        "service": lambda t: requests.submit_request(db, "ACME", service=t, category="ssl",
                                                     subject="x"),
        "subject": lambda t: requests.submit_request(db, "ACME", service="web-1",
                                                     category="ssl", subject=t),
        "note": lambda t: work.log_work(db, "tech", number, hours="1", note=t),
        "reference": lambda t: customers.topup(db, "fin", "ACME", "10", reference=t),
    }


@pytest.mark.parametrize("text", ["ACME\x00", "a\x00b"])
def test_a_nul_byte_is_refused_in_the_apps_words(world: World, db_url: str, text: str) -> None:
    targets = calls(world)
    before = snapshot(db_url)
    for where, call in targets.items():
        with pytest.raises(RitError) as info:
            call(text)
        message = str(info.value)
        assert isinstance(info.value, ValidationError), (where, message)
        assert "NUL" in message or "control characters" in message, (where, message)
        assert "PostgreSQL" not in message and "0x00" not in message, (where, message)
    assert snapshot(db_url) == before


def test_over_long_input_gets_a_short_message(world: World, db_url: str) -> None:
    targets = calls(world)
    del targets["customer filter"]  # an unknown customer code: an empty list, no message
    before = snapshot(db_url)
    for where, call in targets.items():
        with pytest.raises(RitError) as info:
            call(LONG)
        message = str(info.value)
        assert len(message) < 300, (where, message[:300])
        assert "LIKE" not in message and "too complex" not in message, (where, message)
    with pytest.raises(ValidationError, match=r"the search is too long \(100000 characters, "
                                              r"at most 200\)"):
        queries.list_requests(world.db, RequestFilter(search=LONG))
    assert snapshot(db_url) == before


def test_a_search_of_200_characters_still_works(world: World) -> None:
    page = queries.list_requests(world.db, RequestFilter(search="a" * 200), with_total=True)
    assert page.total == 0
    assert queries.count_requests(world.db, RequestFilter(search="١")) == 0  # no number 1
