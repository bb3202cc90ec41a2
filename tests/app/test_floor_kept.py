"""The queue's plain first pages on a kept connection (issue 21): what the services read,
what was written since, and a connection lost on the way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.db.database import Database
from app.domain.queues import QUEUES
from app.floor.kept import KeptConnection
from app.services import first_reads, queries, requests
from app.services.dto import RequestFilter


@pytest.fixture
def kept(demo_db: Database) -> Iterator[KeptConnection]:
    connection = KeptConnection(demo_db)
    yield connection
    connection.close()


def services_page(db: Database, f: RequestFilter, limit: int = 50) -> object:
    return queries.list_requests(db, f, sort="number", descending=True, offset=0, limit=limit,
                                 with_total=True)


def test_plain_first_pages_as_the_services_read_them(demo_db: Database,
                                                     kept: KeptConnection) -> None:
    technician = next(p.username for p in first_reads.staff(demo_db)
                      if p.role == "technician")
    filters = [RequestFilter(states=states) for states in QUEUES.values()]
    filters += [RequestFilter(states=QUEUES["mine"], assignee=technician),
                RequestFilter(assignee="")]
    for f in filters:
        for limit in (3, 50):
            for descending in (True, False):
                assert kept.first_page(f, sort="number", descending=descending,
                                       limit=limit) == queries.list_requests(
                    demo_db, f, sort="number", descending=descending, offset=0, limit=limit,
                    with_total=True), f
    assert kept.is_open
    for f, sort in ((RequestFilter(), "customer"), (RequestFilter(search="ssl"), "number"),
                    (RequestFilter(assignee="nobody"), "number")):
        assert kept.first_page(f, sort=sort, descending=True, limit=50) is None


def test_a_write_since_the_last_read_is_read(demo_db: Database, kept: KeptConnection) -> None:
    """The kept connection holds no transaction open between reads: another session's
    commit is in the next page."""
    f = RequestFilter(states=QUEUES["new"])
    before = kept.first_page(f, sort="number", descending=True, limit=5)
    assert before is not None and before.total is not None
    with demo_db.engine.connect() as connection:
        customer = connection.exec_driver_sql(
            "SELECT c.code, s.name FROM customers c JOIN services s ON s.customer_id = c.id "
            "WHERE c.status = 'active' AND s.status = 'running' ORDER BY c.id LIMIT 1").one()
    number = requests.submit_request(demo_db, customer[0], service=customer[1],
                                     category="software", subject="Kept connection",
                                     priority="normal")
    after = kept.first_page(f, sort="number", descending=True, limit=5)
    assert after is not None and after.total == before.total + 1
    assert after.rows[0].number == number
    assert after == services_page(demo_db, f, 5)


def test_a_lost_connection_is_left_to_the_services_then_opened_again(
        demo_db: Database, kept: KeptConnection) -> None:
    f = RequestFilter(states=QUEUES["all"])
    assert kept.first_page(f, sort="number", descending=True, limit=5) is not None
    kept._connection.close()  # lost underneath (a server restart, a network cut)
    assert kept.first_page(f, sort="number", descending=True, limit=5) is None
    assert not kept.is_open
    assert kept.first_page(f, sort="number", descending=True, limit=5) == \
        services_page(demo_db, f, 5)
    kept.close()
    assert not kept.is_open
