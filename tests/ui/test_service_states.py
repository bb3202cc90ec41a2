"""A customer's services through the stages of the credit procedure (issue 19), in the
real main window: the customer panel lists each service with its billing, state and next
step; the request says its service's state near the customer. Screenshots of each stage
(English and Italian) are saved where RIT_DESK_SHOTS says, for looking at."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from app.services import credit_procedure, customers
from tests.conftest import FakeClock
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from ui.customers_panel import CustomersPanel
from ui.main_window import MainWindow


def _rows(tree: QTreeWidget) -> list[list[str]]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [[item.text(c) for c in range(tree.columnCount())] for item in items if item]


def _panel(qtbot: QtBot, window: MainWindow, code: str) -> CustomersPanel:
    window.resize(1366, 768)
    window.show()
    panel = window.customers
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.queues.select_queue("customers")
    qtbot.waitUntil(lambda: panel.current_code() is not None, timeout=10000)
    panel.select_code(code)
    qtbot.waitUntil(lambda: panel.current_code() == code, timeout=10000)
    return panel


def _reread(qtbot: QtBot, panel: CustomersPanel, expected: str) -> list[list[str]]:
    """The panel read again (as after any change) until the services say ``expected``."""
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.refresh()
    panel.select_code(panel.current_code() or "")
    qtbot.waitUntil(lambda: any(expected in row for row in _rows(panel.services)),
                    timeout=10000)
    return _rows(panel.services)


def _shot(widget: MainWindow, name: str) -> None:
    """The window as a PNG, kept where ``RIT_DESK_SHOTS`` says (to be looked at)."""
    folder = os.environ.get("RIT_DESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _stages(qtbot: QtBot, desk: Desk, settings: QSettings, lang: str) -> list[list[list[str]]]:
    """The poor customer's services (its hourly one and a monthly one) at each stage,
    each grabbed as service_states_<lang>_<n>.png (see :func:`_shot`)."""
    clock = FakeClock()
    desk.db.clock = clock
    customers.add_service(desk.db, desk.admin, desk.poor, name="mail-bianchi", kind="hosting",
                          billing="monthly", paid_until=clock.now.date() + timedelta(days=3))
    customers.adjust(desk.db, desk.finance, desk.poor, "-80", reason="usage")
    window = open_window(qtbot, desk, desk.finance, settings)
    panel = _panel(qtbot, window, desk.poor)
    off, archived = (("Spento", "Archiviato") if lang == "it" else ("Switched off", "Archived"))
    seen = [_reread(qtbot, panel, off)]
    _shot(window, f"service_states_{lang}_1_off.png")
    for days in (5, 2):  # the warning before archiving, then archiving
        clock.now += timedelta(days=days)
        credit_procedure.sweep(desk.db)
    seen.append(_reread(qtbot, panel, archived))
    _shot(window, f"service_states_{lang}_2_archived.png")
    customers.topup(desk.db, desk.finance, desk.poor, "30")
    seen.append(_reread(qtbot, panel, "Attivo" if lang == "it" else "Active"))
    _shot(window, f"service_states_{lang}_3_restarted.png")
    return seen


def test_the_customer_panel_shows_the_stages(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    off, archived, restarted = _stages(qtbot, desk, settings, "en")
    assert off[0][:4] == [desk.service, "Cloud server", "Hourly", "Switched off"]
    assert off[0][4].startswith("Archived on ")
    assert off[1][2].startswith("Monthly, paid until ") and off[1][3] == "Active"
    assert off[1][4].startswith("Switched off on ")
    assert archived[0][3] == "Archived" and archived[0][4].startswith("Deleted on ")
    assert [row[3] for row in restarted] == ["Active", "Active"]
    assert [row[4] for row in restarted] == ["", ""]


def test_in_italian(qtbot: QtBot, desk: Desk, settings: QSettings, italian: None) -> None:
    off, archived, _ = _stages(qtbot, desk, settings, "it")
    assert off[0][2:4] == ["A consumo orario", "Spento"] and off[0][4].startswith("Archiviato il ")
    assert off[1][2].startswith("Mensile, pagato fino al ")
    assert archived[0][4].startswith("Cancellato il ")


def test_the_request_says_its_services_state(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    customers.adjust(desk.db, desk.finance, desk.poor, "-80", reason="usage")
    window = open_window(qtbot, desk, desk.lead, settings)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
        window.queues.select_queue("new")
    with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
        assert window.table.select_number(desk.numbers["new2"])  # the poor customer's
    text = window.workspace.header.facts["service"].text()
    assert "Switched off · Archived on " in text, text
    _shot(window, "service_states_request.png")
