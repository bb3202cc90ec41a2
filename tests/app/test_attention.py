"""The team lead's queues, on SQLite and PostgreSQL: what each holds, its count, its page."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.services import attention, queries, quotes, requests, settings, variations, work
from app.services.dto import RequestFilter
from tests.app.conftest import World
from tests.conftest import FakeClock


def listed(world: World, name: str) -> set[int]:
    f = RequestFilter(attention=name)
    page = queries.list_requests(world.db, f, limit=100, with_total=True)
    numbers = {r.number for r in page.rows}
    assert page.total == len(numbers) == queries.count_requests(world.db, f)
    assert queries.queue_counts(world.db, "lead", lead=True)[name] == len(numbers)
    return numbers


def test_drafts_above_the_technicians_limit_wait_for_a_lead(world: World) -> None:
    big = world.request()
    requests.take_request(world.db, "tech", big)
    world.fixed_quote(big, ("Migration", "1", "1000.01"), send=False)
    small = world.request()
    requests.take_request(world.db, "tech", small)
    world.fixed_quote(small, ("SSL", "1", "1000.00"), send=False)
    assert listed(world, "lead_drafts") == {big}
    settings.set_setting(world.db, "admin", "tech_send_limit", "500")
    assert listed(world, "lead_drafts") == {big, small}


def test_quotes_expiring_within_the_threshold(world: World, clock: FakeClock) -> None:
    soon, later = world.request(), world.request()
    for number, days in ((soon, 7), (later, 8)):
        requests.take_request(world.db, "tech", number)
        data = quotes.QuoteInput("fixed", world.valid(days),
                                 lines=[quotes.LineInput("x", "1", "10")])
        quotes.send_quote(world.db, "lead", quotes.create_quote(world.db, "tech", number, data).id)
    assert listed(world, "expiring") == {soon}
    clock.now += timedelta(days=1)  # time passes, nothing is written: still judged anew
    assert listed(world, "expiring") == {soon, later}
    settings.set_setting(world.db, "admin", "lead_expiring_days", "3")
    assert listed(world, "expiring") == set()


def test_variations_waiting_for_the_customer(world: World, clock: FakeClock) -> None:
    number = world.accepted("hourly")
    work.log_work(world.db, "tech", number, hours="1")
    proposed = variations.propose_variation(world.db, "tech", number, amount="400", reason="x")
    clock.now += timedelta(days=3)
    assert listed(world, "waiting_variations") == set()
    clock.now += timedelta(minutes=1)
    assert listed(world, "waiting_variations") == {number}
    variations.agree_variation(world.db, proposed.id)
    assert listed(world, "waiting_variations") == set()


@pytest.fixture
def wednesday(clock: FakeClock) -> datetime:
    """A Wednesday at 09:00 local time, as the clock's naive UTC."""
    local = datetime(2026, 3, 4, 9, 0).astimezone()
    clock.now = local.astimezone(attention.UTC).replace(tzinfo=None)
    return clock.now


def test_new_requests_unassigned_for_working_hours(world: World, clock: FakeClock,
                                                   wednesday: datetime) -> None:
    waiting = world.request()
    taken = world.request()
    requests.take_request(world.db, "tech", taken)
    clock.now = wednesday + timedelta(hours=4)
    assert listed(world, "unassigned") == set()  # exactly 4 working hours
    clock.now += timedelta(minutes=1)
    assert listed(world, "unassigned") == {waiting}
    requests.assign_request(world.db, "lead", waiting, "tech")
    assert listed(world, "unassigned") == set()


def test_a_night_is_not_working_time(world: World, clock: FakeClock,
                                     wednesday: datetime) -> None:
    clock.now = wednesday + timedelta(hours=8)  # 17:00
    number = world.request()
    clock.now = wednesday + timedelta(hours=24 + 2)  # Thursday 11:00: 1 h + 2 h
    assert listed(world, "unassigned") == set()
    clock.now += timedelta(hours=1, minutes=1)  # 4 h and a minute
    assert listed(world, "unassigned") == {number}


def test_hourly_work_near_its_ceiling(world: World) -> None:
    number = world.accepted("hourly")  # 60/h x 5 h: ceiling 300
    fixed = world.accepted("fixed")
    work.log_work(world.db, "tech", fixed, hours="20")  # fixed price: no ceiling to watch
    work.log_work(world.db, "tech", number, hours="3:40")  # billable 3:45 = 225 = 75 %
    assert listed(world, "near_ceiling") == set()
    work.log_work(world.db, "tech", number, hours="0:01")  # + 0:15 = 240 = 80 %
    assert listed(world, "near_ceiling") == {number}
    variation = variations.propose_variation(world.db, "tech", number, amount="400", reason="x")
    assert listed(world, "near_ceiling") == {number}  # not agreed yet: the quote counts
    variations.agree_variation(world.db, variation.id)
    assert listed(world, "near_ceiling") == set()  # 240 of 400
    settings.set_setting(world.db, "admin", "lead_ceiling_percent", "60")
    assert listed(world, "near_ceiling") == {number}


def test_the_queues_agree_with_the_work_tab(world: World) -> None:
    number = world.accepted("hourly")
    work.log_work(world.db, "tech", number, hours="4")
    detail = queries.request_detail(world.db, number)
    assert detail.work_summary.warning == "near"
    assert listed(world, "near_ceiling") == {number}


def test_an_unknown_queue_is_refused(world: World) -> None:
    from app.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="unknown queue"):
        queries.count_requests(world.db, RequestFilter(attention="nope"))
