"""The export for the SDI intermediary (XML, PDF, CSV index) and the VAT register (PDF and
CSV): what is written, that it agrees to the cent, and what is refused."""

from __future__ import annotations

import csv
import hashlib
import io
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.invoices import InvoiceDocument
from reports.fatturapa import render_fatturapa, validate_fatturapa
from reports.invoice_export import (
    ExportedInvoice,
    InvoiceExportError,
    pdf_filename,
    write_invoice_export,
)
from reports.invoice_pdf import render_invoice_pdf
from reports.vat_register import render_vat_register_pdf, vat_register_csv
from tests.reports import invoice_samples as samples
from tests.reports.pdf_inspect import all_text, fonts


def _exported(doc: InvoiceDocument) -> ExportedInvoice:
    xml = render_fatturapa(doc)
    validate_fatturapa(xml)
    return ExportedInvoice(
        number=doc.number, type=doc.type, issue_date=doc.issue_date, customer="C0001",
        customer_name=doc.buyer.name, net=doc.net, vat=doc.vat, total=doc.total,
        reference=doc.reference, xml_filename=doc.xml_filename, xml=xml,
        xml_sha256=hashlib.sha256(xml).hexdigest(), pdf=render_invoice_pdf(doc))


def _items() -> list[ExportedInvoice]:
    return [_exported(doc) for doc in samples.every_kind().values()]


def _rows(data: bytes, delimiter: str) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_the_export_writes_each_xml_and_pdf_and_the_index(tmp_path: Path) -> None:
    items = _items()
    folder = tmp_path / "SDI 2026-12"
    seen: list[tuple[int, int]] = []
    result = write_invoice_export(items, folder, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(n, 5) for n in range(1, 6)]
    assert result.index == folder / "indice.csv"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [i.xml_filename for i in items] + [pdf_filename(i.number) for i in items]
        + ["indice.csv"])
    for item in items:
        assert (folder / item.xml_filename).read_bytes() == item.xml
        assert (folder / pdf_filename(item.number)).read_bytes() == item.pdf
    rows = _rows(result.index.read_bytes(), ";")
    assert rows[0] == ["Numero", "Tipo", "Data", "Cliente", "Imponibile", "IVA", "Totale",
                       "Riferimento", "File XML", "SHA-256 XML", "File PDF", "Ragione sociale"]
    first = items[0]
    assert rows[1] == [first.number, "TD01", "07/12/2026", "C0001", "255,50", "56,21",
                       "311,71", "RIT-000170", "IT01879020517_00001.xml",
                       hashlib.sha256((folder / first.xml_filename).read_bytes()).hexdigest(),
                       "FT_2026-000001.pdf", "Rossi Hosting S.r.l."]
    note = next(r for r in rows if r[1] == "TD04")
    assert note[0] == "NC 2026/000001" and note[7] == "FT 2026/000001"


def test_the_english_index_and_a_repeated_export_is_harmless(tmp_path: Path) -> None:
    items = _items()
    write_invoice_export(items, tmp_path, lang="en")
    again = write_invoice_export(items, tmp_path, lang="en")
    rows = _rows(again.index.read_bytes(), ",")
    assert rows[0][:4] == ["Number", "Type", "Date", "Customer"]
    assert rows[1][2] == "2026-12-07" and rows[1][4] == "255.50"
    assert len(list(tmp_path.iterdir())) == 11
    assert not list(tmp_path.glob(".export-*"))


def test_bytes_not_matching_their_hash_or_a_conflicting_file_write_nothing(tmp_path: Path) -> None:
    items = _items()
    broken = [items[0], ExportedInvoice(**{**items[1].__dict__, "xml": items[1].xml + b" "})]
    folder = tmp_path / "out"
    with pytest.raises(InvoiceExportError) as caught:
        write_invoice_export(broken, folder)
    assert caught.value.problems == [
        f"FT 2026/000002: the stored XML does not match its SHA-256 ({items[1].xml_sha256})"]
    assert not folder.exists()

    folder.mkdir()
    (folder / items[0].xml_filename).write_bytes(b"another invoice")
    with pytest.raises(InvoiceExportError, match="a different file with this name is already"):
        write_invoice_export(items, folder)
    assert [p.name for p in folder.iterdir()] == [items[0].xml_filename]

    with pytest.raises(InvoiceExportError, match="two documents would have this file name"):
        write_invoice_export([items[1], items[1]], tmp_path / "twice")


def _register() -> tuple[list[InvoiceDocument], samples.VatRegister]:
    docs = [*samples.every_kind().values(), samples.with_mixed_rates()]
    return docs, samples.register(docs)


def test_the_vat_register_pdf_agrees_with_the_documents() -> None:
    docs, register = _register()
    pdf = render_vat_register_pdf(register)
    assert render_vat_register_pdf(register) == pdf
    assert all(f.embedded for f in fonts(pdf))
    text = all_text(pdf).replace("\u00a0", " ")
    for item in ("Registro IVA delle fatture emesse", "Periodo dicembre 2026", "Documenti 6",
                 "NC 2026/000001 Nota di credito 07/12/2026", "-50,00 € -11,00 €",
                 "0% N2.1 180,00 € 0,00 €", "0% N4 80,00 € 0,00 €", "22% 655,50 € 144,21 €",
                 "Totale 915,50 € 144,21 €", "Imposta di bollo assolta: 4,00 €"):
        assert item in text, item
    # the register's totals are the documents' to the cent
    signed = sum((d.net if d.type == "TD01" else -d.net for d in docs), Decimal(0))
    assert register.taxable == signed == Decimal("915.50")
    english = all_text(render_vat_register_pdf(register, "en")).replace("\u00a0", " ")
    assert "VAT register of issued invoices" in english and "December 2026" in english
    assert "Total €915.50 €144.21" in english


def test_the_vat_register_csv() -> None:
    _, register = _register()
    rows = _rows(vat_register_csv(register), ";")
    assert rows[0] == ["Numero", "Tipo", "Data", "Cliente", "Ragione sociale", "Aliquota",
                       "Natura", "Imponibile", "Imposta"]
    assert rows[5] == ["NC 2026/000001", "TD04", "07/12/2026", "C0001", "Rossi Hosting S.r.l.",
                       "22,00", "", "-50,00", "-11,00"]
    assert rows[-4:] == [["Totale", "", "", "", "", "0,00", "N2.1", "180,00", "0,00"],
                         ["Totale", "", "", "", "", "0,00", "N4", "80,00", "0,00"],
                         ["Totale", "", "", "", "", "", "", "915,50", "144,21"],
                         ["Imposta di bollo assolta", "", "", "", "", "", "", "4,00", ""]]
    english = _rows(vat_register_csv(register, "en"), ",")
    assert english[1][2] == "2026-12-07" and english[-2][-2:] == ["915.50", "144.21"]


def test_an_empty_month() -> None:
    empty = samples.register([])
    text = all_text(render_vat_register_pdf(empty)).replace("\u00a0", " ")
    assert "Nessuna fattura né nota di credito nel mese." in text
    assert "Totale 0,00 € 0,00 €" in text
