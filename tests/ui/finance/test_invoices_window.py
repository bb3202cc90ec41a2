"""The invoices window, opened from the real main window (File > Invoices…,
Ctrl+Shift+I): the month's invoices with the state of their files (one stored, one
waiting for its customer's fiscal data, saying which), the stored PDF and XML saved
(the XML valid FatturaPA), saving refused while a document waits; closed to technicians.
In Italian too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import billing, customers, invoices, work
from reports.fatturapa import validate_fatturapa
from tests.ui.conftest import Desk
from tests.ui.test_cancel_charging_ui import save_shot
from tests.ui.test_catalogue_picker import in_modal
from tests.ui.test_no_dead_ends_ui import CTRL_SHIFT, shown
from ui.finance.invoice_documents import RENDERERS
from ui.finance.invoices_window import STATE, InvoicesWindow


def two_invoices(desk: Desk) -> tuple[str, str]:
    """A charge of C001 (complete fiscal data: its files made) and one of C002 (none: its
    files wait); the numbers of their invoices (the suite charges VAT at the charge)."""
    customers.set_customer(desk.db, desk.admin, desk.customer, kind="business",
                           vat_number="00743110157", street="Via Roma 1", postcode="20121",
                           city="Milano", province="MI")
    done = []
    for customer in (desk.customer, desk.poor):
        number = desk.accepted(f"Certificate for {customer}", customer=customer)
        work.log_work(desk.db, desk.tech, number, hours="1")
        done.append(billing.complete_request(desk.db, desk.tech, number).invoice)
    invoices.store_unrendered(desk.db, RENDERERS)  # the embedded file's round
    first, second = done
    assert first is not None and second is not None
    return first, second


def test_finance_sees_the_invoices_and_saves_their_files(
        qtbot: QtBot, desk: Desk, settings: QSettings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stored, waiting = two_invoices(desk)
    window = shown(qtbot, desk, settings, desk.finance, desk.numbers["accepted"])
    action = window.menus.invoices_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+I"
    where = {"pdf": tmp_path / "copy.pdf", "xml": tmp_path / "invoice.xml"}
    asked: list[str] = []

    def save_as(_parent: QWidget, title: str, suggested: str, _kinds: str) -> tuple[str, str]:
        asked.append(f"{title} {Path(suggested).name}")
        return str(where["pdf" if suggested.endswith(".pdf") else "xml"]), ""

    monkeypatch.setattr("ui.finance.invoices_window.QFileDialog.getSaveFileName", save_as)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, InvoicesWindow)
        qtbot.waitUntil(lambda: dialog.shown_numbers() == [stored, waiting], timeout=10000)
        rows = [item for i in range(2) if (item := dialog.list.topLevelItem(i)) is not None]
        assert [r.text(STATE) for r in rows] == [
            "stored", "waiting for fiscal data"]
        dialog.list.setCurrentItem(rows[1])
        assert not dialog.save_pdf.isEnabled() and not dialog.save_xml.isEnabled()
        said = (f"{waiting} waits for the customer's tax code, street, postcode, city: its "
                "number is kept, and the worker makes its files once they are set "
                "(customers panel, Fiscal data…).")
        assert dialog.detail.isVisible() and dialog.detail.text() == said
        assert dialog.save_xml.toolTip() == said
        save_shot(dialog, tmp_path / "invoices_window_waiting.png")
        dialog.list.setCurrentItem(rows[0])
        qtbot.waitUntil(dialog.save_xml.isEnabled, timeout=10000)
        assert not dialog.detail.isVisible()
        qtbot.mouseClick(dialog.save_xml, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: where["xml"].exists() and "Saved" in dialog.message.text(),
                        timeout=10000)
        qtbot.waitUntil(dialog.save_pdf.isEnabled, timeout=10000)
        qtbot.mouseClick(dialog.save_pdf, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: where["pdf"].exists(), timeout=10000)
        save_shot(dialog, tmp_path / "invoices_window.png")
        dialog.accept()

    in_modal(qtbot, InvoicesWindow, drive, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_I, CTRL_SHIFT)
    assert not errors, errors
    assert "InvoicesWindow" in seen
    validate_fatturapa(where["xml"].read_bytes())  # the stored XML, valid
    assert where["xml"].read_bytes() == invoices.invoice_file(
        desk.db, desk.finance, stored, "xml")[1]
    assert where["pdf"].read_bytes().startswith(b"%PDF")
    assert asked == [f"Save {stored} IT01234560157_00001.xml",
                     f"Save {stored} {invoices.pdf_filename(stored)}"]


def test_a_technician_has_no_invoices(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = shown(qtbot, desk, settings, desk.tech, desk.numbers["accepted"])
    assert not window.menus.invoices_action.isEnabled()


def test_in_italian(qtbot: QtBot, desk: Desk, settings: QSettings, italian: None,
                    tmp_path: Path) -> None:
    stored, waiting = two_invoices(desk)
    window = shown(qtbot, desk, settings, desk.finance, desk.numbers["accepted"])
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, InvoicesWindow)
        qtbot.waitUntil(lambda: dialog.shown_numbers() == [stored, waiting], timeout=10000)
        assert dialog.windowTitle() == "Fatture e note di credito"
        second = dialog.list.topLevelItem(1)
        assert second is not None and second.text(STATE) == "attende i dati fiscali"
        dialog.list.setCurrentItem(second)
        assert dialog.detail.text().startswith(
            f"{waiting} attende dal cliente codice fiscale, indirizzo, CAP, comune:")
        save_shot(dialog, tmp_path / "invoices_window_it.png")
        dialog.accept()

    in_modal(qtbot, InvoicesWindow, drive, errors, seen)
    window.menus.invoices_action.trigger()
    assert not errors, errors
