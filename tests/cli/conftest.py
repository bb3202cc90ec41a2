"""Driving ``rit-desk`` in-process: ``ui.cli.main.main(argv)`` with captured output."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.db.models import Base
from tests.conftest import FakeClock
from ui.cli import main as cli_main

Snapshot = dict[str, list[tuple[Any, ...]]]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def invoke(argv: list[str]) -> int:
    """``main`` returns the exit code; argparse's usage errors exit through SystemExit."""
    try:
        return cli_main.main(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1


class Cli:
    """``rit-desk --db URL [--as USER] ...`` run in this process, output captured by capsys."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self.capsys = capsys

    def run(self, *args: str | int, actor: str | None = None) -> Result:
        argv = ["--db", self.url, *(["--as", actor] if actor else []), *map(str, args)]
        self.capsys.readouterr()
        code = invoke(argv)
        out, err = self.capsys.readouterr()
        return Result(code, out, err)

    def ok(self, *args: str | int, actor: str | None = None) -> Any:
        """Run with ``--json``: exit 0, nothing on stderr, one JSON object on stdout."""
        result = self.run(*args, "--json", actor=actor)
        assert result.code == 0 and result.err == "", result
        assert result.out.count("\n") == 1, result.out
        data = result.json()
        assert isinstance(data, dict)
        return data

    def fails(self, *args: str | int, actor: str | None = None) -> str:
        """Exit 2, exactly one readable line on stderr, nothing on stdout; returns the line."""
        result = self.run(*args, actor=actor)
        assert_one_line_failure(result)
        return result.err.strip()


def assert_one_line_failure(result: Result) -> None:
    assert result.code == 2, result
    assert "Traceback" not in result.err and "Error:" not in result.err, result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rit-desk: "), result.err
    # what was typed is echoed with its control characters written out: an ESC sequence
    # would act on the terminal, a NUL would end the line for many readers
    assert not any(ord(c) < 32 or ord(c) == 127 for c in lines[0]), repr(lines[0])
    assert len(lines[0]) < 400, lines[0]
    assert result.out == "", result.out


def snapshot(url: str) -> Snapshot:
    """Every row of every table, in primary-key order: "nothing written" means equal."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table.name: [tuple(row) for row in conn.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


@pytest.fixture(autouse=True)
def _cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No database, user or password leaks in from the environment of the machine."""
    for name in ("RIT_DESK_DB", "RIT_DESK_USER", "RIT_DESK_DB_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture
def cli_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The clock of every database the CLI opens in this test (so a test can move time)."""
    clock = FakeClock(datetime.now(UTC).replace(tzinfo=None, microsecond=0))
    original: Callable[..., Database] = cli_main.open_database

    def open_with_clock(url_text: str | None, **kwargs: Any) -> Database:
        db = original(url_text, **kwargs)
        db.clock = clock
        return db

    monkeypatch.setattr(cli_main, "open_database", open_with_clock)
    return clock


@pytest.fixture
def make_cli(capsys: pytest.CaptureFixture[str], cli_clock: FakeClock) -> Iterator[Callable[[str], Cli]]:
    yield lambda url: Cli(url, capsys)


class LoginCli(Cli):
    """PostgreSQL: each step connects as the login of whoever acts (no ``--as``); a step
    with no actor is the control panel's, through its login."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str], portal: str) -> None:
        super().__init__(url, capsys)
        self.portal = portal

    def run(self, *args: str | int, actor: str | None = None) -> Result:
        url = make_url(self.url).set(username=actor or self.portal)
        argv = ["--db", url.render_as_string(hide_password=False), *map(str, args)]
        self.capsys.readouterr()
        code = invoke(argv)
        out, err = self.capsys.readouterr()
        return Result(code, out, err)


@dataclass
class Team:
    """The people of a test: plain user names on SQLite; on PostgreSQL logins named for
    the run (roles are the whole cluster's), dropped when the test ends."""

    users: dict[str, str]
    maintenance: Cli  # the trusted login (superuser) or the embedded file's owner
    cli: Cli  # each step as its actor
    logins: list[str]

    def __getitem__(self, key: str) -> str:
        return self.users[key]


@pytest.fixture
def team(make_cli: Callable[[str], Cli], capsys: pytest.CaptureFixture[str],
         db_url: str) -> Iterator[Team]:
    keys = ("admin", "tech", "tech2", "lead", "fin")
    if db_url.startswith("sqlite"):
        cli = make_cli(db_url)
        yield Team({k: k for k in keys}, cli, cli, [])
        return
    run = f"rt{secrets.token_hex(3)}"
    users = {k: f"{run}_{k}" for k in keys}
    portal = f"{run}_portal"
    try:
        yield Team(users, make_cli(db_url), LoginCli(db_url, capsys, portal),
                   [*users.values(), portal])
    finally:
        engine = create_engine(db_url)
        with engine.begin() as conn:
            for login in [*users.values(), portal]:
                conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        engine.dispose()
