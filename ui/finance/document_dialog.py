"""A finance document in a dialog: made off the GUI thread, shown in a PDF view, printed,
exported as PDF (and CSV where the document has one).

Subclasses put their options above the view, read them in :meth:`options` (on the GUI
thread) and implement :meth:`make` (a static method: it runs on a worker thread and must
not hold the dialog), which returns the document's PDF (and CSV, or None) for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMainWindow, QWidget

from app.db.database import Database
from reports.batch import safe_filename
from ui.dialogs.base import MESSAGE_STYLE, ServiceDialog, resize_within_screen
from ui.dialogs.pdf_preview import ask_printer, print_document

Q = QCoreApplication  # Q.translate("DocumentDialog", text): one context for every subclass

#: the dialog's message once a file is saved (not an error)
SAVED_STYLE = ("QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
               " border-radius: 4px; padding: 6px; }")


def say_saved(dialog: ServiceDialog, path: Path) -> None:
    """A file ``dialog`` wrote to ``path``: said in its message (green) and in the main
    window's status bar (its ``show_message`` turns the message back to an error's)."""
    text = Q.translate("DocumentDialog", "Saved %1").replace("%1", str(path))
    dialog.message.setStyleSheet(SAVED_STYLE)
    dialog.message.setText(text)
    dialog.message.show()
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 30000)


@dataclass(frozen=True)
class Made:
    """A document as made: its PDF, its CSV (None if it has none), a heading, a name."""

    pdf: bytes
    csv: bytes | None
    heading: str
    name: str  # for the file name suggested on export
    data: Any = None  # what else a subclass keeps from the making


class DocumentDialog(ServiceDialog):
    """The PDF view and the Print / Export buttons of every finance document."""

    guards_input = False  # options, no entries of the user's to lose

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self.made: Made | None = None
        self._buffer: QBuffer | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("documentHeading")
        self.heading.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumSize(560, 420)
        self.print_button = self.add_button("", QDialogButtonBox.ButtonRole.ActionRole,
                                            self.print_dialog)
        self.pdf_button = self.add_button("", QDialogButtonBox.ButtonRole.ActionRole,
                                          self.export_pdf_dialog)
        self.csv_button = self.add_button("", QDialogButtonBox.ButtonRole.ActionRole,
                                          self.export_csv_dialog)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_dialog)
        self.retranslate_document()
        resize_within_screen(self, 820, 900)

    def retranslate_document(self) -> None:
        self.print_button.setText(Q.translate("DocumentDialog", "&Print…"))
        self.pdf_button.setText(Q.translate("DocumentDialog", "Export &PDF…"))
        self.csv_button.setText(Q.translate("DocumentDialog", "Export &CSV…"))
        self.close_button.setText(Q.translate("DocumentDialog", "&Close"))

    # -- making --------------------------------------------------------------------------
    def options(self) -> Any:
        """What the document is made of, as chosen in the dialog (read on the GUI thread)."""
        raise NotImplementedError

    @staticmethod
    def make(db: Database, actor: str, options: Any) -> Made:
        """The document for ``options`` (runs off the GUI thread)."""
        raise NotImplementedError

    def show_document(self) -> None:
        """Make the document for the options now set, and show it."""
        self.heading.setText(Q.translate("DocumentDialog", "Preparing the document…"))
        self.load(partial(type(self).make, self._db, self._actor, self.options()), self._made,
                  self._failed)

    def _made(self, made: Made) -> None:
        self.made = made
        self.heading.setText(made.heading)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(made.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.set_inputs_enabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.heading.setText(Q.translate("DocumentDialog", "The document cannot be made."))
        self.show_message(self.error_text(exc))

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        made = self.made if enabled else None
        self.print_button.setEnabled(made is not None)
        self.pdf_button.setEnabled(made is not None)
        self.csv_button.setEnabled(made is not None and made.csv is not None)
        self.csv_button.setVisible(self.has_csv())

    def has_csv(self) -> bool:
        return True

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    # -- print and export ------------------------------------------------------------------
    def print_dialog(self) -> None:
        if self.made is None:
            return
        printer = ask_printer(self, self.made.name, self.page_count)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        printed = print_document(self.document, printer)
        if printed is None:
            self.show_message(Q.translate("DocumentDialog", "The printer cannot be used."))
            return 0
        return printed

    def export_pdf_dialog(self) -> None:
        if self.made is not None:
            self._save_dialog("pdf", Q.translate("DocumentDialog", "PDF documents (*.pdf)"))

    def export_csv_dialog(self) -> None:
        if self.made is not None and self.made.csv is not None:
            self._save_dialog("csv", Q.translate("DocumentDialog", "CSV files (*.csv)"))

    def _save_dialog(self, suffix: str, kinds: str) -> None:
        assert self.made is not None
        suggested = Path.home() / f"{safe_filename(self.made.name).removesuffix('.pdf')}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, Q.translate("DocumentDialog", "Export"),
                                              str(suggested), kinds)
        if path:
            self.export_to(Path(path), suffix)

    def export_to(self, path: Path, suffix: str = "pdf") -> bool:
        """Write the PDF (or the CSV) to ``path``; False (and a message) when it cannot."""
        if self.made is None:
            return False
        content = self.made.pdf if suffix == "pdf" else self.made.csv
        if content is None:
            return False
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        try:
            path.write_bytes(content)
        except OSError as exc:
            self.show_message(Q.translate("DocumentDialog", "The file cannot be written: %1")
                              .replace("%1", exc.strerror or str(exc)))
            return False
        self.heading.setToolTip(str(path))
        self.say_saved(path)
        return True

    def say_saved(self, path: Path) -> None:
        """The file was written: said in the dialog and in the main window's status bar."""
        say_saved(self, path)

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(MESSAGE_STYLE)  # an error again, after a "Saved"
        super().show_message(text)
