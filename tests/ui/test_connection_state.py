"""Issue 9, part 5: the main window shows "disconnected" and "reconnected" (no popups),
driven by the change-marker polling, and a dialog waiting to save does so when the
polling sees the database back."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import customers, requests
from tests.faults import Outage
from tests.ui.conftest import WAIT_MS, Desk, fake_render, make_desk
from tests.ui.dialogs.dialog_helpers import click, opened, type_into
from tests.ui.test_main_window import open_window
from ui.dialogs.credit import CreditDialog
from ui.main_window import MainWindow


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    """The GUI tests' database on SQLite and on PostgreSQL (this module runs on both; on
    PostgreSQL the outage terminates the connection, as a server going away does)."""
    db = Database(db_url, renderer=fake_render)
    yield make_desk(db)
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # no window's read still under way
    db.dispose()


@pytest.fixture
def outage(desk: Desk) -> Iterator[Outage]:
    fault = Outage(desk.db.engine)
    yield fault
    fault.remove()


def poll(qtbot: QtBot, window: MainWindow) -> None:
    """One round of the change-marker polling (the window's timer is stopped in tests)."""
    window.poll()
    qtbot.waitUntil(lambda: not window.watch.polling, timeout=5000)


def test_disconnected_and_reconnected(qtbot: QtBot, desk: Desk, settings: QSettings,
                                      outage: Outage) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    window.connection.probe_timer.stop()  # only the window's polling, by hand
    window.connection.probe_timer.setInterval(60_000)
    label = window.connection_label
    assert label.isHidden()

    outage.down = True
    with qtbot.waitSignal(window.connection.lost):
        window.poll()
    qtbot.waitUntil(lambda: not window.watch.polling)
    assert not label.isHidden() and "Disconnected" in label.text()
    assert QApplication.activeModalWidget() is None  # no popup
    poll(qtbot, window)  # still away: still "disconnected", nothing else happens
    assert "Disconnected" in label.text()

    other = Database(desk.db.url)  # another workstation, which still reaches it
    requests.submit_request(other, desk.customer, service=desk.service, category="ssl",
                            subject="Submitted while this one was away")
    other.dispose()
    waiting = int(window.queues.count_text("new"))
    outage.down = False
    with qtbot.waitSignal(window.connection.restored):
        window.poll()
    qtbot.waitUntil(lambda: window.queues.count_text("new") == str(waiting + 1))  # refreshed
    assert not label.isHidden() and "Reconnected" in label.text()
    assert QApplication.activeModalWidget() is None
    label._hide_timer.timeout.emit()  # after a few seconds
    assert label.isHidden()


def test_the_status_bar_in_italian(qtbot: QtBot, desk: Desk, settings: QSettings,
                                   outage: Outage, italian: None) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    window.connection.probe_timer.setInterval(60_000)
    outage.down = True
    poll(qtbot, window)
    assert "Disconnesso" in window.connection_label.text()
    window.connection_label.show()
    window.grab().save("/tmp/rit-desk-disconnected.png")


def test_a_waiting_top_up_is_saved_when_the_polling_sees_the_database(
        qtbot: QtBot, desk: Desk, settings: QSettings, outage: Outage) -> None:
    window = open_window(qtbot, desk, desk.finance, settings)
    window.connection.probe_timer.setInterval(60_000)  # the window's polling decides
    dialog = opened(qtbot, CreditDialog(desk.db, desk.finance, desk.customer, "topup",
                                        parent=window))
    type_into(qtbot, dialog.amount, "75")
    outage.down = True
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.waiting and "Disconnected" in window.connection_label.text()

    outage.down = False
    poll(qtbot, window)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert customers.get_customer(desk.db, desk.customer).balance == Decimal("5075.00")
