"""Issue 19's dead ends passable from the command line, on SQLite and on PostgreSQL (as the
real logins of each role there)."""

from __future__ import annotations

from datetime import timedelta

from tests.cli.conftest import Cli, Team
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


def _accepted(cli: Cli, u: dict[str, str], clock: FakeClock, *, work: str = "") -> str:
    number = submit(cli, "ACME", "web-1", "tuning")
    ref = f"RIT-{number:06d}"
    cli.ok("requests", "take", ref, actor=u["tech"])
    quote = cli.ok("quotes", "create", ref, "--hourly", "--rate", "60", "--hours", "5",
                   "--valid-until", valid_until(clock), "--send", actor=u["tech"])
    cli.ok("portal", "accept", quote["quote"])
    if work:
        cli.ok("work", "log", ref, "--hours", work, actor=u["tech"])
    return ref


def test_requests_cancel_and_portal_cancel_after_acceptance(team: Team,
                                                            cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    worked = _accepted(cli, u, cli_clock, work="2")
    cli.ok("variations", "propose", worked, "--amount", "900", "--reason", "more",
           actor=u["tech"])
    for who in ("tech", "fin"):
        assert "cancel accepted requests" in cli.fails(
            "requests", "cancel", worked, "--reason", "x", actor=u[who])
    assert "ask the technical department" in cli.fails("portal", "cancel", worked)
    done = cli.ok("requests", "cancel", worked, "--reason", "Site moved away",
                  actor=u["lead"])
    assert done == {"request": int(worked[4:]), "state": "cancelled", "charged": False}
    detail = cli.ok("requests", "show", worked, actor=u["tech"])
    assert detail["state"] == "cancelled" and detail["charge"] is None
    assert [v["state"] for v in detail["variations"]] == ["withdrawn"]
    assert "cancelled" in cli.fails("requests", "cancel", worked, "--reason", "again",
                                    actor=u["admin"])
    notices = [n["kind"] for n in cli.ok("portal", "notices", "--customer", "ACME")["notices"]]
    assert notices.count("request_cancelled") == 1
    assert cli.ok("customers", "show", "ACME", actor=u["admin"])["balance"] == "1000.00"

    free = _accepted(cli, u, cli_clock)
    assert cli.ok("portal", "cancel", free) == {"request": int(free[4:]), "state": "cancelled"}


def test_quotes_extend(team: Team, cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    number = submit(cli, "ACME", "web-1", "ssl")
    ref = f"RIT-{number:06d}"
    cli.ok("requests", "take", ref, actor=u["tech"])
    sent = cli.ok("quotes", "create", ref, "--fixed", "--line", "SSL install;1;90",
                  "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    later = (cli_clock.now.date() + timedelta(days=45)).isoformat()
    assert "send quotes" in cli.fails("quotes", "extend", f"{ref}/1", "--valid-until", later,
                                      actor=u["fin"])
    done = cli.ok("quotes", "extend", f"{ref}/1", "--valid-until", later, actor=u["tech"])
    assert (done["state"], done["valid_until"], done["revision"]) == ("sent", later, 2)
    assert done["total"] == sent["total"]
    shown = cli.ok("requests", "show", ref, actor=u["tech"])
    assert [q["state"] for q in shown["quotes"]] == ["replaced", "sent"]
    assert "only a sent quote" in cli.fails("quotes", "extend", f"{ref}/1", "--valid-until",
                                            later, actor=u["lead"])
    notices = [n["kind"] for n in cli.ok("portal", "notices", "--customer", "ACME")["notices"]]
    assert notices.count("quote_extended") == 1
    assert cli.ok("portal", "accept", f"{ref}/2")["state"] == "accepted"


def test_requests_cancel_charging_the_work(team: Team, cli_clock: FakeClock) -> None:
    """``requests cancel --charge-work``: the keys of ``requests complete --json`` and
    ``state``; a fixed-price request without an agreed variation refused in words."""
    cli, u = setup_world(team), team.users
    worked = _accepted(cli, u, cli_clock, work="1:10")  # 1:15 billable at 60/h
    for who in ("tech", "fin"):
        assert "cancel accepted requests" in cli.fails(
            "requests", "cancel", worked, "--reason", "x", "--charge-work", actor=u[who])
    done = cli.ok("requests", "cancel", worked, "--reason", "Site moved away",
                  "--charge-work", actor=u["lead"])
    completed_keys = {"request", "charge", "charge_document_sha256", "balance", "status",
                      "missing", "suspended"}
    assert completed_keys | {"state"} <= set(done)
    assert done["state"] == "cancelled" and done["request"] == int(worked[4:])
    assert done["charge"] == {"net": "75.00", "vat": "16.50", "total": "91.50"}
    assert done["balance"] == "908.50"
    if cli.url.startswith("sqlite"):  # the workstation stores the document at once
        assert len(done["charge_document_sha256"]) == 64
    else:  # a team lead's login stores no document: the worker does (issue 18)
        assert done["charge_document_sha256"] is None
        assert cli.ok("charges", "show", worked, actor=u["fin"])["document"] == "preparing"
    assert "cancelled" in cli.fails("requests", "cancel", worked, "--reason", "again",
                                    "--charge-work", actor=u["lead"])
    detail = cli.ok("requests", "show", worked, actor=u["tech"])
    assert detail["state"] == "cancelled" and detail["charge"]["total"] == "91.50"
    notices = [n["kind"] for n in cli.ok("portal", "notices", "--customer", "ACME")["notices"]]
    assert notices.count("cancelled_charged") == 1

    number = submit(cli, "ACME", "web-1", "ssl")
    fixed = f"RIT-{number:06d}"
    cli.ok("requests", "take", fixed, actor=u["tech"])
    quote = cli.ok("quotes", "create", fixed, "--fixed", "--line", "Work;1;390",
                   "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    cli.ok("portal", "accept", quote["quote"])
    cli.ok("work", "log", fixed, "--hours", "1", actor=u["tech"])
    refused = cli.fails("requests", "cancel", fixed, "--reason", "x", "--charge-work",
                        actor=u["lead"])
    assert refused == (f"rit-desk: {fixed} is fixed-price with no agreed variation: cancel it without "
                       "--charge-work, or agree a variation first")
    assert cli.ok("requests", "show", fixed, actor=u["tech"])["state"] == "in_progress"
