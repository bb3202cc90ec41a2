"""Command-line arguments that name a request, a quote or a variation.

Wherever a number is taken, a reference is too: ``RIT-000196`` (a request),
``RIT-000191/1`` (a quote: request and revision). A bare number keeps its old meaning:
a request's number where a request is meant, the record's own number otherwise.
"""

from __future__ import annotations

import argparse

from app.db.database import Database
from app.domain.errors import ValidationError
from app.domain.references import Reference, parse_reference, request_reference
from app.services import quotes, variations


def reference(text: str) -> Reference:
    """argparse type: a reference or a number."""
    try:
        return parse_reference(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def request_number(text: str) -> int:
    """argparse type: a request, as ``RIT-000196`` or ``196``."""
    ref = reference(text)
    if ref.revision is not None:
        raise argparse.ArgumentTypeError(
            f"{ref} names a quote; the request is {request_reference(ref.number)}")
    return ref.number


def quote_id(db: Database, ref: Reference) -> int:
    """The quote named ``RIT-000191/1`` (``RIT-000191``: its latest revision), or by its
    own number."""
    return quotes.quote_id_for(db, ref.number, ref.revision) if ref.named else ref.number


def variation_id(db: Database, ref: Reference) -> int:
    """The variation of request ``RIT-000196`` (the one awaiting the customer, else the
    last), or by its own number."""
    if ref.revision is not None:
        raise ValidationError.of("{ref} names a quote, not a variation", ref=str(ref))
    return variations.variation_id_for(db, ref.number) if ref.named else ref.number
