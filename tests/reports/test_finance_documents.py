"""The charges report and the credit statement: PDF (both languages, pages, fonts,
metadata) and CSV (an Italian and an English spreadsheet's conventions)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.domain.finance import ChargesReport, ChargesRow, Statement, StatementEntry
from reports.finance_csv import charges_csv, statement_csv
from reports.finance_pdf import render_charges_report, render_statement
from tests.reports.pdf_inspect import all_text, fonts, page_texts
from tests.reports.quote_samples import COMPANY, CUSTOMER

D = Decimal


def report(lang: str = "it", by: str = "customer", rows: int = 2) -> ChargesReport:
    sample = [ChargesRow("C-004217", "Officine Meccaniche Bellà & Figli S.r.l.", 3, D("1234.56"),
                         D("271.60"), D("1506.16"), 1, D("100.00"), D("22.00"), D("122.00")),
              ChargesRow("C-000988", "O'Brien Hosting Ltd", 1, D("850.00"), D("187.00"),
                         D("1037.00"))]
    many = [ChargesRow(f"C-{i:06d}", f"Cliente numero {i}", 1, D("10.00"), D("2.20"), D("12.20"))
            for i in range(rows - 2)] if rows > 2 else []
    return ChargesReport(date(2026, 11, 1), date(2026, 11, 30), by, lang,  # type: ignore[arg-type]
                         COMPANY, tuple(sample[:rows] + many), date(2026, 12, 2))


def statement(lang: str = "it", closing_negative: bool = False) -> Statement:
    entries = [StatementEntry(datetime(2026, 11, 3, 9, 15), "topup", D("500.00"), D("620.00"),
                              "bonifico 42", ""),
               StatementEntry(datetime(2026, 11, 20, 16, 40), "charge", D("-475.80"),
                              D("144.20"), "RIT-000123", "", "FT 2026/000123"),
               StatementEntry(datetime(2026, 11, 21, 8, 0), "adjustment", D("-10.20"),
                              D("134.00"), "adjustment", "=spese bancarie")]
    if closing_negative:
        entries.append(StatementEntry(datetime(2026, 11, 28, 10, 0), "charge", D("-610.00"),
                                      D("-476.00"), "RIT-000203", ""))
    return Statement(CUSTOMER, lang, date(2026, 11, 1), date(2026, 11, 30),  # type: ignore[arg-type]
                     D("120.00"), tuple(entries), COMPANY, date(2026, 12, 2))


def test_charges_report_in_italian() -> None:
    text = all_text(render_charges_report(report()))
    expected = ["Report addebiti", "Periodo dal 01/11/2026 al 30/11/2026",
                "Raggruppato per cliente", "Emesso il 02/12/2026",
                "Cliente Addebiti Imponibile IVA Totale Stornato",
                "Officine Meccaniche Bellà & Figli 3 1.234,56 € 271,60 € 1.506,16 € 122,00 € "
                "S.r.l. (C-004217)",
                "O'Brien Hosting Ltd (C-000988) 1 850,00 € 187,00 € 1.037,00 € –",
                "Totale 4 2.084,56 € 458,60 € 2.543,16 € 122,00 €",
                "non sono sottratti dagli addebiti", "pagina 1 di 1"]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"


def test_charges_report_in_english_by_category_and_month() -> None:
    by_category = report("en", "category")
    by_category = ChargesReport(by_category.first, by_category.last, "category", "en", COMPANY,
                                (ChargesRow("ssl", "", 2, D("100.00"), D("22.00"),
                                            D("122.00")),), by_category.issued)
    text = all_text(render_charges_report(by_category))
    for item in ("Charges report", "Period 1 Nov 2026 to 30 Nov 2026",
                 "Grouped by type of intervention", "SSL certificate installation 2 €100.00",
                 "Total 2 €100.00 €22.00 €122.00", "page 1 of 1"):
        assert item in text, text
    by_month = ChargesReport(by_category.first, by_category.last, "month", "it", COMPANY,
                             (ChargesRow("2026-11", "", 1, D("1.00"), D("0.22"), D("1.22")),),
                             by_category.issued)
    assert "novembre 2026 1 1,00 €" in all_text(render_charges_report(by_month))


def test_a_long_report_repeats_its_header_on_every_page() -> None:
    pages = page_texts(render_charges_report(report(rows=150)))
    assert len(pages) >= 3
    table = [page for page in pages if "Cliente numero" in page]
    assert len(table) >= 3
    for page in table:
        assert "Cliente Addebiti Imponibile IVA Totale Stornato" in page
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} di {len(pages)}" in page
    text = all_text(render_charges_report(report(rows=150)))
    assert "Totale 152 3.564,56 € 784,20 € 4.348,76 € 122,00 €" in text
    assert text.index("Cliente numero 147") < text.index("Totale 152")


def test_statement_in_italian() -> None:
    text = all_text(render_statement(statement()))
    expected = ["Estratto conto", "Periodo dal 01/11/2026 al 30/11/2026",
                "Officine Meccaniche Bellà & Figli", "Codice cliente: C-004217",
                "Data Movimento Riferimento Importo Saldo",
                "Saldo iniziale al 01/11/2026 120,00 €",
                "Ricarica bonifico 42 500,00 € 620,00 €",
                "Addebito RIT-000123 · FT 2026/000123 -475,80 € 144,20 €",
                "Rettifica rettifica — =spese bancarie -10,20 € 134,00 €",
                "Saldo finale al 30/11/2026 134,00 €",
                "Totale accrediti 500,00 €", "Totale addebiti -486,00 €"]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    assert "termine del credito" not in text


def test_a_statement_of_a_period_not_over_closes_at_its_issue_date() -> None:
    """Issue 17: issued on 07/12 for December, it cannot know the balance at 31/12."""
    from dataclasses import replace

    from reports.finance_csv import statement_csv

    december = replace(statement(), first=date(2026, 12, 1), last=date(2026, 12, 31),
                       entries=(), issued=date(2026, 12, 7))
    text = all_text(render_statement(december))
    assert "Saldo finale al 31/12/2026" not in text
    assert text.count("Saldo a oggi, 07/12/2026 120,00 €") == 2, text  # table and summary
    assert "Periodo dal 01/12/2026 al 31/12/2026" in text
    assert "Saldo a oggi, 07/12/2026" in statement_csv(december).decode("utf-8-sig")
    english = all_text(render_statement(replace(december, lang="en")))
    assert "Balance as of today, 7 Dec 2026 €120.00" in english
    assert "Closing balance on 31 Dec 2026" not in english
    # issued on the last day or later: the period's closing balance
    over = all_text(render_statement(replace(december, issued=date(2026, 12, 31))))
    assert "Saldo finale al 31/12/2026 120,00 €" in over


def test_statement_in_english_with_a_negative_balance() -> None:
    text = all_text(render_statement(statement("en", closing_negative=True)))
    for item in ("Credit statement", "Opening balance on 1 Nov 2026 €120.00",
                 "Charge RIT-000203 -€610.00 -€476.00", "Closing balance on 30 Nov 2026",
                 "credit-exhaustion procedure", "top-up of at least €476.00"):
        assert item in text, text


def test_embedded_fonts_metadata_and_same_bytes_twice() -> None:
    for pdf in (render_charges_report(report()), render_statement(statement("en"))):
        assert all(row.embedded and "DejaVuSans" in row.name for row in fonts(pdf))
    pdf = render_statement(statement())
    assert pdf == render_statement(statement())
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Estratto conto C-004217 dal 01/11/2026 al 30/11/2026"
    assert str(reader.root_object["/Lang"]) == "it-IT"
    english = PdfReader(io.BytesIO(render_charges_report(report("en"))))
    assert str(english.root_object["/Lang"]) == "en-GB"


def _parse(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_charges_csv_for_an_italian_spreadsheet() -> None:
    lines = _parse(charges_csv(report()), ";")
    assert lines[0] == ["Codice", "Cliente", "Addebiti", "Imponibile", "IVA", "Totale", "Storni",
                        "Imponibile stornato", "IVA stornata", "Stornato"]
    assert lines[1] == ["C-004217", "Officine Meccaniche Bellà & Figli S.r.l.", "3", "1234,56",
                        "271,60", "1506,16", "1", "100,00", "22,00", "122,00"]
    assert lines[-1] == ["", "Totale", "4", "2084,56", "458,60", "2543,16", "1", "100,00",
                         "22,00", "122,00"]


def test_charges_csv_for_an_english_spreadsheet() -> None:
    lines = _parse(charges_csv(report("en")), ",")
    assert lines[0][:3] == ["Code", "Customer", "Charges"]
    assert lines[1][3:6] == ["1234.56", "271.60", "1506.16"]


@pytest.mark.parametrize(("lang", "delimiter"), [("it", ";"), ("en", ",")])
def test_statement_csv(lang: str, delimiter: str) -> None:
    lines = _parse(statement_csv(statement(lang)), delimiter)
    assert len(lines) == 1 + 1 + 3 + 1
    assert lines[0][-1] == ("Fattura o nota di credito" if lang == "it"
                            else "Invoice or credit note")
    assert lines[2][1:] == (["Ricarica", "bonifico 42", "", "500,00", "620,00", ""]
                            if lang == "it" else ["Top-up", "bonifico 42", "", "500.00", "620.00", ""])
    assert lines[3][-1] == "FT 2026/000123"  # the charge's invoice, at the charge point
    assert lines[4][3] == "'=spese bancarie"  # never a formula
    assert lines[-1][-2:] == (["134,00", ""] if lang == "it" else ["134.00", ""])


@pytest.mark.parametrize("width", range(60, 220, 7))  # an amount fits from 60 pt
def test_the_euro_never_parts_from_its_number(width: int) -> None:
    """Issue 17: '€' split from its number across lines; CLDR's no-break space keeps them."""
    from app.domain.money import format_eur
    from reports import styles
    from reports.finance_texts import ftext
    from reports.layout import para

    for lang in ("it", "en"):
        for amount in ("214.80", "-1234.56"):
            note = ftext(lang, "exhausted_note", missing=format_eur(Decimal(amount), lang))
            paragraph = para(note, styles.STYLES.body)
            paragraph.wrap(width, 10000)
            lines = [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]
            shown = format_eur(Decimal(amount), lang)
            assert any(shown in line for line in lines), (lines, shown)
