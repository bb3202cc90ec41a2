"""The customers panel reads a selected customer once: choosing the queue (the list read,
its first row selected) makes one read of that customer's account and ledger, not two (a
second read in flight kept sending statements after the panel showed the customer)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services import customers as customer_service
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window


def test_selecting_a_customer_reads_it_once(qtbot: QtBot, desk: Desk, settings: QSettings,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = customer_service.get_customer

    def counted(db: Any, code: str) -> Any:
        reads.append(code)
        return real(db, code)

    monkeypatch.setattr(customer_service, "get_customer", counted)
    window = open_window(qtbot, desk, desk.finance, settings)
    window.show()
    panel = window.customers
    shown: list[str] = []
    real_show = panel._show_customer

    def show(c: Any) -> None:
        shown.append(c.code)
        real_show(c)

    monkeypatch.setattr(panel, "_show_customer", show)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        window.queues.select_queue("customers")
    # every read asked for has been answered (no sleep: the answers are counted)
    qtbot.waitUntil(lambda: panel.current_code() is not None and len(shown) == len(reads))
    assert reads == [panel.current_code()]

    other = panel.proxy.index(1, 0)
    panel.view.selectRow(other.row())
    qtbot.waitUntil(lambda: len(shown) == len(reads) == 2)
    assert panel.current_code() == reads[-1] != reads[0]
