"""``quotes submit``, ``quotes approve``, ``quotes return`` and the lead's queue ``requests
list --queue to_approve``, on SQLite and PostgreSQL (there, each step by its own login)."""

from __future__ import annotations

from tests.cli.conftest import Team
from tests.cli.test_lifecycle_cli import setup_world, submit, valid_until
from tests.conftest import FakeClock


def test_submit_approve_and_return(team: Team, cli_clock: FakeClock) -> None:
    cli = setup_world(team)
    u = team.users
    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    created = cli.ok("quotes", "create", number, "--fixed", "--line", "Migration;1;1500",
                     "--valid-until", valid_until(cli_clock), actor=u["tech"])
    ref = f"RIT-{number:06d}/1"
    # above the limit a technician cannot send, and is told what to do
    assert "submit it for approval" in cli.fails("quotes", "send", ref, actor=u["tech"])
    submitted = cli.ok("quotes", "submit", ref, actor=u["tech"])
    assert submitted == {"quote": created["quote"], "state": "submitted", "net": "1500.00",
                         "total": "1830.00", "submitted_by": u["tech"],
                         "submitted_at": submitted["submitted_at"]}
    queue = cli.ok("requests", "list", "--queue", "to_approve")
    assert [r["number"] for r in queue["requests"]] == [number] and queue["total"] == 1
    # the technician may not approve nor return their own quote
    assert "may not approve or return quotes" in cli.fails("quotes", "approve", ref,
                                                           actor=u["tech"])
    assert "may not approve or return quotes" in cli.fails("quotes", "return", ref, "--reason",
                                                           "x", actor=u["tech"])
    returned = cli.ok("quotes", "return", ref, "--reason", "Split it in two phases",
                      actor=u["lead"])
    assert returned == {"quote": created["quote"], "state": "draft",
                        "reason": "Split it in two phases", "returned_by": u["lead"],
                        "submitted_by": u["tech"]}
    assert cli.ok("requests", "list", "--queue", "to_approve")["total"] == 0
    shown = cli.ok("quotes", "show", ref)
    assert (shown["state"], shown["return_reason"], shown["returned_by"]) == (
        "draft", "Split it in two phases", u["lead"])
    history = cli.ok("requests", "show", number)["history"]
    assert any(e["action"] == "quote_returned" and e["details"]["reason"] ==
               "Split it in two phases" for e in history)
    cli.ok("quotes", "submit", ref, actor=u["tech"])
    approved = cli.ok("quotes", "approve", ref, actor=u["lead"])
    assert (approved["state"], approved["total"], approved["submitted_by"]) == (
        "sent", "1830.00", u["tech"])
    assert len(approved["sha256"]) == 64
    assert cli.ok("requests", "show", number)["state"] == "quoted"
    assert cli.ok("requests", "list", "--queue", "to_approve")["total"] == 0


def test_bad_uses_are_one_clear_line(team: Team, cli_clock: FakeClock) -> None:
    cli = setup_world(team)
    u = team.users
    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    cli.ok("quotes", "create", number, "--fixed", "--line", "SSL;1;300",
           "--valid-until", valid_until(cli_clock), actor=u["tech"])
    ref = f"RIT-{number:06d}/1"
    assert "needs no approval" in cli.fails("quotes", "submit", ref, actor=u["tech"])
    assert "only a quote submitted for approval" in cli.fails("quotes", "approve", ref,
                                                              actor=u["lead"])
    assert "reason" in cli.fails("quotes", "return", ref, "--reason", " ", actor=u["lead"])
    assert "unknown quote" in cli.fails("quotes", "approve", f"RIT-{number:06d}/9",
                                        actor=u["lead"])
    assert "invalid choice" in cli.run("requests", "list", "--queue", "nope").err
