"""The courtesy copy of an invoice: every field of art. 21 DPR 633/72 on the page, in
Italian and English, fonts embedded, the same bytes every time."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from reports.invoice_pdf import render_invoice_pdf
from reports.invoice_texts import TEXTS
from tests.reports import invoice_samples as samples
from tests.reports.pdf_inspect import all_text, fonts, page_texts

NBSP = "\u00a0"


def _text(pdf: bytes) -> str:
    return all_text(pdf).replace(NBSP, " ")


@pytest.mark.parametrize("kind", sorted(samples.every_kind()))
def test_the_same_bytes_every_time_and_fonts_embedded(kind: str) -> None:
    doc = samples.every_kind()[kind]
    pdf = render_invoice_pdf(doc)
    assert pdf.startswith(b"%PDF-")
    assert render_invoice_pdf(doc) == pdf
    used = fonts(pdf)
    assert used and all(f.embedded and f.subset for f in used)
    assert not any("Helvetica" in f.name for f in used)
    assert len(page_texts(pdf)) == 1


def test_every_field_of_art_21_on_an_italian_invoice() -> None:
    text = _text(render_invoice_pdf(samples.business_invoice("it")))
    expected = [
        "Fattura",
        "Copia di cortesia: l'originale è la fattura elettronica trasmessa al SDI",
        # number and date
        "Numero FT 2026/000001", "Data 07/12/2026", "Riferimento RIT-000170",
        # the seller: name, address, VAT number, tax code, REA, share capital
        "CEDENTE / PRESTATORE", "Cloud Provider Italia S.p.A.", "Via San Clemente 53",
        "24036 Ponte San Pietro (BG)", "P. IVA IT01879020517", "C.F. 01879020517",
        "REA BG 434483", "Capitale sociale 4.000.000,00 € i.v.",
        # the buyer
        "CESSIONARIO / COMMITTENTE", "Rossi Hosting S.r.l.", "Via Roma 1", "52100 Arezzo (AR)",
        "P. IVA IT12345678903", "C.F. 12345678903", "Codice destinatario M5UXCR1",
        # what was supplied, and the amounts per rate
        "Causale Intervento tecnico RIT-000170: migrazione del sito",
        "Installazione certificato SSL 1 45,50 € 45,50 € 22%",
        "3,50 ore 60,00 € 210,00 € 22%",
        "Riepilogo IVA", "22% 255,50 € 56,21 €",
        "Totale imponibile 255,50 €", "Totale IVA 56,21 €", "Totale documento 311,71 €",
        # the footer: the company's legal line
        "Sede legale Via San Clemente 53, 24036 Ponte San Pietro (BG)", "REA BG 434483",
        "Cap. soc. 4.000.000,00 € i.v.", "pagina 1 di 1",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"{missing} not in {text!r}"
    assert "bollo" not in text.lower()  # not due: everything is at 22 %


def test_zero_vat_prints_the_nature_its_words_its_law_and_the_stamp_duty_in_english() -> None:
    text = _text(render_invoice_pdf(samples.eu_reverse_charge_invoice("en")))
    expected = [
        "Invoice", "Courtesy copy: the original is the electronic invoice transmitted to the SDI",
        "Copia di cortesia: l'originale è la fattura elettronica trasmessa al SDI",
        "Number FT 2026/000004", "Date 7 Dec 2026", "SUPPLIER", "CUSTOMER",
        "Müller Cloud GmbH", "Hauptstraße 5", "10115 Berlin", "DE", "VAT no. DE136695976",
        "Setup of an ad-hoc environment", "€90.00 €180.00 N2.1",
        "0% – N2.1 €180.00 €0.00",
        "N2.1 – Outside the scope of Italian VAT (arts. 7 to 7-septies DPR 633/72): "
        "Art. 7-ter DPR 633/72.",
        "Document total €180.00",
        "Stamp duty of €2.00 paid virtually under D.M. 17/06/2014",
        "REA BG 434483", "Share capital €4,000,000.00 fully paid",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"{missing} not in {text!r}"


def test_the_same_invoice_in_italian_states_the_nature_in_italian() -> None:
    text = _text(render_invoice_pdf(samples.eu_reverse_charge_invoice("it")))
    assert ("N2.1 – Non soggette ad IVA ai sensi degli artt. da 7 a 7-septies del DPR 633/72: "
            "Art. 7-ter DPR 633/72.") in text
    assert "Imposta di bollo di 2,00 € assolta in modo virtuale ai sensi del D.M. 17/06/2014" in text


def test_mixed_rates_give_a_summary_row_each_and_the_stamp_duty() -> None:
    text = _text(render_invoice_pdf(samples.with_mixed_rates()))
    for item in ("22% 200,00 € 44,00 €", "0% – N4 80,00 € 0,00 €",
                 "N4 – Esenti: Art. 10 DPR 633/72.", "Totale documento 324,00 €",
                 "Imposta di bollo di 2,00 €"):
        assert item in text


def test_a_credit_note_names_the_invoice_it_credits() -> None:
    text = _text(render_invoice_pdf(samples.credit_note("it")))
    assert "Nota di credito" in text
    assert "Numero NC 2026/000001" in text
    assert "Storna la fattura FT 2026/000001 del 07/12/2026" in text
    text_en = _text(render_invoice_pdf(samples.credit_note("en")))
    assert "Credit note" in text_en and "Credits invoice FT 2026/000001 of 7 Dec 2026" in text_en


def test_a_consumer_and_a_public_administration() -> None:
    text = _text(render_invoice_pdf(samples.consumer_invoice()))
    assert "Mario Bianchi" in text and "C.F. BNCMRA80A01D612Z" in text
    assert "P. IVA IT" in text  # the seller's
    assert text.count("P. IVA IT") == 1  # a consumer has none
    text = _text(render_invoice_pdf(samples.public_invoice()))
    assert "Comune di Arezzo" in text and "Codice destinatario UF2B7D" in text


def test_a_pec_is_printed_and_many_lines_go_on_to_a_second_page() -> None:
    buyer = replace(samples.BUSINESS, sdi_code="", pec="rossi@pec.example.it")
    lines = tuple(samples.line(n, f"Attività {n} dell'intervento", "1", "10.00")
                  for n in range(1, 61))
    doc = samples.invoice(buyer, lines)
    pdf = render_invoice_pdf(doc)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    assert "N. Descrizione" in pages[1]  # the header row repeats
    text = _text(pdf)
    assert "PEC rossi@pec.example.it" in text and "Totale documento 732,00 €" in text
    assert "pagina 2 di " in text


def test_both_languages_have_the_same_texts_and_the_metadata_has_the_issue_date() -> None:
    assert set(TEXTS["it"]) == set(TEXTS["en"])
    meta = PdfReader(io.BytesIO(render_invoice_pdf(samples.credit_note()))).metadata
    assert meta is not None
    assert meta.title == "Nota di credito NC 2026/000001"
    assert str(meta.get("/CreationDate", "")).startswith("D:20261207")
