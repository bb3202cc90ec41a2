"""The customers panel of the main window shows a customer's fiscal data (issue 20):
kind, VAT number, tax code, Codice Destinatario and PEC, the structured address; in
Italian through the catalogues."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services import customers
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from ui.customers_panel import CustomersPanel


def _shown(qtbot: QtBot, desk: Desk, settings: QSettings, screenshot: str,
           **fiscal: str) -> CustomersPanel:
    """The desk's customer given ``fiscal`` data, shown by finance's main window (All
    customers, then the customer picked), laid out and grabbed to ``screenshot``."""
    customers.set_customer(desk.db, desk.admin, desk.customer, kind="business",
                           vat_number="00743110157", street="Via Roma 1", postcode="20121",
                           city="Milano", province="MI", **fiscal)
    window = open_window(qtbot, desk, desk.finance, settings)
    window.resize(1366, 768)
    window.show()
    panel = window.customers
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.queues.select_queue("customers")
    # the first row's read answered first (else it may land after the one asked below)
    qtbot.waitUntil(lambda: panel.current_code() is not None, timeout=10000)
    panel.select_code(desk.customer)
    qtbot.waitUntil(lambda: panel.current_code() == desk.customer
                    and "IT00743110157" in panel.detail.text(), timeout=10000)
    # laid out whole, not clipped to the lines shown before
    qtbot.waitUntil(lambda: panel.detail.height()
                    >= panel.detail.heightForWidth(panel.detail.width()), timeout=10000)
    window.grab().save(screenshot)
    return panel


def test_the_panel_shows_the_fiscal_data(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    panel = _shown(qtbot, desk, settings, "/tmp/customers_fiscal.png", sdi_code="M5UXCR1",
                   pec="amministrazione@pec.example.it")
    text = panel.detail.text()
    for part in ("Business · VAT no. IT00743110157", "Recipient code M5UXCR1",
                 "PEC amministrazione@pec.example.it", "Via Roma 1, 20121 Milano MI"):
        assert part in text, text
    # a customer without fiscal data: only its kind, nothing made up
    panel.select_code(desk.poor)
    qtbot.waitUntil(lambda: panel.current_code() == desk.poor, timeout=10000)
    assert "Consumer" in panel.detail.text() and "VAT no." not in panel.detail.text()


def test_in_italian(qtbot: QtBot, desk: Desk, settings: QSettings, italian: None) -> None:
    panel = _shown(qtbot, desk, settings, "/tmp/customers_fiscal_it.png")
    assert "Impresa · P. IVA IT00743110157" in panel.detail.text()
    assert "Codice destinatario 0000000" in panel.detail.text()
    assert "Via Roma 1, 20121 Milano MI" in panel.detail.text()
