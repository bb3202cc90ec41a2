"""The prepaid credit ledger and the credit-exhaustion procedure.

The balance on the customer row always equals the sum of the customer's ledger: every
change of credit goes through :func:`post`, inside the caller's transaction, with the
customer row locked. On PostgreSQL credit moves only through the server functions of
migration 0007 (``rit_post_credit``, ``rit_charge``), which do the same and check who
may: :func:`move_credit` calls the one or does the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.db.tables import CUSTOMERS, LEDGER
from app.db.types import Hundredths, cents, from_cents
from app.domain.enums import AccountStatus, LedgerKind, NoticeKind
from app.domain.errors import ValidationError, phrase
from app.domain.money import CENT, ZERO
from app.services import credit_procedure as procedure
from app.services import invoice_rules
from app.services.common import audit, check_version, customer_by_code, notify
from app.services.settings import money_bounds


@dataclass(frozen=True)
class Posting:
    entry_id: int
    balance: Decimal
    status: str
    suspended: tuple[str, ...]
    restarted: tuple[str, ...]


def check_bounds(session: Session, amount: Decimal) -> None:
    """A top-up, an adjustment or a refund moves between the bounds of the settings (in
    absolute value; never zero), as ``rit_post`` checks on PostgreSQL (migration 0015)."""
    low, high = money_bounds(session)
    if not max(low, CENT) <= abs(amount) <= high:
        raise ValidationError.of(
            "{amount} is outside the limits of one credit operation ({min} to {max})",
            amount=amount, min=low, max=high)


def missing_amount(balance: Decimal) -> Decimal:
    """What a top-up must cover to end credit exhaustion."""
    return -balance if balance < 0 else ZERO




_INSERT_ENTRY = insert(LEDGER).returning(LEDGER.c.id)
_UPDATE_BALANCE = (
    update(CUSTOMERS).where(CUSTOMERS.c.id == bindparam("b_id"))
    .values(balance_cents=bindparam("b_balance", type_=Hundredths()),
            status=bindparam("b_status"), version=CUSTOMERS.c.version + 1)
)


def post_locked(
    db: Database,
    session: Session,
    customer_id: int,
    balance: Decimal,
    status: str,
    kind: LedgerKind,
    amount: Decimal,
    *,
    actor: str,
    reference: str = "",
    reason: str = "",
    charge_id: int | None = None,
    request_id: int | None = None,
) -> Posting:
    """Append a ledger entry, update the balance, apply exhaustion / restart.

    The caller has locked the customer row and passes its ``balance`` and ``status`` as
    read under that lock. Plain SQL statements: this is the hot path of charging.
    """
    new_balance = balance + amount
    entry_id = session.execute(_INSERT_ENTRY, {
        "customer_id": customer_id, "kind": kind.value, "amount_cents": amount,
        "balance_after_cents": new_balance, "at": db.now(), "reference": reference,
        "reason": reason, "charge_id": charge_id, "actor": actor}).scalar_one()
    exhausted = new_balance < 0
    new_status = (AccountStatus.CREDIT_EXHAUSTED if exhausted else AccountStatus.ACTIVE).value
    session.execute(_UPDATE_BALANCE,
                    {"b_id": customer_id, "b_balance": new_balance, "b_status": new_status})
    suspended: tuple[str, ...] = ()
    restarted: tuple[str, ...] = ()
    was_exhausted = status == AccountStatus.CREDIT_EXHAUSTED
    if exhausted and not was_exhausted:
        suspended, still_on = procedure.switch_off(session, customer_id, db.now())
        facts = {"balance": new_balance, "missing": -new_balance, "suspended": list(suspended),
                 "still_on": list(still_on),
                 "archive_at": procedure.archive_date(session, db.now()) if suspended else None}
        audit(db, session, actor, "credit_exhausted", customer_id=customer_id,
              request_id=request_id, **facts)
        notify(db, session, customer_id, NoticeKind.CREDIT_EXHAUSTED, request_id=request_id,
               **facts)
    elif exhausted and was_exhausted:
        # still exhausted: the customer is told what is still missing now
        notify(db, session, customer_id,
               NoticeKind.CREDIT_STILL_MISSING if amount > 0 else NoticeKind.CREDIT_MISSING_MORE,
               request_id=request_id, ledger_kind=kind.value, amount=amount, balance=new_balance,
               missing=-new_balance)
    elif not exhausted and was_exhausted:
        restarted = procedure.restart(session, customer_id)
        audit(db, session, actor, "services_restarted", customer_id=customer_id,
              balance=new_balance, restarted=list(restarted))
        notify(db, session, customer_id, NoticeKind.SERVICE_RESTARTED, balance=new_balance,
               restarted=list(restarted))
    return Posting(entry_id, new_balance, new_status, suspended, restarted)


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
    """:func:`post_locked` for a customer loaded (and locked) through the ORM."""
    session.flush()
    posting = post_locked(db, session, customer.id, customer.balance, customer.status, kind,
                          amount, actor=actor, reference=reference, reason=reason,
                          charge_id=charge_id, request_id=request_id)
    session.expire(customer)  # balance, status, version and services changed in SQL
    return posting


def ledger_sum(session: Session, customer_id: int) -> Decimal:
    """The sum of a customer's ledger, computed in SQL (for checks and tests)."""
    # The column type already turns hundredths into euros: no further scaling here.
    total = session.scalar(
        select(func.sum(m.LedgerEntry.amount)).where(m.LedgerEntry.customer_id == customer_id)
    )
    return ZERO if total is None else total.quantize(ZERO)


_POST_CREDIT = text(
    "SELECT customer_id, entry_id, balance, status, suspended, restarted FROM rit_post_credit("
    "CAST(:code AS text), CAST(:kind AS text), CAST(:amount AS bigint), CAST(:reference AS text), "
    "CAST(:reason AS text), CAST(:acted_for AS text), CAST(:as_portal AS boolean), "
    "CAST(:version AS integer), CAST(:at AS timestamp))")


def move_credit(
    db: Database,
    session: Session,
    code: str,
    kind: LedgerKind,
    amount: Decimal,
    *,
    actor: str,
    acted_for: str | None,
    as_portal: bool = False,
    reference: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> Posting:
    """A top-up or an adjustment of a customer's credit, audited, in the caller's
    transaction. ``actor`` is who the audit names; on PostgreSQL the server function
    decides that from the session (``acted_for``: the staff member a trusted login acts
    for; ``as_portal``: the control panel's top-up) and checks who may. The amount is
    within the bounds of the settings (:func:`check_bounds`, on the server too).
    """
    check_bounds(session, amount)
    if kind is LedgerKind.TOPUP:
        invoice_rules.require_issuable(session, "topup")
    if db.is_sqlite:
        customer = customer_by_code(db, session, code, for_update=True)
        check_version(customer, expected_version, phrase("customer {code}", code=customer.code))
        customer_id = customer.id
        posting = post(db, session, customer, kind, amount, actor=actor, reference=reference,
                       reason=reason)
        if kind is LedgerKind.TOPUP:
            audit(db, session, actor, "topup", customer_id=customer_id, amount=amount,
                  balance=posting.balance)
        else:
            audit(db, session, actor, "adjustment", customer_id=customer_id, amount=amount,
                  reason=reason, balance=posting.balance)
        return posting
    session.flush()
    row = session.execute(_POST_CREDIT, {
        "code": code, "kind": kind.value, "amount": cents(amount), "reference": reference,
        "reason": reason, "acted_for": acted_for, "as_portal": as_portal,
        "version": expected_version, "at": db.now()}).one()
    session.expire_all()  # the customer's balance, status, version and services moved
    return Posting(row.entry_id, from_cents(row.balance), row.status, tuple(row.suspended),
                   tuple(row.restarted))
