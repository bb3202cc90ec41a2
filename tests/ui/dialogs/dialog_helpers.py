"""Driving dialogs as a user would: typing, clicking, waiting for the service call."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QLineEdit,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from ui.dialogs.base import ServiceDialog

D = TypeVar("D", bound=ServiceDialog)


def opened(qtbot: QtBot, dialog: D) -> D:
    """Show ``dialog`` and wait until what it displays is loaded."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading and not dialog.busy)
    return dialog


def click(qtbot: QtBot, dialog: ServiceDialog, button: QAbstractButton) -> None:
    """Click ``button`` and wait until the call it starts has finished."""
    with qtbot.waitSignal(dialog.idle, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    # QTest only knows ASCII keys: a character from another script (Arabic-Indic or
    # full-width digits, as an input method types them) arrives as a key event's text
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert edit.text() == text


def type_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a double click would, type, and press Enter."""
    item = table.item(row, column)
    assert item is not None
    table.setCurrentCell(row, column)
    table.editItem(item)
    editor = table.viewport().findChildren(QLineEdit)[-1]  # the one just opened
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert item.text() == text.strip() or text == ""


def type_date(qtbot: QtBot, edit: QDateEdit, value: QDate) -> None:
    """Select what the date input shows and type the date over it (day/month/year)."""
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, f"{value.day():02d}/{value.month():02d}/{value.year():04d}")
    assert edit.date() == value
