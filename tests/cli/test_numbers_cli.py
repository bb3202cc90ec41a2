"""Issue 9, part 3, from the command line, on SQLite and PostgreSQL: the numbers of the
issue (``1e3``, ``5e-1``, ``1_000``, ``١٢``, ``１２``; ``1e1`` hours; ``billing_increment_minutes
١٥``) are refused with one line and exit status 2, and nothing is written."""

from __future__ import annotations

from datetime import timedelta

from tests.cli.conftest import Team, snapshot
from tests.cli.test_lifecycle_cli import setup_world, submit
from tests.conftest import FakeClock

AMOUNTS = ["1e3", "5e-1", "1_000", "١٢", "１２", "nan"]
HOURS = ["1e1", "١٢", "１２", "1_0"]
WHOLE = ["١٥", "1_5", "1e1", "１５"]


def test_numbers_of_the_issue_are_refused(team: Team, cli_clock: FakeClock) -> None:
    cli = setup_world(team)  # on PostgreSQL each step as a login of the right role
    u = team.users
    valid = (cli_clock.now.date() + timedelta(days=30)).isoformat()
    evaluating = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", evaluating, actor=u["tech"])
    working = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", working, actor=u["tech"])
    quote = cli.ok("quotes", "create", working, "--hourly", "--rate", "60", "--hours", "4",
                   "--valid-until", valid, "--send", actor=u["tech"])["quote"]
    cli.ok("portal", "accept", quote)
    entry = cli.ok("work", "log", working, "--hours", "1", actor=u["tech"])["entry"]
    hourly: list[str | int] = ["quotes", "create", evaluating, "--hourly", "--valid-until", valid]
    commands: list[tuple[str | None, list[str | int]]] = [
        (None, ["portal", "topup", "--customer", "ACME", "--amount", "{n}"]),  # amounts
        (u["fin"], ["customers", "topup", "ACME", "--amount", "{n}"]),
        (u["fin"], ["customers", "adjust", "ACME", "--amount", "{n}", "--reason", "x"]),
        (u["admin"], ["customers", "add", "NEW", "--name", "New", "--credit", "{n}"]),
        (u["tech"], ["quotes", "create", evaluating, "--fixed", "--valid-until", valid,
                  "--line", "Work;1;{n}"]),
        (u["tech"], ["quotes", "create", evaluating, "--fixed", "--valid-until", valid,
                  "--line", "Work;{n};10"]),
        (u["tech"], [*hourly, "--rate", "{n}", "--hours", "2"]),
        (u["tech"], [*hourly, "--rate", "60", "--hours", "{n}"]),
        (u["tech"], [*hourly, "--rate", "60", "--hours", "2", "--vat", "{n}"]),
        (u["tech"], ["variations", "propose", working, "--amount", "{n}", "--reason", "x"]),
        (u["admin"], ["settings", "set", "tech_send_limit", "{n}"]),
    ]
    hours: list[tuple[str | None, list[str | int]]] = [
        (u["tech"], ["work", "log", working, "--hours", "{n}"]),
        (u["tech"], ["work", "edit", entry, "--hours", "{n}", "--date", valid]),
    ]
    whole: list[tuple[str | None, list[str | int]]] = [
        (u["admin"], ["settings", "set", "billing_increment_minutes", "{n}"]),
        (u["admin"], ["settings", "set", "quote_validity_days", "{n}"]),
        (None, ["requests", "show", "{n}"]),
        (None, ["requests", "list", "--limit", "{n}"]),
        (None, ["requests", "list", "--offset", "{n}"]),
    ]
    before = snapshot(team.maintenance.url)
    for inputs, group in ((AMOUNTS, commands), (HOURS, hours), (WHOLE, whole)):
        for actor, argv in group:
            for number in inputs:
                cli.fails(*[str(a).replace("{n}", number) for a in argv], actor=actor)
    for date in ("20300101", "2030-W01-1", "２０３０-01-01"):
        cli.fails("work", "log", working, "--hours", "1", "--date", date, actor=u["tech"])
    assert "١٥" in cli.fails("settings", "set", "billing_increment_minutes", "١٥", actor=u["admin"])
    assert snapshot(team.maintenance.url) == before
    assert cli.ok("settings", "show")["billing_increment_minutes"] == 15
