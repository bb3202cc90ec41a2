"""The main window and its dialogs fit a 1366 x 768 screen whatever page was shown
(seen under Xvfb: a team lead's window grew to 1646 pixels once the dashboard had been
shown, the workspace off the screen; the charge document dialog was 900 pixels high)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from ui import i18n
from ui.main_window import MainWindow
from ui.queue_panel import AT_RISK, DASHBOARD

SCREEN = (1366, 768)


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("who", ["lead", "finance"])
def test_the_window_fits_after_every_page(qtbot: QtBot, desk: Desk, settings: QSettings,
                                          who: str, lang: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, lang)
    try:
        _fits_after_every_page(qtbot, desk, settings, who, lang)
    finally:
        i18n.uninstall(app, translators)


def _fits_after_every_page(qtbot: QtBot, desk: Desk, settings: QSettings, who: str,
                           lang: str) -> None:
    user = desk.lead if who == "lead" else desk.finance
    window = MainWindow(desk.ctx(user, lang), settings=settings)
    window.persist_layout = False
    window.poll_timer.stop()
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=5000)
    if lang == "it":  # the Italian titles are the longer ones
        assert window.queues.item_of(DASHBOARD).text(0) == "Cruscotto"
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
    assert window.width() <= SCREEN[0]
    # and the queue beside the workspace does not scroll sideways
    view = window.table.view
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0, timeout=5000)
