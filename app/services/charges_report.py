"""The charges report: what was charged in a period, grouped by customer, category,
technician or month, with the refunds (credit notes) issued in the period beside, never
netted: a refund in November of an October charge is in November's refunded column.

One grouped query over ``charges`` in the period (``ix_charges_created_at``), joined to
the request for its category and technician; months are drawn at local midnight (see
:mod:`app.domain.periods`) as a ``CASE`` over plain timestamps, the same on both
databases.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from itertools import pairwise
from typing import Any

from sqlalchemy import String, Table, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CHARGES, CREDIT_NOTES, CUSTOMERS, REQUESTS, STAFF
from app.db.types import Hundredths
from app.domain.enums import Category
from app.domain.errors import ValidationError
from app.domain.finance import GROUPINGS, ChargesReport, ChargesRow, Lang
from app.domain.periods import Period, local_day
from app.services import settings as settings_service
from app.services.common import require


def report_lang(lang: str | None) -> Lang:
    """The language of a document: ``it`` unless ``en`` is asked for."""
    if lang not in (None, "it", "en"):
        raise ValidationError.of("language must be it or en: {lang!r}", lang=lang)
    return "en" if lang == "en" else "it"


def _grouping(by: str) -> str:
    if by not in GROUPINGS:
        raise ValidationError.of("cannot group charges by {by!r}; one of: {choices}",
                                 by=by, choices=", ".join(GROUPINGS))
    return by


def month_case(column: Any, months: list[tuple[str, datetime]]) -> Any:
    """The month key of ``column`` (an instant) by the local month starts given."""
    if len(months) == 1:
        return literal(months[0][0], String)
    whens = [(column < start, key) for (key, _), (_, start) in pairwise(months)]
    return case(*whens, else_=months[-1][0])


def _grouped(session: Session, table: Table, by: str, months: list[tuple[str, datetime]],
             start: datetime, end: datetime) -> list[tuple[str, str, int, Any, Any, Any]]:
    """(key, label, count, net, VAT, total) of the rows of ``table`` (charges or credit
    notes: each names its request and customer) made in [start, end), grouped ``by``
    customer, the request's category or technician, or the month the row was made."""
    source = table.join(REQUESTS, REQUESTS.c.id == table.c.request_id)
    key: Any
    label: Any = literal("", String)
    if by == "customer":
        key, label = CUSTOMERS.c.code, CUSTOMERS.c.name
        source = source.join(CUSTOMERS, CUSTOMERS.c.id == table.c.customer_id)
    elif by == "category":
        key = REQUESTS.c.category
    elif by == "technician":
        key, label = func.coalesce(STAFF.c.username, ""), func.coalesce(STAFF.c.name, "")
        source = source.outerjoin(STAFF, STAFF.c.id == REQUESTS.c.assignee_id)
    else:
        key = month_case(table.c.created_at, months)
    stmt = (
        select(key.label("key"), label.label("label"), func.count(),
               cents_sum(table.c.net_cents), cents_sum(table.c.vat_cents),
               cents_sum(table.c.total_cents))
        .select_from(source)
        .where(table.c.created_at >= start, table.c.created_at < end)
        .group_by(key, label)
    )
    return [(str(k), str(lab or ""), int(n), net, vat, total)
            for k, lab, n, net, vat, total in session.execute(stmt)]


def _charges(session: Session, by: str, months: list[tuple[str, datetime]],
             start: datetime, end: datetime) -> dict[str, ChargesRow]:
    return {k: ChargesRow(k, lab, n, net, vat, total)
            for k, lab, n, net, vat, total in _grouped(session, CHARGES, by, months, start, end)}


def _refunds(session: Session, by: str, months: list[tuple[str, datetime]],
             start: datetime, end: datetime) -> dict[str, ChargesRow]:
    """The credit notes issued in the period, grouped as the charges are (by the
    refunded charge's customer, category and technician, or by the month of the note)."""
    return {k: ChargesRow(k, lab, refunds=n, refunded_net=net, refunded_vat=vat,
                          refunded=total)
            for k, lab, n, net, vat, total in _grouped(session, CREDIT_NOTES, by, months,
                                                       start, end)}


def _merged(charges: dict[str, ChargesRow], refunds: dict[str, ChargesRow]
            ) -> dict[str, ChargesRow]:
    """Refunds beside the charges of the same group (a group may have only one)."""
    rows = dict(charges)
    for key, refund in refunds.items():
        row = rows.get(key)
        rows[key] = refund if row is None else row.plus(refund, row.key, row.label or refund.label)
    return rows


def cents_sum(column: Any) -> Any:
    """``sum(column)`` of a ``*_cents`` column, read as euros (0.00 when there is nothing)."""
    return type_coerce(func.coalesce(func.sum(column), 0), Hundredths())


def _ordered(by: str, rows: dict[str, ChargesRow], months: list[tuple[str, datetime]]
             ) -> tuple[ChargesRow, ...]:
    if by == "month":
        return tuple(rows.get(key, ChargesRow(key)) for key, _ in months)
    if by == "category":
        order = {c.value: i for i, c in enumerate(Category)}
        return tuple(sorted(rows.values(), key=lambda r: (order.get(r.key, len(order)), r.key)))
    return tuple(sorted(rows.values(), key=lambda r: (r.label.casefold(), r.key)))


def charges_report(
    db: Database,
    actor: str,
    first: date,
    last: date,
    *,
    by: str = "customer",
    lang: str | None = None,
    zone: tzinfo | None = None,
) -> ChargesReport:
    """The charges of the local days ``first`` to ``last``, grouped ``by``.

    ``zone``: the time zone of those days (None: this computer's).
    """
    by = _grouping(by)
    language = report_lang(lang)
    period = Period.of(first, last)
    start, end = period.bounds(zone)
    months = period.month_bounds(zone)
    with db.read() as session:
        require(session, actor, "view_finance")
        company = settings_service.load(session).company
        rows = _merged(_charges(session, by, months, start, end),
                       _refunds(session, by, months, start, end))
        return ChargesReport(first=period.first, last=period.last, by=by, lang=language,
                             company=company, rows=_ordered(by, rows, months),
                             issued=local_day(db.now(), zone),
                             vat_point=settings_service.vat_point(session))
