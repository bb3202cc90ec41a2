"""Human, translated labels for the codes the services hand back.

Every function takes a code as stored in the database (``"in_progress"``) and returns
the text to show in the current language; an unknown code is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.dates import format_date
from app.domain.money import format_decimal, format_eur, format_hours, format_percent
from app.domain.references import request_reference

# The source strings are listed as literals inside translate() calls so that
# pyside6-lupdate finds them; the dictionaries map codes to those calls lazily.

def _request_states() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("labels", "New"),
        "evaluating": QCoreApplication.translate("labels", "Evaluating"),
        "quoted": QCoreApplication.translate("labels", "Awaiting customer"),
        "accepted": QCoreApplication.translate("labels", "Accepted"),
        "in_progress": QCoreApplication.translate("labels", "In progress"),
        "completed": QCoreApplication.translate("labels", "Completed"),
        "declined": QCoreApplication.translate("labels", "Declined"),
        "rejected": QCoreApplication.translate("labels", "Rejected"),
        "expired": QCoreApplication.translate("labels", "Expired"),
        "cancelled": QCoreApplication.translate("labels", "Cancelled"),
    }


def _quote_states() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("labels", "Draft", "quote"),
        "submitted": QCoreApplication.translate("labels", "Awaiting approval", "quote"),
        "sent": QCoreApplication.translate("labels", "Sent", "quote"),
        "accepted": QCoreApplication.translate("labels", "Accepted", "quote"),
        "rejected": QCoreApplication.translate("labels", "Rejected", "quote"),
        "expired": QCoreApplication.translate("labels", "Expired", "quote"),
        "superseded": QCoreApplication.translate("labels", "Superseded", "quote"),
        "withdrawn": QCoreApplication.translate("labels", "Withdrawn", "quote"),
        "replaced": QCoreApplication.translate("labels", "Replaced (extended)", "quote"),
    }


def _quote_kinds() -> dict[str, str]:
    return {
        "fixed": QCoreApplication.translate("labels", "Fixed price"),
        "hourly": QCoreApplication.translate("labels", "Hourly"),
    }


def _categories() -> dict[str, str]:
    return {
        "software": QCoreApplication.translate("labels", "Software install/upgrade"),
        "os_patches": QCoreApplication.translate("labels", "OS patches"),
        "ssl": QCoreApplication.translate("labels", "SSL certificates"),
        "hardening": QCoreApplication.translate("labels", "Hardening"),
        "tuning": QCoreApplication.translate("labels", "Analysis and tuning"),
        "backup": QCoreApplication.translate("labels", "Ad-hoc backup"),
        "network": QCoreApplication.translate("labels", "Firewall / load balancer / VPN"),
        "website_migration": QCoreApplication.translate("labels", "Website migration"),
        "p2v_v2v": QCoreApplication.translate("labels", "P2V / V2V migration"),
        "custom_environment": QCoreApplication.translate("labels", "Ad-hoc environment"),
        "other": QCoreApplication.translate("labels", "Other"),
    }


def _priorities() -> dict[str, str]:
    return {
        "low": QCoreApplication.translate("labels", "Low"),
        "normal": QCoreApplication.translate("labels", "Normal"),
        "high": QCoreApplication.translate("labels", "High"),
        "urgent": QCoreApplication.translate("labels", "Urgent"),
    }


def _roles() -> dict[str, str]:
    return {
        "technician": QCoreApplication.translate("labels", "Technician"),
        "team_lead": QCoreApplication.translate("labels", "Team lead"),
        "finance": QCoreApplication.translate("labels", "Finance"),
        "admin": QCoreApplication.translate("labels", "Administrator"),
    }


def _variation_states() -> dict[str, str]:
    return {
        "proposed": QCoreApplication.translate("labels", "Awaiting customer"),
        "agreed": QCoreApplication.translate("labels", "Agreed"),
        "refused": QCoreApplication.translate("labels", "Refused"),
        "withdrawn": QCoreApplication.translate("labels", "Withdrawn", "variation"),
        "lapsed": QCoreApplication.translate("labels", "Lapsed (unanswered)"),
    }


def _account_statuses() -> dict[str, str]:
    return {
        "active": QCoreApplication.translate("labels", "Active"),
        "credit_exhausted": QCoreApplication.translate("labels", "Credit exhausted"),
    }


def _customer_kinds() -> dict[str, str]:
    return {
        "business": QCoreApplication.translate("labels", "Business"),
        "consumer": QCoreApplication.translate("labels", "Consumer"),
        "pa": QCoreApplication.translate("labels", "Public administration"),
    }


def _fiscal_fields() -> dict[str, str]:
    """A customer's fiscal fields an invoice may wait for (app/domain/invoices.py)."""
    return {
        "tax_code": QCoreApplication.translate("labels", "tax code"),
        "vat_number": QCoreApplication.translate("labels", "VAT number"),
        "street": QCoreApplication.translate("labels", "street"),
        "postcode": QCoreApplication.translate("labels", "postcode"),
        "city": QCoreApplication.translate("labels", "city"),
    }


def _service_statuses() -> dict[str, str]:
    return {
        "running": QCoreApplication.translate("labels", "Running"),
        "suspended": QCoreApplication.translate("labels", "Suspended"),
    }


def _service_kinds() -> dict[str, str]:
    return {
        "cloud_server": QCoreApplication.translate("labels", "Cloud server"),
        "vps": QCoreApplication.translate("labels", "VPS"),
        "hosting": QCoreApplication.translate("labels", "Hosting"),
        "cloud_storage": QCoreApplication.translate("labels", "Cloud storage"),
        "dedicated_server": QCoreApplication.translate("labels", "Dedicated server"),
        "other": QCoreApplication.translate("labels", "Other"),
    }


def _ledger_kinds() -> dict[str, str]:
    return {
        "topup": QCoreApplication.translate("labels", "Top-up"),
        "charge": QCoreApplication.translate("labels", "Charge"),
        "adjustment": QCoreApplication.translate("labels", "Adjustment"),
        "refund": QCoreApplication.translate("labels", "Refund"),
    }


def _ledger_references() -> dict[str, str]:
    """The references the services write themselves (app.services.customers); as the
    statements print them (reports.finance_texts.ledger_reference)."""
    return {
        "initial credit": QCoreApplication.translate("labels", "initial credit"),
        "top-up": QCoreApplication.translate("labels", "top-up"),
        "adjustment": QCoreApplication.translate("labels", "adjustment"),
    }


def _actions() -> dict[str, str]:
    return {
        "request_submitted": QCoreApplication.translate("labels", "Request submitted"),
        "request_taken": QCoreApplication.translate("labels", "Request taken"),
        "request_assigned": QCoreApplication.translate("labels", "Request assigned"),
        "request_declined": QCoreApplication.translate("labels", "Request declined"),
        "request_cancelled": QCoreApplication.translate("labels", "Request cancelled"),
        "request_completed": QCoreApplication.translate("labels", "Completed and charged"),
        "request_cancelled_charged": QCoreApplication.translate(
            "labels", "Cancelled, work done charged"),
        "priority_changed": QCoreApplication.translate("labels", "Priority changed"),
        "quote_drafted": QCoreApplication.translate("labels", "Quote drafted"),
        "quote_edited": QCoreApplication.translate("labels", "Quote draft edited"),
        "quote_draft_deleted": QCoreApplication.translate("labels", "Quote draft deleted"),
        "quote_sent": QCoreApplication.translate("labels", "Quote sent"),
        "quote_submitted": QCoreApplication.translate("labels", "Quote submitted for approval"),
        "quote_approved": QCoreApplication.translate("labels", "Quote approved"),
        "quote_returned": QCoreApplication.translate("labels", "Quote returned to draft"),
        "quote_accepted": QCoreApplication.translate("labels", "Quote accepted"),
        "quote_rejected": QCoreApplication.translate("labels", "Quote rejected"),
        "quote_expired": QCoreApplication.translate("labels", "Quote expired"),
        "quote_extended": QCoreApplication.translate("labels", "Quote extended"),
        "work_logged": QCoreApplication.translate("labels", "Work logged"),
        "work_edited": QCoreApplication.translate("labels", "Work entry edited"),
        "work_deleted": QCoreApplication.translate("labels", "Work entry deleted"),
        "variation_proposed": QCoreApplication.translate("labels", "Variation proposed"),
        "variation_agreed": QCoreApplication.translate("labels", "Variation agreed"),
        "variation_refused": QCoreApplication.translate("labels", "Variation refused"),
        "variation_withdrawn": QCoreApplication.translate("labels", "Variation withdrawn"),
        "topup": QCoreApplication.translate("labels", "Top-up"),
        "adjustment": QCoreApplication.translate("labels", "Credit adjustment"),
        "refund": QCoreApplication.translate("labels", "Charge refunded (credit note)"),
        "credit_exhausted": QCoreApplication.translate("labels", "Credit exhausted"),
        "services_restarted": QCoreApplication.translate("labels", "Services restarted"),
        "customer_added": QCoreApplication.translate("labels", "Customer added"),
        "service_added": QCoreApplication.translate("labels", "Service added"),
        "staff_added": QCoreApplication.translate("labels", "Staff user added"),
        "setting_changed": QCoreApplication.translate("labels", "Setting changed"),
        "note_added": QCoreApplication.translate("labels", "Note"),
        "file_attached": QCoreApplication.translate("labels", "File attached"),
        # the worker's (issue 18)
        "quote_reminded": QCoreApplication.translate("labels", "Customer reminded of the quote"),
        "variation_reminded": QCoreApplication.translate("labels",
                                                         "Customer reminded of the variation"),
        "variation_lapsed": QCoreApplication.translate("labels", "Variation lapsed"),
        "credit_low_alert": QCoreApplication.translate("labels", "Low-credit alert"),
        "credit_low_cleared": QCoreApplication.translate("labels", "Credit back above the alert"),
        "notice_retry": QCoreApplication.translate("labels", "Email of a notice retried"),
        "customer_changed": QCoreApplication.translate("labels", "Customer changed"),
        # the staged credit procedure (issue 19)
        "service_changed": QCoreApplication.translate("labels", "Service billing changed"),
        "service_switched_off": QCoreApplication.translate("labels", "Service switched off"),
        "service_archive_warned": QCoreApplication.translate(
            "labels", "Customer warned of the archiving"),
        "service_archived": QCoreApplication.translate("labels", "Service archived"),
        "service_deletion_warned": QCoreApplication.translate(
            "labels", "Customer warned of the deletion"),
        "service_deleted": QCoreApplication.translate("labels", "Service deleted"),
    }


def _notices() -> dict[str, str]:
    return {
        "request_received": QCoreApplication.translate("labels", "Request received"),
        "quote_proposed": QCoreApplication.translate("labels", "Quote proposed"),
        "quote_extended": QCoreApplication.translate("labels", "Quote extended"),
        "variation_proposed": QCoreApplication.translate("labels", "Variation proposed"),
        "variation_withdrawn": QCoreApplication.translate("labels", "Variation withdrawn"),
        "declined": QCoreApplication.translate("labels", "Request declined"),
        "request_cancelled": QCoreApplication.translate("labels", "Request cancelled"),
        "completed_charged": QCoreApplication.translate("labels", "Completed and charged"),
        "cancelled_charged": QCoreApplication.translate("labels", "Cancelled, work done charged"),
        "credit_exhausted": QCoreApplication.translate("labels", "Credit exhausted"),
        "service_restarted": QCoreApplication.translate("labels", "Services restarted"),
        "charge_refunded": QCoreApplication.translate("labels", "Charge refunded"),
        "credit_still_missing": QCoreApplication.translate("labels",
                                                           "Credit still exhausted: missing"),
        "credit_missing_more": QCoreApplication.translate("labels",
                                                          "Credit exhausted: more missing"),
        "quote_reminder": QCoreApplication.translate("labels", "Quote about to expire"),
        "quote_expired": QCoreApplication.translate("labels", "Quote expired"),
        "variation_reminder": QCoreApplication.translate("labels", "Variation awaiting answer"),
        "variation_lapsed": QCoreApplication.translate("labels", "Variation lapsed"),
        "credit_low": QCoreApplication.translate("labels", "Credit low"),
        "services_off": QCoreApplication.translate("labels", "Service switched off"),
        "archive_warning": QCoreApplication.translate("labels", "Archiving announced"),
        "services_archived": QCoreApplication.translate("labels", "Service archived"),
        "deletion_warning": QCoreApplication.translate("labels", "Deletion announced"),
        "services_deleted": QCoreApplication.translate("labels", "Service deleted"),
    }


def current_lang() -> str:
    """The language money and dates are written in: the language of the installed
    translation (RIT Desk installs the Italian one for Italian, none for English)."""
    code = QCoreApplication.translate(
        "ui_lang", "en", "the code of this translation's language: it for Italian")
    return "it" if code == "it" else "en"


def _get(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return table.get(code, code)


def state_label(code: str | None) -> str:
    """A request state: ``"quoted"`` -> "Awaiting customer"."""
    return _get(_request_states(), code)


def quote_state_label(code: str | None) -> str:
    return _get(_quote_states(), code)


def quote_kind_label(code: str | None) -> str:
    """``"fixed"`` -> "A corpo" in Italian, ``"hourly"`` -> "A consumo orario"."""
    return _get(_quote_kinds(), code)


def category_label(code: str | None) -> str:
    return _get(_categories(), code)


def priority_label(code: str | None) -> str:
    return _get(_priorities(), code)


def role_label(code: str | None) -> str:
    return _get(_roles(), code)


def variation_state_label(code: str | None) -> str:
    return _get(_variation_states(), code)


def account_status_label(code: str | None) -> str:
    return _get(_account_statuses(), code)


def fiscal_fields_text(fields: Sequence[str]) -> str:
    """``("tax_code", "street")`` -> "tax code, street" in the app's language."""
    names = _fiscal_fields()
    return ", ".join(names.get(field, field) for field in fields)


def customer_kind_label(code: str | None) -> str:
    """A customer's fiscal kind (app/domain/fiscal.py): business, consumer, pa."""
    return _get(_customer_kinds(), code)


def service_status_label(code: str | None) -> str:
    return _get(_service_statuses(), code)


def service_kind_label(code: str | None) -> str:
    return _get(_service_kinds(), code)


def ledger_kind_label(code: str | None) -> str:
    return _get(_ledger_kinds(), code)


def ledger_reference(reference: str | None) -> str:
    """A ledger entry's reference: the services' own ("initial credit") in the user's
    language, anything typed (a bank transfer's reference) as it is."""
    return _get(_ledger_references(), reference)


def action_label(code: str | None) -> str:
    """An audit action: ``"quote_sent"`` -> "Quote sent"."""
    return _get(_actions(), code)


def notice_label(code: str | None) -> str:
    return _get(_notices(), code)


def person(username: str | None, people: Mapping[str, str]) -> str:
    """A staff member as people know them: ``Sara Romano (s.romano)``; the user name alone
    when the name is unknown."""
    if not username:
        return ""
    name = people.get(username)
    return f"{name} ({username})" if name and name != username else username


def actor_label(actor: str | None, people: Mapping[str, str]) -> str:
    """Who acted, in words: a staff member (:func:`person`), the control panel
    (``Control panel · C1022`` for the customer C1022), the system's own jobs; never the
    audit's internal code (``portal:C1022``)."""
    if not actor:
        return ""
    kind, _, rest = actor.partition(":")
    if kind == "portal":
        panel = QCoreApplication.translate("labels", "Control panel")
        return f"{panel} · {rest}" if rest else panel
    if actor == "system":
        return QCoreApplication.translate("labels", "RIT Desk (automatic)")
    if actor == "owner":
        return QCoreApplication.translate("labels", "Database owner (maintenance)")
    return person(actor, people)


def categories() -> list[tuple[str, str]]:
    """(code, label) of every request category, in the domain's order."""
    return list(_categories().items())


def priorities() -> list[tuple[str, str]]:
    return list(_priorities().items())


def request_states() -> list[tuple[str, str]]:
    return list(_request_states().items())


def roles() -> list[tuple[str, str]]:
    return list(_roles().items())


# -- numbers and dates ------------------------------------------------------------------

def money(value: Decimal | None, lang: str = "it") -> str:
    """``€ 1.234,56`` (it) or ``€1,234.56`` (en); empty for None."""
    if value is None:
        return ""
    return format_eur(value, lang)


def number(value: Decimal | None, lang: str = "it", places: int = 2) -> str:
    if value is None:
        return ""
    return format_decimal(value, lang, places)


def file_size(size: int, lang: str = "it") -> str:
    """``812 B``, ``3,4 kB``, ``10,0 MB`` (it; ``3.4 kB`` en): binary kilo and mega, as
    the 10 MB limit of attachments."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{number(Decimal(size) / 1024, lang, 1)} kB"
    return f"{number(Decimal(size) / (1024 * 1024), lang, 1)} MB"


def hours(minutes: int | None) -> str:
    """``2:30`` for 150 minutes."""
    if minutes is None:
        return ""
    return format_hours(minutes)


def local(value: datetime) -> datetime:
    """A stored time (naive UTC) in the workstation's time zone."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def date_str(value: date | datetime | None, lang: str = "it") -> str:
    """``31/12/2026`` (it) or ``31 Dec 2026`` (en); empty for None.

    The one way the app writes a date on screen, and the same as the PDFs
    (:func:`app.domain.dates.format_date`): English names the month, so an English reader
    never has to guess whether 01/11 is January or November.  A ``datetime`` is a stored
    instant (naive UTC) and is shown in local time; a ``date`` (validity, work date) is
    shown as it is.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return format_date(value, lang)


def datetime_str(value: datetime | None, lang: str = "it") -> str:
    """Date and minutes, for timelines: ``31/12/2026 14:05`` (it), ``31 Dec 2026 14:05`` (en)."""
    if value is None:
        return ""
    moment = local(value)
    return f"{date_str(moment, lang)} {moment.strftime('%H:%M')}"


def date_edit_format(lang: str) -> str:
    """The display format of a date input (QDateEdit), the same as :func:`date_str`.

    ``MMM`` is written with the edit's locale: :func:`ui.dialogs.base.date_edit` sets it.
    """
    return "dd/MM/yyyy" if lang == "it" else "dd MMM yyyy"


def request_ref(number_: int) -> str:
    """The reference staff and customers use for a request: ``RIT-000042``."""
    return request_reference(number_)


def vat_point_words(point: str, vat_rate: Decimal, lang: str = "it") -> str:
    """Where VAT is charged, in words (app/domain/vat_point.py vat_wording says the same
    on documents): "IVA assolta sulla ricarica del credito" / "IVA 22% inclusa
    nell'addebito"."""
    if point == "topup":
        return QCoreApplication.translate("labels", "VAT paid on the credit top-up")
    return QCoreApplication.translate("labels", "VAT %1 included in the charge").replace(
        "%1", format_percent(vat_rate, lang))
