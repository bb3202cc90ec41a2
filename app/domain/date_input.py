"""A date as people type it: ``01/12/2026``, ``1/12/26``, ``1.12.2026``, ``01122026``,
``011226``, ``1 dic 2026``, ``1 December 2026``, ``2026-12-01``; the day, month and year in
the language's order (CLDR's, through :mod:`app.domain.cldr`: Italian and British English
both write the day first), the months' names CLDR's. Babel's own ``parse_date`` reads
neither the forms without separators nor the months' names, so the fields are split here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from app.domain import cldr

#: a two-digit year is in this century
CENTURY = 2000


@cache
def field_order(lang: str) -> tuple[str, str, str]:
    """The order of day (d), month (M) and year (y) in the language's short date."""
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=cldr.locale(lang)).pattern
    positions = {field: pattern.find(field) for field in "dMy"}
    return tuple(sorted(positions, key=lambda f: positions[f]))  # type: ignore[return-value]


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-case month name -> month, wide and abbreviated, in the language (and in
    English, which everyone reads), without the abbreviations' dots."""
    names: dict[str, int] = {}
    for code in dict.fromkeys((lang, "en")):
        loc = cldr.locale(code)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in loc.months[context][width].items():
                    names.setdefault(name.lower().rstrip("."), int(month))
    return names


def _month(token: str, lang: str) -> int | None:
    if token.isdigit():
        return int(token)
    token = token.lower()
    found = {m for name, m in month_names(lang).items()
             if len(token) >= 3 and name.startswith(token)}
    return found.pop() if len(found) == 1 else None


def _year(token: str) -> int | None:
    if not token.isdigit() or len(token) not in (2, 4):
        return None
    year = int(token)
    return year + CENTURY if len(token) == 2 else year


def _split_digits(digits: str, order: tuple[str, str, str]) -> list[str] | None:
    """``01122026`` / ``011226`` / ``0112`` (no year) in the language's order."""
    widths = {8: {"d": 2, "M": 2, "y": 4}, 6: {"d": 2, "M": 2, "y": 2},
              4: {"d": 2, "M": 2, "y": 0}}.get(len(digits))
    if widths is None:
        return None
    tokens, at = [], 0
    for field in order:
        tokens.append(digits[at:at + widths[field]])
        at += widths[field]
    return [t for t in tokens if t]


def parse_typed_date(text: str, lang: str, today: date) -> date | None:
    """The date ``text`` means in language ``lang`` (``today`` gives the year when none
    is typed), or None if it is not a date."""
    tokens = re.findall(r"\d+|[^\W\d_]+", text.strip())
    order = field_order(lang)
    if len(tokens) == 1 and tokens[0].isdigit():
        split = _split_digits(tokens[0], order)
        if split is None:
            return None
        tokens = split
    if len(tokens) == 3 and tokens[0].isdigit() and len(tokens[0]) == 4:  # ISO 2026-12-01
        fields = dict(zip("yMd", tokens, strict=True))
    elif len(tokens) in (2, 3):
        named = [t for t in tokens if not t.isdigit()]
        if len(named) > 1:
            return None
        if named:  # "1 dic 2026", "Dec 1": the name is the month, the day comes first
            numbers = [t for t in tokens if t.isdigit()]
            fields = {"M": named[0], "d": numbers[0]}
            if len(numbers) > 1:
                fields["y"] = numbers[1]
        else:
            fields = dict(zip([f for f in order if len(tokens) == 3 or f != "y"], tokens,
                              strict=True))
    else:
        return None
    month = _month(fields["M"], lang)
    year = _year(fields["y"]) if "y" in fields else today.year
    day = int(fields["d"]) if fields["d"].isdigit() else None
    if month is None or year is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
