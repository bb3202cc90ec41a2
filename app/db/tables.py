"""The mapped tables as Core ``Table`` objects, for the few hot paths written in plain SQL."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table

from app.db import models as m


def table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


AUDIT = table(m.AuditEvent)
NOTICES = table(m.Notice)
LEDGER = table(m.LedgerEntry)
CUSTOMERS = table(m.Customer)
SERVICES = table(m.CustomerService)
REQUESTS = table(m.Request)
QUOTES = table(m.Quote)
WORK = table(m.WorkEntry)
VARIATIONS = table(m.Variation)
STAFF = table(m.Staff)
CHARGES = table(m.Charge)
CHARGE_DOCUMENTS = table(m.StoredChargeDocument)
CREDIT_NOTES = table(m.CreditNote)
SETTINGS = table(m.Setting)
INVOICES = table(m.Invoice)
INVOICE_SERIES = table(m.InvoiceSeries)
