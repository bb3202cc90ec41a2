"""The VAT register of a month (``reports vat``): its invoices and credit notes by rate and
nature, with totals, built from the documents themselves (the amounts they were issued
with), so it agrees with them to the cent. Credit notes count negative."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.db.database import Database
from app.db.tables import CUSTOMERS, INVOICES
from app.domain.errors import ValidationError
from app.domain.invoices import (
    VatRegister,
    VatRegisterRow,
    VatRegisterTotal,
    document_number,
)
from app.domain.money import ZERO
from app.services.common import require
from app.services.invoice_rules import company_settings, seller_party


def parse_month(value: str) -> tuple[int, int]:
    """``"2026-12"`` -> ``(2026, 12)``."""
    try:
        year, month = (int(part) for part in value.strip().split("-"))
        date(year, month, 1)
    except ValueError:
        raise ValidationError.of("not a month (YYYY-MM): {value!r}", value=value) from None
    return year, month


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def vat_register(db: Database, actor: str, year: int, month: int) -> VatRegister:
    """The register of ``month`` of ``year`` (team leads, finance, admins)."""
    first, last = month_bounds(year, month)
    with db.read() as session:
        require(session, actor, "view_finance")
        found = session.execute(
            select(INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive,
                   INVOICES.c.issue_date, CUSTOMERS.c.code, CUSTOMERS.c.name,
                   INVOICES.c.vat_rate_hundredths.label("rate"),
                   INVOICES.c.net_cents.label("net"), INVOICES.c.vat_cents.label("vat"),
                   INVOICES.c.stamp_duty_cents.label("stamp_duty"), INVOICES.c.facts)
            .select_from(INVOICES.join(CUSTOMERS, CUSTOMERS.c.id == INVOICES.c.customer_id))
            .where(INVOICES.c.issue_date >= first, INVOICES.c.issue_date <= last)
            .order_by(INVOICES.c.issue_date, INVOICES.c.type, INVOICES.c.progressive)).all()
        company = seller_party(company_settings(session))
    rows = []
    sums: dict[tuple[Decimal, str], list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    stamp = ZERO
    for r in found:
        sign = -1 if r.type == "TD04" else 1
        nature = str(json.loads(r.facts).get("nature") or "")
        taxable, vat = sign * Decimal(r.net), sign * Decimal(r.vat)
        rows.append(VatRegisterRow(document_number(r.type, r.year, r.progressive), r.type,
                                   r.issue_date, r.code, r.name, Decimal(r.rate), nature,
                                   taxable, vat))
        sums[(Decimal(r.rate), nature)][0] += taxable
        sums[(Decimal(r.rate), nature)][1] += vat
        stamp += Decimal(r.stamp_duty)
    totals = tuple(VatRegisterTotal(rate, nature, t, v)
                   for (rate, nature), (t, v) in sorted(sums.items(),
                                                        key=lambda kv: (-kv[0][0], kv[0][1])))
    return VatRegister(year, month, company, tuple(rows), totals,
                       sum((t.taxable for t in totals), ZERO), sum((t.vat for t in totals), ZERO),
                       stamp, len(rows))
