"""Issue 19, the lifecycle's dead ends, on SQLite and PostgreSQL: a variation withdrawn
while pending; a request cancelled after acceptance (by a team lead with a reason,
nothing charged; by the customer while no work is logged); a sent quote extended."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db import models as m
from app.domain.errors import PermissionDenied, StateError, ValidationError
from app.services import billing, customers, queries, quotes, requests, variations, work
from app.services.quote_extension import extend_quote
from tests.app.conftest import World
from tests.conftest import FakeClock


def _counts(world: World, number: int) -> tuple[int, int]:
    with world.db.read() as session:
        events = session.scalar(select(func.count()).select_from(m.AuditEvent)
                                .where(m.AuditEvent.request_id == number))
        notices = session.scalar(select(func.count()).select_from(m.Notice)
                                 .where(m.Notice.request_id == number))
    return int(events or 0), int(notices or 0)


def test_a_pending_variation_is_withdrawn_and_the_ceiling_stays(world: World) -> None:
    """Before: a variation proposed by mistake blocked completion until the customer
    answered (no withdraw at all)."""
    db = world.db
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="2")
    proposal = variations.propose_variation(db, "tech", number, amount="500", reason="typo")
    withdrawn = variations.withdraw_variation(db, "tech", proposal.id,
                                              reason="proposed by mistake")
    assert (withdrawn.id, withdrawn.state) == (proposal.id, "withdrawn")
    detail = queries.request_detail(db, number)
    assert [v.state for v in detail.variations] == ["withdrawn"]
    event = detail.history[-1]
    assert (event.action, event.actor) == ("variation_withdrawn", "tech")
    assert event.details["reason"] == "proposed by mistake"
    notice = detail.notices[-1]
    assert notice.kind == "variation_withdrawn"
    assert notice.payload["reason"] == "proposed by mistake"
    assert Decimal(str(notice.payload["amount"])) == Decimal("500")
    # the ceiling stays the quote's (5 h at 60), and the request may now be completed
    preview = billing.preview_charge(db, number)
    assert preview.ceiling == Decimal("300.00")
    # a new variation may be proposed again
    again = variations.propose_variation(db, "tech", number, amount="400", reason="more")
    assert again.state == "proposed"


def test_only_a_pending_variation_by_staff_who_may(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")
    proposal = variations.propose_variation(db, "tech", number, amount="500", reason="more")
    before = _counts(world, number)
    with pytest.raises(PermissionDenied):
        variations.withdraw_variation(db, "tech2", proposal.id, reason="not mine")
    with pytest.raises(PermissionDenied):
        variations.withdraw_variation(db, "fin", proposal.id, reason="finance")
    with pytest.raises(ValidationError):
        variations.withdraw_variation(db, "tech", proposal.id, reason="   ")
    assert _counts(world, number) == before
    assert variations.withdraw_variation(db, "lead", proposal.id, reason="lead").state == \
        "withdrawn"
    agreed = variations.propose_variation(db, "tech", number, amount="450", reason="more")
    variations.agree_variation(db, agreed.id)
    after = _counts(world, number)
    with pytest.raises(StateError, match="already withdrawn"):
        variations.withdraw_variation(db, "lead", proposal.id, reason="again")
    with pytest.raises(StateError, match="already agreed"):
        variations.withdraw_variation(db, "tech", agreed.id, reason="too late")
    assert _counts(world, number) == after  # nothing written for the refusals


def _charges(world: World) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(m.Charge)) or 0)


@pytest.mark.parametrize("work_logged", [False, True], ids=["accepted", "in_progress"])
def test_a_team_lead_cancels_after_acceptance_charging_nothing(world: World,
                                                               work_logged: bool) -> None:
    """Before: an accepted request could only be charged and refunded."""
    db = world.db
    number = world.accepted("hourly")
    if work_logged:
        work.log_work(db, "tech", number, hours="2")
    pending = variations.propose_variation(db, "tech", number, amount="500", reason="more")
    balance = customers.get_customer(db, "ACME").balance
    requests.cancel_accepted(db, "lead", number, reason="The customer moved the site away")
    detail = queries.request_detail(db, number)
    assert detail.state == "cancelled" and detail.charge is None
    assert [(v.id, v.state) for v in detail.variations] == [(pending.id, "withdrawn")]
    assert customers.get_customer(db, "ACME").balance == balance and _charges(world) == 0
    event = detail.history[-1]
    assert (event.action, event.actor) == ("request_cancelled", "lead")
    assert event.details["reason"] == "The customer moved the site away"
    told = [n for n in detail.notices if n.kind == "request_cancelled"]
    assert len(told) == 1 and told[0].payload["reason"] == "The customer moved the site away"
    # exactly once, and closed for good
    with pytest.raises(StateError):
        requests.cancel_accepted(db, "lead", number, reason="again")
    with pytest.raises(StateError):
        work.log_work(db, "tech", number, hours="1")
    with pytest.raises(StateError):
        billing.complete_request(db, "tech", number)
    assert len([n for n in queries.request_detail(db, number).notices
                if n.kind == "request_cancelled"]) == 1


def test_cancel_after_acceptance_is_refused_cleanly(world: World) -> None:
    db = world.db
    number = world.accepted("fixed")
    before = _counts(world, number)
    for actor in ("tech", "fin"):
        with pytest.raises(PermissionDenied):
            requests.cancel_accepted(db, actor, number, reason="no")
    with pytest.raises(ValidationError):
        requests.cancel_accepted(db, "lead", number, reason=" ")
    assert _counts(world, number) == before
    assert queries.request_detail(db, number).state == "accepted"
    fresh = world.request()
    with pytest.raises(StateError):
        requests.cancel_accepted(db, "admin", fresh, reason="not accepted yet")


def test_the_customer_cancels_an_accepted_request_until_work_is_logged(world: World) -> None:
    """Before: portal cancel refused every accepted request."""
    db = world.db
    free = world.accepted("fixed")
    variations.propose_variation(db, "tech", free, amount="450", reason="more")
    requests.cancel_request(db, free)
    detail = queries.request_detail(db, free)
    assert detail.state == "cancelled" and detail.charge is None
    assert [v.state for v in detail.variations] == ["withdrawn"]
    assert detail.history[-1].action == "request_cancelled"

    worked = world.accepted("hourly")
    work.log_work(db, "tech", worked, hours="1")
    before = _counts(world, worked)
    with pytest.raises(StateError, match="ask the technical department"):
        requests.cancel_request(db, worked)
    assert _counts(world, worked) == before
    assert queries.request_detail(db, worked).state == "in_progress"


def test_a_sent_quote_is_extended_by_a_new_revision(world: World, clock: FakeClock) -> None:
    """Before: a customer asking for a few more days got nothing (the quote expired and a
    new revision had to be typed again)."""
    db = world.db
    number = world.request()
    requests.take_request(db, "tech", number)
    old = world.fixed_quote(number, ("SSL install", "1", "90"), ("Config", "2", "30"))
    clock.now += timedelta(days=31)  # past its date, the sweep not run yet
    later = db.today() + timedelta(days=10)
    new = extend_quote(db, "tech", old, valid_until=later)
    assert (new.revision, new.state, new.valid_until) == (2, "sent", later)
    detail = queries.request_detail(db, number)
    by_revision = {q.revision: q for q in detail.quotes}
    assert by_revision[1].state == "replaced"
    assert [(li.description, li.quantity, li.unit_price) for li in by_revision[2].lines] == [
        (li.description, li.quantity, li.unit_price) for li in by_revision[1].lines]
    assert by_revision[2].total == by_revision[1].total and new.pdf_sha256
    assert detail.state == "quoted"
    actions = [e.action for e in detail.history]
    assert actions[-2:] == ["quote_extended", "quote_sent"]
    assert [n.kind for n in detail.notices][-2:] == ["quote_proposed", "quote_extended"]
    quotes.accept_quote(db, new.id)  # the customer can answer again
    assert queries.request_detail(db, number).state == "accepted"


def test_extending_is_refused_cleanly(world: World) -> None:
    db = world.db
    number = world.request()
    requests.take_request(db, "tech", number)
    sent = world.fixed_quote(number)
    before = _counts(world, number)
    with pytest.raises(ValidationError, match="must be after"):
        extend_quote(db, "tech", sent, valid_until=world.valid(10))
    with pytest.raises(PermissionDenied):
        extend_quote(db, "fin", sent, valid_until=world.valid(60))
    with pytest.raises(PermissionDenied):
        extend_quote(db, "tech2", sent, valid_until=world.valid(60))
    assert _counts(world, number) == before
    quotes.accept_quote(db, sent)
    with pytest.raises(StateError, match="only a sent quote"):
        extend_quote(db, "lead", sent, valid_until=world.valid(60))


def test_the_customer_is_told_what_is_missing_while_still_exhausted(world: World) -> None:
    """Before: a partial top-up and a further charge while exhausted told nothing."""
    db = world.db

    def told() -> list[tuple[str, str, str]]:
        return [(n.kind, str(n.payload.get("amount", "")), str(n.payload.get("missing", "")))
                for n in sorted(queries.customer_notices(db, "POOR"), key=lambda n: n.id)
                if n.kind.startswith("credit_")]

    first = world.accepted(customer="POOR")  # 390 + VAT = 475.80 on 50.00
    work.log_work(db, "tech", first, hours="1")
    billing.complete_request(db, "tech", first)
    assert told() == [("credit_exhausted", "", "425.80")]
    customers.topup(db, "fin", "POOR", "100")  # not enough
    assert told()[-1] == ("credit_still_missing", "100.00", "325.80")
    second = world.accepted(customer="POOR")
    work.log_work(db, "tech", second, hours="1")
    billing.complete_request(db, "tech", second)
    assert told()[-1] == ("credit_missing_more", "-475.80", "801.60")
    customers.topup(db, "fin", "POOR", "801.60")  # covers: restarted, no "still missing"
    kinds = [n.kind for n in sorted(queries.customer_notices(db, "POOR"), key=lambda n: n.id)]
    assert kinds.count("credit_still_missing") == 1 and kinds[-1] == "service_restarted"
