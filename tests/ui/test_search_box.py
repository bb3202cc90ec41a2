"""The queue's search box refuses a NUL (or any control character) and more than 200
characters in the app's own words, at the box: the queue keeps what it shows, and nothing
is sent to the database (the service refuses the same; tests/app/test_text_edges.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.db.database import Database
from app.domain.queues import MAX_SEARCH
from tests.ui.conftest import Desk, fake_render, make_desk
from tests.ui.test_main_window import open_window
from ui.main_window import MainWindow


class Statements:
    """Every statement sent through an engine, while counting."""

    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.sent: list[str] = []
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.sent.append(statement)

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)


@pytest.fixture
def any_desk(db_url: str) -> Iterator[Desk]:
    """The GUI tests' database, on SQLite and on PostgreSQL."""
    db = Database(db_url, renderer=fake_render)
    yield make_desk(db)
    db.dispose()


def _window(qtbot: QtBot, desk: Desk, settings: QSettings) -> MainWindow:
    window = open_window(qtbot, desk, desk.lead, settings)
    window.show()
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("all")
    return window


@pytest.mark.parametrize(("typed", "said"), [
    ("Plesk\x00; DROP TABLE requests", "The search contains control characters"),
    ("x" * (MAX_SEARCH + 1), "The search is too long (201 characters, at most 200)"),
    ("ssl " * 25_000, "The search is too long (32767 characters, at most 200)"),
], ids=["nul", "201", "pasted-100k"])
def test_a_refused_search_is_said_at_the_box(qtbot: QtBot, any_desk: Desk, settings: QSettings,
                                            typed: str, said: str) -> None:
    window = _window(qtbot, any_desk, settings)
    table = window.table
    shown = table.model.rowCount()
    assert shown == 7
    statements = Statements(any_desk.db)
    try:
        table.search.setText(typed)  # as a paste does
        assert table.search_error.isVisible()
        assert said.lower() in table.search_error.text().lower()
        assert said.lower() in table.search.toolTip().lower()
        assert not table._search_timer.isActive()  # no search will start
        table.search.returnPressed.emit()  # and Enter does not start it either
        assert statements.sent == []
    finally:
        statements.remove()
    assert table.model.rowCount() == shown  # the queue keeps what it shows
    assert not table.model._loading  # and is not reading another
    assert window.statusBar().currentMessage() == ""  # said at the box, not elsewhere

    # mended: the message goes, the search runs
    with qtbot.waitSignal(table.model.loaded, timeout=5000):
        table.search.setText("ssl")
        table.search.returnPressed.emit()
    assert not table.search_error.isVisible()
    assert table.model.rowCount() == 1


def test_the_refusal_in_italian(qtbot: QtBot, any_desk: Desk, settings: QSettings,
                                italian: None) -> None:
    window = _window(qtbot, any_desk, settings)
    window.table.search.setText("a\x00b")
    assert "controllo" in window.table.search_error.text()
