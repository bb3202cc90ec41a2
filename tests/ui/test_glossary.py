"""One Italian word for each term, everywhere: screens (.ts) and paper (reports texts)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reports import finance_texts, texts

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "resources" / "i18n" / "glossary_it.tsv"


def glossary() -> list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, italian, never = [*line.split("\t"), ""][:3]
        rows.append((english, re.compile(english, re.I), re.compile(italian, re.I),
                     re.compile(never, re.I) if never else None))
    return rows


def plain(text: str) -> str:
    """Without mnemonics, HTML, placeholders ({vat}, %1) and command-line options
    (``init --portal LOGIN`` names a command, not a word of the language), whitespace
    collapsed."""
    text = re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = re.sub(r"\{[^}]*\}|%\d|%n|(?<!\w)--[\w-]+", "", text)
    return re.sub(r"\s+", " ", text)


def translations() -> list[tuple[str, str, str]]:
    """(where, English, Italian) of every finished translation and printed text."""
    pairs: list[tuple[str, str, str]] = []
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_it.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished":
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")]
                italian = " / ".join(forms) if forms else (translation.text or "")
                pairs.append((f"{ts.name}: {name}", plain(message.findtext("source") or ""),
                              plain(italian)))
    for module in (texts, finance_texts):
        table = module.TEXTS if hasattr(module, "TEXTS") else {}
        for key, english in table["en"].items():
            pairs.append((f"{module.__name__}: {key}", english, table["it"].get(key, "")))
    return pairs


@pytest.mark.parametrize("term", [row[0] for row in glossary()])
def test_one_italian_word_per_term(term: str) -> None:
    _, english, italian, never = next(row for row in glossary() if row[0] == term)
    wrong = []
    for where, source, translated in translations():
        if never is not None and never.search(translated):
            wrong.append(f"{where}: {translated!r} (never {never.pattern!r})")
        elif english.search(source) and not italian.search(translated):
            wrong.append(f"{where}: {source!r} -> {translated!r} (wants {italian.pattern!r})")
    assert wrong == [], "\n".join(wrong)
