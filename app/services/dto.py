"""Plain data the services hand back to the GUI, the CLI and the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.domain.errors import Phrase
from app.domain.fiscal import Fiscal
from app.services.queue_rows import (  # noqa: F401 - the queue's, named from here too
    Drill,
    Page,
    RequestFilter,
    RequestRow,
    StaffView,
    charged_row,
)


@dataclass(frozen=True)
class ServiceView:
    id: int
    name: str
    kind: str
    status: str
    # the staged credit procedure (issue 19): its state, billing basis and next step
    state: str = "active"
    billing: str = "hourly"
    paid_until: date | None = None
    next_step: str | None = None  # off | archive | delete
    next_step_at: datetime | None = None
    #: when it went off, was archived, was deleted (the current round of the procedure)
    off_at: datetime | None = None
    archived_at: datetime | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class LedgerView:
    id: int
    kind: str
    amount: Decimal
    balance_after: Decimal
    at: datetime
    reference: str
    reason: str
    actor: str


@dataclass(frozen=True)
class CustomerView:
    id: int
    code: str
    name: str
    lang: str
    address: str
    vat_number: str
    balance: Decimal
    status: str
    missing: Decimal
    version: int
    services: tuple[ServiceView, ...] = ()
    ledger: tuple[LedgerView, ...] = ()
    #: the staff names of the ledger's actors (username -> name)
    people: dict[str, str] = field(default_factory=dict)
    fiscal: Fiscal = field(default_factory=Fiscal)
    #: what the last change of the fiscal data should tell (e.g. 0000000 given)
    warnings: tuple[Phrase, ...] = ()
    #: the customer's own low-credit alert threshold (None: the setting's; 0: no alert)
    low_credit_alert: Decimal | None = None
    #: where the customer's notices are mailed
    email: str | None = None

    @property
    def invoice_missing(self) -> tuple[str, ...]:
        """The fiscal data an invoice to this customer waits for (its files are made once
        they are set: ``app/domain/invoices.py`` ``missing_buyer_data``); empty when none."""
        # not at import: app.services.dto is read before the first page is painted
        from app.domain.invoices import missing_buyer_fields

        f = self.fiscal
        return missing_buyer_fields(self.name, f.kind, f.vat_number, f.tax_code, f.street,
                                    f.postcode, f.city, f.country)


@dataclass(frozen=True)
class QuoteLineView:
    position: int
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    #: the code of the price-list item it was picked from, if any
    item: str | None = None


@dataclass(frozen=True)
class CatalogueItemView:
    """A routine intervention of the price list."""

    id: int
    code: str
    description: str
    unit: str  # fixed or hour
    price: Decimal
    category: str | None  # None: every category
    active: bool
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class AttachmentView:
    """A file attached to a request (its content is read on its own)."""

    id: int
    request_number: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class QuoteView:
    id: int
    request_number: int
    revision: int
    kind: str
    state: str  # effective: a sent quote past its validity reads "expired"
    stored_state: str
    vat_rate: Decimal
    valid_until: date
    notes: str
    hourly_rate: Decimal | None
    estimated_hours: Decimal | None
    billing_increment: int
    net: Decimal
    vat: Decimal
    total: Decimal
    lang: str
    created_by: str
    created_at: datetime
    sent_at: datetime | None
    answered_at: datetime | None
    pdf_sha256: str | None
    version: int
    lines: tuple[QuoteLineView, ...] = ()
    # the approval of a quote above the technicians' send limit: who submitted it, and
    # the last return to draft by a team lead, with the reason
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    returned_by: str | None = None
    returned_at: datetime | None = None
    return_reason: str | None = None
    #: at 0 % VAT: the nature and its legal reference (issue 20)
    vat_nature: str | None = None
    legal_reference: str | None = None


@dataclass(frozen=True)
class WorkEntryView:
    id: int
    request_number: int
    staff: str
    staff_name: str
    work_date: date
    minutes: int
    billable_minutes: int
    note: str
    created_at: datetime
    version: int


@dataclass(frozen=True)
class VariationView:
    id: int
    request_number: int
    amount: Decimal
    reason: str
    state: str
    proposed_by: str
    proposed_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class ChargeView:
    request_number: int
    kind: str
    billable_minutes: int
    capped: bool
    net: Decimal
    vat: Decimal
    total: Decimal
    created_at: datetime
    created_by: str
    #: the credit notes' total (VAT included) against this charge
    refunded: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    actor: str
    action: str
    details: dict[str, object]


@dataclass(frozen=True)
class NoticeView:
    id: int
    kind: str
    at: datetime
    request_number: int | None
    payload: dict[str, object]
    #: its delivery by email (issue 18): pending, sent, failed; skipped (before delivery)
    delivery_state: str = ""
    attempts: int = 0
    sent_at: datetime | None = None
    error: str | None = None


@dataclass(frozen=True)
class WorkSummary:
    """Work against the agreed ceiling (what the Work tab's bar shows)."""

    logged_minutes: int
    billable_minutes: int
    work_amount: Decimal | None  # hourly: billable hours x rate
    ceiling: Decimal | None  # the agreed amount (indicative total or last agreed variation)
    usage: Decimal | None  # work_amount / ceiling
    warning: str  # "", "near" (>= 80 %) or "over" (>= 100 %)
    #: billable work beyond the ceiling, not charged (app.domain.pricing.over_ceiling)
    minutes_not_charged: int = 0
    amount_not_charged: Decimal = Decimal(0)


@dataclass(frozen=True)
class RequestDetail:
    number: int
    state: str
    category: str
    subject: str
    description: str
    priority: str
    assignee: str | None
    assignee_name: str | None
    decline_reason: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    customer: CustomerView
    service: ServiceView
    quotes: tuple[QuoteView, ...]
    work: tuple[WorkEntryView, ...]
    variations: tuple[VariationView, ...]
    charge: ChargeView | None
    history: tuple[AuditView, ...]
    notices: tuple[NoticeView, ...]
    work_summary: WorkSummary
    current_quote: QuoteView | None = None
    agreed_quote: QuoteView | None = None
    #: the names of the staff who acted (history, variations, charge): username -> name
    people: dict[str, str] = field(default_factory=dict)
    #: the files attached to it, oldest first (without their content)
    attachments: tuple[AttachmentView, ...] = ()


@dataclass(frozen=True)
class ChargePreview:
    """The charge a completion would make, and what it does to the credit."""

    request_number: int
    kind: str
    logged_minutes: int
    billable_minutes: int
    increment: int
    hourly_rate: Decimal | None
    work_amount: Decimal | None
    ceiling: Decimal
    capped: bool
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal
    balance_before: Decimal
    balance_after: Decimal
    exhausts_credit: bool
    #: billable work beyond the ceiling, not charged (app.domain.pricing.over_ceiling)
    minutes_not_charged: int = 0
    amount_not_charged: Decimal = Decimal(0)
    #: where VAT is charged (app/domain/vat_point.py): at "topup" the charge has no VAT
    vat_point: str = "charge"

    @property
    def taken_from_credit(self) -> Decimal:
        """What the completion takes from the credit: the net at the top-up point, net +
        VAT at the charge point (= total either way)."""
        return self.total


@dataclass(frozen=True)
class CompletionResult:
    request_number: int
    net: Decimal
    vat: Decimal
    total: Decimal
    balance: Decimal
    status: str  # account status after the charge
    missing: Decimal
    suspended_services: tuple[str, ...] = ()
    invoice: str | None = None  # the invoice the charge issued ("FT 2026/000001"), if any


@dataclass(frozen=True)
class LedgerResult:
    customer_code: str
    amount: Decimal
    balance: Decimal
    status: str
    missing: Decimal
    restarted_services: tuple[str, ...] = ()
    suspended_services: tuple[str, ...] = ()
    invoice: str | None = None  # the invoice a top-up issued, if any
