"""Finance documents as plain data: the charges report and the customer's credit
statement. The services build them from the database; ``reports/`` renders them (PDF,
CSV) without a database or a screen.

Times are stored instants (naive UTC); amounts are ``Decimal`` euros.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from app.domain.documents import CompanyInfo, CustomerInfo
from app.domain.money import ZERO

Lang = Literal["it", "en"]

#: how a charges report groups its rows
GROUPINGS = ("customer", "category", "technician", "month")


@dataclass(frozen=True)
class ChargesRow:
    """The charges (and, beside them, the refunds) of one group in a period.

    ``key`` is the group's code: a customer code, a category code, a username or a month
    (``2026-11``); ``label`` the customer's or technician's name (empty for categories
    and months: their words depend on the language).
    """

    key: str
    label: str = ""
    count: int = 0
    net: Decimal = ZERO
    vat: Decimal = ZERO
    total: Decimal = ZERO
    refunds: int = 0
    refunded_net: Decimal = ZERO
    refunded_vat: Decimal = ZERO
    refunded: Decimal = ZERO  # gross: what went back to the customers' credit

    def plus(self, other: ChargesRow, key: str = "", label: str = "") -> ChargesRow:
        """The sum of two rows' figures, under ``key`` and ``label``."""
        sums = {f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in fields(self) if f.name not in ("key", "label")}
        return ChargesRow(key, label, **sums)


@dataclass(frozen=True)
class ChargesReport:
    """What was charged in a period, grouped; refunds in the period shown beside."""

    first: date
    last: date
    by: str
    lang: Lang
    company: CompanyInfo
    rows: tuple[ChargesRow, ...]
    issued: date

    @property
    def totals(self) -> ChargesRow:
        total = ChargesRow("")
        for row in self.rows:
            total = total.plus(row)
        return total


@dataclass(frozen=True)
class StatementEntry:
    """One ledger entry as the statement prints it."""

    at: datetime
    kind: str  # topup, charge, adjustment, refund
    amount: Decimal
    balance_after: Decimal
    reference: str
    reason: str


@dataclass(frozen=True)
class Statement:
    """A customer's credit statement ("estratto conto") for a period of local days.

    ``opening`` is the sum of the ledger before the period, ``closing`` the sum up to
    its end: ``opening`` + every entry's amount.
    """

    customer: CustomerInfo
    lang: Lang
    first: date
    last: date
    opening: Decimal
    entries: tuple[StatementEntry, ...]
    company: CompanyInfo
    issued: date

    @property
    def closing(self) -> Decimal:
        return self.opening + sum((e.amount for e in self.entries), ZERO)

    @property
    def credits(self) -> Decimal:
        """What came in during the period (top-ups, refunds, positive adjustments)."""
        return sum((e.amount for e in self.entries if e.amount > 0), ZERO)

    @property
    def debits(self) -> Decimal:
        """What went out during the period (charges, negative adjustments), negative."""
        return sum((e.amount for e in self.entries if e.amount < 0), ZERO)
