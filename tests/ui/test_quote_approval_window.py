"""A quote above the technicians' sending limit, in the real main window (1366x768): the
technician's button reads "Submit for approval" and submits it; the team lead's "Quotes to
approve" lists it; the lead approves it (it is sent) or returns it with a reason, by the
button, the Request menu and the shortcut; the technician reads the reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from app.services import quotes
from tests.ui.conftest import Desk
from tests.ui.test_dates_on_screen import open_window
from ui.dialogs.return_quote import ReturnQuoteDialog
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def big_draft(desk: Desk, subject: str) -> tuple[int, int]:
    number = desk.taken(subject)
    return number, desk.draft(number, net="1500.00")


def submitted(desk: Desk, subject: str) -> tuple[int, int]:
    number, quote = big_draft(desk, subject)
    quotes.submit_quote(desk.db, desk.tech, quote)
    return number, quote


def shown(qtbot: QtBot, desk: Desk, user: str, settings: QSettings, queue: str,
          lang: str = "en") -> MainWindow:
    window = open_window(qtbot, desk, user, settings, lang)
    if window.queues.current_queue() != queue:
        with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
            window.queues.select_queue(queue)
    qtbot.waitUntil(lambda: window.table.model.rowCount() > 0, timeout=10000)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    window.workspace.confirm = lambda title, text: True
    return window


def open_request(qtbot: QtBot, window: MainWindow, number: int) -> None:
    ws = window.workspace
    assert window.table.select_number(number)
    qtbot.waitUntil(lambda: not ws.loading and ws.current is not None
                    and ws.current.number == number and ws.selected_quote() is not None,
                    timeout=10000)


def acted(qtbot: QtBot, window: MainWindow, act: Callable[[], None]) -> None:
    """Do ``act`` and wait for the request to be read again after it."""
    with qtbot.waitSignal(window.workspace.loaded, timeout=15000):
        act()


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.workspace.findChild(QPushButton, f"button_{name}")
    assert found is not None
    return found


def request_menu(window: MainWindow) -> QMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Request")
    assert isinstance(menu, QMenu)
    return menu


def rows(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """The queue read again after an action: ``count`` rows left in it."""
    qtbot.waitUntil(lambda: window.table.model.rowCount() == count, timeout=10000)


def state(desk: Desk, quote: int) -> str:
    return quotes.get_quote(desk.db, quote).state


def answer_return_dialog(reason: str) -> None:
    """Type ``reason`` in the Return dialog once it is open, and confirm it."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReturnQuoteDialog) or dialog.loading:
            QTimer.singleShot(20, poll)  # open, and the request read: its buttons enabled
            return
        assert "Exchange and BES environment" in dialog.heading.text()
        assert "submitted by Tom Tech (tom)" in dialog.facts.text()
        dialog.reason.setPlainText(reason)
        dialog.ok_button.click()

    QTimer.singleShot(0, poll)


def test_the_technician_submits_for_approval(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    number, quote = big_draft(desk, "Migrate ten VPS")
    window = shown(qtbot, desk, desk.tech, settings, "mine")
    open_request(qtbot, window, number)
    ws = window.workspace
    send, submit = ws.actions_by_name["send_quote"], ws.actions_by_name["submit_quote"]
    assert not send.isEnabled() and "submit it for a team lead's approval" in send.toolTip()
    assert submit.isEnabled() and submit in request_menu(window).actions()
    assert button(window, "submit_quote").isVisible()
    assert button(window, "submit_quote").text() == "Submit for approval…"
    assert not button(window, "approve_quote").isVisible()  # a lead's, and nothing waits

    acted(qtbot, window, lambda: qtbot.mouseClick(button(window, "submit_quote"),
                                                  Qt.MouseButton.LeftButton))
    assert state(desk, quote) == "submitted"
    assert "submitted for approval" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "Awaiting a team lead's approval" in ws.quote_lines.text(),
                    timeout=10000)
    assert not button(window, "submit_quote").isVisible()
    assert not ws.actions_by_name["edit_draft"].isEnabled()
    assert not ws.actions_by_name["new_quote"].isEnabled()


def test_the_lead_approves_and_returns_from_the_queue(qtbot: QtBot, desk: Desk,
                                                      settings: QSettings) -> None:
    by_button, first = submitted(desk, "Migrate ten VPS")
    by_shortcut, second = submitted(desk, "P2V of the mail server")
    to_return, third = submitted(desk, "Exchange and BES environment")
    by_menu, fourth = submitted(desk, "Load balancer for the shop")
    window = shown(qtbot, desk, desk.lead, settings, "to_approve")
    assert window.queues.names[1] == "to_approve"
    assert window.queues.item_of("to_approve").text(0) == "Quotes to approve"
    assert window.queues.count_text("to_approve") == "4"
    assert window.queues.item_of("to_approve").font(0).bold()
    listed = {window.table.model.request_at(r).number  # type: ignore[union-attr]
              for r in range(window.table.model.rowCount())}
    assert listed == {by_button, by_shortcut, to_return, by_menu}
    ws = window.workspace
    approve = ws.actions_by_name["approve_quote"]

    open_request(qtbot, window, by_button)  # the button
    assert approve.isEnabled() and button(window, "approve_quote").isVisible()
    assert button(window, "return_quote").isVisible()
    acted(qtbot, window, lambda: qtbot.mouseClick(button(window, "approve_quote"),
                                                  Qt.MouseButton.LeftButton))
    assert state(desk, first) == "sent"
    assert "sent to the customer" in window.statusBar().currentMessage()
    rows(qtbot, window, 3)

    open_request(qtbot, window, by_shortcut)  # the shortcut
    acted(qtbot, window, lambda: qtbot.keyClick(window.table.view, Qt.Key.Key_Y, CTRL_SHIFT))
    assert state(desk, second) == "sent"
    rows(qtbot, window, 2)

    open_request(qtbot, window, by_menu)  # the Request menu's item
    item = next(a for a in request_menu(window).actions() if a is approve)
    assert isinstance(item, QAction) and item.shortcut().toString() == "Ctrl+Shift+Y"
    acted(qtbot, window, item.trigger)
    assert state(desk, fourth) == "sent"
    rows(qtbot, window, 1)

    open_request(qtbot, window, to_return)  # returned, with a reason, by its shortcut
    answer_return_dialog("Split it: the BES part is a second quote")
    # the dialog is modal: the key press returns once it closed (the quote returned); the
    # request leaves the queue, which is now empty
    qtbot.keyClick(window.table.view, Qt.Key.Key_K, CTRL_SHIFT)
    returned = quotes.get_quote(desk.db, third)
    assert (returned.state, returned.return_reason) == (
        "draft", "Split it: the BES part is a second quote")
    assert "returned to draft" in window.statusBar().currentMessage()
    rows(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.queues.count_text("to_approve") == "0", timeout=10000)
    assert not window.queues.item_of("to_approve").font(0).bold()


def test_the_technician_reads_why_it_came_back(qtbot: QtBot, desk: Desk,
                                               settings: QSettings) -> None:
    number, quote = submitted(desk, "Exchange and BES environment")
    quotes.return_quote(desk.db, desk.lead, quote, "Split it: the BES part is a second quote")
    window = shown(qtbot, desk, desk.tech, settings, "mine")
    # under "My requests", in bold: what came back to them
    assert window.queues.names[1:3] == ["mine", "returned"]
    assert window.queues.item_of("returned").text(0) == "Quotes returned to me"
    qtbot.waitUntil(lambda: window.queues.count_text("returned") == "1", timeout=10000)
    assert window.queues.item_of("returned").font(0).bold()
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("returned")
    assert window.table.model.rowCount() == 1
    open_request(qtbot, window, number)
    ws = window.workspace
    assert "Returned by Lea Lead (lea)" in ws.quote_lines.text()
    assert "the BES part is a second quote" in ws.quote_lines.text()
    history = [ws.history.topLevelItem(i) for i in range(ws.history.topLevelItemCount())]
    returned = [item for item in history if item is not None
                and item.text(2) == "Quote returned to draft"]
    assert len(returned) == 1 and "the BES part" in returned[0].text(3)
    # edited and submitted again
    assert ws.actions_by_name["edit_draft"].isEnabled()
    assert ws.actions_by_name["submit_quote"].isEnabled()
