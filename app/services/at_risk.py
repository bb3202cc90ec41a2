"""Customers at risk: accounts whose balance does not cover what their accepted and
in-progress requests will charge, i.e. who enter credit exhaustion when the current
work is completed.

What a request will charge at most is its agreed amount with VAT: the last agreed
variation, else the accepted quote's net total (an hourly request's ceiling), plus VAT
at the quote's rate, rounded half-up to the cent as :func:`app.domain.pricing.vat_on`
does; at the ``topup`` VAT point (issue 20) the credit is net of VAT and a charge takes
the net alone, so the net. One grouped query per customer; the shortfall is what a
top-up must cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Select, func, literal, literal_column, select, type_coerce

from app.db.database import Database
from app.db.tables import CUSTOMERS, QUOTES, REQUESTS, VARIATIONS
from app.db.types import Hundredths
from app.domain.enums import QuoteState, RequestState, VariationState
from app.domain.vat_point import TOPUP
from app.services.settings import vat_point

OPEN_WORK = (RequestState.ACCEPTED.value, RequestState.IN_PROGRESS.value)


def raw(column: Any) -> Any:
    """A ``*_cents`` column as the plain integer it is stored as (for SQL arithmetic)."""
    return type_coerce(column, BigInteger())


@dataclass(frozen=True)
class AtRiskAccount:
    code: str
    name: str
    balance: Decimal
    status: str
    requests: int  # accepted and in-progress requests
    committed: Decimal  # what they will take at most (VAT included at the charge point)
    shortfall: Decimal  # committed - balance: the top-up that keeps the account above zero


def agreed_net_cents(quote_net_cents: Any) -> Any:
    """A request's agreed net amount in cents: the last agreed variation, else the
    accepted quote's net (``quote_net_cents``, a joined column or a subquery)."""
    last_agreed = (
        select(VARIATIONS.c.amount_cents)
        .where(VARIATIONS.c.request_id == REQUESTS.c.id,
               VARIATIONS.c.state == VariationState.AGREED.value)
        .order_by(VARIATIONS.c.answered_at.desc(), VARIATIONS.c.id.desc())
        .limit(1).correlate(REQUESTS).scalar_subquery()
    )
    return func.coalesce(raw(last_agreed), raw(quote_net_cents))


def gross_cents(net_cents: Any, rate_hundredths: Any) -> Any:
    """``net + VAT`` in cents, VAT half-up at the rate (integer SQL: net cents x rate
    hundredths / 10000, +5000 to round the half up)."""
    rate = raw(rate_hundredths)
    return net_cents + (net_cents * rate + literal(5000)) // literal(10000)


def accepted_quote(column: Any) -> Any:
    """``column`` of the request's accepted quote, as a subquery on the request (found
    by ``(request_id, revision)``: the requests drive, not the million quotes)."""
    return (select(column)
            .where(QUOTES.c.request_id == REQUESTS.c.id,
                   QUOTES.c.state == QuoteState.ACCEPTED.value)
            .limit(1).correlate(REQUESTS).scalar_subquery())


def _committed(point: str) -> Select[Any]:
    """(customer id, open requests, committed cents) of every customer with open work, at
    the VAT point ``point``."""
    net = agreed_net_cents(accepted_quote(QUOTES.c.net_cents))
    rate = accepted_quote(QUOTES.c.vat_rate_hundredths)
    taken = net if point == TOPUP else gross_cents(net, rate)
    # grouped by "customer_id + 0", not by the column: grouped by the column, SQLite
    # walks all requests in the order of ix_requests_customer (to skip a sort) instead of
    # the few accepted and in-progress ones found by state (3.4 s instead of ~0.1 s at 1M)
    customer = (REQUESTS.c.customer_id + literal_column("0")).label("customer_id")
    return (
        select(customer, func.count().label("requests"),
               func.sum(taken).label("committed"))
        .where(REQUESTS.c.state.in_(OPEN_WORK))
        .group_by(customer)
    )


def _short_of_work(point: str, *columns: Any) -> Select[Any]:
    """``columns`` of the customers whose open work is more than their balance (``work``
    is the subquery of :func:`_committed`)."""
    work = _committed(point).subquery("work")
    picked = [c(work) if callable(c) else c for c in columns]
    return (
        select(*picked)
        .select_from(CUSTOMERS.join(work, work.c.customer_id == CUSTOMERS.c.id))
        .where(work.c.committed > raw(CUSTOMERS.c.balance_cents))
    )


def at_risk_customers(db: Database) -> list[AtRiskAccount]:
    """Accounts whose balance does not cover their open work, largest shortfall first."""
    with db.read() as session:
        stmt = _short_of_work(vat_point(session), CUSTOMERS.c.code, CUSTOMERS.c.name,
                              CUSTOMERS.c.balance_cents, CUSTOMERS.c.status,
                              lambda w: w.c.requests,
                              lambda w: type_coerce(w.c.committed, Hundredths()))
        accounts = [AtRiskAccount(code, name, balance, status, int(count), committed,
                                  committed - balance)
                    for code, name, balance, status, count, committed in session.execute(stmt)]
    accounts.sort(key=lambda a: (-a.shortfall, a.name.casefold(), a.code))
    return accounts


def at_risk_count(db: Database) -> int:
    """How many accounts :func:`at_risk_customers` lists (for the queue's count),
    remembered until anything is written, as the queue counts are."""
    from app.services.dto import RequestFilter
    from app.services.read_cache import remembered

    with db.read() as session:
        return int(remembered(db, session, "at_risk_count", RequestFilter(),
                              lambda: session.scalar(_short_of_work(
                                  vat_point(session), func.count())) or 0))
