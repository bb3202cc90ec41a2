"""The desktop side of attachments: choosing files, reading and writing them, opening a
copy in its application, asking for a note. No rule here: the services judge the file."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.domain.errors import RitError

if TYPE_CHECKING:  # the services and the schema: imported after the first paint
    from app.services.dto import AttachmentView

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


def ask_note(parent: QWidget) -> str | None:
    """The text of an internal note, or None when cancelled."""
    text, ok = QInputDialog.getMultiLineText(
        parent, Q.translate("Attachments", "Add note"),
        Q.translate("Attachments", "Internal note (never shown to the customer):"))
    return text if ok else None


def choose_attachment(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, Q.translate("Attachments", "Attach file"), "",
        Q.translate("Attachments", "PDF, images, text and logs (*.pdf *.png *.jpg *.jpeg "
                                   "*.txt *.log);;All files (*)"))
    return path


def choose_save_path(parent: QWidget, name: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, Q.translate("Attachments", "Save attachment"),
                                          str(Path.home() / name))
    return path


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def read_limited(path: Path) -> bytes:
    """The file's bytes; one more than an attachment may have at most, for a larger file
    (enough for the service to refuse it without reading it whole)."""
    from app.db.models import MAX_ATTACHMENT_BYTES

    with path.open("rb") as file:
        return file.read(MAX_ATTACHMENT_BYTES + 1)


def unreadable(path: Path, exc: OSError) -> RitError:
    return RitError(Q.translate("Attachments", "Cannot read %1: %2")
                    .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))


def not_opened(path: Path) -> RitError:
    return RitError(Q.translate("Attachments", "No application opens %1: save it instead.")
                    .replace("%1", path.name))


def saved(path: Path) -> str:
    return Q.translate("Attachments", "Saved %1.").replace("%1", str(path))


@cache
def _folder() -> Path:
    """A private folder of this session for the copies opened (removed by the system's
    temporary-file cleaning)."""
    return Path(tempfile.mkdtemp(prefix="rit-desk-attachments-"))


def keep_copy(attachment: AttachmentView, content: bytes) -> Path:
    """A copy of the attachment to open, named as it was attached (run off the GUI thread)."""
    folder = _folder() / str(attachment.id)
    folder.mkdir(exist_ok=True)
    return write_copy(folder / attachment.filename, content)


def write_copy(path: Path, content: bytes) -> Path:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise RitError(Q.translate("Attachments", "Cannot write %1: %2")
                       .replace("%1", str(path)).replace("%2", exc.strerror or str(exc))
                       ) from None
    return path
