"""Service errors in the user's language.

The services raise :class:`~app.domain.errors.RitError` with an English message (the CLI
prints it as it is). An error built with ``SomeError.of(template, **params)`` also keeps
its template and params: here the template is translated (context ``"errors"``, file
``resources/i18n/errors_<lang>.ts``) and formatted with the params, which are shown the
way the rest of the GUI shows them (a request state as its label, a date as 31/12/2026,
a limit as € 1.000,00, a :class:`~app.domain.errors.Phrase` translated in turn).
Anything that cannot be translated is shown in English, never lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.errors import Phrase, RitError
from ui import labels

CONTEXT = "errors"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _in_sentence(label: Callable[[str | None], str]) -> Callable[[Any], str]:
    """A label as it reads inside a sentence ("In valutazione" -> "in valutazione")."""
    return lambda value: _lower_first(label(str(value)))


def _quoted(label: Callable[[str | None], str]) -> Callable[[Any], str]:
    return lambda value: "«" + label(str(value)) + "»"


def _money(value: Any) -> str:
    return labels.money(value, _lang()) if isinstance(value, Decimal) else str(value)


#: param name -> how its value (a code or an amount) is shown
PARAMS: dict[str, Callable[[Any], str]] = {
    "state": _in_sentence(labels.state_label),
    "quote_state": _quoted(labels.quote_state_label),
    "variation_state": _in_sentence(labels.variation_state_label),
    "role": _in_sentence(labels.role_label),
    "limit": _money,
    "net": _money,
}


def _lang() -> str:
    """The language of numbers and dates: the GUI's (``gui_main`` sets the default locale)."""
    return "it" if QLocale().language() == QLocale.Language.Italian else "en"


def translate_phrase(text: str, params: Mapping[str, Any] | None = None) -> str:
    """``text`` (an English template) translated and formatted with ``params``."""
    values = {name: _shown(name, value) for name, value in (params or {}).items()}
    translated = QCoreApplication.translate(CONTEXT, text)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English text
        return text.format(**values)


def _shown(name: str, value: Any) -> Any:
    if isinstance(value, Phrase):
        return translate_phrase(value.template, value.params)
    show = PARAMS.get(name)
    if show is not None:
        return show(value)
    if isinstance(value, date):
        return labels.date_str(value, _lang())
    return value  # user input, numbers, names: as they are (``!r`` keeps working)


def error_text(exc: BaseException) -> str:
    """What the GUI shows for ``exc``: translated when the error carries its template."""
    if isinstance(exc, RitError):
        if exc.template is not None:
            try:
                return translate_phrase(exc.template, exc.params)
            except Exception:  # never lose an error because of its translation
                return exc.message
        return exc.message or type(exc).__name__
    return getattr(exc, "message", None) or str(exc) or type(exc).__name__
