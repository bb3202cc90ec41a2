"""Column types: money and two-decimal quantities stored exactly as integer hundredths."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Dialect
from sqlalchemy.types import TypeDecorator

HUNDRED = Decimal(100)


class Hundredths(TypeDecorator[Decimal]):
    """A ``Decimal`` with two decimals stored as an integer count of hundredths.

    Exact on every database (SQLite has no decimal type), fast to sum and index.
    Money columns are named ``*_cents`` in the schema.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else cents(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_cents(value)


def cents(value: Decimal) -> int:
    """An amount as its integer count of cents (what the ``*_cents`` columns hold)."""
    scaled = value * HUNDRED
    if scaled != scaled.to_integral_value():
        raise ValueError(f"more than two decimals: {value}")
    return int(scaled)


def from_cents(value: int) -> Decimal:
    return (Decimal(int(value)) / HUNDRED).quantize(Decimal("0.01"))
