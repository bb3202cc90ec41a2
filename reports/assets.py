"""Fonts and images shipped in ``resources/``, loaded once per process.

Text is always set in DejaVu Sans (embedded, subset): it has the accents, the euro
sign and typographic apostrophes, and it is not one of the base-14 PDF fonts.

What a batch of documents shares is prepared once per process and reused by every
document: the parsed fonts, each font subset's compressed program (keyed by the
subset's characters, so the bytes are those reportlab would write), and the logo
decoded and compressed as the PDF image it becomes.
"""

from __future__ import annotations

import copy
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

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
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        font = DocumentFont(name, str(FONTS_DIR / filename))
        # The same face, with the subsets' font programs kept (see SubsetCachingFace).
        font.face.__class__ = SubsetCachingFace
        pdfmetrics.registerFont(font)
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


# ------------------------------------------------------------------------- images


@dataclass(frozen=True)
class PreparedImage:
    """An image already encoded as the PDF image object it becomes, for
    :func:`draw_image`: decoding and compressing it is done once per process, not
    once per document."""

    #: reportlab's name for the image (a digest of its pixels, as ``drawImage`` names it)
    name: str
    width: int
    height: int
    #: the encoded image; each document gets its own copy (an object belongs to one PDF)
    xobject: pdfdoc.PDFImageXObject


def logo_image(path: str | None) -> PreparedImage:
    """The logo of :func:`logo_reader` (which says what raises), ready to draw."""
    return _prepare_image(logo_reader(path))


@lru_cache(maxsize=8)
def _prepare_image(reader: ImageReader) -> PreparedImage:
    # What canvas.drawImage does for an ImageReader without a mask, done once.
    name = _digester(reader.getRGBData() + b"None")
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0  # the documents' streams are binary (see layout.build_pdf)
    try:
        xobject = pdfdoc.PDFImageXObject(name, reader, mask=None)
    finally:
        rl_config.useA85 = use_a85
    xobject.name = name
    return PreparedImage(name, xobject.width, xobject.height, xobject)


def draw_image(canvas: Any, image: PreparedImage, x: float, y: float,
               width: float, height: float) -> None:
    """Draw ``image`` in the box, as ``canvas.drawImage`` would (same PDF objects and
    operators); the image is written once per document however often it is drawn."""
    doc = canvas._doc
    canvas._currentPageHasImages = 1
    reg_name = doc.getXObjectName(image.name)
    if doc.idToObject.get(reg_name) is None:
        xobject = copy.copy(image.xobject)
        canvas._setXObjects(xobject)
        doc.Reference(xobject, reg_name)
        doc.addForm(image.name, xobject)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(image.name)  # the page's resources name it


# -------------------------------------------------------------------------- fonts

#: text that is only printable ASCII: with reportlab's "ASCII readable" subsets its
#: characters have their own codes in subset 0 in every document
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")


class _Formatted(pdfdoc.PDFObject):
    """A PDF value formatted once (it does not depend on the document)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class DocumentFont(TTFont):
    """reportlab's TrueType font, with what every document repeats done once.

    - Text of printable ASCII is encoded without looking up each character: in
      reportlab's ASCII-readable subsets those characters are pre-assigned to their
      own codes in subset 0, so the bytes are the text's.
    - Each subset's widths (a 256-number array) and ToUnicode map (compressed) are
      made once per distinct subset; the PDF objects are reportlab's.
    """

    _subset_objects: OrderedDict[tuple[int, tuple[int, ...]], tuple[_Formatted, bytes]]

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        if (self._asciiReadable and isinstance(text, str) and _PRINTABLE_ASCII.fullmatch(text)
                and self._has_printable_ascii()):
            if doc not in self.state:  # as TTFont.splitString makes it
                self.state[doc] = TTFont.State(self._asciiReadable, self)
            return [(0, text.encode("ascii"))]
        return super().splitString(text, doc, encoding)

    def _has_printable_ascii(self) -> bool:
        found = self.__dict__.get("_printable_ascii")
        if found is None:
            found = self.__dict__["_printable_ascii"] = all(
                code in self.face.charToGlyph for code in range(0x20, 0x7F))
        return bool(found)

    def _objects_of(self, number: int, subset: list[int], base_font: str,
                    compress: bool) -> tuple[_Formatted, bytes]:
        """The subset's widths, formatted, and its ToUnicode map (compressed if
        ``compress``)."""
        key = (number * 2 + bool(compress), tuple(subset))
        cache, found = _look_up(self, "_subset_objects", key)
        if found is not None:
            return found
        widths = _Formatted(pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
                            .format(None))
        cmap = makeToUnicodeCMap(base_font, subset)
        found = (widths, pdfdoc.PDFZCompress.encode(cmap) if compress else cmap.encode())
        _keep(cache, key, found)
        return found

    def addObjects(self, doc: Any) -> None:
        """As :meth:`TTFont.addObjects`, with each subset's widths and map kept."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
                         ).decode("pdfdoc")
            widths, cmap = self._objects_of(n, subset, base_font, bool(doc.compression))
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = widths
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = cmap
            if doc.compression:
                cmap_stream.dictionary["Filter"] = pdfdoc.PDFArray(
                    [pdfdoc.PDFName("FlateDecode")])
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


#: compressed font programs kept per face: a batch's documents use a handful of
#: subsets (ASCII, always there, plus the accents and signs of their text)
SUBSETS_KEPT = 32
#: the kept subsets are shared by the threads that render (the app renders a preview or
#: a document on its worker threads): one at a time reads or changes their order
_KEPT_LOCK = threading.Lock()


def _look_up(owner: object, name: str, key: Any) -> tuple[OrderedDict[Any, Any], Any]:
    """``owner``'s kept values called ``name`` (made on first use), and the one kept for
    ``key`` (None: not kept), now the most recently used."""
    with _KEPT_LOCK:
        cache: OrderedDict[Any, Any] = owner.__dict__.setdefault(name, OrderedDict())
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
        return cache, found


def _keep(cache: OrderedDict[Any, Any], key: Any, value: Any) -> None:
    """Keep ``value`` (made outside the lock: two threads may make the same one, the
    same bytes), dropping the least recently used beyond :data:`SUBSETS_KEPT`."""
    with _KEPT_LOCK:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > SUBSETS_KEPT:
            cache.popitem(last=False)


class SubsetCachingFace(TTFontFace):
    """A TrueType face that builds and compresses each distinct subset once.

    reportlab makes the subset's font program (and compresses it) for every document;
    in a batch most documents use the same characters, so the same bytes. The cache
    key is the subset itself (the characters in their codes' order), so a document
    gets exactly the bytes reportlab would have made for it.
    """

    _subset_programs: OrderedDict[tuple[int, ...], tuple[int, bytes]]

    def subset_program(self, subset: list[int]) -> tuple[int, bytes]:
        """The subset's TrueType program: its length and its Flate-compressed bytes."""
        key = tuple(subset)
        cache, found = _look_up(self, "_subset_programs", key)
        if found is not None:
            return found
        raw = self.makeSubset(subset)
        found = (len(raw), pdfdoc.PDFZCompress.encode(raw))
        _keep(cache, key, found)
        return found

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        """As :meth:`TTFontFace.addSubsetObjects`, with the program from the cache."""
        if not doc.compression:
            return super().addSubsetObjects(doc, fontname, subset)
        length, compressed = self.subset_program(subset)
        program = pdfdoc.PDFStream()
        program.content = compressed
        program.dictionary["Length1"] = length
        # already compressed: the stream writes it as it is, with this filter
        program.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        program_ref = doc.Reference(program, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": self.ascent,
            "CapHeight": self.capHeight,
            "Descent": self.descent,
            "Flags": flags,
            "FontBBox": pdfdoc.PDFArray(self.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": self.italicAngle,
            "StemV": self.stemV,
            "FontFile2": program_ref,
            "MissingWidth": self.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)
