"""Look inside generated PDFs with poppler (pdftotext, pdffonts) and pypdf."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _with_file(pdf: bytes, *command: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        result = subprocess.run(
            [*command, str(path), "-"], check=True, capture_output=True, text=True
        )
    return result.stdout


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page (``pdftotext -layout``), whitespace runs collapsed."""
    raw = _with_file(pdf, "pdftotext", "-layout", "-enc", "UTF-8")
    pages = raw.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [re.sub(r"[ \t]+", " ", page) for page in pages]


def all_text(pdf: bytes) -> str:
    """All the text, every whitespace run (line breaks too) collapsed to one space."""
    return re.sub(r"\s+", " ", " ".join(page_texts(pdf)))


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool


def fonts(pdf: bytes) -> list[FontRow]:
    """The fonts ``pdffonts`` lists."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        output = subprocess.run(
            ["pdffonts", str(path)], check=True, capture_output=True, text=True
        ).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        name, emb, sub = parts[0], parts[-5], parts[-4]
        rows.append(FontRow(name, " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return rows


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    x_max: float
    y_min: float
    page: int


def words(pdf: bytes) -> list[Word]:
    """Every word with its box (``pdftotext -bbox``), in points from the top left."""
    html = _with_file(pdf, "pdftotext", "-bbox", "-enc", "UTF-8")
    found = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>',
            line,
        )
        if match:
            x_min, y_min, x_max, content = match.groups()
            found.append(Word(content, float(x_min), float(x_max), float(y_min), page))
    return found
