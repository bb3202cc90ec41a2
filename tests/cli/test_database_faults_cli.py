"""Issue 9, part 2: every database failure at any point of a command is one line, exit 2.

Each command runs once per statement it sends, the N-th statement failing as a server
going away makes it fail (PostgreSQL: the connection is terminated; SQLite: the driver
refuses the statement), from the start-up checks (connection, schema version) to the
last statement before the commit. Every run must end with one readable line and exit
status 2, and leave every row of every table as it was; the run past the last
statement succeeds. (Past the 30th statement every 17th fails: ``init`` on PostgreSQL
sends some 200, granting privileges.)
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.services import staff
from tests.cli.conftest import Cli, assert_one_line_failure, snapshot
from tests.conftest import FakeClock
from tests.faults import StatementFault
from ui.cli import main as cli_main


class Faults:
    """The statement fault of the database the CLI opened last (``at``: which fails)."""

    def __init__(self) -> None:
        self.at: int | None = None
        self.last: StatementFault | None = None


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch, cli_clock: FakeClock) -> Faults:
    holder = Faults()
    opened: Callable[..., Database] = cli_main.open_database  # the clock's, set by cli_clock

    def open_with_fault(url_text: str | None, **kwargs: Any) -> Database:
        db = opened(url_text, **kwargs)
        holder.last = StatementFault(db.engine, holder.at)
        return db

    monkeypatch.setattr(cli_main, "open_database", open_with_fault)
    return holder


def world(cli: Cli, clock: FakeClock) -> dict[str, int]:
    valid = (clock.now.date() + timedelta(days=30)).isoformat()
    # records without database logins (logins are cluster-wide): the CLI acts for them
    # as a trusted login
    db = Database(cli.url, clock=clock)
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    for user, role in [("tech", "technician"), ("fin", "finance")]:
        staff.add_staff(db, "admin", user, name=user.title(), role=role, login=False)
    db.dispose()
    cli.ok("customers", "add", "ACME", "--name", "Acme Srl", "--credit", "1000", actor="admin")
    cli.ok("services", "add", "ACME", "--name", "web-1", "--kind", "vps", actor="admin")
    ids: dict[str, int] = {}
    for key in ("work", "quote"):
        ids[key] = cli.ok("portal", "submit", "--customer", "ACME", "--service", "web-1",
                          "--category", "ssl", "--subject", "Wildcard certificate")["request"]
        cli.ok("requests", "take", ids[key], actor="tech")
    quote = cli.ok("quotes", "create", ids["work"], "--fixed", "--line", "Work;1;390",
                   "--valid-until", valid, "--send", actor="tech")["quote"]
    cli.ok("portal", "accept", quote)
    return ids


COMMANDS: list[tuple[str | None, str]] = [
    (None, "customers show ACME"),
    (None, "requests list --search certificate"),
    ("fin", "customers topup ACME --amount 10"),
    ("tech", "work log {work} --hours 1:30"),
    ("tech", "requests complete {work}"),
    ("tech", "quotes create {quote} --fixed --line Work;1;100 --valid-until {until} --send"),
    ("admin", "settings set company_name Nimbus"),
    (None, "init"),
]


def test_a_failure_at_any_statement_is_one_line(make_cli: Callable[[str], Cli], db_url: str,
                                                cli_clock: FakeClock, faults: Faults) -> None:
    cli = make_cli(db_url)
    ids = world(cli, cli_clock)
    until = (cli_clock.now.date() + timedelta(days=30)).isoformat()
    failures = 0
    for actor, line in COMMANDS:
        argv = line.format(until=until, **ids).split()
        before = snapshot(db_url)
        at = 1
        while True:
            faults.at, faults.last = at, None
            result = cli.run(*argv, actor=actor)
            fault = faults.last
            if fault is None or fault.failed is None:  # past the last statement: it worked
                assert result.code == 0, (line, result)
                break
            if result.code == 0 and line.startswith("requests complete"):
                # the charge committed and the fault hit what comes after it, storing the
                # charge document: the command says it completed (it did), and the
                # document is made from the charge's stored facts on its first request
                assert _document_pending(db_url, ids["work"]), (line, fault.failed)
                break
            assert_one_line_failure(result)
            assert "cannot be used" in result.err or "cannot connect" in result.err, (
                line, fault.failed, result.err)
            assert snapshot(db_url) == before, (line, fault.failed)
            failures += 1
            at += 1 if at < 30 else 17  # init on PostgreSQL sends 200 (privileges)
        assert at > 2, line  # at least the connection check and the command's own statement
    assert failures > 30


def _document_pending(url: str, number: int) -> bool:
    """The request is charged, its charge document's facts are stored, its PDF is not."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT d.pdf IS NULL AND d.facts <> '' FROM charges c JOIN charge_documents d "
                "ON d.charge_id = c.id WHERE c.request_id = :n"), {"n": number}).scalar())
    finally:
        engine.dispose()


@pytest.mark.parametrize("command", ["customers show ACME", "init"])
def test_a_schema_newer_than_this_version(make_cli: Callable[[str], Cli], db_url: str,
                                          command: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    try:
        before = snapshot(db_url)
        result = make_cli(db_url).run(*command.split())
        assert_one_line_failure(result)
        assert "revision 9999_from_the_future, which this version of RIT Desk does not know" in (
            result.err)
        assert snapshot(db_url) == before
    finally:  # the PostgreSQL test database is shared by the whole run
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        engine.dispose()


@pytest.mark.postgres
def test_a_login_that_cannot_read_the_schema_version(make_cli: Callable[[str], Cli],
                                                     pg_url: str) -> None:
    role = f"rit_desk_test_noread_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        host_and_db = pg_url.split("@", 1)[1]
        cli = make_cli(f"postgresql+psycopg://{role}@{host_and_db}")
        for command in ("customers show ACME", "init", "requests list"):
            result = cli.run(*command.split())
            assert_one_line_failure(result)
            assert "permission denied" in result.err, result.err
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
