"""The request workspace: what it shows, which actions each role may use, direct actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.services import queries, quotes
from tests.ui.conftest import Desk
from ui.workspace import Workspace


def open_workspace(qtbot: QtBot, desk: Desk, user: str, number: int, lang: str = "en") -> Workspace:
    ws = Workspace(desk.ctx(user, lang))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.show_request(number)
    return ws


def enabled(ws: Workspace, name: str) -> bool:
    return ws.actions_by_name[name].isEnabled()


def test_shows_the_request_and_its_tabs(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.tech2, desk.numbers["in_progress"])
    assert "Install Plesk" in ws.title.text()
    assert ws.state_chip.text() == "In progress"
    assert "Rossi S.r.l." in ws.facts["customer"].text()
    assert ws.quotes.topLevelItemCount() == 1
    assert ws.quotes.topLevelItem(0).text(2) == "Accepted"  # type: ignore[union-attr]
    assert ws.work.topLevelItemCount() == 1
    assert ws.work.topLevelItem(0).text(2) == "1:30"  # type: ignore[union-attr]
    assert ws.history.topLevelItemCount() >= 5
    assert ws.history.topLevelItem(0).text(2) == "Work logged"  # type: ignore[union-attr]
    assert ws.notices.topLevelItemCount() >= 2


def test_hourly_work_bar_warns_near_and_over_the_ceiling(qtbot: QtBot, desk: Desk) -> None:
    from app.services import work

    number = desk.numbers["accepted"]  # hourly: 60/h x 2 h = 120 net ceiling
    work.log_work(desk.db, desk.tech, number, hours="1:45")
    ws = open_workspace(qtbot, desk, desk.tech, number)
    assert not ws.work_bar.isHidden()
    assert ws.work_bar.value() == 87
    assert ws.work_bar.property("warning") == "near"
    work.log_work(desk.db, desk.tech, number, hours="0:30")
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.reload()
    assert ws.work_bar.value() == 100
    assert ws.work_bar.property("warning") == "over"
    assert "Over the ceiling: 0:15 hours (€15.00) will not be charged" in ws.work_summary.text()


def test_technician_cannot_assign_and_sees_why(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.tech, desk.numbers["evaluating"])
    assert not enabled(ws, "assign")
    assert "Not available to your role (Technician)" in ws.action_state("assign").reason
    assert "Not available to your role" in ws.actions_by_name["assign"].toolTip()
    assert enabled(ws, "new_quote")
    assert enabled(ws, "decline")  # own request


def test_technician_cannot_work_on_someone_elses_request(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.tech, desk.numbers["in_progress"])
    assert not enabled(ws, "log_work")
    assert "Only the assignee (tina)" in ws.action_state("log_work").reason
    assert not enabled(ws, "complete")


def test_finance_cannot_log_work_but_may_top_up(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.finance, desk.numbers["in_progress"])
    assert not enabled(ws, "log_work")
    assert "Not available to your role (Finance)" in ws.action_state("log_work").reason
    assert enabled(ws, "topup") and enabled(ws, "adjust")
    assert enabled(ws, "preview_pdf")


def test_team_lead_may_assign_and_complete(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.lead, desk.numbers["in_progress"])
    assert enabled(ws, "assign") and enabled(ws, "complete") and enabled(ws, "log_work")
    assert not enabled(ws, "take")
    assert "Not possible while the request is" in ws.action_state("take").reason


def test_complete_needs_work_first(qtbot: QtBot, desk: Desk) -> None:
    ws = open_workspace(qtbot, desk, desk.tech, desk.numbers["accepted"])
    assert enabled(ws, "log_work")
    assert not enabled(ws, "complete")


def test_take_request_by_button(qtbot: QtBot, desk: Desk) -> None:
    number = desk.numbers["new"]
    ws = open_workspace(qtbot, desk, desk.tech, number)
    assert enabled(ws, "take")
    with qtbot.waitSignal(ws.changed, timeout=5000):
        ws.actions_by_name["take"].trigger()
    detail = queries.request_detail(desk.db, number)
    assert detail.state == "evaluating" and detail.assignee == desk.tech


def test_send_draft_after_confirmation(qtbot: QtBot, desk: Desk) -> None:
    number = desk.numbers["draft"]
    ws = open_workspace(qtbot, desk, desk.tech, number)
    asked: list[str] = []
    ws.confirm = lambda title, text: asked.append(text) is None  # type: ignore[func-returns-value]
    assert ws.selected_quote() is not None and ws.selected_quote().state == "draft"  # type: ignore[union-attr]
    send = ws.findChild(QPushButton, "button_send_quote")
    assert send is not None and send.isEnabled()
    with qtbot.waitSignal(ws.changed, timeout=5000):
        qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    assert asked and "Rossi S.r.l." in asked[0]
    assert queries.request_detail(desk.db, number).state == "quoted"


def test_refused_confirmation_changes_nothing(qtbot: QtBot, desk: Desk) -> None:
    number = desk.numbers["draft"]
    ws = open_workspace(qtbot, desk, desk.tech, number)
    ws.confirm = lambda title, text: False
    ws.actions_by_name["delete_draft"].trigger()
    assert len(queries.request_detail(desk.db, number).quotes) == 1


def test_stale_edit_shows_conflict_and_reloads(qtbot: QtBot, desk: Desk) -> None:
    number = desk.numbers["draft"]
    ws = open_workspace(qtbot, desk, desk.tech, number)
    ws.confirm = lambda title, text: True
    # another workstation sends the draft first
    draft = ws.selected_quote()
    assert draft is not None
    quotes.send_quote(desk.db, desk.lead, draft.id)
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        ws.actions_by_name["delete_draft"].trigger()
    assert not ws.banner.isHidden() and ws.banner.label.text()
    assert ws.quotes.topLevelItem(0).text(2) == "Sent"  # type: ignore[union-attr]


class FakeDialog(QDialog):
    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted)


def test_dialog_actions_open_the_dialog_and_reload(qtbot: QtBot, desk: Desk,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ws = open_workspace(qtbot, desk, desk.tech, desk.numbers["accepted"])
    opened: list[str] = []

    def fake(name: str) -> QDialog:
        opened.append(name)
        return FakeDialog(ws)

    monkeypatch.setattr(ws, "make_dialog", fake)
    with qtbot.waitSignal(ws.changed, timeout=5000):
        ws.actions_by_name["log_work"].trigger()
    assert opened == ["log_work"]


def test_real_dialogs_are_built_with_the_agreed_constructors(qtbot: QtBot, desk: Desk) -> None:
    pytest.importorskip("ui.dialogs.work_entry")
    ws = open_workspace(qtbot, desk, desk.tech, desk.numbers["accepted"])
    dialog = ws.make_dialog("log_work")
    assert isinstance(dialog, QDialog)
    dialog.deleteLater()


def test_complete_waits_for_the_customers_answer_to_a_variation(qtbot: QtBot,
                                                                desk: Desk) -> None:
    from app.services import variations, work

    number = desk.numbers["accepted"]
    work.log_work(desk.db, desk.tech, number, hours="1")
    variations.propose_variation(desk.db, desk.tech, number, amount="150", reason="more")
    ws = open_workspace(qtbot, desk, desk.tech, number)
    assert not enabled(ws, "complete")
    assert "awaits the customer's answer" in ws.action_state("complete").reason
    assert "awaits the customer's answer" in ws.actions_by_name["complete"].toolTip()


def test_the_change_buttons_keep_their_whole_text_in_a_narrow_workspace(
        qtbot: QtBot, desk: Desk) -> None:
    """Seen at 1366x768 (a workspace of 480 pixels): 'Cambi…orità' beside the priority."""
    from PySide6.QtWidgets import QApplication, QToolButton

    from ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "it")  # the longer words
    try:
        ws = open_workspace(qtbot, desk, desk.lead, desk.numbers["new"], lang="it")
        ws.setMinimumWidth(480)  # as the main window sets it
        ws.resize(480, 700)
        ws.show()
        qtbot.waitExposed(ws)
        for key in ("priority", "assignee"):
            button = ws.findChild(QToolButton, f"change_{key}")
            assert button is not None
            assert button.text() == "Cambia…"  # the fact says what: not 'Cambia priorità'
            qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width(),  # type: ignore[misc]
                            timeout=3000)
        # the button still follows its action (enabled, and why not in the tooltip)
        action = ws.actions_by_name["set_priority"]
        action.setEnabled(False)
        action.setToolTip("why not")
        button = ws.findChild(QToolButton, "change_priority")
        assert button is not None
        assert not button.isEnabled() and button.toolTip() == "why not"
        assert button.text() == "Cambia…"
    finally:
        i18n.uninstall(app, translators)
