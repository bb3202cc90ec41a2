"""Every bad input of issue 2: exit code 2, one readable line on stderr, nothing written.

A small world in every request state is built once through the CLI into an SQLite
template; each case runs on a copy and compares every row of every table (and the
``customers show`` / ``requests show`` JSON) before and after.
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import shutil
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import (
    Cli,
    Result,
    Snapshot,
    assert_one_line_failure,
    invoke,
    snapshot,
)
from tests.conftest import FakeClock

TODAY = datetime.now(UTC).date()
LONG = {n: "x" * n for n in (41, 121, 201, 1001, 5001, 100_000)}


@dataclass(frozen=True)
class Template:
    path: Path
    ids: dict[str, int]
    rows: Snapshot
    shows: dict[str, Any]


def _run(url: str, line: str, **ids: Any) -> Any:
    """One CLI call for the template (module scope: no capsys); returns its JSON."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = invoke(["--db", url, *shlex.split(line.format(**ids)), "--json"])
    assert code == 0 and not err.getvalue(), (line, err.getvalue())
    return json.loads(out.getvalue())


def _shows(cli: Cli | None, url: str, ids: dict[str, int],
           only: set[str] | None = None) -> dict[str, Any]:
    """What ``customers show`` and ``requests show`` print (for the keys in ``only``)."""
    shows: dict[str, Any] = {}
    for code in ("ACME", "POOR"):
        if only is None or code in only:
            shows[code] = cli.ok("customers", "show", code) if cli else _run(
                url, f"customers show {code}")
    for key, number in ids.items():
        if key.startswith("r_") and (only is None or key in only):
            shows[key] = cli.ok("requests", "show", number) if cli else _run(
                url, f"requests show {number}")
    return shows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    path = tmp_path_factory.mktemp("bad-input") / "template.sqlite3"
    url = f"sqlite:///{path}"
    valid = (TODAY + timedelta(days=30)).isoformat()
    with pytest.MonkeyPatch.context() as env:
        for name in ("RIT_DESK_DB", "RIT_DESK_USER", "RIT_DESK_DB_PASSWORD"):
            env.delenv(name, raising=False)
        run = lambda line, **kw: _run(url, line, **kw)  # noqa: E731
        run("init")
        run("staff add admin --name 'Ada Admin' --role admin")
        for user, role in [("tech", "technician"), ("tech2", "technician"),
                           ("lead", "team_lead"), ("fin", "finance")]:
            run(f"--as admin staff add {user} --name {user.title()} --role {role}")
        run("--as admin customers add ACME --name 'Acme Srl' --credit 1000")
        run("--as admin services add ACME --name web-1 --kind vps")
        run("--as admin customers add POOR --name 'Poor Spa' --credit 50")
        run("--as admin services add POOR --name srv --kind hosting")
        ids: dict[str, int] = {}

        def request(key: str, take: bool = True) -> int:
            number: int = run("portal submit --customer ACME --service web-1 --category ssl "
                              "--subject 'Wildcard certificate'")["request"]
            if take:
                run(f"--as tech requests take {number}")
            ids[key] = number
            return number

        def quote(number: int, key: str, until: str = valid, hourly: bool = False) -> int:
            kind = "--hourly --rate 60 --hours 5" if hourly else "--fixed --line 'Work;1;390'"
            qid: int = run(f"--as tech quotes create {number} {kind} --valid-until {until} "
                           "--send")["quote"]
            ids[key] = qid
            return qid

        request("r_new", take=False)
        request("r_eval")
        quote(request("r_quoted"), "q_quoted")
        run("portal accept {q}", q=quote(request("r_acc"), "q_acc"))
        prog = request("r_prog")
        run("portal accept {q}", q=quote(prog, "q_prog", hourly=True))
        run(f"--as tech work log {prog} --hours 1")
        var = request("r_var")
        run("portal accept {q}", q=quote(var, "q_var", hourly=True))
        run(f"--as tech work log {var} --hours 1")
        ids["v_pending"] = run(f"--as tech variations propose {var} --amount 400 "
                               "--reason 'More work'")["variation"]
        done = request("r_done")
        run("portal accept {q}", q=quote(done, "q_done"))
        run(f"--as tech work log {done} --hours 2")
        run(f"--as tech requests complete {done}")
        run("portal reject {q} --reason 'Too much'", q=quote(request("r_rej"), "q_rej"))
        sup = request("r_sup")
        quote(sup, "q_sup1")
        quote(sup, "q_sup2")
        quote(request("r_exp"), "q_exp", until=TODAY.isoformat())  # expired from tomorrow
        shows = _shows(None, url, ids)
    assert not Path(f"{path}-wal").exists()
    yield Template(path, ids, snapshot(url), shows)


@pytest.fixture
def world(template: Template, tmp_path: Path, make_cli: Callable[[str], Cli]) -> Cli:
    copy = tmp_path / "world.sqlite3"
    shutil.copyfile(template.path, copy)
    return make_cli(f"sqlite:///{copy}")


def _case(args: str, message: str, days_ahead: int = 0) -> Any:
    return pytest.param(args, message, days_ahead, id=args)


YESTERDAY = (TODAY - timedelta(days=1)).isoformat()
VALID = (TODAY + timedelta(days=30)).isoformat()
FIXED = f"--fixed --valid-until {VALID} --line"
HOURLY = f"--hourly --valid-until {VALID}"

CASES = [
    # amounts: zero, negative, over 1,000,000, more than two decimals
    _case("portal topup --customer ACME --amount 0", "top-up amount must be greater than zero"),
    _case("portal topup --customer ACME --amount -5", "must be greater than zero"),
    _case("portal topup --customer ACME --amount 1000000.01", "must not exceed 1,000,000.00"),
    _case("portal topup --customer ACME --amount 10.005", "more than two decimals"),
    _case("portal topup --customer ACME --amount 12abc", "not a number"),
    _case("--as fin customers topup ACME --amount 0", "greater than zero"),
    _case("--as fin customers topup ACME --amount 2000000", "must not exceed"),
    _case("--as fin customers adjust ACME --amount 0 --reason x", "must not be zero"),
    _case("--as fin customers adjust ACME --amount -1000000.01 --reason x", "must not exceed"),
    _case("--as fin customers adjust ACME --amount -1.999 --reason x", "two decimals"),
    _case("--as admin customers add NEW --name New --credit 0", "credit must be greater"),
    _case("--as admin customers add NEW --name New --credit -1", "credit must be greater"),
    _case("--as admin customers add NEW --name New --credit 1000000.01", "must not exceed"),
    _case("--as admin customers add NEW --name New --credit 3.141", "two decimals"),
    _case("--as tech variations propose {r_prog} --amount 0 --reason x", "greater than zero"),
    _case("--as tech variations propose {r_prog} --amount -10 --reason x", "greater than zero"),
    _case("--as tech variations propose {r_prog} --amount 1000000.01 --reason x",
          "must not exceed"),
    _case("--as tech variations propose {r_prog} --amount 10.001 --reason x", "two decimals"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;1;0'", "unit price must be greater"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;1;-5'", "greater than zero"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;1;1000000.01'", "must not exceed"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;1;1.005'", "two decimals"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;0;10'", "quantity must be greater"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Work;2;600000'", "net total must not"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 0 --hours 2", "rate must be"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate -60 --hours 2", "rate must be"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 1000000.01 --hours 1",
          "must not exceed"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 60.125 --hours 2", "two decimals"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 60 --hours 0", "estimated hours"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 60 --hours 2 --vat 101",
          "VAT rate"),
    # hours <= 0 or > 24 in one entry
    _case("--as tech work log {r_prog} --hours 0", "hours must be greater than zero"),
    _case("--as tech work log {r_prog} --hours 0:00", "hours must be greater than zero"),
    _case("--as tech work log {r_prog} --hours -1", "hours must be greater than zero"),
    _case("--as tech work log {r_prog} --hours 24:01", "must not exceed 24 hours"),
    _case("--as tech work log {r_prog} --hours 25", "must not exceed 24 hours"),
    _case("--as tech work log {r_prog} --hours 1:75", "minutes must be below 60"),
    _case("--as tech work log {r_prog} --hours ²:00", "must look like 2:30"),
    _case("--as tech work log {r_prog} --hours 1 --date 2999-01-01", "in the future"),
    # a validity date in the past
    _case(f"--as tech quotes create {{r_eval}} --fixed --line 'Work;1;10' --valid-until "
          f"{YESTERDAY}", "is in the past"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY.replace(VALID, YESTERDAY)} --rate 60 "
          "--hours 1 --send", "is in the past"),
    # accepting an expired, rejected or superseded quote
    _case("portal accept {q_exp}", "expired on", days_ahead=2),
    _case("portal reject {q_exp}", "expired on", days_ahead=2),
    _case("portal accept {q_rej}", "is rejected and cannot be answered"),
    _case("portal accept {q_sup1}", "replaced by a newer revision"),
    _case("portal accept {q_acc}", "is accepted and cannot be answered"),
    _case("portal accept {q_done}", "cannot be answered"),
    # logging hours on a request that is not accepted
    _case("--as tech work log {r_new} --hours 1", "only once a quote is accepted"),
    _case("--as tech work log {r_eval} --hours 1", "only once a quote is accepted"),
    _case("--as tech work log {r_quoted} --hours 1", "only once a quote is accepted"),
    _case("--as tech work log {r_rej} --hours 1", "only once a quote is accepted"),
    _case("--as tech work log {r_done} --hours 1", "only once a quote is accepted"),
    # completing twice, or too early
    _case("--as tech requests complete {r_done}", "already completed and charged"),
    _case("--as lead requests complete {r_done}", "already completed and charged"),
    _case("--as tech requests complete {r_acc}", "no work logged"),
    _case("--as tech requests complete {r_quoted}", "cannot be completed"),
    _case("--as tech requests complete {r_var}", "awaits the customer"),
    _case("--as tech variations propose {r_var} --amount 500 --reason x", "still awaiting"),
    # a technician doing a finance action or a team lead's action
    _case("--as tech customers topup ACME --amount 10", "tech (technician) may not record top-ups"),
    _case("--as tech customers adjust ACME --amount -10 --reason x", "may not record credit"),
    _case("--as lead customers topup ACME --amount 10", "lead (team_lead) may not record"),
    _case("--as tech requests assign {r_eval} --to tech2", "may not assign requests"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} 'Big job;1;1000.01' --send",
          "a team lead must send it"),
    _case("--as tech2 requests complete {r_prog}", "only on their own requests"),
    _case("--as tech2 work log {r_prog} --hours 1", "only on their own requests"),
    _case("--as tech2 requests decline {r_eval} --reason 'Not feasible'", "own requests"),
    _case("--as fin requests take {r_new}", "fin (finance) may not take a request"),
    _case("--as fin requests complete {r_prog}", "may not complete"),
    _case("--as tech settings set tech_send_limit 5000", "may not manage staff and settings"),
    _case("--as tech staff add eve --name Eve --role admin", "may not manage"),
    _case("--as lead requests assign {r_eval} --to fin", "cannot work on requests"),
    # unknown customer, service, category, user, request (and quote, variation)
    _case("portal submit --customer NOPE --service web-1 --category ssl --subject x",
          "unknown customer: NOPE"),
    _case("portal submit --customer ACME --service nope --category ssl --subject x",
          "has no service named 'nope'"),
    _case("portal submit --customer ACME --service web-1 --category plumbing --subject x",
          "unknown category 'plumbing'"),
    _case("portal submit --customer ACME --service web-1 --category ssl --subject x "
          "--priority asap", "unknown priority"),
    _case("requests list --category plumbing", "unknown category 'plumbing'"),
    _case("requests list --state done", "unknown state 'done'"),
    _case("requests list --priority asap", "unknown priority 'asap'"),
    _case("requests list --assignee nobody", "unknown user: nobody"),
    _case("portal topup --customer NOPE --amount 10", "unknown customer: NOPE"),
    _case("customers show NOPE", "unknown customer: NOPE"),
    _case("--as admin services add NOPE --name x", "unknown customer"),
    _case("--as admin services add ACME --name x --kind mainframe", "unknown service kind"),
    _case("--as nobody requests take {r_new}", "unknown user: nobody"),
    _case("--as lead requests assign {r_eval} --to nobody", "unknown user: nobody"),
    _case("--as admin staff add eve --name Eve --role boss", "unknown role"),
    _case("requests show 99999", "unknown request: RIT-099999"),
    _case("requests show RIT-099999", "unknown request: RIT-099999"),
    _case("requests show RIT-000001/1", "names a quote; the request is RIT-000001"),
    _case("quotes show RIT-099999/1", "unknown quote: RIT-099999/1"),
    _case("quotes show RIT-{r_new}", "has no quote"),
    _case("portal agree RIT-{r_new}", "has no variation"),
    _case("--as tech requests take 99999", "unknown request"),
    _case("--as tech work log 99999 --hours 1", "unknown request"),
    _case("--as tech requests complete 99999", "unknown request"),
    _case("--as tech variations propose 99999 --amount 10 --reason x", "unknown request"),
    _case("portal cancel 99999", "unknown request"),
    _case("portal accept 99999", "unknown quote: 99999"),
    _case("portal agree 99999", "unknown variation: 99999"),
    _case("requests show 0", "not a reference such as RIT-000123 or RIT-000123/2, nor a number"),
    _case("requests show abc", "not a reference such as RIT-000123"),
    _case("quotes show RIT-1/0", "a quote revision starts at 1"),
    # over-long texts
    _case("portal submit --customer ACME --service web-1 --category ssl --subject {long201}",
          "subject is too long (201 characters, at most 200)"),
    _case("portal submit --customer ACME --service web-1 --category ssl --subject x "
          "--description {long5001}", "description is too long"),
    _case("--as admin customers add NEW --name {long121}", "customer name is too long"),
    _case("--as admin customers add {long41} --name New", "customer code is too long"),
    _case("--as admin staff add eve --name {long121} --role technician", "name is too long"),
    _case("--as admin services add ACME --name {long121}", "service name is too long"),
    _case("--as tech requests decline {r_eval} --reason {long1001}", "reason is too long"),
    _case("--as tech work log {r_prog} --hours 1 --note {long1001}", "note is too long"),
    _case("--as tech variations propose {r_prog} --amount 10 --reason {long1001}",
          "reason is too long"),
    _case(f"--as tech quotes create {{r_eval}} {FIXED} '{{long1001}};1;10'",
          "description is too long"),
    _case(f"--as tech quotes create {{r_eval}} {HOURLY} --rate 60 --hours 1 --notes {{long5001}}",
          "notes is too long"),
    _case("portal reject {q_quoted} --reason {long1001}", "reason is too long"),
    # issue 9: a 100,000-character search or name, refused in a short line
    _case("requests list --search {long100000}",
          "the search is too long (100000 characters, at most 200)"),
    _case("customers show {long100000}", "unknown customer: xxx"),
    _case("--as {long100000} requests take {r_new}", "unknown user: xxx"),
    _case("requests list --assignee {long100000}", "unknown user: xxx"),
    _case("--as tech work log {r_prog} --hours 1 --note 'a\x01b'", "note contains control"),
    _case("--as fin customers adjust ACME --amount 5 --reason {long1001}", "reason is too long"),
    # control characters where they make no sense (a NUL cannot come through a real
    # command line; it can through main(argv)), refused, and echoed written out
    _case("requests list --search 'a\x00b'", "the search contains control characters"),
    _case("--as admin settings set company_name 'Nimbus\x1b[2J'",
          "company_name contains control characters"),
    _case("--as admin settings set company_address 'Via X\x00'",
          "company_address contains control characters"),
    _case("--as 'tech\x1b[2J' requests take {r_new}", "unknown user: tech\\x1b[2J"),
    _case("customers show 'AC\x07ME'", "unknown customer: AC\\x07ME"),
    _case("--as fin customers statement 'AC\x1bME' --from 2026-01-01 --to 2026-01-31",
          "unknown customer: AC\\x1bME"),
    _case("portal submit --customer ACME --service 'web\x1b-1' --category ssl --subject x",
          "has no service named 'web\\\\x1b-1'"),
    # other refusals that must not write either
    _case("--as tech requests take {r_eval}", "cannot be taken"),
    _case("portal cancel {r_prog}", "ask the technical department"),  # accepted: free (issue 19)
    _case("--as tech requests decline {r_done} --reason x", "cannot be declined"),
    _case("--as tech quotes send {q_quoted}", "can no longer be changed"),
    _case("--as admin customers add ACME --name Again", "customer ACME already exists"),
    _case("--as admin staff add tech --name Again --role technician", "user tech already exists"),
    _case("--as admin services add ACME --name web-1", "already has a service named"),
    _case("--as admin settings set tech_send_limit -5", "send limit must be greater than zero"),
    _case("--as admin settings set company_logo_path /etc/passwd", "not a PNG or JPEG image"),
    _case("--as admin settings set company_logo_path logo.png", "give the full path"),
    _case("requests take {r_new}", "give --as USER"),
    _case("init --demo", "already holds data"),
    _case(f"--as tech quotes create {{r_eval}} --fixed --line 'Work;1;10' --valid-until "
          f"{(TODAY + timedelta(days=400)).isoformat()}", "more than a year away"),
    _case("--as tech quotes create {r_eval} --fixed --line 'no separators' "
          f"--valid-until {VALID}", "DESCRIPTION;QTY;UNIT_PRICE"),
    _case("--as tech quotes create {r_eval} --fixed --valid-until 2025-02-30 --line 'a;1;1'",
          "not a date"),
]


@pytest.mark.parametrize(("args", "message", "days_ahead"), CASES)
def test_bad_input_changes_nothing(world: Cli, template: Template, cli_clock: FakeClock,
                                   args: str, message: str, days_ahead: int) -> None:
    cli_clock.now += timedelta(days=days_ahead)
    argv = shlex.split(args.format(**template.ids, **{f"long{n}": t for n, t in LONG.items()}))
    line = world.fails(*argv)
    assert message in line, line
    assert snapshot(world.url) == template.rows
    cli_clock.now -= timedelta(days=days_ahead)
    # every row of every table is unchanged; the CLI's own views say so too
    named = {key for key in template.ids if "{" + key + "}" in args}
    named |= {"r_" + key[2:] for key in named if key.startswith("q_")} & set(template.ids)
    named |= {code for code in ("ACME", "POOR") if code in args} or {"ACME"}
    shown = _shows(world, world.url, template.ids, only=named)
    assert shown == {k: v for k, v in template.shows.items() if k in shown}


def test_answering_a_variation_twice(world: Cli, template: Template) -> None:
    variation = template.ids["v_pending"]
    assert world.ok("portal", "agree", variation)["state"] == "agreed"
    rows = snapshot(world.url)
    for command in ("agree", "refuse"):
        assert "was already agreed" in world.fails("portal", command, variation)
    assert snapshot(world.url) == rows


def test_expired_quote_reads_expired_then_the_sweep(world: Cli, template: Template,
                                                    cli_clock: FakeClock) -> None:
    quote = template.ids["q_exp"]
    assert world.ok("quotes", "show", quote)["state"] == "sent"
    cli_clock.now += timedelta(days=1)
    assert world.ok("quotes", "show", quote)["state"] == "expired"  # before the sweep
    assert world.ok("quotes", "expire") == {"expired": [quote]}
    assert world.ok("requests", "show", template.ids["r_exp"])["state"] == "expired"
    assert "expired on" in world.fails("portal", "accept", quote)


def test_usage_errors_are_one_line(world: Cli, template: Template) -> None:
    for argv in (["quotes"], ["nonsense"], ["portal", "topup", "--customer", "ACME"],
                 ["quotes", "create", "1", "--fixed", "--hourly", "--valid-until", "2030-01-01"],
                 ["requests", "list", "--limit", "0"]):
        world.fails(*argv)
    assert snapshot(world.url) == template.rows


# -- the database itself -------------------------------------------------------------------
def _fails_without_writing(cli: Cli, *argv: str) -> str:
    result = cli.run(*argv)
    assert_one_line_failure(result)
    return result.err.strip()


@pytest.mark.parametrize("command", [["customers", "show", "ACME"], ["init"],
                                     ["portal", "topup", "--customer", "ACME", "--amount", "5"]])
def test_unreachable_postgresql(make_cli: Callable[[str], Cli], command: list[str]) -> None:
    cli = make_cli("postgresql+psycopg://postgres@127.0.0.1:1/rit_desk")
    line = _fails_without_writing(cli, *command)
    assert "cannot connect to postgresql+psycopg://postgres@127.0.0.1:1/rit_desk" in line
    assert "refused" in line.lower()


@pytest.mark.postgres
def test_unknown_database_and_role(make_cli: Callable[[str], Cli], pg_url: str) -> None:
    server = pg_url.rsplit("/", 1)[0]
    cli = make_cli(f"{server}/rit_desk_no_such_database")
    line = _fails_without_writing(cli, "customers", "show", "ACME")
    assert 'database "rit_desk_no_such_database" does not exist' in line
    line = _fails_without_writing(cli, "init")
    assert "does not exist" in line
    host = server.split("@", 1)[1]
    cli = make_cli(f"postgresql+psycopg://rit_desk_no_such_role@{host}/postgres")
    line = _fails_without_writing(cli, "customers", "show", "ACME")
    assert 'role "rit_desk_no_such_role" does not exist' in line


@pytest.mark.postgres
def test_postgresql_database_without_schema(make_cli: Callable[[str], Cli], pg_url: str) -> None:
    server = pg_url.rsplit("/", 1)[0]
    # template1 exists on every server and never holds a RIT Desk schema: read-only use here
    line = _fails_without_writing(make_cli(f"{server}/template1"), "customers", "show", "ACME")
    assert "run 'rit-desk init' first" in line


class PasswordRefusingServer:
    """Just enough of the PostgreSQL protocol to ask for a password and refuse it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.passwords: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                with conn:
                    self._session(conn)

    @staticmethod
    def _recv(conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = conn.recv(size - len(data))
            if not chunk:
                raise OSError("client went away")
            data += chunk
        return data

    def _session(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:  # SSL / GSS encryption requests first: answer "no"
                length, code = struct.unpack("!ii", self._recv(conn, 8))
                body = self._recv(conn, length - 8)
                if code in (80877103, 80877104):
                    conn.sendall(b"N")
                    continue
                break
            assert b"user" in body
            conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
            kind = self._recv(conn, 1)
            (length,) = struct.unpack("!i", self._recv(conn, 4))
            password = self._recv(conn, length - 4)
            if kind == b"p":
                self.passwords.append(password.rstrip(b"\0"))
            fields = (b"SFATAL\0VFATAL\0C28P01\0"
                      b'Mpassword authentication failed for user "alice"\0\0')
            conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def refusing_server() -> Iterator[PasswordRefusingServer]:
    server = PasswordRefusingServer()
    yield server
    server.close()


def test_password_refused(make_cli: Callable[[str], Cli], refusing_server: PasswordRefusingServer,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIT_DESK_DB_PASSWORD", "s3cret-Wrong")
    url = f"postgresql+psycopg://alice@127.0.0.1:{refusing_server.port}/rit"
    cli = make_cli(url)
    for command in (["customers", "show", "ACME"], ["init"]):
        result = cli.run(*command)
        assert_one_line_failure(result)
        assert "password authentication failed" in result.err
        assert "s3cret" not in result.err + result.out  # never the password in a message
    assert refusing_server.passwords[-1] == b"s3cret-Wrong"  # the environment's password was used


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://root@localhost/rit", "unsupported database 'mysql'"),
    ("not a url", "not a database URL"),
    ("postgresql+psycopg://postgres@[::1/rit", "not a database URL"),
])
def test_bad_database_urls(make_cli: Callable[[str], Cli], url: str, message: str) -> None:
    assert message in _fails_without_writing(make_cli(url), "customers", "show", "ACME")


def test_missing_sqlite_file_is_not_created(make_cli: Callable[[str], Cli], tmp_path: Path) -> None:
    target = tmp_path / "typo" / "rit.sqlite3"
    line = _fails_without_writing(make_cli(f"sqlite:///{target}"), "customers", "show", "ACME")
    assert "run 'rit-desk init' first" in line
    assert not target.parent.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = _fails_without_writing(make_cli(f"sqlite:///{blocker}/sub/rit.sqlite3"), "init")
    assert "cannot create the folder" in line
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    line = _fails_without_writing(make_cli(f"sqlite:///{garbage}"), "customers", "show", "ACME")
    assert "file is not a database" in line
    assert garbage.read_bytes() == b"this is not a database" * 100


def test_results_shape(template: Template) -> None:
    """The template really holds every state the cases rely on."""
    states = {key: template.shows[key]["state"] for key in template.shows if key.startswith("r_")}
    assert states == {"r_new": "new", "r_eval": "evaluating", "r_quoted": "quoted",
                      "r_acc": "accepted", "r_prog": "in_progress", "r_var": "in_progress",
                      "r_done": "completed", "r_rej": "rejected", "r_sup": "quoted",
                      "r_exp": "quoted"}


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://alice:s3cr3t@db.example:54x9/rit",
    "postgresql+psycopg://alice:s3cr3t@[::1/rit",
    "postgresql+psycopg://alice@127.0.0.1:1/rit?password=s3cr3t",
])
@pytest.mark.parametrize("where", ["--db", "RIT_DESK_DB"])
def test_password_in_a_bad_url_is_never_printed(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch,
                                                url: str, where: str) -> None:
    """Issue 9.4: from --db or from the environment, the password is not echoed."""
    argv = ["customers", "show", "ACME"]
    if where == "RIT_DESK_DB":
        monkeypatch.setenv("RIT_DESK_DB", url)
    else:
        argv = ["--db", url, *argv]
    capsys.readouterr()
    code = invoke(argv)
    out, err = capsys.readouterr()
    result = Result(code, out, err)
    assert_one_line_failure(result)
    assert "s3cr3t" not in result.err + result.out
    assert "***" in result.err or "cannot connect" in result.err
