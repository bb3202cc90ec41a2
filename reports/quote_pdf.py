"""Render a :class:`~app.domain.documents.QuoteDocument` to an A4 PDF.

Layout lives in shared styles (:mod:`reports.styles`) and in the page template:
``_PageDecorator`` draws the letterhead, the footer and the draft mark on every
page, ``_NumberedCanvas`` writes "page X of Y" once the page count is known, and
the content is a list of flowables that platypus flows across pages.

Output is deterministic (``invariant=True``): the same document gives the same bytes.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from app.domain.documents import QuoteDocument, QuoteLineDoc
from app.domain.money import format_decimal, format_eur
from reports import styles as st
from reports.assets import FONT, FONT_BOLD, logo_reader, register_fonts
from reports.texts import Lang, category_label, format_date, text

__all__ = ["render_quote"]

_LANG_TAGS: dict[Lang, str] = {"it": "it-IT", "en": "en-GB"}


def render_quote(document: QuoteDocument) -> bytes:
    """The quote as PDF bytes (A4, in ``document.lang``); same document, same bytes."""
    register_fonts()
    # Binary streams (Flate only), not ASCII85-wrapped: smaller, and much faster to
    # write without the optional rl_accel C extension.
    # Set on every call so that the bytes never depend on what else ran before.
    rl_config.useA85 = 0
    lang = document.lang
    buffer = io.BytesIO()
    decorator = _PageDecorator(document)
    doc = BaseDocTemplate(
        buffer,
        pagesize=st.PAGE_SIZE,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=text(lang, "pdf_title", reference=document.reference),
        author=document.company.name,
        subject=text(
            lang, "pdf_subject", request=document.request_ref, subject=document.request_subject
        ),
        creator="RIT Desk",
        keywords=[document.reference, document.request_ref, document.customer.code],
        lang=_LANG_TAGS[lang],
        invariant=True,
        pageCompression=1,
        initialFontName=FONT,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    template = PageTemplate(
        id="quote", frames=[frame], onPage=decorator, onPageEnd=decorator.page_end
    )
    doc.addPageTemplates([template])
    doc.build(_story(document, doc.width), canvasmaker=decorator.make_canvas)
    return buffer.getvalue()


# --------------------------------------------------------------------------- page


class _NumberedCanvas(Canvas):
    """Keeps every page until ``save()`` so the footer can say "page X of Y"."""

    def __init__(self, *args: Any, page_label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label  # e.g. "pagina {page} di {total}"
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(FONT, st.FOOTER_SIZE)
            self.setFillColor(st.MUTED)
            self.drawRightString(
                st.PAGE_WIDTH - st.MARGIN_X,
                st.FOOTER_Y,
                self._page_label.format(page=number, total=total),
            )
            super().showPage()
        super().save()


class _PageDecorator:
    """Draws what every page carries: letterhead, footer, draft mark."""

    def __init__(self, document: QuoteDocument) -> None:
        lang = document.lang
        company = document.company
        self._lang = lang
        self._company = company
        self._draft = document.draft
        self._logo = logo_reader(company.logo_path)
        self._address = _fit_lines(company.address_lines, 3)
        contacts = [f"{text(lang, 'vat_number')} {company.vat_number}"]
        contacts += [item for item in (company.email, company.phone, company.website) if item]
        self._contacts = contacts
        self._footer_left = f"{company.name} · {text(lang, 'vat_number')} {company.vat_number}"
        self._footer_middle = (
            f"{text(lang, 'doc_title')} {document.reference} · "
            f"{text(lang, 'valid_until_banner', date=format_date(document.valid_until, lang))}"
        )
        self._page_label = text(lang, "page_of", page="{page}", total="{total}")

    def make_canvas(self, *args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, page_label=self._page_label, **kwargs)

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Start of a page: letterhead and footer, under the content."""
        canvas.saveState()
        self._draw_letterhead(canvas)
        self._draw_footer(canvas)
        canvas.restoreState()

    def page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """End of a page: the draft mark goes over the content, translucent."""
        if self._draft:
            canvas.saveState()
            self._draw_draft_mark(canvas)
            canvas.restoreState()

    def _draw_letterhead(self, canvas: Canvas) -> None:
        top = st.PAGE_HEIGHT - st.HEADER_TOP
        left = st.MARGIN_X
        right = st.PAGE_WIDTH - st.MARGIN_X
        width, height = self._logo.getSize()
        scale = min(st.LOGO_MAX_WIDTH / width, st.LOGO_HEIGHT / height)
        logo_w, logo_h = width * scale, height * scale
        canvas.drawImage(self._logo, left, top - logo_h, logo_w, logo_h)

        x = left + logo_w + 4 * mm
        contacts_width = max(
            stringWidth(line, FONT, st.LETTERHEAD_SIZE) for line in self._contacts
        )
        room = right - contacts_width - 5 * mm - x
        name_size = _fitting_size(self._company.name, FONT_BOLD, st.COMPANY_SIZE, room)
        canvas.setFillColor(st.BRAND)
        canvas.setFont(FONT_BOLD, name_size)
        canvas.drawString(x, top - st.COMPANY_SIZE, self._company.name)
        canvas.setFillColor(st.MUTED)
        y = top - st.COMPANY_SIZE - 4.2 * mm
        for line in self._address:
            canvas.setFont(FONT, _fitting_size(line, FONT, st.LETTERHEAD_SIZE, room))
            canvas.drawString(x, y, line)
            y -= st.LETTERHEAD_LEADING
        canvas.setFont(FONT, st.LETTERHEAD_SIZE)
        y = top - st.LETTERHEAD_SIZE
        for line in self._contacts:
            canvas.drawRightString(right, y, line)
            y -= st.LETTERHEAD_LEADING

        canvas.setStrokeColor(st.BRAND)
        canvas.setLineWidth(1.2)
        rule_y = st.PAGE_HEIGHT - st.HEADER_RULE
        canvas.line(left, rule_y, right, rule_y)

    def _draw_footer(self, canvas: Canvas) -> None:
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        rule_y = st.FOOTER_Y + 4 * mm
        canvas.line(st.MARGIN_X, rule_y, st.PAGE_WIDTH - st.MARGIN_X, rule_y)
        canvas.setFont(FONT, st.FOOTER_SIZE)
        canvas.setFillColor(st.MUTED)
        canvas.drawString(st.MARGIN_X, st.FOOTER_Y, self._footer_left)
        canvas.drawString(st.MARGIN_X, st.FOOTER_Y - 3.4 * mm, self._footer_middle)
        if self._draft:
            canvas.setFillColor(st.DRAFT_STRONG)
            canvas.setFont(FONT_BOLD, st.FOOTER_SIZE + 1)
            canvas.drawRightString(
                st.PAGE_WIDTH - st.MARGIN_X, st.FOOTER_Y - 3.6 * mm, text(self._lang, "draft_mark")
            )

    def _draw_draft_mark(self, canvas: Canvas) -> None:
        """The big diagonal mark; the footer repeats it in small print."""
        mark = text(self._lang, "draft_mark")
        diagonal = math.hypot(st.PAGE_WIDTH, st.PAGE_HEIGHT)
        size = _fitting_size(mark, FONT_BOLD, st.DRAFT_SIZE, diagonal * 0.62)
        canvas.setFillColor(st.DRAFT_STRONG)
        canvas.setFillAlpha(st.DRAFT_ALPHA)
        canvas.setFont(FONT_BOLD, size)
        canvas.translate(st.PAGE_WIDTH / 2, st.PAGE_HEIGHT / 2)
        canvas.rotate(math.degrees(math.atan2(st.PAGE_HEIGHT, st.PAGE_WIDTH)))
        canvas.drawCentredString(0, -size / 3, mark)


def _fitting_size(value: str, font: str, size: float, width: float) -> float:
    """``size``, or smaller so that ``value`` fits in ``width``."""
    natural = stringWidth(value, font, size)
    return size if natural <= width else size * width / natural


def _fit_lines(lines: tuple[str, ...], most: int) -> list[str]:
    """At most ``most`` lines: the extra ones are joined onto the last line."""
    if len(lines) <= most:
        return list(lines)
    return [*lines[: most - 1], ", ".join(lines[most - 1 :])]


# -------------------------------------------------------------------------- story


def _p(value: str, style: st.ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept)."""
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


class _TextLine(Flowable):
    """One line of our own text (headings, captions) in a paragraph style.

    Much cheaper than a ``Paragraph`` (no markup parsing, no line breaking), which
    matters in batches. Never wraps: a text too long for the line is set smaller.
    """

    def __init__(self, value: str, style: st.ParagraphStyle) -> None:
        super().__init__()
        self._value = value
        self._style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._style.leading
        return self.width, self.height

    def draw(self) -> None:
        style = self._style
        size = _fitting_size(self._value, style.fontName, style.fontSize, self.width)
        self.canv.setFont(style.fontName, size)
        self.canv.setFillColor(style.textColor)
        # the same baseline as a one-line Paragraph of this style
        self.canv.drawString(0, self.height - style.fontSize, self._value)


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
    story.append(_totals_table(document))
    if document.notes.strip():
        story.append(_TextLine(text(lang, "notes"), st.STYLES.heading))
        story.append(_p(document.notes.strip(), st.STYLES.body))
    story.extend(_terms_section(document))
    story.append(_acceptance_block(document, width))
    return story


def _title_block(document: QuoteDocument, width: float) -> Table:
    """Title and quote data on the left, the customer's address on the right."""
    lang = document.lang
    s = st.STYLES
    facts = [
        (text(lang, "revision"), str(document.revision)),
        (text(lang, "issue_date"), format_date(document.issue_date, lang)),
        (text(lang, "request"), document.request_ref),
    ]
    facts_table = Table(
        [list(fact) for fact in facts],
        colWidths=[32 * mm, 46 * mm],
        style=st.FACTS_TABLE,
        hAlign="LEFT",
    )
    left: list[Flowable] = [
        _TextLine(f"{text(lang, 'doc_title')} {document.reference}", s.title),
        facts_table,
    ]

    customer = document.customer
    right: list[Flowable] = [
        _TextLine(text(lang, "customer").upper(), s.box_caption),
        _p(customer.name, s.customer_name),
    ]
    right += [_p(line, s.body) for line in customer.address_lines]
    right.append(_p(f"{text(lang, 'customer_code')}: {customer.code}", s.small))
    if customer.vat_number:
        right.append(_p(f"{text(lang, 'customer_vat')}: {customer.vat_number}", s.small))

    customer_width = 78 * mm
    return Table(
        [[left, right]],
        colWidths=[width - customer_width, customer_width],
        style=st.TITLE_TABLE,
    )


def _validity_banner(document: QuoteDocument, width: float) -> Table:
    lang = document.lang
    when = format_date(document.valid_until, lang)
    return Table(
        [
            [_TextLine(text(lang, "valid_until_banner", date=when), st.STYLES.banner)],
            [_p(text(lang, "valid_until_note"), st.STYLES.banner_note)],
        ],
        colWidths=[width],
        style=st.BANNER_TABLE,
    )


def _key_values(rows: list[tuple[str, str]], width: float) -> Table:
    s = st.STYLES
    return Table(
        [[label, _p(value, s.body)] for label, value in rows],
        colWidths=[st.KEY_WIDTH, width - st.KEY_WIDTH],
        style=st.KEY_VALUE_TABLE,
        hAlign="LEFT",
    )


def _subject_section(document: QuoteDocument, width: float) -> list[Flowable]:
    lang = document.lang
    service = document.service_name
    if document.service_kind:
        service = f"{service} ({document.service_kind})"
    rows = [
        (text(lang, "service"), service),
        (text(lang, "category"), category_label(document.category, lang)),
        (text(lang, "request_subject"), document.request_subject),
    ]
    heading = _TextLine(text(lang, "subject_heading"), st.STYLES.heading)
    return [heading, _key_values(rows, width)]


def _kind_section(document: QuoteDocument, width: float) -> list[Flowable]:
    lang = document.lang
    s = st.STYLES
    hourly = document.kind == "hourly"
    name = text(lang, "kind_hourly" if hourly else "kind_fixed")
    meaning = text(lang, "kind_hourly_meaning" if hourly else "kind_fixed_meaning")
    flowables: list[Flowable] = [
        _TextLine(text(lang, "kind_heading"), s.heading),
        _TextLine(name, s.kind_name),
        _p(meaning, s.body),
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
                (text(lang, "estimated_hours"), _quantity(document.estimated_hours, lang))
            )
        minutes = document.billing_increment_minutes
        rows.append(
            (text(lang, "billing_increment"),
             text(lang, "billing_increment_value", minutes=minutes))
        )
        flowables.append(Spacer(1, 1.5 * mm))
        flowables.append(_key_values(rows, width))
    return flowables


def _quantity(value: Decimal, lang: Lang) -> str:
    """``3`` for whole numbers, ``2,50`` otherwise."""
    places = 0 if value == value.to_integral_value() else 2
    return format_decimal(value, lang, places)


def _percent(value: Decimal, lang: Lang) -> str:
    """``22`` or ``10,5``: the VAT rate without useless zeros."""
    formatted = format_decimal(value, lang, 2)
    separator = "," if lang == "it" else "."
    return formatted.rstrip("0").rstrip(separator)


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
                _p(line.description, s.cell),
                _quantity(line.quantity, lang),
                format_eur(line.unit_price, lang),
                format_eur(line.amount, lang),
            ]
        )
    numbers = st.QTY_WIDTH + 2 * st.MONEY_WIDTH
    return Table(
        rows,
        colWidths=[width - numbers, st.QTY_WIDTH, st.MONEY_WIDTH, st.MONEY_WIDTH],
        style=st.LINES_TABLE,
        repeatRows=1,
        splitInRow=1,  # a description longer than a page continues on the next one
    )


def _totals_table(document: QuoteDocument) -> Table:
    lang = document.lang
    hourly = document.kind == "hourly"
    rows = [
        [text(lang, "net_hourly" if hourly else "net"), format_eur(document.net, lang)],
        [text(lang, "vat", rate=_percent(document.vat_rate, lang)), format_eur(document.vat, lang)],
        [text(lang, "total_hourly" if hourly else "total"), format_eur(document.total, lang)],
    ]
    return Table(
        rows,
        colWidths=[st.TOTALS_LABEL_WIDTH, st.MONEY_WIDTH],
        style=st.TOTALS_TABLE,
        hAlign="RIGHT",
    )


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
    flowables: list[Flowable] = [_TextLine(text(lang, "terms_heading"), s.heading)]
    flowables += [Paragraph(escape(term), s.bullet, bulletText="•") for term in terms]
    return flowables


def _acceptance_block(document: QuoteDocument, width: float) -> KeepTogether:
    lang = document.lang
    s = st.STYLES
    gap = 12 * mm
    column = (width - gap) / 2
    signatures = Table(
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
            _TextLine(text(lang, "acceptance_heading"), s.heading),
            _p(text(lang, "acceptance_text", reference=document.reference), s.body),
            signatures,
        ]
    )
