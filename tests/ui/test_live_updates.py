"""Changes made at another workstation reach this one as they commit (LISTEN/NOTIFY on
PostgreSQL), without polling: the main window's poll timer is stopped in these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import customers, requests, staff
from tests.ui.conftest import Desk, fake_render, make_desk
from tests.ui.test_main_window import open_window
from ui.live_updates import LiveUpdates


@pytest.fixture
def pair(db_url: str) -> Iterator[tuple[Database, Database]]:
    """This workstation's database and another workstation's, on the same database."""
    here = Database(db_url, renderer=fake_render)
    there = Database(db_url, renderer=fake_render)
    yield here, there
    here.dispose()
    there.dispose()


def test_a_commit_elsewhere_is_announced(qtbot: QtBot, pair: tuple[Database, Database]) -> None:
    here, there = pair
    live = LiveUpdates(here)
    if not live.supported:  # SQLite: one workstation, nothing to listen to
        live.start()
        assert not live.active
        return
    with qtbot.waitSignal(live.listening, timeout=10000) as up:
        live.start()
    assert up.args == [True]
    staff.add_staff(there, None, "adm", name="Ada Admin", role="admin", login=False)
    try:
        with qtbot.waitSignal(live.changed, timeout=5000):
            customers.add_customer(there, "adm", "C9", name="Nove Srl", credit_amount="10")
    finally:
        live.stop(wait=2)


def test_the_main_window_follows_another_workstation(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings) -> None:
    here, there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    desk: Desk = make_desk(here)
    window = open_window(qtbot, desk, desk.lead, settings)  # its poll timer is stopped
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("new")
    before = window.table.model.rowCount()
    number = requests.submit_request(there, desk.customer, service=desk.service,
                                     category="ssl", subject="From the control panel")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 1, timeout=5000)
    assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]
    assert not window.poll_timer.isActive()
    thread = window.live._thread
    window.close()
    assert window.live._thread is None and thread is not None
    thread.join(5)  # the listening connection is closed as the thread ends
    assert not thread.is_alive()
