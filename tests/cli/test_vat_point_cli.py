"""Issue 20 on the command line, on SQLite and on PostgreSQL (each step as its login):
``settings set vat_point``, refused once a top-up exists; at the top-up point
``requests preview --json`` says ``vat_point`` and ``taken_from_credit`` (the net) and the
charge takes the net; ``quotes create --vat 0`` needs ``--nature`` (its legal reference
the nature's unless ``--legal-reference``) and refuses one above 0 %."""

from __future__ import annotations

from tests.cli.conftest import Cli, LoginCli, Team
from tests.cli.test_lifecycle_cli import submit, valid_until
from tests.conftest import FakeClock


def at_the_topup(team: Team, credit: str) -> Cli:
    """The schema, an admin and a technician; the VAT point set to topup by the admin
    before any top-up; ACME with ``credit`` and its service web-1."""
    u = team.users
    first = ["--admin", u["admin"], "--name", "Ada Admin"]
    if isinstance(team.cli, LoginCli):
        first += ["--portal", team.cli.portal]
    team.maintenance.ok("init", *first)
    cli = team.cli
    cli.ok("staff", "add", u["tech"], "--name", "Tech", "--role", "technician",
           actor=u["admin"])
    assert cli.ok("settings", "set", "vat_point", "topup", actor=u["admin"])
    cli.ok("customers", "add", "ACME", "--name", "Acme Srl", "--credit", credit,
           actor=u["admin"])
    cli.ok("services", "add", "ACME", "--name", "web-1", "--kind", "vps", actor=u["admin"])
    return cli


def test_the_topup_point_and_a_zero_vat_quote(team: Team, cli_clock: FakeClock) -> None:
    u = team.users
    cli = at_the_topup(team, "1000")
    refused = cli.fails("settings", "set", "vat_point", "charge", actor=u["admin"])
    assert "the VAT point cannot change: charges or top-ups were already recorded under " \
        "topup" in refused

    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    until = valid_until(cli_clock)
    line = ["--fixed", "--line", "Consulting;1;390", "--valid-until", until]
    assert "must state its nature" in cli.fails("quotes", "create", number, *line, "--vat", "0",
                                                actor=u["tech"])
    assert "only for a quote at 0 % VAT" in cli.fails(
        "quotes", "create", number, *line, "--vat", "22", "--nature", "N2.1", actor=u["tech"])
    assert "unknown nature N8" in cli.fails(
        "quotes", "create", number, *line, "--vat", "0", "--nature", "N8", actor=u["tech"])
    quote = cli.ok("quotes", "create", number, *line, "--vat", "0", "--nature", "n2.1",
                   "--send", actor=u["tech"])
    assert (quote["vat"], quote["nature"], quote["legal_reference"]) == (
        "0.00", "N2.1", "Art. 7-ter DPR 633/72")
    shown = cli.ok("quotes", "show", quote["quote"])
    assert (shown["vat_nature"], shown["legal_reference"]) == ("N2.1", "Art. 7-ter DPR 633/72")
    cli.ok("portal", "accept", quote["quote"])
    cli.ok("work", "log", number, "--hours", "1", actor=u["tech"])
    preview = cli.ok("requests", "preview", number, actor=u["tech"])
    assert (preview["vat_point"], preview["net"], preview["vat"], preview["total"],
            preview["taken_from_credit"], preview["balance_after"]) == (
        "topup", "390.00", "0.00", "390.00", "390.00", "610.00")
    said = cli.run("requests", "preview", number, actor=u["tech"]).out
    assert "taken from the credit 390.00 (VAT paid on the credit top-up)" in said
    done = cli.ok("requests", "complete", number, actor=u["tech"])
    assert (done["charge"], done["balance"]) == (
        {"net": "390.00", "vat": "0.00", "total": "390.00"}, "610.00")


def test_a_22_percent_quote_at_the_topup_point(team: Team, cli_clock: FakeClock) -> None:
    """The usual quote: net + VAT on the quote, the net taken from the credit."""
    u = team.users
    cli = at_the_topup(team, "100")
    number = submit(cli, "ACME", "web-1")
    cli.ok("requests", "take", number, actor=u["tech"])
    quote = cli.ok("quotes", "create", number, "--hourly", "--rate", "60", "--hours", "2",
                   "--valid-until", valid_until(cli_clock), "--send", actor=u["tech"])
    assert (quote["net"], quote["vat"], quote["total"], quote["nature"]) == (
        "120.00", "26.40", "146.40", None)
    cli.ok("portal", "accept", quote["quote"])
    cli.ok("work", "log", number, "--hours", "1:45", actor=u["tech"])  # 1:45 -> 105.00
    done = cli.ok("requests", "complete", number, actor=u["tech"])
    assert (done["charge"], done["balance"], done["status"]) == (
        {"net": "105.00", "vat": "0.00", "total": "105.00"}, "-5.00", "credit_exhausted")
