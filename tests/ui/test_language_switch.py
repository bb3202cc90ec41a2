"""Switching the language takes effect at once, where the user was."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.ui.conftest import Desk
from ui import i18n
from ui.language_switch import LanguageHost
from ui.main_window import MainWindow


def test_the_window_speaks_the_new_language_at_once(qtbot: QtBot, desk: Desk,
                                                     settings: QSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    host = LanguageHost(app, i18n.install(app, "en"), "en")
    made: list[MainWindow] = []

    def make(lang: str, queue: str | None) -> MainWindow:
        window = MainWindow(desk.ctx(desk.lead, lang), settings=settings, start=queue)
        window.poll_timer.stop()
        made.append(window)
        return window

    try:
        first = make("en", "all")
        host.host(first, make, lambda _window: None)
        first.show()
        qtbot.waitUntil(lambda: first.is_ready, timeout=10000)
        number = desk.numbers["in_progress"]
        with qtbot.waitSignal(first.workspace.loaded, timeout=5000):
            first.select_request(number)
        assert first.queues.item_of("all").text(0) == "All requests"

        host.switch("it")
        italian = host.window
        assert italian is not None and italian is not first and italian is made[-1]
        qtbot.waitUntil(lambda: italian.workspace.number == number
                        and italian.workspace.detail is not None, timeout=10000)
        # the texts, the figures and the place: all as if it had started in Italian
        assert italian.queues.item_of("all").text(0) == "Tutte le richieste"
        assert italian.queues.current_queue() == "all"
        assert italian.table.selected_number() == number
        assert italian.workspace.state_chip.text() == "In lavorazione"
        assert "5.000,00\u00a0€" in italian.workspace.facts["credit"].text()
        assert [a.text() for a in italian.menuBar().actions()][:2] == ["&File", "&Visualizza"]
        assert not isValid(first) or not first.isVisible()  # closed, and let go

        host.switch("en")
        english = host.window
        assert english is not None
        qtbot.waitUntil(lambda: english.workspace.detail is not None, timeout=10000)
        assert english.workspace.state_chip.text() == "In progress"
        assert "€5,000.00" in english.workspace.facts["credit"].text()
    finally:
        if host.window is not None:
            host.window.persist_layout = False
            host.window.close()
        i18n.uninstall(app, host.translators)
