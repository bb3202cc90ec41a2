"""Issue 20 through the real window: at the top-up VAT point, Complete and charge
(Ctrl+Shift+C) shows what the credit gives (the net, no VAT row) and says why; at the
charge point the VAT is shown and said to be in the charge. The composer (Ctrl+N) offers
a nature at 0 % VAT, refuses to save without one, and stores the one chosen."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db import models as m
from app.db.database import Database
from app.services import customers, queries
from tests.ui.conftest import Desk, make_desk
from tests.ui.dialogs.dialog_helpers import type_cell
from tests.ui.test_attachments_tab import shown
from tests.ui.test_catalogue_picker import in_modal
from ui.dialogs.completion import CompletionDialog
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.quote_lines import DESCRIPTION, UNIT_PRICE

D = Decimal
#: where the screens are saved to be looked at (RIT_DESK_SHOTS=folder), else nowhere
SHOTS = os.environ.get("RIT_DESK_SHOTS", "")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def desk_at(db: Database, point: str) -> Desk:
    with db.transaction() as session:  # before any charge or top-up: allowed
        session.merge(m.Setting(key="vat_point", value=point))
    return make_desk(db)


@pytest.mark.parametrize("point", ["topup", "charge"])
def test_complete_and_charge_says_the_point(qtbot: QtBot, desk_db: Database,
                                            settings: QSettings, point: str) -> None:
    desk = desk_at(desk_db, point)
    number = desk.numbers["in_progress"]  # tina's, fixed 100.00, 1:30 logged
    window = shown(qtbot, desk, settings, desk.tech2, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}
    texts: dict[str, str] = {}

    def complete(dialog: QWidget) -> None:
        assert isinstance(dialog, CompletionDialog)
        qtbot.waitUntil(lambda: "total" in dialog.values, timeout=10000)
        texts.update({key: label.text() for key, label in dialog.values.items()})
        shot(dialog, f"completion_{point}")
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, CompletionDialog, complete, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen) and not seen["CompletionDialog"].isVisible(),
                    timeout=10000)
    assert errors == []
    if point == "topup":
        assert "vat" not in texts
        assert (texts["net"], texts["total"], texts["vat_point"]) == (
            "€100.00", "€100.00", "VAT paid on the credit top-up")
    else:
        assert (texts["vat"], texts["total"], texts["vat_point"]) == (
            "€22.00", "€122.00", "VAT 22% included in the charge")
    taken = D("100.00") if point == "topup" else D("122.00")
    qtbot.waitUntil(lambda: queries.request_detail(desk.db, number).state == "completed",
                    timeout=10000)
    assert customers.get_customer(desk.db, desk.customer).balance == D("5000.00") - taken


def test_the_composer_asks_the_nature_at_zero(qtbot: QtBot, desk: Desk,
                                              settings: QSettings) -> None:
    number = desk.taken("Service outside Italy", category="other")  # tom's
    window = shown(qtbot, desk, settings, desk.tech, number)
    errors: list[BaseException] = []
    seen: dict[str, QWidget] = {}
    states: list[tuple[bool, str]] = []

    def compose(dialog: QWidget) -> None:
        assert isinstance(dialog, QuoteComposerDialog)
        picker = dialog.nature_picker
        type_cell(qtbot, dialog.table, 0, DESCRIPTION, "Consulting for an EU customer")
        type_cell(qtbot, dialog.table, 0, UNIT_PRICE, "500")
        qtbot.waitUntil(lambda: bool(dialog.totals.vat_point_note.text()), timeout=10000)
        states.append((picker.isVisible(), dialog.totals.vat_point_note.text()))  # 22 %
        dialog.vat_rate.clear()
        qtbot.keyClicks(dialog.vat_rate, "0")
        states.append((picker.isVisible(), ""))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "nature" in dialog.message.text(), timeout=10000)
        states.append((dialog.isVisible(), dialog.message.text()))
        picker.nature.setCurrentIndex(picker.nature.findData("N2.1"))
        states.append((True, picker.reference.text()))
        shot(dialog, "composer_nature")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    in_modal(qtbot, QuoteComposerDialog, compose, errors, seen)
    qtbot.keyClick(window.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert errors == []
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.current is not None and bool(ws.current.quotes), timeout=10000)
    assert states[0] == (False, "VAT 22% included in the charge")
    assert states[1][0] is True
    assert states[2][0] is True and "must state its nature" in states[2][1]
    assert states[3][1] == "Art. 7-ter DPR 633/72"
    draft = queries.request_detail(desk.db, number).quotes[-1]
    assert (draft.vat_rate, draft.vat_nature, draft.legal_reference) == (
        D("0.00"), "N2.1", "Art. 7-ter DPR 633/72")
