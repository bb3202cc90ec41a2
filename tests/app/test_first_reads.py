"""The first window's Core reads return exactly what their services return."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.db.database import Database
from app.domain.errors import NotFoundError, ValidationError
from app.domain.queues import QUEUES
from app.services import first_reads, queries, staff
from app.services import settings as settings_service
from app.services.dto import Drill, RequestFilter


def test_staff_as_the_service_lists_them(demo_db: Database) -> None:
    people = first_reads.staff(demo_db)
    assert people == staff.list_staff(demo_db)
    assert len(people) >= 5
    for person in people:
        assert first_reads.staff_member(people, person.username) == \
            staff.get_staff(demo_db, person.username)
    with pytest.raises(NotFoundError, match="unknown user: nobody"):
        first_reads.staff_member(people, "nobody")


def test_an_inactive_user_is_refused_as_get_staff_does(demo_db: Database) -> None:
    people = first_reads.staff(demo_db)
    gone = [p.__class__(p.id, p.username, p.name, p.role, False) for p in people[:1]]
    with pytest.raises(ValidationError, match="no longer active"):
        first_reads.staff_member(gone, gone[0].username)


def test_send_limit_setting_stored_or_default(demo_db: Database) -> None:
    assert first_reads.setting(demo_db, "no_such_key") is None
    stored = first_reads.setting(demo_db, "tech_send_limit")
    expected = settings_service.get_settings(demo_db).tech_send_limit
    assert Decimal(stored or settings_service.DEFAULTS["tech_send_limit"]) == expected
    settings_service.set_setting(demo_db, "admin", "tech_send_limit", "1234.50")
    assert first_reads.setting(demo_db, "tech_send_limit") == "1234.50"


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("limit", [7, 200])
def test_first_pages_of_every_queue_as_list_requests_reads_them(
        demo_db: Database, descending: bool, limit: int) -> None:
    people = first_reads.staff(demo_db)
    technician = next(p.username for p in people if p.role == "technician")
    filters = [RequestFilter(states=states) for states in QUEUES.values()]
    filters += [RequestFilter(states=QUEUES["mine"], assignee=technician),
                RequestFilter(assignee=""), RequestFilter(assignee=technician)]
    shown = 0
    for f in filters:
        fast = first_reads.first_page(demo_db, f, sort="number", descending=descending,
                                      limit=limit)
        slow = queries.list_requests(demo_db, f, sort="number", descending=descending,
                                     offset=0, limit=limit, with_total=True)
        assert fast == slow, f
        shown += len(slow.rows)
    assert shown > 0


def test_other_queries_are_left_to_the_service(demo_db: Database) -> None:
    for f, sort in ((RequestFilter(), "customer"), (RequestFilter(category="ssl"), "number"),
                    (RequestFilter(priority="high"), "number"),
                    (RequestFilter(customer="C1001"), "number"),
                    (RequestFilter(search="ssl"), "number"),
                    (RequestFilter(drill=Drill("workload", username="l.ferrari")), "number")):
        assert first_reads.first_page(demo_db, f, sort=sort, descending=True, limit=50) is None
    with pytest.raises(NotFoundError):
        first_reads.first_page(demo_db, RequestFilter(assignee="nobody"), sort="number",
                               descending=True, limit=50)
