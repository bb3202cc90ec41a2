"""Issue 10: right after another row is highlighted, while its details are still being read,
no action (button, menu item, shortcut) may open its dialog for the request highlighted
before: the charge dialog opened for RIT-000151 while RIT-000200 was highlighted."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import queries, work
from app.services.dto import QuoteView, RequestDetail, WorkEntryView
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from ui.context import AppContext
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Gate:
    """Holds the reading of one request's details in the worker thread until opened."""

    def __init__(self) -> None:
        self.number = 0
        self.open = threading.Event()
        self.reached = threading.Event()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    real = queries.request_detail

    def gated(db: Database, number: int) -> RequestDetail:
        if number == held.number:
            held.reached.set()
            held.open.wait(30)  # opened by the test (or at its end, if it fails early)
        return real(db, number)

    monkeypatch.setattr(queries, "request_detail", gated)
    yield held
    held.open.set()


class Rejected(QDialog):
    def exec(self) -> int:
        return int(QDialog.DialogCode.Rejected)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """(action, request number) of every workspace dialog built; none is shown."""
    made: list[tuple[str, int]] = []

    def fake(name: str, _ctx: AppContext, d: RequestDetail, *, quote: QuoteView | None,
             entry: WorkEntryView | None, parent: QWidget) -> QDialog:
        made.append((name, d.number))
        return Rejected(parent)

    monkeypatch.setattr("ui.workspace.make_dialog", fake)
    return made


def button_of(window: MainWindow, name: str) -> QToolButton:
    action = window.workspace.actions_by_name[name]
    return next(b for b in window.workspace.findChildren(QToolButton)
                if b.defaultAction() is action)


def shown_window(qtbot: QtBot, desk: Desk, settings: QSettings) -> MainWindow:
    window = open_window(qtbot, desk, desk.lead, settings)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("all")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def test_no_action_acts_on_the_previous_request_while_the_next_one_loads(
        qtbot: QtBot, desk: Desk, settings: QSettings, gate: Gate,
        opened: list[tuple[str, int]]) -> None:
    before = desk.numbers["in_progress"]  # completable by a team lead
    after = desk.accepted("Migrate the mail server")
    work.log_work(desk.db, desk.tech, after, hours="2:00")
    window = shown_window(qtbot, desk, settings)
    ws, complete = window.workspace, window.workspace.actions_by_name["complete"]
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(before)
    assert complete.isEnabled()

    gate.number = after
    assert window.table.select_number(after)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    # the previous request is still on screen, the highlighted one is being read
    assert ws.number == after and ws.detail is not None and ws.detail.number == before
    qtbot.mouseClick(button_of(window, "complete"), Qt.MouseButton.LeftButton)  # the button
    qtbot.keyClick(window.table.view, Qt.Key.Key_C, CTRL_SHIFT)  # its shortcut
    complete.trigger()  # the Request menu's item is the same action
    qtbot.keyClick(window.table.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert opened == []
    assert ws.make_dialog("complete") is None  # nor asked for directly
    assert window.open_dialogs() == []
    assert not any(a.isEnabled() for a in ws.actions_by_name.values())
    assert "Loading RIT-" in complete.toolTip()
    assert ws.loading and ws.current is None

    with qtbot.waitSignal(ws.loaded, timeout=5000) as loaded:
        gate.open.set()
    assert loaded.args == [after]
    assert not ws.loading and ws.current is not None and ws.current.number == after
    assert complete.isEnabled()
    qtbot.keyClick(window.table.view, Qt.Key.Key_C, CTRL_SHIFT)
    qtbot.mouseClick(button_of(window, "complete"), Qt.MouseButton.LeftButton)
    assert opened == [("complete", after), ("complete", after)]


def test_rows_selected_in_the_tabs_belong_to_the_highlighted_request(
        qtbot: QtBot, desk: Desk, settings: QSettings, gate: Gate) -> None:
    """A work entry or quote still selected in the tabs of the previous request is not
    the target of Edit/Delete while the next one loads."""
    before = desk.numbers["in_progress"]
    after = desk.numbers["new"]
    window = shown_window(qtbot, desk, settings)
    ws = window.workspace
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(before)
    entry, quote = ws.work.topLevelItem(0), ws.quotes.topLevelItem(0)
    assert entry is not None and quote is not None
    ws.work.setCurrentItem(entry)
    ws.quotes.setCurrentItem(quote)
    assert ws.selected_entry() is not None and ws.selected_quote() is not None
    assert ws.actions_by_name["edit_work"].isEnabled()

    gate.number = after
    assert window.table.select_number(after)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    assert ws.selected_entry() is None and ws.selected_quote() is None
    asked: list[str] = []

    def confirm(title: str, _text: str) -> bool:
        asked.append(title)
        return False

    ws.confirm = confirm
    ws.delete_selected_entry()
    ws.delete_selected_draft()
    ws.send_selected_quote()
    assert asked == []
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        gate.open.set()


def test_actions_are_off_while_the_request_is_reread_after_an_action(
        qtbot: QtBot, desk: Desk, settings: QSettings, gate: Gate,
        opened: list[tuple[str, int]]) -> None:
    """Taken from here, the request is re-read: until it arrived its buttons showed what it
    allowed before (Take again); now every action is off meanwhile."""
    number = desk.numbers["new"]
    window = shown_window(qtbot, desk, settings)
    ws, take = window.workspace, window.workspace.actions_by_name["take"]
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(number)
    assert take.isEnabled()

    gate.number = number
    qtbot.mouseClick(button_of(window, "take"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)  # taken; being re-read
    assert ws.detail is not None and ws.detail.state == "new"  # still on screen as before
    assert not any(a.isEnabled() for a in ws.actions_by_name.values())
    assert "Loading RIT-" in take.toolTip()
    assert ws.loading
    assert ws.make_dialog("new_quote") is None
    qtbot.mouseClick(button_of(window, "take"), Qt.MouseButton.LeftButton)
    ws.take_request()  # asked for directly: nothing either
    assert opened == []

    with qtbot.waitSignal(ws.loaded, timeout=5000):
        gate.open.set()
    assert not ws.loading and ws.current is not None and ws.current.state == "evaluating"
    assert not take.isEnabled() and "Evaluating" in take.toolTip()
    assert ws.actions_by_name["new_quote"].isEnabled()
    assert ws.banner.isHidden()  # no conflict from a second take
