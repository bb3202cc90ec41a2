"""What a batch export of quote PDFs needs beyond the PDFs: how many, and their index."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, select

from app.db import models as m
from app.db.database import Database
from app.domain.documents import QuoteIndexRow
from app.domain.references import quote_reference


def count_sent(db: Database, since: date, until: date) -> int:
    """How many quotes were sent from ``since`` to ``until`` (whole days)."""
    with db.read() as session:
        return int(session.scalar(
            select(func.count()).select_from(m.Quote).where(
                m.Quote.sent_at.is_not(None), m.Quote.sent_at >= since,
                m.Quote.sent_at < until + timedelta(days=1))) or 0)


def index_rows(db: Database, quote_ids: Sequence[int]) -> list[QuoteIndexRow]:
    """The index rows of sent quotes, in the order of ``quote_ids``."""
    rows: dict[int, QuoteIndexRow] = {}
    with db.read() as session:
        for start in range(0, len(quote_ids), 500):
            chunk = list(quote_ids[start:start + 500])
            for quote, code, name in session.execute(
                    select(m.Quote, m.Customer.code, m.Customer.name)
                    .join(m.Request, m.Request.id == m.Quote.request_id)
                    .join(m.Customer, m.Customer.id == m.Request.customer_id)
                    .where(m.Quote.id.in_(chunk), m.Quote.sent_at.is_not(None))):
                rows[quote.id] = QuoteIndexRow(
                    quote_reference(quote.request_id, quote.revision), code, name,
                    quote.sent_at.date(), quote.net, quote.vat, quote.total,
                    quote.pdf_sha256 or "")
    return [rows[i] for i in quote_ids if i in rows]
