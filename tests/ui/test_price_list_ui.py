"""The price list window, opened from the real main window (File > Price list…,
Ctrl+Shift+T): searched, filtered by category, retired items on request; a team lead
adds (a bad price refused with the services' message, nothing written), changes and
retires items; a technician sees it read-only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import catalogue
from tests.ui.conftest import Desk
from tests.ui.test_cancel_charging_ui import save_shot
from tests.ui.test_catalogue_picker import in_modal, price_list
from tests.ui.test_no_dead_ends_ui import CTRL_SHIFT, shown
from ui.dialogs.catalogue_item import CatalogueItemDialog
from ui.price_list import PriceListWindow


def _fill(qtbot: QtBot, dialog: CatalogueItemDialog, **texts: str) -> None:
    for name, text in texts.items():
        box = getattr(dialog, name)
        box.clear()
        qtbot.keyClicks(box, text)


def test_a_team_lead_keeps_the_price_list(qtbot: QtBot, desk: Desk, settings: QSettings,
                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    price_list(desk)
    catalogue.add_item(desk.db, desk.lead, "OLD-KIT", description="Old licence", price="10")
    catalogue.retire_item(desk.db, desk.lead, "OLD-KIT")
    window = shown(qtbot, desk, settings, desk.lead, desk.numbers["accepted"])
    action = window.menus.price_list_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+T"
    asked: list[str] = []

    def yes(_parent: QWidget, title: str, _text: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr("ui.price_list.ask", yes)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, CatalogueItemDialog)
        _fill(qtbot, dialog, code="PLESK-LIC", description="Plesk licence install",
              price="abc")
        dialog.category.setCurrentIndex(dialog.category.findData("software"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=10000)
        assert "price is not a number" in dialog.message.text()
        assert catalogue.list_items(desk.db, search="PLESK") == []  # nothing written
        _fill(qtbot, dialog, price="45,50")
        save_shot(dialog, tmp_path / "price_list_add.png")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, CatalogueItemDialog)
        assert dialog.code.isReadOnly() and dialog.code.text() == "PLESK-LIC"
        _fill(qtbot, dialog, price="49")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, PriceListWindow)
        qtbot.waitUntil(lambda: len(dialog.shown_codes()) == 3, timeout=10000)
        assert dialog.shown_codes() == ["PHP-UPGRADE", "SSL-DV", "SYS-HOUR"]  # not retired
        qtbot.keyClicks(dialog.search, "php")
        assert dialog.shown_codes() == ["PHP-UPGRADE"]
        dialog.search.clear()
        dialog.category.setCurrentIndex(dialog.category.findData("ssl"))
        assert dialog.shown_codes() == ["SSL-DV", "SYS-HOUR"]  # and those of any category
        dialog.category.setCurrentIndex(0)
        dialog.show_retired.setChecked(True)
        assert dialog.shown_codes() == ["OLD-KIT", "PHP-UPGRADE", "SSL-DV", "SYS-HOUR"]
        dialog.list.setCurrentItem(dialog.list.topLevelItem(0))  # type: ignore[arg-type]
        assert dialog.edit_item.isEnabled() and not dialog.retire_item.isEnabled()
        in_modal(qtbot, CatalogueItemDialog, add, errors, seen)
        qtbot.mouseClick(dialog.add_item, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "PLESK-LIC" in dialog.shown_codes() and not dialog.loading,
                        timeout=10000)
        assert dialog.chosen() is not None and dialog.chosen().code == "PLESK-LIC"  # type: ignore[union-attr]
        in_modal(qtbot, CatalogueItemDialog, edit, errors, seen)
        qtbot.mouseClick(dialog.edit_item, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.loading and dialog.chosen() is not None
                        and dialog.chosen().price == Decimal("49.00"),  # type: ignore[union-attr]
                        timeout=10000)
        qtbot.mouseClick(dialog.retire_item, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and not dialog.loading and dialog.chosen()
                        is not None and not dialog.chosen().active,  # type: ignore[union-attr]
                        timeout=10000)
        save_shot(dialog, tmp_path / "price_list.png")
        dialog.reject()

    in_modal(qtbot, PriceListWindow, keep, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_T, CTRL_SHIFT)  # returns once closed
    assert errors == [] and {"PriceListWindow", "CatalogueItemDialog"} <= set(seen)
    assert asked == ["Retire PLESK-LIC"]
    item = catalogue.get_item(desk.db, "PLESK-LIC")
    assert (item.price, item.category, item.active) == (Decimal("49.00"), "software", False)


def test_a_technician_sees_it_read_only(qtbot: QtBot, desk: Desk, settings: QSettings,
                                        tmp_path: Path) -> None:
    price_list(desk)
    window = shown(qtbot, desk, settings, desk.tech, desk.numbers["accepted"])
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PriceListWindow)
        qtbot.waitUntil(lambda: len(dialog.shown_codes()) == 3, timeout=10000)
        for button in (dialog.add_item, dialog.edit_item, dialog.retire_item):
            assert not button.isEnabled()
            assert button.toolTip() == "Only team leads and admins change the price list."
        save_shot(dialog, tmp_path / "price_list_read_only.png")
        dialog.reject()

    in_modal(qtbot, PriceListWindow, look, errors, seen)
    window.menus.price_list_action.trigger()
    assert errors == [] and seen
