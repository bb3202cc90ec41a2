"""A chart panel of the dashboard: a title, a QtCharts view, PNG export, and clickable
bars.

Each bar set is registered with the function that turns a bar's index into what a
click opens (``on_click``); :class:`ChartPanel` connects the series' ``clicked`` and
``hovered`` signals once and looks the set up when they fire.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)


@dataclass
class BarTarget:
    """What the bars of one set open when clicked, and what their tooltip says."""

    on_click: Callable[[int], None] | None
    tooltip: Callable[[int], str] | None = None


class ChartPanel(QFrame):
    """One chart of the dashboard with its title and an "Export PNG" button.

    Signals:
        exported(str): the chart was saved to this file.
    """

    exported = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = name
        self._targets: dict[int, BarTarget] = {}
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        self._small = small
        self.note = QLabel(self)
        self.note.setObjectName("chartNote")
        self.note.setStyleSheet("color: #5a6570;")
        self.export_button = QToolButton(self)
        self.export_button.setObjectName(f"export_{name}")
        self.export_button.setAutoRaise(True)
        self.chart = QChart()
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setFont(small)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(280, 170)
        self.legend = QLabel(self)
        self.legend.setObjectName("chartLegend")
        self.legend.setWordWrap(True)
        self.legend.setFont(small)
        self.legend.hide()
        # the title and its note wrap rather than widen the dashboard's grid
        self.title.setWordWrap(True)
        self.note.setWordWrap(True)
        self.note.setFont(small)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self.export_button.clicked.connect(self.export_dialog)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("PNG…"))
        self.export_button.setToolTip(self.tr("Save this chart as a PNG image"))

    # -- building -------------------------------------------------------------------------
    def clear(self) -> None:
        """Remove every series and axis (a refresh builds them again)."""
        self._targets.clear()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()

    def set_legend(self, items: Sequence[tuple[str, str]]) -> None:
        """A legend of (colour, text) under the chart that wraps onto several lines (the
        chart's own legend stays on one line and cuts the names short)."""
        self.chart.legend().setVisible(False)
        self.legend.setText(" &nbsp; ".join(
            f"<span style='color:{colour}'>■</span>&nbsp;{escape(text).replace(' ', '&nbsp;')}"
            for colour, text in items))
        self.legend.setVisible(bool(items))

    def add_bars(self, series: QAbstractBarSeries, sets: Sequence[tuple[QBarSet, BarTarget]],
                 x_axis: QAbstractAxis, y_axis: QAbstractAxis,
                 extra_legend: Sequence[tuple[str, str]] = ()) -> None:
        """Add ``series`` with its bar sets (each with its click target) on two axes; the
        legend names every set (and ``extra_legend``: (colour, text) of other series)."""
        for bar_set, target in sets:
            series.append(bar_set)
            self._targets[id(bar_set)] = target
        self.set_legend([(b.color().name(), b.label()) for b, _ in sets] + list(extra_legend))
        self.chart.addSeries(series)
        for axis, side in ((x_axis, Qt.AlignmentFlag.AlignBottom),
                           (y_axis, Qt.AlignmentFlag.AlignLeft)):
            axis.setLabelsFont(self._small)
            self.chart.addAxis(axis, side)
            series.attachAxis(axis)
        series.clicked.connect(self._clicked)
        series.hovered.connect(self._hovered)

    @property
    def labels_font(self) -> QFont:
        """The axes' labels' font (smaller than the panel's)."""
        return self._small

    def category_axis(self, labels: Sequence[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(list(labels))
        axis.setGridLineVisible(False)
        return axis

    def index_axis(self, labels: Sequence[str], *, step: int = 1, first: int = 0
                   ) -> QCategoryAxis:
        """An axis for bars at 0, 1, 2...: ``labels[i]`` under every ``step``-th bar from
        ``first`` (one under each bar would not fit: many bars, narrow chart)."""
        axis = QCategoryAxis()
        axis.setRange(-0.5, len(labels) - 0.5)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for i in range(first % step if step > 1 else 0, len(labels), step):
            axis.append(labels[i], i)
        axis.setGridLineVisible(False)
        return axis

    def value_axis(self, top: float, *, integer: bool = True) -> QValueAxis:
        """An axis from 0 that holds ``top``. ``integer`` (counts, whole euros): labelled
        '%d' with ticks on whole numbers only (see :func:`whole_ticks`): '%d' cuts a value
        short, so ticks at 0.5 and 1.5 read '0 0 1 1 2' on a small count."""
        axis = QValueAxis()
        if integer:
            step, intervals = whole_ticks(top)
            axis.setRange(0, step * intervals)
            axis.setTickCount(intervals + 1)
            axis.setLabelFormat("%d")
        else:
            axis.setRange(0, max(top, 1))
        return axis

    def _clicked(self, index: int, bar_set: QBarSet) -> None:
        target = self._targets.get(id(bar_set))
        if target is not None and target.on_click is not None and bar_set.at(index) > 0:
            target.on_click(index)

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        target = self._targets.get(id(bar_set))
        if status and target is not None and target.tooltip is not None:
            QToolTip.showText(QCursor.pos(), target.tooltip(index), self.view)
            self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.view.unsetCursor()

    @property
    def targets(self) -> dict[int, BarTarget]:
        return self._targets

    # -- export ---------------------------------------------------------------------------
    def export_png(self, path: Path) -> bool:
        """Save the chart (with its title) as a PNG file; False if it cannot be written."""
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        ok = bool(self.grab().save(str(path), "PNG"))
        if ok:
            self.exported.emit(str(path))
        return ok

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart"), str(Path.home() / f"{self.name}.png"),
            self.tr("PNG images (*.png)"))
        if path and not self.export_png(Path(path)):
            self.note.setText(self.tr("The file cannot be written."))


def whole_ticks(top: float, most: int = 5) -> tuple[int, int]:
    """(step, intervals) of an axis from 0 past ``top`` with ticks on whole numbers: the
    smallest step of 1, 2, 5, 10, 20, 50... that needs at most ``most`` intervals."""
    top = max(float(top), 1.0)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            intervals = math.ceil(top / step - 1e-9)
            if intervals <= most:
                return step, max(intervals, 1)
        magnitude *= 10


def bar_set(label: str, values: Sequence[float], colour: str) -> QBarSet:
    bars = QBarSet(label)
    bars.append([float(v) for v in values])
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour).darker(115))
    return bars
