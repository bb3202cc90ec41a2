"""The desktop app keeps the embedded file's deadlines while open (issue 18): the same
jobs as ``rit-desk worker``, off the GUI thread, at start and every minute."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services import quotes
from app.services.request_views import customer_notices, request_detail
from tests.conftest import FakeClock
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from ui.deadline_keeper import INTERVAL_MS


def test_the_open_window_expires_a_quote_past_its_date(qtbot: QtBot, desk: Desk,
                                                       settings: QSettings) -> None:
    number = desk.numbers["quoted"]
    clock = FakeClock(desk.db.now() + timedelta(days=31))  # past the quote's validity
    desk.db.clock = clock
    window = open_window(qtbot, desk, desk.lead, settings)
    keeper = window.deadlines
    assert keeper.timer.isActive() and keeper.timer.interval() == INTERVAL_MS
    qtbot.waitUntil(lambda: keeper.rounds >= 1, timeout=30000)  # the first round, soon after
    assert request_detail(desk.db, number).state == "expired"
    assert "quote_expired" in [n.kind for n in customer_notices(desk.db, desk.customer)]
    # the next round finds nothing more to do; closing the window stops the timer
    keeper.run_now()
    qtbot.waitUntil(lambda: keeper.rounds >= 2, timeout=20000)
    assert [n.kind for n in customer_notices(desk.db, desk.customer)].count("quote_expired") == 1
    window.close()
    assert not keeper.timer.isActive()
    assert quotes.expire_quotes(desk.db) == []
