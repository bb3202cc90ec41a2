"""When a top-up, charge or refund issues an invoice or credit note, and whether it may.

The database issues the documents (migration 0026: triggers on both databases); these
are the same rules read in Python, so a use case refuses with a clear message before it
writes anything: where VAT is due (the setting ``vat_point``), and the company's legal
data an invoice cannot go without (``app/domain/invoices.py``: ``missing_legal_data``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.tables import INVOICES, SETTINGS
from app.domain.errors import ValidationError
from app.domain.invoices import Party, document_number, missing_legal_data
from app.services.settings import DEFAULTS

VatPoint = Literal["topup", "charge"]
Event = Literal["topup", "charge", "refund"]
#: the documents each VAT point issues: event -> FatturaPA type
ISSUES: dict[str, dict[str, str]] = {
    "topup": {"topup": "TD01"},
    "charge": {"charge": "TD01", "refund": "TD04"},
}
#: where the setting is not there (a database upgraded from before the VAT point): the
#: old behaviour, VAT on the charge (migration 0026's ``rit_vat_point()`` says the same)
DEFAULT_VAT_POINT: VatPoint = "charge"

_REA = re.compile(r"^\s*([A-Za-z]{2})\s*[-/ ]?\s*(\d{1,20})\s*$")


def vat_point(session: Session) -> VatPoint:
    """Where VAT is due: ``topup`` or ``charge`` (the one place that reads the setting)."""
    value = session.scalar(select(SETTINGS.c.value).where(SETTINGS.c.key == "vat_point"))
    return "topup" if value == "topup" else DEFAULT_VAT_POINT if value is None else "charge"


def document_type(point: str, event: Event) -> str | None:
    """The FatturaPA type ``event`` issues under ``point`` (None: no document)."""
    return ISSUES.get(point, {}).get(event)


def parse_rea(value: str) -> tuple[str, str]:
    """``"AR-123456"`` -> ``("AR", "123456")``; ``("", "")`` when it does not read."""
    found = _REA.match(value or "")
    return (found.group(1).upper(), found.group(2)) if found else ("", "")


def parse_share_capital(value: str) -> Decimal | None:
    """``"€ 1.000.000,00 i.v."`` -> ``Decimal("1000000.00")`` (Italian or plain digits);
    None when there is no amount in it."""
    digits = re.sub(r"[^0-9.,]", "", value or "").strip(".,")
    if not digits:
        return None
    if "," in digits:
        digits = digits.replace(".", "").replace(",", ".")
    elif digits.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):
        digits = digits.replace(".", "")
    try:
        return Decimal(digits).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def seller_party(stored: Mapping[str, str]) -> Party:
    """The company as the seller of an invoice, from its ``company_*`` settings (the app's
    defaults where one is not stored)."""
    values = {**DEFAULTS, **stored}
    vat = values["company_vat_number"].strip().upper().replace(" ", "")
    country = values["company_country"].strip().upper() or "IT"
    if vat[:2].isalpha():
        vat = vat[2:]
    office, number = parse_rea(values["company_rea"])
    return Party(
        name=values["company_name"].strip(), vat_number=vat,
        tax_code=values["company_tax_code"].strip(), street=values["company_street"].strip(),
        postcode=values["company_postcode"].strip(), city=values["company_city"].strip(),
        province=values["company_province"].strip(), country=country,
        tax_regime=values["company_tax_regime"].strip(), rea_office=office, rea_number=number,
        share_capital=parse_share_capital(values["company_share_capital"]),
        email=values["company_email"].strip(), phone=values["company_phone"].strip())


def company_settings(session: Session) -> dict[str, str]:
    return {str(k): str(v) for k, v in session.execute(
        select(SETTINGS.c.key, SETTINGS.c.value).where(SETTINGS.c.key.like("company%")))}


def legal_data_error(missing: list[str] | str) -> ValidationError:
    names = missing if isinstance(missing, str) else ", ".join(missing)
    return ValidationError.of(
        "no invoice can be issued while the company's legal data are incomplete: set "
        "{settings} (rit-desk settings set KEY VALUE); nothing was recorded", settings=names)


def credit_note_number(session: Session, note_id: int) -> str | None:
    """The number of the fiscal credit note a refund issued (the charge VAT point), if any
    (finance and admins, who refund, may read invoices)."""
    issued = session.execute(select(INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive)
                             .where(INVOICES.c.credit_note_id == note_id)).first()
    return None if issued is None else document_number(*issued)


def require_issuable(session: Session, event: Event) -> str | None:
    """The type of the document ``event`` issues now (None: none); refused with the
    settings to fill when it issues one and the company's legal data are incomplete."""
    kind = document_type(vat_point(session), event)
    if kind is not None:
        missing = missing_legal_data(seller_party(company_settings(session)))
        if missing:
            raise legal_data_error(missing)
    return kind
