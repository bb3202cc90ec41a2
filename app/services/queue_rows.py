"""The plain data the queue's first page needs: who works, what a queue shows, its rows.

Apart from :mod:`app.services.dto` (which names them too) so that the start imports these
few classes, not every view of the services, before the first page is painted (issue 21).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class StaffView:
    id: int
    username: str
    name: str
    role: str
    active: bool


@dataclass(frozen=True)
class RequestRow:
    """One row of a queue table."""

    number: int
    customer_code: str
    customer_name: str
    service_name: str
    category: str
    subject: str
    state: str
    priority: str
    assignee: str | None
    created_at: datetime
    quote_total: Decimal | None
    quote_valid_until: date | None
    #: the assignee's name (the column shows it; ``assignee`` is the user name)
    assignee_name: str | None = None
    #: a completed request's charge (total with VAT) less its refunds, and the refunds
    #: (None: not charged; the money column shows this rather than the quote's total)
    charged: Decimal | None = None
    refunded: Decimal | None = None


def charged_row(*columns: Any) -> RequestRow:
    """A queue row from its columns as read, the charge and the refunds last: what is
    charged is the charge less its refunds (a refund is not a change of the quote)."""
    *head, charge, refunds = columns
    row = RequestRow(*head)
    if charge is None:
        return row
    refunded = refunds or Decimal(0)
    return replace(row, charged=charge - refunded, refunded=refunded or None)


@dataclass(frozen=True)
class Drill:
    """The requests behind one bar of the dashboard (``app.services.dashboard``): a kind
    of bar and the values that pick its requests; instants are naive UTC ``[start, end)``,
    days ``first_day`` to ``last_day`` included."""

    kind: str  # age, expiring, expired, request, charged, outcome, workload, open_work
    state: str | None = None
    category: str | None = None
    username: str | None = None
    customer: str | None = None  # customer code
    number: int | None = None
    start: datetime | None = None
    end: datetime | None = None
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class RequestFilter:
    """What a queue shows; every field narrows the query (None = any)."""

    states: tuple[str, ...] | None = None
    assignee: str | None = None  # username, or "" for unassigned
    category: str | None = None
    priority: str | None = None
    customer: str | None = None  # customer code
    search: str | None = None  # number, customer name/code, subject words
    attention: str | None = None  # a team lead's queue (app.services.attention)
    as_of: datetime | None = None  # the instant the attention queue is judged at (UTC)
    drill: Drill | None = None  # the requests of one bar of the dashboard


@dataclass(frozen=True)
class Page:
    rows: tuple[RequestRow, ...]
    offset: int
    total: int | None = None
    extra: dict[str, object] = field(default_factory=dict)
