"""The customers panel of the main window shows a customer's fiscal data (issue 20):
kind, VAT number, tax code, Codice Destinatario and PEC, the structured address; in
Italian through the catalogues."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import customers
from tests.ui.conftest import Desk
from tests.ui.test_catalogue_picker import in_modal
from tests.ui.test_main_window import open_window
from ui.customers_panel import CustomersPanel
from ui.dialogs.fiscal import FiscalDialog


def _opened(qtbot: QtBot, desk: Desk, settings: QSettings, user: str) -> CustomersPanel:
    """``user``'s main window at 1366x768 on All customers, the desk's customer picked."""
    window = open_window(qtbot, desk, user, settings)
    window.resize(1366, 768)
    window.show()
    panel = window.customers
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.queues.select_queue("customers")
    # the first row's read answered first (else it may land after the one asked below)
    qtbot.waitUntil(lambda: panel.current_code() is not None, timeout=10000)
    panel.select_code(desk.customer)
    return panel


def _shown(qtbot: QtBot, desk: Desk, settings: QSettings, screenshot: str,
           **fiscal: str) -> CustomersPanel:
    """The desk's customer given ``fiscal`` data, shown by finance's main window (All
    customers, then the customer picked), laid out and grabbed to ``screenshot``."""
    customers.set_customer(desk.db, desk.admin, desk.customer, kind="business",
                           vat_number="00743110157", street="Via Roma 1", postcode="20121",
                           city="Milano", province="MI", **fiscal)
    panel = _opened(qtbot, desk, settings, desk.finance)
    qtbot.waitUntil(lambda: panel.current_code() == desk.customer
                    and "IT00743110157" in panel.detail.text(), timeout=10000)
    # laid out whole, not clipped to the lines shown before
    qtbot.waitUntil(lambda: panel.detail.height()
                    >= panel.detail.heightForWidth(panel.detail.width()), timeout=10000)
    panel.window().grab().save(screenshot)
    return panel


def test_the_panel_shows_the_fiscal_data(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    panel = _shown(qtbot, desk, settings, "/tmp/customers_fiscal.png", sdi_code="M5UXCR1",
                   pec="amministrazione@pec.example.it")
    text = panel.detail.text()
    for part in ("Business · VAT no. IT00743110157", "Recipient code M5UXCR1",
                 "PEC amministrazione@pec.example.it", "Via Roma 1, 20121 Milano MI"):
        assert part in text, text
    assert "Invoices wait for" not in text  # complete: its invoices are made at once
    # a customer without fiscal data: only its kind, nothing made up, and what its
    # invoices wait for (they keep their numbers until these are set)
    panel.select_code(desk.poor)
    qtbot.waitUntil(lambda: panel.current_code() == desk.poor, timeout=10000)
    assert "Consumer" in panel.detail.text() and "VAT no." not in panel.detail.text()
    assert "Invoices wait for: tax code, street, postcode, city (Fiscal data…)" in \
        panel.detail.text()


def test_in_italian(qtbot: QtBot, desk: Desk, settings: QSettings, italian: None) -> None:
    panel = _shown(qtbot, desk, settings, "/tmp/customers_fiscal_it.png")
    assert "Impresa · P. IVA IT00743110157" in panel.detail.text()
    assert "Codice destinatario 0000000" in panel.detail.text()
    assert "Via Roma 1, 20121 Milano MI" in panel.detail.text()
    panel.select_code(desk.poor)
    qtbot.waitUntil(lambda: panel.current_code() == desk.poor, timeout=10000)
    assert "Le fatture attendono: codice fiscale, indirizzo, CAP, comune (Dati fiscali…)" \
        in panel.detail.text()


def test_an_admin_edits_them_from_the_panel(qtbot: QtBot, desk: Desk,
                                            settings: QSettings) -> None:
    """The panel's Fiscal data… button (an admin's; off for finance): a bad VAT number
    is said in the dialog and nothing saved; corrected, it is saved, audited, shown."""
    panel = _opened(qtbot, desk, settings, desk.admin)
    qtbot.waitUntil(lambda: panel.current_code() == desk.customer
                    and panel.fiscal_button.isEnabled(), timeout=10000)
    errors: list[BaseException] = []
    said: list[str] = []

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, FiscalDialog)
        qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
        dialog.kind.setCurrentIndex(dialog.kind.findData("business"))
        for name, value in (("vat_number", "IT01234567890"), ("sdi_code", "m5uxcr1"),
                            ("street", "Via Roma 1"), ("postcode", "20121"),
                            ("city", "Milano"), ("province", "mi")):
            dialog.boxes[name].clear()
            qtbot.keyClicks(dialog.boxes[name], value)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10000)
        said.append(dialog.message.text())
        dialog.grab().save("/tmp/fiscal_dialog_refused.png")
        dialog.boxes["vat_number"].clear()
        qtbot.keyClicks(dialog.boxes["vat_number"], "00743110157")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, FiscalDialog, drive, errors, {})
    qtbot.mouseClick(panel.fiscal_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert said == ["'IT01234567890' is not a valid VAT number (check digit or length)"]
    saved = customers.get_customer(desk.db, desk.customer).fiscal
    assert (saved.kind, saved.vat_number, saved.sdi_code, saved.province) == (
        "business", "IT00743110157", "M5UXCR1", "MI")
    qtbot.waitUntil(lambda: "Recipient code M5UXCR1" in panel.detail.text(), timeout=10000)

    finance = open_window(qtbot, desk, desk.finance, QSettings(settings.fileName(),
                                                               QSettings.Format.IniFormat))
    assert not finance.customers.fiscal_button.property("allowed")


def test_the_dialog_in_italian(qtbot: QtBot, desk: Desk, italian: None) -> None:
    dialog = FiscalDialog(desk.db, desk.admin, desk.customer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert dialog.windowTitle() == f"Dati fiscali di {desk.customer}"
    assert dialog.kind.currentText() == "Privato"  # the desk's customers have no VAT number
    assert dialog.save_button.text() == "&Salva"
    dialog.grab().save("/tmp/fiscal_dialog_it.png")
