"""Every free-text field of the dialogs refuses a NUL (or another control character) and
more characters than the service takes, at the field, in the app's words (Italian here),
as it is typed or pasted: nothing is sent to the database, the dialog stays open with
what was typed. A paste longer than the limit is said, not cut silently (a 100,000-
character paste into the decline reason used to be cut to 1,000 characters and saved).

On both databases. The rules are the services' (``app.domain.texts``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import billing, charge_documents
from reports.quote_pdf import render_quote
from tests.cli.conftest import snapshot
from tests.conftest import WAIT_MS
from tests.ui.dialogs.conftest import World, make_world
from tests.ui.dialogs.dialog_helpers import click, opened
from tests.ui.dialogs.test_pdf_dialogs import sent_quote
from tests.ui.test_search_box import Statements
from ui.dialogs.base import ServiceDialog
from ui.dialogs.batch_export import BatchExportDialog
from ui.dialogs.credit import CreditDialog
from ui.dialogs.decline import DeclineDialog
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog
from ui.finance.charge_dialog import RefundDialog


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    db = Database(db_url, renderer=render_quote)
    yield make_world(db, login=False)
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    db.dispose()


@dataclass
class Field:
    dialog: ServiceDialog
    box: QLineEdit | QPlainTextEdit
    error: QLabel
    ok: QPushButton
    what: str  # the field as the message names it
    most: int  # the service's limit


def _decline(w: World) -> Field:
    d = DeclineDialog(w.db, w.tech, w.taken())
    return Field(d, d.reason, d.reason_error, d.ok_button, "motivo", 1000)


def _variation(w: World) -> Field:
    d = VariationDialog(w.db, w.tech, w.accepted())
    d.amount.setText("150")
    return Field(d, d.reason, d.reason_error, d.ok_button, "motivo", 1000)


def _work(w: World) -> Field:
    d = WorkEntryDialog(w.db, w.tech, w.accepted())
    d.duration.setText("1:00")
    return Field(d, d.note, d.note_error, d.ok_button, "nota", 1000)


def _topup(w: World) -> Field:
    d = CreditDialog(w.db, w.finance, w.customer, "topup")
    d.amount.setText("10")
    return Field(d, d.text, d.text_error, d.ok_button, "riferimento", 200)


def _adjust(w: World) -> Field:
    d = CreditDialog(w.db, w.finance, w.customer, "adjust")
    d.amount.setText("-10")
    return Field(d, d.text, d.text_error, d.ok_button, "motivo", 1000)


def _refund(w: World) -> Field:
    number = w.in_progress()
    billing.complete_request(w.db, w.tech, number)
    summary = charge_documents.charge_summary(w.db, w.finance, number)
    d = RefundDialog(w.db, w.finance, summary, lang="it")
    return Field(d, d.reason, d.reason_error, d.ok_button, "motivo", 1000)


def _notes(w: World) -> Field:
    d = QuoteComposerDialog(w.db, w.tech, w.taken())
    d.table.item(0, 0).setText("Installazione")  # type: ignore[union-attr]
    d.table.item(0, 2).setText("100")  # type: ignore[union-attr]
    return Field(d, d.notes, d.notes_error, d.save_button, "note", 5000)


DIALOGS: dict[str, Callable[[World], Field]] = {
    "decline": _decline, "variation": _variation, "work note": _work, "top-up": _topup,
    "adjustment": _adjust, "refund": _refund, "quote notes": _notes,
}

TYPED = {
    "nul": ("a\x00b", "Il campo «{what}» contiene caratteri di controllo"),
    "escape": ("ok \x1b[2J", "Il campo «{what}» contiene caratteri di controllo"),
    "pasted-100k": ("x" * 100_000, "Il campo «{what}» è troppo lungo ({length} caratteri, "
                                   "al massimo {most})"),
}


@pytest.mark.parametrize("typed", list(TYPED), ids=list(TYPED))
@pytest.mark.parametrize("which", list(DIALOGS), ids=list(DIALOGS))
def test_a_refused_text_is_said_at_the_field(qtbot: QtBot, world: World, db_url: str,
                                             which: str, typed: str) -> None:
    field = DIALOGS[which](world)
    dialog = opened(qtbot, field.dialog)
    text, said = TYPED[typed]
    before = snapshot(db_url)
    statements = Statements(world.db)
    try:
        field.box.setFocus()
        if isinstance(field.box, QLineEdit):
            field.box.setText(text)  # as a paste does
        else:
            field.box.setPlainText(text)
        shown = field.box.text() if isinstance(field.box, QLineEdit) \
            else field.box.toPlainText()
        expected = said.format(what=field.what, length=len(shown), most=field.most)
        assert field.error.isVisible() and field.error.text() == expected
        if isinstance(field.box, QLineEdit):
            assert field.box.toolTip() == expected
        assert len(shown) > field.most or "\x00" in shown or "\x1b" in shown  # not cut
        field.ok.click()
        assert not dialog.busy  # nothing started
        assert statements.sent == []
    finally:
        statements.remove()
    assert dialog.isVisible() and dialog.result() == 0
    assert field.error.text() == expected
    # said at the field, not as the database's error (the composer points at its fields)
    assert not dialog.message.isVisible() or "in rosso" in dialog.message.text()
    assert snapshot(db_url) == before


@pytest.mark.parametrize("which", ["decline", "adjustment"])
def test_mended_the_text_is_saved(qtbot: QtBot, world: World, which: str) -> None:
    field = DIALOGS[which](world)
    dialog = opened(qtbot, field.dialog)
    assert isinstance(field.box, QLineEdit)
    field.box.setText("a\x00b")
    assert field.error.isVisible()
    field.box.setText("x" * field.most)  # the longest the service takes
    assert not field.error.isVisible() and field.box.toolTip() == ""
    click(qtbot, dialog, field.ok)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_line_description_is_checked_with_the_services_rule(qtbot: QtBot,
                                                              world: World) -> None:
    field = _notes(world)
    dialog = opened(qtbot, field.dialog)
    assert isinstance(dialog, QuoteComposerDialog)
    statements = Statements(world.db)
    try:
        dialog.table.item(0, 0).setText("Installa\x00zione")  # type: ignore[union-attr]
        dialog.save_button.click()
        assert dialog.lines_error.text() == "Il campo «descrizione della riga 1» " \
                                            "contiene caratteri di controllo"
        dialog.table.item(0, 0).setText("y" * 1001)  # type: ignore[union-attr]
        dialog.save_button.click()
        assert "troppo lungo (1001 caratteri, al massimo 1000)" in dialog.lines_error.text()
        assert not dialog.busy and statements.sent == []
    finally:
        statements.remove()


@pytest.mark.parametrize("typed", ["{tmp}/PDF\x00", "{tmp}/\x1b[2J"], ids=["nul", "escape"])
def test_the_export_folder_is_checked(qtbot: QtBot, world: World, tmp_path: Path,
                                      typed: str) -> None:
    """The folder the quote PDFs are written into: a NUL used to reach the file system
    ('Unexpected error: ValueError: embedded null byte')."""
    sent_quote(world)
    dialog = BatchExportDialog(world.db, world.finance)
    with qtbot.waitSignal(dialog.counted, timeout=5000):
        opened(qtbot, dialog)
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(typed.format(tmp=out))
    said = "Il campo «cartella» contiene caratteri di controllo"
    dialog.export_button.click()  # said at the field when exporting
    assert dialog.folder_error.isVisible() and dialog.folder_error.text() == said
    assert not dialog.busy and not dialog.message.isVisible()
    assert sorted(out.rglob("*")) == []  # nothing written
    dialog.folder.setText(str(out))  # mended: exported
    click(qtbot, dialog, dialog.export_button)
    assert list(out.rglob("*.pdf"))
