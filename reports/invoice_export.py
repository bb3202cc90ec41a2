"""An export of invoices and credit notes for the SDI intermediary: a folder with each
document's FatturaPA XML (its stored bytes, under its SDI file name), its courtesy PDF,
and a CSV index. Plain data in, files out: the service reads what it stored and the
command line (``invoices export``) calls :func:`write_invoice_export`.

Nothing is transmitted from here. An export is safe to repeat into the same folder: a
file already there with the same bytes is kept; one with other bytes under the name the
SDI needs is a conflict, reported before anything is written. Each file appears whole or
not at all (a temporary file, then a rename); the index is written last.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from app.domain.invoices import InvoiceType
from reports.finance_csv import csv_bytes, csv_number, csv_text
from reports.texts import Lang, format_date

__all__ = ["ExportedInvoice", "InvoiceExport", "InvoiceExportError", "index_csv",
           "pdf_filename", "write_invoice_export"]

INDEX_NAMES: dict[Lang, str] = {"it": "indice.csv", "en": "index.csv"}
#: the index's columns: number, type, date, customer, net, vat, total, reference,
#: xml filename, xml_sha256, then the PDF's file name and the customer's name
INDEX_HEADINGS: dict[Lang, list[str]] = {
    "it": ["Numero", "Tipo", "Data", "Cliente", "Imponibile", "IVA", "Totale", "Riferimento",
           "File XML", "SHA-256 XML", "File PDF", "Ragione sociale"],
    "en": ["Number", "Type", "Date", "Customer", "Net", "VAT", "Total", "Reference",
           "XML file", "XML SHA-256", "PDF file", "Customer name"],
}


@dataclass(frozen=True)
class ExportedInvoice:
    """One stored document as the export needs it."""

    number: str  # as printed: "FT 2026/000001"
    type: InvoiceType
    issue_date: date
    customer: str  # the customer's code
    customer_name: str
    net: Decimal
    vat: Decimal
    total: Decimal
    reference: str  # the request, or the invoice a credit note credits
    xml_filename: str  # IT<seller VAT number>_<progressive>.xml
    xml: bytes  # exactly as stored
    xml_sha256: str  # as stored: the export refuses bytes that do not match it
    pdf: bytes


@dataclass(frozen=True)
class InvoiceExport:
    folder: Path
    files: tuple[Path, ...]  # XML and PDF of each document, in order
    index: Path


class InvoiceExportError(ValueError):
    """Nothing was written: ``problems`` says why, one line per document or file."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("The export was not written:\n" + "\n".join(f"- {p}" for p in problems))


def pdf_filename(number: str) -> str:
    """``FT_2026-000001.pdf`` for ``FT 2026/000001``."""
    return number.replace(" ", "_").replace("/", "-") + ".pdf"


def index_csv(items: Sequence[ExportedInvoice], lang: Lang = "it") -> bytes:
    """The CSV index (Italian: ``;`` and ``,`` decimals, dates dd/mm/yyyy; English: ``,``,
    ``.`` and ISO dates; UTF-8 with BOM, as the other exports)."""
    rows = [INDEX_HEADINGS[lang]]
    rows += [[csv_text(i.number), i.type,
              format_date(i.issue_date, lang) if lang == "it" else i.issue_date.isoformat(),
              csv_text(i.customer), csv_number(i.net, lang), csv_number(i.vat, lang),
              csv_number(i.total, lang), csv_text(i.reference), csv_text(i.xml_filename),
              i.xml_sha256, pdf_filename(i.number), csv_text(i.customer_name)] for i in items]
    return csv_bytes(rows, lang)


def write_invoice_export(
    items: Sequence[ExportedInvoice],
    folder: Path,
    *,
    lang: Lang = "it",
    progress: Callable[[int, int], None] | None = None,
) -> InvoiceExport:
    """Write every document's XML and PDF into ``folder`` (created if missing), then the
    index; ``progress(done, total)`` after each document. Raises
    :class:`InvoiceExportError` (writing nothing) when a stored XML does not match its
    SHA-256, two documents share a file name, or a different file holds a needed name."""
    files = [(folder / i.xml_filename, i.xml) for i in items]
    files += [(folder / pdf_filename(i.number), i.pdf) for i in items]
    _check(items, files)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for done, item in enumerate(items, start=1):
        for target, data in ((folder / item.xml_filename, item.xml),
                             (folder / pdf_filename(item.number), item.pdf)):
            if not _same_content(target, data):
                _write_atomic(target, data)
            written.append(target)
        if progress is not None:
            progress(done, len(items))
    index = folder / INDEX_NAMES[lang]
    _write_atomic(index, index_csv(items, lang))
    return InvoiceExport(folder, tuple(written), index)


def _check(items: Sequence[ExportedInvoice], files: list[tuple[Path, bytes]]) -> None:
    problems = [f"{i.number}: the stored XML does not match its SHA-256 ({i.xml_sha256})"
                for i in items if hashlib.sha256(i.xml).hexdigest() != i.xml_sha256]
    seen: set[str] = set()
    for target, data in files:
        key = target.name.casefold()
        if key in seen:
            problems.append(f"{target.name}: two documents would have this file name")
        seen.add(key)
        if target.exists() and not _same_content(target, data):
            problems.append(f"{target.name}: a different file with this name is already in "
                            f"{target.parent}")
    if problems:
        raise InvoiceExportError(problems)


def _same_content(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_atomic(target: Path, data: bytes) -> None:
    temp_name = ""
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".export-", suffix=".part",
                                         delete=False) as temp:
            temp_name = temp.name
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)  # temporary files are private; exports are not
        os.replace(temp_name, target)
    except BaseException:
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        raise
