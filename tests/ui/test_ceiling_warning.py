"""Issue 17: going over the hours ceiling no longer goes unnoticed. Logging 5:00 that took
the work to 115 % said only "Logged 5:00 (billable 5:00)"; now it says how much will not
be charged and offers to propose a variation (the variation dialog opens), and the Work
tab, the completion dialog and the preview show the same figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.services import billing
from tests.ui.conftest import Desk
from tests.ui.handled import handled, mark_handled
from tests.ui.questions import Questions
from tests.ui.test_dates_on_screen import open_window
from ui.dialogs.completion import CompletionDialog
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog
from ui.main_window import MainWindow


class Modal:
    """Handles the modal dialogs as they open: fills and confirms a work entry, closes any
    other one; notes each dialog's class."""

    def __init__(self, hours: str) -> None:
        self.hours = hours
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._handle)
        self.timer.start()

    def _handle(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible() or handled(dialog):
            return
        if isinstance(dialog, WorkEntryDialog):
            if dialog.loading or dialog.busy:
                return
            mark_handled(dialog)
            self.seen.append(type(dialog).__name__)
            dialog.duration.setText(self.hours)
            dialog.ok_button.click()
        else:
            mark_handled(dialog)
            self.seen.append(type(dialog).__name__)
            QDialog.done(dialog, int(QDialog.DialogCode.Rejected))


@pytest.fixture
def modal(qapp: QApplication) -> Iterator[Modal]:
    handler = Modal("2:30")
    yield handler
    handler.timer.stop()


def test_logging_past_the_ceiling_says_what_is_not_charged(
        qtbot: QtBot, desk: Desk, settings: QSettings, modal: Modal, english: None) -> None:
    number = desk.numbers["accepted"]  # hourly, 60.00 an hour, 2 hours: ceiling 120.00
    window: MainWindow = open_window(qtbot, desk, desk.tech, settings)
    ws = window.workspace
    questions = Questions(True, note_text=True)
    ws.confirm = questions
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        window.select_request(number)
    qtbot.waitUntil(lambda: ws.actions_by_name["log_work"].isEnabled(), timeout=10000)
    said = (f"RIT-{number:06d} is over its agreed ceiling of €120.00: 0:30 hours (€30.00) "
            "will not be charged.")
    with qtbot.waitSignal(ws.outcome, timeout=20000,
                          check_params_cb=lambda f: f.text == said):
        ws.actions_by_name["log_work"].trigger()  # 2:30 logged against 2:00 agreed
    assert window.statusBar().currentMessage() == said
    assert questions.asked == [said + "\nPropose a variation of the agreed amount to the customer now?"]
    qtbot.waitUntil(lambda: "VariationDialog" in modal.seen, timeout=10000)
    assert modal.seen == ["WorkEntryDialog", "VariationDialog"]
    # the one figure: the Work tab, the preview, the completion dialog
    assert "Over the ceiling: 0:30 hours (€30.00) will not be charged" in ws.work_summary.text()
    preview = billing.preview_charge(desk.db, number)
    assert (preview.minutes_not_charged, preview.amount_not_charged) == (30, Decimal("30.00"))
    dialog = CompletionDialog(desk.db, desk.tech, number)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "capped" in dialog.values, timeout=10000)
    assert "0:30 hours (€30.00) will not be charged" in dialog.values["capped"].text()
    variation = VariationDialog(desk.db, desk.tech, number)
    qtbot.addWidget(variation)
    qtbot.waitUntil(lambda: not variation.loading, timeout=10000)
    assert variation.not_charged_value.text() == "0:30 (€30.00)"


def test_work_within_the_ceiling_asks_nothing(qtbot: QtBot, desk: Desk, settings: QSettings,
                                              english: None) -> None:
    number = desk.numbers["accepted"]
    handler = Modal("1:00")
    try:
        window = open_window(qtbot, desk, desk.tech, settings)
        ws = window.workspace
        questions = Questions(False)
        ws.confirm = questions
        with qtbot.waitSignal(ws.loaded, timeout=10000):
            window.select_request(number)
        with qtbot.waitSignal(ws.outcome, timeout=20000) as outcome:
            ws.actions_by_name["log_work"].trigger()
        assert outcome.args[0].text.startswith("Logged 1:00")
        qtbot.waitUntil(lambda: not ws.loading, timeout=10000)
        assert questions.asked == [] and handler.seen == ["WorkEntryDialog"]
        assert "will not be charged" not in window.statusBar().currentMessage()
    finally:
        handler.timer.stop()
