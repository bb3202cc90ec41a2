"""Queue search, sort by customer and queue counts (SQLite and PostgreSQL).

What the user types in the search box is text, not a LIKE pattern: ``%``, ``_`` and
``\\`` match only themselves, in the number, customer and subject parts of the search
(on SQLite both the FTS5 path, words of 3+ characters, and the LIKE path, shorter ones;
on PostgreSQL the narrow ``request_search`` table).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import customers, queries, requests
from app.services.dto import RequestFilter
from tests.app.conftest import World


def submit(db: Database, subject: str, customer: str = "ACME") -> int:
    return requests.submit_request(db, customer, service="srv" if customer == "POOR" else "web-1",
                                   category="ssl", subject=subject)


def found(db: Database, search: str, states: tuple[str, ...] | None = None) -> set[int]:
    f = RequestFilter(states=states, search=search)
    page = queries.list_requests(db, f, limit=5000, with_total=True)
    numbers = {row.number for row in page.rows}
    assert page.total == len(numbers)
    assert queries.count_requests(db, f) == len(numbers)
    return numbers


@pytest.mark.parametrize("typed", ["%_%", "%", "_", "__", "%%%", "\\", "\\%", "a%e", "w_ldcard",
                                   "%wild%", "ACM_", "Ac%e"])
def test_wildcards_in_the_search_match_only_themselves(world: World, typed: str) -> None:
    world.request()
    world.request("POOR", service="srv")
    assert found(world.db, typed) == set()


def test_percent_underscore_and_backslash_are_found_literally(world: World) -> None:
    db = world.db
    percent = submit(db, "Discount 50% on the renewal")
    fifty = submit(db, "Discount 50 on the renewal")
    underscore = submit(db, "Rename max_connections in my.cnf")
    near = submit(db, "Rename maxXconnections in my.cnf")
    backslash = submit(db, "Share C:\\temp on the server")
    plain = submit(db, "Share C:temp on the server")
    assert found(db, "50%") == {percent}  # 3 characters: the FTS5 path on SQLite
    assert found(db, "0%") == {percent}  # 2 characters: the LIKE path on SQLite
    assert found(db, "discount 50%") == {percent}
    assert found(db, "discount 50") == {percent, fifty}
    assert found(db, "max_connections") == {underscore}
    assert found(db, "x_") == {underscore}
    assert found(db, "maxxconnections") == {near}
    assert found(db, "c:\\temp") == {backslash}
    assert found(db, ":\\") == {backslash}
    assert found(db, "c:temp") == {plain}


def test_customer_name_and_code_are_taken_literally(world: World) -> None:
    db = world.db
    customers.add_customer(db, "admin", "PCT", name="Cento_Per%Cento Srl",
                           credit_amount=Decimal("10"))
    customers.add_service(db, "admin", "PCT", name="web-1", kind="vps")
    acme = world.request()
    odd = submit(db, "Install a wildcard certificate", customer="PCT")
    assert found(db, "_per%") == {odd}
    assert found(db, "cento_per") == {odd}
    assert found(db, "acme") == {acme}
    assert found(db, "a%e") == set()
    assert found(db, "wildcard") == {acme, odd}


def test_every_word_must_match_the_subject_and_numbers_still_work(world: World) -> None:
    db = world.db
    both = submit(db, "Install a wildcard certificate")
    one = submit(db, "Renew the certificate")
    assert found(db, "certificate") == {both, one}
    assert found(db, "wildcard certificate") == {both}
    assert found(db, "CERTIFICATE WILDCARD") == {both}
    assert found(db, "wildcard renew") == set()
    assert found(db, f"RIT-{one:06d}") >= {one}
    assert found(db, "certificate", states=("new",)) == {both, one}
    assert found(db, "certificate", states=("evaluating",)) == set()


def test_a_changed_subject_is_searched_by_its_new_words(world: World) -> None:
    """The subject index follows the requests table (FTS5 / request_search triggers)."""
    db = world.db
    number = submit(db, "Install a wildcard certificate")
    with db.transaction() as session:
        session.execute(text("UPDATE requests SET subject = 'Tune the mail server' "
                             "WHERE id = :n"), {"n": number})
    assert found(db, "wildcard") == set()
    assert found(db, "mail server") == {number}


def test_sort_by_customer_follows_the_customer_name(world: World) -> None:
    """The name copied onto requests is filled on insert and follows a renamed customer."""
    db = world.db
    acme = [world.request() for _ in range(3)]
    poor = [world.request("POOR", service="srv") for _ in range(2)]

    def by_customer(descending: bool = False, assignee: str | None = None) -> list[int]:
        f = RequestFilter(assignee=assignee)
        return [r.number for r in queries.list_requests(db, f, sort="customer",
                                                        descending=descending).rows]

    assert by_customer() == acme + poor  # "Acme Srl" < "Poor Spa", then by number
    assert by_customer(descending=True) == poor[::-1] + acme[::-1]
    requests.take_request(db, "tech", poor[1])
    requests.take_request(db, "tech", acme[0])
    assert by_customer(assignee="tech") == [acme[0], poor[1]]
    with db.transaction() as session:
        session.execute(text("UPDATE customers SET name = 'Zeta Srl' WHERE code = 'ACME'"))
        names: dict[int, str] = {row[0]: row[1] for row in session.execute(
            text("SELECT id, customer_name FROM requests"))}
    assert {names[n] for n in acme} == {"Zeta Srl"}
    assert {names[n] for n in poor} == {"Poor Spa"}
    assert by_customer() == poor + acme
    assert by_customer(assignee="tech") == [poor[1], acme[0]]
    assert [r.customer_name for r in queries.list_requests(
        db, sort="customer", descending=False).rows] == ["Poor Spa"] * 2 + ["Zeta Srl"] * 3


def test_queue_counts_are_exact_after_every_write(world: World) -> None:
    db = world.db
    assert queries.queue_counts(db, "tech")["new"] == 0
    first = world.request()
    second = world.request("POOR", service="srv")
    counts = queries.queue_counts(db, "tech")
    assert (counts["new"], counts["all"], counts["mine"], counts["evaluating"]) == (2, 2, 0, 0)
    assert queries.queue_counts(db, "tech") == counts  # remembered: the same numbers
    requests.take_request(db, "tech", first)
    counts = queries.queue_counts(db, "tech")
    assert (counts["new"], counts["all"], counts["mine"], counts["evaluating"]) == (1, 2, 1, 1)
    assert queries.queue_counts(db, "tech2")["mine"] == 0
    # the queues' own totals agree with the counts (they are shared)
    for name in ("new", "evaluating", "all", "closed"):
        f = RequestFilter(states=queries.QUEUES[name])
        assert queries.count_requests(db, f) == counts[name]
        assert queries.list_requests(db, f, with_total=True).total == counts[name]
    requests.cancel_request(db, second)
    counts = queries.queue_counts(db, "tech")
    assert (counts["new"], counts["closed"], counts["all"]) == (0, 1, 2)
    assert queries.count_requests(db, RequestFilter(states=queries.QUEUES["new"])) == 0


def test_change_marker_sees_a_late_commit_of_an_earlier_id(world: World) -> None:
    """On PostgreSQL a transaction may commit after a later id: the marker still moves."""
    from sqlalchemy import delete

    from app.db import models as m

    db = world.db
    world.request()
    before = queries.last_change_marker(db)
    # Simulate "id 100 commits after 101": an audit row appears below the current maximum.
    with db.transaction() as session:
        top = max(before[0], 1)
        session.execute(delete(m.AuditEvent).where(m.AuditEvent.id == top - 1))
    hidden = queries.last_change_marker(db)
    with db.transaction() as session:
        session.add(m.AuditEvent(id=top - 1, at=db.now(), actor="late", action="late_commit",
                                 details="{}"))
    after = queries.last_change_marker(db)
    assert hidden != before and after != hidden and after[0] == hidden[0]
