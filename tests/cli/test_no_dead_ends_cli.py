"""Issue 19's dead ends passable from the command line, on SQLite and on PostgreSQL (as the
real logins of each role there)."""

from __future__ import annotations

from tests.cli.conftest import Team
from tests.cli.test_lifecycle_cli import setup_world, submit, valid_until
from tests.conftest import FakeClock


def test_variations_withdraw(team: Team, cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    number = submit(cli, "ACME", "web-1", "tuning")
    ref = f"RIT-{number:06d}"
    cli.ok("requests", "take", ref, actor=u["tech"])
    quote = cli.ok("quotes", "create", ref, "--hourly", "--rate", "60", "--hours", "5",
                   "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    cli.ok("portal", "accept", quote["quote"])
    proposed = cli.ok("variations", "propose", ref, "--amount", "900", "--reason", "typo",
                      actor=u["tech"])
    refused = cli.fails("variations", "withdraw", ref, "--reason", "x", actor=u["fin"])
    assert "withdraw variations" in refused
    done = cli.ok("variations", "withdraw", ref, "--reason", "Proposed by mistake",
                  actor=u["tech"])
    assert done == {"variation": proposed["variation"], "state": "withdrawn",
                    "amount": "900.00", "request": number}
    again = cli.fails("variations", "withdraw", f"{ref}", "--reason", "again",
                      actor=u["lead"])
    assert "already withdrawn" in again
    detail = cli.ok("requests", "show", ref, actor=u["tech"])
    assert [v["state"] for v in detail["variations"]] == ["withdrawn"]
    notices = [n["kind"] for n in cli.ok("portal", "notices", "--customer", "ACME")["notices"]]
    assert notices.count("variation_withdrawn") == 1
