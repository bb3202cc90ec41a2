"""The files of invoices and credit notes: rendered with ``reports/`` and stored (no Qt).

The PDF is the courtesy copy (``reports.invoice_pdf``), the XML the FatturaPA file
(``reports.fatturapa``), validated before it is stored. On the embedded file the
workstation stores them right after the use case that issued the document; on PostgreSQL
the worker does (trusted maintenance; :func:`register` adds the job to its round).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from app.db.database import Database
from app.domain.invoices import InvoiceDocument
from app.services import invoices, worker

log = logging.getLogger(__name__)
KIND = "invoices"


def validated_xml(document: InvoiceDocument) -> bytes:
    """The FatturaPA XML of ``document``, validated (raises when it is not valid)."""
    from reports.fatturapa import render_fatturapa, validate_fatturapa

    xml = render_fatturapa(document)
    validate_fatturapa(xml)
    return xml


def courtesy_pdf(document: InvoiceDocument) -> bytes:
    from reports.invoice_pdf import render_invoice_pdf

    return render_invoice_pdf(document)


RENDERERS = invoices.Renderers(pdf=courtesy_pdf, xml=validated_xml)


def after_use_case(db: Database) -> None:
    """Right after a top-up, charge or refund committed on the embedded file: the files of
    what it issued, stored once. A failure does not undo the use case (it is made): the
    files are made on their first request or by the next worker round."""
    if not db.is_sqlite:
        return  # the worker's
    try:
        invoices.store_unrendered(db, RENDERERS)
    except Exception as exc:  # the money moved: never report it as failed
        log.warning("the documents of an invoice were not stored now: %s", exc)


def worker_job(db: Database) -> Iterable[worker.Done]:
    """The worker's round: every document without its files, rendered and stored (one
    failing, e.g. an XML the validation refuses, is logged and left for the next round)."""
    for ident in invoices.unrendered(db):
        try:
            sha = invoices.store_files(db, ident, RENDERERS)
        except Exception as exc:
            yield worker.Done(KIND, str(ident), f"not stored: {exc}".splitlines()[0], ok=False)
        else:
            yield worker.Done(KIND, str(ident), f"stored (PDF SHA-256 {sha})")


def register() -> None:
    """Add the invoices' job to the worker's round (idempotent)."""
    worker.DOCUMENT_JOBS[KIND] = worker_job
