"""Finance documents as plain data: the charges report, the customer's credit
statement, the charge document and the credit note. The services build them from the
database; ``reports/`` renders them (PDF, CSV) without a database or a screen.

Times are stored instants (naive UTC); amounts are ``Decimal`` euros.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from app.domain.documents import CompanyInfo, CustomerInfo
from app.domain.money import ZERO
from app.domain.pricing import work_value
from app.domain.references import quote_reference, request_reference

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
    #: where VAT is charged (issue 20): at "topup" charges carry no VAT of their own
    vat_point: str = "charge"

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
    invoice: str = ""  # the invoice or credit note it issued ("FT 2026/000001"), if any


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
    #: where VAT is charged (issue 20): at "topup" the credit is net of VAT
    vat_point: str = "charge"

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


# ----------------------------------------------------------------------- charge documents


def credit_note_reference(request_number: int, sequence: int) -> str:
    """How a credit note is named: its charge's request and its rank, ``RIT-000123-NC1``."""
    return f"{request_reference(request_number)}-NC{sequence}"


@dataclass(frozen=True)
class AgreedVariation:
    """A variation the customer agreed to: the new agreed net amount and why."""

    amount: Decimal
    reason: str
    agreed_at: datetime | None


@dataclass(frozen=True)
class ChargeDocument:
    """Everything a charge document ("documento di addebito") shows, as it stood when
    the charge committed: rendering it twice gives the same bytes."""

    charge_id: int
    request_number: int
    quote_revision: int
    lang: Lang
    charged_at: datetime  # stored instant (naive UTC)
    company: CompanyInfo
    customer: CustomerInfo
    service_name: str
    service_kind: str
    category: str
    subject: str
    kind: str  # fixed or hourly
    logged_minutes: int
    billable_minutes: int
    increment: int
    hourly_rate: Decimal | None
    quote_net: Decimal  # the quoted (fixed) or indicative (hourly) net total
    ceiling: Decimal  # the agreed amount: the last agreed variation, else the quote's net
    capped: bool
    variations: tuple[AgreedVariation, ...]
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal
    balance_before: Decimal
    balance_after: Decimal
    #: the VAT point the charge was made under (issue 20): at "topup" it has no VAT
    vat_point: str = "charge"

    @property
    def work_amount(self) -> Decimal | None:
        """Hourly: billable hours x rate, before the ceiling (the figure the cap limits)."""
        if self.hourly_rate is None:
            return None
        return work_value(self.billable_minutes, self.hourly_rate)

    @property
    def reference(self) -> str:
        return request_reference(self.request_number)

    @property
    def quote_reference(self) -> str:
        return quote_reference(self.request_number, self.quote_revision)


@dataclass(frozen=True)
class CreditNoteDocument:
    """A refund of (part of) a charge: the credit note ("nota di credito")."""

    credit_note_id: int
    sequence: int  # 1 for the charge's first credit note
    request_number: int
    lang: Lang
    issued_at: datetime  # stored instant (naive UTC)
    charged_at: datetime
    company: CompanyInfo
    customer: CustomerInfo
    subject: str
    reason: str
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal
    charge_net: Decimal
    charge_total: Decimal
    refunded_before: Decimal  # gross, by the charge's earlier credit notes
    balance_before: Decimal
    balance_after: Decimal

    @property
    def reference(self) -> str:
        return credit_note_reference(self.request_number, self.sequence)

    @property
    def charge_reference(self) -> str:
        return request_reference(self.request_number)

    @property
    def refundable_after(self) -> Decimal:
        """What of the charge (gross) may still be refunded after this credit note."""
        return self.charge_total - self.refunded_before - self.total
