"""Shared look of the documents: page geometry, colours, paragraph and table styles.

Built once at import (fonts registered first); the renderer only picks from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from reports.assets import FONT, FONT_BOLD, register_fonts

register_fonts()

__all__ = ["STYLES", "ParagraphStyle"]

# Page geometry (points).
PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
HEADER_TOP = 12 * mm  # from the top edge to the top of the letterhead
HEADER_RULE = 31 * mm  # from the top edge to the rule under the letterhead
MARGIN_TOP = HEADER_RULE + 4 * mm
FOOTER_Y = 11 * mm  # baseline of the first footer line
MARGIN_BOTTOM = FOOTER_Y + 9 * mm
LOGO_HEIGHT = 17 * mm
LOGO_MAX_WIDTH = 45 * mm

# Type sizes.
COMPANY_SIZE = 13.0
LETTERHEAD_SIZE = 7.8
LETTERHEAD_LEADING = 10.0
FOOTER_SIZE = 7.0
DRAFT_SIZE = 60.0  # shrunk if the mark would not fit the diagonal
DRAFT_ALPHA = 0.16
BODY_SIZE = 8.8

# Column widths.
KEY_WIDTH = 42 * mm
QTY_WIDTH = 20 * mm
MONEY_WIDTH = 30 * mm
TOTALS_LABEL_WIDTH = 50 * mm

# Colours.
BRAND = colors.HexColor("#1F4E79")
BRAND_LIGHT = colors.HexColor("#EAF1F8")
ZEBRA = colors.HexColor("#F5F7FA")
RULE = colors.HexColor("#BFCCD9")
TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A6570")
ACCENT = colors.HexColor("#B5651D")
ACCENT_LIGHT = colors.HexColor("#FDF3E7")
DRAFT = colors.HexColor("#F4D3D3")
DRAFT_STRONG = colors.HexColor("#B22222")


def _style(name: str, **values: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": BODY_SIZE,
        "leading": BODY_SIZE * 1.3,
        "textColor": TEXT,
        "alignment": TA_LEFT,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    box_caption: ParagraphStyle
    customer_name: ParagraphStyle
    banner: ParagraphStyle
    banner_note: ParagraphStyle
    kind_name: ParagraphStyle
    cell: ParagraphStyle
    bullet: ParagraphStyle


STYLES = _Styles(
    title=_style("title", fontName=FONT_BOLD, fontSize=16, leading=20, textColor=BRAND,
                 spaceAfter=2 * mm),
    heading=_style("heading", fontName=FONT_BOLD, fontSize=10, leading=13, textColor=BRAND,
                   spaceBefore=3 * mm, spaceAfter=1.2 * mm, keepWithNext=1),
    body=_style("body"),
    small=_style("small", fontSize=7.8, leading=10, textColor=MUTED),
    box_caption=_style("box_caption", fontName=FONT_BOLD, fontSize=7, leading=9,
                       textColor=MUTED, spaceAfter=1 * mm),
    customer_name=_style("customer_name", fontName=FONT_BOLD, fontSize=10, leading=13),
    banner=_style("banner", fontName=FONT_BOLD, fontSize=11.5, leading=14, textColor=ACCENT),
    banner_note=_style("banner_note", fontSize=7.8, leading=10, textColor=MUTED),
    kind_name=_style("kind_name", fontName=FONT_BOLD, fontSize=9.5, leading=12.5,
                     spaceAfter=0.8 * mm),
    cell=_style("cell", fontSize=8.4, leading=10.6),
    bullet=_style("bullet", leftIndent=5 * mm, bulletIndent=0.5 * mm, bulletFontName=FONT,
                  bulletFontSize=BODY_SIZE, spaceAfter=0.8 * mm),
)

# Every table names the font of every cell: reportlab's default cell font is the
# base-14 Helvetica, which must not appear in the PDF even unused.
_BASE_FONT = ("FONT", (0, 0), (-1, -1), FONT, BODY_SIZE)

_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]

TITLE_TABLE = TableStyle(
    [
        _BASE_FONT,
        *_NO_PADDING,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (1, 0), (1, 0), 0.6, RULE),
        ("BACKGROUND", (1, 0), (1, 0), ZEBRA),
        ("LEFTPADDING", (1, 0), (1, 0), 3.5 * mm),
        ("RIGHTPADDING", (1, 0), (1, 0), 3.5 * mm),
        ("TOPPADDING", (1, 0), (1, 0), 2.5 * mm),
        ("BOTTOMPADDING", (1, 0), (1, 0), 3 * mm),
    ]
)

LABEL_SIZE = 7.8

FACTS_TABLE = TableStyle(
    [
        _BASE_FONT,
        *_NO_PADDING,
        ("FONT", (0, 0), (0, -1), FONT, LABEL_SIZE),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("FONT", (1, 0), (1, -1), FONT_BOLD, 8.4),
        ("TEXTCOLOR", (1, 0), (1, -1), TEXT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (0, -1), 8.4 - LABEL_SIZE),  # same baseline as the value
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)

BANNER_TABLE = TableStyle(
    [
        _BASE_FONT,
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), 1.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 0.5 * mm),
        ("TOPPADDING", (0, 1), (-1, 1), 0),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 1.8 * mm),
    ]
)

KEY_VALUE_TABLE = TableStyle(
    [
        _BASE_FONT,
        *_NO_PADDING,
        ("FONT", (0, 0), (0, -1), FONT, LABEL_SIZE),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("TOPPADDING", (0, 0), (-1, -1), 0.4),
        # labels are plain strings: move them down to the baseline of the body text
        ("TOPPADDING", (0, 0), (0, -1), 0.4 + BODY_SIZE - LABEL_SIZE),
    ]
)

LINES_TABLE = TableStyle(
    [
        _BASE_FONT,
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("FONT", (0, 1), (-1, -1), FONT, 8.4),
        ("TEXTCOLOR", (0, 1), (-1, -1), TEXT),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, BRAND),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
    ]
)

TOTALS_TABLE = TableStyle(
    [
        _BASE_FONT,
        ("FONT", (0, 0), (-1, -1), FONT, 8.8),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
        ("FONT", (0, -1), (-1, -1), FONT_BOLD, 10.5),
        ("TEXTCOLOR", (0, -1), (-1, -1), BRAND),
        ("BACKGROUND", (0, -1), (-1, -1), BRAND_LIGHT),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, BRAND),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("TOPPADDING", (0, -1), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 2 * mm),
    ]
)

SIGNATURE_TABLE = TableStyle(
    [
        _BASE_FONT,
        *_NO_PADDING,
        ("FONT", (0, 0), (-1, -1), FONT, 7.8),
        ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
        ("LINEBELOW", (0, 0), (0, 0), 0.6, TEXT),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, TEXT),
        ("TOPPADDING", (0, 1), (-1, 1), 1.2 * mm),
    ]
)
