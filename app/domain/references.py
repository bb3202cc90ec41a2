"""How requests and quotes are named to people, and reading those names back.

A request is ``RIT-000196``; a quote is its request and revision, ``RIT-000196/2``.
Every message, screen, document and command line uses these (never a database id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import ValidationError

PREFIX = "RIT-"
_PATTERN = re.compile(r"^(?P<prefix>RIT-?)?0*(?P<number>\d{1,12})(?:/(?P<revision>\d{1,6}))?$",
                      re.IGNORECASE | re.ASCII)  # ASCII digits: ١٢ is no request


def request_reference(number: int) -> str:
    """How a request is named to people: ``RIT-000123``."""
    return f"{PREFIX}{number:06d}"


def quote_reference(request_number: int, revision: int) -> str:
    """How a quote is named to people: ``RIT-000123/2`` (request and revision)."""
    return f"{request_reference(request_number)}/{revision}"


@dataclass(frozen=True)
class Reference:
    """What a person typed to name a request or a quote.

    ``named``: it was a reference (``RIT-…`` or ``N/REV``), not a bare number; a bare
    number is a request number where a request is meant, and a record's own number
    (a quote's or a variation's) where that is meant, as the command line always took.
    """

    number: int
    revision: int | None = None
    named: bool = False

    def __str__(self) -> str:
        if not self.named:
            return str(self.number)
        if self.revision is None:
            return request_reference(self.number)
        return quote_reference(self.number, self.revision)


def parse_reference(text: str) -> Reference:
    """``RIT-000196``, ``rit-196``, ``RIT-000191/1``, ``191/1`` or ``196``."""
    match = _PATTERN.match(text.strip())
    if match is None or int(match["number"]) == 0 or int(match["number"]) > 2**31 - 1:
        raise ValidationError.of(
            "not a reference such as RIT-000123 or RIT-000123/2, nor a number: {text!r}",
            text=text)
    revision = match["revision"]
    if revision is not None and int(revision) == 0:
        raise ValidationError.of("a quote revision starts at 1: {text!r}", text=text)
    return Reference(int(match["number"]), int(revision) if revision is not None else None,
                     named=bool(match["prefix"]) or revision is not None)
