"""Quotes above the technicians' send limit go for a team lead's approval (issue 17, item
6), on SQLite and PostgreSQL: submitted by the technician, approved (and so sent) or
returned to draft with a reason by a lead, listed in the lead's "Quotes to approve"."""

from __future__ import annotations

import json

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.domain.errors import ConflictError, PermissionDenied, StateError, ValidationError
from app.services import queries, quotes, requests
from app.services.dto import RequestFilter
from tests.app.conftest import World, make_world
from tests.app.test_attention import listed


def big_draft(world: World, net: str = "1500.00", actor: str = "tech") -> tuple[int, int]:
    """A request taken by ``actor`` with a draft above the limit: (number, quote id)."""
    number = world.request()
    requests.take_request(world.db, actor, number)
    return number, world.fixed_quote(number, ("Migration", "1", net), send=False, actor=actor)


def events(world: World, number: int, action: str) -> list[dict[str, object]]:
    with world.db.read() as session:
        rows = session.scalars(select(m.AuditEvent).where(m.AuditEvent.request_id == number,
                                                          m.AuditEvent.action == action)
                               .order_by(m.AuditEvent.id)).all()
        return [{"actor": r.actor, **json.loads(r.details)} for r in rows]


def notices(world: World, number: int) -> list[str]:
    with world.db.read() as session:
        return list(session.scalars(select(m.Notice.kind).where(m.Notice.request_id == number)))


def test_a_technician_submits_and_a_lead_approves_it_is_sent(world: World) -> None:
    number, quote_id = big_draft(world)
    with pytest.raises(PermissionDenied, match="submit it for approval"):
        quotes.send_quote(world.db, "tech", quote_id)
    submitted = quotes.submit_quote(world.db, "tech", quote_id)
    assert (submitted.state, submitted.submitted_by) == ("submitted", "tech")
    assert submitted.submitted_at is not None
    assert events(world, number, "quote_submitted")[0]["actor"] == "tech"
    assert notices(world, number) == ["request_received"]  # the customer is not told yet
    # frozen while it waits: neither edited, deleted nor drafted again
    with pytest.raises(StateError, match="awaits a team lead's approval"):
        quotes.delete_draft(world.db, "tech", quote_id)
    with pytest.raises(ConflictError, match="awaiting a team lead's approval"):
        world.fixed_quote(number, send=False)
    sent = quotes.approve_quote(world.db, "lead", quote_id)
    assert sent.state == "sent" and sent.pdf_sha256 and sent.submitted_by == "tech"
    assert queries.request_detail(world.db, number).state == "quoted"
    assert notices(world, number) == ["request_received", "quote_proposed"]
    approved = events(world, number, "quote_approved")
    assert [(e["actor"], e["submitted_by"]) for e in approved] == [("lead", "tech")]
    assert events(world, number, "quote_sent")[0]["actor"] == "lead"
    with pytest.raises(StateError, match="only a quote submitted for approval"):
        quotes.approve_quote(world.db, "lead", quote_id)


def test_a_lead_returns_it_with_a_reason_the_technician_reads(world: World) -> None:
    number, quote_id = big_draft(world)
    quotes.submit_quote(world.db, "tech", quote_id)
    with pytest.raises(ValidationError, match="reason"):
        quotes.return_quote(world.db, "lead", quote_id, "   ")
    assert quotes.get_quote(world.db, quote_id).state == "submitted"  # nothing half-written
    returned = quotes.return_quote(world.db, "lead", quote_id, "Split the migration in two")
    assert returned.state == "draft"
    assert (returned.returned_by, returned.return_reason) == ("lead",
                                                             "Split the migration in two")
    detail = queries.request_detail(world.db, number)
    assert detail.quotes[-1].return_reason == "Split the migration in two"
    assert [(e["actor"], e["reason"]) for e in events(world, number, "quote_returned")] == [
        ("lead", "Split the migration in two")]
    # the technician edits and submits again; the lead approves this time
    again = quotes.submit_quote(world.db, "tech", quote_id)
    assert again.state == "submitted"
    assert quotes.approve_quote(world.db, "lead", quote_id).state == "sent"


def test_only_leads_and_admins_approve_or_return(world: World) -> None:
    _number, quote_id = big_draft(world)
    quotes.submit_quote(world.db, "tech", quote_id)
    for actor in ("tech", "tech2", "fin"):
        with pytest.raises(PermissionDenied, match="may not approve or return quotes"):
            quotes.approve_quote(world.db, actor, quote_id)
        with pytest.raises(PermissionDenied, match="may not approve or return quotes"):
            quotes.return_quote(world.db, actor, quote_id, "no")
    assert quotes.get_quote(world.db, quote_id).state == "submitted"
    assert quotes.approve_quote(world.db, "admin", quote_id).state == "sent"


def test_within_the_limit_the_technician_simply_sends(world: World) -> None:
    _number, quote_id = big_draft(world, net="1000.00")
    with pytest.raises(ValidationError, match="needs no approval"):
        quotes.submit_quote(world.db, "tech", quote_id)
    # a lead needs no approval either: they send any quote
    _lead_number, lead_quote = big_draft(world, actor="lead")
    with pytest.raises(ValidationError, match="needs no approval"):
        quotes.submit_quote(world.db, "lead", lead_quote)
    assert quotes.send_quote(world.db, "tech", quote_id).state == "sent"


def test_only_the_assignee_submits(world: World) -> None:
    _number, quote_id = big_draft(world)
    with pytest.raises(PermissionDenied, match="only on their own requests"):
        quotes.submit_quote(world.db, "tech2", quote_id)
    with pytest.raises(PermissionDenied, match="may not send quotes"):
        quotes.submit_quote(world.db, "fin", quote_id)


def test_the_approval_queue_lists_exactly_the_submitted_quotes(world: World) -> None:
    waiting, waiting_quote = big_draft(world)
    returned, returned_quote = big_draft(world)
    draft, _draft_quote = big_draft(world)
    approved, approved_quote = big_draft(world)
    for quote_id in (waiting_quote, returned_quote, approved_quote):
        quotes.submit_quote(world.db, "tech", quote_id)
    assert listed(world, "to_approve") == {waiting, returned, approved}
    quotes.return_quote(world.db, "lead", returned_quote, "too dear")
    quotes.approve_quote(world.db, "lead", approved_quote)
    assert listed(world, "to_approve") == {waiting}
    assert draft not in listed(world, "to_approve")
    page = queries.list_requests(world.db, RequestFilter(attention="to_approve"))
    assert [r.number for r in page.rows] == [waiting]


def test_declining_the_request_withdraws_a_submitted_quote(world: World) -> None:
    number, quote_id = big_draft(world)
    quotes.submit_quote(world.db, "tech", quote_id)
    requests.decline_request(world.db, "lead", number, reason="Not feasible")
    assert quotes.get_quote(world.db, quote_id).state == "withdrawn"
    assert listed(world, "to_approve") == set()


def test_the_technician_finds_what_came_back(world: World) -> None:
    """The technician's queue "Quotes returned to me": their drafts a lead returned, until
    submitted again (or sent); another technician's are not theirs."""
    returned, returned_quote = big_draft(world)
    _other, other_quote = big_draft(world, actor="tech2")
    _waiting, waiting_quote = big_draft(world)
    for actor, quote_id in (("tech", returned_quote), ("tech2", other_quote),
                            ("tech", waiting_quote)):
        quotes.submit_quote(world.db, actor, quote_id)
        if quote_id != waiting_quote:
            quotes.return_quote(world.db, "lead", quote_id, "cheaper, please")

    def mine() -> set[int]:
        f = RequestFilter(attention="returned", assignee="tech")
        page = queries.list_requests(world.db, f, limit=100, with_total=True)
        numbers = {r.number for r in page.rows}
        assert page.total == len(numbers) == queries.queue_counts(world.db, "tech")["returned"]
        return numbers

    assert mine() == {returned}
    quotes.submit_quote(world.db, "tech", returned_quote)
    assert mine() == set()


def test_migration_0016_goes_down_and_up_again(sqlite_db: Database) -> None:
    """Down to 0015 a submitted quote is a draft again and the columns are gone (SQLite
    drops them in place: a table copy is refused by the triggers naming quotes); up again
    they are back."""
    world = make_world(sqlite_db)
    _number, quote_id = big_draft(world)
    quotes.submit_quote(sqlite_db, "tech", quote_id)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def columns() -> set[str]:
        return {c["name"] for c in inspect(sqlite_db.engine).get_columns("quotes")}

    with sqlite_db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0015")
    assert not columns() & {"submitted_by_id", "return_reason"}
    with sqlite_db.engine.connect() as conn:
        assert conn.scalar(text("SELECT state FROM quotes WHERE id = :q"), {"q": quote_id}) \
            == "draft"
    with sqlite_db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    assert {"submitted_by_id", "submitted_at", "returned_by_id", "returned_at",
            "return_reason"} <= columns()
