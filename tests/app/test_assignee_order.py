"""The queue sorted by assignee follows the names the column shows (not the user names),
page after page, both ways, on SQLite and PostgreSQL."""

from __future__ import annotations

from app.services import queries, requests, staff
from app.services.dto import RequestFilter, RequestRow
from tests.app.conftest import World


def test_the_assignee_order_is_by_name_across_pages(world: World) -> None:
    db = world.db
    # the user names sort the other way round from the names
    staff.add_staff(db, "admin", "a.zeta", name="Zoe Zeta", role="technician", login=False)
    staff.add_staff(db, "admin", "z.alba", name="Anna Alba", role="technician", login=False)
    for who in ("a.zeta", "z.alba", "tech", "a.zeta", "z.alba", "tech", "a.zeta"):
        requests.take_request(db, who, world.request())
    world.request()
    world.request()  # two unassigned

    def read(descending: bool, size: int) -> list[RequestRow]:
        rows: list[RequestRow] = []
        while True:
            page = queries.list_requests(db, RequestFilter(), sort="assignee",
                                         descending=descending, offset=len(rows), limit=size)
            rows += page.rows
            if len(page.rows) < size:
                return rows

    whole = read(False, 100)
    assigned = [r.assignee_name for r in whole if r.assignee]
    assert assigned == ["Anna Alba"] * 2 + ["Tech"] * 2 + ["Zoe Zeta"] * 3
    assert [r.assignee for r in whole if r.assignee][:2] == ["z.alba"] * 2
    unassigned_first = db.is_sqlite  # where each database's ORDER BY puts NULLs
    assert [r.assignee is None for r in whole][:2] == [unassigned_first] * 2
    for r in whole:
        same = [x.number for x in whole if x.assignee == r.assignee]
        assert same == sorted(same)  # each assignee's requests in number order
    for size in (1, 2, 3):
        assert [r.number for r in read(False, size)] == [r.number for r in whole]
        assert [r.number for r in read(True, size)] == [r.number for r in whole][::-1]
