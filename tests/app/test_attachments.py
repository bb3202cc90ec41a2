"""Notes and attachments on a request (issue 19), on SQLite and PostgreSQL.

PDF, PNG, JPEG and plain text (logs) up to 10 MiB each, recognised by their content;
anything else, a file one byte too big, an empty one, a renamed executable: refused with
a clear message and nothing written. Stored with their SHA-256, audited; notes in the
History. Staff who may work on the request add them; finance and other technicians may
not.
"""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from app.db import models as m
from app.db.models import MAX_ATTACHMENT_BYTES
from app.domain.errors import PermissionDenied, ValidationError
from app.services import attachments, queries, requests
from tests.app.conftest import World

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256))
LOG = "2026-12-07 02:00 nginx: upstream timed out (110: Connection timed out) è\n".encode()
#: the first bytes of an ELF executable (Linux) and of a PE one (Windows)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
PE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def _written(world: World) -> tuple[int, int, int]:
    with world.db.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(t)) or 0)  # type: ignore[return-value]
                     for t in (m.Attachment, m.RequestNote, m.AuditEvent))


def _taken(world: World) -> int:
    number = world.request()
    requests.take_request(world.db, "tech", number)
    return number


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("offer.pdf", PDF, "application/pdf"), ("screen.png", PNG, "image/png"),
    ("photo.jpg", JPEG, "image/jpeg"), ("nginx.log", LOG, "text/plain"),
    ("notes.txt", b"plain", "text/plain"),
])
def test_each_kind_is_stored_with_its_hash(world: World, name: str, content: bytes,
                                           kind: str) -> None:
    number = _taken(world)
    view = attachments.attach(world.db, "tech", number, f"/home/tech/{name}", content)
    assert (view.filename, view.media_type, view.size, view.sha256, view.added_by) == (
        name, kind, len(content), hashlib.sha256(content).hexdigest(), "tech")
    again, stored = attachments.attachment_content(world.db, view.id)
    assert stored == content and again == view
    detail = queries.request_detail(world.db, number)
    assert detail.attachments == (view,)
    assert detail.history[-1].action == "file_attached"
    assert detail.history[-1].details["sha256"] == view.sha256


@pytest.mark.parametrize(("name", "content", "message"), [
    ("tool.pdf", ELF, "is not a PDF, PNG, JPEG or plain text file"),  # a renamed executable
    ("setup.txt", PE, "is not a PDF, PNG, JPEG or plain text file"),
    ("latin1.log", "caffè".encode("latin-1"), "is not a PDF"),  # not UTF-8
    ("nul.txt", b"a\x00b", "is not a PDF"),
    ("empty.txt", b"", "is empty"),
    ("big.log", b"a" * (MAX_ATTACHMENT_BYTES + 1), "10485761 bytes: an attachment may be at most"),
])
def test_refused_files_write_nothing(world: World, name: str, content: bytes,
                                     message: str) -> None:
    number = _taken(world)
    before = _written(world)
    with pytest.raises(ValidationError, match=message):
        attachments.attach(world.db, "tech", number, name, content)
    assert _written(world) == before


def test_exactly_ten_megabytes_is_accepted(world: World) -> None:
    number = _taken(world)
    view = attachments.attach(world.db, "lead", number, "big.log", b"a" * MAX_ATTACHMENT_BYTES)
    assert view.size == MAX_ATTACHMENT_BYTES


def test_a_note_is_in_the_history(world: World) -> None:
    number = _taken(world)
    note = attachments.add_note(world.db, "tech", number, text="  Customer called: wait  ")
    last = queries.request_detail(world.db, number).history[-1]
    assert (last.action, last.actor, last.details) == (
        "note_added", "tech", {"note_id": note, "text": "Customer called: wait"})
    before = _written(world)
    with pytest.raises(ValidationError, match="note"):
        attachments.add_note(world.db, "tech", number, text="   ")
    assert _written(world) == before


def test_who_may_add_them(world: World) -> None:
    number = _taken(world)  # tech's
    before = _written(world)
    for who, message in (("fin", "may not add notes and attachments"),
                         ("tech2", "only on their own requests")):
        with pytest.raises(PermissionDenied, match=message):
            attachments.add_note(world.db, who, number, text="x")
        with pytest.raises(PermissionDenied, match=message):
            attachments.attach(world.db, who, number, "a.txt", b"x")
    assert _written(world) == before
    attachments.add_note(world.db, "lead", number, text="checked")
    attachments.add_note(world.db, "tech2", world.request(), text="a free request: mine to see")
