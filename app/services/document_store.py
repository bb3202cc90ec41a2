"""Where a rendered charge document or credit note is stored, and who stores it.

On PostgreSQL ``rit_store_document`` stores it, once, for the worker's login or trusted
maintenance only (migration 0022); on the embedded file the workstation stores it. A
staff login on PostgreSQL asks for a document not stored yet: DocumentPreparing (the
worker renders it; ``document_jobs.wait_for`` waits)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CHARGE_DOCUMENTS, CREDIT_NOTES
from app.domain.errors import PermissionDenied, StateError


class DocumentPreparing(StateError):
    """The document is not stored yet: the worker renders and stores it (PostgreSQL)."""


_STORE = text("SELECT rit_store_document(CAST(:kind AS text), CAST(:id AS integer), "
              "CAST(:pdf AS bytea), CAST(:at AS timestamp))")


def table_of(kind: str) -> tuple[Any, Any]:
    return (CHARGE_DOCUMENTS, CHARGE_DOCUMENTS.c.charge_id) if kind == "charge" else (
        CREDIT_NOTES, CREDIT_NOTES.c.id)


def store_in(db: Database, session: Session, kind: str, ident: int, pdf: bytes) -> str:
    """Store ``pdf`` in ``session``'s transaction unless one is stored already; the stored
    SHA-256 (of the first one). On PostgreSQL ``rit_store_document`` stores it only for
    the worker's login or trusted maintenance (migration 0022): anyone else is refused
    (PermissionDenied) and nothing is written."""
    table, key = table_of(kind)
    identity = db.identity()
    if not (db.is_sqlite or identity.trusted or identity.worker):
        raise PermissionDenied.of("{login} may not store a document: only the worker stores "
                                  "documents", login=identity.login or "")
    if db.is_sqlite:
        session.execute(update(table).where(key == ident, table.c.pdf.is_(None)).values(
            pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(), rendered_at=db.now()))
    else:
        session.execute(_STORE, {"kind": kind, "id": ident, "pdf": pdf, "at": db.now()})
    return str(session.scalar(select(table.c.pdf_sha256).where(key == ident)))


def stores_at_once(db: Database) -> bool:
    """Whether this workstation renders and stores documents itself: on the embedded
    file, or signed in as trusted maintenance; else (a staff login on PostgreSQL) the
    worker does."""
    return db.is_sqlite or db.identity().trusted
