"""What every RIT Desk document shares: the A4 page with the company's letterhead, the
footer with "page X of Y", and a few small flowables.

A document module builds its story (a list of flowables) and calls :func:`build_pdf`
with a :class:`Letterhead`; the output is deterministic (``invariant=True``): the same
story gives the same bytes.
"""

from __future__ import annotations

import calendar
import copy
import io
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from app.domain.documents import CompanyInfo, CustomerInfo
from app.domain.money import format_decimal, format_percent
from reports import styles as st
from reports.assets import FONT, FONT_BOLD, draw_image, logo_image, register_fonts
from reports.texts import Lang, text

__all__ = ["DocumentInfo", "Letterhead", "TextLine", "build_pdf", "fitting_size", "para",
           "percent", "quantity"]

LANG_TAGS: dict[Lang, str] = {"it": "it-IT", "en": "en-GB"}


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's metadata."""

    title: str
    author: str
    subject: str
    keywords: Sequence[str]
    lang: Lang
    #: the document's own date (CreationDate and ModDate): the same bytes on every
    #: rendering, and the real date rather than a fixed one
    issued: date | None = None


def build_pdf(info: DocumentInfo, letterhead: Letterhead,
              story: Callable[[float], list[Flowable]], template_id: str) -> bytes:
    """An A4 PDF of ``story(frame_width)`` on pages decorated by ``letterhead``."""
    register_fonts()
    # Binary streams (Flate only), not ASCII85-wrapped: smaller, and much faster to
    # write without the optional rl_accel C extension.
    # Set on every call so that the bytes never depend on what else ran before.
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=st.PAGE_SIZE,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="RIT Desk",
        keywords=list(info.keywords),
        lang=LANG_TAGS[info.lang],
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
        id=template_id, frames=[frame], onPage=letterhead, onPageEnd=letterhead.page_end
    )
    doc.addPageTemplates([template])

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = letterhead.make_canvas(*args, **kwargs)
        if info.issued is not None:
            canvas._doc._timeStamp = _timestamp(info.issued)
        return canvas

    doc.build(story(doc.width), canvasmaker=make_canvas)
    return buffer.getvalue()


def _timestamp(day: date) -> TimeStamp:
    """reportlab's timestamp of the document at midnight UTC of ``day``."""
    stamp = TimeStamp(invariant=True)  # UTC, no offset
    seconds = calendar.timegm(day.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


# --------------------------------------------------------------------------- page


class NumberedCanvas(Canvas):
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


class Letterhead:
    """Draws what every page carries: letterhead, footer, the draft mark of a draft.

    ``footer_middle`` is the document's own line under the company's in the footer.
    """

    def __init__(self, company: CompanyInfo, lang: Lang, footer_middle: str,
                 *, draft: bool = False) -> None:
        self._lang = lang
        self._company = company
        self._draft = draft
        self._logo = logo_image(company.logo_path) if company.with_logo else None
        self._address = fit_lines(company.address_lines, 3)
        contacts = [f"{text(lang, 'vat_number')} {company.vat_number}"]
        contacts += [item for item in (company.email, company.phone, company.website) if item]
        self._contacts = contacts
        self._footer_left = legal_line(company, lang)
        self._footer_middle = footer_middle
        self._page_label = text(lang, "page_of", page="{page}", total="{total}")

    def make_canvas(self, *args: Any, **kwargs: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, page_label=self._page_label, **kwargs)

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
        x = left
        if self._logo is not None:
            width, height = self._logo.width, self._logo.height
            scale = min(st.LOGO_MAX_WIDTH / width, st.LOGO_HEIGHT / height)
            logo_w, logo_h = width * scale, height * scale
            draw_image(canvas, self._logo, left, top - logo_h, logo_w, logo_h)
            x = left + logo_w + 4 * mm
        contacts_width = max(
            stringWidth(line, FONT, st.LETTERHEAD_SIZE) for line in self._contacts
        )
        room = right - contacts_width - 5 * mm - x
        name_size = fitting_size(self._company.name, FONT_BOLD, st.COMPANY_SIZE, room)
        canvas.setFillColor(st.BRAND)
        canvas.setFont(FONT_BOLD, name_size)
        canvas.drawString(x, top - st.COMPANY_SIZE, self._company.name)
        canvas.setFillColor(st.MUTED)
        y = top - st.COMPANY_SIZE - 4.2 * mm
        for line in self._address:
            canvas.setFont(FONT, fitting_size(line, FONT, st.LETTERHEAD_SIZE, room))
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
        room = st.PAGE_WIDTH - 2 * st.MARGIN_X - 32 * mm  # "page X of Y" on the right
        canvas.setFont(FONT, fitting_size(self._footer_left, FONT, st.FOOTER_SIZE, room))
        canvas.drawString(st.MARGIN_X, st.FOOTER_Y, self._footer_left)
        canvas.setFont(FONT, st.FOOTER_SIZE)
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
        size = fitting_size(mark, FONT_BOLD, st.DRAFT_SIZE, diagonal * 0.62)
        canvas.setFillColor(st.DRAFT_STRONG)
        canvas.setFillAlpha(st.DRAFT_ALPHA)
        canvas.setFont(FONT_BOLD, size)
        canvas.translate(st.PAGE_WIDTH / 2, st.PAGE_HEIGHT / 2)
        canvas.rotate(math.degrees(math.atan2(st.PAGE_HEIGHT, st.PAGE_WIDTH)))
        canvas.drawCentredString(0, -size / 3, mark)


def legal_line(company: CompanyInfo, lang: Lang) -> str:
    """Who issues the document, as Italian law asks of a company's documents: name,
    registered office, VAT number, register of companies (REA), share capital (the last
    three and the office only when the REA or the share capital is set)."""
    parts = [company.name]
    if company.rea or company.share_capital:
        office = ", ".join(company.address_lines)
        if office:
            parts.append(f"{text(lang, 'registered_office')} {office}")
    parts.append(f"{text(lang, 'vat_number')} {company.vat_number}")
    if company.rea:
        parts.append(f"{text(lang, 'rea')} {company.rea}")
    if company.share_capital:
        parts.append(f"{text(lang, 'share_capital')} {company.share_capital}")
    return " · ".join(parts)


def fitting_size(value: str, font: str, size: float, width: float) -> float:
    """``size``, or smaller so that ``value`` fits in ``width``."""
    natural = stringWidth(value, font, size)
    return size if natural <= width else size * width / natural


def fit_lines(lines: tuple[str, ...], most: int) -> list[str]:
    """At most ``most`` lines: the extra ones are joined onto the last line."""
    if len(lines) <= most:
        return list(lines)
    return [*lines[: most - 1], ", ".join(lines[most - 1 :])]


# -------------------------------------------------------------------------- flowables


def para(value: str, style: st.ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept), with ``bullet`` before it.

    Text on one line without ``&``, ``<`` or ``>`` (which the parser would split into
    fragments of their own) skips reportlab's markup parser, which is most of what
    making a paragraph costs: its one fragment is a copy of the style's, with the text
    cleaned as the parser cleans it. The paragraph is the one the parser would make.
    """
    if _PARSED.search(value) is None:
        cleaned = cleanBlockQuotedText(value)
        if cleaned:
            fragment = copy.copy(_plain_fragment(style))
            fragment.text = cleaned
            paragraph = PlainParagraph(escape(cleaned), style, bulletText=bullet,
                                       frags=[fragment])
            paragraph.lines_key = cleaned
            return paragraph
    return Paragraph(escape(value).replace("\n", "<br/>"), style, bulletText=bullet)


class PlainParagraph(Paragraph):
    """A paragraph of one plain fragment (see :func:`para`) whose lines, once broken
    at a width, are reused by every paragraph of the same text, style and bullet at that
    width: the terms, notes and captions of a batch's documents are broken once per
    process. Splitting (a paragraph across pages) breaks its lines afresh, as reportlab
    does, so nothing kept is ever changed."""

    #: the plain text whose lines are kept; None (the parts a split makes) keeps nothing
    lines_key: str | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.lines_key is None:
            plain: tuple[float, float] = super().wrap(avail_width, avail_height)
            return plain
        key = (self.lines_key, id(self.style), self.bulletText, avail_width)
        kept = _WRAPS.get(key)
        if kept is not None and kept[0] is self.style:
            self.__dict__.update(kept[1])
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        if len(_WRAPS) >= WRAPS_KEPT:
            _WRAPS.clear()
        _WRAPS[key] = (self.style, {name: getattr(self, name) for name in _WRAP_STATE
                                    if hasattr(self, name)})
        return size

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.lines_key is not None and hasattr(self, "blPara"):
            # lines of its own (a split changes them), broken where the last wrap did
            super().wrap(self.width, avail_height)
        parts: list[Flowable] = super().split(avail_width, avail_height)
        return parts


#: what Paragraph.wrap sets on the paragraph (and its breakLines)
_WRAP_STATE = ("width", "height", "_wrapWidths", "blPara", "_width_max",
               "_splitLongWordCount", "_hyphenations")
#: broken paragraphs kept per process (text, style, bullet, width) -> (style, state)
WRAPS_KEPT = 2048
_WRAPS: dict[tuple[str, int, str | None, float], tuple[st.ParagraphStyle, dict[str, Any]]] = {}


#: what only the parser handles as reportlab would: markup, entities, line breaks
_PARSED = re.compile(r"[\n&<>]")

#: each style's fragment of plain text, as the parser makes it: (style, fragment) by id
_PLAIN_FRAGMENTS: dict[int, tuple[st.ParagraphStyle, Any]] = {}


def _plain_fragment(style: st.ParagraphStyle) -> Any:
    found = _PLAIN_FRAGMENTS.get(id(style))
    if found is None or found[0] is not style:
        if len(_PLAIN_FRAGMENTS) > 256:  # styles made on the fly: keep the cache small
            _PLAIN_FRAGMENTS.clear()
        _, fragments, _ = ParaParser().parse("x", style)
        (fragment,) = fragments
        found = _PLAIN_FRAGMENTS[id(style)] = (style, fragment)
    return found[1]


class TextLine(Flowable):
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
        size = fitting_size(self._value, style.fontName, style.fontSize, self.width)
        self.canv.setFont(style.fontName, size)
        self.canv.setFillColor(style.textColor)
        # the same baseline as a one-line Paragraph of this style
        self.canv.drawString(0, self.height - style.fontSize, self._value)


class StyledTable(Table):
    """A ``Table`` whose style, applied once per process for each shape (rows, columns)
    of each ``TableStyle``, is reused: applying a style walks every command over every
    cell (300 steps for a quote's lines), and the cell styles it makes are only read
    afterwards. The table is the one ``Table(data, style=style, ...)`` makes; a table
    that splits across pages gets cell styles of its own first."""

    _cellStyles: Any
    _shared_styles = False

    def __init__(self, data: Any, *args: Any, style: Any = None,
                 cellStyles: Any = None, **kwargs: Any) -> None:  # noqa: N803 (Table's name)
        if not isinstance(style, TableStyle) or cellStyles is not None or args or not data:
            super().__init__(data, *args, style=style, cellStyles=cellStyles, **kwargs)
            return
        nrows, ncols = len(data), max(len(row) for row in data)
        key = (id(style), nrows, ncols)
        kept = _STYLED.get(key)
        if kept is None or kept[0] is not style:
            kept = _STYLED[key] = (style, *_applied_style(style, nrows, ncols))
        super().__init__(data, cellStyles=kept[1], **kwargs)
        for name, value in kept[2].items():
            setattr(self, name, list(value) if isinstance(value, list) else value)
        self._shared_styles = True

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self._shared_styles:
            self._cellStyles = [[copy.copy(cell) for cell in row] for row in self._cellStyles]
            self._shared_styles = False
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts


#: (style id, rows, columns) -> (style, cell styles, what else applying the style set)
_STYLED: dict[tuple[int, int, int], tuple[TableStyle, Any, dict[str, Any]]] = {}


def _applied_style(style: TableStyle, nrows: int, ncols: int) -> tuple[Any, dict[str, Any]]:
    probe = Table([[""] * ncols for _ in range(nrows)])
    before = {name: copy.copy(value) for name, value in vars(probe).items()}
    probe.setStyle(style)
    changed = {name: value for name, value in vars(probe).items()
               if name != "_cellStyles" and (name not in before or before[name] != value)}
    return probe._cellStyles, changed


def title_block(title: str, facts: Sequence[tuple[str, str]], customer: CustomerInfo,
                lang: Lang, width: float) -> Table:
    """The document's title and facts on the left, the customer's address on the right."""
    s = st.STYLES
    facts_table = StyledTable(
        [list(fact) for fact in facts],
        colWidths=[32 * mm, 46 * mm],
        style=st.FACTS_TABLE,
        hAlign="LEFT",
    )
    left: list[Flowable] = [TextLine(title, s.title), facts_table]
    right: list[Flowable] = [
        TextLine(text(lang, "customer").upper(), s.box_caption),
        para(customer.name, s.customer_name),
    ]
    right += [para(line, s.body) for line in customer.address_lines]
    right.append(para(f"{text(lang, 'customer_code')}: {customer.code}", s.small))
    if customer.vat_number:
        right.append(para(f"{text(lang, 'customer_vat')}: {customer.vat_number}", s.small))

    customer_width = 78 * mm
    return StyledTable(
        [[left, right]],
        colWidths=[width - customer_width, customer_width],
        style=st.TITLE_TABLE,
    )


# -------------------------------------------------------------------------- numbers


def quantity(value: Decimal, lang: Lang) -> str:
    """``3`` for whole numbers, ``2,50`` otherwise."""
    places = 0 if value == value.to_integral_value() else 2
    return format_decimal(value, lang, places)


def percent(value: Decimal, lang: Lang) -> str:
    """``22 %`` or ``10,5 %``: a rate as the screens write it too."""
    return format_percent(value, lang)
