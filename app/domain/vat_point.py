"""The VAT point (issue 20) and the zero-VAT nature of a quote, as pure rules.

Where VAT is charged is one setting, ``vat_point``:

- ``topup`` (the provider's model): the credit is net of VAT. A top-up records its net
  amount as credit (the invoice for net + VAT is issued with it); a charge takes the
  agreed **net** from the credit, carries no VAT of its own and is not an invoice.
- ``charge``: the credit is a deposit. A charge takes net + VAT from the credit and is
  an invoice (a refund a credit note).

A quote at 0 % VAT states why: its nature (a key of
:data:`app.domain.invoices.NATURES`, the table shared with the invoices) and the legal
reference (the nature's, unless the quote gives its own); the stamp duty is the
invoices' rule (:func:`app.domain.invoices.stamp_duty_due`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from app.domain.errors import ValidationError
from app.domain.invoices import NATURES, VatSummary, nature_of, stamp_duty_due
from app.domain.money import format_eur, format_percent, round_cents

VatPoint = Literal["topup", "charge"]
TOPUP: VatPoint = "topup"
CHARGE: VatPoint = "charge"
VAT_POINTS: tuple[VatPoint, ...] = (TOPUP, CHARGE)
#: what a new database starts with (an upgraded one keeps ``charge``: migration 0025)
NEW_DATABASE_POINT: VatPoint = TOPUP
#: the longest legal reference a quote may give
LEGAL_REFERENCE_MAX = 200


def parse_vat_point(raw: str) -> VatPoint:
    value = raw.strip().lower()
    if value == TOPUP:
        return TOPUP
    if value == CHARGE:
        return CHARGE
    raise ValidationError.of("the VAT point is topup or charge, not {value}", value=raw)


def charged_vat(point: str, vat: Decimal) -> Decimal:
    """The VAT a charge carries: none at the top-up point (paid on the top-up)."""
    return Decimal("0.00") if point == TOPUP else vat


def vat_wording(point: str, vat_rate: Decimal, lang: str = "it") -> str:
    """The VAT point in words, as every screen and document says it."""
    if point == TOPUP:
        return ("IVA assolta sulla ricarica del credito" if lang == "it"
                else "VAT paid on the credit top-up")
    if vat_rate == 0:
        return "Nessuna IVA sull'addebito" if lang == "it" else "No VAT on the charge"
    rate = format_percent(vat_rate, lang)
    return (f"IVA {rate} inclusa nell'addebito" if lang == "it"
            else f"VAT {rate} included in the charge")


def check_nature(vat_rate: Decimal, nature: str | None, legal_reference: str | None
                 ) -> tuple[str | None, str | None]:
    """The nature and legal reference a quote at ``vat_rate`` stores: (code, reference).

    At 0 % a nature is required and the reference defaults to the nature's; above 0 %
    neither is allowed."""
    code = (nature or "").strip().upper()
    reference = (legal_reference or "").strip()
    if vat_rate > 0:
        if code or reference:
            raise ValidationError.of(
                "a nature (and its legal reference) is stated only for a quote at 0 % VAT")
        return None, None
    if not code:
        raise ValidationError.of(
            "a quote at 0 % VAT must state its nature ({codes})", codes=", ".join(NATURES))
    found = nature_of(code)
    if found is None:
        raise ValidationError.of("unknown nature {code}: one of {codes}", code=nature,
                                 codes=", ".join(NATURES))
    if len(reference) > LEGAL_REFERENCE_MAX:
        raise ValidationError.of("the legal reference is longer than {n} characters",
                                 n=LEGAL_REFERENCE_MAX)
    if any(ord(c) < 32 for c in reference):
        raise ValidationError.of("the legal reference contains control characters")
    return found.code, reference or found.reference


def nature_sentence(nature: str, legal_reference: str, lang: str = "it") -> str:
    """The sentence a document prints for a nature (art. 21 c.6 DPR 633/72): the title of
    non-application and its rule."""
    found = nature_of(nature)
    words = "" if found is None else (found.text_it if lang == "it" else found.text_en)
    if lang == "it":
        return f"Operazione senza IVA ({nature} - {words}) ai sensi di: {legal_reference}"
    return f"No VAT charged ({nature} - {words}) under: {legal_reference}"


def quote_stamp_duty(net: Decimal, vat_rate: Decimal, nature: str | None) -> Decimal:
    """The stamp duty a quote's amount carries (the invoices' rule)."""
    if vat_rate > 0 or not nature:
        return Decimal("0.00")
    return stamp_duty_due([VatSummary(Decimal("0.00"), nature, round_cents(net), Decimal(0))])


def stamp_duty_sentence(duty: Decimal, lang: str = "it") -> str:
    amount = format_eur(duty, lang)
    return (f"Imposta di bollo {amount} assolta in modo virtuale" if lang == "it"
            else f"Stamp duty {amount} paid virtually")
