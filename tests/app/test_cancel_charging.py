"""Issue 19: ``requests cancel --charge-work``, on SQLite and PostgreSQL. A team lead
cancels an accepted or in-progress request charging the work done so far, priced exactly
as completing would (rounded to the increment, capped), a fixed-price one only with an
agreed variation; exactly once, with its charge document, the credit posted, one audit
event and one notice; refunds and the charges report treat it as any charge."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.domain.errors import ConflictError, PermissionDenied, StateError, ValidationError
from app.services import (
    billing,
    charge_documents,
    charges_report,
    customers,
    queries,
    requests,
    variations,
    work,
)
from app.services.cancel_charging import cancel_charging_work, preview_cancel_charge
from tests.app.conftest import World, make_world
from tests.conftest import FakeClock

REASON = "The customer moved the site away"


def _written(world: World) -> tuple[int, ...]:
    """Rows of every table a cancellation charging the work writes."""
    with world.db.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(t)) or 0) for t in (
            m.Charge, m.StoredChargeDocument, m.LedgerEntry, m.AuditEvent, m.Notice))


def test_an_hourly_request_is_cancelled_charging_the_work_as_completing_would(
        world: World) -> None:
    """Before: ``requests cancel`` could only charge nothing (issue 19, left open)."""
    db = world.db
    number = world.accepted("hourly")  # 60/h, 5 h estimated: ceiling 300.00
    work.log_work(db, "tech", number, hours="1:10")  # 1:15 billable at 15-minute steps
    work.log_work(db, "tech", number, hours="0:20")  # 0:30
    as_completed = billing.preview_charge(db, number)
    shown = preview_cancel_charge(db, number)
    assert shown == as_completed
    assert (shown.billable_minutes, shown.net, shown.total) == (105, Decimal("105.00"),
                                                                 Decimal("128.10"))
    balance = customers.get_customer(db, "ACME").balance
    result = cancel_charging_work(db, "lead", number, reason=REASON, confirmed=shown)
    assert (result.net, result.vat, result.total) == (shown.net, shown.vat, shown.total)
    assert result.balance == balance - shown.total == customers.get_customer(db, "ACME").balance
    detail = queries.request_detail(db, number)
    assert detail.state == "cancelled" and detail.charge is not None
    assert detail.charge.total == shown.total
    events = [e for e in detail.history if e.action.startswith("request_")]
    assert [e.action for e in events][-1] == "request_cancelled_charged"
    assert not [e for e in detail.history if e.action in ("request_cancelled",
                                                          "request_completed")]
    event = detail.history[-1]
    assert (event.action, event.actor, event.details["reason"]) == (
        "request_cancelled_charged", "lead", REASON)
    assert Decimal(str(event.details["total"])) == shown.total
    told = [n for n in detail.notices if n.kind == "cancelled_charged"]
    assert len(told) == 1 and told[0].payload["reason"] == REASON
    assert Decimal(str(told[0].payload["total"])) == Decimal("128.10")
    assert not [n for n in detail.notices if n.kind in ("request_cancelled",
                                                         "completed_charged")]
    with db.read() as session:  # its charge document, written with the charge
        charge_id = session.scalar(select(m.Charge.id).where(m.Charge.request_id == number))
        assert session.get(m.StoredChargeDocument, charge_id) is not None


def test_exactly_once(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="2")
    cancel_charging_work(db, "lead", number, reason=REASON)
    written = _written(world)
    with pytest.raises(StateError, match="cancelled"):
        cancel_charging_work(db, "lead", number, reason="again")  # a retry, a double click
    with pytest.raises(StateError):
        requests.cancel_accepted(db, "lead", number, reason="again, charging nothing")
    with pytest.raises(StateError):
        billing.complete_request(db, "tech", number)
    assert _written(world) == written


def test_the_work_is_capped_and_a_pending_variation_withdrawn(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="7")  # 420.00 of work, the quote's 300.00 caps
    pending = variations.propose_variation(db, "tech", number, amount="500", reason="more")
    with pytest.raises(StateError):
        billing.preview_charge(db, number)  # completing waits for the customer's answer
    shown = preview_cancel_charge(db, number)
    assert (shown.capped, shown.net, shown.amount_not_charged) == (
        True, Decimal("300.00"), Decimal("120.00"))
    result = cancel_charging_work(db, "admin", number, reason=REASON)
    assert result.net == Decimal("300.00")
    detail = queries.request_detail(db, number)
    assert [(v.id, v.state) for v in detail.variations] == [(pending.id, "withdrawn")]


def test_a_fixed_price_request_only_with_an_agreed_variation(world: World) -> None:
    db = world.db
    number = world.accepted("fixed")
    work.log_work(db, "tech", number, hours="1")
    written = _written(world)
    refusal = "is fixed-price with no agreed variation: cancel it without --charge-work"
    with pytest.raises(StateError, match=refusal):
        preview_cancel_charge(db, number)
    with pytest.raises(StateError, match=refusal):
        cancel_charging_work(db, "lead", number, reason=REASON)
    assert _written(world) == written
    assert queries.request_detail(db, number).state == "in_progress"
    agreed = variations.propose_variation(db, "tech", number, amount="450", reason="more")
    variations.agree_variation(db, agreed.id)
    result = cancel_charging_work(db, "lead", number, reason=REASON)
    assert (result.net, result.total) == (Decimal("450.00"), Decimal("549.00"))


def test_refused_cleanly(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")
    written = _written(world)
    with pytest.raises(StateError, match="no work logged: cancel it without --charge-work"):
        cancel_charging_work(db, "lead", number, reason=REASON)
    work.log_work(db, "tech", number, hours="1")
    written = _written(world)
    for actor in ("tech", "fin"):
        with pytest.raises(PermissionDenied):
            cancel_charging_work(db, actor, number, reason=REASON)
    with pytest.raises(ValidationError, match="reason"):
        cancel_charging_work(db, "lead", number, reason="  ")
    detail = queries.request_detail(db, number)
    with pytest.raises(ConflictError, match="changed by someone else"):
        cancel_charging_work(db, "lead", number, reason=REASON,
                             expected_version=detail.version - 1)
    shown = preview_cancel_charge(db, number)
    work.log_work(db, "tech", number, hours="1")  # the charge changes after it was shown
    with pytest.raises(ConflictError, match="changed after it was shown"):
        cancel_charging_work(db, "lead", number, reason=REASON, confirmed=shown)
    fresh = world.request()
    written = _written(world)
    with pytest.raises(StateError):
        cancel_charging_work(db, "lead", fresh, reason=REASON)
    assert _written(world) == written
    assert queries.request_detail(db, number).state == "in_progress"


def test_the_credit_is_posted_with_the_exhaustion_procedure(world: World) -> None:
    db = world.db
    number = world.accepted("hourly", customer="POOR")  # 50.00 of credit
    work.log_work(db, "tech", number, hours="1")  # 60.00 + VAT 13.20
    result = cancel_charging_work(db, "lead", number, reason=REASON)
    assert (result.balance, result.status, result.missing) == (
        Decimal("-23.20"), "credit_exhausted", Decimal("23.20"))
    assert result.suspended_services == ("srv",)
    kinds = [n.kind for n in queries.customer_notices(db, "POOR")]
    assert "credit_exhausted" in kinds and kinds.count("cancelled_charged") == 1


def test_refunds_and_the_charges_report_treat_it_as_any_charge(world: World,
                                                               clock: FakeClock) -> None:
    db = world.db
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="2")
    result = cancel_charging_work(db, "lead", number, reason=REASON)
    refund = charge_documents.refund(db, "fin", number, net="20", reason="goodwill")
    assert refund.total == Decimal("24.40")
    today = db.today()
    report = charges_report.charges_report(db, "fin", today - timedelta(days=1), today)
    [row] = [r for r in report.rows if r.key == "ACME"]
    assert (row.count, row.net, row.refunds, row.refunded_net) == (
        1, result.net, 1, Decimal("20.00"))


def test_migration_0023_goes_down_and_up_again(db: Database) -> None:
    """Down to 0022 the function is gone (PostgreSQL; SQLite has nothing to undo), up
    again it is back and charges."""
    world = make_world(db)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    probe = text("SELECT to_regprocedure('rit_cancel_charging(integer, text, text, integer, "
                 "bigint, bigint, bigint, timestamp)') IS NOT NULL")

    def present() -> bool | None:
        if db.is_sqlite:
            return None
        with db.engine.connect() as conn:
            return bool(conn.scalar(probe))

    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0022")
    assert present() in (None, False)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    assert present() in (None, True)
    number = world.accepted("hourly")
    work.log_work(db, "tech", number, hours="1")
    assert cancel_charging_work(db, "lead", number, reason=REASON).net == Decimal("60.00")
