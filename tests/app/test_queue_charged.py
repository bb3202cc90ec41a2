"""Issue 17: a completed request's row in the queue carries what was charged, less its
refunds (the quote's total said 436.15 while 503.25 had been charged), read by both ways
a page is read (first_reads for the first page, queries for the others)."""

from __future__ import annotations

from decimal import Decimal

from app.services import billing, charge_documents, first_reads, queries, work
from app.services.dto import RequestFilter, RequestRow
from tests.app.conftest import World


def _rows(world: World, number: int) -> list[RequestRow]:
    f = RequestFilter(states=("completed",))
    first = first_reads.first_page(world.db, f, sort="number", descending=True, limit=50)
    assert first is not None  # the window's first read handles this queue
    page = queries.list_requests(world.db, f, sort="customer", limit=50)
    return [r for r in (*first.rows, *page.rows) if r.number == number]


def test_the_queue_shows_what_was_charged_less_refunds(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")  # 60/h x 5 h indicative: 300.00 + VAT = 366.00
    work.log_work(db, "tech", number, hours="2:00")  # charged 120.00 + 26.40 = 146.40
    billing.complete_request(db, "tech", number)
    rows = _rows(world, number)
    assert len(rows) == 2
    for row in rows:
        assert row.quote_total == Decimal("366.00")
        assert (row.charged, row.refunded) == (Decimal("146.40"), None)
    charge_documents.refund(db, "fin", number, net="20", reason="an hour too many")
    charge_documents.refund(db, "fin", number, net="10", reason="and a half")
    for row in _rows(world, number):
        assert (row.charged, row.refunded) == (Decimal("109.80"), Decimal("36.60"))  # 146.40 - 24.40 - 12.20


def test_an_open_request_has_no_charge(world: World) -> None:
    number = world.accepted()
    page = queries.list_requests(world.db, RequestFilter(), limit=50)
    row = next(r for r in page.rows if r.number == number)
    assert row.charged is None and row.refunded is None and row.quote_total is not None
