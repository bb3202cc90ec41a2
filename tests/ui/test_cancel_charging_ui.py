"""Cancel request… in the real main window (Ctrl+Shift+J) charging the work done so far:
the amount read off the GUI thread and shown, ticked, charged once; a fixed-price
request without an agreed variation offers no charge and says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import queries, work
from tests.ui.conftest import Desk
from tests.ui.test_catalogue_picker import in_modal
from tests.ui.test_no_dead_ends_ui import CTRL_SHIFT, shown
from ui.dialogs.cancel_request import CancelRequestDialog


def save_shot(widget: QWidget, path: Path) -> None:
    """The widget as a PNG at ``path``, to look at."""
    widget.grab().save(str(path))


def test_a_team_lead_cancels_charging_the_work_done(qtbot: QtBot, desk: Desk,
                                                    settings: QSettings,
                                                    tmp_path: Path) -> None:
    number = desk.numbers["accepted"]  # tom's, hourly at 60/h
    work.log_work(desk.db, desk.tech, number, hours="1:10")  # 1:15 billable
    window = shown(qtbot, desk, settings, desk.lead, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelRequestDialog)
        qtbot.waitUntil(dialog.charge_work.isEnabled, timeout=10000)
        assert dialog.charge_facts.text().startswith("1:15 billable: €91.50 (net €75.00 + "
                                                     "VAT €16.50); credit")
        dialog.charge_work.setChecked(True)  # as a click on it does
        assert dialog.ok_button.text() == "Cancel and &charge"
        assert "is charged to the customer's credit" in dialog.explanation.text()
        qtbot.keyClicks(dialog.reason, "The customer moved the site away")
        qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height(), timeout=10000)
        save_shot(dialog, tmp_path / "cancel_charging_dialog.png")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # a double click

    in_modal(qtbot, CancelRequestDialog, cancel, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_J, CTRL_SHIFT)  # returns once closed
    assert errors == [] and seen
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.current is not None and ws.current.state == "cancelled",
                    timeout=10000)
    assert window.statusBar().currentMessage().startswith(
        f"RIT-{number:06d} cancelled: the work done charged €91.50; credit ")
    assert ws.history.topLevelItem(0).text(2) == "Cancelled, work done charged"  # type: ignore[union-attr]
    detail = queries.request_detail(desk.db, number)
    assert detail.charge is not None and str(detail.charge.total) == "91.50"
    assert [n.kind for n in detail.notices].count("cancelled_charged") == 1
    save_shot(window, tmp_path / "cancelled_charged.png")


def test_no_charge_for_a_fixed_price_request_without_a_variation(
        qtbot: QtBot, desk: Desk, settings: QSettings, tmp_path: Path) -> None:
    number = desk.numbers["in_progress"]  # tina's, fixed price, 1:30 logged
    window = shown(qtbot, desk, settings, desk.lead, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}
    why = (f"RIT-{number:06d} is fixed-price with no agreed variation: cancel it without "
           "--charge-work, or agree a variation first")

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, CancelRequestDialog)
        qtbot.waitUntil(lambda: dialog.charge_facts.text().endswith("agree a variation first"),
                        timeout=10000)
        assert not dialog.charge_work.isEnabled()
        assert why.lower() in dialog.charge_work.toolTip().lower()
        assert dialog.ok_button.isEnabled()  # cancelling charging nothing stays possible
        save_shot(dialog, tmp_path / "cancel_fixed_price_dialog.png")
        dialog.reject()

    in_modal(qtbot, CancelRequestDialog, look, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_J, CTRL_SHIFT)  # returns once closed
    assert errors == [] and seen
    assert queries.request_detail(desk.db, number).state == "in_progress"
