"""Issue 10: every date on screen follows the user's language through one helper
(ui.labels.date_str, the same as the PDFs): ``29/11/2026`` in Italian, ``29 Nov 2026`` in
English; never an ISO date (2026-11-29) in the main window, the workspace's tabs, the
finance views or a date input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services import customers
from tests.ui.conftest import Desk
from ui import labels
from ui.main_window import MainWindow

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    yield str(value)
        first = model.index(row, 0, parent)
        if first.isValid() and model.rowCount(first) > 0:
            yield from _model_texts(model, first)
    for column in range(model.columnCount(parent)):
        value = model.headerData(column, Qt.Orientation.Horizontal)
        if value is not None:
            yield str(value)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a widget under ``root`` shows: labels, buttons, boxes,
    tabs, group titles, tooltips, and the DisplayRole data of every view's model."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}:{w.objectName()}"
        texts: list[str] = [w.toolTip(), w.windowTitle()]
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit, QDateTimeEdit)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += list(_model_texts(w.model()))
        for text in texts:
            if text:
                yield where, text


def iso_dates(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root) if ISO.search(text)]


def open_window(qtbot: QtBot, desk: Desk, user: str, settings: QSettings,
                lang: str = "en") -> MainWindow:
    window = MainWindow(desk.ctx(user, lang), settings=settings)
    window.poll_timer.stop()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    if not window.is_ready:
        with qtbot.waitSignal(window.ready, timeout=10000):
            pass
    return window


def test_the_helper_writes_dates_as_the_pdfs_do() -> None:
    from reports.texts import format_date

    day = date(2026, 11, 29)
    assert labels.date_str(day, "en") == "29 Nov 2026" == format_date(day, "en")
    assert labels.date_str(day, "it") == "29/11/2026" == format_date(day, "it")
    moment = datetime(2026, 11, 1, 10, 38)
    shown = labels.local(moment)
    assert labels.datetime_str(moment, "en") == f"{shown.day} Nov 2026 {shown:%H:%M}"


def test_no_iso_date_on_the_english_screens(qtbot: QtBot, desk: Desk, settings: QSettings,
                                           english: None) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    assert iso_dates(window) == []  # the dashboard, the lead's start view
    for queue in ("all", "quoted", "in_progress"):
        with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
            window.queues.select_queue(queue)
        qtbot.waitUntil(lambda: window.table.model.rowCount() > 0, timeout=5000)
        with qtbot.waitSignal(window.workspace.loaded, timeout=5000):
            window.table.select_first()
        for i in range(window.workspace.tabs.count()):
            window.workspace.tabs.setCurrentIndex(i)
            assert iso_dates(window) == [], (queue, window.workspace.tabs.tabText(i))
    today = labels.date_str(desk.db.today(), "en")
    shown = [text for _, text in visible_texts(window.table)]
    assert any(today[3:] in text for text in shown), shown  # "Dec 2026" in Opened


def test_no_iso_date_in_the_finance_views(qtbot: QtBot, desk: Desk, settings: QSettings,
                                         english: None) -> None:
    customers.topup(desk.db, desk.finance, desk.customer, "100.00",
                     reference="transfer 12")
    window = open_window(qtbot, desk, desk.finance, settings)
    assert iso_dates(window) == []
    for queue in ("at_risk", "customers"):
        window.queues.select_queue(queue)
        qtbot.waitUntil(lambda: window.centre.currentWidget() is not None, timeout=5000)
    with qtbot.waitSignal(window.customers.loaded, timeout=5000):
        window.queues.select_queue("customers")
    window.customers.select_code(desk.customer)
    qtbot.waitUntil(lambda: window.customers.ledger.topLevelItemCount() > 0, timeout=5000)
    assert iso_dates(window) == []
    ledger = [text for _, text in visible_texts(window.customers)]
    assert any(labels.date_str(desk.db.today(), "en") in text for text in ledger), ledger


def test_date_inputs_follow_the_language(qtbot: QtBot, english: None) -> None:
    from PySide6.QtWidgets import QDateEdit

    from ui.dialogs.base import show_dates, to_qdate

    edit = QDateEdit(to_qdate(date(2026, 11, 29)))
    qtbot.addWidget(edit)
    show_dates(edit)
    assert edit.text() == "29 Nov 2026"


def test_date_inputs_in_italian(qtbot: QtBot, italian: None) -> None:
    from PySide6.QtWidgets import QDateEdit

    from ui.dialogs.base import show_dates, to_qdate

    edit = QDateEdit(to_qdate(date(2026, 11, 29)))
    qtbot.addWidget(edit)
    show_dates(edit)
    assert edit.text() == "29/11/2026"
