"""Finance records top-ups and adjustments."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import billing, customers
from tests.ui.conftest import Discards
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_into
from ui.dialogs.credit import CreditDialog


def exhausted(world: World) -> None:
    number = world.in_progress(customer=world.poor)  # 122.00 on 50.00 -> -72.00
    billing.complete_request(world.db, world.tech, number)


def test_topup_ends_credit_exhaustion(qtbot: QtBot, world: World) -> None:
    exhausted(world)
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.poor, "topup"))
    assert dialog.balance_value.text() == "-72,00\u00a0€"
    assert dialog.missing_value.text() == "72,00\u00a0€"
    assert dialog.amount.text() == "72,00"  # the missing amount, proposed
    type_into(qtbot, dialog.amount, "100")
    type_into(qtbot, dialog.text, "Bonifico 12/11")
    assert dialog.after_value.text() == "28,00\u00a0€"
    assert "ripartono" in dialog.effect.text()

    click(qtbot, dialog, dialog.ok_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    customer = customers.get_customer(world.db, world.poor)
    assert customer.balance == Decimal("28.00")
    assert customer.status == "active"
    assert customer.ledger[-1].reference == "Bonifico 12/11"
    assert dialog.result_value.restarted_services == (world.service,)


def test_adjustment_needs_a_reason(qtbot: QtBot, world: World) -> None:
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "adjust"))
    type_into(qtbot, dialog.amount, "-25,50")
    click_without_call = dialog.ok_button
    click_without_call.click()
    assert dialog.text_error.isVisible()

    type_into(qtbot, dialog.text, "Storno fattura doppia")
    assert dialog.after_value.text() == "4.974,50\u00a0€"
    click(qtbot, dialog, dialog.ok_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    customer = customers.get_customer(world.db, world.customer)
    assert customer.balance == Decimal("4974.50")
    assert customer.ledger[-1].reason == "Storno fattura doppia"


def test_a_technician_may_not_top_up(qtbot: QtBot, world: World) -> None:
    dialog = opened(qtbot, CreditDialog(world.db, world.tech, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "10")
    click(qtbot, dialog, dialog.ok_button)
    assert "non può registrare ricariche" in dialog.message.text()
    assert customers.get_customer(world.db, world.customer).balance == Decimal("5000.00")


def test_numbers_are_read_the_way_the_language_writes_them(qtbot: QtBot, world: World) -> None:
    """Issue 9, part 3: the dialog reads the amount with the one parser, in Italian."""
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    for typed in ("1e3", "5e-1", "1_000", "١٢", "１２", "1 000", "nan"):
        type_into(qtbot, dialog.amount, typed)
        assert dialog.after_value.text() == "—", typed
        dialog.ok_button.click()  # refused at the field: no call starts
        assert dialog.amount_error.isVisible() and not dialog.busy, typed
    type_into(qtbot, dialog.amount, "1.500,50")  # grouped the Italian way
    assert dialog.after_value.text() == "6.500,50\u00a0€"
    click(qtbot, dialog, dialog.ok_button)
    assert customers.get_customer(world.db, world.customer).balance == Decimal("6500.50")


def test_in_english_a_comma_is_no_decimal_separator(qtbot: QtBot, world: World,
                                                    english: None) -> None:
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "1,5")
    assert dialog.after_value.text() == "—"
    type_into(qtbot, dialog.amount, "1,500.50")
    assert dialog.after_value.text() == "€6,500.50"


def test_a_topup_is_confirmed_with_the_amount_and_the_balance_after(
        qtbot: QtBot, world: World, discards: Discards) -> None:
    """Issue 17: Enter recorded a top-up at once; now the amount and the resulting balance
    are asked about first, and No records nothing."""
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "250")
    discards.answer = False
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert discards.asked == ["Registrare la ricarica"]
    assert discards.texts == ["Registrare una ricarica di 250,00\u00a0€ per Rossi S.r.l.?\n"
                              "Il credito passa da 5.000,00\u00a0€ a 5.250,00\u00a0€."]
    assert dialog.isVisible() and not dialog.busy
    assert customers.get_customer(world.db, world.customer).balance == Decimal("5000.00")
    discards.answer = True
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert customers.get_customer(world.db, world.customer).balance == Decimal("5250.00")
