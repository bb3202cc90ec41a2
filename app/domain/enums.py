"""The fixed vocabularies of RIT Desk (codes stored in the database and used by the CLI)."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    SOFTWARE = "software"
    OS_PATCHES = "os_patches"
    SSL = "ssl"
    HARDENING = "hardening"
    TUNING = "tuning"
    BACKUP = "backup"
    NETWORK = "network"
    WEBSITE_MIGRATION = "website_migration"
    P2V_V2V = "p2v_v2v"
    CUSTOM_ENVIRONMENT = "custom_environment"
    OTHER = "other"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


class Role(StrEnum):
    TECHNICIAN = "technician"
    TEAM_LEAD = "team_lead"
    FINANCE = "finance"
    ADMIN = "admin"


class RequestState(StrEnum):
    NEW = "new"
    EVALUATING = "evaluating"
    QUOTED = "quoted"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DECLINED = "declined"
    REJECTED = "rejected"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


CLOSED_STATES = frozenset(
    {RequestState.DECLINED, RequestState.REJECTED, RequestState.EXPIRED, RequestState.CANCELLED}
)


class QuoteKind(StrEnum):
    FIXED = "fixed"
    HOURLY = "hourly"


class QuoteState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # above the technicians' send limit: awaiting a lead's approval
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"  # by its extension: the same lines, a later date (issue 19)


class VariationState(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # by staff while pending (issue 19)
    #: unanswered past variation_expiry_days: the worker closes it, the ceiling unchanged
    LAPSED = "lapsed"


class ServiceStatus(StrEnum):
    RUNNING = "running"
    SUSPENDED = "suspended"


class ServiceState(StrEnum):
    """Where a service stands in the staged credit procedure (issue 19)."""

    ACTIVE = "active"
    OFF = "off"  # switched off: the account exhausted (monthly: its paid period over)
    ARCHIVED = "archived"  # servers archived, network resources disconnected
    DELETED = "deleted"  # irreversibly


class Billing(StrEnum):
    HOURLY = "hourly"
    MONTHLY = "monthly"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    CREDIT_EXHAUSTED = "credit_exhausted"


class LedgerKind(StrEnum):
    TOPUP = "topup"
    CHARGE = "charge"
    ADJUSTMENT = "adjustment"
    REFUND = "refund"  # a credit note: (part of) a charge given back


class NoticeKind(StrEnum):
    REQUEST_RECEIVED = "request_received"
    QUOTE_PROPOSED = "quote_proposed"
    QUOTE_EXTENDED = "quote_extended"
    VARIATION_PROPOSED = "variation_proposed"
    VARIATION_WITHDRAWN = "variation_withdrawn"
    DECLINED = "declined"
    CANCELLED = "request_cancelled"  # by the technical department, after acceptance
    COMPLETED_CHARGED = "completed_charged"
    # cancelled by the technical department charging the work done so far (issue 19)
    CANCELLED_CHARGED = "cancelled_charged"
    CREDIT_EXHAUSTED = "credit_exhausted"
    SERVICE_RESTARTED = "service_restarted"
    # while exhausted (issue 19): a top-up (or refund) that does not cover, a further charge
    CREDIT_STILL_MISSING = "credit_still_missing"
    CREDIT_MISSING_MORE = "credit_missing_more"
    CHARGE_REFUNDED = "charge_refunded"
    # the worker's deadlines (app/services/worker.py)
    QUOTE_REMINDER = "quote_reminder"
    QUOTE_EXPIRED = "quote_expired"
    VARIATION_REMINDER = "variation_reminder"
    VARIATION_LAPSED = "variation_lapsed"
    CREDIT_LOW = "credit_low"
    # the staged credit procedure (issue 19; app/services/credit_procedure.py)
    SERVICES_OFF = "services_off"  # a monthly service off at the end of its paid period
    ARCHIVE_WARNING = "archive_warning"
    SERVICES_ARCHIVED = "services_archived"
    DELETION_WARNING = "deletion_warning"
    SERVICES_DELETED = "services_deleted"


SERVICE_KINDS = ("cloud_server", "vps", "hosting", "cloud_storage", "dedicated_server", "other")
LANGUAGES = ("it", "en")
