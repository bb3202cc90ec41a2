"""The quote composer's price list, from the main window (issue 19): New quote (Ctrl+N),
From price list…, the picker filtered by the request's category and searchable, the
line added at the list price and saved with its item; a technician is stopped below
the list price before saving, as the service would."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.services import catalogue, queries
from tests.ui.conftest import Desk
from tests.ui.dialogs.dialog_helpers import type_cell
from tests.ui.test_attachments_tab import shown
from ui.dialogs.catalogue_picker import CataloguePicker
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.quote_lines import AMOUNT, DESCRIPTION, UNIT_PRICE


def price_list(desk: Desk) -> None:
    catalogue.add_item(desk.db, desk.lead, "SSL-DV", description="SSL certificate install",
                       price="79", category="ssl")
    catalogue.add_item(desk.db, desk.lead, "PHP-UPGRADE", description="PHP upgrade",
                       price="120", category="software")
    catalogue.add_item(desk.db, desk.lead, "SYS-HOUR", description="System work", price="55",
                       unit="hour")


def modal(kind: type[QWidget]) -> Callable[[], bool]:
    return lambda: isinstance(QApplication.activeModalWidget(), kind)


def in_modal(qtbot: QtBot, kind: type[QWidget], drive: Callable[[QWidget], None],
             errors: list[BaseException], shots: dict[str, QWidget]) -> None:
    """Once a ``kind`` dialog is open (exec), run ``drive`` on it; a failure is kept and
    the dialog closed, so the test fails instead of waiting for ever."""
    def run() -> None:
        dialog = None
        try:
            qtbot.waitUntil(modal(kind), timeout=10000)
            dialog = QApplication.activeModalWidget()
            assert dialog is not None
            shots[kind.__name__] = dialog
            drive(dialog)
        except BaseException as exc:
            errors.append(exc)
            if isinstance(dialog, QDialog):
                dialog.reject()

    QTimer.singleShot(0, run)


def test_a_line_picked_from_the_price_list(qtbot: QtBot, desk: Desk, settings: QSettings,
                                           tmp_path: Path) -> None:
    price_list(desk)
    number = desk.taken("Wildcard certificate", category="ssl")  # tom's
    window = shown(qtbot, desk, settings, desk.tech, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}
    codes: list[list[str]] = []

    def pick(picker: QWidget) -> None:
        assert isinstance(picker, CataloguePicker)
        codes.append(picker.shown_codes())  # the request's category and every category
        qtbot.keyClicks(picker.search, "php")
        codes.append(picker.shown_codes())
        picker.all_categories.setChecked(True)
        codes.append(picker.shown_codes())
        picker.search.clear()
        qtbot.keyClicks(picker.search, "certificate")
        codes.append(picker.shown_codes())
        qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)

    def compose(dialog: QWidget) -> None:
        assert isinstance(dialog, QuoteComposerDialog)
        qtbot.waitUntil(dialog.catalogue_button.isEnabled, timeout=10000)
        in_modal(qtbot, CataloguePicker, pick, errors, seen)
        qtbot.mouseClick(dialog.catalogue_button, Qt.MouseButton.LeftButton)
        table = dialog.table
        assert table.rowCount() == 1  # the blank first line was replaced
        assert table.item(0, DESCRIPTION).text() == "SSL certificate install"  # type: ignore[union-attr]
        assert table.item(0, AMOUNT).text() == "€79.00"  # type: ignore[union-attr]
        type_cell(qtbot, table, 0, UNIT_PRICE, "70")  # a technician: not below the list
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "below its list price €79.00" in dialog.lines_error.text()
        assert dialog.isVisible()
        type_cell(qtbot, table, 0, UNIT_PRICE, "89")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, QuoteComposerDialog, compose, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert errors == []  # the composer was driven to the end and closed
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.current is not None and bool(ws.current.quotes), timeout=10000)
    assert set(seen) == {"QuoteComposerDialog", "CataloguePicker"}
    assert codes == [["SSL-DV", "SYS-HOUR"], [], ["PHP-UPGRADE"], ["SSL-DV"]]
    draft = queries.request_detail(desk.db, number).quotes[-1]
    assert [(li.description, li.unit_price, li.item) for li in draft.lines] == [
        ("SSL certificate install", Decimal("89.00"), "SSL-DV")]
