"""The dashboard in the main window: the team lead's start view, bars clicked with the
mouse opening the queue filtered to exactly their requests, PNG export, live updates,
the screenshot option, Italian texts; finance's customers at risk."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QBarSet, QValueAxis
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, SignalInstance
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import queries, work
from app.services.dto import RequestFilter
from tests.ui.conftest import Desk
from tests.ui.test_dates_on_screen import open_window
from tests.ui.test_gui_main import run_cli
from ui import i18n
from ui.finance.charts import ChartPanel
from ui.finance.dashboard import DashboardView
from ui.main_window import MainWindow


def dashboard_of(window: MainWindow) -> DashboardView:
    page = window.finance.current()
    assert isinstance(page, DashboardView)
    return page


def bar_point(panel: ChartPanel, bar_set: QBarSet, index: int) -> QPoint:
    """Where bar ``index`` of ``bar_set`` is drawn, in the chart view's viewport."""
    series = next(s for s in panel.chart.series() if isinstance(s, QAbstractBarSeries)
                  and bar_set in s.barSets())
    below = 0.0
    for other in series.barSets():
        if other is bar_set:
            break
        below += other.at(index)
    value = below + bar_set.at(index) / 2
    horizontal = series.type() in (QAbstractBarSeries.SeriesType.SeriesTypeHorizontalStackedBar,
                                   QAbstractBarSeries.SeriesType.SeriesTypeHorizontalBar)
    point = QPointF(value, index) if horizontal else QPointF(index, value)
    scene = panel.chart.mapToScene(panel.chart.mapToPosition(point, series))
    return panel.view.mapFromScene(scene)


def test_the_team_lead_starts_on_the_dashboard(qtbot: QtBot, desk: Desk,
                                               settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    dash = dashboard_of(window)
    assert window.queues.current_queue() == "dashboard"
    assert not window.workspace.isVisible()
    assert dash.data is not None
    assert {r.state: sum(r.counts) for r in dash.data.ageing} == {
        "new": 2, "evaluating": 2, "quoted": 1, "accepted": 1, "in_progress": 1}
    technician = open_window(qtbot, desk, desk.tech, QSettings(
        str(Path(settings.fileName()).with_name("tech.ini")), QSettings.Format.IniFormat))
    assert technician.queues.current_queue() == "mine"
    assert "dashboard" in technician.queues.names  # technicians can open it too


def test_a_clicked_bar_opens_exactly_its_requests(qtbot: QtBot, desk: Desk,
                                                  settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    panel = dashboard_of(window).panels["workload"]
    series = next(s for s in panel.chart.series() if isinstance(s, QAbstractBarSeries))
    evaluating = next(b for b in series.barSets() if b.label() == "Evaluating")
    row = next(i for i in range(evaluating.count()) if evaluating.at(i) > 0)
    expected = int(evaluating.at(row))
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=bar_point(panel, evaluating, row))
    assert window.centre.currentWidget() is window.table
    assert window.table.drill is not None and window.table.drill.kind == "workload"
    assert window.table.drill_bar.title().endswith(": Evaluating")
    assert window.table.model.rowCount() == expected
    assert {window.table.model.request_at(i).state  # type: ignore[union-attr]
            for i in range(expected)} == {"evaluating"}
    assert queries.count_requests(desk.db, RequestFilter(drill=window.table.drill)) == expected
    # issue 17: its first request is selected and open in the workspace
    first = window.table.model.request_at(0)
    assert first is not None
    assert window.table.view.selectionModel().isRowSelected(0)
    qtbot.waitUntil(lambda: window.workspace.isVisible() and window.workspace.detail is not None
                    and window.workspace.detail.number == first.number, timeout=5000)
    with qtbot.waitSignal(dashboard_of_later(window), timeout=5000):
        window.table.drill_bar.back_button.click()
    assert window.queues.current_queue() == "dashboard"


def dashboard_of_later(window: MainWindow) -> SignalInstance:
    page = window.finance.existing("dashboard")
    assert isinstance(page, DashboardView)
    return page.loaded


def test_every_chart_exports_a_png(qtbot: QtBot, desk: Desk, settings: QSettings,
                                   tmp_path: Path) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    for name, panel in dashboard_of(window).panels.items():
        target = tmp_path / name  # the extension is added
        with qtbot.waitSignal(panel.exported, timeout=2000):
            assert panel.export_png(target)
        image = QImage(str(target.with_suffix(".png")))
        assert not image.isNull() and image.width() > 250 and image.height() > 150
    assert not dashboard_of(window).panels["ageing"].export_png(tmp_path / "no" / "x.png")


def test_the_dashboard_follows_changes(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.lead, settings)
    dash = dashboard_of(window)
    qtbot.waitUntil(lambda: window.watch.marker is not None, timeout=5000)
    before = {w.username: w.total for w in dash.data.workload}  # type: ignore[union-attr]
    desk.taken("Another one", desk.tech)  # another workstation
    with qtbot.waitSignal(dash.loaded, timeout=5000):
        window.poll()
    after = {w.username: w.total for w in dash.data.workload}  # type: ignore[union-attr]
    assert after[desk.tech] == before[desk.tech] + 1


def test_hourly_bars_are_coloured_by_their_use_of_the_ceiling(qtbot: QtBot, desk: Desk,
                                                              settings: QSettings) -> None:
    number = desk.numbers["accepted"]  # hourly, 60/h x 2 h = 120.00
    work.log_work(desk.db, desk.tech, number, hours="1:40")  # billable 1:45: 105.00, 88 %
    window = open_window(qtbot, desk, desk.lead, settings)
    panel = dashboard_of(window).panels["ceilings"]
    series = next(s for s in panel.chart.series() if isinstance(s, QAbstractBarSeries))
    near = next(b for b in series.barSets() if b.label() == "80-100 %")
    assert [near.at(i) for i in range(near.count())] == [87.5]
    # issue 17: the bar names its request, who works on it and for whom
    axis = next(a for a in panel.chart.axes(Qt.Orientation.Vertical)
                if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == [f"RIT-{number:06d}<br>Tom T. · Rossi S.r.l."]
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=bar_point(panel, near, 0))
    assert window.table.model.rowCount() == 1
    assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]


def test_finance_sees_customers_at_risk(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    desk.accepted("Big job", customer=desk.poor)  # 122.00 against 50.00
    window = open_window(qtbot, desk, desk.finance, settings)
    qtbot.waitUntil(lambda: window.queues.count_text("at_risk") == "1", timeout=5000)
    with qtbot.waitSignal(window.finance.loaded, timeout=5000):
        window.queues.select_queue("at_risk")
    panel = window.finance.current()
    assert panel is not None and panel.objectName() == "atRiskPanel"
    assert [(a.code, str(a.shortfall)) for a in panel.accounts] == [  # type: ignore[attr-defined]
        (desk.poor, "72.00")]
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        panel.work_button.click()  # type: ignore[attr-defined]
    assert window.table.model.rowCount() == 1
    assert window.table.model.request_at(0).customer_code == desk.poor  # type: ignore[union-attr]


def test_the_dashboard_speaks_italian(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, "it")
    try:
        window = open_window(qtbot, desk, desk.lead, settings)
        dash = dashboard_of(window)
        assert dash.heading.text() == "Cruscotto"
        assert dash.panels["ageing"].title.text() == "Richieste aperte per anzianità"
        assert "oltre&nbsp;7&nbsp;giorni" in dash.panels["ageing"].legend.text()
        assert window.queues.count_text("dashboard") == ""
    finally:
        i18n.uninstall(app, installed)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_screenshot_of_the_dashboard(desk: Desk, desk_db: Database, tmp_path: Path,
                                     lang: str) -> None:
    target = tmp_path / f"dashboard-{lang}.png"
    done = run_cli("--db", str(desk_db.url), "--as", desk.lead, "--lang", lang, "--screenshot",
                   str(target), "--view", "dashboard", env_base=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not QImage(str(target)).isNull()


def tick_values(axis: QValueAxis) -> list[float]:
    """The values an axis draws a tick (and a label) at."""
    low, high = axis.min(), axis.max()
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        step = axis.tickInterval()
        assert step > 0
        first = axis.tickAnchor() + math.ceil((low - axis.tickAnchor()) / step - 1e-9) * step
        return [first + k * step for k in range(int((high - first) / step + 1e-9) + 1)]
    count = axis.tickCount()
    return [low + k * (high - low) / (count - 1) for k in range(count)]


def count_axes(dash: DashboardView) -> dict[str, QValueAxis]:
    """Every axis labelled in whole numbers ('%d': the counts, and the charged euros)."""
    return {f"{name}/{axis.orientation().name}": axis
            for name, panel in dash.panels.items() for axis in panel.chart.axes()
            if isinstance(axis, QValueAxis) and axis.labelFormat() == "%d"}


def assert_whole_ticks(axes: dict[str, QValueAxis]) -> None:
    for name, axis in axes.items():
        ticks = tick_values(axis)
        assert len(ticks) >= 2, name
        assert all(abs(t - round(t)) < 1e-6 for t in ticks), (name, ticks)
        labels = [str(int(t)) for t in ticks]  # what '%d' prints: the value cut short
        assert len(set(labels)) == len(labels), (name, labels)
        assert axis.min() <= 0 and ticks[-1] >= axis.max() - 1e-6, (name, ticks)


def test_count_axes_show_whole_numbers_once(qtbot: QtBot, desk: Desk,
                                            settings: QSettings) -> None:
    """A small world (2 new requests at most in a bar): an axis read '0 0 1 1 2' as its
    ticks fell at 0.5, 1.5 and '%d' cut them short; every count axis now ticks whole numbers
    only, and the bars still fit under its top."""
    window = open_window(qtbot, desk, desk.lead, settings)
    dash = dashboard_of(window)
    axes = count_axes(dash)
    assert {name.split("/")[0] for name in axes} == {
        "ageing", "expiry", "charged", "outcomes", "workload"}
    assert_whole_ticks(axes)
    assert axes["workload/Horizontal"].max() >= 3  # tom: 2 evaluating, 1 quoted, 1 accepted
    assert axes["ageing/Horizontal"].max() >= 2


@pytest.mark.parametrize("top", [0, 0.4, 1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 17, 26, 99, 101,
                                 1234.5, 98765])
def test_a_whole_number_axis_fits_any_top(qtbot: QtBot, top: float) -> None:
    panel = ChartPanel("probe")
    qtbot.addWidget(panel)
    axis = panel.value_axis(top)
    assert_whole_ticks({"probe": axis})
    assert axis.max() >= top
    assert len(tick_values(axis)) <= 7
