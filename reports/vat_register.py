"""The month's VAT register (invoices and credit notes issued, by rate and nature) as an
A4 PDF and as CSV, from :class:`~app.domain.invoices.VatRegister` (``reports vat``; its
JSON is the command line's). Credit notes carry negative amounts, as the register has
them; the totals are the register's own, printed as given, so the PDF, the CSV and the
JSON agree to the cent.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.domain.invoices import VatRegister
from app.domain.money import format_eur
from reports import styles as st
from reports.finance_csv import csv_bytes, csv_number, csv_text
from reports.finance_pdf import table_style
from reports.finance_texts import month_name
from reports.invoice_pdf import company_info
from reports.invoice_texts import itext
from reports.layout import DocumentInfo, Letterhead, TextLine, build_pdf, para, percent
from reports.texts import Lang, format_date

__all__ = ["render_vat_register_pdf", "vat_register_csv"]


def _month(register: VatRegister, lang: Lang) -> str:
    return month_name(f"{register.year:04d}-{register.month:02d}", lang)


def _rate(rate: Any, nature: str, lang: Lang) -> str:
    return f"{percent(rate, lang)} {nature}".strip()


def render_vat_register_pdf(register: VatRegister, lang: Lang = "it") -> bytes:
    """The register as PDF bytes (A4, in ``lang``), deterministic."""
    month = _month(register, lang)
    title = itext(lang, "register_pdf_title", month=month)
    info = DocumentInfo(title=title, author=register.company.name, subject=title,
                        keywords=[f"{register.year:04d}-{register.month:02d}"], lang=lang)
    letterhead = Letterhead(company_info(register.company, lang), lang,
                            f"{itext(lang, 'register_title')} · {month}")
    return build_pdf(info, letterhead, lambda width: _story(register, lang, width), "vat")


def _story(r: VatRegister, lang: Lang, width: float) -> list[Flowable]:
    s = st.STYLES
    facts = Table([[itext(lang, "register_period"), _month(r, lang)],
                   [itext(lang, "register_documents"), str(r.documents)]],
                  colWidths=[38 * mm, 60 * mm], style=st.FACTS_TABLE, hAlign="LEFT")
    story: list[Flowable] = [TextLine(itext(lang, "register_title"), s.title), facts,
                             TextLine(itext(lang, "register_rows_heading"), s.heading)]
    if not r.rows:
        story.append(para(itext(lang, "register_empty"), s.body))
    else:
        story.append(_rows(r, lang, width))
    story.append(KeepTogether([TextLine(itext(lang, "register_totals_heading"), s.heading),
                               _totals(r, lang, width)]))
    if r.stamp_duty > 0:
        story += [Spacer(1, 2 * mm), para(
            f"{itext(lang, 'register_stamp')}: {format_eur(r.stamp_duty, lang)}", s.small)]
    return story


def _rows(r: VatRegister, lang: Lang, width: float) -> Table:
    s = st.STYLES
    header = [itext(lang, "col_number"), itext(lang, "col_type"), itext(lang, "col_date"),
              itext(lang, "col_customer"), itext(lang, "col_rate"), itext(lang, "col_taxable"),
              itext(lang, "col_tax")]
    rows: list[list[Any]] = [header]
    rows += [[row.number, itext(lang, f"type_{row.type}"), format_date(row.issue_date, lang),
              para(f"{row.customer} · {row.customer_name}", s.cell),
              _rate(row.vat_rate, row.nature, lang), format_eur(row.taxable, lang),
              format_eur(row.vat, lang)] for row in r.rows]
    fixed = [27 * mm, 24 * mm, 19 * mm, 27 * mm, 24 * mm, 22 * mm]
    widths = [*fixed[:3], width - sum(fixed), *fixed[3:]]
    return Table(rows, colWidths=widths, style=table_style(5, total_row=False), repeatRows=1)


def _totals(r: VatRegister, lang: Lang, width: float) -> Table:
    rows: list[list[Any]] = [[itext(lang, "col_rate"), itext(lang, "col_taxable"),
                              itext(lang, "col_tax")]]
    rows += [[_rate(t.vat_rate, t.nature, lang), format_eur(t.taxable, lang),
              format_eur(t.vat, lang)] for t in r.totals]
    rows.append([itext(lang, "register_total"), format_eur(r.taxable, lang),
                 format_eur(r.vat, lang)])
    amount = 30 * mm
    return Table(rows, colWidths=[width - 2 * amount, amount, amount],
                 style=table_style(1, total_row=True), repeatRows=1)


def vat_register_csv(register: VatRegister, lang: Lang = "it") -> bytes:
    """One line per document and rate, then one per total (rate and nature), the grand
    total and the stamp duty; the conventions of the other CSV exports."""
    head = [itext(lang, "col_number"), itext(lang, "col_type"), itext(lang, "col_date"),
            itext(lang, "col_customer"), itext(lang, "register_customer_name"),
            itext(lang, "col_rate_csv"), itext(lang, "col_nature"),
            itext(lang, "col_taxable"), itext(lang, "col_tax")]
    lines: list[list[str]] = [head]
    for row in register.rows:
        day = format_date(row.issue_date, lang) if lang == "it" else row.issue_date.isoformat()
        lines.append([csv_text(row.number), row.type, day, csv_text(row.customer),
                      csv_text(row.customer_name), csv_number(row.vat_rate, lang), row.nature,
                      csv_number(row.taxable, lang), csv_number(row.vat, lang)])
    total = itext(lang, "register_total")
    for t in register.totals:
        lines.append([total, "", "", "", "", csv_number(t.vat_rate, lang), t.nature,
                      csv_number(t.taxable, lang), csv_number(t.vat, lang)])
    lines.append([total, "", "", "", "", "", "", csv_number(register.taxable, lang),
                  csv_number(register.vat, lang)])
    lines.append([itext(lang, "register_stamp"), "", "", "", "", "", "",
                  csv_number(register.stamp_duty, lang), ""])
    return csv_bytes(lines, lang)
