"""The finance documents as CSV for spreadsheets.

Italian (the default): ``;`` between fields and ``,`` before the decimals, as an Italian
spreadsheet reads them; English: ``,`` and ``.``. Both UTF-8 with a byte-order mark
(spreadsheets take a file without one for the local code page), CRLF line ends, amounts
without thousands separators or currency sign, so that every cell is a number. A text
cell that would start a formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from app.domain.finance import ChargesReport, ChargesRow, Statement
from app.domain.money import round_cents
from app.domain.periods import local_time
from reports.finance_texts import (
    closing_label,
    ftext,
    group_heading,
    group_label,
    ledger_kind,
    ledger_reference,
)
from reports.texts import Lang, format_date

__all__ = ["charges_csv", "statement_csv"]

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _number(value: Decimal, lang: Lang) -> str:
    text = f"{round_cents(value):.2f}"
    return text.replace(".", ",") if lang == "it" else text


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _moment(value: datetime, lang: Lang) -> str:
    local = local_time(value)
    if lang == "it":
        return local.strftime("%d/%m/%Y %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _write(rows: Iterable[Sequence[str]], lang: Lang) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "it" else ",", lineterminator="\r\n")
    writer.writerows(rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def _charges_cells(row: ChargesRow, key: str, label: str, lang: Lang) -> list[str]:
    return [_text(key), _text(label), str(row.count), _number(row.net, lang),
            _number(row.vat, lang), _number(row.total, lang), str(row.refunds),
            _number(row.refunded_net, lang), _number(row.refunded_vat, lang),
            _number(row.refunded, lang)]


def charges_csv(report: ChargesReport) -> bytes:
    """One line per group, then the totals; the period in the first two lines."""
    lang = report.lang
    t = ftext
    head = [t(lang, "col_key"), group_heading(report.by, lang), t(lang, "col_count"),
            t(lang, "col_net"), t(lang, "col_vat"), t(lang, "col_total"), t(lang, "col_refunds"),
            t(lang, "col_refunded_net"), t(lang, "col_refunded_vat"), t(lang, "col_refunded")]
    lines: list[list[str]] = [head]
    for row in report.rows:
        lines.append(_charges_cells(row, row.key, group_label(report.by, row.key, row.label, lang),
                                    lang))
    lines.append(_charges_cells(report.totals, "", t(lang, "total_row"), lang))
    return _write(lines, lang)


def statement_csv(statement: Statement) -> bytes:
    """The opening balance, one line per ledger entry, the closing balance."""
    lang = statement.lang
    t = ftext
    head = [t(lang, "col_date"), t(lang, "col_kind"), t(lang, "col_reference"),
            t(lang, "col_reason"), t(lang, "col_amount"), t(lang, "col_balance"),
            t(lang, "col_invoice")]  # the last column: added with issue 20
    lines: list[list[str]] = [head]
    first = format_date(statement.first, lang)
    lines.append(["", _text(t(lang, "opening", date=first)), _text(statement.customer.code), "",
                  "", _number(statement.opening, lang), ""])
    for e in statement.entries:
        lines.append([_moment(e.at, lang), _text(ledger_kind(e.kind, lang)),
                      _text(ledger_reference(e.reference, lang)), _text(e.reason),
                      _number(e.amount, lang), _number(e.balance_after, lang),
                      _text(e.invoice)])
    closing = closing_label(statement.last, statement.issued, lang)
    lines.append(["", _text(closing), _text(statement.customer.code), "",
                  "", _number(statement.closing, lang), ""])
    return _write(lines, lang)


#: the cell and file writers, shared with the quote export's index (reports/batch.py)
csv_number, csv_text, csv_bytes = _number, _text, _write
