"""Customers, their services and their credit (top-ups and adjustments)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import fiscal
from app.domain.enums import (
    LANGUAGES,
    SERVICE_KINDS,
    AccountStatus,
    Billing,
    LedgerKind,
    ServiceState,
    ServiceStatus,
)
from app.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    Phrase,
    ValidationError,
    phrase,
)
from app.domain.money import ZERO, parse_amount, parse_signed_amount, parse_threshold
from app.domain.texts import parse_email
from app.services import credit, invoices
from app.services import credit_procedure as procedure
from app.services.common import (
    MAX_NAME,
    MAX_REASON,
    MAX_REFERENCE,
    PORTAL,
    audit,
    clean_text,
    customer_by_code,
    require,
    require_portal,
    staff_names,
)
from app.services.dto import CustomerView, LedgerResult, LedgerView, ServiceView

MAX_LEDGER_SHOWN = 200


def _code(value: str) -> str:
    code = clean_text(value, phrase("customer code"), 40)
    if not all(c.isalnum() or c in "-_." for c in code):
        raise ValidationError.of("customer code may hold letters, digits, - _ . only: {code!r}", code=code)
    return code


def fiscal_of(customer: m.Customer) -> fiscal.Fiscal:
    return fiscal.Fiscal(**{name: getattr(customer, name) for name in fiscal.FIELDS})


def customer_view(session: Session, customer: m.Customer, *, ledger: bool = True,
                  warnings: tuple[Phrase, ...] = ()) -> CustomerView:
    entries: tuple[LedgerView, ...] = ()
    if ledger:
        rows = session.scalars(
            select(m.LedgerEntry)
            .where(m.LedgerEntry.customer_id == customer.id)
            .order_by(m.LedgerEntry.id.desc())
            .limit(MAX_LEDGER_SHOWN)
        ).all()
        entries = tuple(
            LedgerView(e.id, e.kind, e.amount, e.balance_after, e.at, e.reference, e.reason,
                       e.actor)
            for e in reversed(rows)
        )
    return CustomerView(
        id=customer.id,
        code=customer.code,
        name=customer.name,
        lang=customer.lang,
        address=customer.address,
        vat_number=customer.vat_number,
        balance=customer.balance,
        status=customer.status,
        missing=credit.missing_amount(customer.balance),
        version=customer.version,
        services=procedure.service_views(session, customer),
        ledger=entries,
        people=staff_names(session, (e.actor for e in entries)),
        fiscal=fiscal_of(customer),
        warnings=warnings,
        low_credit_alert=customer.low_credit_alert,
        email=customer.email,
    )


def add_customer(
    db: Database,
    actor: str | None,
    code: str,
    *,
    name: str,
    credit_amount: Decimal | str | None = None,
    lang: str = "it",
    address: str = "",
    vat_number: str = "",
    data: fiscal.Fiscal | None = None,
    email: str | None = None,
) -> CustomerView:
    """Register a customer; an initial credit is recorded as a top-up in the ledger.

    ``data`` are its fiscal data (``vat_number`` is taken when they carry none); without
    them, or without a kind, a customer with a VAT number is a business, one without a
    consumer."""
    code = _code(code)
    name = clean_text(name, phrase("customer name"), MAX_NAME)
    if lang not in LANGUAGES:
        raise ValidationError.of("language must be it or en: {lang!r}", lang=lang)
    data = data or fiscal.Fiscal(kind="")
    data = replace(data, vat_number=data.vat_number or vat_number)
    if not data.kind:
        data = replace(data, kind="business" if data.vat_number.strip() else "consumer")
    data, warnings = fiscal.check(data)
    address = clean_text(address, phrase("address"), 500, required=False) or \
        fiscal.address_text(data)
    address_to = parse_email(email) if email else None
    initial = parse_amount(credit_amount, phrase("credit")) if credit_amount not in (None, "") else None
    with db.transaction() as session:
        who, acted_for, as_portal = _creator(db, session, actor)
        if session.scalar(select(m.Customer.id).where(m.Customer.code == code)) is not None:
            raise ConflictError.of("customer {code} already exists", code=code)
        customer = m.Customer(code=code, name=name, lang=lang, address=address,
                              balance=ZERO, status=AccountStatus.ACTIVE.value,
                              created_at=db.now(), email=address_to, **data.as_dict())
        session.add(customer)
        session.flush()
        audit(db, session, who, "customer_added", customer_id=customer.id, code=code, name=name)
        if initial is not None:
            credit.move_credit(db, session, code, LedgerKind.TOPUP, initial, actor=who,
                               acted_for=acted_for, as_portal=as_portal,
                               reference="initial credit")
        session.flush()
        return customer_view(session, customer, warnings=warnings)


_KEEP: Any = object()


def set_customer(db: Database, actor: str | None, code: str, *, address: str | None = None,
                 low_credit_alert: Any = _KEEP, email: Any = _KEEP,
                 **changes: str) -> CustomerView:
    """Change a customer in one transaction, audited with the old and new values of what
    changed (``customer_changed``); arguments not given stay.

    - fiscal data and address (an admin, or the control panel): the fields given replace
      the stored ones, then the whole is checked again;
    - ``low_credit_alert`` (admin), the threshold the worker alerts them below, once (0:
      never; None: the setting ``low_credit_alert``); ``email`` (admin), where their
      notices are mailed (None or "": none).
    """
    unknown = sorted(set(changes) - set(fiscal.FIELDS))
    if unknown:
        raise ValidationError.of("unknown customer field: {field}", field=unknown[0])
    contact: dict[str, Any] = {}
    if low_credit_alert is not _KEEP:
        contact["low_credit_alert"] = (None if low_credit_alert is None else
                                       parse_threshold(low_credit_alert,
                                                       phrase("low-credit alert")))
    if email is not _KEEP:
        contact["email"] = parse_email(email) if email else None
    if not changes and address is None and not contact:
        raise ValidationError.of("nothing to change for {code}", code=code)
    with db.transaction() as session:
        who, _acted_for, as_portal = _creator(db, session, actor)
        if contact and as_portal:
            raise PermissionDenied.of("the control panel may not change a customer's email "
                                      "or low-credit alert")
        customer = customer_by_code(db, session, code, for_update=True)
        old = fiscal_of(customer)
        data, warnings = fiscal.check(replace(old, **changes))
        before: dict[str, Any] = {**old.as_dict(), "address": customer.address,
                                  **{k: getattr(customer, k) for k in contact}}
        if address is not None:
            customer.address = clean_text(address, phrase("address"), 500, required=False)
        elif {"street", "postcode", "city", "province", "country"} & set(changes):
            customer.address = fiscal.address_text(data)
        for name, value in data.as_dict().items():
            setattr(customer, name, value)
        for name, value in contact.items():
            setattr(customer, name, value)
        after: dict[str, Any] = {**data.as_dict(), "address": customer.address, **contact}
        changed = {k: {"old": before[k], "new": v} for k, v in after.items() if before[k] != v}
        if changed:
            session.flush()
            audit(db, session, who, "customer_changed", customer_id=customer.id, code=customer.code,
                  changes=changed)
        return customer_view(session, customer, warnings=warnings)


def _creator(db: Database, session: Session, actor: str | None) -> tuple[str, str | None, bool]:
    """Who adds customers and services: an admin, or the control panel (a login of its
    role; without ``--as`` on the embedded database, its owner). Returns the name the
    audit gives, the staff member acted for, and whether it is the control panel."""
    identity = db.identity()
    if actor is None and (identity.portal or identity.trusted):
        if identity.portal and not identity.trusted:
            return PORTAL, None, True
        return identity.label, None, False
    staff = require(session, db.acting(actor) or "", "manage")
    return staff.username, staff.username, False


def _billing(billing: str, paid_until: date | None) -> tuple[str, date | None]:
    """A billing basis as given: hourly (no paid period) or monthly (paid until a day)."""
    if billing not in (Billing.HOURLY, Billing.MONTHLY):
        raise ValidationError.of("billing must be hourly or monthly: {billing!r}",
                                 billing=billing)
    if billing == Billing.HOURLY and paid_until is not None:
        raise ValidationError.of("a service billed by the hour has no paid period: "
                                 "--paid-until is for monthly ones")
    if billing == Billing.MONTHLY and paid_until is None:
        raise ValidationError.of("a monthly service needs the last day paid (--paid-until)")
    return billing, paid_until


def add_service(
    db: Database, actor: str | None, customer_code: str, *, name: str, kind: str = "cloud_server",
    billing: str = Billing.HOURLY, paid_until: date | None = None,
) -> ServiceView:
    """A service of a customer, billed by the hour (the default) or monthly (paid until
    ``paid_until``, the last day paid). Added to an exhausted account it is off unless
    paid through today (the staged credit procedure)."""
    name = clean_text(name, phrase("service name"), MAX_NAME)
    if kind not in SERVICE_KINDS:
        raise ValidationError.of(
            "unknown service kind {kind!r}; one of: {choices}", kind=kind, choices=', '.join(SERVICE_KINDS)
        )
    billing, paid_until = _billing(billing, paid_until)
    with db.transaction() as session:
        who = _creator(db, session, actor)[0]
        # Not locked here (who adds services may not lock customers on PostgreSQL): the
        # embedded database's write lock, or PostgreSQL's trigger services_status, keeps
        # the new service's state in step with a charge exhausting the account meanwhile.
        customer = customer_by_code(db, session, customer_code)
        if any(s.name == name for s in customer.services):
            raise ConflictError.of(
                "customer {code} already has a service named {name!r}", code=customer.code, name=name
            )
        now = db.now()
        state = procedure.state_on_adding(customer.status == AccountStatus.CREDIT_EXHAUSTED,
                                          billing, paid_until, now)
        service = m.CustomerService(
            customer=customer, name=name, kind=kind, billing=billing, paid_until=paid_until,
            state=state.value, off_at=now if state is ServiceState.OFF else None,
            status=(ServiceStatus.RUNNING if state is ServiceState.ACTIVE
                    else ServiceStatus.SUSPENDED).value)
        session.add(service)
        session.flush()
        session.refresh(service)
        audit(db, session, who, "service_added", customer_id=customer.id, service=name, kind=kind,
              billing=billing, paid_until=paid_until.isoformat() if paid_until else None)
        return procedure.service_view(session, customer, service)


def set_service(db: Database, actor: str | None, customer_code: str, name: str, *,
                billing: str | None = None, paid_until: date | None = None) -> ServiceView:
    """Change a service's billing basis or paid period (an admin, or the control panel
    renewing a monthly service). Its state moves only with the credit procedure."""
    with db.transaction() as session:
        who = _creator(db, session, actor)[0]
        customer = customer_by_code(db, session, customer_code)
        service = next((s for s in customer.services if s.name == name), None)
        if service is None:
            raise NotFoundError.of("customer {code} has no service named {name!r}",
                              code=customer.code, name=name)
        if service.state == ServiceState.DELETED:
            raise ConflictError.of("service {name!r} was deleted", name=name)
        new_billing = billing or service.billing
        if paid_until is None and new_billing == service.billing:
            paid_until = service.paid_until
        new_billing, new_paid = _billing(new_billing, paid_until)
        changes = {key: [str(old) if old else None, str(new) if new else None]
                   for key, old, new in (("billing", service.billing, new_billing),
                                         ("paid_until", service.paid_until, new_paid))
                   if old != new}
        if changes:
            service.billing, service.paid_until = new_billing, new_paid
            session.flush()
            audit(db, session, who, "service_changed", customer_id=customer.id, service=name,
                  changes=changes)
        session.refresh(service)
        return procedure.service_view(session, customer, service)


def get_customer(db: Database, code: str) -> CustomerView:
    with db.read() as session:
        return customer_view(session, customer_by_code(db, session, code))


def set_low_credit_alert(db: Database, actor: str, code: str,
                         amount: Decimal | str | None) -> CustomerView:
    """A customer's own low-credit alert threshold (see :func:`set_customer`)."""
    return set_customer(db, actor, code, low_credit_alert=amount)


def list_customers(db: Database, *, exhausted_only: bool = False) -> list[CustomerView]:
    with db.read() as session:
        stmt = select(m.Customer).order_by(m.Customer.name)
        if exhausted_only:
            stmt = stmt.where(m.Customer.status == AccountStatus.CREDIT_EXHAUSTED.value)
        return [customer_view(session, c, ledger=False) for c in session.scalars(stmt)]


def _result(customer_code: str, amount: Decimal, posting: credit.Posting,
            invoice: str | None = None) -> LedgerResult:
    return LedgerResult(customer_code, amount, posting.balance, posting.status,
                        credit.missing_amount(posting.balance), posting.restarted,
                        posting.suspended, invoice)


def topup(
    db: Database,
    actor: str | None,
    customer_code: str,
    amount: Decimal | str,
    *,
    reference: str = "",
    expected_version: int | None = None,
) -> LedgerResult:
    """A top-up: from the control panel (``actor`` None) or recorded by finance."""
    value = parse_amount(amount, phrase("top-up amount"))
    reference = clean_text(reference, phrase("reference"), MAX_REFERENCE, required=False)
    with db.transaction() as session:
        if actor is None:
            require_portal(db)
            who, acted_for = PORTAL, None
        else:
            who = acted_for = require(session, db.acting(actor) or actor, "topup").username
        posting = credit.move_credit(db, session, customer_code, LedgerKind.TOPUP, value,
                                     actor=who, acted_for=acted_for, as_portal=actor is None,
                                     reference=reference or "top-up",
                                     expected_version=expected_version)
        return _result(customer_code, value, posting,
                       invoices.number_in(session, ledger_entry_id=posting.entry_id))


def adjust(
    db: Database,
    actor: str,
    customer_code: str,
    amount: Decimal | str,
    *,
    reason: str,
    expected_version: int | None = None,
) -> LedgerResult:
    """A finance adjustment (+/-) with a reason."""
    value = parse_signed_amount(amount, phrase("adjustment"))
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    with db.transaction() as session:
        who = require(session, db.acting(actor) or actor, "adjust").username
        posting = credit.move_credit(db, session, customer_code, LedgerKind.ADJUSTMENT, value,
                                     actor=who, acted_for=who, reference="adjustment",
                                     reason=reason, expected_version=expected_version)
        return _result(customer_code, value, posting)
