"""The worker's documents (issue 18): rendered from their stored facts, stored by the worker.

On PostgreSQL no workstation stores a document: the worker's login alone may
(``rit_store_document``, migration 0022). Each round of the worker (and at once when a
charge or refund commits: it LISTENs) takes every document kind of :data:`KINDS` and,
for each item made but with no PDF stored yet, in one transaction: claims it (a
transaction's advisory lock on the kind and the item, tried: an item another worker is
doing is left to it, as SKIP LOCKED would; the worker's login may not lock the rows of
documents, which needs UPDATE on them), reads it again (stored meanwhile: left), builds
its plain document from the facts the database stored with it, renders it (the renderer
is passed in by kind name: ``app/`` imports no ``reports``; see
``ui/finance/documents.py``'s ``renderers()``) and stores it. On the embedded SQLite file
the workstation still renders and stores at once (one trusted workstation); the same job
also runs in ``rit-desk worker`` there, and finds nothing left to do.

A kind of document (a :class:`DocumentKind`) is four functions:

- ``pending(session, limit)``: the ids of its items with no PDF stored yet, oldest first;
- ``take(db, session, ident)``: the item (claimed by the job already), still without a
  PDF, as a :class:`Taken` (its plain document and reference); None when it was stored
  meanwhile;
- ``store(db, session, ident, pdf)``: store the PDF in that transaction; its SHA-256;
- ``render_with(document, render)`` (optional): how the renderer is applied (the charge
  kinds leave out a company logo that cannot be drawn, as quotes do).

To add a kind (invoices, issue 20): write those functions next to your service, call
:func:`register` with ``DocumentKind("invoice", pending, take, store)`` when your module
is imported (import it from ``app/services/worker.py`` so the worker has it), and give
the renderer under the same name in ``ui/finance/documents.py``'s ``renderers()``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CHARGE_DOCUMENTS, CHARGES, CREDIT_NOTES
from app.services import charge_documents as cd
from app.services.charge_documents import DocumentPreparing

log = logging.getLogger(__name__)

#: a renderer: the plain document -> the PDF's bytes
Render = Callable[[Any], bytes]
#: items of one kind taken in one round (the next round, or the next wake, takes more)
BATCH = 200


@dataclass(frozen=True)
class Taken:
    """An item locked for rendering: its plain document and how people name it."""

    document: Any
    reference: str


def _plain(document: Any, render: Render) -> bytes:
    return render(document)


@dataclass(frozen=True)
class DocumentKind:
    name: str
    pending: Callable[[Session, int], Sequence[int]]
    take: Callable[[Database, Session, int], Taken | None]
    store: Callable[[Database, Session, int, bytes], str]
    render_with: Callable[[Any, Render], bytes] = field(default=_plain)


#: the kinds of document the worker renders, by name (the renderers' keys)
KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    """Add (or replace) a kind of document; returns it."""
    KINDS[kind.name] = kind
    return kind


def claim(db: Database, session: Session, kind: str, ident: int) -> bool:
    """Whether this transaction has item ``ident`` of ``kind`` to itself (PostgreSQL: an
    advisory lock held to its end, tried without waiting; SQLite: one writer anyway)."""
    if db.is_sqlite:
        return True
    return bool(session.scalar(select(func.pg_try_advisory_xact_lock(
        func.hashtext(f"rit_document:{kind}"), ident))))


# -- charge documents ---------------------------------------------------------------------
def _charges_pending(session: Session, limit: int) -> Sequence[int]:
    return session.scalars(select(CHARGE_DOCUMENTS.c.charge_id)
                           .where(CHARGE_DOCUMENTS.c.pdf_sha256.is_(None))
                           .order_by(CHARGE_DOCUMENTS.c.charge_id).limit(limit)).all()


def _take_charge(db: Database, session: Session, ident: int) -> Taken | None:
    row = session.execute(cd.CHARGE_ROWS.where(
        CHARGES.c.id == ident, CHARGE_DOCUMENTS.c.pdf_sha256.is_(None))).first()
    if row is None:
        return None
    document = cd.charge_document_of(row, json.loads(row.facts))
    return Taken(document, document.reference)


def _store_charge(db: Database, session: Session, ident: int, pdf: bytes) -> str:
    return cd.store_in(db, session, "charge", ident, pdf)


# -- credit notes -------------------------------------------------------------------------
def _notes_pending(session: Session, limit: int) -> Sequence[int]:
    return session.scalars(select(CREDIT_NOTES.c.id).where(CREDIT_NOTES.c.pdf_sha256.is_(None))
                           .order_by(CREDIT_NOTES.c.id).limit(limit)).all()


def _take_note(db: Database, session: Session, ident: int) -> Taken | None:
    row = session.execute(cd.NOTE_ROWS.where(
        CREDIT_NOTES.c.id == ident, CREDIT_NOTES.c.pdf_sha256.is_(None))).first()
    if row is None:
        return None
    document = cd.credit_note_document_of(row, json.loads(row.facts))
    return Taken(document, document.reference)


def _store_note(db: Database, session: Session, ident: int, pdf: bytes) -> str:
    return cd.store_in(db, session, "credit_note", ident, pdf)


register(DocumentKind("charge", _charges_pending, _take_charge, _store_charge,
                      cd.render_document))
register(DocumentKind("credit_note", _notes_pending, _take_note, _store_note,
                      cd.render_document))


# -- the job ------------------------------------------------------------------------------
def render_pending(db: Database, renderers: Mapping[str, Render]
                   ) -> Iterable[tuple[str, str, str, bool]]:
    """Render and store every pending document of the kinds given a renderer: (job,
    subject, detail, ok) each. A failure (a renderer's, the database's) is reported and
    the item left for the next round."""
    for kind in list(KINDS.values()):
        render = renderers.get(kind.name)
        if render is None:
            continue
        with db.read() as session:
            candidates = list(kind.pending(session, BATCH))
        for ident in candidates:
            subject = f"{kind.name} {ident}"
            try:
                with db.transaction() as session:
                    taken = kind.take(db, session, ident) if claim(
                        db, session, kind.name, ident) else None
                    if taken is None:
                        continue  # another worker's, or stored meanwhile
                    subject = taken.reference
                    sha = kind.store(db, session, ident, kind.render_with(taken.document, render))
            except Exception as exc:  # the next round tries again; the worker goes on
                log.warning("%s not stored: %s", subject, exc)
                yield "document_failed", subject, str(exc) or type(exc).__name__, False
                continue
            yield "document_stored", subject, f"{kind.name}, sha256 {sha[:12]}", True


#: how long printing or saving waits for the worker by default (seconds)
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.2


def wait_for(fetch: Callable[[], bytes], *, timeout: float = WAIT_SECONDS,
             poll: float = POLL_SECONDS) -> bytes:
    """``fetch()`` (a stored document's bytes), asked again while the worker is still
    preparing it, for up to ``timeout`` seconds; then DocumentPreparing saying the worker
    seems not to run. Off the GUI thread (it waits)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return fetch()
        except DocumentPreparing as exc:
            if time.monotonic() >= deadline:
                raise DocumentPreparing.of(
                    "the document {document} is still being prepared after {seconds} s: is "
                    "the worker running (rit-desk worker)?",
                    document=exc.params.get("document", ""), seconds=round(timeout)) from exc
        time.sleep(poll)
