"""Audit details and notice payloads written as one readable, translated line."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from ui import labels

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

MONEY_KEYS = {"net", "vat", "total", "amount", "balance", "missing", "limit"}
# not shown: ids, and who submitted a quote (the actor of its own event)
HIDDEN_KEYS = {"sha256", "quote", "entry", "variation", "charge", "request", "customer_id",
               "submitted_by", "note_id", "attachment", "media_type"}


def _key_labels() -> dict[str, str]:
    return {
        "net": Q.translate("Details", "net"),
        "vat": Q.translate("Details", "VAT"),
        "total": Q.translate("Details", "total"),
        "amount": Q.translate("Details", "amount"),
        "balance": Q.translate("Details", "balance"),
        "missing": Q.translate("Details", "missing"),
        "reason": Q.translate("Details", "reason"),
        "state": Q.translate("Details", "state"),
        "kind": Q.translate("Details", "kind"),
        "quote_kind": Q.translate("Details", "kind"),
        "ledger_kind": Q.translate("Details", "kind"),
        "reference": Q.translate("Details", "reference"),
        "valid_until": Q.translate("Details", "valid until"),
        "previously_valid_until": Q.translate("Details", "previously valid until"),
        "replaced": Q.translate("Details", "in place of"),
        "date": Q.translate("Details", "date"),
        "minutes": Q.translate("Details", "duration"),
        "billable_minutes": Q.translate("Details", "billable"),
        "capped": Q.translate("Details", "capped at the agreed amount"),
        "category": Q.translate("Details", "category"),
        "subject": Q.translate("Details", "subject"),
        "service": Q.translate("Details", "service"),
        "services": Q.translate("Details", "services"),
        "note": Q.translate("Details", "note"),
        "role": Q.translate("Details", "role"),
        "username": Q.translate("Details", "user"),
        "revision": Q.translate("Details", "revision"),
        "key": Q.translate("Details", "setting"),
        "limit": Q.translate("Details", "send limit"),
        "text": Q.translate("Details", "note"),
        "filename": Q.translate("Details", "file"),
        "size": Q.translate("Details", "size"),
    }


def _money(value: object, lang: str) -> str:
    try:
        return labels.money(Decimal(str(value)), lang)
    except (InvalidOperation, ValueError):
        return str(value)


def _date(value: object, lang: str) -> str:
    try:
        return labels.date_str(date.fromisoformat(str(value)[:10]), lang)
    except ValueError:
        return str(value)


def _value(key: str, value: object, lang: str, action: str) -> str:
    formatters: dict[str, Callable[[object], str]] = {
        "state": lambda v: labels.state_label(str(v)),
        "kind": lambda v: labels.quote_kind_label(str(v)),
        "quote_kind": lambda v: labels.quote_kind_label(str(v)),
        "ledger_kind": lambda v: labels.ledger_kind_label(str(v)),
        "category": lambda v: labels.category_label(str(v)),
        "role": lambda v: labels.role_label(str(v)),
        "minutes": lambda v: labels.hours(int(str(v))),
        "billable_minutes": lambda v: labels.hours(int(str(v))),
        "valid_until": lambda v: _date(v, lang),
        "previously_valid_until": lambda v: _date(v, lang),
        "date": lambda v: _date(v, lang),
    }
    if action in ("topup", "adjustment") and key == "kind":
        return labels.ledger_kind_label(str(value))
    if key in MONEY_KEYS:
        return _money(value, lang)
    if key == "size" and isinstance(value, int):
        return labels.file_size(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    formatter = formatters.get(key)
    return formatter(value) if formatter else str(value)


def _before_after(action: str, before: object, after: object, lang: str,
                  people: Mapping[str, str]) -> str:
    def one(value: object) -> str:
        if value is None or value == "":
            return Q.translate("Details", "unassigned") if action == "request_assigned" else "—"
        if action == "request_assigned":
            return labels.person(str(value), people)
        if action == "priority_changed":
            return labels.priority_label(str(value))
        if isinstance(value, dict):
            parts = []
            if "date" in value:
                parts.append(_date(value["date"], lang))
            if "minutes" in value:
                parts.append(labels.hours(int(str(value["minutes"]))))
            if value.get("note"):
                parts.append(str(value["note"]))
            return " ".join(parts)
        return str(value)

    return f"{one(before)} → {one(after)}"


def describe(action: str, details: dict[str, object], lang: str = "it",
             people: Mapping[str, str] | None = None) -> str:
    """``"total: € 1.220,00 · valid until: 31/12/2026"`` for an audit event or notice;
    ``people`` names the staff in it (an assignment: ``Tom Tech (tom) → Tina Tech (tina)``)."""
    keys = _key_labels()
    parts: list[str] = []
    if "before" in details or "after" in details:
        parts.append(_before_after(action, details.get("before"), details.get("after"), lang,
                                    people or {}))
    for key, value in details.items():
        if key in HIDDEN_KEYS or key in ("before", "after") or value in (None, ""):
            continue
        if key == "capped":
            if value:
                parts.append(keys["capped"])
            continue
        label = keys.get(key, key.replace("_", " "))
        parts.append(f"{label}: {_value(key, value, lang, action)}")
    return " · ".join(parts)
