"""Logging hours and proposing a variation, driven through the widgets."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_date, type_into
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog


def test_log_hours(qtbot: QtBot, world: World) -> None:
    number = world.accepted(kind="hourly")
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number))
    yesterday = world.db.today() - timedelta(days=1)
    type_date(qtbot, dialog.work_date, QDate(yesterday.year, yesterday.month, yesterday.day))
    type_into(qtbot, dialog.duration, "1:40")
    type_into(qtbot, dialog.note, "Aggiornamento PHP")

    with qtbot.waitSignal(dialog.idle):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter accepts

    assert dialog.result() == dialog.DialogCode.Accepted
    detail = request_detail(world.db, number)
    assert detail.state == "in_progress"
    [entry] = detail.work
    assert (entry.minutes, entry.billable_minutes) == (100, 105)
    assert entry.work_date == yesterday
    assert entry.note == "Aggiornamento PHP"
    assert dialog.result_value == entry


def test_edit_an_entry(qtbot: QtBot, world: World) -> None:
    number = world.in_progress()
    entry = request_detail(world.db, number).work[0]
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number, entry))
    assert dialog.duration.text() == "1:00"
    type_into(qtbot, dialog.duration, "2:15")
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert request_detail(world.db, number).work[0].minutes == 135


def test_a_wrong_duration_is_shown_next_to_the_field(qtbot: QtBot, world: World) -> None:
    number = world.accepted()
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number))
    type_into(qtbot, dialog.duration, "1:75")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.duration_error.isVisible()
    assert dialog.isVisible()
    assert request_detail(world.db, number).work == ()


def test_another_technician_may_not_log_on_my_request(qtbot: QtBot, world: World) -> None:
    number = world.accepted()
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech2, number))
    type_into(qtbot, dialog.duration, "1:00")
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.message.isVisible()
    assert "solo sulle richieste a sé assegnate" in dialog.message.text()
    assert request_detail(world.db, number).work == ()


def test_propose_a_variation(qtbot: QtBot, world: World) -> None:
    number = world.in_progress(kind="hourly")  # 5 h x 60 = 300 ceiling, 1 h logged
    dialog = opened(qtbot, VariationDialog(world.db, world.tech, number))
    assert dialog.ceiling_value.text() == "300,00\u00a0€"
    assert dialog.logged_value.text() == "1:00"
    assert dialog.work_value.text() == "60,00\u00a0€"
    assert dialog.usage_value.text() == "20%"
    assert dialog.not_charged_value.text() == "—"  # within the ceiling
    type_into(qtbot, dialog.amount, "1.450,50")
    type_into(qtbot, dialog.reason, "Migrazione database aggiuntiva")

    click(qtbot, dialog, dialog.ok_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    [variation] = request_detail(world.db, number).variations
    assert variation.amount == Decimal("1450.50")
    assert variation.reason == "Migrazione database aggiuntiva"
    assert variation.state == "proposed"


def test_a_variation_needs_an_amount_and_a_reason(qtbot: QtBot, world: World) -> None:
    number = world.in_progress()
    dialog = opened(qtbot, VariationDialog(world.db, world.tech, number))
    type_into(qtbot, dialog.amount, "0")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.amount_error.isVisible()
    assert dialog.reason_error.isVisible()
    assert request_detail(world.db, number).variations == ()


def test_hours_and_amounts_that_are_not_numbers(qtbot: QtBot, world: World) -> None:
    """Issue 9, part 3: ``1e1`` is not ten hours, ``１２`` not twelve euro."""
    number = world.in_progress(kind="hourly")
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number))
    for typed in ("1e1", "١٢", "１２", "1_0", "nan"):
        type_into(qtbot, dialog.duration, typed)
        dialog.ok_button.click()
        assert dialog.duration_error.isVisible() and not dialog.busy, typed
    type_into(qtbot, dialog.duration, "1,5")  # Italian decimal comma
    click(qtbot, dialog, dialog.ok_button)
    assert [w.minutes for w in request_detail(world.db, number).work] == [60, 90]

    variation = opened(qtbot, VariationDialog(world.db, world.tech, number))
    type_into(qtbot, variation.reason, "More work")
    for typed in ("1e3", "5e-1", "1_000", "１２"):
        type_into(qtbot, variation.amount, typed)
        variation.ok_button.click()
        assert variation.amount_error.isVisible() and not variation.busy, typed
    type_into(qtbot, variation.amount, "1.200,00")
    click(qtbot, variation, variation.ok_button)
    assert request_detail(world.db, number).variations[-1].amount == Decimal("1200.00")
