"""The running timer (issue 19), in the main window: started by its shortcut, still
running in a new window on the same workstation's settings (the app closed and opened
again), stopped by the Work tab's button, which proposes the work entry rounded up to
the billing increment and editable; cancelled, the timer runs on."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services import queries
from tests.ui.conftest import Desk
from tests.ui.dialogs.dialog_helpers import type_into
from tests.ui.test_attachments_tab import CTRL_SHIFT, shown
from tests.ui.test_catalogue_picker import in_modal
from ui.dialogs.work_entry import WorkEntryDialog
from ui.main_window import MainWindow

START = datetime(2026, 12, 7, 9, 0)


def timer_button(window: MainWindow) -> QPushButton:
    button = window.workspace.work_tab.findChild(QPushButton, "button_timer")
    assert isinstance(button, QPushButton)
    return button


def test_the_timer_survives_a_restart_and_proposes_the_entry(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    number = desk.numbers["accepted"]  # tom's, hourly, 15-minute increment
    first = shown(qtbot, desk, settings, desk.tech, number)
    first.workspace.timers.clock = lambda: START
    qtbot.keyClick(first.table.view, Qt.Key.Key_M, CTRL_SHIFT)  # Start timer
    assert first.workspace.timers.started(number) == START
    assert first.workspace.actions_by_name["timer"].text() == "Stop ti&mer (0:00)"
    first.close()

    # the app opened again on this workstation: the timer still runs
    second = shown(qtbot, desk, settings, desk.tech, number)
    ws = second.workspace
    ws.timers.clock = lambda: START + timedelta(minutes=50)
    ws.tabs.setCurrentWidget(ws.work_tab)
    ws.reload()
    qtbot.waitUntil(lambda: timer_button(second).text() == "Stop timer (0:50)", timeout=10000)

    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}
    proposed: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, WorkEntryDialog)
        proposed.append(dialog.duration.text())
        dialog.reject()

    in_modal(qtbot, WorkEntryDialog, cancel, errors, seen)
    qtbot.mouseClick(timer_button(second), Qt.MouseButton.LeftButton)
    assert errors == [] and proposed == ["1:00"]  # 50 minutes, rounded up to 15
    assert ws.timers.started(number) == START  # cancelled: it runs on

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, WorkEntryDialog)
        type_into(qtbot, dialog.duration, "0:55")  # editable before it is saved
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, WorkEntryDialog, log, errors, seen)
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.mouseClick(timer_button(second), Qt.MouseButton.LeftButton)
    assert errors == []
    assert [w.minutes for w in queries.request_detail(desk.db, number).work] == [55]
    assert ws.timers.started(number) is None
    assert timer_button(second).text() == "Start timer"


def test_only_who_may_log_work_starts_one(qtbot: QtBot, desk: Desk,
                                          settings: QSettings) -> None:
    window = shown(qtbot, desk, settings, desk.tech, desk.numbers["in_progress"])  # tina's
    timer = window.workspace.actions_by_name["timer"]
    assert not timer.isEnabled()
    assert "Only the assignee (tina)" in window.workspace.action_state("timer").reason
