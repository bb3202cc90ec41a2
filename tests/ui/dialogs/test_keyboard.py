"""Every dialog by keyboard: unique mnemonics in both languages, Esc cancels."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import opened
from ui.dialogs import (
    AssignDialog,
    BatchExportDialog,
    CompletionDialog,
    CreditDialog,
    DeclineDialog,
    PdfPreviewDialog,
    QuoteComposerDialog,
    VariationDialog,
    WorkEntryDialog,
)
from ui.dialogs.base import ServiceDialog
from ui.dialogs.cancel_request import CancelRequestDialog
from ui.dialogs.catalogue_item import CatalogueItemDialog
from ui.price_list import PriceListWindow

MNEMONIC = re.compile(r"&(?!&)(.)")


def dialogs(world: World) -> dict[str, Callable[[], ServiceDialog]]:
    db = world.db
    taken = world.taken()
    working = world.in_progress()
    quote = request_detail(db, working).agreed_quote
    assert quote is not None
    quote_id = quote.id
    return {
        "composer": lambda: QuoteComposerDialog(db, world.tech, taken),
        "work": lambda: WorkEntryDialog(db, world.tech, working),
        "variation": lambda: VariationDialog(db, world.tech, working),
        "completion": lambda: CompletionDialog(db, world.tech, working),
        "decline": lambda: DeclineDialog(db, world.tech, taken),
        "assign": lambda: AssignDialog(db, world.lead, taken),
        "topup": lambda: CreditDialog(db, world.finance, world.customer, "topup"),
        "adjust": lambda: CreditDialog(db, world.finance, world.customer, "adjust"),
        "batch": lambda: BatchExportDialog(db, world.finance),
        "pdf": lambda: PdfPreviewDialog(db, world.finance, quote_id),
        "cancel": lambda: CancelRequestDialog(db, world.lead, working),
        "price_item": lambda: CatalogueItemDialog(db, world.lead),
        "price_list": lambda: PriceListWindow(db, world.lead, "team_lead"),
    }


def mnemonics(dialog: ServiceDialog) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.buddy()]
    return [m.group(1).lower() for text in texts for m in MNEMONIC.finditer(text)]


def check_all(qtbot: QtBot, world: World) -> None:
    for name, make in dialogs(world).items():
        dialog = opened(qtbot, make())
        letters = mnemonics(dialog)
        assert len(letters) == len(set(letters)), (name, sorted(letters))
        if isinstance(dialog, QuoteComposerDialog):  # the other page of the kind
            dialog.kind.setCurrentIndex(1)
            letters = mnemonics(dialog)
            assert len(letters) == len(set(letters)), (name, sorted(letters))


def test_mnemonics_are_unique_in_italian(qtbot: QtBot, world: World) -> None:
    check_all(qtbot, world)


@pytest.mark.usefixtures("english")
def test_mnemonics_are_unique_in_english(qtbot: QtBot, world: World) -> None:
    check_all(qtbot, world)


def test_escape_cancels_and_changes_nothing(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    dialog = opened(qtbot, DeclineDialog(world.db, world.tech, number))
    qtbot.keyClicks(dialog.reason, "Non fattibile")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert dialog.result_value is None


def test_enter_accepts(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    dialog = opened(qtbot, DeclineDialog(world.db, world.tech, number))
    qtbot.keyClicks(dialog.reason, "Servizio non supportato")
    with qtbot.waitSignal(dialog.idle):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value == "Servizio non supportato"


def test_a_mnemonic_moves_to_its_field(qtbot: QtBot, world: World) -> None:
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, world.accepted()))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Nota:"
    assert dialog.note.hasFocus()
