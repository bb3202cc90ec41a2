"""Issue 17: a date typed as people type it. "01/12/2026" typed into the quote's validity
became 01/01/2202 (only "20122026" worked), and the red "correct the fields" message
stayed after the date was put right."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.services.queries import request_detail
from tests.ui.dialogs.conftest import World
from tests.ui.dialogs.dialog_helpers import click, opened, type_cell
from ui.dialogs.base import from_qdate
from ui.dialogs.date_edit import DateEdit
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.work_entry import WorkEntryDialog


def retype(qtbot: QtBot, edit: DateEdit, text: str) -> None:
    """Select what the input shows and type ``text`` over it, as a user does."""
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)


def shown(qtbot: QtBot) -> tuple[DateEdit, QLineEdit, QWidget]:
    box = QWidget()
    layout = QVBoxLayout(box)
    edit, other = DateEdit(date(2027, 1, 6), box), QLineEdit(box)
    edit.setMinimumDate(QDate(2000, 1, 1))
    layout.addWidget(edit)
    layout.addWidget(other)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    return edit, other, box


@pytest.mark.parametrize("typed", ["01/12/2026", "1/12/26", "01122026", "1.12.2026",
                                   "1 dic 2026"])
def test_typed_over_a_date_in_italian(qtbot: QtBot, typed: str) -> None:
    edit, other, _box = shown(qtbot)
    assert edit.calendarPopup()
    retype(qtbot, edit, typed)
    assert from_qdate(edit.date()) == date(2026, 12, 1) and edit.is_date()
    other.setFocus()  # leaving the input writes it as the app writes dates
    qtbot.waitUntil(lambda: edit.text() == "01/12/2026")


@pytest.mark.usefixtures("english")
def test_typed_in_english(qtbot: QtBot) -> None:
    edit, other, _box = shown(qtbot)
    for typed in ("01/12/2026", "1 Dec 26", "1 december 2026"):
        retype(qtbot, edit, typed)
        assert from_qdate(edit.date()) == date(2026, 12, 1), typed
    other.setFocus()
    qtbot.waitUntil(lambda: edit.text() == "01 Dec 2026")


def test_what_is_not_a_date_is_said_and_gives_way(qtbot: QtBot) -> None:
    edit, other, _box = shown(qtbot)
    retype(qtbot, edit, "31/02/2026")
    assert not edit.is_date() and "giorno, mese e anno" in edit.problem()
    assert from_qdate(edit.date()) == date(2027, 1, 6)  # the date held is unchanged
    other.setFocus()
    qtbot.waitUntil(lambda: edit.text() == "06/01/2027")
    assert edit.problem() == ""


def test_the_validity_typed_and_the_message_cleared_once_right(qtbot: QtBot,
                                                              world: World) -> None:
    number = world.taken()
    dialog = opened(qtbot, QuoteComposerDialog(world.db, world.tech, number))
    type_cell(qtbot, dialog.table, 0, 0, "SSL")
    type_cell(qtbot, dialog.table, 0, 2, "90")
    today = world.db.today()
    past, valid = today - timedelta(days=6), today + timedelta(days=20)
    retype(qtbot, dialog.valid_until, f"{past:%d/%m/%Y}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "nel passato" in dialog.valid_error.text() and dialog.valid_error.isVisible()
    assert dialog.message.isVisible()  # "correct the fields marked in red"
    retype(qtbot, dialog.valid_until, f"{valid.day}/{valid.month}/{valid:%y}")
    assert from_qdate(dialog.valid_until.date()) == valid
    assert not dialog.valid_error.isVisible() and not dialog.message.isVisible()
    retype(qtbot, dialog.valid_until, "31/02")  # half typed: said under the field
    assert "giorno, mese e anno" in dialog.valid_error.text()
    retype(qtbot, dialog.valid_until, f"{valid:%d%m%Y}")
    assert not dialog.valid_error.isVisible()
    click(qtbot, dialog, dialog.save_button)
    assert [q.valid_until for q in request_detail(world.db, number).quotes] == [valid]


def test_work_on_a_date_typed(qtbot: QtBot, world: World) -> None:
    number = world.in_progress()
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number))
    day = world.db.today() - timedelta(days=3)
    retype(qtbot, dialog.work_date, f"{day.day}/{day.month}/{day:%y}")
    qtbot.keyClicks(dialog.duration, "1:00")
    retype(qtbot, dialog.work_date, "1/1/1990")  # before what may be logged: not accepted
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert "giorno, mese e anno" in dialog.date_error.text() and dialog.isVisible()
    retype(qtbot, dialog.work_date, f"{day:%d%m%Y}")
    assert dialog.date_error.text() == "" or not dialog.date_error.isVisible()
    click(qtbot, dialog, dialog.ok_button)
    logged = sorted(e.work_date for e in request_detail(world.db, number).work)
    assert logged == [day, world.db.today()]  # the new entry beside the first one
