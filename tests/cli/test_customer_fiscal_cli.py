"""Customers' fiscal data from the command line (issue 20): ``customers add|set`` with
the fiscal options, ``customers show --json`` under ``fiscal``, the 0000000 warning, bad
values refused in one line with nothing written. On PostgreSQL as the real logins."""

from __future__ import annotations

from tests.cli.conftest import Team, snapshot
from tests.cli.test_lifecycle_cli import setup_world


def test_fiscal_data_added_set_and_shown(team: Team, db_url: str) -> None:
    cli, u = setup_world(team), team.users
    added = cli.run("customers", "add", "BETA", "--name", "Beta Srl", "--kind", "business",
                    "--vat-number", "00743110157", "--street", "Via Roma 1", "--postcode",
                    "20121", "--city", "Milano", "--province", "mi", "--json", actor=u["admin"])
    assert added.code == 0
    assert added.err == ("warning: no Codice Destinatario or PEC: invoices go with 0000000 to "
                         "the customer's reserved area\n")
    assert added.json()["fiscal"] == {
        "kind": "business", "vat_number": "IT00743110157", "tax_code": "", "sdi_code": "0000000",
        "pec": "", "street": "Via Roma 1", "postcode": "20121", "city": "Milano",
        "province": "MI", "country": "IT"}
    changed = cli.ok("customers", "set", "BETA", "--sdi-code", "m5uxcr1", "--tax-code",
                     "00743110157", actor=u["admin"])
    assert (changed["fiscal"]["sdi_code"], changed["fiscal"]["tax_code"]) == (
        "M5UXCR1", "00743110157")
    shown = cli.ok("customers", "show", "BETA", actor=u["fin"])
    assert shown["fiscal"] == changed["fiscal"]
    assert shown["address"] == "Via Roma 1\n20121 Milano MI"
    person = cli.ok("customers", "add", "ROSSI", "--name", "Mario Rossi", "--kind", "consumer",
                    "--tax-code", "RSSMRA85T10A562S", actor=u["admin"])
    assert (person["fiscal"]["kind"], person["fiscal"]["sdi_code"]) == ("consumer", "")

    before = snapshot(db_url)
    assert "'IT01234567890' is not a valid VAT number" in cli.fails(
        "customers", "add", "BAD", "--name", "Bad", "--vat-number", "IT01234567890",
        actor=u["admin"])
    assert "not a valid tax code" in cli.fails(
        "customers", "set", "BETA", "--tax-code", "RSSMRA85T10A562X", actor=u["admin"])
    assert "must be 7 letters or digits" in cli.fails(
        "customers", "set", "BETA", "--sdi-code", "ABC", actor=u["admin"])
    assert "5 digits" in cli.fails("customers", "set", "BETA", "--postcode", "123",
                                   actor=u["admin"])
    assert "may not" in cli.fails("customers", "set", "BETA", "--city", "Roma", actor=u["fin"])
    assert "not a valid VAT number" in cli.fails(
        "settings", "set", "company_vat_number", "IT01234567890", actor=u["admin"])
    assert snapshot(db_url) == before
