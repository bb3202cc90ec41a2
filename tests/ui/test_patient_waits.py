"""The tests' Qt waits are bounded by a generous deadline, never by speed (issue 17, item
10): three GUI tests failed at load 8-9 on waits of 5 and 20 s that pass alone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from tests.conftest import WAIT_MS, PatientQtBot


class Sender(QObject):
    fired = Signal()


def test_every_wait_for_something_lasts_at_least_the_deadline(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(qtbot, PatientQtBot)
    given: list[tuple[str, int]] = []

    def recorder(name: str) -> Any:
        def record(_self: QtBot, *_args: Any, timeout: int, **_kw: Any) -> None:
            given.append((name, timeout))
        return record

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive",
                 "waitCallback"):
        monkeypatch.setattr(QtBot, name, recorder(name))
    sender = Sender()
    qtbot.waitUntil(lambda: True, timeout=100)
    qtbot.waitSignal(sender.fired, timeout=5000)
    qtbot.waitSignal(sender.fired)  # pytest-qt's own default: 5 s
    qtbot.waitSignals([sender.fired], timeout=20_000)
    qtbot.waitExposed(None, timeout=1000)
    qtbot.waitActive(None)
    qtbot.waitCallback(timeout=10)
    qtbot.waitUntil(lambda: True, timeout=2 * WAIT_MS)  # a longer one is kept
    assert given == [("waitUntil", WAIT_MS), ("waitSignal", WAIT_MS), ("waitSignal", WAIT_MS),
                     ("waitSignals", WAIT_MS), ("waitExposed", WAIT_MS),
                     ("waitActive", WAIT_MS), ("waitCallback", WAIT_MS),
                     ("waitUntil", 2 * WAIT_MS)]


def test_a_wait_that_expects_nothing_keeps_its_time(qtbot: QtBot) -> None:
    sender = Sender()
    with qtbot.waitSignal(sender.fired, timeout=50, raising=False) as blocker:
        pass
    assert not blocker.signal_triggered  # over after 50 ms, not a minute
    with qtbot.assertNotEmitted(sender.fired, wait=50):
        pass


def test_a_wait_ends_when_its_signal_comes(qtbot: QtBot) -> None:
    sender = Sender()
    with qtbot.waitSignal(sender.fired, timeout=100) as blocker:
        QTimer.singleShot(0, sender.fired.emit)
    assert blocker.signal_triggered
