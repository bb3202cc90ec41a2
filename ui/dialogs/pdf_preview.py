"""Preview a quote's PDF inside the app, print it, export it.

A sent quote shows exactly the stored document the customer received; a draft is
rendered on the fly and marked as a draft on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.references import quote_reference
from app.services import quotes
from app.services.dto import QuoteView
from reports.batch import safe_filename
from ui import labels
from ui.dialogs.base import WARNING_STYLE, ServiceDialog, resize_within_screen

# pages are rasterised for the printer at no more than this resolution
MAX_PRINT_DPI = 300


@dataclass(frozen=True)
class _Loaded:
    quote: QuoteView
    pdf: bytes


def _read(db: Database, quote_id: int) -> _Loaded:
    return _Loaded(quotes.get_quote(db, quote_id), quotes.quote_pdf(db, quote_id))


class PdfPreviewDialog(ServiceDialog):
    """The quote's PDF in a QPdfView, with Print and Export PDF."""

    guards_input = False  # a document shown, no entries of the user's to lose

    def __init__(
        self, db: Database, actor: str, quote_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, actor, parent)
        self._quote_id = quote_id
        self._quote: QuoteView | None = None
        self._pdf = b""
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("Quote PDF"))
        self.heading = QLabel(self.tr("Loading the document…"))
        self.heading.setWordWrap(True)
        self.draft_note = QLabel(self.tr(
            "Draft: a preview only. The document is stored when the quote is sent."))
        self.draft_note.setStyleSheet(WARNING_STYLE)
        self.draft_note.hide()
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumSize(560, 480)

        self.print_button = self.add_button(self.tr("&Print…"),
                                            QDialogButtonBox.ButtonRole.ActionRole,
                                            self.print_dialog)
        self.export_button = self.add_button(self.tr("&Export PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole,
                                             self.export_dialog)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setDefault(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_dialog)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self._zoom(1.25))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self._zoom(0.8))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 760, 900)
        self.load(partial(_read, db, quote_id), self._loaded, self._load_failed)

    # -- loading -------------------------------------------------------------------------
    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        ready = enabled and bool(self._pdf)
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)

    def _loaded(self, loaded: _Loaded) -> None:
        quote = loaded.quote
        self._quote = quote
        self.show_pdf(loaded.pdf)
        ref = quote_reference(quote.request_number, quote.revision)
        self.setWindowTitle(self.tr("Quote %1").replace("%1", ref))
        state = labels.quote_state_label(quote.state)
        parts = [self.tr("Quote %1").replace("%1", ref), state,
                 labels.money(quote.total, self.lang)]
        if quote.sent_at is not None:
            parts.append(self.tr("sent on %1").replace(
                "%1", labels.date_str(quote.sent_at, self.lang)))
        parts.append(self.tr("valid until %1").replace(
            "%1", labels.date_str(quote.valid_until, self.lang)))
        self.heading.setText(" · ".join(parts))
        self.draft_note.setVisible(quote.pdf_sha256 is None)
        self.set_inputs_enabled(True)

    def _load_failed(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("The document cannot be shown."))
        self.show_message(self.error_text(exc))

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` (the bytes stay in memory for printing and export)."""
        self._pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if self.document.status() == QPdfDocument.Status.Error:
            self.show_message(self.tr("The PDF cannot be displayed (%1).").replace(
                "%1", self.document.error().name))

    @property
    def pdf(self) -> bytes:
        """The bytes shown: for a sent quote, exactly the stored document."""
        return self._pdf

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def suggested_filename(self) -> str:
        quote = self._quote
        if quote is None:
            return "quote.pdf"
        return safe_filename(quote_reference(quote.request_number, quote.revision))

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    # -- printing ------------------------------------------------------------------------
    def print_dialog(self) -> None:
        if not self._pdf:
            return
        printer = ask_printer(self, self.suggested_filename(), self.page_count)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (or the range chosen) on ``printer``; the pages printed."""
        printed = print_document(self.document, printer)
        if printed is None:
            self.show_message(self.tr("The printer cannot be used."))
            return 0
        return printed

    # -- export --------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if not self._pdf:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(Path.home() / self.suggested_filename()),
            self.tr("PDF documents (*.pdf)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the PDF bytes to ``path``; False (and a message) when it cannot."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self._pdf)
        except OSError as exc:
            self.show_message(self.tr("The file cannot be written: %1").replace(
                "%1", exc.strerror or str(exc)))
            return False
        self._result = path
        self.show_message("")
        self.heading.setToolTip(str(path))
        return True


def ask_printer(parent: QWidget, name: str, pages: int) -> QPrinter | None:
    """The system's print dialog for a document of ``pages`` pages; the printer chosen,
    or None when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(1, pages))
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_document(document: QPdfDocument, printer: QPrinter) -> int | None:
    """Render the pages of ``document`` (or the range chosen) on ``printer``; the pages
    printed, or None when the printer cannot be used."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, last) if first > 0 and last >= first else range(count)
    pages = range(max(pages.start, 0), min(pages.stop, count))
    painter = QPainter()
    if not painter.begin(printer):
        return None
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printed = 0
    try:
        for index in pages:
            if printed:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
