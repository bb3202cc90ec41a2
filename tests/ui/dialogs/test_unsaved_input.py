"""Issue 17: no input is lost. Escape threw a composed quote away (two lines typed, no
question, nothing saved); every dialog with entries now asks before Escape, Cancel or
closing its window discards what was changed, and keeps it on No."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.services import billing, charge_documents
from tests.ui.conftest import Discards
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_cell, type_into
from ui.dialogs.base import ServiceDialog
from ui.dialogs.credit import CreditDialog
from ui.dialogs.decline import DeclineDialog
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog
from ui.finance.charge_dialog import ChargeDialog, RefundDialog
from ui.finance.documents import after_charge


def compose_two_lines(qtbot: QtBot, world: World) -> QuoteComposerDialog:
    dialog = opened(qtbot, QuoteComposerDialog(world.db, world.tech, world.taken()))
    type_cell(qtbot, dialog.table, 0, 0, "Installazione PHP 8.3")
    type_cell(qtbot, dialog.table, 0, 2, "250")
    qtbot.mouseClick(dialog.add_line_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, dialog.table, 1, 0, "Configurazione Plesk")
    type_cell(qtbot, dialog.table, 1, 2, "80")
    return dialog


def test_escape_on_a_composed_quote_asks_and_no_keeps_it(qtbot: QtBot, world: World,
                                                         discards: Discards) -> None:
    dialog = compose_two_lines(qtbot, world)
    discards.answer = False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert discards.asked == ["Scartare le modifiche"]
    assert dialog.isVisible()
    assert dialog.table.item(1, 0).text() == "Configurazione Plesk"  # type: ignore[union-attr]
    dialog.close()  # the window's close button: asked again, kept again
    assert len(discards.asked) == 2 and dialog.isVisible()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    discards.answer = True
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(discards.asked) == 3 and not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


def test_nothing_typed_closes_without_a_question(qtbot: QtBot, world: World,
                                                 discards: Discards) -> None:
    """What the dialog read and filled in (a draft's lines) is not the user's input."""
    number = world.taken()
    quote = QuoteComposerDialog(world.db, world.tech, number)
    opened(qtbot, quote)
    qtbot.keyClick(quote.table, Qt.Key.Key_Escape)
    assert not quote.isVisible()
    work = opened(qtbot, WorkEntryDialog(world.db, world.tech, world.in_progress()))
    qtbot.keyClick(work.duration, Qt.Key.Key_Escape)
    assert not work.isVisible()
    assert discards.asked == []


def test_typing_back_what_was_there_is_no_change(qtbot: QtBot, world: World,
                                                 discards: Discards) -> None:
    dialog = opened(qtbot, DeclineDialog(world.db, world.tech, world.taken()))
    type_into(qtbot, dialog.reason, "Non fattibile")
    dialog.reason.selectAll()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Backspace)
    assert dialog.reason.text() == ""
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert discards.asked == [] and not dialog.isVisible()


def _field(name: str) -> Callable[[ServiceDialog], QLineEdit]:
    def get(dialog: ServiceDialog) -> QLineEdit:
        field = getattr(dialog, name)
        assert isinstance(field, QLineEdit)
        return field
    return get


@pytest.mark.parametrize("which", ["work", "variation", "topup", "adjust", "decline"])
def test_every_dialog_with_entries_asks(qtbot: QtBot, world: World, discards: Discards,
                                        which: str) -> None:
    makers: dict[str, tuple[Callable[[], ServiceDialog], str]] = {
        "work": (lambda: WorkEntryDialog(world.db, world.tech, world.in_progress()), "note"),
        "variation": (lambda: VariationDialog(world.db, world.tech,
                                              world.in_progress(kind="hourly")), "reason"),
        "topup": (lambda: CreditDialog(world.db, world.finance, world.customer, "topup"),
                  "amount"),
        "adjust": (lambda: CreditDialog(world.db, world.finance, world.customer, "adjust"),
                   "text"),
        "decline": (lambda: DeclineDialog(world.db, world.tech, world.taken()), "reason"),
    }
    make, name = makers[which]
    dialog = opened(qtbot, make())
    field = _field(name)(dialog)
    type_into(qtbot, field, "12")
    discards.answer = False
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert discards.asked == ["Scartare le modifiche"] and dialog.isVisible()
    assert field.text() == "12"


def test_the_refund_asks_its_charge_document_does_not(qtbot: QtBot, world: World,
                                                      discards: Discards) -> None:
    number = world.in_progress()
    billing.complete_request(world.db, world.tech, number)
    after_charge(world.db, number)
    charge = ChargeDialog(world.db, world.finance, number, can_refund=True)
    opened(qtbot, charge)
    qtbot.waitUntil(lambda: charge.summary is not None, timeout=10000)
    assert charge.summary is not None
    refund = opened(qtbot, RefundDialog(world.db, world.finance, charge.summary,
                                        parent=charge))
    type_into(qtbot, refund.reason, "Errore di fatturazione")
    discards.answer = False
    qtbot.keyClick(refund.reason, Qt.Key.Key_Escape)
    assert discards.asked == ["Scartare le modifiche"] and refund.isVisible()
    assert charge_documents.charge_summary(world.db, world.finance, number).refunds == ()
    discards.answer = True
    refund.reject()
    assert not refund.isVisible()
    charge.which.setFocus()
    qtbot.keyClick(charge.which, Qt.Key.Key_Escape)  # a document shown: nothing to lose
    assert len(discards.asked) == 2 and not charge.isVisible()


def test_a_quote_submitted_for_approval_closes_without_a_question(qtbot: QtBot, world: World,
                                                                 discards: Discards) -> None:
    """Over the send limit the composer submits the quote for a team lead's approval (it
    used to save a draft and stay open): what was typed is saved, so the composer closes
    and nothing is asked."""
    dialog = opened(qtbot, QuoteComposerDialog(world.db, world.tech, world.taken()))
    dialog.confirm = lambda _title, _text: True
    type_cell(qtbot, dialog.table, 0, 0, "Migrazione P2V")
    type_cell(qtbot, dialog.table, 0, 2, "1500")
    click(qtbot, dialog, dialog.send_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value is not None and dialog.result_value.stored_state == "submitted"
    assert discards.asked == [] and not dialog.isVisible()
