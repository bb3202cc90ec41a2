"""The workspace always shows the highlighted row's request, even when another workstation
(a second Database on the same file) or this user's own action takes it out of the queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import requests
from tests.ui.conftest import Desk, fake_render
from tests.ui.test_main_window import open_window
from ui.main_window import MainWindow


@pytest.fixture
def other(desk: Desk) -> Iterator[Database]:
    """Another workstation: its own engine and connections on the same database."""
    db = Database(str(desk.db.url), renderer=fake_render)
    yield db
    db.dispose()


def highlighted(window: MainWindow) -> int:
    current = window.table.view.selectionModel().currentIndex()
    row = window.table.model.request_at(current.row()) if current.isValid() else None
    return row.number if row is not None else 0


def consistent(window: MainWindow) -> bool:
    """The highlighted row, the table's selection and the workspace agree."""
    number = highlighted(window)
    detail = window.workspace.detail
    shown = detail.number if detail is not None and window.workspace.number else 0
    return number == window.table.selected_number() == window.workspace.number == shown


def banner(window: MainWindow) -> str:
    """The workspace's banner (the window is not shown: not isVisible)."""
    shown = window.workspace.banner
    return "" if shown.isHidden() else shown.label.text()


def new_queue(qtbot: QtBot, desk: Desk, settings: QSettings) -> tuple[MainWindow, list[int]]:
    for subject in ("Open port 8443", "Upgrade PHP", "Renew the domain"):
        desk.new_request(subject)
    window = open_window(qtbot, desk, desk.lead, settings)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("new")
    qtbot.waitUntil(lambda: window.watch.marker is not None, timeout=5000)
    numbers = [window.table.model.request_at(r).number  # type: ignore[union-attr]
               for r in range(window.table.model.rowCount())]
    return window, numbers


def test_another_workstation_takes_the_selected_request(qtbot: QtBot, desk: Desk,
                                                        settings: QSettings,
                                                        other: Database) -> None:
    window, numbers = new_queue(qtbot, desk, settings)
    selected = numbers[1]
    with qtbot.waitSignal(window.workspace.loaded, timeout=5000):
        assert window.table.select_number(selected)
    assert consistent(window)
    requests.take_request(other, desk.tech, selected)  # it leaves the "new" queue
    with qtbot.waitSignal(window.table.model.refreshed, timeout=5000):
        window.poll()
    # the neighbour now in the same place is highlighted and shown
    qtbot.waitUntil(lambda: highlighted(window) == numbers[2] and consistent(window),
                    timeout=5000)
    assert window.workspace.detail is not None
    assert window.workspace.detail.number == numbers[2]


def test_the_last_row_leaving_moves_up_and_an_empty_queue_shows_nothing(
        qtbot: QtBot, desk: Desk, settings: QSettings, other: Database) -> None:
    window, numbers = new_queue(qtbot, desk, settings)
    with qtbot.waitSignal(window.workspace.loaded, timeout=5000):
        assert window.table.select_number(numbers[-1])
    requests.take_request(other, desk.tech, numbers[-1])
    with qtbot.waitSignal(window.table.model.refreshed, timeout=5000):
        window.poll()
    qtbot.waitUntil(lambda: highlighted(window) == numbers[-2] and consistent(window),
                    timeout=5000)
    for number in numbers[:-1]:
        requests.take_request(other, desk.tech, number)
    with qtbot.waitSignal(window.table.model.refreshed, timeout=5000):
        window.poll()
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 0, timeout=5000)
    assert consistent(window)
    assert window.workspace.number == 0 and window.workspace.stack.currentIndex() == 0


def test_the_request_acted_on_stays_in_front_and_says_where_it_went(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    """Issue 17: after "Take" the workspace showed the next new request with "Take" on;
    the request taken stays shown (nothing highlighted) and where it went is said."""
    window, numbers = new_queue(qtbot, desk, settings)
    ws = window.workspace
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(numbers[0])
    with qtbot.waitSignal(window.table.request_left, timeout=5000) as left:
        ws.actions_by_name["take"].trigger()
    assert left.args == [numbers[0]]
    qtbot.waitUntil(lambda: not ws.loading, timeout=5000)
    assert ws.number == numbers[0] and ws.current is not None
    assert ws.current.state == "evaluating" and ws.current.assignee == desk.lead
    assert highlighted(window) == 0 and window.table.selected_number() == 0
    assert numbers[0] not in [window.table.model.request_at(r).number  # type: ignore[union-attr]
                              for r in range(window.table.model.rowCount())]
    ref = f"RIT-{numbers[0]:06d}"
    said = f"{ref} moved to \u201cMy requests\u201d: it is no longer in this queue."
    qtbot.waitUntil(lambda: banner(window) == said, timeout=5000)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"You took {ref}") and said in message
    assert not ws.actions_by_name["take"].isEnabled()
    # picking another row goes on as usual, and the message goes
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(numbers[1])
    assert consistent(window) and banner(window) == ""


def test_a_request_acted_on_that_stays_listed_stays_highlighted(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window, numbers = new_queue(qtbot, desk, settings)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("all")
    ws = window.workspace
    with qtbot.waitSignal(ws.loaded, timeout=5000):
        assert window.table.select_number(numbers[0])
    with qtbot.waitSignal(window.table.model.refreshed, timeout=5000):
        ws.actions_by_name["take"].trigger()
    qtbot.waitUntil(lambda: not ws.loading and consistent(window), timeout=5000)
    assert highlighted(window) == numbers[0] and banner(window) == ""


def test_rows_moving_under_the_highlight_never_mismatch(qtbot: QtBot, desk: Desk,
                                                        settings: QSettings,
                                                        other: Database) -> None:
    """New requests arriving above shift the rows: the selection stays on its request."""
    window, numbers = new_queue(qtbot, desk, settings)
    with qtbot.waitSignal(window.workspace.loaded, timeout=5000):
        assert window.table.select_number(numbers[2])
    for subject in ("One more", "And another"):
        requests.submit_request(other, desk.customer, service=desk.service, category="other",
                                subject=subject)
    with qtbot.waitSignal(window.table.model.refreshed, timeout=5000):
        window.poll()
    qtbot.waitUntil(lambda: consistent(window), timeout=5000)
    assert highlighted(window) == numbers[2]


def test_a_new_filter_starts_from_the_top_and_keeps_the_request_if_listed(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    """Issue 21: a filter no longer resets the model, so the table itself clears the
    highlight of the old list: the selected request is highlighted again only if it is
    listed (as after the reset before; this test passes on the code before too)."""
    window, numbers = new_queue(qtbot, desk, settings)
    window.table.select_number(numbers[1])
    qtbot.waitUntil(lambda: window.workspace.number == numbers[1], timeout=5000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("all")  # still listed: still highlighted, shown
    qtbot.waitUntil(lambda: consistent(window), timeout=5000)
    assert highlighted(window) == numbers[1]
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("in_progress")  # not listed: nothing highlighted
    assert highlighted(window) == 0 and window.table.selected_number() == 0
    assert not window.table.view.selectionModel().hasSelection()
