"""The main window and its dialogs fit a 1366 x 768 screen whatever page was shown
(seen under Xvfb: a team lead's window grew to 1646 pixels once the dashboard had been
shown, the workspace off the screen; the charge document dialog was 900 pixels high)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from ui.main_window import MainWindow
from ui.queue_panel import AT_RISK, DASHBOARD

SCREEN = (1366, 768)


@pytest.mark.parametrize("who", ["lead", "finance"])
def test_the_window_fits_after_every_page(qtbot: QtBot, desk: Desk, settings: QSettings,
                                          who: str) -> None:
    user = desk.lead if who == "lead" else desk.finance
    window = MainWindow(desk.ctx(user), settings=settings)
    window.poll_timer.stop()
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=5000)
    pages = [DASHBOARD, "all"] + ([AT_RISK, "all"] if who == "finance" else [])
    for name in pages:
        window.queues.select_queue(name)
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN[0], (name, hint.width())
        assert hint.height() <= SCREEN[1], (name, hint.height())
    number = next(iter(desk.numbers.values()))
    window.select_request(number)
    qtbot.waitUntil(lambda: window.workspace.detail is not None, timeout=5000)
    assert window.minimumSizeHint().width() <= SCREEN[0]
