"""Quote PDFs: preview, print, export one; export many off the GUI thread."""

from __future__ import annotations

import hashlib
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
from ui.dialogs.base import from_qdate
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
    assert dialog.count == 3 and dialog.export_button.text() == "&Esporta 3 PDF"
    type_into(qtbot, dialog.folder, str(tmp_path / "export"))
    folder = tmp_path / "export" / f"Preventivi selezionati {world.db.today().isoformat()}"
    assert dialog.target.text() == str(folder)

    click(qtbot, dialog, dialog.export_button)

    paths = dialog.result_value
    assert [p.name for p in paths] == [f"RIT-{n:06d}-r1.pdf" for n in (1, 2, 3)]
    assert {p.parent for p in paths} == {folder}
    stored = {ref: pdf for _id, ref, pdf in quotes.stored_pdfs(world.db, ids)}
    assert [p.read_bytes() for p in paths] == list(stored.values())
    assert dialog.bar.value() == dialog.bar.maximum() == 3
    assert not dialog.export_button.isEnabled()
    assert dialog.cancel_button.text() == "&Chiudi"


def test_batch_export_of_a_period(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    """The current month at first, counted before anything is written, into a folder
    named for it, with a CSV index whose hashes are the files'."""
    for _ in range(2):
        sent_quote(world)
    dialog = BatchExportDialog(world.db, world.finance)
    with qtbot.waitSignal(dialog.counted, timeout=5000) as counted:
        opened(qtbot, dialog)
    assert counted.args == [2] and dialog.count == 2
    today = world.db.today()
    assert from_qdate(dialog.since.date()) == today.replace(day=1)
    assert from_qdate(dialog.until.date()).month == today.month
    assert dialog.export_button.text() == "&Esporta 2 PDF"
    assert "2 preventivi inviati da esportare" in dialog.status.text()
    type_into(qtbot, dialog.folder, str(tmp_path))
    click(qtbot, dialog, dialog.export_button)
    folder = tmp_path / f"Preventivi {today:%Y-%m}"
    assert sorted(p.name for p in folder.glob("*.pdf")) == [
        "RIT-000001-r1.pdf", "RIT-000002-r1.pdf"]
    lines = (folder / "indice.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Riferimento;Codice cliente;Cliente;Data;Imponibile;IVA;Totale;SHA-256"
    rows = [line.split(";") for line in lines[1:]]
    assert [r[0] for r in rows] == ["RIT-000001/1", "RIT-000002/1"]
    for row in rows:
        pdf = folder / f"{row[0].replace('/', '-r')}.pdf"
        assert row[7] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert row[3] == today.strftime("%d/%m/%Y") and "," in row[6]


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
    assert list(tmp_path.rglob("*.pdf")) == []
    assert "Annullata" in dialog.status.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # now "Close"
    assert not dialog.isVisible()
