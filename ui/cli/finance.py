"""The finance commands: the charges report, the customer's statement, customers at risk.

    rit-desk --as USER reports charges --from D --to D [--by customer|category|technician|month]
                                       [--format json|csv|pdf] [-o FILE] [--lang it|en]
    rit-desk --as USER customers statement CODE --from D --to D [--format json|csv|pdf] [-o FILE]
    rit-desk customers list --at-risk
    rit-desk --as USER charges show REQUEST | charges pdf REQUEST -o FILE [--note N]
    rit-desk --as USER charges refund REQUEST [--net AMOUNT] --reason TEXT

A report goes to standard output as JSON (the default) or CSV, or into ``-o FILE`` in
any of the three formats (a PDF only into a file).
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.domain.finance import GROUPINGS, ChargesReport, ChargesRow, Statement
from app.domain.money import amount_str
from app.domain.references import request_reference
from app.services import at_risk, charges_report, statements
from ui.cli.common import CliError, Command, Result, answered_by, need_actor
from ui.cli.output import dumps

FORMATS = ("json", "csv", "pdf")

def register(groups: Any, customers: Any, cmd: Command,
             iso_date: Callable[[str], Any], request_number: Callable[[str], int]) -> Any:
    """Add the ``reports`` and ``charges`` groups and ``customers statement``; the
    ``reports`` group's subcommands (``reports vat`` is added there)."""
    reports = groups.add_parser("reports", help="finance reports (team lead, finance)")
    sub = sub_reports = reports.add_subparsers(dest="cmd", required=True,
                                               parser_class=type(reports))
    s = cmd(sub, "charges", reports_charges, "what was charged in a period, grouped")
    _period(s, iso_date)
    s.add_argument("--by", choices=GROUPINGS, default="customer")
    _output(s)
    charges = groups.add_parser("charges", help="charge documents and refunds")
    sub = charges.add_subparsers(dest="cmd", required=True, parser_class=type(charges))
    s = cmd(sub, "show", charges_show, "a charge's document figures and its refunds")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(sub, "pdf", charges_pdf, "write a charge document (or a credit note) as stored")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("-o", "--output", required=True, metavar="FILE")
    s.add_argument("--note", type=int, metavar="N", help="credit note N of the charge")
    s.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                   help="while the worker prepares the document, wait up to SECONDS "
                        "(default 30)")
    s = cmd(sub, "refund", charges_refund, "refund a charge (credit note; finance)")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--net", metavar="AMOUNT", help="net amount (default: all that is left)")
    s.add_argument("--reason", required=True)
    s = cmd(customers, "statement", customers_statement,
            "a customer's credit statement for a period (team lead, finance)")
    s.add_argument("code")
    _period(s, iso_date)
    _output(s)
    return sub_reports


def _period(parser: argparse.ArgumentParser, iso_date: Callable[[str], Any]) -> None:
    parser.add_argument("--from", dest="first", type=iso_date, required=True,
                        metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", type=iso_date, required=True, metavar="YYYY-MM-DD")


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="json")
    parser.add_argument("-o", "--output", metavar="FILE")
    # SUPPRESS: without it here, the desktop app's global --lang stays as given
    parser.add_argument("--lang", choices=["it", "en"], default=argparse.SUPPRESS,
                        help="language of the document")


def _deliver(args: argparse.Namespace, data: dict[str, Any], csv: Callable[[], bytes],
             pdf: Callable[[], bytes]) -> Result:
    """``data`` (the JSON of the document) on standard output, or the document in the
    chosen format written to ``-o FILE``; ``csv`` and ``pdf`` render it."""
    fmt = args.format
    if args.output is None:
        if fmt == "pdf":
            raise CliError("a PDF is written to a file: give -o FILE")
        if fmt == "csv":
            return data, csv().decode("utf-8").rstrip("\r\n")
        return data, dumps(data)
    content = {"csv": csv, "pdf": pdf}.get(fmt, lambda: (dumps(data) + "\n").encode("utf-8"))()
    out = Path(args.output)
    try:
        out.write_bytes(content)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None
    return {"file": str(out), "format": fmt, "bytes": len(content),
            "sha256": hashlib.sha256(content).hexdigest()}, f"wrote {out} ({len(content)} bytes)"


# -------------------------------------------------------------------- charges report


def _row_json(row: ChargesRow, label: str = "") -> dict[str, Any]:
    return {"key": row.key, "label": label, "count": row.count, "net": row.net,
            "vat": row.vat, "total": row.total, "refunded": row.refunded,
            "refunded_net": row.refunded_net, "refunded_vat": row.refunded_vat,
            "refunds": row.refunds}


def report_json(report: ChargesReport) -> dict[str, Any]:
    totals = _row_json(report.totals)
    del totals["key"], totals["label"]
    from reports.finance_texts import group_label

    lang = report.lang
    return {"from": report.first, "to": report.last, "by": report.by, **totals,
            "rows": [_row_json(r, group_label(report.by, r.key, r.label, lang))
                     for r in report.rows]}


def reports_charges(db: Database, args: argparse.Namespace) -> Result:
    """From the standby when there is one close enough behind (``--read-db``)."""
    actor = need_actor(args)
    report, answer = db.reads(lambda read: charges_report.charges_report(
        read, actor, args.first, args.last, by=args.by, lang=getattr(args, "lang", None)))
    from reports import finance_csv, finance_pdf  # on demand: the CLI starts without reportlab

    return answered_by(_deliver(args, report_json(report),
                                lambda: finance_csv.charges_csv(report),
                                lambda: finance_pdf.render_charges_report(report)),
                       answer, standby=db.standby is not None)


# -------------------------------------------------------------------- statement


def statement_json(statement: Statement) -> dict[str, Any]:
    return {"code": statement.customer.code, "name": statement.customer.name,
            "from": statement.first, "to": statement.last, "opening": statement.opening,
            "closing": statement.closing,
            "entries": [{"at": e.at, "kind": e.kind, "amount": e.amount,
                         "balance_after": e.balance_after, "reference": e.reference,
                         "reason": e.reason, "invoice": e.invoice or None}
                        for e in statement.entries]}


def customers_statement(db: Database, args: argparse.Namespace) -> Result:
    """From the standby when there is one close enough behind (``--read-db``)."""
    actor = need_actor(args)
    found, answer = db.reads(lambda read: statements.statement(
        read, actor, args.code, args.first, args.last, lang=getattr(args, "lang", None)))
    from reports import finance_csv, finance_pdf

    return answered_by(_deliver(args, statement_json(found),
                                lambda: finance_csv.statement_csv(found),
                                lambda: finance_pdf.render_statement(found)),
                       answer, standby=db.standby is not None)


# -------------------------------------------------------------------- at risk


def customers_at_risk(db: Database, args: argparse.Namespace) -> Result:
    """``customers list --at-risk``."""
    if args.exhausted:
        raise CliError("--exhausted and --at-risk are two different lists: give one")
    rows, answer = db.reads(at_risk.at_risk_customers)
    data = [{"code": a.code, "name": a.name, "balance": a.balance, "status": a.status,
             "requests": a.requests, "committed": a.committed, "shortfall": a.shortfall}
            for a in rows]
    text = "\n".join(f"{a.code:<8} {amount_str(a.balance):>12} {amount_str(a.committed):>12} "
                     f"short {amount_str(a.shortfall):>12}  {a.name}" for a in rows)
    return answered_by(({"customers": data}, text), answer, standby=db.standby is not None)


# -------------------------------------------------------------------- charges


def _doc_json(summary: Any) -> dict[str, Any]:
    d = summary.document
    return {
        "request": d.reference, "quote": d.quote_reference, "charged_at": d.charged_at,
        "customer": d.customer.code, "kind": d.kind, "logged_minutes": d.logged_minutes,
        "billable_minutes": d.billable_minutes, "increment": d.increment,
        "hourly_rate": d.hourly_rate, "work_amount": d.work_amount, "quote_net": d.quote_net,
        "ceiling": d.ceiling, "capped": d.capped,
        "variations": [{"amount": v.amount, "reason": v.reason, "agreed_at": v.agreed_at}
                       for v in d.variations],
        "vat_rate": d.vat_rate, "net": d.net, "vat": d.vat, "total": d.total,
        "balance_before": d.balance_before, "balance_after": d.balance_after,
        "sha256": summary.pdf_sha256,
        # the stored bytes checked against that SHA-256 (null: nothing stored yet)
        "sha256_ok": summary.pdf_intact,
        # "preparing" until the worker has stored it (PostgreSQL), then "stored"
        "document": summary.document_state,
        "refunds": [{"credit_note": r.reference, "net": r.net, "vat": r.vat, "total": r.total,
                     "reason": r.reason, "at": r.created_at, "sha256": r.pdf_sha256,
                     "sha256_ok": r.pdf_intact}
                    for r in summary.refunds],
        "refunded": summary.refunded, "refundable_net": summary.refundable_net,
    }


def charges_show(db: Database, args: argparse.Namespace) -> Result:
    from app.services import charge_documents

    summary = charge_documents.charge_summary(db, need_actor(args), args.request)
    data = _doc_json(summary)
    d = summary.document
    text = (f"{d.reference} charged {amount_str(d.total)} (net {amount_str(d.net)} + VAT "
            f"{amount_str(d.vat)}) on {d.charged_at:%Y-%m-%d}; credit {amount_str(d.balance_before)}"
            f" -> {amount_str(d.balance_after)}")
    if summary.document_state == "preparing":
        text += "\n  document being prepared"
    for r in summary.refunds:
        text += f"\n  {r.reference} refunded {amount_str(r.total)}: {r.reason}"
    altered = [d.reference] if summary.pdf_intact is False else []
    altered += [r.reference for r in summary.refunds if r.pdf_intact is False]
    for reference in altered:
        text += (f"\n  WARNING: the stored document {reference} does not match its SHA-256: "
                 "it was changed after it was stored")
    return data, text


def charges_pdf(db: Database, args: argparse.Namespace) -> Result:
    from app.services import charge_documents, document_jobs
    from reports.charge_pdf import render_charge_document, render_credit_note

    actor = need_actor(args)
    if not args.wait >= 0:
        raise CliError("--wait must be 0 seconds or more")

    def fetch() -> bytes:
        if args.note is None:
            return charge_documents.charge_pdf(db, actor, args.request, render_charge_document)
        return charge_documents.credit_note_pdf(db, actor, args.request, args.note,
                                                render_credit_note)

    pdf = document_jobs.wait_for(fetch, timeout=args.wait)  # the worker may be storing it
    out = Path(args.output)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None
    return {"request": request_reference(args.request), "file": str(out), "bytes": len(pdf),
            "sha256": hashlib.sha256(pdf).hexdigest()}, f"wrote {out} ({len(pdf)} bytes)"


def charges_refund(db: Database, args: argparse.Namespace) -> Result:
    from app.services import charge_documents
    from ui.finance.documents import after_refund

    r = charge_documents.refund(db, need_actor(args), args.request, net=args.net,
                                reason=args.reason)
    after_refund(db, r.request_number, r.sequence)  # its credit note, stored once
    from ui.finance.invoice_documents import after_use_case

    after_use_case(db)  # the fiscal credit note's files, where the VAT point issues one
    data = {"refund": {"net": r.net, "vat": r.vat, "total": r.total},
            "balance": r.balance, "status": r.status, "credit_note": r.reference,
            "missing": r.missing, "restarted": list(r.restarted_services), "invoice": r.invoice}
    fiscal = f" ({r.invoice})" if r.invoice else ""
    text = (f"{r.reference}{fiscal}: refunded {amount_str(r.total)} (net {amount_str(r.net)} + VAT "
            f"{amount_str(r.vat)}); balance {amount_str(r.balance)} ({r.status})")
    if r.restarted_services:
        text += f"; services restarted: {', '.join(r.restarted_services)}"
    return data, text
