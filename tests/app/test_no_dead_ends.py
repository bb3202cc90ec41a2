"""Issue 19, the lifecycle's dead ends, on SQLite and PostgreSQL: a variation withdrawn
while pending."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db import models as m
from app.domain.errors import PermissionDenied, StateError, ValidationError
from app.services import billing, queries, variations, work
from tests.app.conftest import World


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
