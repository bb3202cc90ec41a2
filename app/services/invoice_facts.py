"""An invoice or credit note as plain data (:class:`InvoiceDocument`), rebuilt from the
row and the facts the database stored when it was issued (migration 0026): the seller
and the buyer as they stood, the amounts, what it is for. No SQL here: rebuilding it
twice gives the same document, so rendering it twice gives the same bytes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.db.types import from_cents
from app.domain.fiscal import NO_SDI_CODE
from app.domain.invoices import (
    InvoiceDocument,
    InvoiceLine,
    InvoiceType,
    Lang,
    Party,
    VatSummary,
    nature_of,
)
from app.domain.references import request_reference
from app.services.invoice_rules import seller_party

#: the line of each kind of document, in the customer's language
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "topup": {"it": "Ricarica del credito prepagato", "en": "Prepaid credit top-up"},
    "charge": {"it": "Intervento tecnico {request}: {subject}",
               "en": "Technical intervention {request}: {subject}"},
    "refund": {"it": "Storno dell'intervento {request}: {subject}",
               "en": "Credit for the intervention {request}: {subject}"},
}
CAUSALI: dict[str, dict[str, str]] = {
    "topup": {"it": "Ricarica del credito prepagato: il credito non comprende l'IVA",
              "en": "Prepaid credit top-up: the credit is net of VAT"},
    "charge": {"it": "Intervento tecnico concluso", "en": "Technical intervention concluded"},
    "refund": {"it": "Nota di credito: {reason}", "en": "Credit note: {reason}"},
}


#: what a top-up's document is for, in the customer's language (its reference, when one
#: was given, in brackets)
TOPUP_REFERENCE = {"it": "Ricarica del credito", "en": "Credit top-up"}
DEFAULT_TOPUP_REFERENCES = ("", "top-up", "initial credit")


def _reference(row: Any, what: str, lang: Lang, facts: dict[str, Any]) -> str:
    if what != "topup":
        return str(row.reference)
    given = str(facts.get("reference") or "")
    words = TOPUP_REFERENCE[lang]
    return words if given in DEFAULT_TOPUP_REFERENCES else f"{words} ({given})"


def _lang(value: Any) -> Lang:
    return "en" if value == "en" else "it"


def _vat_number(value: str) -> str:
    clean = (value or "").strip().upper().replace(" ", "")
    return clean[2:] if clean[:2].isalpha() else clean


def buyer_party(customer: dict[str, Any]) -> Party:
    """The customer as the buyer, from the facts (a consumer's name split in two for
    FatturaPA; "0000000" as the Codice Destinatario of one who has none)."""
    name = str(customer.get("name") or "").strip()
    kind = str(customer.get("kind") or "consumer")
    first, _, last = name.partition(" ")
    return Party(
        name=name, vat_number=_vat_number(str(customer.get("vat_number") or "")),
        tax_code=str(customer.get("tax_code") or "").strip().upper(),
        street=str(customer.get("street") or ""), postcode=str(customer.get("postcode") or ""),
        city=str(customer.get("city") or ""), province=str(customer.get("province") or ""),
        country=str(customer.get("country") or "IT"), kind=kind,
        first_name=first if kind == "consumer" else "",
        last_name=(last or first) if kind == "consumer" else "",
        sdi_code=str(customer.get("sdi_code") or "") or NO_SDI_CODE,
        pec=str(customer.get("pec") or ""), email=str(customer.get("email") or ""))


def _text(table: dict[str, dict[str, str]], what: str, lang: Lang, facts: dict[str, Any]) -> str:
    request = facts.get("request")
    return table[what][lang].format(
        request=request_reference(int(request)) if request is not None else "",
        subject=facts.get("subject") or "", reason=facts.get("reason") or "")


def invoice_document_of(row: Any, facts: dict[str, Any]) -> InvoiceDocument:
    """The document of an ``invoices`` row (id, type, year, progressive, issue_date,
    reference, vat_rate, net, vat, stamp_duty, total) and its stored facts."""
    what = str(facts.get("what") or "topup")
    customer = facts.get("customer") or {}
    lang = _lang(customer.get("lang"))
    rate = from_cents(int(facts.get("vat_rate_hundredths", 0)))
    nature = str(facts.get("nature") or "")
    found = nature_of(nature) if nature else None
    net, vat = Decimal(row.net), Decimal(row.vat)
    line = InvoiceLine(1, _text(DESCRIPTIONS, what, lang, facts), Decimal("1.00"), "", net, net,
                       rate, nature)
    reference = str(facts.get("legal_reference") or "") or (found.reference if found else "")
    summary = VatSummary(rate, nature, net, vat, reference)
    credited = facts.get("credited_date")
    kind: InvoiceType = "TD04" if row.type == "TD04" else "TD01"
    return InvoiceDocument(
        invoice_id=int(row.id), type=kind, year=int(row.year),
        progressive=int(row.progressive), issue_date=row.issue_date, lang=lang,
        seller=seller_party(facts.get("settings") or {}), buyer=buyer_party(customer),
        lines=(line,), summaries=(summary,), net=net, vat=vat,
        stamp_duty=Decimal(row.stamp_duty), total=Decimal(row.total),
        reference=_reference(row, what, lang, facts), causale=_text(CAUSALI, what, lang, facts),
        credited_number=str(facts.get("credited_number") or ""),
        credited_date=date.fromisoformat(str(credited)[:10]) if credited else None)
