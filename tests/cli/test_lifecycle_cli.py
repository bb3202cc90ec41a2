"""Issue 2's "Done when", from the command line, on SQLite and on PostgreSQL.

A fixed quote accepted, done and charged; an hourly quote whose work runs over, with a
variation agreed and the charge capped at the agreed amount; a customer whose credit
does not cover the charge going into credit exhaustion with services suspended, and a
top-up restarting them. The JSON of every step is checked against the issue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import create_engine, text

from tests.cli.conftest import Cli, LoginCli, Team
from tests.conftest import FakeClock

AMOUNT = re.compile(r"^-?\d+\.\d{2}$")


def is_amount(value: Any) -> bool:
    return isinstance(value, str) and bool(AMOUNT.match(value))


def setup_world(team: Team) -> Cli:
    """The schema, the first admin (and on PostgreSQL the control panel's login) by the
    trusted login; the staff by the admin; customers and services by the admin."""
    u = team.users
    first = ["--admin", u["admin"], "--name", "Ada Admin"]
    if isinstance(team.cli, LoginCli):
        first += ["--portal", team.cli.portal]
    init = team.maintenance.ok("init", *first)  # the schema exists: init upgrades it
    assert (init["schema"], init["demo"], init["admin"]) == ("current", False, u["admin"])
    again = team.maintenance.ok("init", *first)  # safe to run again
    assert again["admin"] == u["admin"]
    cli = team.cli
    for key, role in [("tech", "technician"), ("lead", "team_lead"), ("fin", "finance")]:
        user = u[key]
        assert cli.ok("staff", "add", user, "--name", key.title(), "--role", role,
                      actor=u["admin"]) == {"user": user, "name": key.title(), "role": role}
    acme = cli.ok("customers", "add", "ACME", "--name", "Acme Srl", "--credit", "1000",
                  "--lang", "en", actor=u["admin"])
    assert (acme["balance"], acme["status"], acme["missing"]) == ("1000.00", "active", "0.00")
    assert [(e["kind"], e["amount"], e["balance_after"]) for e in acme["ledger"]] == [
        ("topup", "1000.00", "1000.00")]  # the initial credit is a top-up in the ledger
    assert cli.ok("services", "add", "ACME", "--name", "web-1", "--kind", "vps",
                  actor=u["admin"])["status"] == "running"
    cli.ok("customers", "add", "POOR", "--name", "Poor Spa", "--credit", "50", actor=u["admin"])
    for name, kind in [("srv", "hosting"), ("mail", "cloud_server")]:
        cli.ok("services", "add", "POOR", "--name", name, "--kind", kind, actor=u["admin"])
    return cli


def submit(cli: Cli, customer: str, service: str, category: str = "ssl") -> int:
    data = cli.ok("portal", "submit", "--customer", customer, "--service", service,
                  "--category", category, "--subject", "Install a wildcard certificate",
                  "--description", "On the production VPS")
    assert list(data) == ["request"] and isinstance(data["request"], int)
    number: int = data["request"]
    return number


def valid_until(clock: FakeClock) -> str:
    return (clock.now.date() + timedelta(days=30)).isoformat()


def test_whole_lifecycle(team: Team, db_url: str, cli_clock: FakeClock) -> None:
    """On PostgreSQL every step is run by a login of the right role, without --as."""
    cli = setup_world(team)
    u = team.users

    # -- a fixed quote accepted, done and charged ------------------------------------------
    fixed = submit(cli, "ACME", "web-1")
    assert cli.ok("requests", "take", fixed, actor=u["tech"])["state"] == "evaluating"
    quote = cli.ok("quotes", "create", fixed, "--fixed", "--line", "Certificate;1;59",
                   "--line", "Installation and test;2;165.50", "--valid-until",
                   valid_until(cli_clock), actor=u["tech"])
    assert {k: quote[k] for k in ("net", "vat", "total")} == {
        "net": "390.00", "vat": "85.80", "total": "475.80"}
    assert isinstance(quote["quote"], int)
    sent = cli.ok("quotes", "send", quote["quote"], actor=u["tech"])
    assert sent["state"] == "sent" and len(sent["sha256"]) == 64
    assert cli.ok("portal", "accept", quote["quote"])["state"] == "accepted"
    assert cli.ok("work", "log", fixed, "--hours", "1:10", actor=u["tech"])["billable_minutes"] == 75
    done = cli.ok("requests", "complete", fixed, actor=u["tech"])
    assert done["charge"] == {"net": "390.00", "vat": "85.80", "total": "475.80"}
    assert (done["balance"], done["status"]) == ("524.20", "active")
    detail = cli.ok("requests", "show", fixed)
    assert detail["state"] == "completed" and detail["charge"]["total"] == "475.80"

    # -- hourly: the work runs over, a variation is agreed, the charge is capped ------------
    # (named by references, as people name them: RIT-000002, RIT-000002/1)
    hourly = submit(cli, "ACME", "web-1", "tuning")
    ref = f"RIT-{hourly:06d}"
    cli.ok("requests", "take", ref, actor=u["tech"])
    quote = cli.ok("quotes", "create", ref, "--hourly", "--rate", "60", "--hours", "5",
                   "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    assert {k: quote[k] for k in ("net", "vat", "total", "state")} == {
        "net": "300.00", "vat": "66.00", "total": "366.00", "state": "sent"}
    assert cli.ok("quotes", "show", f"{ref}/1")["id"] == quote["quote"]
    assert cli.ok("quotes", "show", ref)["id"] == quote["quote"]  # the latest revision
    assert cli.ok("portal", "accept", f"{ref}/1")["quote"] == quote["quote"]
    for hours in ("2:05", "2:00", "1:50"):  # billable 2:15 + 2:00 + 2:00 = 6:15 -> 375.00
        cli.ok("work", "log", ref, "--hours", hours, actor=u["tech"])
    preview = cli.ok("requests", "preview", ref, actor=u["tech"])
    assert (preview["work_amount"], preview["net"], preview["capped"]) == ("375.00", "300.00",
                                                                           True)
    # issue 17: the billable work over the ceiling, not charged, said in both outputs
    assert (preview["minutes_not_charged"], preview["amount_not_charged"]) == (75, "75.00")
    said = cli.run("requests", "preview", ref, actor=u["tech"]).out
    assert "over the ceiling of 300.00: 1:15 hours (75.00) not charged" in said
    variation = cli.ok("variations", "propose", ref, "--amount", "340", "--reason",
                       "More tuning than estimated", actor=u["tech"])
    assert isinstance(variation["variation"], int) and variation["amount"] == "340.00"
    agreed = cli.ok("portal", "agree", ref)  # the variation awaiting the customer
    assert (agreed["variation"], agreed["state"]) == (variation["variation"], "agreed")
    done = cli.ok("requests", "complete", ref, actor=u["tech"])
    assert done["charge"] == {"net": "340.00", "vat": "74.80", "total": "414.80"}
    assert (done["balance"], done["status"]) == ("109.40", "active")

    # -- credit exhaustion, services suspended, a top-up restarts them ----------------------
    poor = submit(cli, "POOR", "srv", "backup")
    cli.ok("requests", "take", poor, actor=u["tech"])
    quote = cli.ok("quotes", "create", poor, "--fixed", "--line", "Backup setup;1;390",
                   "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    cli.ok("portal", "accept", quote["quote"])
    cli.ok("work", "log", poor, "--hours", "3", actor=u["tech"])
    done = cli.ok("requests", "complete", poor, actor=u["tech"])
    assert done["charge"] == {"net": "390.00", "vat": "85.80", "total": "475.80"}
    assert (done["balance"], done["status"]) == ("-425.80", "credit_exhausted")
    assert done["missing"] == "425.80" and sorted(done["suspended"]) == ["mail", "srv"]

    shown = cli.ok("customers", "show", "POOR")
    assert {k: shown[k] for k in ("code", "name", "balance", "status", "missing")} == {
        "code": "POOR", "name": "Poor Spa", "balance": "-425.80", "status": "credit_exhausted",
        "missing": "425.80"}
    assert sorted((s["name"], s["kind"], s["status"]) for s in shown["services"]) == [
        ("mail", "cloud_server", "suspended"), ("srv", "hosting", "suspended")]
    ledger = shown["ledger"]
    assert [(e["kind"], e["amount"], e["balance_after"]) for e in ledger] == [
        ("topup", "50.00", "50.00"), ("charge", "-475.80", "-425.80")]
    assert ledger[1]["reference"] == f"RIT-{poor:06d}"
    for entry in ledger:
        assert {"kind", "amount", "balance_after", "at", "reference"} <= set(entry)
        assert is_amount(entry["amount"]) and is_amount(entry["balance_after"])
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", entry["at"])
    listed = cli.ok("customers", "list", "--exhausted")["customers"]
    assert [c["code"] for c in listed] == ["POOR"]

    partial = cli.ok("portal", "topup", "--customer", "POOR", "--amount", "400")
    assert (partial["status"], partial["missing"], partial["restarted"]) == (
        "credit_exhausted", "25.80", [])
    full = cli.ok("customers", "topup", "POOR", "--amount", "25.80", "--reference", "bank",
                  actor=u["fin"])
    assert (full["balance"], full["status"], full["missing"]) == ("0.00", "active", "0.00")
    assert sorted(full["restarted"]) == ["mail", "srv"]
    shown = cli.ok("customers", "show", "POOR")
    assert {s["status"] for s in shown["services"]} == {"running"}
    assert [e["balance_after"] for e in shown["ledger"]] == ["50.00", "-425.80", "-25.80", "0.00"]
    notices = [n["kind"] for n in cli.ok("portal", "notices", "--customer", "POOR")["notices"]]
    assert {"quote_proposed", "completed_charged", "credit_exhausted",
            "service_restarted"} <= set(notices)

    acme = cli.ok("customers", "show", "ACME")
    assert acme["balance"] == "109.40"
    assert [e["amount"] for e in acme["ledger"]] == ["1000.00", "-475.80", "-414.80"]
    # every amount in the JSON is a string with two decimals
    for value in (acme["balance"], acme["missing"], shown["balance"], shown["missing"]):
        assert is_amount(value)
    listed = cli.ok("requests", "list", "--state", "completed")
    assert listed["total"] == 3 and {r["number"] for r in listed["requests"]} == {
        fixed, hourly, poor}
    if isinstance(cli, LoginCli):
        _audit_names_the_logins(db_url, u, cli.portal)


def _audit_names_the_logins(url: str, u: dict[str, str], portal: str) -> None:
    """The audit's login is the database's session user: each step's own login."""
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = set(conn.execute(text("SELECT action, login, actor FROM audit_events")).tuples())
    engine.dispose()
    by_action: dict[str, set[tuple[str, str]]] = {}
    for action, login, actor in rows:
        by_action.setdefault(action, set()).add((login, actor))
    assert by_action["staff_added"] == {("postgres", "postgres"), (u["admin"], u["admin"])}
    assert by_action["customer_added"] == {(u["admin"], u["admin"])}
    assert by_action["request_submitted"] == {(portal, "portal:ACME"), (portal, "portal:POOR")}
    assert by_action["request_taken"] == {(u["tech"], u["tech"])}
    assert by_action["quote_accepted"] == {(portal, "portal:ACME"), (portal, "portal:POOR")}
    assert by_action["variation_agreed"] == {(portal, "portal:ACME")}
    assert by_action["request_completed"] == {(u["tech"], u["tech"])}
    assert by_action["credit_exhausted"] == {(u["tech"], u["tech"])}
    assert by_action["topup"] == {(u["admin"], u["admin"]), (portal, "portal"),
                                  (u["fin"], u["fin"])}
    assert by_action["services_restarted"] == {(u["fin"], u["fin"])}


def test_text_output_without_json(make_cli: Callable[[str], Cli], tmp_path: Any) -> None:
    cli = make_cli(f"sqlite:///{tmp_path / 'text.sqlite3'}")
    assert cli.run("init").code == 0
    cli.ok("staff", "add", "admin", "--name", "Ada", "--role", "admin")
    result = cli.run("customers", "add", "ACME", "--name", "Acme Srl", "--credit", "1234.5",
                     actor="admin")
    assert result.code == 0 and result.err == ""
    assert "balance 1234.50  status active" in result.out
    assert "initial credit" in result.out and not result.out.startswith("{")


def test_set_priority_and_reassign(team: Team) -> None:
    cli = setup_world(team)
    u = team.users
    number = submit(cli, "ACME", "web-1")
    ref = f"RIT-{number:06d}"
    assert cli.ok("requests", "set-priority", ref, "--priority", "urgent", actor=u["lead"]) == {
        "request": number, "priority": "urgent"}
    assert cli.ok("requests", "show", ref, actor=u["lead"])["priority"] == "urgent"
    assert cli.ok("requests", "assign", ref, "--to", u["tech"],
                  actor=u["lead"])["assignee"] == u["tech"]
    refused = cli.run("requests", "set-priority", ref, "--priority", "asap", actor=u["lead"])
    assert refused.code == 2 and "unknown priority 'asap'" in refused.err
    refused = cli.run("requests", "set-priority", ref, "--priority", "low", actor=u["fin"])
    assert refused.code == 2 and "(finance)" in refused.err
    cli.ok("requests", "decline", ref, "--reason", "not feasible", actor=u["lead"])
    refused = cli.run("requests", "set-priority", ref, "--priority", "low", actor=u["lead"])
    assert refused.code == 2 and f"{ref} is declined" in refused.err


def test_export_and_pdf_by_reference(team: Team, cli_clock: FakeClock, tmp_path: Any) -> None:
    cli = setup_world(team)
    u = team.users
    number = submit(cli, "ACME", "web-1")
    ref = f"RIT-{number:06d}"
    cli.ok("requests", "take", ref, actor=u["tech"])
    cli.ok("quotes", "create", ref, "--fixed", "--line", "Certificate;1;59", "--valid-until",
           valid_until(cli_clock), "--send", actor=u["lead"])
    pdf = cli.ok("quotes", "pdf", f"{ref}/1", "-o", str(tmp_path / "one.pdf"))
    assert (tmp_path / "one.pdf").read_bytes().startswith(b"%PDF")
    today = cli_clock.now.date().isoformat()
    done = cli.ok("quotes", "export", "--since", today, "--to", str(tmp_path / "out"),
                  "--lang", "it")
    assert done["files"] == [f"{ref}-r1.pdf"] and done["index"] == "indice.csv"
    index = (tmp_path / "out" / "indice.csv").read_text(encoding="utf-8-sig").splitlines()
    assert index[1].startswith(f"{ref}/1;ACME;Acme Srl;") and index[1].endswith(pdf["sha256"])
