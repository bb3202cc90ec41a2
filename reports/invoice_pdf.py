"""The courtesy copy of an invoice or a credit note as an A4 PDF (art. 21 DPR 633/72).

The original is the FatturaPA file transmitted to the SDI (:mod:`reports.fatturapa`);
this copy is rendered from the same :class:`~app.domain.invoices.InvoiceDocument` and
carries every field art. 21 asks for: who issues it and who receives it (name, address,
VAT number and tax code), its number and date, what was supplied, the taxable amount per
rate, the rate, the VAT and the total; at 0 % the nature, its words and its law; the
stamp duty where due; the seller's REA and share capital; for a credit note the invoice
it credits. On the shared letterhead (:mod:`reports.layout`), fonts embedded,
deterministic bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.documents import CompanyInfo
from app.domain.invoices import InvoiceDocument, InvoiceLine, Party
from app.domain.money import format_eur
from reports import styles as st
from reports.finance_pdf import table_style
from reports.invoice_texts import document_title, itext, nature_text
from reports.layout import DocumentInfo, Letterhead, TextLine, build_pdf, para, percent, quantity
from reports.texts import Lang, format_date

__all__ = ["company_info", "render_invoice_pdf"]

PARTY_GAP = 6 * mm

#: the two parties side by side, each in its own box
_PARTIES_TABLE = TableStyle([
    ("FONT", (0, 0), (-1, -1), st.FONT, st.BODY_SIZE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BOX", (0, 0), (0, 0), 0.6, st.RULE),
    ("BOX", (2, 0), (2, 0), 0.6, st.RULE),
    ("BACKGROUND", (0, 0), (0, 0), st.ZEBRA),
    ("BACKGROUND", (2, 0), (2, 0), st.ZEBRA),
    ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * mm),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * mm),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ("LEFTPADDING", (1, 0), (1, 0), 0),
    ("RIGHTPADDING", (1, 0), (1, 0), 0),
])


def company_info(seller: Party, lang: Lang) -> CompanyInfo:
    """The letterhead of the seller: its footer line carries the REA and share capital."""
    capital = ""
    if seller.share_capital is not None:
        capital = itext(lang, "share_capital_value", amount=format_eur(seller.share_capital, lang))
    rea = " ".join(part for part in (seller.rea_office, seller.rea_number) if part)
    return CompanyInfo(name=seller.name, address_lines=seller.address_lines,
                       vat_number=seller.vat_number, email=seller.email, phone=seller.phone,
                       rea=rea, share_capital=capital)


def render_invoice_pdf(doc: InvoiceDocument) -> bytes:
    """The courtesy copy of ``doc`` as PDF bytes (A4, in ``doc.lang``)."""
    lang = doc.lang
    title = document_title(doc.type, lang)
    info = DocumentInfo(
        title=itext(lang, "pdf_title", title=title, number=doc.number),
        author=doc.seller.name,
        subject=f"{title} {doc.number} – {doc.buyer.name}",
        keywords=[doc.number, doc.type, doc.reference, doc.xml_filename],
        lang=lang,
        issued=doc.issue_date,
    )
    footer = itext(lang, "footer", title=title, number=doc.number,
                   date=format_date(doc.issue_date, lang))
    letterhead = Letterhead(company_info(doc.seller, lang), lang, footer)
    return build_pdf(info, letterhead, lambda width: _story(doc, width), f"invoice-{doc.type}")


def _story(doc: InvoiceDocument, width: float) -> list[Flowable]:
    lang = doc.lang
    s = st.STYLES
    story: list[Flowable] = [
        TextLine(document_title(doc.type, lang), s.title),
        _facts(doc),
        Spacer(1, 2 * mm),
        _courtesy(lang, width),
        Spacer(1, 3 * mm),
        _parties(doc, width),
    ]
    if doc.causale:
        story += [TextLine(itext(lang, "causale"), s.heading), para(doc.causale, s.body)]
    story += [Spacer(1, 4 * mm), _lines(doc, width)]
    story.append(KeepTogether([TextLine(itext(lang, "summary_heading"), s.heading),
                               _summary(doc, width), *_nature_notes(doc)]))
    story += [Spacer(1, 3 * mm), _totals(doc)]
    if doc.stamp_duty > 0:
        story += [Spacer(1, 3 * mm), para(itext(
            lang, "stamp_duty_note", amount=format_eur(doc.stamp_duty, lang)), s.small)]
    return story


def _facts(doc: InvoiceDocument) -> Table:
    lang = doc.lang
    rows = [[itext(lang, "number"), doc.number],
            [itext(lang, "date"), format_date(doc.issue_date, lang)],
            [itext(lang, "reference"), doc.reference]]
    if doc.type == "TD04" and doc.credited_number:
        credited = doc.credited_number
        if doc.credited_date is not None:
            credited = itext(lang, "credited_value", number=doc.credited_number,
                             date=format_date(doc.credited_date, lang))
        rows.append([itext(lang, "credited"), credited])
    return Table(rows, colWidths=[38 * mm, 70 * mm], style=st.FACTS_TABLE, hAlign="LEFT")


def _courtesy(lang: Lang, width: float) -> Table:
    rows: list[list[Any]] = [[para(itext(lang, "courtesy"), st.STYLES.banner_note)]]
    if itext(lang, "courtesy_other"):
        rows.append([para(itext(lang, "courtesy_other"), st.STYLES.banner_note)])
    return Table(rows, colWidths=[width], style=st.BANNER_TABLE)


def _parties(doc: InvoiceDocument, width: float) -> Table:
    box = (width - PARTY_GAP) / 2
    return Table([[_party(doc.seller, "seller", doc.lang), "",
                   _party(doc.buyer, "buyer", doc.lang)]],
                 colWidths=[box, PARTY_GAP, box], style=_PARTIES_TABLE)


def _party(party: Party, role: str, lang: Lang) -> list[Flowable]:
    s = st.STYLES
    out: list[Flowable] = [TextLine(itext(lang, role).upper(), s.box_caption),
                           para(party.name, s.customer_name)]
    out += [para(line, s.body) for line in party.address_lines]
    facts: list[str] = []
    if party.vat_number:
        facts.append(f"{itext(lang, 'vat_number')} {party.country}{party.vat_number}")
    if party.tax_code:
        facts.append(f"{itext(lang, 'tax_code')} {party.tax_code}")
    if role == "seller":
        if party.rea_office or party.rea_number:
            facts.append(f"{itext(lang, 'rea')} " + itext(
                lang, "rea_value", office=party.rea_office, number=party.rea_number))
        if party.share_capital is not None:
            facts.append(f"{itext(lang, 'share_capital')} " + itext(
                lang, "share_capital_value", amount=format_eur(party.share_capital, lang)))
    else:
        if party.sdi_code:
            facts.append(f"{itext(lang, 'sdi_code')} {party.sdi_code}")
        if party.pec:
            facts.append(f"{itext(lang, 'pec')} {party.pec}")
    out += [para(fact, s.small) for fact in facts]
    return out


def _lines(doc: InvoiceDocument, width: float) -> Table:
    lang = doc.lang
    s = st.STYLES
    header = [itext(lang, "col_line"), itext(lang, "col_description"),
              itext(lang, "col_quantity"), itext(lang, "col_unit_price"),
              itext(lang, "col_amount"), itext(lang, "col_vat")]
    rows: list[list[Any]] = [header]
    rows += [[str(line.number), para(line.description, s.cell), _quantity(line, lang),
              format_eur(line.unit_price, lang), format_eur(line.amount, lang),
              line.nature or percent(line.vat_rate, lang)] for line in doc.lines]
    fixed = [9 * mm, 22 * mm, 26 * mm, 26 * mm, 15 * mm]
    widths = [fixed[0], width - sum(fixed), *fixed[1:]]
    style = TableStyle([*st.LINES_TABLE.getCommands(), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                        ("ALIGN", (1, 0), (1, -1), "LEFT")])
    return Table(rows, colWidths=widths, style=style, repeatRows=1)


def _quantity(line: InvoiceLine, lang: Lang) -> str:
    value = quantity(line.quantity, lang)
    return f"{value} {line.unit}" if line.unit else value


def _summary(doc: InvoiceDocument, width: float) -> Table:
    lang = doc.lang
    rows: list[list[Any]] = [[itext(lang, "col_rate"), itext(lang, "col_taxable"),
                              itext(lang, "col_tax")]]
    for row in doc.summaries:
        rate = percent(row.vat_rate, lang)
        label = itext(lang, "rate_nature", rate=rate, code=row.nature) if row.nature else rate
        rows.append([label, format_eur(row.taxable, lang), format_eur(row.vat, lang)])
    amount = 30 * mm
    return Table(rows, colWidths=[width - 2 * amount, amount, amount],
                 style=table_style(1, total_row=False), repeatRows=1)


def _nature_notes(doc: InvoiceDocument) -> list[Flowable]:
    """At 0 %: why (the nature's words) and under which law, one line each."""
    notes: list[Flowable] = []
    for row in doc.summaries:
        if row.nature:
            notes.append(para(itext(doc.lang, "nature_note", code=row.nature,
                                    text=nature_text(row.nature, doc.lang),
                                    reference=row.legal_reference), st.STYLES.small))
    if notes:
        notes.insert(0, Spacer(1, 1.5 * mm))
    return notes


def _totals(doc: InvoiceDocument) -> Table:
    lang = doc.lang
    rows = [[itext(lang, "net"), format_eur(doc.net, lang)],
            [itext(lang, "vat"), format_eur(doc.vat, lang)],
            [itext(lang, "total"), format_eur(doc.total, lang)]]
    return Table(rows, colWidths=[60 * mm, st.MONEY_WIDTH], style=st.TOTALS_TABLE,
                 hAlign="RIGHT")
