"""The files of invoices and credit notes: rendered with ``reports/`` and stored (no Qt).

The PDF is the courtesy copy (``reports.invoice_pdf``), the XML the FatturaPA file
(``reports.fatturapa``), validated before it is stored. On the embedded file the
workstation stores them right after the use case that issued the document; on PostgreSQL
the worker does (the kind ``invoice`` of ``app/services/document_jobs.py``, its renderer
:func:`invoice_files` given by ``ui/finance/documents.py``).
"""

from __future__ import annotations

import logging

from app.db.database import Database
from app.domain.invoices import InvoiceDocument
from app.services import invoices

log = logging.getLogger(__name__)


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


def invoice_files(document: InvoiceDocument) -> bytes:
    """The worker's renderer of the kind ``invoice`` (``ui/finance/documents.py``): the
    PDF and the validated XML, packed as the kind stores them."""
    return invoices.render(document, RENDERERS)


def after_use_case(db: Database) -> None:
    """Right after a top-up, charge or refund committed: the files of what it issued,
    stored once, where the workstation stores documents at once (the embedded file,
    trusted maintenance; else the worker does). A failure does not undo the use case (it
    is made): the files are made on their first request or by the worker's next round."""
    from app.services.charge_documents import stores_at_once

    if not stores_at_once(db):
        return  # the worker's
    try:
        invoices.store_unrendered(db, RENDERERS)
    except Exception as exc:  # the money moved: never report it as failed
        log.warning("the documents of an invoice were not stored now: %s", exc)
