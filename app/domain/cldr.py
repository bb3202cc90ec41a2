"""Money, numbers and dates written with CLDR's rules for the reader's language (Babel).

The one place where RIT Desk asks how a language writes an amount, a number or a date:
the screens (``ui.labels``) and the documents (``reports/``) both come here, so a figure
reads the same on screen and on paper.  CLDR decides the order, the separators, where the
minus goes and the spaces: Italian ``-303,25 €``, English ``-€303.25``; the space between
the number and ``€`` is a no-break space, so the two never part at the end of a line.

Babel (and its locale data) is imported on the first use, not with this module: the
desktop app imports it while it starts, and the first page of the queue should not wait
for it (:func:`warm_up` loads it off the main thread meanwhile).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.core import Locale

#: the app's languages -> their CLDR locale: the provider bills in euros in Europe, so
#: English is written the British way (``1 Dec 2026``, not ``Dec 1, 2026``)
LOCALES = {"it": "it_IT", "en": "en_GB"}

#: how a date is written, as a CLDR skeleton: Italian by numbers (``01/12/2026``, as
#: Italians write and type it); English names the month (``1 Dec 2026``: nobody has to
#: guess whether 01/11 is January or November)
DATE_SKELETONS = {"it": "yMMdd", "en": "yMMMd"}

#: a month and its year: short (the dashboard's axes) ``dic 2026``, ``Dec 2026``; long
#: (the reports) ``novembre 2026``, ``November 2026``
MONTH_SKELETONS = {False: "yMMM", True: "yMMMM"}


@cache
def locale(lang: str) -> Locale:
    """The CLDR locale of one of the app's languages (an unknown one is English)."""
    from babel.core import Locale

    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


def money(value: Decimal, lang: str) -> str:
    """``value`` (already rounded to the cent) in euros: ``1.234,56 €``, ``-€1,234.56``."""
    # Kept by the amount's exact text (``-0.00`` and ``0.00`` compare equal as Decimals
    # but are not the same figure): Babel takes a tenth of a millisecond per amount,
    # and a quote's documents and a page of rows repeat amounts.
    return _money(str(value), lang)


@lru_cache(maxsize=4096)
def _money(value: str, lang: str) -> str:
    from babel.numbers import format_currency

    return format_currency(Decimal(value), "EUR", locale=locale(lang))


def number(value: Decimal, lang: str, places: int) -> str:
    """A number with exactly ``places`` decimals, grouped as the language groups."""
    from babel.numbers import format_decimal

    quantum = Decimal(1).scaleb(-places)
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(value.quantize(quantum, rounding=ROUND_HALF_UP), format=pattern,
                          locale=locale(lang))


def percent(value: Decimal, lang: str) -> str:
    """A rate given in percent (``22``, ``10.5``), without useless zeros: ``22%``, ``10,5%``."""
    from babel.numbers import format_percent

    rate = (value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) / 100).normalize()
    return format_percent(rate, locale=locale(lang), decimal_quantization=False)


@lru_cache(maxsize=4096)
def day(value: date, lang: str) -> str:
    """A date: ``01/12/2026`` (it), ``1 Dec 2026`` (en).

    Kept per date and language: Babel matches the skeleton on every call (a third of a
    millisecond), and a batch of documents or a page of rows repeats a few dates."""
    from babel.dates import format_skeleton

    skeleton = DATE_SKELETONS.get(lang, DATE_SKELETONS["en"])
    return format_skeleton(skeleton, value, locale=locale(lang))


def month(value: date, lang: str, *, long: bool = False) -> str:
    """A month and its year: ``dic 2026``, ``Dec 2026``; long ``novembre 2026``."""
    from babel.dates import format_skeleton

    return format_skeleton(MONTH_SKELETONS[long], value, locale=locale(lang))


def warm_up(languages: tuple[str, ...] = tuple(LOCALES)) -> None:
    """Load Babel and the languages' data (a worker thread calls this as the app starts,
    for the language it starts in: another one loads when first used)."""
    for lang in languages:
        money(Decimal(0), lang)
        day(date(2000, 1, 1), lang)
