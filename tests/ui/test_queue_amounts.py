"""Issue 17: for completed requests the queue's money column is what was charged, less
refunds (marked, both in the tooltip), and the workspace's header says it too; ages are
compact enough to fit their column ("120 g" was "10…")."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.services import billing, charge_documents
from tests.ui.conftest import Desk
from tests.ui.test_dates_on_screen import open_window
from ui.queue_header import KEYS
from ui.request_cells import age_text

NBSP = "\u00a0"


@pytest.mark.usefixtures("italian")
def test_a_refunded_charge_in_the_queue_and_the_workspace(qtbot: QtBot, desk: Desk,
                                                         settings: QSettings) -> None:
    number = desk.numbers["in_progress"]  # fixed 100.00 + 22 % VAT
    billing.complete_request(desk.db, desk.lead, number)
    charge_documents.refund(desk.db, desk.finance, number, net="25", reason="ore di test")
    window = open_window(qtbot, desk, desk.lead, settings, lang="it")
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("completed")
    model = window.table.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    numbers = [getattr(model.request_at(r), "number", 0) for r in range(model.rowCount())]
    row = numbers.index(number)
    cell = model.index(row, KEYS.index("quote_total"))
    assert cell.data() == f"↩{NBSP}91,50{NBSP}€"  # 122.00 less 30.50, marked as refunded
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Addebitato: 91,50{NBSP}€\n122,00{NBSP}€ addebitati, 30,50{NBSP}€ stornati")
    title = model.headerData(KEYS.index("quote_total"), Qt.Orientation.Horizontal)
    assert title == "Importo"
    window.select_request(number)
    qtbot.waitUntil(lambda: window.workspace.detail is not None
                    and window.workspace.detail.number == number, timeout=10000)
    agreed = window.workspace.facts["agreed"].text()
    assert f"stornati 30,50{NBSP}€: restano addebitati 91,50{NBSP}€" in agreed, agreed


@pytest.mark.usefixtures("italian")
def test_ages_fit_their_column_in_italian() -> None:
    now = datetime(2026, 12, 7, 12, 0)
    assert age_text(now - timedelta(days=99), now) == "99 g"
    assert age_text(now - timedelta(days=120), now) == "3 mesi"
    assert age_text(now - timedelta(days=31 * 13), now) == "13 mesi"
    assert age_text(now - timedelta(days=800), now) == "2 anni"


@pytest.mark.usefixtures("english")
def test_ages_fit_their_column_in_english() -> None:
    now = datetime(2026, 12, 7, 12, 0)
    assert age_text(now - timedelta(days=120), now) == "3 mo"
    assert age_text(now - timedelta(days=40), now) == "40 d"
    assert age_text(now - timedelta(days=365), now) == "12 mo"
