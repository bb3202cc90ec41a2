"""How a date is written to people, the same on screen and in the documents."""

from __future__ import annotations

from datetime import date

from app.domain import cldr


def format_date(value: date, lang: str) -> str:
    """``31/12/2026`` in Italian; ``31 Dec 2026`` in English (unambiguous everywhere),
    with CLDR's patterns for the language (:mod:`app.domain.cldr`)."""
    return cldr.day(value, lang)
