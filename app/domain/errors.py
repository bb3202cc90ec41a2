"""The errors a use case reports to its caller; each carries one readable message.

The message is English (the CLI prints it as it is). A message built with
:meth:`RitError.of` also keeps its *template* (English, with ``{named}`` fields) and the
*params* it was formatted with, so that a user interface can show the same error in
its own language: it translates the template, then formats it with the params
(translating those that are codes or :class:`Phrase` objects). Nothing here knows
about any user interface.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self

#: a value longer than this (typed input, mostly) is shown cut, so a message stays a line
MAX_SHOWN = 200


class Phrase(str):
    """A fixed English phrase used inside a message ("hourly rate", "completed"...).

    It *is* the English text (a ``str``), so it can be passed and formatted anywhere a
    plain string is; it also keeps its template and params so that a user interface can
    translate it. ``phrase("line {index} description", index=2)`` == "line 2 description".
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Self:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = params
        return text


def phrase(template: str, /, **params: Any) -> Phrase:
    """Mark a fixed English phrase that ends up inside an error message."""
    return Phrase(template, **params)


class RitError(Exception):
    """Base of every error a service reports: shown to the user as it is."""

    kind = "error"

    def __init__(
        self,
        message: str | None = None,
        *,
        template: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.template = template
        self.params: dict[str, Any] = {name: _shown(value) for name, value in (params or {}).items()}
        if message is None:
            message = template.format(**self.params) if template is not None else ""
        super().__init__(message)
        self.message = message

    @classmethod
    def of(cls, template: str, /, **params: Any) -> Self:
        """The error whose message is ``template.format(**params)``, template kept."""
        return cls(template=template, params=params)

    def __str__(self) -> str:
        return self.message


def is_control(char: str) -> bool:
    """A control character (NUL, a line break, ESC, DEL...): never part of a name."""
    return ord(char) < 32 or ord(char) == 127


def _shown(value: Any) -> Any:
    """A value as a message shows it: cut when it is too long to read (a 100,000-character
    search echoed back would make a message nobody can read), its control characters
    written as ``\\x1b`` (echoed as they are, an ESC sequence would act on the user's
    terminal, a NUL or a line break would break the one-line message)."""
    if isinstance(value, Phrase) or not isinstance(value, str | Decimal):
        return value
    text = str(value)
    shown = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN // 2] + "…"
    if any(is_control(c) for c in shown):
        shown = "".join(f"\\x{ord(c):02x}" if is_control(c) else c for c in shown)
    return value if shown == text else shown


class ValidationError(RitError):
    """Bad input: a value out of range, a missing field, an over-long text."""

    kind = "invalid"


class NotFoundError(RitError):
    """An unknown customer, service, user, request, quote..."""

    kind = "not_found"


class PermissionDenied(RitError):
    """The acting user's role may not do this."""

    kind = "forbidden"


class StateError(RitError):
    """The action is not allowed in the current state (e.g. accepting an expired quote)."""

    kind = "state"


class ConflictError(RitError):
    """Someone else changed the record first (stale edit) or the action already happened."""

    kind = "conflict"


class DatabaseUnavailable(RitError):
    """The central database cannot be reached or refused the credentials.

    ``maybe_committed``: the connection was lost while committing, so the change may
    have been saved: a caller must not simply save it again.
    """

    kind = "database"
    maybe_committed = False


class DatabaseRefused(RitError):
    """The database refused what was asked (not a connection problem): a privilege it
    does not grant, a schema this version does not know, a value it cannot store."""

    kind = "database"
