"""How a date is written to people, the same on screen and in the documents."""

from __future__ import annotations

from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: date, lang: str) -> str:
    """``31/12/2026`` in Italian; ``31 Dec 2026`` in English (unambiguous everywhere)."""
    if lang == "it":
        return value.strftime("%d/%m/%Y")
    return f"{value.day:02d} {_MONTHS[value.month - 1]} {value.year}"
