"""Internal notes and attached files on a request.

Both are added by staff who may work on the request (a technician: on requests
assigned to them, or to nobody yet; team leads and admins: any), audited, and never
changed or deleted afterwards: they are part of the request's record, as the audit is
(a file attached by mistake is said so in a note). On PostgreSQL the grants and
row-level security of ``app/db/privileges.py`` enforce the same.

A file is accepted by what it *is*, not by its name: its first bytes must be those of a
PDF, a PNG or a JPEG, or the whole of it valid UTF-8 text without a NUL (plain text,
logs). At most 10 MiB. It is stored in the database with its SHA-256.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.db.models import MAX_ATTACHMENT_BYTES
from app.domain.errors import NotFoundError, ValidationError, phrase
from app.domain.references import request_reference
from app.services.common import (
    MAX_TEXT,
    audit,
    check_own,
    clean_text,
    get_request,
    require,
)
from app.services.dto import AttachmentView

#: (leading bytes, media type) of the binary kinds accepted
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
TEXT = "text/plain"
MAX_FILENAME = 255


def media_type(content: bytes) -> str | None:
    """The media type of an acceptable file, by content; None for anything else."""
    for magic, kind in SIGNATURES:
        if content.startswith(magic):
            return kind
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return TEXT


def check_file(filename: str, content: bytes) -> tuple[str, str]:
    """(the file's name as stored, its media type), or a clear ValidationError."""
    name = clean_text(PurePath(filename.replace("\\", "/")).name if filename else "",
                      phrase("file name"), MAX_FILENAME)
    if not content:
        raise ValidationError.of("{filename} is empty", filename=name)
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError.of(
            "{filename} is {size} bytes: an attachment may be at most {limit} bytes (10 MB)",
            filename=name, size=len(content), limit=MAX_ATTACHMENT_BYTES)
    kind = media_type(content)
    if kind is None:
        raise ValidationError.of(
            "{filename} is not a PDF, PNG, JPEG or plain text file: it cannot be attached",
            filename=name)
    return name, kind


def attachment_view(row: m.Attachment) -> AttachmentView:
    return AttachmentView(row.id, row.request_id, row.filename, row.media_type, row.size_bytes,
                          row.sha256, row.created_by.username, row.created_at)


def _open_request(db: Database, session: Session, actor: str, number: int) -> tuple[m.Staff,
                                                                                  m.Request]:
    """The actor, allowed to annotate this request, and the request. In every state
    (a note after the charge is still a note); the request itself is neither locked nor
    changed: its History shows the note through the audit event."""
    staff = require(session, actor, "annotate", ownership=False)
    request = get_request(db, session, number, for_update=False)
    check_own(staff, "annotate", request)
    return staff, request


def add_note(db: Database, actor: str, number: int, *, text: str) -> int:
    """An internal note (never shown to the customer), in the request's History."""
    body = clean_text(text, phrase("note"), MAX_TEXT)
    with db.transaction() as session:
        staff, request = _open_request(db, session, actor, number)
        note = m.RequestNote(request_id=number, staff_id=staff.id, text=body,
                             created_at=db.now())
        session.add(note)
        session.flush()
        audit(db, session, staff.username, "note_added", request_id=number,
              customer_id=request.customer_id, note_id=note.id, text=body)
        return note.id


def attach(db: Database, actor: str, number: int, filename: str, content: bytes
           ) -> AttachmentView:
    """Attach a file (checked first: nothing is written for a refused one)."""
    name, kind = check_file(filename, content)
    digest = hashlib.sha256(content).hexdigest()
    with db.transaction() as session:
        staff, request = _open_request(db, session, actor, number)
        row = m.Attachment(request_id=number, filename=name, media_type=kind,
                           size_bytes=len(content), sha256=digest, content=content,
                           created_by_id=staff.id, created_at=db.now(), created_by=staff)
        session.add(row)
        session.flush()
        audit(db, session, staff.username, "file_attached", request_id=number,
              customer_id=request.customer_id, attachment=row.id, filename=name,
              media_type=kind, size=len(content), sha256=digest)
        return attachment_view(row)


def list_attachments(db: Database, number: int) -> list[AttachmentView]:
    with db.read() as session:
        get_request(db, session, number, for_update=False)
        return request_attachments(session, number)


def request_attachments(session: Session, number: int) -> list[AttachmentView]:
    """A request's attachments, oldest first, without their content."""
    return [attachment_view(a) for a in session.scalars(
        select(m.Attachment).where(m.Attachment.request_id == number).order_by(m.Attachment.id))]


def attachment_content(db: Database, attachment_id: int) -> tuple[AttachmentView, bytes]:
    """An attachment and its bytes, checked against the SHA-256 stored with them."""
    with db.read() as session:
        row = session.get(m.Attachment, attachment_id)
        if row is None:
            raise NotFoundError.of("unknown attachment: {ident}", ident=attachment_id)
        content = bytes(row.content)
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise ValidationError.of(
                "attachment {ident} of {request} does not match its SHA-256: it was altered",
                ident=attachment_id, request=request_reference(row.request_id))
        return attachment_view(row), content
