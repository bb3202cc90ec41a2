"""The money invariants every fault-injection test checks after every step.

Read from the database as it is (whoever wrote it, whatever was killed on the way):

- every customer's balance equals the sum of its ledger, and the last entry's balance;
- credit exhaustion iff the balance is below zero; services off (suspended) while
  exhausted, but monthly ones within their paid period; active again after (not deleted);
- at most one charge per request, and a request is completed iff it is charged;
- no charge above what the customer agreed (the last agreed variation, else the
  accepted quote's net; a fixed price exactly that), VAT at the quote's rate;
- every money change audited: each top-up and adjustment in the ledger has its audit
  event with the same amount, each charge its ``request_completed`` with the same total.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain.money import round_cents

AUDITED_AS = {"topup": "topup", "adjustment": "adjustment"}


def check_money(db: Database) -> dict[str, int]:
    """Assert the invariants; return what was checked (customers, charges, entries)."""
    with db.read() as session:
        customers = session.scalars(select(m.Customer)).all()
        ledger = session.scalars(select(m.LedgerEntry).order_by(m.LedgerEntry.id)).all()
        charges = session.scalars(select(m.Charge)).all()
        requests = {r.id: r for r in session.scalars(select(m.Request))}
        quotes = {q.id: q for q in session.scalars(select(m.Quote))}
        agreed: dict[int, m.Variation] = {}
        for v in session.scalars(select(m.Variation).where(m.Variation.state == "agreed")
                                 .order_by(m.Variation.answered_at, m.Variation.id)):
            agreed[v.request_id] = v  # the last agreed one wins
        audits = session.scalars(select(m.AuditEvent).where(m.AuditEvent.action.in_(
            ["topup", "adjustment", "request_completed"]))).all()
        services = session.scalars(select(m.CustomerService)).all()

    by_customer: dict[int, list[m.LedgerEntry]] = {}
    for entry in ledger:
        by_customer.setdefault(entry.customer_id, []).append(entry)
    for customer in customers:
        entries = by_customer.get(customer.id, [])
        total = sum((e.amount for e in entries), Decimal("0.00"))
        assert customer.balance == total, (customer.code, customer.balance, total)
        if entries:
            assert entries[-1].balance_after == customer.balance, customer.code
        exhausted = customer.balance < 0
        assert (customer.status == "credit_exhausted") is exhausted, customer.code
        for s in (s for s in services if s.customer_id == customer.id):
            # the staged procedure (issue 19): running exactly while active; while exhausted
            # only a monthly service (within its paid period) stays active; otherwise every
            # service is active but those deleted
            facts = (customer.code, s.name, s.state, s.status, s.billing)
            assert (s.status == "running") is (s.state == "active"), facts
            if exhausted:
                assert s.state != "active" or s.billing == "monthly", facts
            else:
                assert s.state in ("active", "deleted"), facts

    charged = Counter(c.request_id for c in charges)
    assert all(n == 1 for n in charged.values()), charged
    for number, request in requests.items():
        assert (request.state == "completed") is (number in charged), (number, request.state)
    for charge in charges:
        quote = quotes[charge.quote_id]
        ceiling = agreed[charge.request_id].amount if charge.request_id in agreed else quote.net
        assert charge.net <= ceiling, (charge.request_id, charge.net, ceiling)
        if charge.kind == "fixed":
            assert charge.net == ceiling, (charge.request_id, charge.net, ceiling)
        # at the top-up VAT point the charge carries no VAT (issue 20)
        vat = 0 if charge.vat_point == "topup" else round_cents(charge.net * quote.vat_rate / 100)
        assert charge.vat == vat, charge.request_id
        assert charge.total == charge.net + charge.vat, charge.request_id

    ledger_moves: Counter[tuple[int | None, str, Decimal]] = Counter(
        (e.customer_id, AUDITED_AS[e.kind], e.amount) for e in ledger if e.kind in AUDITED_AS)
    audit_moves = Counter((a.customer_id, a.action, Decimal(json.loads(a.details)["amount"]))
                          for a in audits if a.action in AUDITED_AS.values())
    assert ledger_moves == audit_moves, (ledger_moves - audit_moves, audit_moves - ledger_moves)
    charge_moves = Counter((e.customer_id, -e.amount) for e in ledger if e.kind == "charge")
    assert charge_moves == Counter((c.customer_id, c.total) for c in charges)
    completed = Counter((a.request_id, Decimal(json.loads(a.details)["total"]))
                        for a in audits if a.action == "request_completed")
    assert completed == Counter((c.request_id, c.total) for c in charges), completed
    return {"customers": len(customers), "charges": len(charges), "entries": len(ledger)}
