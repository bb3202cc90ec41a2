"""Charge documents and credit notes: their renderers for the worker, and stored right
after they are made on the embedded file (no Qt: the command line and the desktop app
both call these once the charge or the refund committed).

On PostgreSQL the worker renders and stores them (``app/services/document_jobs.py``):
no staff login may (migration 0022), so :func:`after_charge` and :func:`after_refund`
leave them to it (signed in as trusted maintenance, a one-machine set-up, they still
store them at once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.db.database import Database
from app.domain.finance import credit_note_reference
from app.domain.references import request_reference

log = logging.getLogger(__name__)


def renderers() -> dict[str, Callable[[Any], bytes]]:
    """The renderer of each kind of document the worker stores (by the kind's name in
    ``app/services/document_jobs.KINDS``): add a kind's renderer here."""
    from reports.charge_pdf import render_charge_document, render_credit_note
    from ui.finance.invoice_documents import invoice_files

    return {"charge": render_charge_document, "credit_note": render_credit_note,
            "invoice": invoice_files}


def after_charge(db: Database, number: int) -> str | None:
    """Right after a completion committed: its charge document, rendered from the facts
    the database stored with the charge, stored once; its SHA-256. A failure here does
    not undo the charge (it is made): the document is made on its first request."""
    from app.services import charge_documents
    from reports.charge_pdf import render_charge_document

    if not charge_documents.stores_at_once(db):
        return None  # the worker's (it is woken by the charge's commit)
    try:
        return charge_documents.store_charge_pdf(db, number, render_charge_document)
    except Exception as exc:  # the charge committed: never report it as failed
        log.warning("the charge document of %s was not stored now: %s",
                    request_reference(number), exc)
        return None


def after_refund(db: Database, number: int, sequence: int) -> str | None:
    """Right after a refund committed: its credit note, stored once (as :func:`after_charge`)."""
    from app.services import charge_documents
    from reports.charge_pdf import render_credit_note

    if not charge_documents.stores_at_once(db):
        return None  # the worker's
    try:
        return charge_documents.store_credit_note_pdf(db, number, sequence, render_credit_note)
    except Exception as exc:  # the refund committed: its note is made on its first request
        log.warning("the credit note %s was not stored now: %s",
                    credit_note_reference(number, sequence), exc)
        return None
