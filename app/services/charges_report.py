"""The charges report: what was charged in a period, grouped by customer, category,
technician or month, with the refunds of the period beside (never netted).

One grouped query over ``charges`` in the period (``ix_charges_created_at``), joined to
the request for its category and technician; months are drawn at local midnight (see
:mod:`app.domain.periods`) as a ``CASE`` over plain timestamps, the same on both
databases.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from itertools import pairwise
from typing import Any

from sqlalchemy import String, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CHARGES, CUSTOMERS, REQUESTS, STAFF
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


def _key_columns(by: str, months: list[tuple[str, datetime]]) -> tuple[Any, Any]:
    """(key, label) of a charge's group, as SQL expressions over charges, requests,
    customers and staff."""
    if by == "customer":
        return CUSTOMERS.c.code, CUSTOMERS.c.name
    if by == "category":
        return REQUESTS.c.category, literal("", String)
    if by == "technician":
        return func.coalesce(STAFF.c.username, ""), func.coalesce(STAFF.c.name, "")
    return month_case(CHARGES.c.created_at, months), literal("", String)


def _charges(session: Session, by: str, months: list[tuple[str, datetime]],
             start: datetime, end: datetime) -> dict[str, ChargesRow]:
    key, label = _key_columns(by, months)
    source = CHARGES.join(REQUESTS, REQUESTS.c.id == CHARGES.c.request_id)
    if by == "customer":
        source = source.join(CUSTOMERS, CUSTOMERS.c.id == CHARGES.c.customer_id)
    elif by == "technician":
        source = source.outerjoin(STAFF, STAFF.c.id == REQUESTS.c.assignee_id)
    stmt = (
        select(key.label("key"), label.label("label"), func.count(),
               cents_sum(CHARGES.c.net_cents), cents_sum(CHARGES.c.vat_cents),
               cents_sum(CHARGES.c.total_cents))
        .select_from(source)
        .where(CHARGES.c.created_at >= start, CHARGES.c.created_at < end)
        .group_by(key, label)
    )
    rows: dict[str, ChargesRow] = {}
    for k, lab, count, net, vat, total in session.execute(stmt):
        rows[str(k)] = ChargesRow(str(k), str(lab or ""), int(count), net, vat, total)
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
        rows = _charges(session, by, months, start, end)
        return ChargesReport(first=period.first, last=period.last, by=by, lang=language,
                             company=company, rows=_ordered(by, rows, months),
                             issued=local_day(db.now(), zone))
