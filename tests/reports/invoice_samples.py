"""Invoices and credit notes of every kind, as plain data, for the renderers' tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.domain.invoices import (
    NATURES,
    InvoiceDocument,
    InvoiceLine,
    InvoiceType,
    Lang,
    Party,
    VatRegister,
    VatRegisterRow,
    VatRegisterTotal,
    VatSummary,
    stamp_duty_due,
)

CENT = Decimal("0.01")

SELLER = Party(
    name="Cloud Provider Italia S.p.A.", vat_number="01879020517", tax_code="01879020517",
    street="Via San Clemente 53", postcode="24036", city="Ponte San Pietro", province="BG",
    country="IT", tax_regime="RF01", rea_office="BG", rea_number="434483",
    share_capital=Decimal("4000000.00"), email="fatture@example.it", phone="0575 0505",
)

BUSINESS = Party(
    name="Rossi Hosting S.r.l.", vat_number="12345678903", tax_code="12345678903",
    street="Via Roma 1", postcode="52100", city="Arezzo", province="AR", country="IT",
    kind="business", sdi_code="M5UXCR1")

CONSUMER = Party(
    name="Mario Bianchi", tax_code="BNCMRA80A01D612Z", street="Via Dante 12",
    postcode="50123", city="Firenze", province="FI", country="IT", kind="consumer",
    first_name="Mario", last_name="Bianchi")

PUBLIC = Party(
    name="Comune di Arezzo", tax_code="00176820512", vat_number="00176820512",
    street="Piazza della Libertà 1", postcode="52100", city="Arezzo", province="AR",
    country="IT", kind="pa", sdi_code="UF2B7D")

EU_BUSINESS = Party(
    name="Müller Cloud GmbH", vat_number="136695976", street="Hauptstraße 5",
    postcode="10115", city="Berlin", country="DE", kind="business")


def line(number: int, description: str, quantity: str, price: str, rate: str = "22.00",
         nature: str = "", unit: str = "") -> InvoiceLine:
    q, p = Decimal(quantity), Decimal(price)
    return InvoiceLine(number, description, q, unit, p,
                       (q * p).quantize(CENT, ROUND_HALF_UP), Decimal(rate), nature)


def summarise(lines: tuple[InvoiceLine, ...]) -> tuple[VatSummary, ...]:
    groups: dict[tuple[Decimal, str], Decimal] = {}
    for item in lines:
        key = (item.vat_rate, item.nature)
        groups[key] = groups.get(key, Decimal("0.00")) + item.amount
    return tuple(
        VatSummary(rate, nature, taxable,
                   (taxable * rate / 100).quantize(CENT, ROUND_HALF_UP),
                   NATURES[nature].reference if nature else "")
        for (rate, nature), taxable in sorted(groups.items(), key=lambda kv: (-kv[0][0], kv[0][1])))


def invoice(buyer: Party, lines: tuple[InvoiceLine, ...], *, kind: InvoiceType = "TD01",
            lang: Lang = "it", progressive: int = 1, invoice_id: int = 1,
            reference: str = "RIT-000170", causale: str = "",
            credited: tuple[str, date] | None = None) -> InvoiceDocument:
    summaries = summarise(lines)
    net = sum((s.taxable for s in summaries), Decimal("0.00"))
    vat = sum((s.vat for s in summaries), Decimal("0.00"))
    return InvoiceDocument(
        invoice_id=invoice_id, type=kind, year=2026, progressive=progressive,
        issue_date=date(2026, 12, 7), lang=lang, seller=SELLER, buyer=buyer, lines=lines,
        summaries=summaries, net=net, vat=vat, stamp_duty=stamp_duty_due(summaries),
        total=net + vat, reference=reference, causale=causale,
        credited_number=credited[0] if credited else "",
        credited_date=credited[1] if credited else None)


def business_invoice(lang: Lang = "it") -> InvoiceDocument:
    return invoice(BUSINESS, (
        line(1, "Migrazione sito web su cloud server – “intervento” RIT-000170", "3.5", "60.00",
             unit="ore"),
        line(2, "Installazione certificato SSL", "1", "45.50"),
    ), lang=lang, causale="Intervento tecnico RIT-000170: migrazione del sito")


def consumer_invoice() -> InvoiceDocument:
    return invoice(CONSUMER, (line(1, "Ricarica del credito", "1", "100.00"),),
                   reference="Ricarica del credito", progressive=2, invoice_id=2)


def public_invoice() -> InvoiceDocument:
    return invoice(PUBLIC, (line(1, "Hardening del sistema", "2", "75.00", unit="ore"),),
                   progressive=3, invoice_id=3, reference="RIT-000171")


def eu_reverse_charge_invoice(lang: Lang = "en") -> InvoiceDocument:
    return invoice(EU_BUSINESS, (
        line(1, "Setup of an ad-hoc environment", "2", "90.00", rate="0.00", nature="N2.1",
             unit="h"),
    ), lang=lang, progressive=4, invoice_id=40, reference="RIT-000172")


def credit_note(lang: Lang = "it") -> InvoiceDocument:
    return invoice(BUSINESS, (line(1, "Rimborso parziale intervento RIT-000170", "1", "50.00"),),
                   kind="TD04", lang=lang, progressive=1, invoice_id=41,
                   reference="FT 2026/000001", credited=("FT 2026/000001", date(2026, 12, 7)),
                   causale="Rimborso parziale: una parte dell'intervento non eseguita")


def every_kind() -> dict[str, InvoiceDocument]:
    return {"business": business_invoice(), "consumer": consumer_invoice(),
            "pa": public_invoice(), "eu_reverse_charge": eu_reverse_charge_invoice(),
            "credit_note": credit_note()}


def with_mixed_rates() -> InvoiceDocument:
    """22 % beside an exempt line (N4) above the stamp-duty threshold."""
    return replace(invoice(BUSINESS, (
        line(1, "Analisi performance e tuning", "1", "200.00"),
        line(2, "Servizio esente", "1", "80.00", rate="0.00", nature="N4"),
    )), progressive=5, invoice_id=5)


def register(documents: list[InvoiceDocument]) -> VatRegister:
    rows: list[VatRegisterRow] = []
    totals: dict[tuple[Decimal, str], list[Decimal]] = {}
    stamp = Decimal("0.00")
    for doc in documents:
        sign = -1 if doc.type == "TD04" else 1
        stamp += doc.stamp_duty
        for s in doc.summaries:
            rows.append(VatRegisterRow(doc.number, doc.type, doc.issue_date, "C0001",
                                       doc.buyer.name, s.vat_rate, s.nature,
                                       sign * s.taxable, sign * s.vat))
            acc = totals.setdefault((s.vat_rate, s.nature), [Decimal("0.00"), Decimal("0.00")])
            acc[0] += sign * s.taxable
            acc[1] += sign * s.vat
    total_rows = tuple(VatRegisterTotal(rate, nature, t, v)
                       for (rate, nature), (t, v) in sorted(totals.items(),
                                                            key=lambda kv: (-kv[0][0], kv[0][1])))
    return VatRegister(2026, 12, SELLER, tuple(rows), total_rows,
                       sum((t.taxable for t in total_rows), Decimal("0.00")),
                       sum((t.vat for t in total_rows), Decimal("0.00")), stamp, len(documents))
