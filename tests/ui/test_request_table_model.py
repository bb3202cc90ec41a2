"""The queue table model: Qt's model tests, paging, sorting and filtering in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.floor import deferred
from app.services import queries
from app.services.dto import Page, RequestFilter
from tests.ui.conftest import Desk
from ui import request_table_model as rtm
from ui.request_table_model import COLUMNS, PLACEHOLDER, RequestTableModel


def column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def loaded_model(qtbot: QtBot, desk: Desk, f: RequestFilter | None = None, **kw: object) -> RequestTableModel:
    model = RequestTableModel(desk.db, lang="en")
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(f or RequestFilter(), **kw)  # type: ignore[arg-type]
    return model


def test_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, desk: Desk) -> None:
    model = loaded_model(qtbot, desk)
    assert model.rowCount() == 7
    qtmodeltester.check(model)


def test_rows_show_labels_money_and_numbers(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(states=("quoted",)))
    assert model.rowCount() == 1
    assert model.index(0, column("number")).data() == str(desk.numbers["quoted"])
    assert model.index(0, column("state")).data() == "Awaiting customer"
    assert model.index(0, column("category")).data() == "Ad-hoc backup"
    assert model.index(0, column("quote_total")).data() == "€122.00"
    assert model.index(0, column("validity")).data() == "30 day(s) left"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == desk.numbers["quoted"]


def test_validity_highlighted_when_close_or_past(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(states=("quoted",)))
    index = model.index(0, column("validity"))
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    row = model.request_at(0)
    assert row is not None and row.quote_valid_until is not None
    model._today = row.quote_valid_until  # the last day
    assert model.index(0, column("validity")).data() == "expires today"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == rtm.AMBER
    model._today = row.quote_valid_until + timedelta(days=2)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == rtm.RED
    assert model.index(0, column("validity")).data() == "expired 2 day(s) ago"


def test_only_pages_that_are_painted_are_fetched(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                 desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 3)
    calls: list[int] = []
    real = queries.list_requests

    def spy(*args: object, **kwargs: object) -> Page:
        calls.append(int(kwargs.get("offset", 0)))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "list_requests", spy)
    real_first = deferred.first_page

    def spy_first(*args: object, **kwargs: object) -> Page | None:
        calls.append(0)  # the model's first page comes from the floor's DB-API reads
        return real_first(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deferred, "first_page", spy_first)
    model = loaded_model(qtbot, desk)
    assert model.rowCount() == 7  # from the count, not from loading everything
    assert calls == [0]
    assert model.is_loaded(0) and not model.is_loaded(6)
    with qtbot.waitSignal(model.page_loaded, timeout=5000) as blocker:
        assert model.index(6, 0).data() == PLACEHOLDER
    assert blocker.args == [2]
    assert calls == [0, 6]
    assert model.index(6, 0).data() == str(min(desk.numbers.values()))
    assert not model.is_loaded(3)


def test_sorting_queries_sql(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column("customer"), Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "customer" and not model.descending
    assert model.index(0, column("customer")).data() == "Bianchi SNC"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column("priority"), Qt.SortOrder.DescendingOrder)
    assert model.index(0, column("priority")).data() == "Urgent"
    assert model.index(0, column("number")).data() == str(desk.numbers["new"])


def test_filters_narrow_the_rows(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(search="plesk"))
    assert model.rowCount() == 1
    assert model.index(0, column("subject")).data() == "Install Plesk"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(RequestFilter(category="ssl"))
    assert model.rowCount() == 1
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(RequestFilter(assignee=desk.tech2))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
        [str(desk.numbers["in_progress"])]


def test_refresh_inserts_rows_without_reset(qtbot: QtBot, desk: Desk) -> None:
    model = loaded_model(qtbot, desk, RequestFilter(states=("new",)))
    assert model.rowCount() == 2
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    number = desk.new_request("Another one")
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.refresh()
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == str(number)
    assert resets == []
