"""The customer's credit statement ("estratto conto") for a period of local days.

The opening balance is the sum of the customer's ledger before the period, every entry
of the period follows in the order it was posted with the balance after it, and the
closing balance is the sum of the ledger up to the period's end: the statement and the
ledger cannot disagree.
"""

from __future__ import annotations

from datetime import date, tzinfo

from sqlalchemy import and_, or_, select

from app.db.database import Database
from app.db.tables import INVOICES, LEDGER
from app.domain.documents import CustomerInfo
from app.domain.finance import Statement, StatementEntry
from app.domain.invoices import document_number
from app.domain.periods import Period, local_day
from app.services import settings as settings_service
from app.services.charges_report import cents_sum, report_lang
from app.services.common import customer_by_code, require

#: the invoice or credit note a ledger entry issued (at most one: each of the three is
#: unique on ``invoices``): a top-up's by its entry, a charge's by the charge, a refund's
#: by its credit note
ISSUED = or_(INVOICES.c.ledger_entry_id == LEDGER.c.id,
             and_(LEDGER.c.charge_id.is_not(None), INVOICES.c.charge_id == LEDGER.c.charge_id),
             and_(LEDGER.c.credit_note_id.is_not(None),
                  INVOICES.c.credit_note_id == LEDGER.c.credit_note_id))


def statement(
    db: Database,
    actor: str,
    code: str,
    first: date,
    last: date,
    *,
    lang: str | None = None,
    zone: tzinfo | None = None,
) -> Statement:
    """Customer ``code``'s statement of the local days ``first`` to ``last``, in the
    customer's language unless ``lang`` is given."""
    period = Period.of(first, last)
    start, end = period.bounds(zone)
    if lang is not None:
        report_lang(lang)
    with db.read() as session:
        require(session, actor, "view_finance")
        customer = customer_by_code(db, session, code)
        company = settings_service.load(session).company
        opening = session.execute(
            select(cents_sum(LEDGER.c.amount_cents))
            .where(LEDGER.c.customer_id == customer.id, LEDGER.c.at < start)).scalar_one()
        rows = session.execute(
            select(LEDGER.c.at, LEDGER.c.kind, LEDGER.c.amount_cents, LEDGER.c.reference,
                   LEDGER.c.reason, INVOICES.c.type, INVOICES.c.year, INVOICES.c.progressive)
            .select_from(LEDGER.outerjoin(INVOICES, ISSUED))
            .where(LEDGER.c.customer_id == customer.id, LEDGER.c.at >= start,
                   LEDGER.c.at < end)
            .order_by(LEDGER.c.id)).all()
        balance = opening
        entries: list[StatementEntry] = []
        for at, kind, amount, reference, reason, doc_type, year, progressive in rows:
            balance += amount
            issued = "" if doc_type is None else document_number(doc_type, year, progressive)
            entries.append(StatementEntry(at, kind, amount, balance, reference or "",
                                          reason or "", issued))
        info = CustomerInfo(customer.code, customer.name,
                            tuple(line for line in customer.address.splitlines() if line),
                            customer.vat_number)
        return Statement(customer=info, lang=report_lang(lang or customer.lang),
                         first=period.first, last=period.last, opening=opening,
                         entries=tuple(entries), company=company,
                         issued=local_day(db.now(), zone),
                         vat_point=settings_service.vat_point(session))

