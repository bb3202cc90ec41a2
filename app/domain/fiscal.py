"""Fiscal identification of customers and of the company (Italian rules), no SQL.

A VAT number (partita IVA) and a tax code (codice fiscale) are checked with the real
algorithms of python-stdnum (``stdnum.it.iva``, ``stdnum.it.codicefiscale``; a foreign
EU VAT number with ``stdnum.eu.vat``). The Codice Destinatario of the SDI is 7 characters
(6 for a public administration's Codice Univoco Ufficio); a business customer with
neither a Codice Destinatario nor a PEC gets "0000000", as the SDI's rules allow, and a
warning (the invoice is then delivered in the customer's reserved area).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from app.domain.errors import Phrase, ValidationError, phrase
from app.domain.texts import check_text

KINDS = ("business", "consumer", "pa")
#: the Codice Destinatario of a business with neither one nor a PEC
NO_SDI_CODE = "0000000"
#: FatturaPA's RegimeFiscale codes (RF01 ordinary ... RF19 flat rate)
TAX_REGIMES = tuple(f"RF{n:02d}" for n in range(1, 20) if n != 3)

_PEC = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_SDI = re.compile(r"^[A-Z0-9]+$")


@dataclass(frozen=True)
class Fiscal:
    """A customer's fiscal data, as stored (normalised)."""

    kind: str = "consumer"
    vat_number: str = ""
    tax_code: str = ""
    sdi_code: str = ""
    pec: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    province: str = ""
    country: str = "IT"

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


FIELDS = tuple(f.name for f in fields(Fiscal))


def check_country(value: str) -> str:
    country = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValidationError.of("country must be a two-letter ISO code, e.g. IT: {value!r}",
                                 value=value)
    return country


def check_vat_number(value: str, country: str = "IT") -> str:
    """A VAT number, normalised with its country prefix ("IT01234567897"); "" stays ""."""
    text = value.strip()
    if not text:
        return ""
    # python-stdnum (with its online helpers: ssl, pydoc, ~50 ms) when a number is checked,
    # not before the desktop app's first page is painted (issue 21)
    from stdnum.eu import vat as eu_vat
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.it import iva

    digits = iva.compact(text) if country == "IT" or text.upper().startswith("IT") else text
    try:
        if country == "IT" or text.upper().startswith("IT"):
            return "IT" + iva.validate(digits)
        number = eu_vat.compact(text)
        if not number[:2].isalpha():
            number = country + number
        return eu_vat.validate(number)
    except StdnumError:
        raise ValidationError.of("{value!r} is not a valid VAT number (check digit or length)",
                                 value=value) from None


def check_tax_code(value: str) -> str:
    """An Italian tax code: 16 characters for a person, or 11 digits for a company or a
    public body (the check digit of a partita IVA); "" stays ""."""
    text = value.strip().upper().replace(" ", "")
    if not text:
        return ""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.it import codicefiscale, iva

    try:
        if text.isdigit():
            return iva.validate(text)
        return codicefiscale.validate(text)
    except StdnumError:
        raise ValidationError.of("{value!r} is not a valid tax code (codice fiscale)",
                                 value=value) from None


def check_sdi_code(value: str, kind: str) -> str:
    text = value.strip().upper()
    if not text:
        return ""
    size = 6 if kind == "pa" else 7
    if len(text) != size or not _SDI.match(text):
        raise ValidationError.of(
            "the Codice Destinatario must be {size} letters or digits: {value!r}",
            size=size, value=value)
    return text


def check_pec(value: str) -> str:
    text = value.strip()
    if text and (len(text) > 254 or not _PEC.match(text)):
        raise ValidationError.of("{value!r} is not a valid PEC address", value=value)
    return text


def check_postcode(value: str, country: str) -> str:
    text = value.strip().upper()
    if country == "IT" and text and not re.fullmatch(r"\d{5}", text):
        raise ValidationError.of("an Italian postcode (CAP) is 5 digits: {value!r}", value=value)
    return check_text(text, phrase("postcode"), 10, required=False)


def check_province(value: str, country: str) -> str:
    text = value.strip().upper()
    if country == "IT" and text and not re.fullmatch(r"[A-Z]{2}", text):
        raise ValidationError.of("the province is its two-letter code, e.g. MI: {value!r}",
                                 value=value)
    return check_text(text, phrase("province"), 2, required=False)


def check_tax_regime(value: str) -> str:
    text = value.strip().upper()
    if text and text not in TAX_REGIMES:
        raise ValidationError.of("unknown tax regime {value!r}; one of RF01 … RF19",
                                 value=value)
    return text


def check(data: Fiscal) -> tuple[Fiscal, tuple[Phrase, ...]]:
    """The fiscal data normalised, and the warnings about them; a clear message for the
    first field that is wrong."""
    if data.kind not in KINDS:
        raise ValidationError.of("customer kind must be business, consumer or pa: {kind!r}",
                                 kind=data.kind)
    country = check_country(data.country or "IT")
    clean = replace(
        data,
        country=country,
        vat_number=check_vat_number(data.vat_number, country),
        tax_code=check_tax_code(data.tax_code) if country == "IT" else
        check_text(data.tax_code, phrase("tax code"), 28, required=False),
        sdi_code=check_sdi_code(data.sdi_code, data.kind),
        pec=check_pec(data.pec),
        street=check_text(data.street, phrase("street"), 200, required=False),
        postcode=check_postcode(data.postcode, country),
        city=check_text(data.city, phrase("city"), 100, required=False),
        province=check_province(data.province, country),
    )
    warnings: list[Phrase] = []
    if clean.kind == "business" and not clean.vat_number:
        raise ValidationError.of("a business customer needs its VAT number")
    if clean.kind == "pa" and not clean.tax_code:
        raise ValidationError.of("a public administration needs its tax code")
    if clean.kind == "pa" and not clean.sdi_code:
        raise ValidationError.of("a public administration needs its Codice Univoco Ufficio "
                                 "(6 characters)")
    if clean.kind == "business" and not clean.sdi_code:  # with a PEC, or in the reserved area
        clean = replace(clean, sdi_code=NO_SDI_CODE)
    if clean.kind == "business" and clean.sdi_code == NO_SDI_CODE and not clean.pec:
        warnings.append(phrase("no Codice Destinatario or PEC: invoices go with 0000000 to the "
                               "customer's reserved area"))
    return clean, tuple(warnings)


def address_text(data: Fiscal) -> str:
    """The postal address on two lines ("Via Roma 1" / "20121 Milano MI")."""
    place = " ".join(part for part in (data.postcode, data.city, data.province) if part)
    if data.country and data.country != "IT":
        place = f"{place} ({data.country})" if place else data.country
    return "\n".join(line for line in (data.street, place) if line)
