"""The queue table model: Qt's model tests, paging, sorting and filtering in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.floor import deferred
from app.floor.kept import KeptConnection
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


def test_a_new_query_updates_the_rows_in_place_without_a_reset(qtbot: QtBot, desk: Desk) -> None:
    """Issue 21: filter and sort keep the model's shape (the columns never change): no
    reset, the rows beyond the new count removed, new ones inserted, the rest changed."""
    model = loaded_model(qtbot, desk)
    assert model.rowCount() == 7
    signals: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: signals.append(("reset", 0, 0)))
    model.rowsRemoved.connect(lambda _p, first, last: signals.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: signals.append(("inserted", first, last)))
    model.dataChanged.connect(
        lambda top, bottom, _roles: signals.append(("changed", top.row(), bottom.row())))
    model.set_query(RequestFilter(states=("new",)))
    assert model.rowCount() == 7 and signals == []  # the rows stay while the query reads
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert ("removed", 2, 6) in signals and ("changed", 0, 1) in signals
    signals.clear()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column("customer"), Qt.SortOrder.AscendingOrder)
    assert [s[0] for s in signals if s[0] != "changed"] == []  # same count: changed only
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(RequestFilter())
    assert model.rowCount() == 7 and ("inserted", 2, 6) in signals
    assert ("reset", 0, 0) not in signals
    assert [model.index(r, 0).data() for r in range(7)] == \
        [str(n) for n in sorted(desk.numbers.values(), key=lambda n: _customer(model, n))]


def _customer(model: RequestTableModel, number: int) -> tuple[str, int]:
    row = next(model.request_at(r) for r in range(model.rowCount())
               if model.request_at(r).number == number)  # type: ignore[union-attr]
    return (row.customer_name, number)  # type: ignore[union-attr]


def test_while_a_query_reads_no_page_is_asked_for_the_old_rows(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    monkeypatch.setattr(rtm, "PAGE_SIZE", 3)
    model = loaded_model(qtbot, desk)
    model.set_query(RequestFilter(states=("new",)))
    assert model.index(6, 0).data() == PLACEHOLDER  # an old row not loaded: not asked
    assert not model._wanted
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)


def test_a_failed_query_leaves_no_old_rows(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                           desk: Desk) -> None:
    model = loaded_model(qtbot, desk)

    def refused(*_args: object, **_kwargs: object) -> Page:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(queries, "list_requests", refused)
    with qtbot.waitSignal(model.error, timeout=5000):
        model.sort(column("customer"), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 0


def test_a_new_query_reads_one_screen_first_and_the_rest_of_its_page_when_painted(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    """Issue 21: the first rows of a filter or a sort come before the rest of the first
    page (the rows of one screen, as the table asks), the rest is read when painted."""
    limits: list[int] = []
    real_first = deferred.first_page

    def spy_first(*args: object, **kwargs: object) -> Page | None:
        limits.append(int(kwargs["limit"]))  # type: ignore[call-overload]
        return real_first(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deferred, "first_page", spy_first)
    model = RequestTableModel(desk.db, lang="en")
    model.set_first_rows(3)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(RequestFilter())
    assert limits == [3] and model.rowCount() == 7  # the count of all, three rows read
    assert model.is_loaded(2) and not model.is_loaded(3)
    numbers = sorted(desk.numbers.values(), reverse=True)
    assert model.index(0, 0).data() == str(numbers[0])
    with qtbot.waitSignal(model.page_loaded, timeout=5000) as blocker:
        assert model.index(5, 0).data() == PLACEHOLDER  # painted: the whole page asked for
    assert blocker.args == [0]
    assert [model.index(r, 0).data() for r in range(7)] == [str(n) for n in numbers]
    # a sort read by the services: the same
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(column("customer"), Qt.SortOrder.AscendingOrder)
    assert model.is_loaded(2) and not model.is_loaded(3)


def test_a_filter_or_a_sort_never_reads_on_the_gui_thread(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    """Issue 21: every read of a new query, its rows and its count, is done off the GUI
    thread (a hard rule: the event loop never waits for the database)."""
    import threading

    threads: list[threading.Thread] = []
    for module, name in ((deferred, "first_page"), (KeptConnection, "first_page"),
                         (queries, "list_requests"), (queries, "count_requests")):
        real = getattr(module, name)

        def spy(*args: object, real: object = real, **kwargs: object) -> object:
            threads.append(threading.current_thread())
            return real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(module, name, spy)
    model = loaded_model(qtbot, desk)
    model.set_first_rows(2)
    for change in (lambda: model.set_query(RequestFilter(states=("new",))),
                   lambda: model.sort(column("state"), Qt.SortOrder.AscendingOrder),
                   lambda: model.set_query(RequestFilter(search="plesk"))):
        with qtbot.waitSignal(model.loaded, timeout=5000):
            change()
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.set_query(RequestFilter())
        qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=5000)
        model.index(6, 0).data()
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert len(threads) >= 6 and threading.main_thread() not in threads


def test_the_first_rows_are_shown_before_the_count_arrives(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, desk: Desk) -> None:
    """Issue 21: a filter or a sort shows its first rows without waiting for its count
    (counting a million requests takes longer than reading a screen of them); the table
    says how many once the count is there. Until then the rows are as many as the filter
    counted last time (a sort: the same filter), else the ones read."""
    import threading

    from app.services import staff
    from ui.request_table import RequestTable

    release = threading.Event()
    real_count = queries.count_requests

    def held_count(*args: object, **kwargs: object) -> int:
        assert release.wait(timeout=30)
        return real_count(*args, **kwargs)  # type: ignore[arg-type]

    table = RequestTable(desk.ctx(desk.lead), staff.list_staff(desk.db))
    qtbot.addWidget(table)
    model = table.model
    model.set_first_rows(1)
    with qtbot.waitSignal(model.counted, timeout=5000):
        table.set_queue("all")  # the first query comes with its count
    assert model.rowCount() == 7 and table.summary.text() == "7 request(s)"
    monkeypatch.setattr(queries, "count_requests", held_count)
    for change, shown, counted in (
            (lambda: table.view.sortByColumn(column("customer"),
                                             Qt.SortOrder.AscendingOrder), 7, 7),
            (lambda: table.set_queue("new"), 1, 2),  # never counted: the row read
            (lambda: table.set_queue("all"), 7, 7)):  # counted before
        release.clear()
        before = table.summary.text()
        with qtbot.waitSignal(model.loaded, timeout=5000):
            change()
        assert model.counting
        assert model.rowCount() == shown and model.is_loaded(0) and not model.is_loaded(1)
        assert model.index(0, 0).data() != PLACEHOLDER
        assert table.summary.text() == before  # not the rows read so far
        with qtbot.waitSignal(model.counted, timeout=5000):
            release.set()
        assert not model.counting and model.rowCount() == counted
        assert table.summary.text() == f"{counted} request(s)"
    with qtbot.waitSignal(model.page_loaded, timeout=5000):  # the rest of the first page
        assert model.index(6, 0).data() == PLACEHOLDER
    assert [model.index(r, 0).data() for r in range(7)] == \
        [str(n) for n in sorted(desk.numbers.values(), key=lambda n: _customer(model, n))]
