"""Issue 19's dead ends passable in the main window: a pending variation withdrawn from
the Variations tab (its button and Ctrl+Shift+W), the customer told, the History saying
it; off for another technician and while nothing is pending. An in-progress request
cancelled by a team lead (Ctrl+Shift+J), nothing charged; not offered to technicians. A
sent quote extended from the Quotes tab."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.services import queries, variations
from tests.ui.conftest import Desk
from tests.ui.test_catalogue_picker import in_modal
from tests.ui.test_main_window import open_window
from ui.dialogs.base import to_qdate
from ui.dialogs.cancel_request import CancelRequestDialog
from ui.dialogs.extend_quote import ExtendQuoteDialog
from ui.dialogs.withdraw_variation import WithdrawVariationDialog
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def shown(qtbot: QtBot, desk: Desk, settings: QSettings, user: str, number: int) -> MainWindow:
    """The main window at 1366x768 on request ``number`` of the All requests queue (a team
    lead starts on the dashboard)."""
    window = open_window(qtbot, desk, user, settings)
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() > 0, timeout=10000)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        assert window.table.select_number(number)
    return window


def test_withdraw_a_variation_from_the_variations_tab(qtbot: QtBot, desk: Desk,
                                                      settings: QSettings,
                                                      tmp_path: Path) -> None:
    number = desk.numbers["accepted"]  # tom's, hourly
    proposal = variations.propose_variation(desk.db, desk.tech, number, amount="950",
                                            reason="Typed one zero too many")
    window = shown(qtbot, desk, settings, desk.tech, number)
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.variations_tab)
    button = ws.variations_tab.findChild(QPushButton, "button_withdraw_variation")
    assert isinstance(button, QPushButton) and button.isEnabled()
    assert button.text() == "Withdraw…"
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def withdraw(dialog: QWidget) -> None:
        assert isinstance(dialog, WithdrawVariationDialog)
        qtbot.waitUntil(lambda: "€950.00" in dialog.facts.text(), timeout=10000)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
        assert "A reason is required" in dialog.reason_error.text() and dialog.isVisible()
        qtbot.keyClicks(dialog.reason, "Proposed by mistake")
        # the picture once the dialog has grown to its contents (after the load)
        qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=10000)
        dialog.grab().save(str(tmp_path / "withdraw_dialog.png"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, WithdrawVariationDialog, withdraw, errors, seen)
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert errors == [] and set(seen) == {"WithdrawVariationDialog"}
    qtbot.waitUntil(lambda: ws.current is not None
                    and ws.current.variations[-1].state == "withdrawn", timeout=10000)
    row = ws.variations.topLevelItem(0)
    assert row is not None and row.text(3) == "Withdrawn"
    assert ws.history.topLevelItem(0).text(2) == "Variation withdrawn"  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == (
        f"Variation of RIT-{number:06d} (€950.00 net) withdrawn: the agreed amount stays as "
        "it was; the customer is told.")
    assert not button.isEnabled()  # nothing pending any more
    assert "No variation is awaiting" in ws.actions_by_name["withdraw_variation"].toolTip()
    detail = queries.request_detail(desk.db, number)
    assert [(v.id, v.state) for v in detail.variations] == [(proposal.id, "withdrawn")]
    assert detail.notices[-1].kind == "variation_withdrawn"
    window.grab().save(str(tmp_path / "withdrawn.png"))


def test_not_on_another_technicians_request(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    number = desk.numbers["in_progress"]  # tina's
    variations.propose_variation(desk.db, desk.tech2, number, amount="400", reason="more")
    window = shown(qtbot, desk, settings, desk.tech, number)  # tom: not his request
    action = window.workspace.actions_by_name["withdraw_variation"]
    assert not action.isEnabled() and "Only the assignee" in action.toolTip()


def test_a_team_lead_withdraws_by_the_shortcut(qtbot: QtBot, desk: Desk,
                                               settings: QSettings) -> None:
    number = desk.numbers["in_progress"]  # tina's
    variations.propose_variation(desk.db, desk.tech2, number, amount="400", reason="more")
    window = shown(qtbot, desk, settings, desk.lead, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def withdraw(dialog: QWidget) -> None:
        assert isinstance(dialog, WithdrawVariationDialog)
        qtbot.waitUntil(lambda: "€400.00" in dialog.facts.text(), timeout=10000)
        qtbot.keyClicks(dialog.reason, "Not needed")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, WithdrawVariationDialog, withdraw, errors, seen)
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        qtbot.keyClick(window.table.view, Qt.Key.Key_W, CTRL_SHIFT)
    assert errors == [] and seen
    assert queries.request_detail(desk.db, number).variations[-1].state == "withdrawn"


def test_a_team_lead_cancels_an_accepted_request(qtbot: QtBot, desk: Desk, settings: QSettings,
                                                 tmp_path: Path) -> None:
    number = desk.numbers["in_progress"]  # tina's, 1:30 logged
    window = shown(qtbot, desk, settings, desk.lead, number)
    action = window.workspace.actions_by_name["cancel_request"]
    assert action.isEnabled()
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelRequestDialog)
        qtbot.waitUntil(lambda: dialog.facts.text() == "Work logged: 1:30 h; charged: nothing.",
                        timeout=10000)
        qtbot.keyClicks(dialog.reason, "The customer moved the site away")
        qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=10000)
        dialog.grab().save(str(tmp_path / "cancel_dialog.png"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, CancelRequestDialog, cancel, errors, seen)
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        qtbot.keyClick(window.table.view, Qt.Key.Key_J, CTRL_SHIFT)
    assert errors == [] and seen
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.current is not None and ws.current.state == "cancelled",
                    timeout=10000)
    assert window.statusBar().currentMessage() == (
        f"RIT-{number:06d} cancelled, nothing charged: the customer is told the reason.")
    assert ws.history.topLevelItem(0).text(2) == "Request cancelled"  # type: ignore[union-attr]
    assert not action.isEnabled()
    detail = queries.request_detail(desk.db, number)
    assert detail.charge is None and detail.notices[-1].kind == "request_cancelled"
    window.grab().save(str(tmp_path / "cancelled.png"))


def test_cancel_is_for_team_leads(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = shown(qtbot, desk, settings, desk.tech, desk.numbers["accepted"])  # tom's
    action = window.workspace.actions_by_name["cancel_request"]
    assert not action.isEnabled() and "Not available to your role" in action.toolTip()


def test_extend_a_sent_quote_from_the_quotes_tab(qtbot: QtBot, desk: Desk, settings: QSettings,
                                                  tmp_path: Path) -> None:
    number = desk.numbers["quoted"]  # tom's, a sent quote
    window = shown(qtbot, desk, settings, desk.tech, number)
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.quotes_tab)
    sent = ws.selected_quote()
    assert sent is not None and sent.state == "sent"
    button = ws.quotes_tab.findChild(QPushButton, "button_extend_quote")
    assert isinstance(button, QPushButton) and button.isEnabled() and button.text() == "Extend…"
    later = sent.valid_until + timedelta(days=14)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def extend(dialog: QWidget) -> None:
        assert isinstance(dialog, ExtendQuoteDialog)
        dialog.valid_until.setDate(to_qdate(later))
        qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=10000)
        dialog.grab().save(str(tmp_path / "extend_dialog.png"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, ExtendQuoteDialog, extend, errors, seen)
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert errors == [] and seen
    qtbot.waitUntil(lambda: ws.current is not None and len(ws.current.quotes) == 2,
                    timeout=10000)
    detail = queries.request_detail(desk.db, number)
    assert [(q.revision, q.state) for q in detail.quotes] == [(1, "replaced"), (2, "sent")]
    assert detail.quotes[-1].valid_until == later
    texts = [ws.history.topLevelItem(i).text(2)  # type: ignore[union-attr]
             for i in range(ws.history.topLevelItemCount())]
    assert "Quote extended" in texts
    assert window.statusBar().currentMessage().startswith(
        f"Quote RIT-{number:06d}/2 sent in place of the earlier revision")
    window.grab().save(str(tmp_path / "extended.png"))
