"""Turning service results into the CLI's JSON (amounts as strings like "475.80")."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.fiscal import address_text as fiscal_address
from app.domain.money import amount_str
from app.services.dto import CustomerView, RequestDetail, RequestRow, ServiceView


def plain(value: Any) -> Any:
    """JSON-ready data: Decimal -> "12.30", dates -> ISO strings, dataclasses -> dicts."""
    if isinstance(value, Decimal):
        return amount_str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def field_words(fields: Any) -> str:
    """A customer's missing fiscal fields in a text line: ``tax code, street``."""
    return ", ".join(str(field).replace("_", " ") for field in fields)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(plain(data), ensure_ascii=False, sort_keys=False)


def service_json(s: ServiceView) -> dict[str, Any]:
    """A service in JSON (``customers show`` and ``services ...``): the keys of before
    (name, kind, status) and the procedure's."""
    return {"name": s.name, "kind": s.kind, "status": s.status, "state": s.state,
            "billing": s.billing, "paid_until": s.paid_until, "next_step": s.next_step,
            "next_step_at": s.next_step_at, "off_at": s.off_at, "archived_at": s.archived_at,
            "deleted_at": s.deleted_at}


def service_line(s: ServiceView) -> str:
    billing = s.billing + (f" paid until {s.paid_until.isoformat()}" if s.paid_until else "")
    text = f"service {s.name} ({s.kind}, {billing}): {s.state}"
    if s.next_step and s.next_step_at:
        text += f", {s.next_step} {s.next_step_at:%Y-%m-%d %H:%M}"
    return text


def customer_json(c: CustomerView) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "lang": c.lang,
        "balance": c.balance,
        "status": c.status,
        "missing": c.missing,
        "address": c.address,
        "fiscal": c.fiscal.as_dict(),
        "invoice_missing": list(c.invoice_missing),
        "low_credit_alert": c.low_credit_alert,
        "email": c.email,
        "services": [service_json(s) for s in c.services],
        "ledger": [
            {"kind": e.kind, "amount": e.amount, "balance_after": e.balance_after, "at": e.at,
             "reference": e.reference, "reason": e.reason}
            for e in c.ledger
        ],
    }


def row_json(r: RequestRow) -> dict[str, Any]:
    return {
        "number": r.number, "customer": r.customer_code, "customer_name": r.customer_name,
        "service": r.service_name, "category": r.category, "subject": r.subject,
        "state": r.state, "priority": r.priority, "assignee": r.assignee,
        "assignee_name": r.assignee_name, "created_at": r.created_at,
        "quote_total": r.quote_total,
        "quote_valid_until": r.quote_valid_until,
        "charged": r.charged, "refunded": r.refunded,
    }


def detail_json(d: RequestDetail) -> dict[str, Any]:
    data = plain(d)
    data["customer"] = customer_json(d.customer)
    data["customer"].pop("ledger")
    return data


def fmt_customer(c: CustomerView) -> str:
    lines = [f"{c.code}  {c.name}  [{c.lang}]",
             f"  balance {amount_str(c.balance)}  status {c.status}"
             + (f"  missing {amount_str(c.missing)}" if c.missing else "")]
    f = c.fiscal
    lines += [f"  {f.kind}" + "".join(f"  {label} {value}" for label, value in (
        ("VAT", f.vat_number), ("tax code", f.tax_code), ("SDI", f.sdi_code), ("PEC", f.pec))
        if value)]
    lines += [f"  {line}" for line in fiscal_address(f).splitlines()]
    lines += [f"  {service_line(s)}" for s in c.services]
    lines += [f"  {e.at:%Y-%m-%d %H:%M}  {e.kind:<10} {amount_str(e.amount):>12}  "
              f"-> {amount_str(e.balance_after):>12}  {e.reference}" for e in c.ledger]
    return "\n".join(lines)
