"""The staged credit procedure on the command line (issue 19): ``services add --billing
--paid-until``, ``services set|show``, ``customers show`` listing each service's state and
next step, ``credit sweep`` (finance, admin; the worker in its round), with the clock
moved; on PostgreSQL each step as the actor's own login."""

from __future__ import annotations

from datetime import timedelta

from tests.cli.conftest import Team, snapshot
from tests.cli.test_lifecycle_cli import setup_world
from tests.conftest import FakeClock

SERVICE_KEYS = {"name", "kind", "status", "state", "billing", "paid_until", "next_step",
                "next_step_at", "off_at", "archived_at", "deleted_at"}


def test_services_through_the_stages(team: Team, cli_clock: FakeClock) -> None:
    cli, u = setup_world(team), team.users
    paid = (cli_clock.now + timedelta(days=10)).date().isoformat()
    added = cli.ok("services", "add", "POOR", "--name", "site", "--kind", "hosting",
                   "--billing", "monthly", "--paid-until", paid, actor=u["admin"])
    assert (added["customer"], added["billing"], added["paid_until"], added["state"],
            added["status"]) == ("POOR", "monthly", paid, "active", "running")
    cli.ok("customers", "adjust", "POOR", "--amount", "-80", "--reason", "usage", actor=u["fin"])
    shown = cli.ok("customers", "show", "POOR", actor=u["fin"])
    services = {s["name"]: s for s in shown["services"]}
    assert all(set(s) == SERVICE_KEYS for s in services.values())
    assert (services["srv"]["state"], services["srv"]["status"], services["srv"]["billing"],
            services["srv"]["next_step"]) == ("off", "suspended", "hourly", "archive")
    off_at = services["srv"]["off_at"]
    assert services["srv"]["next_step_at"] > off_at
    assert (services["site"]["state"], services["site"]["next_step"]) == ("active", "off")
    assert services["site"]["next_step_at"].startswith(
        (cli_clock.now + timedelta(days=11)).date().isoformat())
    assert cli.ok("credit", "sweep", actor=u["fin"]) == {"steps": []}
    cli_clock.now += timedelta(days=5)
    steps = team.maintenance.ok("credit", "sweep")["steps"]
    assert {(s["customer"], s["service"], s["step"]) for s in steps} == {
        ("POOR", "srv", "archive_warning"), ("POOR", "mail", "archive_warning")}
    cli_clock.now += timedelta(days=2)
    done = team.maintenance.ok("worker", "--once")["done"]
    assert {(d["job"], d["subject"]) for d in done} >= {("credit_archive", "POOR srv"),
                                                         ("credit_archive", "POOR mail")}
    text = team.maintenance.run("services", "show", "POOR").out
    assert "service srv (hosting, hourly): archived, delete " in text
    shown = cli.ok("services", "show", "POOR", actor=u["admin"])
    assert {s["name"]: s["state"] for s in shown["services"]} == {
        "srv": "archived", "mail": "archived", "site": "active"}
    topped = cli.ok("customers", "topup", "POOR", "--amount", "30", actor=u["fin"])
    assert topped["restarted"] == ["srv", "mail"] and topped["status"] == "active"
    assert {s["name"]: s["state"] for s in cli.ok("customers", "show", "POOR",
                                                   actor=u["fin"])["services"]} == {
        "srv": "active", "mail": "active", "site": "active"}


def test_bad_billing_refused_nothing_written(team: Team) -> None:
    cli, u = setup_world(team), team.users
    before = snapshot(cli.url)
    for args, words in [
        (("--billing", "monthly"), "paid-until"),
        (("--billing", "hourly", "--paid-until", "2030-01-01"), "by the hour"),
        (("--billing", "weekly"), "invalid choice"),
        (("--billing", "monthly", "--paid-until", "2030-02-30"), "not a date"),
    ]:
        message = cli.fails("services", "add", "POOR", "--name", "x", *args, actor=u["admin"])
        assert words in message, message
    message = cli.fails("services", "set", "POOR", "--service", "nope", "--billing", "hourly",
                        actor=u["admin"])
    assert "no service named" in message
    message = cli.fails("credit", "sweep", actor=u["tech"])
    assert "sweep" in message, message
    assert snapshot(cli.url) == before


def test_services_set_renews_a_monthly_service(team: Team) -> None:
    cli, u = setup_world(team), team.users
    changed = cli.ok("services", "set", "POOR", "--service", "srv", "--billing", "monthly",
                     "--paid-until", "2031-01-31", actor=u["admin"])
    assert (changed["billing"], changed["paid_until"]) == ("monthly", "2031-01-31")
    changed = cli.ok("services", "set", "POOR", "--service", "srv", "--paid-until",
                     "2031-02-28", actor=u["admin"])
    assert changed["paid_until"] == "2031-02-28"
    message = cli.fails("services", "set", "POOR", "--service", "srv", "--billing", "hourly",
                        actor=u["fin"])
    assert "manage" in message or "permission" in message.lower(), message
