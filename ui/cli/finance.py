"""The finance commands: the charges report, the customer's statement, customers at risk.

    rit-desk --as USER reports charges --from D --to D [--by customer|category|technician|month]
                                       [--format json|csv|pdf] [-o FILE] [--lang it|en]
    rit-desk --as USER customers statement CODE --from D --to D [--format json|csv|pdf] [-o FILE]
    rit-desk customers list --at-risk

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
from app.services import at_risk, charges_report, statements
from ui.cli.commands import CliError, Result, need_actor
from ui.cli.output import dumps

FORMATS = ("json", "csv", "pdf")

Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]


def register(groups: Any, customers: Any, cmd: Command,
             iso_date: Callable[[str], Any]) -> None:
    """Add the ``reports`` group and ``customers statement`` to the parser."""
    reports = groups.add_parser("reports", help="finance reports (team lead, finance)")
    sub = reports.add_subparsers(dest="cmd", required=True, parser_class=type(reports))
    s = cmd(sub, "charges", reports_charges, "what was charged in a period, grouped")
    _period(s, iso_date)
    s.add_argument("--by", choices=GROUPINGS, default="customer")
    _output(s)
    s = cmd(customers, "statement", customers_statement,
            "a customer's credit statement for a period (team lead, finance)")
    s.add_argument("code")
    _period(s, iso_date)
    _output(s)


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
    report = charges_report.charges_report(db, need_actor(args), args.first, args.last,
                                           by=args.by, lang=getattr(args, "lang", None))
    from reports import finance_csv, finance_pdf  # on demand: the CLI starts without reportlab

    return _deliver(args, report_json(report), lambda: finance_csv.charges_csv(report),
                    lambda: finance_pdf.render_charges_report(report))


# -------------------------------------------------------------------- statement


def statement_json(statement: Statement) -> dict[str, Any]:
    return {"code": statement.customer.code, "name": statement.customer.name,
            "from": statement.first, "to": statement.last, "opening": statement.opening,
            "closing": statement.closing,
            "entries": [{"at": e.at, "kind": e.kind, "amount": e.amount,
                         "balance_after": e.balance_after, "reference": e.reference,
                         "reason": e.reason} for e in statement.entries]}


def customers_statement(db: Database, args: argparse.Namespace) -> Result:
    found = statements.statement(db, need_actor(args), args.code, args.first, args.last,
                                 lang=getattr(args, "lang", None))
    from reports import finance_csv, finance_pdf

    return _deliver(args, statement_json(found), lambda: finance_csv.statement_csv(found),
                    lambda: finance_pdf.render_statement(found))


# -------------------------------------------------------------------- at risk


def customers_at_risk(db: Database, args: argparse.Namespace) -> Result:
    """``customers list --at-risk``."""
    if args.exhausted:
        raise CliError("--exhausted and --at-risk are two different lists: give one")
    rows = at_risk.at_risk_customers(db)
    data = [{"code": a.code, "name": a.name, "balance": a.balance, "status": a.status,
             "requests": a.requests, "committed": a.committed, "shortfall": a.shortfall}
            for a in rows]
    text = "\n".join(f"{a.code:<8} {amount_str(a.balance):>12} {amount_str(a.committed):>12} "
                     f"short {amount_str(a.shortfall):>12}  {a.name}" for a in rows)
    return {"customers": data}, text
