"""A customer's email address in the customers panel (issue 18): an admin sets it with the
panel's button; a bad address is refused by the service and said; other roles may not."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from app.services import customers
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window


def answer(monkeypatch: pytest.MonkeyPatch, text: str, asked: list[str]) -> None:
    """The address dialog, answered as a user would: the text typed, OK."""
    def exec_(dialog: QInputDialog) -> int:
        asked.append(dialog.textValue())
        dialog.setTextValue(text)
        return int(QInputDialog.DialogCode.Accepted)

    monkeypatch.setattr(QInputDialog, "exec", exec_)


def test_an_admin_sets_a_customers_email(qtbot: QtBot, desk: Desk, settings: QSettings,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, desk, desk.admin, settings)
    window.resize(1366, 768)
    panel = window.customers
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.queues.select_queue("customers")
    qtbot.waitUntil(lambda: panel.current_code() is not None, timeout=10000)  # the first row
    code = panel.current_code()
    assert code is not None and panel.email_button.isEnabled()
    assert "none (notices are not mailed)" in panel.detail.text()
    asked: list[str] = []
    answer(monkeypatch, "not an address", asked)
    statuses: list[Any] = []
    panel.status.connect(statuses.append)
    panel.email_button.click()
    qtbot.waitUntil(lambda: bool(statuses), timeout=10000)
    assert "not a valid email address" in statuses[-1]
    assert customers.get_customer(desk.db, code).email is None
    answer(monkeypatch, "  ops@example.com ", asked)
    with qtbot.waitSignal(panel.changed, timeout=10000):
        panel.email_button.click()
    assert customers.get_customer(desk.db, code).email == "ops@example.com", statuses
    qtbot.waitUntil(lambda: "ops@example.com" in panel.detail.text(), timeout=10000)
    window.grab().save("/tmp/customer_email.png")


def test_finance_may_not_set_it(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.finance, settings)
    with qtbot.waitSignal(window.customers.loaded, timeout=10000):
        window.queues.select_queue("customers")
    qtbot.waitUntil(lambda: window.customers.statement_button.isEnabled(), timeout=10000)
    assert not window.customers.email_button.isEnabled()
    assert "Not available to your role" in window.customers.email_button.toolTip()
