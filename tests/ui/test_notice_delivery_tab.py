"""The Notices tab of a request says how each notice's email went (issue 18)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import models as m
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window


def test_the_notices_tab_shows_each_delivery(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    number = desk.numbers["quoted"]
    with desk.db.transaction() as session:  # as the worker left them
        received, proposed = session.scalars(select(m.Notice).where(
            m.Notice.request_id == number).order_by(m.Notice.id)).all()
        received.delivery_state, received.attempts = "sent", 1
        received.sent_at = received.at + timedelta(minutes=1)
        proposed.delivery_state, proposed.attempts = "failed", 5
        proposed.last_error = "451 mailbox busy"
    window = open_window(qtbot, desk, desk.lead, settings)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("all")
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        window.table.select_number(number)
    tree = window.workspace.notices
    window.workspace.tabs.setCurrentWidget(tree)
    assert tree.headerItem().text(2) == "Email"
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert rows[0] is not None and rows[0].text(2) == "Not delivered (5 attempt(s))"  # newest first
    assert rows[0] is not None and rows[0].toolTip(2) == "451 mailbox busy"
    assert rows[1] is not None and rows[1].text(2) == "Sent"
    assert rows[1].toolTip(2).startswith("Sent ") and len(rows[1].toolTip(2)) > len("Sent ")
    window.grab().save("/tmp/notice_delivery.png")


def test_a_team_lead_finds_and_retries_an_undelivered_notice(qtbot: QtBot, desk: Desk,
                                                            settings: QSettings) -> None:
    number = desk.numbers["quoted"]
    with desk.db.transaction() as session:
        proposed = session.scalars(select(m.Notice).where(
            m.Notice.request_id == number, m.Notice.kind == "quote_proposed")).one()
        proposed.delivery_state, proposed.attempts = "failed", 5
        proposed.last_error = "451 mailbox busy"
        failed_id = proposed.id
    window = open_window(qtbot, desk, desk.lead, settings)
    window.resize(1366, 768)
    assert window.queues.count_text("undelivered") == "1"
    assert "failed after every retry" in window.queues.item_of("undelivered").toolTip(0)
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("undelivered")
    assert window.table.model.rowCount() == 1
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        window.table.select_first()
    assert window.workspace.number == number
    tree = window.workspace.notices
    window.workspace.tabs.setCurrentWidget(tree)
    failed_row, received_row = tree.topLevelItem(0), tree.topLevelItem(1)
    assert failed_row is not None and received_row is not None
    tree.setCurrentItem(received_row)  # delivered: nothing to retry
    assert not tree.retry_action.isEnabled()
    tree.setCurrentItem(failed_row)
    assert tree.retry_action.isEnabled() and tree.retry_action in tree.actions()
    with qtbot.waitSignal(window.workspace.changed, timeout=10000):
        tree.retry_action.trigger()
    with desk.db.read() as session:
        notice = session.get(m.Notice, failed_id)
        assert notice is not None and (notice.delivery_state, notice.attempts) == ("pending", 0)
    # the request leaves the queue (the selection follows, as after any action)
    qtbot.waitUntil(lambda: window.queues.count_text("undelivered") == "0", timeout=10000)
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 0, timeout=10000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("all")
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        window.table.select_number(number)
    window.workspace.tabs.setCurrentWidget(tree)
    item = tree.topLevelItem(0)
    assert item is not None and item.text(2) == "Waiting"
    window.grab().save("/tmp/undelivered.png")
