"""The queue table model formats each page once and answers data() by lookup."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import queries
from app.services.dto import RequestFilter
from tests.ui.conftest import Desk
from ui import labels
from ui import request_table_model as rtm
from ui.request_table_model import COLUMNS, PLACEHOLDER, RequestTableModel

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
         Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole,
         Qt.ItemDataRole.UserRole)


def column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def loaded_model(qtbot: QtBot, desk: Desk, f: RequestFilter | None = None) -> RequestTableModel:
    model = RequestTableModel(desk.db, lang="en")
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(f or RequestFilter())
    return model


def counting_formatter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The numbers of the rows formatted, in turn."""
    calls: list[int] = []
    real = rtm.RowFormatter.format

    def spy(self: rtm.RowFormatter, row: Any) -> Any:
        calls.append(row.number)
        return real(self, row)

    monkeypatch.setattr(rtm.RowFormatter, "format", spy)
    return calls


def every_cell(model: RequestTableModel) -> list[object]:
    return [model.index(r, c).data(role) for r in range(model.rowCount())
            for c in range(model.columnCount()) for role in ROLES]


def test_a_row_is_formatted_once_however_often_it_is_painted(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    calls = counting_formatter(monkeypatch)
    model = loaded_model(qtbot, desk)
    assert calls == []  # not before it is painted
    # only the rows painted are formatted (issue 21: the visible cells, not the page)
    model.index(2, 0).data()
    model.index(2, 5).data(Qt.ItemDataRole.BackgroundRole)
    assert calls == [model.request_at(2).number]  # type: ignore[union-attr]
    first = every_cell(model)
    assert sorted(calls) == sorted(model.request_at(r).number  # type: ignore[union-attr]
                                   for r in range(7))
    assert every_cell(model) == first  # repaints: lookups only
    assert len(calls) == 7


def test_formatted_cells_match_the_row(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk)
    for r in range(model.rowCount()):
        request = model.request_at(r)
        assert request is not None
        assert model.index(r, column("number")).data() == str(request.number)
        assert model.index(r, column("customer")).data() == request.customer_name
        assert model.index(r, column("subject")).data() == request.subject
        # the assignee as people know them, the user name in the tooltip
        assignee = model.index(r, column("assignee"))
        assert assignee.data() == {None: "", desk.tech: "Tom Tech",
                                   desk.tech2: "Tina Tech"}[request.assignee]
        assert assignee.data(Qt.ItemDataRole.ToolTipRole) == (
            f"{assignee.data()} ({request.assignee})" if request.assignee else "Unassigned")
        for c in range(model.columnCount()):
            assert model.index(r, c).data(Qt.ItemDataRole.UserRole) == request.number
            assert model.index(r, c).data(Qt.ItemDataRole.TextAlignmentRole) == int(
                COLUMNS[c].align | Qt.AlignmentFlag.AlignVCenter)


def test_priority_colours_and_bold_only_on_the_priority_column(qtbot: QtBot,
                                                               desk: Desk) -> None:
    urgent = desk.new_request("Down!", priority="urgent")
    high = desk.new_request("Slow", priority="high")
    model = loaded_model(qtbot, desk)
    rows = {model.request_at(r).number: r  # type: ignore[union-attr]
            for r in range(model.rowCount())}
    priority = column("priority")
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.index(rows[urgent], priority).data(fg).color() == rtm.URGENT
    assert model.index(rows[urgent], priority).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(rows[high], priority).data(fg).color() == rtm.HIGH
    assert model.index(rows[high], priority).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(rows[urgent], column("subject")).data(fg) is None
    assert model.index(rows[urgent], column("subject")).data(Qt.ItemDataRole.FontRole) is None


def test_tooltips_are_made_when_asked(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(states=("quoted",)))
    request = model.request_at(0)
    assert request is not None and request.quote_valid_until is not None
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, column("number")).data(tip) == f"RIT-{request.number:06d}"
    assert model.index(0, column("customer")).data(tip) == \
        f"{request.customer_name} ({request.customer_code})"
    assert model.index(0, column("validity")).data(tip) == \
        labels.date_str(request.quote_valid_until, "en")
    # every text that may be elided is whole in its tooltip
    assert model.index(0, column("state")).data(tip) == "Awaiting customer"
    assert model.index(0, column("service")).data(tip) == request.service_name
    assert model.index(0, column("priority")).data(tip) is None


def test_rows_not_loaded_show_placeholders_and_ask_once(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 3)
    model = loaded_model(qtbot, desk)
    fetched: list[int] = []
    real = model._fetch

    def spy(page: int) -> None:
        fetched.append(page)
        real(page)

    monkeypatch.setattr(model, "_fetch", spy)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        for c in range(model.columnCount()):
            assert model.index(4, c).data() == PLACEHOLDER
            assert model.index(4, c).data(Qt.ItemDataRole.BackgroundRole) is None
            assert model.index(4, c).data(Qt.ItemDataRole.UserRole) is None
            assert model.index(4, c).data(Qt.ItemDataRole.TextAlignmentRole) == int(
                COLUMNS[c].align | Qt.AlignmentFlag.AlignVCenter)
    assert set(fetched) == {1}
    assert model.index(4, 0).data() != PLACEHOLDER


def test_out_of_range_and_invalid_indexes_answer_nothing(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk)
    assert model.index(0, 0).data() is not None
    invalid = model.index(model.rowCount(), 0)
    assert not invalid.isValid()
    for role in ROLES:
        assert model.data(invalid, role) is None
    assert model.flags(model.index(0, 0)) == (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemNeverHasChildren)


def test_refresh_and_clock_change_format_again(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                              desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(states=("new",)))
    assert model.index(0, column("subject")).data() == "Zabbix agent"
    calls = counting_formatter(monkeypatch)
    number = desk.new_request("Another one")
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.index(0, column("number")).data() == str(number)
    assert model.index(0, column("subject")).data() == "Another one"
    assert len(calls) == 1
    model._now = model._now + timedelta(days=3)
    assert model.index(0, column("age")).data() == "3 d"
    assert len(calls) == 2


def test_a_page_asked_before_a_refresh_is_not_applied_after_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 3)
    model = loaded_model(qtbot, desk)
    model._fetch(2)
    old_ask = model._pending[2]
    model._apply_refresh(rtm._Snapshot(model._generation, 7, {0: ()}))
    assert not model.is_loaded(6)
    # the answer to the older ask arrives: dropped, the page is asked again when painted
    model._pages_arrived((model._generation, ((old_ask, ()),)))
    assert not model.is_loaded(6)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        assert model.index(6, 0).data() == PLACEHOLDER
    assert model._pending == {} and model.is_loaded(6)
    assert model.index(6, 0).data() == str(min(desk.numbers.values()))


def test_adjacent_pages_asked_by_one_paint_are_read_with_one_query(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 2)
    model = loaded_model(qtbot, desk)
    asked: list[tuple[int, int]] = []
    real = queries.list_requests

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append((kwargs["offset"], kwargs["limit"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "list_requests", spy)
    with qtbot.waitSignals([model.page_loaded, model.page_loaded], timeout=5000):
        for r in (3, 4, 6):  # pages 1 and 2 (adjacent), page 3 too
            assert model.index(r, 0).data() == PLACEHOLDER
    qtbot.waitUntil(lambda: all(model.is_loaded(r) for r in range(7)), timeout=5000)
    assert asked == [(2, 6)]
    every = [model.request_at(r) for r in range(7)]
    assert [row.number for row in every if row is not None] == \
        sorted(desk.numbers.values(), reverse=True)


def test_a_refresh_reads_the_pages_painted_last_and_forgets_the_others(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 1)
    monkeypatch.setattr(rtm, "REFRESH_PAGES", 2)
    model = loaded_model(qtbot, desk)
    for r in (1, 2, 3, 5):
        model.index(r, 0).data()
    qtbot.waitUntil(lambda: all(model.is_loaded(r) for r in (0, 1, 2, 3, 5)), timeout=5000)
    model.index(5, 0).data()
    model.index(2, 0).data()  # painted last: pages 5 and 2
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert [r for r in range(7) if model.is_loaded(r)] == [2, 5]
    assert model.index(0, 0).data() == PLACEHOLDER  # asked again when painted
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=5000)
    assert model.index(0, 0).data() == str(max(desk.numbers.values()))


def test_sort_by_column_on_a_view_reads_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                              desk: Desk) -> None:
    from PySide6.QtWidgets import QTableView

    model = loaded_model(qtbot, desk)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    asked: list[str] = []
    real = queries.list_requests

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs["sort"])
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "list_requests", spy)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        view.sortByColumn(column("customer"), Qt.SortOrder.AscendingOrder)
    with qtbot.assertNotEmitted(model.loaded, wait=100):  # no second query, no second reset
        pass
    assert asked == ["customer"]
    assert model.sort_key == "customer" and not model.descending
