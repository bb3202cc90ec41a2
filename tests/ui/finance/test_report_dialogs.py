"""The charges report and the credit statement in the desktop app: made off the GUI
thread, previewed, exported as PDF and CSV (the same bytes as the renderers give for the
service's figures), refused to a technician in the dialog, opened from the menus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import billing, charges_report, statements
from reports.finance_csv import charges_csv, statement_csv
from tests.ui.conftest import Desk
from ui.finance.report_dialogs import ChargesReportDialog, StatementDialog
from ui.main_window import MainWindow


def charged(desk: Desk) -> int:
    number = desk.numbers["in_progress"]
    billing.complete_request(desk.db, desk.tech2, number)
    return number


def wait_made(qtbot: QtBot, dialog: ChargesReportDialog | StatementDialog) -> None:
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)


def test_charges_report_dialog(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    charged(desk)
    today = desk.db.today()
    dialog = ChargesReportDialog(desk.db, desk.finance, today=today, lang="en")
    wait_made(qtbot, dialog)
    # the previous month by default: nothing charged then
    assert dialog.made is not None and "0 charges" in dialog.made.heading
    dialog.first.setDate(dialog.first.date().addMonths(1))
    dialog.last.setDate(dialog.first.date().addMonths(1).addDays(-1))
    dialog.grouping.setCurrentIndex(dialog.grouping.findData("category"))
    with qtbot.waitSignal(dialog.idle, timeout=10000):
        dialog.show_button.click()
    assert dialog.made is not None and dialog.page_count == 1
    assert "1 charges" in dialog.made.heading and "€122.00 total" in dialog.made.heading
    first = today.replace(day=1)
    expected = charges_report.charges_report(desk.db, desk.finance, first, dialog.options().last,
                                             by="category", lang="en")
    assert dialog.made.csv == charges_csv(expected)
    assert dialog.export_to(tmp_path / "report", "csv")
    assert (tmp_path / "report.csv").read_bytes() == charges_csv(expected)
    assert dialog.export_to(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert not dialog.export_to(tmp_path / "missing" / "x.pdf")
    assert dialog.message.isVisibleTo(dialog)


def test_a_technician_is_refused_in_the_dialog(qtbot: QtBot, desk: Desk) -> None:
    dialog = ChargesReportDialog(desk.db, desk.tech, today=desk.db.today(), lang="en")
    wait_made(qtbot, dialog)
    assert dialog.made is None and not dialog.pdf_button.isEnabled()
    assert "may not see charges reports" in dialog.message.text()


def test_statement_dialog(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    charged(desk)
    today = desk.db.today()
    dialog = StatementDialog(desk.db, desk.lead, desk.customer, today=today)
    wait_made(qtbot, dialog)
    found = statements.statement(desk.db, desk.lead, desk.customer, date(today.year, 1, 1), today)
    assert dialog.made is not None and dialog.page_count == 1
    assert dialog.made.csv == statement_csv(found)
    assert found.closing == found.opening + 5000 - 122  # the initial credit, the charge
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.idle, timeout=10000):
        dialog.show_button.click()
    assert "Credit statement C001" in dialog.made.heading
    assert dialog.export_to(tmp_path / "statement.csv", "csv")


def test_the_menus_open_the_documents(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    lead = MainWindow(desk.ctx(desk.lead), settings=settings)
    lead.poll_timer.stop()
    qtbot.addWidget(lead)
    assert lead.report_action.isEnabled()
    opened: list[object] = []

    def close_it(dialog: QDialog) -> None:
        opened.append(dialog)
        QTimer.singleShot(0, dialog.reject)

    lead.finance.dialog_opened.connect(close_it)
    lead.report_action.trigger()
    assert [type(d) for d in opened] == [ChargesReportDialog]
    with qtbot.waitSignal(lead.customers.loaded, timeout=5000):
        lead.queues.select_queue("all")
        lead.centre.setCurrentWidget(lead.customers)
        lead.customers.show_list(False)
    qtbot.waitUntil(lambda: lead.customers.statement_button.isEnabled(), timeout=5000)
    lead.customers.statement_button.click()
    assert [type(d) for d in opened] == [ChargesReportDialog, StatementDialog]
    tech = MainWindow(desk.ctx(desk.tech), settings=settings)
    tech.poll_timer.stop()
    qtbot.addWidget(tech)
    assert not tech.report_action.isEnabled()


def test_saving_a_csv_is_confirmed_with_its_path(qtbot: QtBot, desk: Desk, tmp_path: Path,
                                                 settings: QSettings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: saving a CSV said nothing. From the real window's File menu, the report's
    CSV saved says so in the dialog and in the status bar, with the file's path."""
    from tests.ui.test_dates_on_screen import open_window

    target = tmp_path / "charges.csv"
    monkeypatch.setattr("ui.finance.document_dialog.QFileDialog.getSaveFileName",
                        lambda *_args: (str(target), ""))
    window = open_window(qtbot, desk, desk.finance, settings)
    seen: list[str] = []

    def drive(dialog: object) -> None:
        assert isinstance(dialog, ChargesReportDialog)

        def save() -> None:
            if dialog.loading or dialog.made is None:
                QTimer.singleShot(20, save)
                return
            qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
            seen.append(dialog.message.text())
            seen.append(window.statusBar().currentMessage())
            dialog.reject()

        QTimer.singleShot(0, save)

    window.finance.dialog_opened.connect(drive)
    window.menus.report_action.trigger()
    assert target.exists()
    assert seen == [f"Saved {target}", f"Saved {target}"]
