"""The charge document and the credit note: what they say in both languages, the same
bytes from the same facts, embedded fonts only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from app.domain.finance import AgreedVariation, ChargeDocument, CreditNoteDocument
from reports.charge_pdf import render_charge_document, render_credit_note
from tests.reports.pdf_inspect import all_text, fonts
from tests.reports.quote_samples import COMPANY, CUSTOMER

D = Decimal


def hourly(lang: str = "it") -> ChargeDocument:
    """60/h, 6:15 logged (6:30 billable) = 390.00, capped at the agreed 340.00."""
    return ChargeDocument(
        7, 123, 2, lang, datetime(2026, 11, 20, 15, 30), COMPANY, CUSTOMER,  # type: ignore[arg-type]
        "Cloud Server Pro srv-mi-0042", "cloud_server", "ssl", "Certificato SSL wildcard",
        "hourly", 375, 390, 15, D("60.00"), D("300.00"), D("340.00"), True,
        (AgreedVariation(D("340.00"), "Lavoro aggiuntivo", datetime(2026, 11, 18, 10)),),
        D("22.00"), D("340.00"), D("74.80"), D("414.80"), D("200.00"), D("-214.80"))


def fixed(lang: str = "en") -> ChargeDocument:
    return replace(hourly(lang), kind="fixed", hourly_rate=None, quote_net=D("390.00"),
                   ceiling=D("390.00"), capped=False, variations=(), net=D("390.00"),
                   vat=D("85.80"), total=D("475.80"), balance_before=D("1000.00"),
                   balance_after=D("524.20"))


def note(lang: str = "it", before: str = "-214.80") -> CreditNoteDocument:
    return CreditNoteDocument(
        3, 1, 123, lang, datetime(2026, 11, 25, 9, 0), datetime(2026, 11, 20, 15, 30),  # type: ignore[arg-type]
        COMPANY, CUSTOMER, "Certificato SSL wildcard", "Ore di test non dovute", D("22.00"),
        D("250.00"), D("55.00"), D("305.00"), D("340.00"), D("414.80"), D("0.00"), D(before),
        D(before) + D("305.00"))


def test_hourly_charge_document_in_italian() -> None:
    text = all_text(render_charge_document(hourly()))
    expected = ["Documento di addebito", "Richiesta RIT-000123", "Data addebito 20/11/2026",
                "Preventivo RIT-000123/2", "Officine Meccaniche Bellà & Figli",
                "Cloud Server Pro srv-mi-0042 (server cloud)", "Installazione certificati SSL",
                "A consumo orario", "Importo indicativo del preventivo 300,00 €",
                "Tetto concordato 340,00 €", "Ore registrate 6:15", "Ore fatturabili 6:30",
                "Tariffa oraria 60,00 €/ora", "Valore delle ore (ore fatturabili × tariffa) 390,00 €",
                "Tetto applicato sì", "18/11/2026 Lavoro aggiuntivo 340,00 €",
                "Imponibile 340,00 €", "IVA 22% 74,80 €", "Totale addebitato 414,80 €",
                "Credito prima dell'addebito 200,00 €", "Addebito -414,80 €",
                "Credito dopo l'addebito -214,80 €", "ricarica di almeno 214,80 €",
                "pagina 1 di 1"]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    assert "cloud_server" not in text


def test_fixed_charge_document_in_english() -> None:
    text = all_text(render_charge_document(fixed()))
    for item in ("Charge document", "Fixed price (a corpo)", "Quoted amount €390.00",
                 "Total charged €475.80", "Credit after the charge €524.20", "page 1 of 1"):
        assert item in text, text
    for absent in ("Hourly rate", "Ceiling applied", "Variations agreed", "credit-exhaustion"):
        assert absent not in text


def test_credit_notes() -> None:
    text = all_text(render_credit_note(note()))
    for item in ("Nota di credito", "Numero RIT-000123-NC1", "RIT-000123 del 20/11/2026",
                 "Causale Ore di test non dovute", "Imponibile stornato 250,00 €",
                 "IVA 22% stornata 55,00 €", "Totale restituito al credito 305,00 €",
                 "Totale dell'addebito 414,80 €", "Ancora stornabile 109,80 €",
                 "Credito dopo lo storno 90,20 €", "i servizi sono riavviati"):
        assert item in text, text
    still = all_text(render_credit_note(note("en", before="-400.00")))
    assert "The credit is still negative" in still and "at least €95.00" in still


def test_same_facts_same_bytes_and_embedded_fonts() -> None:
    charge, credit = render_charge_document(hourly()), render_credit_note(note())
    assert charge == render_charge_document(hourly())
    assert credit == render_credit_note(note())
    for pdf in (charge, credit):
        assert all(row.embedded and "DejaVuSans" in row.name for row in fonts(pdf))


def test_the_vat_point_said_on_the_charge_document() -> None:
    """Issue 20: at the top-up point the charge takes the net and says why; at the charge
    point the VAT row stays and the document says it is in the charge."""
    document = hourly()
    topup = replace(document, vat_point="topup", vat=D("0.00"), total=document.net,
                    balance_after=document.balance_before - document.net)
    said = all_text(render_charge_document(topup))
    assert "IVA assolta sulla ricarica del credito" in said and "IVA 22%" not in said
    said = all_text(render_charge_document(fixed()))
    assert "VAT 22% included in the charge" in said
