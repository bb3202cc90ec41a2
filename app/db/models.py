"""The central database schema (SQLAlchemy 2 typed declarative models)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.db.types import Hundredths

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    lang: Mapped[str] = mapped_column(String(2), default="it")
    address: Mapped[str] = mapped_column(Text, default="")
    vat_number: Mapped[str] = mapped_column(String(40), default="")
    # fiscal data (migration 0019; app/domain/fiscal.py checks them)
    kind: Mapped[str] = mapped_column(String(10), default="consumer", server_default="consumer")
    tax_code: Mapped[str] = mapped_column(String(28), default="", server_default="")
    sdi_code: Mapped[str] = mapped_column(String(7), default="", server_default="")
    pec: Mapped[str] = mapped_column(String(254), default="", server_default="")
    street: Mapped[str] = mapped_column(String(200), default="", server_default="")
    postcode: Mapped[str] = mapped_column(String(10), default="", server_default="")
    city: Mapped[str] = mapped_column(String(100), default="", server_default="")
    province: Mapped[str] = mapped_column(String(2), default="", server_default="")
    country: Mapped[str] = mapped_column(String(2), default="IT", server_default="IT")
    balance: Mapped[Decimal] = mapped_column("balance_cents", Hundredths())
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the low-credit alert threshold (None: the setting low_credit_alert; 0: none)
    low_credit_alert: Mapped[Decimal | None] = mapped_column("low_credit_alert_cents",
                                                             Hundredths())
    #: where the customer's notices are mailed (migration 0018)
    email: Mapped[str | None] = mapped_column(String(254))
    services: Mapped[list[CustomerService]] = relationship(
        back_populates="customer", order_by="CustomerService.id"
    )
    __mapper_args__ = {"version_id_col": version}


class CustomerService(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("customer_id", "name"), Index("ix_services_name", "name"))
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(30))
    #: running | suspended: ``running`` exactly while ``state`` is active (kept for the
    #: readers of before the staged procedure)
    status: Mapped[str] = mapped_column(String(20))
    # the staged credit procedure (migration 0024; app/domain/credit_steps.py)
    billing: Mapped[str] = mapped_column(String(10), default="hourly", server_default="hourly")
    paid_until: Mapped[date | None] = mapped_column(Date)  # monthly ones: the paid period
    state: Mapped[str] = mapped_column(String(10), default="active", server_default="active")
    off_at: Mapped[datetime | None] = mapped_column(DateTime)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: when the customer was told of the coming archiving / deletion (once each)
    archive_warned_at: Mapped[datetime | None] = mapped_column(DateTime)
    delete_warned_at: Mapped[datetime | None] = mapped_column(DateTime)
    customer: Mapped[Customer] = relationship(back_populates="services")


class Request(Base):
    """A technical intervention request; ``id`` is the request number."""

    __tablename__ = "requests"
    __table_args__ = (
        Index("ix_requests_state_created", "state", "created_at"),
        Index("ix_requests_assignee_state", "assignee_id", "state"),
        Index("ix_requests_priority_created", "priority", "created_at"),
        Index("ix_requests_created", "created_at"),
        Index("ix_requests_customer", "customer_id"),
        # Sort keys of the queue, each with the request number as tie-break (migration
        # 0002; it also adds the priority-rank expression index and the subject trigram
        # index: pg_trgm GIN on PostgreSQL, the FTS5 table requests_fts on SQLite).
        Index("ix_requests_state_id", "state", "id"),
        Index("ix_requests_category_id", "category", "id"),
        Index("ix_requests_subject_id", "subject", "id"),
        Index("ix_requests_quote_total_id", "quote_total_cents", "id"),
        Index("ix_requests_valid_until_id", "quote_valid_until", "id"),
        Index("ix_requests_assignee_id", "assignee_id", "id"),  # migration 0003
        # the queue sorted by customer, of everyone or of one assignee (migration 0004)
        Index("ix_requests_customer_name_id", "customer_name", "id"),
        Index("ix_requests_assignee_customer", "assignee_id", "customer_name", "id"),
        # the dashboard's open workload per assignee (migration 0006)
        Index("ix_requests_state_assignee", "state", "assignee_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    # Denormalised: the customer's name, so the queue sorts by customer without a join.
    # Written by the database (triggers of migration 0004: on insert, on a change of
    # customer_id, on a change of the customer's name), never by the services.
    customer_name: Mapped[str] = mapped_column(String(120), server_default="")
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    category: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    state: Mapped[str] = mapped_column(String(20))
    decline_reason: Mapped[str | None] = mapped_column(Text)
    # Denormalised from the current quote so the queue sorts and shows them without joins.
    quote_total: Mapped[Decimal | None] = mapped_column("quote_total_cents", Hundredths())
    quote_valid_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    customer: Mapped[Customer] = relationship()
    service: Mapped[CustomerService] = relationship()
    assignee: Mapped[Staff | None] = relationship()
    __mapper_args__ = {"version_id_col": version}


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("request_id", "revision"),
        Index("ix_quotes_state_valid", "state", "valid_until"),
        Index("ix_quotes_sent_at", "sent_at"),
        Index("ix_quotes_state_answered", "state", "answered_at", "request_id"),  # 0005
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(12))
    vat_rate: Mapped[Decimal] = mapped_column("vat_rate_hundredths", Hundredths())
    valid_until: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    hourly_rate: Mapped[Decimal | None] = mapped_column("hourly_rate_cents", Hundredths())
    estimated_hours: Mapped[Decimal | None] = mapped_column(
        "estimated_hours_hundredths", Hundredths()
    )
    billing_increment: Mapped[int] = mapped_column(Integer, default=15)
    net: Mapped[Decimal] = mapped_column("net_cents", Hundredths())
    vat: Mapped[Decimal] = mapped_column("vat_cents", Hundredths())
    total: Mapped[Decimal] = mapped_column("total_cents", Hundredths())
    lang: Mapped[str] = mapped_column(String(2), default="it")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answer_reason: Mapped[str | None] = mapped_column(Text)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # the approval of a quote above the technicians' send limit (0016): who submitted it,
    # and the last time a lead returned it to draft, with the reason
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    return_reason: Mapped[str | None] = mapped_column(Text)
    #: when the customer was reminded that its validity ends soon (the worker, 0018)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: at 0 % VAT: why (a key of app.domain.invoices.NATURES) and the law (0025)
    vat_nature: Mapped[str | None] = mapped_column(String(4))
    vat_legal_reference: Mapped[str | None] = mapped_column(String(200))
    request: Mapped[Request] = relationship()
    lines: Mapped[list[QuoteLine]] = relationship(
        order_by="QuoteLine.position", cascade="all, delete-orphan"
    )
    created_by: Mapped[Staff] = relationship(foreign_keys=[created_by_id])
    submitted_by: Mapped[Staff | None] = relationship(foreign_keys=[submitted_by_id])
    returned_by: Mapped[Staff | None] = relationship(foreign_keys=[returned_by_id])
    __mapper_args__ = {"version_id_col": version}


class QuoteLine(Base):
    __tablename__ = "quote_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal] = mapped_column("quantity_hundredths", Hundredths())
    unit_price: Mapped[Decimal] = mapped_column("unit_price_cents", Hundredths())
    amount: Mapped[Decimal] = mapped_column("amount_cents", Hundredths())
    # the price-list item the line was picked from (migration 0017); the line keeps its
    # own description and price, so a retired or repriced item changes no quote
    catalogue_item_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue_items.id"))
    catalogue_item: Mapped[CatalogueItem | None] = relationship()


class CatalogueItem(Base):
    """A routine intervention of the price list (migration 0017): never deleted, retired."""

    __tablename__ = "catalogue_items"
    __table_args__ = (
        CheckConstraint("unit IN ('fixed', 'hour')", name="unit"),
        CheckConstraint("price_cents > 0", name="price"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    description: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(10))
    price: Mapped[Decimal] = mapped_column("price_cents", Hundredths())
    #: the request category it serves; None: every category
    category: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}


class RequestNote(Base):
    """An internal note on a request (migration 0017): never changed, never deleted."""

    __tablename__ = "request_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


#: the largest attachment: 10 MiB (also a check of the table)
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class Attachment(Base):
    """A file attached to a request (migration 0017), stored with its SHA-256: never
    changed, never deleted."""

    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint(f"size_bytes BETWEEN 1 AND {MAX_ATTACHMENT_BYTES}", name="size"),
        CheckConstraint("media_type IN ('application/pdf', 'image/png', 'image/jpeg', "
                        "'text/plain')", name="media_type"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[Staff] = relationship()


class WorkEntry(Base):
    __tablename__ = "work_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    work_date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    staff: Mapped[Staff] = relationship()
    __mapper_args__ = {"version_id_col": version}


class Variation(Base):
    __tablename__ = "variations"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    amount: Mapped[Decimal] = mapped_column("amount_cents", Hundredths())
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    proposed_at: Mapped[datetime] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    #: when the customer was reminded of it (the worker, 0018)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    proposed_by: Mapped[Staff] = relationship()
    __mapper_args__ = {"version_id_col": version}


class Charge(Base):
    """The one charge of a completed request: ``request_id`` is unique (exactly once)."""

    __tablename__ = "charges"
    # migration 0005: the charges of a period, with what the dashboard sums of them
    __table_args__ = (Index("ix_charges_created_category", "created_at", "category", "net_cents"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"))
    kind: Mapped[str] = mapped_column(String(10))
    billable_minutes: Mapped[int] = mapped_column(Integer)
    capped: Mapped[bool] = mapped_column(Boolean)
    net: Mapped[Decimal] = mapped_column("net_cents", Hundredths())
    vat: Mapped[Decimal] = mapped_column("vat_cents", Hundredths())
    total: Mapped[Decimal] = mapped_column("total_cents", Hundredths())
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    # The request's category, written by the database (a trigger of migration 0005 on
    # insert), never by the services: the dashboard sums charges per category alone.
    category: Mapped[str] = mapped_column(String(30), server_default="")
    # the VAT point the charge was made under (migration 0025): at "topup" it carries no
    # VAT and took its net; the quote's zero-VAT nature and legal reference, carried over
    vat_point: Mapped[str] = mapped_column(String(6), server_default="charge")
    vat_nature: Mapped[str | None] = mapped_column(String(4))
    vat_legal_reference: Mapped[str | None] = mapped_column(String(200))


class StoredChargeDocument(Base):
    """The facts of a charge's document, written by the database with the charge
    (migration 0008), and its PDF once rendered (stored once)."""

    __tablename__ = "charge_documents"
    charge_id: Mapped[int] = mapped_column(ForeignKey("charges.id"), primary_key=True)
    facts: Mapped[str] = mapped_column(Text)  # JSON
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    rendered_at: Mapped[datetime | None] = mapped_column(DateTime)


class CreditNote(Base):
    """A refund of (part of) a charge; refunds of one charge never exceed it in total."""

    __tablename__ = "credit_notes"
    __table_args__ = (
        UniqueConstraint("charge_id", "sequence"),
        CheckConstraint("net_cents > 0 AND vat_cents >= 0 AND total_cents = net_cents + vat_cents",
                        name="amounts"),
        Index("ix_credit_notes_created_at", "created_at"),
        Index("ix_credit_notes_customer_id", "customer_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    charge_id: Mapped[int] = mapped_column(ForeignKey("charges.id"))
    sequence: Mapped[int] = mapped_column(Integer)  # 1 for the charge's first credit note
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    net: Mapped[Decimal] = mapped_column("net_cents", Hundredths())
    vat: Mapped[Decimal] = mapped_column("vat_cents", Hundredths())
    total: Mapped[Decimal] = mapped_column("total_cents", Hundredths())
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    facts: Mapped[str] = mapped_column(Text)  # JSON
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    rendered_at: Mapped[datetime | None] = mapped_column(DateTime)


class InvoiceSeries(Base):
    """The last progressive given in each series (document type and year): migration 0026."""
    __tablename__ = "invoice_series"
    type: Mapped[str] = mapped_column(String(4), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Invoice(Base):
    """An invoice (TD01) or credit note (TD04), numbered without gaps in its series, written
    by the database with its top-up, charge or refund; its PDF and XML stored once (0026)."""
    __tablename__ = "invoices"
    __table_args__ = (
        CheckConstraint("type IN ('TD01', 'TD04')", name="type"),
        CheckConstraint("progressive > 0", name="progressive"),
        CheckConstraint("total_cents = net_cents + vat_cents", name="total"),
        CheckConstraint("(type = 'TD04') = (credit_note_id IS NOT NULL)", name="what_for"),
        UniqueConstraint("type", "year", "progressive", name="uq_invoices_type"),
        Index("ix_invoices_issue_date", "issue_date", "id"),
        Index("ix_invoices_customer", "customer_id", "id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(4))
    year: Mapped[int] = mapped_column(Integer)
    progressive: Mapped[int] = mapped_column(Integer)
    issue_date: Mapped[date] = mapped_column(Date)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    charge_id: Mapped[int | None] = mapped_column(ForeignKey("charges.id"), unique=True)
    credit_note_id: Mapped[int | None] = mapped_column(ForeignKey("credit_notes.id"), unique=True)
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    request_id: Mapped[int | None] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(200))
    vat_rate: Mapped[Decimal] = mapped_column("vat_rate_hundredths", Hundredths())
    net: Mapped[Decimal] = mapped_column("net_cents", Hundredths())
    vat: Mapped[Decimal] = mapped_column("vat_cents", Hundredths())
    stamp_duty: Mapped[Decimal] = mapped_column("stamp_duty_cents", Hundredths())
    total: Mapped[Decimal] = mapped_column("total_cents", Hundredths())
    facts: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(DateTime)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    xml: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    xml_sha256: Mapped[str | None] = mapped_column(String(64))
    xml_filename: Mapped[str | None] = mapped_column(String(40))
    rendered_at: Mapped[datetime | None] = mapped_column(DateTime)

class LedgerEntry(Base):
    """Append-only credit ledger: top-ups +, charges -, adjustments +/-."""

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_customer_id", "customer_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[Decimal] = mapped_column("amount_cents", Hundredths())
    balance_after: Mapped[Decimal] = mapped_column("balance_after_cents", Hundredths())
    at: Mapped[datetime] = mapped_column(DateTime)
    reference: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    charge_id: Mapped[int | None] = mapped_column(ForeignKey("charges.id"), unique=True)
    actor: Mapped[str] = mapped_column(String(60))
    # a refund's entry names its credit note (migration 0008: a unique index; the foreign
    # key on PostgreSQL)
    credit_note_id: Mapped[int | None] = mapped_column(
        ForeignKey("credit_notes.id", use_alter=True))


class AuditEvent(Base):
    """Append-only: who did what, when, with which amounts."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_request", "request_id", "id"),
        Index("ix_audit_customer", "customer_id", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    #: the staff member acted for (on PostgreSQL a staff login acts only for itself)
    actor: Mapped[str] = mapped_column(String(60))
    #: the database login that wrote it, set by the database (None on SQLite)
    login: Mapped[str | None] = mapped_column(String(63))
    action: Mapped[str] = mapped_column(String(40))
    request_id: Mapped[int | None] = mapped_column(Integer)
    customer_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class Notice(Base):
    """The outbox the control panel reads: what the customer must be told."""

    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_customer", "customer_id", "id"),
        Index("ix_notices_request", "request_id", "id"),
        Index("ix_notices_delivery", "delivery_state", "id"),  # 0018
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"))
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(DateTime)
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    # its delivery by email (the worker, migration 0018)
    delivery_state: Mapped[str] = mapped_column(String(10), server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    message_id: Mapped[str | None] = mapped_column(String(200))


class LowCreditAlert(Base):
    """A customer told their credit is low: one alert per crossing below the threshold,
    the row removed once a top-up brings the balance back to it (migration 0018)."""

    __tablename__ = "low_credit_alerts"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    balance: Mapped[Decimal] = mapped_column("balance_cents", Hundredths())
    threshold: Mapped[Decimal] = mapped_column("threshold_cents", Hundredths())


class RoleName(Base):
    """The PostgreSQL group roles of this database (``app/db/identity.py``); empty on SQLite."""

    __tablename__ = "role_names"
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(63), unique=True)
