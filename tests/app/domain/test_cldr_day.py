"""Dates as CLDR writes them, kept per day and language."""

from __future__ import annotations

from datetime import date

from app.domain import cldr


def test_dates_kept_per_day_and_language_are_babels() -> None:
    from babel.dates import format_skeleton

    for lang in ("it", "en"):
        for value in (date(2026, 3, 5), date(2026, 12, 31)):
            expected = format_skeleton(cldr.DATE_SKELETONS[lang], value,
                                       locale=cldr.locale(lang))
            assert cldr.day(value, lang) == expected
            assert cldr.day(value, lang) == expected  # the kept one
