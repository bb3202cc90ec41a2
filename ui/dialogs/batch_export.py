"""Export many quote PDFs into a folder, off the GUI thread, with progress and Cancel.

The PDFs are the stored documents of sent quotes (exactly what the customers
received); they are read from the database in chunks while the files are written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.db.standby import ReadAnswer
from app.domain.errors import ValidationError
from app.domain.texts import check_folder
from app.services import quote_export, quotes
from reports.batch import export_pdfs, pdf_name, period_folder, selection_folder, write_index
from ui.dialogs.base import (
    FieldError,
    ServiceDialog,
    capitalised,
    from_qdate,
    to_qdate,
    with_error,
)
from ui.dialogs.date_edit import DateEdit
from ui.read_source import ReadSourceNote
from ui.worker import run_async

CHUNK = 50


class _Progress(QObject):
    """Carries progress from the export thread to the GUI thread.

    Signals:
        advanced(int, int): files done, files in all.
    """

    advanced = Signal(int, int)


class BatchExportDialog(ServiceDialog):
    """Export ``quote_ids`` (e.g. selected in the table) or the quotes sent in a period
    (the current month at first) into a folder named for it, with a CSV index.

    ``result_value``: the paths written (also after a cancel: those written so far).

    Signals:
        counted(int): how many PDFs the export will write (the period was counted).
    """

    counted = Signal(int)

    def __init__(
        self,
        db: Database,
        actor: str,
        quote_ids: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self._ids = list(quote_ids) if quote_ids else None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advanced)
        self._finished = False
        self._count_asked = 0
        self.count = -1  # the PDFs the export will write (-1: not known yet)
        today = db.today()
        self._today = today
        self.setWindowTitle(self.tr("Export quote PDFs"))

        form = QFormLayout()
        self.since = DateEdit()
        self.until = DateEdit()
        month_end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        for edit, day in ((self.since, today.replace(day=1)), (self.until, month_end)):
            edit.setDate(to_qdate(day))
            edit.setMaximumWidth(160)
        if self._ids is None:
            since_label = QLabel(self.tr("Sent &from:"))
            since_label.setBuddy(self.since)
            until_label = QLabel(self.tr("&To:"))
            until_label.setBuddy(self.until)
            form.addRow(since_label, self.since)
            period_box, self.period_error = with_error(self.until)
            form.addRow(until_label, period_box)
        else:
            self.since.hide()
            self.until.hide()
            self.period_error = FieldError(self)  # no period to get wrong
            form.addRow(self.tr("Selected quotes:"), QLabel(str(len(self._ids))))
        self.folder = QLineEdit(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        self.folder.setMinimumWidth(320)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        folder_widget = QWidget()
        folder_widget.setLayout(folder_row)
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_box, self.folder_error = with_error(folder_widget)
        folder_box.setFocusProxy(self.folder)
        folder_label = QLabel(self.tr("F&older:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_box)

        self.target = QLabel()
        self.target.setObjectName("exportTarget")
        self.target.setWordWrap(True)
        self.target.setStyleSheet("color: palette(dark);")
        form.addRow(self.tr("Into:"), self.target)

        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v of %m"))
        self.bar.hide()  # until there is something to count
        self.status = QLabel(self.tr("Sent quotes only: each PDF is the stored document the "
                                     "customer received."))
        self.status.setWordWrap(True)

        self.export_button = self.add_button(self.tr("&Export"),
                                             QDialogButtonBox.ButtonRole.AcceptRole,
                                             self._start_export)
        self.export_button.setDefault(True)
        self.cancel_button = self.add_cancel()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        # which database the export read (issue 21: the standby, if close enough behind)
        self.source = ReadSourceNote(self._db, self)
        self._answer: ReadAnswer | None = None
        layout.addWidget(self.source)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.folder.textEdited.connect(lambda _t: self.folder_error.clear_message())
        self.folder.textChanged.connect(self._show_target)
        self.since.dateChanged.connect(self._period_changed)
        self.until.dateChanged.connect(self._period_changed)
        self.setMinimumWidth(520)
        self._period_changed()

    # -- choosing ------------------------------------------------------------------------
    def target_folder(self) -> Path:
        """Where the PDFs go: a folder named for the period inside the chosen one."""
        name = (selection_folder(self._today, self.lang) if self._ids is not None  # type: ignore[arg-type]
                else period_folder(from_qdate(self.since.date()),
                                   from_qdate(self.until.date()), self.lang))  # type: ignore[arg-type]
        return Path(self.folder.text().strip()).expanduser() / name

    def _show_target(self) -> None:
        self.target.setText(str(self.target_folder()))

    def _period_changed(self) -> None:
        """Count what the export would write, before it writes anything."""
        self._show_target()
        if self._ids is not None:
            self._counted(len(self._ids), 0)
            return
        since, until = from_qdate(self.since.date()), from_qdate(self.until.date())
        self._count_asked += 1
        asked, db = self._count_asked, self._db
        self.count = -1
        self.export_button.setText(self.tr("&Export"))
        if until < since:
            return
        run_async(lambda: db.reads(lambda read: quote_export.count_sent(read, since, until))[0],
                  lambda n: self._counted(n, asked), lambda _exc: None, self)

    def _counted(self, count: int, asked: int) -> None:
        if asked and asked != self._count_asked:
            return  # the period changed again meanwhile
        self.count = count
        self.export_button.setText(self.tr("&Export %n PDF(s)", "", count))
        self.status.setText(self.tr("%n sent quote(s) to export: each PDF is the stored "
                                    "document the customer received.", "", count))
        self.counted.emit(count)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled and not self._finished)
        for widget in (self.since, self.until, self.folder, self.browse_button):
            widget.setEnabled(enabled and not self._finished)

    # -- exporting -----------------------------------------------------------------------
    def _start_export(self) -> None:
        folder_text = self.folder.text().strip()
        try:  # a control character (a NUL ends a path) or a path too long: nothing written
            check_folder(folder_text)
        except ValidationError as exc:
            self.folder_error.show_message(capitalised(self.error_text(exc)))
            self.folder.setFocus()
            return
        if not folder_text:
            self.folder_error.show_message(self.tr("Choose the folder to export into."))
            return
        folder = self.target_folder()
        if folder.exists() and not folder.is_dir():
            self.folder_error.show_message(self.tr("This is a file, not a folder."))
            return
        since, until = from_qdate(self.since.date()), from_qdate(self.until.date())
        if self._ids is None and until < since:
            self.period_error.show_message(self.tr("The end of the period is before its start."))
            return
        self.period_error.clear_message()
        self._cancel.clear()
        self.status.setText(self.tr("Exporting…"))
        self.cancel_button.setEnabled(True)
        ids = self._ids
        self.run(lambda: self._export(ids, since, until, folder), self._exported,
                 self._failed)

    def _export(
        self, ids: Sequence[int] | None, since: date, until: date, folder: Path
    ) -> list[Path]:
        """Runs off the GUI thread."""
        # every read of the export from one database: the standby when it is close enough
        # behind, else the primary (decided once; the answer shown when it is done)
        read, self._answer = self._db.reads(lambda chosen_db: chosen_db)
        chosen = list(ids) if ids is not None else [
            quote_id for quote_id, _ref in quotes.sent_quotes(read, since, until)]
        self._progress.advanced.emit(0, len(chosen))
        exported: list[int] = []
        written = export_pdfs(self._items(read, chosen, exported), folder,
                              progress=self._progress.advanced.emit,
                              cancelled=self._cancel.is_set, total=len(chosen))
        if written:
            # beside the PDFs: reference, customer, date, amounts and each file's SHA-256
            write_index(folder, quote_export.index_rows(read, exported[:len(written)]),
                        self.lang)  # type: ignore[arg-type]
        return written

    def _items(self, read: Database, ids: Sequence[int],
               exported: list[int]) -> Iterator[tuple[str, bytes]]:
        for start in range(0, len(ids), CHUNK):
            if self._cancel.is_set():
                return
            for quote_id, reference, pdf in quotes.stored_pdfs(read,
                                                                ids[start:start + CHUNK]):
                exported.append(quote_id)
                yield pdf_name(reference), pdf

    def _advanced(self, done: int, total: int) -> None:
        self.bar.show()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _exported(self, paths: list[Path]) -> None:
        self._result = paths
        self._finished = True
        self.set_inputs_enabled(False)
        if self._cancel.is_set():
            text = self.tr("Cancelled. PDFs exported before stopping: %1.").replace(
                "%1", str(len(paths)))
        elif not paths:
            text = self.tr("No sent quote to export.")
        else:
            text = self.tr("PDFs exported: %1, into %2.").replace(
                "%1", str(len(paths))).replace("%2", str(paths[0].parent))
        self.status.setText(text)
        if self._answer is not None:
            self.source.show_answer(self._answer)
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.cancel_button.setEnabled(True)
        if isinstance(exc, OSError):
            self.show_message(self.tr("The files cannot be written: %1").replace(
                "%1", exc.strerror or str(exc)))
        else:
            self.show_message(self.error_text(exc))

    @property
    def running(self) -> bool:
        return self.busy

    def reject(self) -> None:
        """Cancel: stops a running export (the files written so far stay), else closes."""
        if self.busy:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()
