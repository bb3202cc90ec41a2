"""Dialogs are never larger than their screen (seen under Xvfb at 1366x768: the charge
document, report and statement dialogs asked for 900 pixels of height, their buttons
off the screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from ui.dialogs.base import ServiceDialog
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.finance.report_dialogs import ChargesReportDialog


def _fits(dialog: QDialog) -> bool:
    room = dialog.screen().availableGeometry()
    return dialog.width() <= room.width() and dialog.height() <= room.height()


def test_dialogs_fit_their_screen(qtbot: QtBot, desk: Desk) -> None:
    dialogs: list[ServiceDialog] = [
        ChargesReportDialog(desk.db, desk.finance, today=desk.db.today(), lang="en"),
        QuoteComposerDialog(desk.db, desk.tech, desk.numbers["evaluating"]),
    ]
    room = dialogs[0].screen().availableGeometry()
    assert room.height() < 900  # the offscreen screen is smaller than what they asked for
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda d=dialog: not (d.busy or d.loading),  # type: ignore[misc]
                        timeout=5000)
        assert _fits(dialog), (type(dialog).__name__, dialog.size(), room)
