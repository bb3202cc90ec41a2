"""What a process prepares once for all its documents gives the bytes reportlab's own
path gives, and a document's bytes never depend on what was rendered before it."""

from __future__ import annotations

import subprocess
import sys
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from reports import assets, layout
from reports.quote_pdf import render_quote
from tests.reports.quote_samples import fixed_quote, hourly_quote

ROOT = Path(__file__).resolve().parents[2]


def _faces() -> list[Any]:
    assets.register_fonts()
    return [pdfmetrics.getFont(name).face for name in (assets.FONT, assets.FONT_BOLD)]


def test_fonts_keep_their_subset_programs() -> None:
    faces = _faces()
    assert all(isinstance(face, assets.SubsetCachingFace) for face in faces)
    document = replace(fixed_quote("it"), request_number=4242)
    render_quote(document)
    made: list[int] = []

    def spy(original: Any) -> Any:
        def make_subset(subset: list[int]) -> bytes:
            made.append(len(subset))
            return original(subset)
        return make_subset

    for face in faces:
        face.makeSubset = spy(face.makeSubset)
    try:
        render_quote(document)
    finally:
        for face in faces:
            del face.makeSubset
    assert made == []  # the same characters: the programs made for the first are reused


def test_kept_subsets_and_prepared_logo_give_reportlabs_own_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = [fixed_quote("it"), hourly_quote("en"), replace(fixed_quote("en"), draft=True)]
    cached = [render_quote(document) for document in documents]

    # reportlab's own path: every subset made and compressed again, each character
    # looked up, the logo drawn with canvas.drawImage from its ImageReader (decoded and
    # compressed for each document)
    for face in _faces():
        monkeypatch.setattr(face, "__class__", TTFontFace)
    for name in (assets.FONT, assets.FONT_BOLD):
        monkeypatch.setattr(pdfmetrics.getFont(name), "__class__", TTFont)

    def draw_image(canvas: Any, image: assets.PreparedImage, x: float, y: float,
                   width: float, height: float) -> None:
        assert image is assets.logo_image(None)
        canvas.drawImage(assets.logo_reader(None), x, y, width, height)

    monkeypatch.setattr(layout, "draw_image", draw_image)
    assert [render_quote(document) for document in documents] == cached


def test_ascii_text_is_encoded_as_reportlab_encodes_it() -> None:
    from reportlab.pdfgen.canvas import Canvas

    assets.register_fonts()
    font = pdfmetrics.getFont(assets.FONT)
    assert isinstance(font, assets.DocumentFont)
    texts = ["Preventivo RIT-000123/2", "", " ", "Bellà & Figli", "1.234,56\u00a0€", "a~b{c}",
             "tab\there", "Totale", "perché è così", "Preventivo RIT-000123/2"]
    fast, plain = Canvas(None), Canvas(None)
    fast_parts = [font.splitString(text, fast._doc) for text in texts]
    plain_parts = [TTFont.splitString(font, text, plain._doc) for text in texts]
    assert fast_parts == plain_parts
    assert font.state[fast._doc].subsets == font.state[plain._doc].subsets


def test_the_logo_is_prepared_once_per_process() -> None:
    assert assets.logo_image(None) is assets.logo_image(None)
    image = assets.logo_image(None)
    assert (image.width, image.height) == assets.logo_reader(None).getSize()


def test_a_document_rendered_after_others_is_the_one_rendered_alone() -> None:
    others = [hourly_quote("en"), replace(fixed_quote("it"), draft=True),
              replace(fixed_quote("en"), request_number=77)]
    for document in others:
        render_quote(document)
    after = render_quote(fixed_quote("it"))
    script = (
        "import sys\n"
        "from reports.quote_pdf import render_quote\n"
        "from tests.reports.quote_samples import fixed_quote\n"
        "sys.stdout.buffer.write(render_quote(fixed_quote('it')))\n"
    )
    alone = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                           capture_output=True).stdout
    assert alone == after



@pytest.mark.parametrize("value", [
    "Cloud Server Pro srv-mi-0042", "  spaced\ttext  with   runs  ", "a\u00a0b 1.234,56\u00a0€",
    "Bellà & Figli", "<b>not markup</b>", "two\nlines", "",
])
def test_plain_paragraphs_are_the_parsers(value: str) -> None:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    from reports import styles as st

    for style in (st.STYLES.body, st.STYLES.customer_name, st.STYLES.bullet):
        fast = layout.para(value, style, bullet="•" if style is st.STYLES.bullet else None)
        parsed = Paragraph(escape(value).replace("\n", "<br/>"), style,
                           bulletText="•" if style is st.STYLES.bullet else None)
        assert fast.text == parsed.text
        assert fast.bulletText == parsed.bulletText
        assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]
        assert fast.wrap(120, 500) == parsed.wrap(120, 500)


def test_kept_line_breaks_give_the_bytes_of_breaking_each_paragraph_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab.platypus import Paragraph

    from tests.reports.quote_samples import line, long_quote

    over_a_page = "parola " * 1500 + "https://example.com/" + "x" * 300
    documents = [fixed_quote("it"), hourly_quote("en"), long_quote("it", 60),
                 fixed_quote("it", (line(over_a_page, "1", "10.00"),))]
    twice = [render_quote(document) for document in documents * 2]  # the second from kept
    assert twice[: len(documents)] == twice[len(documents):]
    monkeypatch.setattr(layout.PlainParagraph, "wrap", Paragraph.wrap)
    monkeypatch.setattr(layout.PlainParagraph, "split", Paragraph.split)
    assert [render_quote(document) for document in documents] == twice[: len(documents)]


def test_a_paragraph_gets_the_lines_kept_for_its_text_style_and_width() -> None:
    from reports import styles as st

    first = layout.para("Il preventivo è gratuito e non impegna a nulla.", st.STYLES.body)
    second = layout.para("Il preventivo è gratuito e non impegna a nulla.", st.STYLES.body)
    assert first.wrap(90, 500) == second.wrap(90, 500)
    assert second.blPara is first.blPara  # kept, not broken again
    other = layout.para("Il preventivo è gratuito e non impegna a nulla.", st.STYLES.small)
    other.wrap(90, 500)
    assert other.blPara is not first.blPara


def test_tables_with_kept_styles_give_the_bytes_of_plain_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab.platypus import Table

    from reports import quote_pdf
    from tests.reports.quote_samples import line, long_quote

    over_a_page = "parola " * 1500 + "https://example.com/" + "x" * 300
    documents = [long_quote("it", 60), fixed_quote("it", (line(over_a_page, "1", "10.00"),)),
                 fixed_quote("it"), hourly_quote("en"), replace(fixed_quote("en"), draft=True)]
    kept = [render_quote(document) for document in documents]  # splits first, then not
    monkeypatch.setattr(layout, "StyledTable", Table)
    monkeypatch.setattr(quote_pdf, "StyledTable", Table)
    assert [render_quote(document) for document in documents] == kept


def test_a_table_keeps_the_style_applied_once_per_shape_until_it_splits() -> None:
    from reports import styles as st

    first = layout.StyledTable([["a", "b"], ["c", "d"]], style=st.KEY_VALUE_TABLE)
    second = layout.StyledTable([["e", "f"], ["g", "h"]], style=st.KEY_VALUE_TABLE)
    assert second._cellStyles is first._cellStyles
    assert second._linecmds == first._linecmds and second._linecmds is not first._linecmds
    tall = layout.StyledTable([["x", "y"]] * 40, style=st.KEY_VALUE_TABLE)
    tall.wrap(300, 100)
    parts = tall.split(300, 100)
    assert len(parts) == 2
    assert tall._cellStyles is not layout.StyledTable([["x", "y"]] * 40,
                                                       style=st.KEY_VALUE_TABLE)._cellStyles


def test_threads_rendering_at_once_share_the_kept_subsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app renders on its worker threads: documents rendered at once by several
    threads, with the kept subsets churning (one kept), are those rendered one by one."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    subjects = ["Àlfa Srl", "Bèta Ltd", "Gamma ±", "Délta €", "Ëpsilon", "Zèta"]
    documents = [replace(fixed_quote("it" if n % 2 else "en"), request_number=n,
                         request_subject=subject)
                 for n, subject in enumerate(subjects, start=900)]
    alone = [render_quote(document) for document in documents]
    monkeypatch.setattr(assets, "SUBSETS_KEPT", 1)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # the threads take turns as often as they can
    barrier = threading.Barrier(4)

    def render_all(offset: int) -> list[bytes]:
        barrier.wait(timeout=60)
        order = documents[offset:] + documents[:offset]
        return [render_quote(d) for d in order for _ in range(3)][::3]

    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(render_all, range(4)))
    finally:
        sys.setswitchinterval(switch)
    for offset, rendered in enumerate(results):
        assert rendered == alone[offset:] + alone[:offset]


def test_the_kept_subsets_are_read_and_changed_under_their_lock() -> None:
    """Two threads that render at once may look a subset up while the other drops it
    (one kept beyond the limit): every look-up, reordering and change of the kept subsets
    holds their lock (checked on each access, not left to the threads' timing)."""
    unlocked: list[str] = []

    class Watched(OrderedDict):  # type: ignore[type-arg]
        def _check(self, what: str) -> None:
            lock = getattr(assets, "_KEPT_LOCK", None)
            if lock is None or not lock.locked():
                unlocked.append(what)

        def get(self, key: Any, default: Any = None) -> Any:
            self._check("get")
            return super().get(key, default)

        def move_to_end(self, key: Any, last: bool = True) -> None:
            self._check("move_to_end")
            super().move_to_end(key, last)

        def __setitem__(self, key: Any, value: Any) -> None:
            self._check("set")
            super().__setitem__(key, value)

        def popitem(self, last: bool = True) -> Any:
            self._check("popitem")
            return super().popitem(last)

    fonts = [pdfmetrics.getFont(name) for name in (assets.FONT, assets.FONT_BOLD)]
    _faces()
    for font in fonts:
        font.face.__dict__["_subset_programs"] = Watched()
        font.__dict__["_subset_objects"] = Watched()
    try:
        for document in (fixed_quote("it"), hourly_quote("en"), fixed_quote("it")):
            render_quote(document)
    finally:
        for font in fonts:
            font.face.__dict__.pop("_subset_programs", None)
            font.__dict__.pop("_subset_objects", None)
    assert unlocked == []
