"""Signing in as yourself from the command line (issue 8): init --admin, staff, whoami,
the rules of --as; on PostgreSQL with logins named for the run, on SQLite as the file's
owner."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.services import staff
from tests.cli.conftest import Cli, LoginCli, Team

# -- the embedded database: one trusted workstation -----------------------------------


def test_sqlite_runs_as_the_owner_without_as(make_cli: Callable[[str], Cli],
                                              tmp_path: Path) -> None:
    cli = make_cli(f"sqlite:///{tmp_path / 'rit.sqlite3'}")
    first = cli.ok("init", "--admin", "ada", "--name", "Ada Admin")
    assert first["admin"] == "ada"
    assert cli.ok("init", "--admin", "ada", "--name", "Ada Admin")["admin"] == "ada"  # again
    assert cli.ok("whoami") == {"username": None, "name": None, "role": None, "login": None,
                                "trusted": True}
    assert cli.ok("whoami", actor="ada") == {"username": "ada", "name": "Ada Admin",
                                             "role": "admin", "login": None, "trusted": True}
    # without --as: the owner may do what an admin does
    cli.ok("staff", "add", "tom", "--name", "Tom Tech", "--role", "technician")
    cli.ok("customers", "add", "ACME", "--name", "Acme Srl", "--credit", "10")
    # with --as: that person's role applies
    assert "may not manage staff" in cli.fails("staff", "add", "eve", "--name", "Eve",
                                               "--role", "admin", actor="tom")
    assert "may not manage" in cli.fails("customers", "add", "X", "--name", "X", actor="tom")
    assert cli.ok("staff", "set-role", "tom", "--role", "team_lead", actor="ada")["role"] == \
        "team_lead"
    assert "last active admin" in cli.fails("staff", "set-role", "ada", "--role", "finance")
    assert cli.ok("staff", "deactivate", "tom")["active"] is False
    assert "no longer active" in cli.fails("customers", "topup", "ACME", "--amount", "1",
                                           actor="tom")
    assert "no logins" in cli.fails("staff", "passwd", "--password-stdin")
    assert "give --as USER" in cli.fails("requests", "take", "1")


# -- PostgreSQL: each person signs in as themselves ------------------------------------


@pytest.fixture
def pg_team(team: Team, db_url: str) -> Team:
    if not isinstance(team.cli, LoginCli):
        pytest.skip("logins: PostgreSQL only")
    u = team.users
    team.maintenance.ok("init", "--admin", u["admin"], "--name", "Ada Admin",
                        "--portal", team.cli.portal)
    return team


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    return lambda text_: monkeypatch.setattr("sys.stdin", io.StringIO(text_))


def _password_of(url: str, login: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            value = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                                 {"r": login}).scalar()
            return None if value is None else str(value)
    finally:
        engine.dispose()


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_signed_in_as_yourself(pg_team: Team, db_url: str, monkeypatch: pytest.MonkeyPatch,
                               stdin: Callable[[str], None]) -> None:
    cli, u = pg_team.cli, pg_team.users
    assert cli.ok("whoami", actor=u["admin"]) == {
        "username": u["admin"], "name": "Ada Admin", "role": "admin", "login": u["admin"],
        "trusted": False}
    stdin("s3cret-tom\n")
    result = cli.run("staff", "add", u["tech"], "--name", "Tom Tech", "--role", "technician",
                     "--password-stdin", actor=u["admin"])
    assert result.code == 0 and "s3cret" not in result.out + result.err
    assert (_password_of(db_url, u["tech"]) or "").startswith("SCRAM-SHA-256$")
    # --as naming someone else: refused, whoever the login
    line = cli.fails("--as", u["tech"], "whoami", actor=u["admin"])
    assert line == f"rit-desk: you are signed in as {u['admin']}"
    monkeypatch.setenv("RIT_DESK_USER", u["admin"])
    assert cli.fails("requests", "list", actor=u["tech"]) == \
        f"rit-desk: you are signed in as {u['tech']}"
    monkeypatch.delenv("RIT_DESK_USER")
    assert cli.ok("whoami", actor=u["tech"])["role"] == "technician"  # --as itself: fine
    # what a technician may not do, whatever the command
    assert "may not manage" in cli.fails("staff", "add", "eve", "--name", "Eve", "--role",
                                         "admin", actor=u["tech"])
    assert "may not manage" in cli.fails("customers", "add", "X", "--name", "X",
                                         actor=u["tech"])
    assert "not a login of the control panel" in cli.fails(
        "portal", "topup", "--customer", "X", "--amount", "1", actor=u["tech"])
    # the control panel adds customers and services
    cli.ok("customers", "add", "ACME", "--name", "Acme Srl", "--credit", "10")
    cli.ok("services", "add", "ACME", "--name", "web-1")
    # own password: the server gets a verifier, never the password
    before = _password_of(db_url, u["tech"])
    stdin("n3w-pass\n")
    assert cli.ok("staff", "passwd", "--password-stdin", actor=u["tech"])["user"] == u["tech"]
    assert _password_of(db_url, u["tech"]) != before
    stdin("n3w-pass\n")
    assert "may not manage" in cli.fails("staff", "passwd", u["admin"], "--password-stdin",
                                         actor=u["tech"])
    # a new role: the login's group follows
    assert cli.ok("staff", "set-role", u["tech"], "--role", "team_lead",
                  actor=u["admin"])["role"] == "team_lead"
    assert cli.ok("whoami", actor=u["tech"])["role"] == "team_lead"
    # deactivated: the login is told so, whatever it runs, and may read nothing any more
    assert cli.ok("staff", "deactivate", u["tech"], actor=u["admin"])["active"] is False
    assert cli.fails("whoami", actor=u["tech"]) == \
        f"rit-desk: user {u['tech']} is no longer active"
    assert "no longer active" in cli.fails("requests", "list", actor=u["tech"])
    where = make_url(db_url)
    with pytest.raises(psycopg.errors.InsufficientPrivilege), psycopg.connect(
            host=where.host, port=where.port or 5432, dbname=where.database,
            user=u["tech"]) as conn:
        conn.execute("SELECT count(*) FROM requests")
    # trusted maintenance may act for anyone: the audit names both
    pg_team.maintenance.ok("customers", "topup", "ACME", "--amount", "5", actor=u["admin"])
    engine = create_engine(db_url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT login, actor FROM audit_events WHERE action = 'topup' "
                                "ORDER BY id DESC LIMIT 1")).one()
    engine.dispose()
    assert tuple(row) == ("postgres", u["admin"])


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_an_existing_login_is_linked_with_its_password(pg_team: Team, db_url: str) -> None:
    """The same person in another RIT Desk database: ``staff add`` links the login."""
    u = pg_team.users
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{u["lead"]}" LOGIN PASSWORD \'kept-as-it-is\''))
    engine.dispose()
    before = _password_of(db_url, u["lead"])
    pg_team.cli.ok("staff", "add", u["lead"], "--name", "Lea Lead", "--role", "team_lead",
                   actor=u["admin"])
    assert _password_of(db_url, u["lead"]) == before
    assert pg_team.cli.ok("whoami", actor=u["lead"])["role"] == "team_lead"
    line = pg_team.cli.fails("staff", "add", u["lead"], "--name", "Again", "--role",
                             "technician", actor=u["admin"])
    assert "already exists" in line
    line = pg_team.cli.fails("staff", "add", "postgres", "--name", "Root", "--role", "admin",
                             actor=u["admin"])
    assert "not a plain login" in line


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_an_older_database_gets_its_logins(team: Team, db_url: str) -> None:
    """Staff records made before logins existed: ``init --admin`` gives the admin one,
    ``staff add`` (as the admin) each of the others, keeping their records."""
    if not isinstance(team.cli, LoginCli):
        pytest.skip("logins: PostgreSQL only")
    u = team.users
    db = Database(db_url)
    staff.add_staff(db, None, u["admin"], name="Ada Admin", role="admin", login=False)
    staff.add_staff(db, None, u["tech"], name="Tom Tech", role="technician", login=False)
    db.dispose()
    assert "does not exist" in team.cli.fails("whoami", actor=u["tech"])  # no login yet
    team.maintenance.ok("init", "--admin", u["admin"])
    team.cli.ok("staff", "add", u["tech"], "--name", "Tom Tech", "--role", "technician",
                actor=u["admin"])
    assert team.cli.ok("whoami", actor=u["tech"])["name"] == "Tom Tech"
    listed = team.cli.ok("staff", "list", actor=u["tech"])["staff"]
    assert sorted(s["username"] for s in listed) == sorted([u["admin"], u["tech"]])



def test_whoami_text(make_cli: Callable[[str], Cli], tmp_path: Path) -> None:
    cli = make_cli(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    cli.ok("init", "--admin", "ada")
    assert "owner of the embedded database" in cli.run("whoami").out
    assert cli.run("whoami", actor="ada").out.startswith("ada (ada, admin)")


@pytest.mark.postgres
def test_no_password_asked_when_the_server_asks_none(make_cli: Callable[[str], Cli],
                                                     pg_url: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9.5 at the terminal too: under trust authentication nobody is asked."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", _no_prompt)
    make_cli(pg_url).ok("customers", "list")


def _no_prompt(prompt: str = "") -> str:
    raise AssertionError(f"asked for a password: {prompt}")


def test_the_password_is_asked_once_the_server_asks(make_cli: Callable[[str], Cli],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli.test_bad_input_cli import PasswordRefusingServer

    server = PasswordRefusingServer()
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return "typed"

    monkeypatch.setattr("getpass.getpass", typed)
    try:
        line = make_cli(f"postgresql+psycopg://alice@127.0.0.1:{server.port}/rit").fails(
            "customers", "list")
    finally:
        server.close()
    assert "password authentication failed" in line and "typed" not in line
    assert len(asked) == 1 and server.passwords == [b"typed"]


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_control_panel_login_gets_a_password(team: Team, db_url: str,
                                                 stdin: Callable[[str], None]) -> None:
    """``init --portal LOGIN --password-stdin`` (after the admin's line), then ``portal
    passwd`` by an admin; a technician may not (issue 16: it had no password at all)."""
    if not isinstance(team.cli, LoginCli):
        pytest.skip("logins: PostgreSQL only")
    u, portal = team.users, team.cli.portal
    stdin("admin-secret\nportal-secret-1\n")
    team.maintenance.ok("init", "--admin", u["admin"], "--password-stdin", "--portal", portal)
    first = _password_of(db_url, portal)
    assert first is not None and first != _password_of(db_url, u["admin"])
    stdin("portal-secret-2\n")
    assert team.cli.ok("portal", "passwd", "--password-stdin", actor=u["admin"]) == {
        "login": portal, "password": "changed"}
    assert _password_of(db_url, portal) not in (None, first)
    team.cli.ok("staff", "add", u["tech"], "--name", "Tom", "--role", "technician",
                actor=u["admin"])
    stdin("portal-secret-3\n")
    assert "may not" in team.cli.fails("portal", "passwd", u["admin"], "--password-stdin",
                                       actor=u["tech"])
    stdin("portal-secret-3\n")
    assert "not a login of this database's control panel" in team.cli.fails(
        "portal", "passwd", u["tech"], "--password-stdin", actor=u["admin"])


def test_the_embedded_database_has_no_control_panel_password(make_cli: Callable[[str], Cli],
                                                             tmp_path: Path) -> None:
    cli = make_cli(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    cli.ok("init")
    assert "no logins" in cli.fails("portal", "passwd", "--password-stdin")
