"""Declining and assigning a request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_into
from ui.dialogs.assign import AssignDialog
from ui.dialogs.decline import DeclineDialog
from ui.dialogs.priority import PriorityDialog


def test_decline_needs_a_reason(qtbot: QtBot, world: World) -> None:
    number = world.taken()
    dialog = opened(qtbot, DeclineDialog(world.db, world.tech, number))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_error.isVisible()
    assert request_detail(world.db, number).state == "evaluating"

    type_into(qtbot, dialog.reason, "Versione non supportata dal pannello")
    click(qtbot, dialog, dialog.ok_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    detail = request_detail(world.db, number)
    assert detail.state == "declined"
    assert detail.decline_reason == "Versione non supportata dal pannello"
    assert "declined" in [n.kind for n in detail.notices]


def test_assign_picks_from_the_staff(qtbot: QtBot, world: World) -> None:
    number = world.taken(world.tech)
    dialog = opened(qtbot, AssignDialog(world.db, world.lead, number))
    assert dialog.current.text() == "Tom Tech"
    names = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert not any("Fin Ance" in name for name in names)  # finance does not work requests
    dialog.person.setFocus()
    qtbot.keyClicks(dialog.person, "Tina")

    click(qtbot, dialog, dialog.ok_button)

    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value == world.tech2
    assert request_detail(world.db, number).assignee == world.tech2


def test_a_technician_may_not_assign(qtbot: QtBot, world: World) -> None:
    number = world.taken(world.tech)
    dialog = opened(qtbot, AssignDialog(world.db, world.tech, number))
    dialog.person.setFocus()
    qtbot.keyClicks(dialog.person, "Tina")
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.message.isVisible()
    assert "non può assegnare richieste" in dialog.message.text()
    assert request_detail(world.db, number).assignee == world.tech


def test_the_assign_list_shows_each_persons_open_work(qtbot: QtBot, world: World) -> None:
    world.taken(world.tech)
    world.taken(world.tech)
    number = world.new_request()
    dialog = opened(qtbot, AssignDialog(world.db, world.lead, number))
    names = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert "Tom Tech (Tecnico) · 2 richieste aperte" in names
    assert "Tina Tech (Tecnico) · 0 richieste aperte" in names
    assert "Nessuno (togli l'assegnazione)" not in names  # it is unassigned already


def test_assign_preselects_nobody_and_never_the_current_assignee(qtbot: QtBot,
                                                                 world: World) -> None:
    """Issue 17: the dialog preselected Sara Romano, and Enter recorded "Sara Romano ->
    Sara Romano"."""
    number = world.taken(world.tech)
    dialog = opened(qtbot, AssignDialog(world.db, world.lead, number))
    assert dialog.person.currentIndex() == 0 and dialog.person.currentText() == \
        "Scegli una persona…"
    names = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert not any(name.startswith("Tom Tech") for name in names)
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)  # Enter: nobody chosen, nothing done
    assert dialog.isVisible() and not dialog.busy
    assert dialog.message.text() == "Scegli a chi passare la richiesta."
    history = [a.action for a in request_detail(world.db, number).history]
    assert "request_assigned" not in history


def test_change_the_priority(qtbot: QtBot, world: World) -> None:
    number = world.taken(world.tech)
    dialog = opened(qtbot, PriorityDialog(world.db, world.lead, number))
    assert dialog.priority.currentData() == request_detail(world.db, number).priority
    dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
    assert dialog.priority.currentText() == "Urgente"
    click(qtbot, dialog, dialog.ok_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value == "urgent"
    assert request_detail(world.db, number).priority == "urgent"
