"""The charges report and the customer's credit statement as A4 PDFs.

Both are rendered from plain data (:mod:`app.domain.finance`) on the letterhead of
:mod:`reports.layout`, in the document's language, fonts embedded.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.finance import ChargesReport, ChargesRow, Statement
from app.domain.money import format_eur
from app.domain.periods import local_time
from reports import styles as st
from reports.assets import FONT, FONT_BOLD
from reports.finance_texts import (
    closing_label,
    date_range,
    ftext,
    group_heading,
    group_label,
    ledger_kind,
    ledger_reference,
)
from reports.layout import DocumentInfo, Letterhead, TextLine, build_pdf, para, title_block
from reports.texts import Lang, format_date

__all__ = ["render_charges_report", "render_statement"]

COUNT_WIDTH = 16 * mm
AMOUNT_WIDTH = 26 * mm

#: a table with a coloured header row, zebra rows and, optionally, a bold total row
_TABLE = [
    ("FONT", (0, 0), (-1, -1), FONT, 8.2),
    ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.8),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("BACKGROUND", (0, 0), (-1, 0), st.BRAND),
    ("TEXTCOLOR", (0, 1), (-1, -1), st.TEXT),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, st.ZEBRA]),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, st.RULE),
    ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm),
    ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * mm),
    ("TOPPADDING", (0, 0), (-1, -1), 1.1 * mm),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * mm),
]
_TOTAL_ROW = [
    ("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.4),
    ("TEXTCOLOR", (0, -1), (-1, -1), st.BRAND),
    ("BACKGROUND", (0, -1), (-1, -1), st.BRAND_LIGHT),
    ("LINEABOVE", (0, -1), (-1, -1), 0.8, st.BRAND),
]


def table_style(numbers_from: int, *, total_row: bool) -> TableStyle:
    commands: list[Any] = [*_TABLE, ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT")]
    if total_row:
        commands += _TOTAL_ROW
    return TableStyle(commands)


def _money(value: Any, lang: Lang) -> str:
    return format_eur(value, lang)


# ------------------------------------------------------------------- charges report


def render_charges_report(report: ChargesReport) -> bytes:
    """The charges report as PDF bytes (A4, in ``report.lang``)."""
    lang = report.lang
    first, last = format_date(report.first, lang), format_date(report.last, lang)
    info = DocumentInfo(
        title=ftext(lang, "report_pdf_title", first=first, last=last),
        author=report.company.name,
        subject=ftext(lang, "report_pdf_title", first=first, last=last),
        keywords=[ftext(lang, "report_title"), report.first.isoformat(), report.last.isoformat()],
        lang=lang,
    )
    footer = f"{ftext(lang, 'report_title')} · {date_range(report.first, report.last, lang)}"
    letterhead = Letterhead(report.company, lang, footer)
    return build_pdf(info, letterhead, lambda width: _report_story(report, width), "report")


def _facts_table(facts: list[tuple[str, str]]) -> Table:
    return Table([list(f) for f in facts], colWidths=[32 * mm, 80 * mm], style=st.FACTS_TABLE,
                 hAlign="LEFT")


def _report_story(report: ChargesReport, width: float) -> list[Flowable]:
    lang = report.lang
    s = st.STYLES
    facts = [
        (ftext(lang, "period"), date_range(report.first, report.last, lang)),
        (ftext(lang, "grouped_by"), ftext(lang, f"by_{report.by}")),
        (ftext(lang, "issued"), format_date(report.issued, lang)),
    ]
    story: list[Flowable] = [TextLine(ftext(lang, "report_title"), s.title), _facts_table(facts),
                             Spacer(1, 4 * mm)]
    header = [group_heading(report.by, lang), ftext(lang, "col_count"), ftext(lang, "col_net"),
              ftext(lang, "col_vat"), ftext(lang, "col_total"), ftext(lang, "col_refunded")]
    rows: list[list[Any]] = [header]
    for row in report.rows:
        name = group_label(report.by, row.key, row.label, lang)
        if report.by in ("customer", "technician") and row.key and name != row.key:
            name = f"{name} ({row.key})"
        rows.append(_report_cells(para(name, s.cell), row, lang))
    rows.append(_report_cells(ftext(lang, "total_row"), report.totals, lang))
    numbers = COUNT_WIDTH + 4 * AMOUNT_WIDTH
    story.append(Table(rows, colWidths=[width - numbers, COUNT_WIDTH, *[AMOUNT_WIDTH] * 4],
                       style=table_style(1, total_row=True), repeatRows=1))
    if not report.rows:
        story += [Spacer(1, 2 * mm), para(ftext(lang, "no_charges"), s.body)]
    story += [Spacer(1, 3 * mm), para(ftext(lang, "refunds_note"), s.small),
              para(ftext(lang, f"report_vat_{report.vat_point}"), s.small)]
    return story


def _report_cells(name: Any, row: ChargesRow, lang: Lang) -> list[Any]:
    refunded = _money(row.refunded, lang) if row.refunds else "–"
    return [name, str(row.count), _money(row.net, lang), _money(row.vat, lang),
            _money(row.total, lang), refunded]


# ------------------------------------------------------------------- credit statement


def render_statement(statement: Statement) -> bytes:
    """The credit statement as PDF bytes (A4, in ``statement.lang``)."""
    lang = statement.lang
    customer = statement.customer
    first, last = format_date(statement.first, lang), format_date(statement.last, lang)
    info = DocumentInfo(
        title=ftext(lang, "statement_pdf_title", code=customer.code, first=first, last=last),
        author=statement.company.name,
        subject=ftext(lang, "statement_subject", name=customer.name),
        keywords=[ftext(lang, "statement_title"), customer.code],
        lang=lang,
    )
    footer = (f"{ftext(lang, 'statement_title')} {customer.code} · "
              f"{date_range(statement.first, statement.last, lang)}")
    letterhead = Letterhead(statement.company, lang, footer)
    return build_pdf(info, letterhead, lambda width: _statement_story(statement, width),
                     "statement")


def _statement_story(statement: Statement, width: float) -> list[Flowable]:
    lang = statement.lang
    s = st.STYLES
    facts = [
        (ftext(lang, "period"), date_range(statement.first, statement.last, lang)),
        (ftext(lang, "issued"), format_date(statement.issued, lang)),
    ]
    story: list[Flowable] = [
        title_block(ftext(lang, "statement_title"), facts, statement.customer, lang, width),
        Spacer(1, 3 * mm),
        para(ftext(lang, "statement_intro"), s.body),
        para(ftext(lang, f"statement_vat_{statement.vat_point}"), s.body),
        Spacer(1, 3 * mm),
    ]
    first = format_date(statement.first, lang)
    header = [ftext(lang, "col_date"), ftext(lang, "col_kind"), ftext(lang, "col_reference"),
              ftext(lang, "col_amount"), ftext(lang, "col_balance")]
    rows: list[list[Any]] = [header,
                             ["", ftext(lang, "opening", date=first), "", "",
                              _money(statement.opening, lang)]]
    for e in statement.entries:
        moment = local_time(e.at)
        when = f"{format_date(moment.date(), lang)} {moment:%H:%M}"
        named = ledger_reference(e.reference, lang)
        parts = (f"{named} · {e.invoice}" if e.invoice else named, e.reason)
        reference = " — ".join(part for part in parts if part)
        rows.append([when, ledger_kind(e.kind, lang), para(reference, s.cell),
                     _money(e.amount, lang), _money(e.balance_after, lang)])
    closing = closing_label(statement.last, statement.issued, lang)
    rows.append(["", closing, "", "", _money(statement.closing, lang)])
    date_width, kind_width = 31 * mm, 24 * mm
    entries = Table(rows, colWidths=[date_width, kind_width,
                                     width - date_width - kind_width - 2 * AMOUNT_WIDTH,
                                     AMOUNT_WIDTH, AMOUNT_WIDTH],
                    style=_statement_style(), repeatRows=1, splitInRow=1)
    story.append(entries)
    if not statement.entries:
        story += [Spacer(1, 2 * mm), para(ftext(lang, "no_entries"), s.body)]
    story += [Spacer(1, 3 * mm), _summary(statement)]
    if statement.closing < 0:
        note = ftext(lang, "exhausted_note", missing=_money(-statement.closing, lang))
        story += [Spacer(1, 3 * mm),
                  Table([[para(note, s.banner_note)]], colWidths=[width], style=st.BANNER_TABLE)]
    return story


def _statement_style() -> TableStyle:
    style = table_style(3, total_row=True)
    # the opening balance (first row after the header) in bold as well
    style.add("FONT", (0, 1), (-1, 1), FONT_BOLD, 8.2)
    style.add("BACKGROUND", (0, 1), (-1, 1), st.BRAND_LIGHT)
    return style


def _summary(statement: Statement) -> KeepTogether:
    lang = statement.lang
    first = format_date(statement.first, lang)
    rows = [
        [ftext(lang, "opening", date=first), _money(statement.opening, lang)],
        [ftext(lang, "credits"), _money(statement.credits, lang)],
        [ftext(lang, "debits"), _money(statement.debits, lang)],
        [closing_label(statement.last, statement.issued, lang), _money(statement.closing, lang)],
    ]
    return KeepTogether([Table(rows, colWidths=[85 * mm, st.MONEY_WIDTH], style=st.TOTALS_TABLE,
                               hAlign="RIGHT")])
