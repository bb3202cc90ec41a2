"""The worker's document job (issue 18), on both databases: charge documents and credit
notes rendered from their stored facts and stored once; the registry of kinds; a failing
renderer leaves the item for the next round; the charged notice waits for its document
and carries it byte for byte; migration 0022 goes down and up again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.services import billing, charge_documents, document_jobs, work, worker
from tests.app.conftest import World
from tests.app.test_delivery import Inbox, inbox, mailing  # noqa: F401 - the fixtures
from ui.finance.documents import renderers


def _charged(world: World) -> int:
    number = world.accepted()
    work.log_work(world.db, "tech", number, hours="1")
    billing.complete_request(world.db, "tech", number)  # the workstation stores nothing
    return number


def _stored(db: Database, number: int) -> bytes | None:
    with db.read() as session:
        charge = session.scalar(select(m.Charge).where(m.Charge.request_id == number))
        assert charge is not None
        document = session.get(m.StoredChargeDocument, charge.id)
        return None if document is None or document.pdf is None else bytes(document.pdf)


def _jobs(done: Sequence[worker.Done]) -> list[tuple[str, str]]:
    """The charge documents' and credit notes' jobs (the invoices the charges issue are
    the kind ``invoice``'s: tests/cli/test_invoices_cli.py)."""
    return [(d.job, d.subject) for d in done if d.job.startswith("document")
            and not d.subject.startswith(("FT ", "NC "))]


def test_the_worker_renders_and_stores_each_document_once(world: World) -> None:
    db = world.db
    number = _charged(world)
    refund = charge_documents.refund(db, "fin", number, reason="goodwill", net="10")
    assert charge_documents.charge_summary(db, "fin", number).document_state == "preparing"
    done = worker.run_once(db, renderers=renderers())
    assert _jobs(done) == [("document_stored", f"RIT-{number:06d}"),
                           ("document_stored", refund.reference)]
    summary = charge_documents.charge_summary(db, "fin", number)
    assert (summary.document_state, summary.pdf_intact) == ("stored", True)
    assert _stored(db, number) == renderers()["charge"](summary.document)
    assert _jobs(worker.run_once(db, renderers=renderers())) == []  # once
    assert summary.refunds[0].pdf_sha256 is not None


def test_without_renderers_the_worker_leaves_documents_alone(world: World) -> None:
    number = _charged(world)
    assert _jobs(worker.run_once(world.db)) == []
    assert _stored(world.db, number) is None


def test_a_failing_renderer_leaves_the_document_for_the_next_round(world: World) -> None:
    db = world.db
    number = _charged(world)

    def broken(_document: Any) -> bytes:
        raise RuntimeError("renderer out of fonts")

    done = worker.run_once(db, renderers={"charge": broken})
    assert [(d.job, d.ok, "out of fonts" in d.detail) for d in done
            if d.job.startswith("document")] == [("document_failed", False, True)]
    assert _stored(db, number) is None
    assert _jobs(worker.run_once(db, renderers=renderers())) == [
        ("document_stored", f"RIT-{number:06d}")]


@pytest.fixture
def extra_kind() -> Iterator[list[int]]:
    """A kind of document of a test's own (as issue 20's invoices will be), removed after."""
    made: list[int] = [7, 8]
    stored: dict[int, bytes] = {}

    def pending(_session: Session, limit: int) -> Sequence[int]:
        return [i for i in made if i not in stored][:limit]

    def take(_db: Database, _session: Session, ident: int) -> document_jobs.Taken | None:
        return None if ident in stored else document_jobs.Taken({"n": ident}, f"INV-{ident}")

    def store(_db: Database, _session: Session, ident: int, pdf: bytes) -> str:
        stored[ident] = pdf
        return "ab" * 32

    before = dict(document_jobs.KINDS)
    document_jobs.register(document_jobs.DocumentKind("invoice", pending, take, store))
    try:
        yield made
    finally:
        document_jobs.KINDS.clear()
        document_jobs.KINDS.update(before)


def test_a_kind_of_document_is_added_by_registering_it(world: World,
                                                       extra_kind: list[int]) -> None:
    rendered: list[Any] = []

    def render(document: Any) -> bytes:
        rendered.append(document)
        return b"%PDF-1.4 invoice"

    done = worker.run_once(world.db, renderers={**renderers(), "invoice": render})
    assert _jobs(done) == [("document_stored", "INV-7"), ("document_stored", "INV-8")]
    assert rendered == [{"n": 7}, {"n": 8}]
    assert _jobs(worker.run_once(world.db, renderers={**renderers(), "invoice": render})) == []


def test_the_charged_email_waits_for_its_document_and_carries_it(
        world: World, mailing: Inbox) -> None:  # noqa: F811
    """In one round of the worker: the document stored, then the notice mailed with it
    (byte for byte); without the document it waits, and is not a failed attempt."""
    db = world.db
    number = _charged(world)
    waiting = [d for d in worker.run_once(db) if "completed_charged" in d.subject]
    assert [d.job for d in waiting] == ["notice_waiting"]
    done = worker.run_once(db, renderers=renderers())
    jobs = [d.job for d in done]
    assert jobs.index("document_stored") < jobs.index("notice_sent")
    (charged,) = [msg for _to, msg in mailing.messages if "completed" in str(msg["Subject"])]
    (pdf,) = charged.iter_attachments()
    assert pdf.get_content() == _stored(db, number)
    with db.read() as session:
        notice = session.scalar(select(m.Notice).where(m.Notice.kind == "completed_charged",
                                                       m.Notice.request_id == number))
        assert notice is not None and (notice.delivery_state, notice.attempts) == ("sent", 1)


def _function(url: str, name: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT pg_get_functiondef(to_regprocedure(:f))"),
                               {"f": name})
    finally:
        engine.dispose()


def test_migration_0022_goes_down_and_up_again(db_url: str) -> None:
    """Down to 0021: staff store documents again, no rit_is_worker; up: the worker's."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(db_url)
    postgres = not db_url.startswith("sqlite")
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0021")
        if postgres:
            assert _function(db_url, "rit_is_worker()") is None
            assert "'finance', 'admin'" in str(_function(
                db_url, "rit_store_document(text, integer, bytea, timestamp)"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    if postgres:
        stored = str(_function(db_url, "rit_store_document(text, integer, bytea, timestamp)"))
        assert "rit_is_worker()" in stored and "'finance', 'admin'" not in stored
        assert "lead_portal_worker" in str(_function(db_url, "rit_moves(text, text, text, jsonb)"))
    db = Database(db_url)
    try:
        db.upgrade_schema()  # the grants again, the worker's group among them
    finally:
        db.dispose()
