"""Fonts and images shipped in ``resources/``, loaded once per process.

Text is always set in DejaVu Sans (embedded, subset): it has the accents, the euro
sign and typographic apostrophes, and it is not one of the base-14 PDF fonts.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources
from app.domain.images import check_logo, undecodable

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

RESOURCES_DIR = Path(resources.__file__).resolve().parent
FONTS_DIR = RESOURCES_DIR / "fonts"
DEFAULT_LOGO = RESOURCES_DIR / "logo.png"


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) with reportlab; return their names.

    Parsing a TrueType file takes tens of milliseconds, so this runs once per process.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    # <b> in paragraphs picks the bold face; there is no oblique face shipped.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    return FONT, FONT_BOLD


def logo_reader(path: str | None) -> ImageReader:
    """The logo at ``path`` (a PNG or JPEG), or the one shipped in ``resources/``.

    Cached per file version (path, size, mtime), so a batch reads and decodes each
    logo once and a logo replaced on disk is picked up. A custom logo that is missing,
    too big or does not decode raises ``app.domain.images.LogoUnusable`` (the quote service then
    renders without it and says so): a letterhead is never silently changed.
    """
    if not path:
        stat = DEFAULT_LOGO.stat()
        return _load_image(str(DEFAULT_LOGO), stat.st_size, stat.st_mtime_ns)
    check_logo(path)
    try:
        stat = Path(path).stat()
        return _load_image(path, stat.st_size, stat.st_mtime_ns)
    except Exception as exc:  # PIL raises what the broken file makes it raise
        raise undecodable(path, type(exc).__name__) from None


@lru_cache(maxsize=8)
def _load_image(path: str, size: int, mtime_ns: int) -> ImageReader:
    reader = ImageReader(path)
    reader.getRGBData()  # decode now: fail early, and once
    return reader
