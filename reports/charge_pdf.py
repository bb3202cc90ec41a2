"""The charge document ("documento di addebito") and the credit note ("nota di credito")
as A4 PDFs, rendered from the facts stored when the charge (or the refund) committed.

Deterministic (``invariant=True``): the same facts give the same bytes, so a document
rendered again from its stored facts is the one stored.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.domain.finance import ChargeDocument, CreditNoteDocument
from app.domain.money import format_eur, format_hours
from app.domain.periods import local_day, local_time
from app.domain.vat_point import TOPUP, vat_wording
from reports import styles as st
from reports.finance_pdf import table_style
from reports.finance_texts import ftext, service_kind
from reports.layout import (
    DocumentInfo,
    Letterhead,
    TextLine,
    build_pdf,
    para,
    percent,
    title_block,
)
from reports.texts import category_label, format_date, text

__all__ = ["render_charge_document", "render_credit_note"]


def _key_values(rows: list[tuple[str, str]], width: float) -> Table:
    s = st.STYLES
    return Table([[label, para(value, s.body)] for label, value in rows],
                 colWidths=[st.KEY_WIDTH + 18 * mm, width - st.KEY_WIDTH - 18 * mm],
                 style=st.KEY_VALUE_TABLE, hAlign="LEFT")


def _amounts(rows: list[list[str]], label_width: float = 80 * mm) -> Table:
    """Label and amount rows, right-aligned, the last one in bold (the totals' style)."""
    return Table([list(row) for row in rows], colWidths=[label_width, st.MONEY_WIDTH],
                 style=st.TOTALS_TABLE, hAlign="RIGHT")


def _banner(note: str, width: float) -> Table:
    return Table([[para(note, st.STYLES.banner_note)]], colWidths=[width],
                 style=st.BANNER_TABLE)


# ------------------------------------------------------------------------ charge document


def render_charge_document(document: ChargeDocument) -> bytes:
    """The charge document as PDF bytes (A4, in ``document.lang``)."""
    lang = document.lang
    info = DocumentInfo(
        title=ftext(lang, "charge_pdf_title", reference=document.reference),
        author=document.company.name,
        subject=ftext(lang, "charge_subject", reference=document.reference,
                      subject=document.subject),
        keywords=[document.reference, document.quote_reference, document.customer.code],
        lang=lang,
    )
    day = format_date(local_day(document.charged_at), lang)
    footer = f"{ftext(lang, 'charge_title')} {document.reference} · {day}"
    letterhead = Letterhead(document.company, lang, footer)
    return build_pdf(info, letterhead, lambda width: _charge_story(document, width), "charge")


def _charge_story(d: ChargeDocument, width: float) -> list[Flowable]:
    lang = d.lang
    s = st.STYLES
    moment = local_time(d.charged_at)
    facts = [
        (ftext(lang, "request"), d.reference),
        (ftext(lang, "charge_date"), f"{format_date(moment.date(), lang)} {moment:%H:%M}"),
        (ftext(lang, "quote"), d.quote_reference),
    ]
    story: list[Flowable] = [
        title_block(ftext(lang, "charge_title"), facts, d.customer, lang, width),
        TextLine(text(lang, "subject_heading"), s.heading),
    ]
    kind = service_kind(d.service_kind, lang)
    service = f"{d.service_name} ({kind})" if kind else d.service_name
    story.append(_key_values([(text(lang, "service"), service),
                              (text(lang, "category"), category_label(d.category, lang)),
                              (text(lang, "request_subject"), d.subject)], width))
    story.append(TextLine(ftext(lang, "computation_heading"), s.heading))
    story.append(_key_values(_computation(d), width))
    if d.variations:
        story.append(TextLine(ftext(lang, "variations_heading"), s.heading))
        story.append(_variations(d, width))
    story.append(Spacer(1, 3 * mm))
    if d.vat_point == TOPUP:  # the credit is net of VAT: the charge takes the net
        story.append(_amounts([[ftext(lang, "net"), format_eur(d.net, lang)]]))
    else:
        story.append(_amounts([
            [ftext(lang, "net"), format_eur(d.net, lang)],
            [ftext(lang, "vat", rate=percent(d.vat_rate, lang)), format_eur(d.vat, lang)],
            [ftext(lang, "total"), format_eur(d.total, lang)],
        ]))
    story.append(para(vat_wording(d.vat_point, d.vat_rate, lang), s.small))
    story.append(KeepTogether([
        TextLine(ftext(lang, "credit_heading"), s.heading),
        _amounts([
            [ftext(lang, "credit_before"), format_eur(d.balance_before, lang)],
            [ftext(lang, "credit_charged"), format_eur(-d.total, lang)],
            [ftext(lang, "credit_after"), format_eur(d.balance_after, lang)],
        ]),
    ]))
    if d.balance_after < 0:
        story += [Spacer(1, 3 * mm), _banner(ftext(
            lang, "charge_exhausted_note", missing=format_eur(-d.balance_after, lang)), width)]
    story += [Spacer(1, 4 * mm), para(ftext(lang, "charge_terms"), s.small)]
    return story


def _computation(d: ChargeDocument) -> list[tuple[str, str]]:
    lang = d.lang
    hourly = d.kind == "hourly"
    rows = [(ftext(lang, "kind"), ftext(lang, "kind_hourly" if hourly else "kind_fixed")),
            (ftext(lang, "quoted_net_hourly" if hourly else "quoted_net"),
             format_eur(d.quote_net, lang))]
    if d.variations:
        rows.append((ftext(lang, "agreed_ceiling" if hourly else "agreed_amount"),
                     format_eur(d.ceiling, lang)))
    rows.append((ftext(lang, "hours_logged"), format_hours(d.logged_minutes)))
    rows.append((ftext(lang, "hours_billable"),
                 ftext(lang, "hours_billable_value", hours=format_hours(d.billable_minutes),
                       minutes=d.increment)))
    if hourly and d.hourly_rate is not None and d.work_amount is not None:
        rows.append((ftext(lang, "hourly_rate"),
                     format_eur(d.hourly_rate, lang) + ftext(lang, "per_hour")))
        rows.append((ftext(lang, "work_amount"), format_eur(d.work_amount, lang)))
        rows.append((ftext(lang, "cap_applied"), ftext(lang, "cap_yes" if d.capped else "cap_no")))
    return rows


def _variations(d: ChargeDocument, width: float) -> Table:
    lang = d.lang
    s = st.STYLES
    header = [ftext(lang, "col_agreed_on"), ftext(lang, "note_reason"),
              ftext(lang, "col_new_amount")]
    rows: list[list[Any]] = [header]
    for v in d.variations:
        when = format_date(local_day(v.agreed_at), lang) if v.agreed_at is not None else ""
        rows.append([when, para(v.reason, s.cell), format_eur(v.amount, lang)])
    date_width, amount_width = 28 * mm, 38 * mm
    return Table(rows, colWidths=[date_width, width - date_width - amount_width, amount_width],
                 style=table_style(2, total_row=False), repeatRows=1)


# ------------------------------------------------------------------------ credit note


def render_credit_note(document: CreditNoteDocument) -> bytes:
    """The credit note as PDF bytes (A4, in ``document.lang``)."""
    lang = document.lang
    info = DocumentInfo(
        title=ftext(lang, "note_pdf_title", reference=document.reference),
        author=document.company.name,
        subject=ftext(lang, "note_subject", charge=document.charge_reference,
                      subject=document.subject),
        keywords=[document.reference, document.charge_reference, document.customer.code],
        lang=lang,
    )
    day = format_date(local_day(document.issued_at), lang)
    footer = f"{ftext(lang, 'note_title')} {document.reference} · {day}"
    letterhead = Letterhead(document.company, lang, footer)
    return build_pdf(info, letterhead, lambda width: _note_story(document, width), "note")


def _note_story(d: CreditNoteDocument, width: float) -> list[Flowable]:
    lang = d.lang
    s = st.STYLES
    moment = local_time(d.issued_at)
    charged = format_date(local_day(d.charged_at), lang)
    facts = [
        (ftext(lang, "note_number"), d.reference),
        (ftext(lang, "note_date"), f"{format_date(moment.date(), lang)} {moment:%H:%M}"),
        (ftext(lang, "note_charge"),
         ftext(lang, "note_charge_value", charge=d.charge_reference, date=charged)),
    ]
    story: list[Flowable] = [
        title_block(ftext(lang, "note_title"), facts, d.customer, lang, width),
        Spacer(1, 2 * mm),
        _key_values([(text(lang, "request_subject"), d.subject),
                     (ftext(lang, "note_reason"), d.reason)], width),
        Spacer(1, 3 * mm),
        _amounts([
            [ftext(lang, "note_net"), format_eur(d.net, lang)],
            [ftext(lang, "note_vat", rate=percent(d.vat_rate, lang)), format_eur(d.vat, lang)],
            [ftext(lang, "note_total"), format_eur(d.total, lang)],
        ]),
        TextLine(ftext(lang, "note_charge"), s.heading),
        _amounts([
            [ftext(lang, "note_charge_total"), format_eur(d.charge_total, lang)],
            [ftext(lang, "note_refunded_before"), format_eur(d.refunded_before, lang)],
            [ftext(lang, "note_this_refund"), format_eur(d.total, lang)],
            [ftext(lang, "note_refundable_after"), format_eur(d.refundable_after, lang)],
        ]),
        KeepTogether([
            TextLine(ftext(lang, "credit_heading"), s.heading),
            _amounts([
                [ftext(lang, "note_credit_before"), format_eur(d.balance_before, lang)],
                [ftext(lang, "note_this_refund"), format_eur(d.total, lang)],
                [ftext(lang, "note_credit_after"), format_eur(d.balance_after, lang)],
            ]),
        ]),
    ]
    if d.balance_before < 0 <= d.balance_after:
        story += [Spacer(1, 3 * mm), _banner(ftext(lang, "note_restarted"), width)]
    elif d.balance_after < 0:
        story += [Spacer(1, 3 * mm), _banner(ftext(
            lang, "note_still_exhausted", missing=format_eur(-d.balance_after, lang)), width)]
    return story

