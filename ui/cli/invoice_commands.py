"""Invoices, credit notes and the VAT register on the command line (team lead, finance,
admin).

    rit-desk --as USER invoices list --from YYYY-MM-DD --to YYYY-MM-DD [--json]
    rit-desk --as USER invoices show NUMBER [--json]          (NUMBER: "FT 2026/000001")
    rit-desk --as USER invoices pdf NUMBER -o FILE
    rit-desk --as USER invoices xml NUMBER -o FILE
    rit-desk --as USER invoices export --from DATE --to DATE --to-dir DIR
    rit-desk --as USER reports vat --month YYYY-MM [--format json|csv|pdf] [-o FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.domain.invoices import InvoiceDocument, Lang, Party, VatRegister
from app.domain.money import amount_str
from app.services import invoices, vat_register
from ui.cli.common import CliError, Command, Result, need_actor
from ui.cli.output import dumps, field_words, plain

log = logging.getLogger(__name__)

FORMATS = ("json", "csv", "pdf")


def register(groups: Any, reports: Any, cmd: Command, iso_date: Callable[[str], Any]) -> None:
    """Add the ``invoices`` group and ``reports vat``."""
    group = groups.add_parser("invoices", help="invoices and credit notes (team lead, finance)")
    sub = group.add_subparsers(dest="cmd", required=True, parser_class=type(group))
    s = cmd(sub, "list", invoices_list, "the invoices and credit notes of a period")
    _period(s, iso_date)
    s = cmd(sub, "show", invoices_show, "an invoice or credit note")
    s.add_argument("number", metavar="NUMBER", help='e.g. "FT 2026/000001"')
    for kind in ("pdf", "xml"):
        s = cmd(sub, kind, invoices_pdf if kind == "pdf" else invoices_xml,
                f"write a document's {kind.upper()} as stored")
        s.add_argument("number", metavar="NUMBER")
        s.add_argument("-o", "--output", required=True, metavar="FILE")
    s = cmd(sub, "export", invoices_export,
            "write a period's XML files, PDFs and a CSV index for the SDI intermediary")
    _period(s, iso_date)
    s.add_argument("--to-dir", dest="folder", required=True, metavar="DIR")
    s = cmd(reports, "vat", reports_vat, "the VAT register of a month")
    s.add_argument("--month", required=True, metavar="YYYY-MM")
    s.add_argument("--format", choices=FORMATS, default="json")
    s.add_argument("-o", "--output", metavar="FILE")
    s.add_argument("--lang", choices=["it", "en"], default=argparse.SUPPRESS,
                   help="language of the document")


def _period(parser: argparse.ArgumentParser, iso_date: Callable[[str], Any]) -> None:
    parser.add_argument("--from", dest="first", type=iso_date, required=True,
                        metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", type=iso_date, required=True, metavar="YYYY-MM-DD")


def row_json(row: invoices.InvoiceRow) -> dict[str, Any]:
    """The keys of ``invoices list`` (issue 20)."""
    return {"number": row.number, "type": row.type, "date": row.issue_date,
            "customer": row.customer, "net": row.net, "vat": row.vat, "total": row.total,
            "reference": row.reference, "xml_sha256": row.xml_sha256,
            "state": row.state, "missing": list(row.missing)}


def invoice_waits(db: Database | None, invoice: str | None, *, customer: str | None = None,
                  request: int | None = None) -> list[str]:
    """The customer's fields the invoice a use case just issued waits for (none: it is
    made, or being made). Read after the use case committed: never reported as its
    failure."""
    if db is None or invoice is None:
        return []
    try:
        return list(invoices.buyer_missing(db, customer=customer, request=request))
    except Exception as exc:  # the money moved
        log.warning("could not tell whether %s waits for fiscal data: %s", invoice, exc)
        return []


def waits_text(invoice: str | None, missing: list[str]) -> str:
    if not missing:
        return ""
    return (f"\ninvoice {invoice} waits for the customer's fiscal data "
            f"({field_words(missing)}); it is "
            "made once they are set (rit-desk customers set)")


def _state(row: invoices.InvoiceRow) -> str:
    if row.state == "waiting":
        return f"  [waiting for the customer's {field_words(row.missing)}]"
    return "  [being prepared]" if row.state == "preparing" else ""


def invoices_list(db: Database, args: argparse.Namespace) -> Result:
    rows = invoices.list_invoices(db, need_actor(args), args.first, args.last)
    text = "\n".join(f"{r.number}  {r.issue_date.isoformat()}  {r.customer:<12} "
                     f"{amount_str(r.total):>12}  {r.reference}{_state(r)}" for r in rows)
    return {"invoices": [row_json(r) for r in rows]}, text or "no invoices in that period"


def _party(party: Party) -> dict[str, Any]:
    return {"name": party.name, "vat_number": party.vat_number, "tax_code": party.tax_code,
            "address": list(party.address_lines), "country": party.country,
            "sdi_code": party.sdi_code, "pec": party.pec}


def document_json(document: InvoiceDocument) -> dict[str, Any]:
    return {
        "seller": {**_party(document.seller), "rea": f"{document.seller.rea_office}-"
                   f"{document.seller.rea_number}", "share_capital": document.seller.share_capital,
                   "tax_regime": document.seller.tax_regime},
        "buyer": {**_party(document.buyer), "kind": document.buyer.kind},
        "lines": [plain(line) for line in document.lines],
        "summaries": [plain(summary) for summary in document.summaries],
        "stamp_duty": document.stamp_duty, "causale": document.causale,
        "credited": document.credited_number or None, "xml_filename": document.xml_filename}


def invoices_show(db: Database, args: argparse.Namespace) -> Result:
    view = invoices.invoice_view(db, need_actor(args), args.number)
    r = view.row
    data = {**row_json(r), "customer_name": r.customer_name, "stamp_duty": r.stamp_duty,
            "pdf_sha256": r.pdf_sha256, "files_intact": view.pdf_intact is not False
            and view.xml_intact is not False, **document_json(view.document)}
    text = (f"{r.number} ({r.type}) of {r.issue_date.isoformat()} to {r.customer} "
            f"{r.customer_name}: net {amount_str(r.net)} + VAT {amount_str(r.vat)} = "
            f"{amount_str(r.total)}; {r.reference}{_state(r)}")
    return data, text


def _write(path: str, content: bytes) -> dict[str, Any]:
    out = Path(path)
    try:
        out.write_bytes(content)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None
    return {"file": str(out), "bytes": len(content),
            "sha256": hashlib.sha256(content).hexdigest()}


def _file(db: Database, args: argparse.Namespace, kind: invoices.FileKind) -> Result:
    from ui.finance.invoice_documents import RENDERERS

    _, content = invoices.invoice_file(db, need_actor(args), args.number, kind, RENDERERS)
    data = _write(args.output, content)
    return data, f"wrote {data['file']} ({data['bytes']} bytes)"


def invoices_pdf(db: Database, args: argparse.Namespace) -> Result:
    return _file(db, args, "pdf")


def invoices_xml(db: Database, args: argparse.Namespace) -> Result:
    return _file(db, args, "xml")


def invoices_export(db: Database, args: argparse.Namespace) -> Result:
    from reports.invoice_export import ExportedInvoice, InvoiceExportError, write_invoice_export

    items = [ExportedInvoice(i.row.number, "TD04" if i.row.type == "TD04" else "TD01",
                             i.row.issue_date,
                             i.row.customer, i.row.customer_name, i.row.net, i.row.vat,
                             i.row.total, i.row.reference, i.xml_filename, i.xml,
                             str(i.row.xml_sha256), i.pdf)
             for i in invoices.export_items(db, need_actor(args), args.first, args.last)]
    try:
        written = write_invoice_export(items, Path(args.folder),
                                       lang="en" if getattr(args, "lang", "it") == "en" else "it")
    except InvoiceExportError as exc:
        raise CliError(str(exc).replace("\n", " ")) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.folder}: {exc.strerror}") from None
    data = {"folder": str(written.folder), "documents": len(items),
            "files": [str(f) for f in written.files], "index": str(written.index)}
    return data, f"wrote {len(items)} documents and {written.index}"


def register_json(register: VatRegister) -> dict[str, Any]:
    return {"month": f"{register.year:04d}-{register.month:02d}",
            "rows": [plain(r) for r in register.rows],
            "totals": [plain(t) for t in register.totals],
            "taxable": register.taxable, "vat": register.vat,
            "stamp_duty": register.stamp_duty, "documents": register.documents}


def reports_vat(db: Database, args: argparse.Namespace) -> Result:
    from reports.vat_register import render_vat_register_pdf, vat_register_csv

    year, month = vat_register.parse_month(args.month)
    register = vat_register.vat_register(db, need_actor(args), year, month)
    lang: Lang = "en" if getattr(args, "lang", "it") == "en" else "it"
    data = register_json(register)
    if args.output is None:
        if args.format == "pdf":
            raise CliError("a PDF is written to a file: give -o FILE")
        if args.format == "csv":
            return data, vat_register_csv(register, lang).decode("utf-8").rstrip("\r\n")
        return data, (f"{data['month']}: {register.documents} documents, taxable "
                      f"{amount_str(register.taxable)}, VAT {amount_str(register.vat)}")
    content = {"csv": lambda: vat_register_csv(register, lang),
               "pdf": lambda: render_vat_register_pdf(register, lang)}.get(
        args.format, lambda: (dumps(data) + "\n").encode("utf-8"))()
    written = _write(args.output, content)
    return {**written, "format": args.format}, f"wrote {written['file']}"
