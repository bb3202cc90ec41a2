"""Render a :class:`~app.domain.documents.QuoteDocument` to an A4 PDF.

Layout lives in shared styles (:mod:`reports.styles`) and in the page template of
:mod:`reports.layout` (letterhead, footer, "page X of Y", draft mark); the content is a
list of flowables that platypus flows across pages.

Output is deterministic (``invariant=True``): the same document gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.documents import QuoteDocument, QuoteLineDoc
from app.domain.money import format_eur
from app.domain.vat_point import TOPUP, nature_sentence, stamp_duty_sentence, vat_wording
from reports import styles as st
from reports.layout import (
    DocumentInfo,
    Letterhead,
    StyledTable,
    TextLine,
    build_pdf,
    para,
    percent,
    quantity,
    title_block,
)
from reports.texts import category_label, format_date, service_kind_label, text

__all__ = ["render_quote"]


def render_quote(document: QuoteDocument) -> bytes:
    """The quote as PDF bytes (A4, in ``document.lang``); same document, same bytes."""
    lang = document.lang
    info = DocumentInfo(
        title=text(lang, "pdf_title", reference=document.reference),
        author=document.company.name,
        subject=text(
            lang, "pdf_subject", request=document.request_ref, subject=document.request_subject
        ),
        keywords=[document.reference, document.request_ref, document.customer.code],
        issued=document.issue_date,
        lang=lang,
    )
    footer = (
        f"{text(lang, 'doc_title')} {document.reference} · "
        f"{text(lang, 'valid_until_banner', date=format_date(document.valid_until, lang))}"
    )
    letterhead = Letterhead(document.company, lang, footer, draft=document.draft)
    return build_pdf(info, letterhead, lambda width: _story(document, width), "quote")


# -------------------------------------------------------------------------- story


def _story(document: QuoteDocument, width: float) -> list[Flowable]:
    lang = document.lang
    story: list[Flowable] = []
    story.append(_title_block(document, width))
    story.append(Spacer(1, 3 * mm))
    story.append(_validity_banner(document, width))
    story.extend(_subject_section(document, width))
    story.extend(_kind_section(document, width))
    story.append(Spacer(1, 2.5 * mm))
    story.append(_lines_table(document, width))
    story.append(Spacer(1, 2 * mm))
    story.append(_totals_block(document, width))
    if document.notes.strip():
        story.append(TextLine(text(lang, "notes"), st.STYLES.heading))
        story.append(para(document.notes.strip(), st.STYLES.body))
    story.extend(_terms_section(document))
    story.append(_acceptance_block(document, width))
    return story


def _title_block(document: QuoteDocument, width: float) -> Table:
    """Title and quote data on the left, the customer's address on the right."""
    lang = document.lang
    facts = [
        (text(lang, "revision"), str(document.revision)),
        (text(lang, "issue_date"), format_date(document.issue_date, lang)),
        (text(lang, "request"), document.request_ref),
    ]
    return title_block(f"{text(lang, 'doc_title')} {document.reference}", facts,
                       document.customer, lang, width)


def _validity_banner(document: QuoteDocument, width: float) -> Table:
    lang = document.lang
    when = format_date(document.valid_until, lang)
    return StyledTable(
        [
            [TextLine(text(lang, "valid_until_banner", date=when), st.STYLES.banner)],
            [para(text(lang, "valid_until_note"), st.STYLES.banner_note)],
        ],
        colWidths=[width],
        style=st.BANNER_TABLE,
    )


def _key_values(rows: list[tuple[str, str]], width: float) -> Table:
    s = st.STYLES
    return StyledTable(
        [[label, para(value, s.body)] for label, value in rows],
        colWidths=[st.KEY_WIDTH, width - st.KEY_WIDTH],
        style=st.KEY_VALUE_TABLE,
        hAlign="LEFT",
    )


def _subject_section(document: QuoteDocument, width: float) -> list[Flowable]:
    lang = document.lang
    service = document.service_name
    if document.service_kind:
        service = f"{service} ({service_kind_label(document.service_kind, lang)})"
    rows = [
        (text(lang, "service"), service),
        (text(lang, "category"), category_label(document.category, lang)),
        (text(lang, "request_subject"), document.request_subject),
    ]
    heading = TextLine(text(lang, "subject_heading"), st.STYLES.heading)
    return [heading, _key_values(rows, width)]


def _kind_section(document: QuoteDocument, width: float) -> list[Flowable]:
    lang = document.lang
    s = st.STYLES
    hourly = document.kind == "hourly"
    name = text(lang, "kind_hourly" if hourly else "kind_fixed")
    meaning = text(lang, "kind_hourly_meaning" if hourly else "kind_fixed_meaning")
    flowables: list[Flowable] = [
        TextLine(text(lang, "kind_heading"), s.heading),
        TextLine(name, s.kind_name),
        para(meaning, s.body),
    ]
    if hourly:
        rows: list[tuple[str, str]] = []
        if document.hourly_rate is not None:
            rows.append(
                (text(lang, "hourly_rate"), format_eur(document.hourly_rate, lang)
                 + text(lang, "per_hour"))
            )
        if document.estimated_hours is not None:
            rows.append(
                (text(lang, "estimated_hours"), quantity(document.estimated_hours, lang))
            )
        minutes = document.billing_increment_minutes
        rows.append(
            (text(lang, "billing_increment"),
             text(lang, "billing_increment_value", minutes=minutes))
        )
        flowables.append(Spacer(1, 1.5 * mm))
        flowables.append(_key_values(rows, width))
    return flowables


def _document_lines(document: QuoteDocument) -> tuple[QuoteLineDoc, ...]:
    """The lines to print; an hourly quote without lines shows hours × rate."""
    if document.lines or document.kind != "hourly":
        return document.lines
    if document.estimated_hours is None or document.hourly_rate is None:
        return ()
    return (
        QuoteLineDoc(
            description=text(document.lang, "hourly_line"),
            quantity=document.estimated_hours,
            unit_price=document.hourly_rate,
            amount=document.net,
        ),
    )


def _lines_table(document: QuoteDocument, width: float) -> Table:
    lang = document.lang
    s = st.STYLES
    header = [
        text(lang, "col_description"),
        text(lang, "col_quantity"),
        text(lang, "col_unit_price"),
        text(lang, "col_amount"),
    ]
    rows: list[list[Any]] = [header]
    for line in _document_lines(document):
        rows.append(
            [
                para(line.description, s.cell),
                quantity(line.quantity, lang),
                format_eur(line.unit_price, lang),
                format_eur(line.amount, lang),
            ]
        )
    numbers = st.QTY_WIDTH + 2 * st.MONEY_WIDTH
    return StyledTable(
        rows,
        colWidths=[width - numbers, st.QTY_WIDTH, st.MONEY_WIDTH, st.MONEY_WIDTH],
        style=st.LINES_TABLE,
        repeatRows=1,
        splitInRow=1,  # a description longer than a page continues on the next one
    )


def _totals_table(document: QuoteDocument) -> Table:
    """Net, VAT and total; where VAT is paid on the top-up, the net is what the credit
    gives (no VAT row: :func:`_vat_notes` says why)."""
    lang = document.lang
    hourly = document.kind == "hourly"
    net = [text(lang, "net_hourly" if hourly else "net"), format_eur(document.net, lang)]
    if document.vat_point == TOPUP:
        rows = [net, [text(lang, "taken_hourly" if hourly else "taken"),
                      format_eur(document.taken_from_credit, lang)]]
    else:
        rows = [
            net,
            [text(lang, "vat", rate=percent(document.vat_rate, lang)),
             format_eur(document.vat, lang)],
            [text(lang, "total_hourly" if hourly else "total"), format_eur(document.total, lang)],
        ]
    return StyledTable(
        rows,
        colWidths=[st.TOTALS_LABEL_WIDTH, st.MONEY_WIDTH],
        style=st.TOTALS_TABLE,
        hAlign="RIGHT",
    )


def _totals_block(document: QuoteDocument, width: float) -> Table:
    """The VAT notes on the left of the totals (no extra height: the page stays one)."""
    totals = st.TOTALS_LABEL_WIDTH + st.MONEY_WIDTH
    return StyledTable([[_vat_notes(document), _totals_table(document)]],
                 colWidths=[width - totals, totals], style=_BESIDE)


_BESIDE = TableStyle([("FONT", (0, 0), (-1, -1), st.FONT, st.BODY_SIZE),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm),
                      ("TOPPADDING", (0, 0), (-1, -1), 0),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])


def _vat_notes(document: QuoteDocument) -> list[Flowable]:
    """Where VAT is charged, in words; at 0 % the nature and its law (art. 21 c.6 DPR
    633/72); the stamp duty where due."""
    lang = document.lang
    style = st.STYLES.small
    if document.vat_nature:
        notes = [nature_sentence(document.vat_nature, document.legal_reference, lang)]
    else:
        notes = [vat_wording(document.vat_point, document.vat_rate, lang)]
    if document.stamp_duty:
        notes.append(stamp_duty_sentence(document.stamp_duty, lang))
    return [para(note, style) for note in notes]


def _terms_section(document: QuoteDocument) -> list[Flowable]:
    lang = document.lang
    s = st.STYLES
    when = format_date(document.valid_until, lang)
    terms = [
        text(lang, "term_free"),
        text(lang, "term_charge"),
        text(lang, "term_credit"),
        text(lang, "term_validity", date=when),
    ]
    flowables: list[Flowable] = [TextLine(text(lang, "terms_heading"), s.heading)]
    flowables += [para(term, s.bullet, bullet="•") for term in terms]
    return flowables


def _acceptance_block(document: QuoteDocument, width: float) -> KeepTogether:
    lang = document.lang
    s = st.STYLES
    gap = 12 * mm
    column = (width - gap) / 2
    signatures = StyledTable(
        [
            ["", "", ""],
            [text(lang, "acceptance_place_date"), "", text(lang, "acceptance_signature")],
        ],
        colWidths=[column, gap, column],
        rowHeights=[10 * mm, None],
        style=st.SIGNATURE_TABLE,
    )
    return KeepTogether(
        [
            TextLine(text(lang, "acceptance_heading"), s.heading),
            para(text(lang, "acceptance_text", reference=document.reference), s.body),
            signatures,
        ]
    )
