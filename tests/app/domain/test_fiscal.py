"""Fiscal identification checked with the real algorithms (python-stdnum): VAT numbers
and tax codes valid and invalid, the Codice Destinatario, PEC, postcode, province, and
the rules by kind of customer."""

from __future__ import annotations

import pytest

from app.domain import fiscal
from app.domain.errors import ValidationError
from app.domain.fiscal import Fiscal


@pytest.mark.parametrize(("typed", "stored"), [
    ("IT00743110157", "IT00743110157"),
    ("00743110157", "IT00743110157"),
    ("it 007 4311 0157", "IT00743110157"),
    ("01234560157", "IT01234560157"),
    ("", ""),
])
def test_valid_vat_numbers_are_kept_with_their_prefix(typed: str, stored: str) -> None:
    assert fiscal.check_vat_number(typed) == stored


@pytest.mark.parametrize("typed", [
    "IT01234567890",   # wrong check digit
    "IT00743110158",   # one digit off
    "0074311015",      # too short
    "IT007431101571",  # too long
    "IT0074311015A",   # a letter
    "IT12345672000",   # an office code no one has (200)
])
def test_invalid_vat_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="not a valid VAT number"):
        fiscal.check_vat_number(typed)


def test_a_foreign_eu_vat_number_by_its_own_rule() -> None:
    assert fiscal.check_vat_number("DE 136 695 976", "DE") == "DE136695976"
    with pytest.raises(ValidationError, match="not a valid VAT number"):
        fiscal.check_vat_number("DE136695977", "DE")


@pytest.mark.parametrize(("typed", "stored"), [
    ("RSSMRA85T10A562S", "RSSMRA85T10A562S"),
    ("rssmra85t10a562s", "RSSMRA85T10A562S"),
    ("00743110157", "00743110157"),  # a company's: its VAT number's digits
])
def test_valid_tax_codes(typed: str, stored: str) -> None:
    assert fiscal.check_tax_code(typed) == stored


@pytest.mark.parametrize("typed", ["RSSMRA85T10A562X", "RSSMRA85T10A562", "RSSMRA85Z10A562S",
                                   "00743110158", "HELLO"])
def test_invalid_tax_codes(typed: str) -> None:
    with pytest.raises(ValidationError, match="not a valid tax code"):
        fiscal.check_tax_code(typed)


def test_codice_destinatario_seven_characters_six_for_a_public_administration() -> None:
    assert fiscal.check_sdi_code("m5uxcr1", "business") == "M5UXCR1"
    assert fiscal.check_sdi_code("UFX3K9", "pa") == "UFX3K9"
    with pytest.raises(ValidationError, match="must be 7 letters or digits"):
        fiscal.check_sdi_code("UFX3K9", "business")
    with pytest.raises(ValidationError, match="must be 6 letters or digits"):
        fiscal.check_sdi_code("M5UXCR1", "pa")
    with pytest.raises(ValidationError, match="must be 7"):
        fiscal.check_sdi_code("M5UX-R1", "consumer")


def test_address_fields() -> None:
    with pytest.raises(ValidationError, match="5 digits"):
        fiscal.check_postcode("2012", "IT")
    assert fiscal.check_postcode("SW1A 1AA", "GB") == "SW1A 1AA"
    with pytest.raises(ValidationError, match="two-letter code"):
        fiscal.check_province("Milano", "IT")
    with pytest.raises(ValidationError, match="two-letter ISO code"):
        fiscal.check_country("Italy")
    with pytest.raises(ValidationError, match="not a valid PEC"):
        fiscal.check_pec("nobody@")
    assert fiscal.address_text(Fiscal(street="Via Roma 1", postcode="20121", city="Milano",
                                      province="MI")) == "Via Roma 1\n20121 Milano MI"


def test_a_business_without_code_or_pec_gets_0000000_and_a_warning() -> None:
    clean, warnings = fiscal.check(Fiscal(kind="business", vat_number="00743110157"))
    assert (clean.vat_number, clean.sdi_code) == ("IT00743110157", "0000000")
    assert [w.template for w in warnings] == [
        "no Codice Destinatario or PEC: invoices go with 0000000 to the customer's reserved area"]
    clean, warnings = fiscal.check(Fiscal(kind="business", vat_number="00743110157",
                                          pec="acme@pec.it"))
    assert (clean.sdi_code, warnings) == ("0000000", ())  # delivered to the PEC
    clean, warnings = fiscal.check(Fiscal(kind="business", vat_number="00743110157",
                                          sdi_code="M5UXCR1"))
    assert (clean.sdi_code, warnings) == ("M5UXCR1", ())


def test_what_each_kind_needs() -> None:
    with pytest.raises(ValidationError, match="business customer needs its VAT number"):
        fiscal.check(Fiscal(kind="business"))
    with pytest.raises(ValidationError, match="public administration needs its tax code"):
        fiscal.check(Fiscal(kind="pa", sdi_code="UFX3K9"))
    with pytest.raises(ValidationError, match="Codice Univoco Ufficio"):
        fiscal.check(Fiscal(kind="pa", tax_code="80016350821"))
    assert fiscal.check(Fiscal(kind="consumer"))[0].sdi_code == ""
    with pytest.raises(ValidationError, match="business, consumer or pa"):
        fiscal.check(Fiscal(kind="company"))
