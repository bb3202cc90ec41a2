"""The whole lifecycle through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.errors import ConflictError, PermissionDenied, StateError, ValidationError
from app.services import billing, credit, customers, queries, quotes, requests, variations, work
from tests.app.conftest import World


def test_fixed_quote_accepted_done_and_charged(world: World) -> None:
    db = world.db
    number = world.request()
    assert requests.take_request(db, "tech", number) == "evaluating"
    quote_id = world.fixed_quote(number, ("Certificate", "1", "59"), ("Install", "2", "165.50"))
    view = quotes.get_quote(db, quote_id)
    assert (view.net, view.vat, view.total) == (Decimal("390.00"), Decimal("85.80"),
                                                Decimal("475.80"))
    assert view.pdf_sha256 and view.state == "sent"
    quotes.accept_quote(db, quote_id)
    work.log_work(db, "tech", number, hours="1:10")
    assert queries.request_detail(db, number).state == "in_progress"
    result = billing.complete_request(db, "tech", number)
    assert (result.net, result.vat, result.total) == (Decimal("390.00"), Decimal("85.80"),
                                                      Decimal("475.80"))
    assert result.balance == Decimal("524.20") and result.status == "active"
    detail = queries.request_detail(db, number)
    assert detail.state == "completed" and detail.charge is not None
    actions = [h.action for h in detail.history]
    assert actions[0] == "request_submitted" and actions[-1] == "request_completed"
    assert "completed_charged" in [n.kind for n in detail.notices]
    with pytest.raises(StateError, match="already completed"):
        billing.complete_request(db, "tech", number)
    acme = customers.get_customer(db, "ACME")
    assert acme.balance == Decimal("524.20")
    assert [e.kind for e in acme.ledger] == ["topup", "charge"]


def test_hourly_work_runs_over_variation_caps_charge(world: World) -> None:
    db = world.db
    number = world.accepted("hourly")  # 60/h x 5 h = 300.00 indicative
    for hours in ("2:05", "2:00", "1:50"):  # billable 2:15 + 2:00 + 2:00 = 6:15 -> 375.00
        work.log_work(db, "tech", number, hours=hours)
    summary = queries.request_detail(db, number).work_summary
    assert summary.work_amount == Decimal("375.00") and summary.warning == "over"
    preview = billing.preview_charge(db, number)
    assert preview.capped and preview.net == Decimal("300.00")
    proposal = variations.propose_variation(db, "tech", number, amount="340", reason="more work")
    with pytest.raises(ConflictError):
        variations.propose_variation(db, "tech", number, amount="350", reason="again")
    with pytest.raises(StateError, match="awaits"):
        billing.complete_request(db, "tech", number)
    variations.agree_variation(db, proposal.id)
    result = billing.complete_request(db, "tech", number)
    assert (result.net, result.vat, result.total) == (Decimal("340.00"), Decimal("74.80"),
                                                      Decimal("414.80"))


def test_credit_exhaustion_and_topup_restart(world: World) -> None:
    db = world.db
    number = world.accepted(customer="POOR")
    work.log_work(db, "tech", number, hours="1")
    result = billing.complete_request(db, "tech", number)
    assert result.balance == Decimal("-425.80") and result.status == "credit_exhausted"
    assert result.missing == Decimal("425.80") and result.suspended_services == ("srv",)
    poor = customers.get_customer(db, "POOR")
    assert [s.status for s in poor.services] == ["suspended"]
    partial = customers.topup(db, None, "POOR", "400")
    assert partial.status == "credit_exhausted" and partial.missing == Decimal("25.80")
    full = customers.topup(db, "fin", "POOR", "25.80")
    assert full.status == "active" and full.balance == Decimal("0.00")
    assert full.restarted_services == ("srv",)
    kinds = [n.kind for n in queries.customer_notices(db, "POOR")]
    assert "credit_exhausted" in kinds and "service_restarted" in kinds
    with db.read() as session:
        assert credit.ledger_sum(session, poor.id) == Decimal("0.00")


def test_expired_quote_cannot_be_accepted_and_sweep(world: World, clock: object) -> None:
    from datetime import timedelta

    db = world.db
    number = world.request()
    quote_id = world.fixed_quote(number)
    db.clock.now += timedelta(days=31)  # type: ignore[attr-defined]
    assert quotes.get_quote(db, quote_id).state == "expired"  # before the sweep
    with pytest.raises(StateError, match="expired"):
        quotes.accept_quote(db, quote_id)
    assert quotes.expire_quotes(db) == [quote_id]
    assert queries.request_detail(db, number).state == "expired"
    # a new revision can be quoted; the old one stays read-only
    new_id = world.fixed_quote(number)
    assert quotes.get_quote(db, new_id).revision == 2
    with pytest.raises(StateError):
        quotes.accept_quote(db, quote_id)
    quotes.accept_quote(db, new_id)


def test_superseded_and_rejected_quotes(world: World) -> None:
    db = world.db
    number = world.request()
    first = world.fixed_quote(number)
    second = world.fixed_quote(number, ("Cheaper", "1", "300"))
    assert quotes.get_quote(db, first).state == "superseded"
    with pytest.raises(StateError, match="replaced"):
        quotes.accept_quote(db, first)
    quotes.reject_quote(db, second, reason="too expensive")
    with pytest.raises(StateError, match="rejected"):
        quotes.accept_quote(db, second)
    assert queries.request_detail(db, number).state == "rejected"


def test_permissions(world: World) -> None:
    db = world.db
    number = world.request()
    with pytest.raises(PermissionDenied):
        requests.assign_request(db, "tech", number, "tech2")
    with pytest.raises(PermissionDenied):
        customers.topup(db, "lead", "ACME", "10")
    with pytest.raises(PermissionDenied):
        requests.take_request(db, "fin", number)
    requests.assign_request(db, "lead", number, "tech2")
    with pytest.raises(PermissionDenied, match="own requests"):
        requests.decline_request(db, "tech", number, reason="no")
    big_quote = quotes.QuoteInput(kind="fixed", valid_until=world.valid(),
                                  lines=[quotes.LineInput("Big", "1", "1000.01")])
    with pytest.raises(PermissionDenied, match="own requests"):  # tech2's request
        quotes.create_quote(db, "tech", number, big_quote)
    big = quotes.create_quote(db, "tech2", number, big_quote)
    with pytest.raises(PermissionDenied, match="own requests"):
        quotes.send_quote(db, "tech", big.id)
    with pytest.raises(PermissionDenied, match="team lead"):
        quotes.send_quote(db, "tech2", big.id)
    quotes.send_quote(db, "lead", big.id)


def test_work_rules(world: World) -> None:
    db = world.db
    number = world.request()
    with pytest.raises(StateError, match="accepted"):
        work.log_work(db, "tech", number, hours="1")
    number = world.accepted()
    with pytest.raises(StateError, match="no work"):
        billing.complete_request(db, "tech", number)
    for bad in ("0", "-1", "24:01", "25", "abc", "1:75"):
        with pytest.raises(ValidationError):
            work.log_work(db, "tech", number, hours=bad)
    entry = work.log_work(db, "tech", number, hours="0:20")
    assert entry.billable_minutes == 30
    with pytest.raises(PermissionDenied):
        work.edit_work(db, "tech2", entry.id, hours="1", work_date=entry.work_date)
    edited = work.edit_work(db, "tech", entry.id, hours="1:00", work_date=entry.work_date,
                            expected_version=entry.version)
    with pytest.raises(ConflictError, match="reload"):
        work.edit_work(db, "lead", entry.id, hours="2", work_date=entry.work_date,
                       expected_version=entry.version)
    assert edited.minutes == 60


def test_stale_edit_of_request_is_refused(world: World) -> None:
    db = world.db
    number = world.request()
    seen = queries.request_detail(db, number).version
    requests.take_request(db, "tech", number, expected_version=seen)
    with pytest.raises(ConflictError, match="changed"):
        requests.assign_request(db, "lead", number, "tech2", expected_version=seen)


def test_assigning_to_the_assignee_is_refused(world: World) -> None:
    """Issue 17: "Sara Romano -> Sara Romano" was recorded; now refused, nothing written."""
    db = world.db
    number = world.request()
    with pytest.raises(ValidationError, match="is not assigned to anyone already"):
        requests.assign_request(db, "lead", number, None)
    requests.assign_request(db, "lead", number, "tech2")
    before = queries.request_detail(db, number)
    with pytest.raises(ValidationError, match=f"RIT-{number:06d} is already assigned to tech2"):
        requests.assign_request(db, "lead", number, "tech2")
    after = queries.request_detail(db, number)
    assert (after.version, len(after.history)) == (before.version, len(before.history))


def test_bad_amounts_change_nothing(world: World) -> None:
    db = world.db
    before = customers.get_customer(db, "ACME")
    for bad in ("0", "-5", "1000000.01", "1.001", "abc", "NaN"):
        with pytest.raises(ValidationError):
            customers.topup(db, "fin", "ACME", bad)
    after = customers.get_customer(db, "ACME")
    assert after.balance == before.balance and len(after.ledger) == len(before.ledger)


def test_queue_queries_page_sort_filter(world: World) -> None:
    db = world.db
    numbers = [world.request(category=c) for c in ("ssl", "backup", "ssl", "tuning")]
    requests.take_request(db, "tech", numbers[1])
    from app.services.dto import RequestFilter

    page = queries.list_requests(db, RequestFilter(category="ssl"), with_total=True)
    assert page.total == 2 and {r.number for r in page.rows} == {numbers[0], numbers[2]}
    page = queries.list_requests(db, RequestFilter(assignee="tech"))
    assert [r.number for r in page.rows] == [numbers[1]]
    page = queries.list_requests(db, sort="number", descending=False, offset=1, limit=2)
    assert [r.number for r in page.rows] == numbers[1:3]
    page = queries.list_requests(db, RequestFilter(search="acme"), with_total=True)
    assert page.total == 4
    page = queries.list_requests(db, RequestFilter(search="wildcard certificate"))
    assert len(page.rows) == 4
    page = queries.list_requests(db, RequestFilter(search=f"RIT-{numbers[3]:06d}"))
    assert [r.number for r in page.rows] == [numbers[3]]
    counts = queries.queue_counts(db, "tech")
    assert counts["new"] == 3 and counts["evaluating"] == 1 and counts["mine"] == 1
