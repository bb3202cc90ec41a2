"""Completion and charge: the breakdown shown, the credit, exactly once."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import customers, work
from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened
from ui.dialogs.completion import CompletionDialog


def charges(world: World, code: str) -> list[Decimal]:
    return [e.amount for e in customers.get_customer(world.db, code).ledger if e.kind == "charge"]


def test_complete_within_the_credit(qtbot: QtBot, world: World) -> None:
    number = world.in_progress(kind="hourly")  # 1 h x 60, ceiling 300
    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    assert dialog.values["billable"].text() == "1:00"
    assert "15" in dialog.values["rounding"].text()
    assert dialog.values["rate"].text() == "60,00\u00a0€"
    assert dialog.values["ceiling"].text() == "300,00\u00a0€"
    assert dialog.values["net"].text() == "60,00\u00a0€"
    assert dialog.values["vat"].text() == "13,20\u00a0€"
    assert dialog.values["total"].text() == "73,20\u00a0€"
    assert dialog.values["before"].text() == "5.000,00\u00a0€"
    assert dialog.values["after"].text() == "4.926,80\u00a0€"
    assert not dialog.warning.isVisible()
    assert dialog.confirm_button.isDefault() and not dialog.cancel_button.isDefault()

    click(qtbot, dialog, dialog.confirm_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value.total == Decimal("73.20")
    assert request_detail(world.db, number).state == "completed"
    customer = customers.get_customer(world.db, world.customer)
    assert customer.balance == Decimal("4926.80")
    assert customer.status == "active"


def test_complete_into_credit_exhaustion(qtbot: QtBot, world: World) -> None:
    number = world.in_progress(customer=world.poor, net="100.00")  # 122.00 on 50.00
    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    assert dialog.values["total"].text() == "122,00\u00a0€"
    assert dialog.values["after"].text() == "-72,00\u00a0€"
    assert dialog.warning.isVisible()
    assert "esaurimento del credito" in dialog.warning.text()
    assert "72,00\u00a0€" in dialog.warning.text()
    # Enter cancels: suspending the services takes a deliberate click
    assert dialog.cancel_button.isDefault() and not dialog.confirm_button.isDefault()
    assert dialog.focusWidget() is dialog.cancel_button
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert customers.get_customer(world.db, world.poor).status == "active"

    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    click(qtbot, dialog, dialog.confirm_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    customer = customers.get_customer(world.db, world.poor)
    assert customer.balance == Decimal("-72.00")
    assert customer.status == "credit_exhausted"
    assert all(s.status == "suspended" for s in customer.services)


def test_a_double_click_charges_once(qtbot: QtBot, world: World) -> None:
    number = world.in_progress()
    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    with qtbot.waitSignal(dialog.idle):
        qtbot.mouseDClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        dialog._confirm()  # even a click that got through the disabled button
    assert charges(world, world.customer) == [Decimal("-122.00")]
    assert request_detail(world.db, number).state == "completed"


def test_nothing_to_complete_without_work(qtbot: QtBot, world: World) -> None:
    number = world.accepted()
    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    assert dialog.message.isVisible()
    assert "non ha lavoro registrato" in dialog.message.text()
    assert not dialog.confirm_button.isEnabled()
    assert charges(world, world.customer) == []


def test_work_logged_after_the_preview_is_not_charged_blindly(qtbot: QtBot, world: World) -> None:
    """What the user confirmed is charged, or nothing: a change meanwhile is refused."""
    number = world.in_progress(kind="hourly")
    dialog = opened(qtbot, CompletionDialog(world.db, world.tech, number))
    assert dialog.values["total"].text() == "73,20\u00a0€"
    work.log_work(world.db, world.tech, number, hours="2:00")  # another workstation

    click(qtbot, dialog, dialog.confirm_button)

    assert dialog.result_value is None and dialog.message.isVisible()
    assert "nel frattempo" in dialog.message.text()
    assert charges(world, world.customer) == []
    assert request_detail(world.db, number).state == "in_progress"
