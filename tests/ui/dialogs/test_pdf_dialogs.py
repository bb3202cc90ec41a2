"""Quote PDFs: preview, print, export one; export many off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import quotes
from app.services.quotes import LineInput, QuoteInput
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_into
from ui.dialogs.batch_export import BatchExportDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog


def sent_quote(world: World) -> int:
    number = world.taken(world.lead)
    data = QuoteInput("fixed", world.db.today() + timedelta(days=30),
                      lines=[LineInput("Certificato SSL", "1", "90")])
    draft = quotes.create_quote(world.db, world.lead, number, data)
    return quotes.send_quote(world.db, world.lead, draft.id).id


def test_preview_shows_the_stored_document(qtbot: QtBot, world: World) -> None:
    quote_id = sent_quote(world)
    dialog = opened(qtbot, PdfPreviewDialog(world.db, world.finance,
                                            quote_id))
    stored = quotes.stored_pdfs(world.db, [quote_id])[0][2]
    assert dialog.pdf == stored
    assert not dialog.draft_note.isVisible()
    assert dialog.print_button.isEnabled() and dialog.export_button.isEnabled()
    assert dialog.suggested_filename().endswith("_1.pdf")


def test_a_draft_previews_as_a_draft(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    data = QuoteInput("fixed", world.db.today() + timedelta(days=30),
                      lines=[LineInput("Hardening", "1", "200")])
    draft = quotes.create_quote(world.db, world.tech, number, data)
    dialog = opened(qtbot, PdfPreviewDialog(world.db, world.tech, draft.id))
    assert dialog.draft_note.isVisible()
    assert dialog.pdf.startswith(b"%PDF")


def test_export_one_pdf(qtbot: QtBot, world: World, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    quote_id = sent_quote(world)
    dialog = opened(qtbot, PdfPreviewDialog(world.db, world.finance, quote_id))
    target = tmp_path / "out" / "preventivo"
    target.parent.mkdir()
    monkeypatch.setattr("ui.dialogs.pdf_preview.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("preventivo.pdf")
    assert written.read_bytes() == quotes.stored_pdfs(world.db, [quote_id])[0][2]
    assert dialog.result_value == written


def test_print_renders_every_page(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    quote_id = sent_quote(world)
    dialog = opened(qtbot, PdfPreviewDialog(world.db, world.finance, quote_id))
    if dialog.page_count == 0:
        pytest.skip("the fake renderer's bytes are not a real PDF")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.page_count
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_batch_export_of_the_selected_quotes(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    ids = [sent_quote(world) for _ in range(3)]
    dialog = opened(qtbot, BatchExportDialog(world.db, world.finance, ids))
    type_into(qtbot, dialog.folder, str(tmp_path / "export"))

    click(qtbot, dialog, dialog.export_button)

    paths = dialog.result_value
    assert [p.name for p in paths] == [f"RIT-{n:06d}_1.pdf" for n in (1, 2, 3)]
    stored = {ref: pdf for _id, ref, pdf in quotes.stored_pdfs(world.db, ids)}
    assert [p.read_bytes() for p in paths] == list(stored.values())
    assert dialog.bar.value() == dialog.bar.maximum() == 3
    assert not dialog.export_button.isEnabled()
    assert dialog.cancel_button.text() == "&Chiudi"


def test_batch_export_of_a_period(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    for _ in range(2):
        sent_quote(world)
    dialog = opened(qtbot, BatchExportDialog(world.db, world.finance))
    assert dialog.since.isVisible()
    type_into(qtbot, dialog.folder, str(tmp_path))
    click(qtbot, dialog, dialog.export_button)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "RIT-000001_1.pdf", "RIT-000002_1.pdf"]


def test_batch_export_can_be_cancelled(qtbot: QtBot, world: World, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [sent_quote(world) for _ in range(4)]
    go = threading.Event()
    real_stored_pdfs = quotes.stored_pdfs

    # the database answers only once Cancel was pressed
    def slow_stored_pdfs(db: Database, chunk: Sequence[int]) -> list[tuple[int, str, bytes]]:
        assert go.wait(10)
        return real_stored_pdfs(db, chunk)

    monkeypatch.setattr(quotes, "stored_pdfs", slow_stored_pdfs)
    dialog = opened(qtbot, BatchExportDialog(world.db, world.finance, ids))
    type_into(qtbot, dialog.folder, str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    with qtbot.waitSignal(dialog.idle, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        go.set()
    assert dialog.isVisible()  # Cancel stopped the export, not the dialog
    assert dialog.result_value == [], dialog.message.text()
    assert list(tmp_path.glob("*.pdf")) == []
    assert "Annullata" in dialog.status.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # now "Close"
    assert not dialog.isVisible()
