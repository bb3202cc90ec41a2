"""The prepaid credit ledger and the credit-exhaustion procedure.

The balance on the customer row always equals the sum of the customer's ledger: every
change of credit goes through :func:`post`, inside the caller's transaction, with the
customer row locked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import AccountStatus, LedgerKind, NoticeKind, ServiceStatus
from app.domain.money import ZERO
from app.services.common import audit, notify


@dataclass(frozen=True)
class Posting:
    entry: m.LedgerEntry
    suspended: tuple[str, ...]
    restarted: tuple[str, ...]


def missing_amount(balance: Decimal) -> Decimal:
    """What a top-up must cover to end credit exhaustion."""
    return -balance if balance < 0 else ZERO


def post(
    db: Database,
    session: Session,
    customer: m.Customer,
    kind: LedgerKind,
    amount: Decimal,
    *,
    actor: str,
    reference: str = "",
    reason: str = "",
    charge_id: int | None = None,
    request_id: int | None = None,
) -> Posting:
    """Append a ledger entry, update the balance and apply exhaustion / restart."""
    new_balance = customer.balance + amount
    entry = m.LedgerEntry(
        customer_id=customer.id,
        kind=kind.value,
        amount=amount,
        balance_after=new_balance,
        at=db.now(),
        reference=reference,
        reason=reason,
        charge_id=charge_id,
        actor=actor,
    )
    session.add(entry)
    customer.balance = new_balance
    suspended: tuple[str, ...] = ()
    restarted: tuple[str, ...] = ()
    was_exhausted = customer.status == AccountStatus.CREDIT_EXHAUSTED
    if new_balance < 0 and not was_exhausted:
        customer.status = AccountStatus.CREDIT_EXHAUSTED.value
        suspended = _set_services(customer, ServiceStatus.SUSPENDED)
        audit(db, session, actor, "credit_exhausted", customer_id=customer.id,
              request_id=request_id, balance=new_balance, missing=-new_balance,
              suspended=list(suspended))
        notify(db, session, customer.id, NoticeKind.CREDIT_EXHAUSTED, request_id=request_id,
               balance=new_balance, missing=-new_balance, suspended=list(suspended))
    elif new_balance >= 0 and was_exhausted:
        customer.status = AccountStatus.ACTIVE.value
        restarted = _set_services(customer, ServiceStatus.RUNNING)
        audit(db, session, actor, "services_restarted", customer_id=customer.id,
              balance=new_balance, restarted=list(restarted))
        notify(db, session, customer.id, NoticeKind.SERVICE_RESTARTED, balance=new_balance,
               restarted=list(restarted))
    return Posting(entry, suspended, restarted)


def _set_services(customer: m.Customer, status: ServiceStatus) -> tuple[str, ...]:
    changed = []
    for service in customer.services:
        if service.status != status:
            service.status = status.value
            changed.append(service.name)
    return tuple(changed)


def ledger_sum(session: Session, customer_id: int) -> Decimal:
    """The sum of a customer's ledger, computed in SQL (for checks and tests)."""
    # The column type already turns hundredths into euros: no further scaling here.
    total = session.scalar(
        select(func.sum(m.LedgerEntry.amount)).where(m.LedgerEntry.customer_id == customer_id)
    )
    return ZERO if total is None else total.quantize(ZERO)
