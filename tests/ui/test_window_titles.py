"""Window titles do not name the application: Qt adds it on the desktop (" — RIT Desk",
the application's display name), and under X the main window read
"RIT Desk — Sara Romano (Tecnico) — RIT Desk"."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from ui.gui_main import APPLICATION
from ui.main_window import MainWindow
from ui.start_dialog import StartDialog

UI = Path(__file__).resolve().parents[2] / "ui"


def test_the_main_window_and_the_start_dialog_leave_the_name_to_qt(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = MainWindow(desk.ctx(desk.tech), settings=settings)
    window.poll_timer.stop()
    window.persist_layout = False
    qtbot.addWidget(window)
    assert APPLICATION not in window.windowTitle()
    assert window.windowTitle() == "Tom Tech (Technician)"
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    assert APPLICATION not in dialog.windowTitle()


def test_no_window_title_in_the_sources_names_the_application() -> None:
    title = re.compile(r"setWindowTitle\(\s*self\.tr\(\s*\"([^\"]*)\"")
    found = [(path.name, text) for path in UI.rglob("*.py")
             for text in title.findall(path.read_text(encoding="utf-8"))
             if APPLICATION in text]
    assert found == []
