"""The dashboard ("Cruscotto"): six charts of the department, each bar opening the queue
filtered to exactly its requests.

The figures come from :func:`app.services.dashboard.dashboard` (SQL aggregates) on a
worker thread; the charts are rebuilt on the GUI thread when they arrive.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import (
    QBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.db.standby import ReadAnswer
from app.services import dashboard as service
from app.services.dashboard import OPEN_STATES, OUTCOMES, CeilingBar, Dashboard
from app.services.dto import Drill
from ui import labels
from ui.context import AppContext
from ui.errors import error_text
from ui.finance.charts import BarTarget, ChartPanel, bar_set
from ui.read_source import ReadSourceNote
from ui.worker import BusyIndicator, run_async

AGE_COLOURS = ("#66bb6a", "#c0ca33", "#ffa726", "#e53935")
EXPIRED_COLOUR, EXPIRING_COLOUR = "#c62828", "#f9a825"
CEILING_COLOURS = ("#42a5f5", "#ffa000", "#d32f2f")  # below 80 %, 80-100 %, over
CEILING_BARS = 8
#: the technician and customer under a ceiling bar's number, elided to this width (the
#: panel is a third of the dashboard; Qt Charts gives its axis labels about this much)
CEILING_LABEL_PX = 120
OUTCOME_COLOURS = {"accepted": "#2e7d32", "rejected": "#c62828", "expired": "#9e9e9e"}
RATE_COLOUR = "#1f4e79"
STATE_COLOURS = {"new": "#90caf9", "evaluating": "#42a5f5", "quoted": "#ffb74d",
                 "accepted": "#81c784", "in_progress": "#388e3c"}
CATEGORY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79")

CHARTS = ("ageing", "expiry", "ceilings", "charged", "outcomes", "workload")


class DashboardView(QWidget):
    """The six charts in a grid.

    Signals:
        drill_requested(object, str): a bar was clicked: its :class:`Drill` and a title.
        loaded(): the figures arrived and the charts are drawn.
        status(str): a message for the status bar (a failed query).
    """

    drill_requested = Signal(object, str)
    loaded = Signal()
    status = Signal(str)

    def __init__(self, ctx: AppContext, *, busy: BusyIndicator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._ctx = ctx
        self._busy = busy
        self._loading = False
        self.data: Dashboard | None = None
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.panels = {name: ChartPanel(name, self) for name in CHARTS}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, name in enumerate(CHARTS):
            grid.addWidget(self.panels[name], i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        self.source = ReadSourceNote(ctx.db, self)  # which database answered (issue 21)
        layout.addWidget(self.source)
        layout.addLayout(grid, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        titles = {
            "ageing": self.tr("Open requests by age"),
            "expiry": self.tr("Quotes expired unanswered and expiring"),
            "ceilings": self.tr("Hourly work against its ceiling"),
            "charged": self.tr("Charged per month (net, €)"),
            "outcomes": self.tr("Quote outcomes per month"),
            "workload": self.tr("Open workload per technician"),
        }
        for name, title in titles.items():
            self.panels[name].title.setText(title)
            self.panels[name].retranslate()

    # -- loading --------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Read the figures again (off the GUI thread) and redraw."""
        if self._loading:
            return
        self._loading = True
        db = self._ctx.db
        # from the standby when there is one close enough behind (issue 21)
        run_async(lambda: db.reads(service.dashboard), self._arrived, self._failed, self,
                  busy=self._busy)

    def _arrived(self, arrived: tuple[Dashboard, ReadAnswer]) -> None:
        data, answer = arrived
        self.source.show_answer(answer)
        self.show_dashboard(data)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.emit(error_text(exc))

    def show_dashboard(self, data: Dashboard) -> None:
        self._loading = False
        self.data = data
        self._ageing(data)
        self._expiry(data)
        self._ceilings(data)
        self._charged(data)
        self._outcomes(data)
        self._workload(data)
        self.loaded.emit()

    def _open(self, drill: Drill, title: str) -> None:
        self.drill_requested.emit(drill, title)

    # -- the charts -----------------------------------------------------------------------
    def _bucket_labels(self) -> list[str]:
        return [self.tr("under 1 day"), self.tr("1-3 days"), self.tr("3-7 days"),
                self.tr("over 7 days")]

    def _ageing(self, data: Dashboard) -> None:
        panel = self.panels["ageing"]
        panel.clear()
        rows = list(reversed(data.ageing))  # "new" at the top
        states = [row.state for row in rows]
        names = [labels.state_label(s) for s in states]
        buckets = self._bucket_labels()
        series = QHorizontalStackedBarSeries()
        sets = []
        for b, bucket in enumerate(buckets):
            values = [row.counts[b] for row in rows]

            def click(i: int, b: int = b) -> None:
                self._open(service.age_drill(data, states[i], b),
                           self.tr("%1, open for %2").replace("%1", names[i])
                           .replace("%2", buckets[b]))

            def tip(i: int, b: int = b, values: list[int] = values) -> str:
                return f"{names[i]} · {buckets[b]}: {values[i]}"

            sets.append((bar_set(bucket, values, AGE_COLOURS[b]), BarTarget(click, tip)))
        top = max((sum(row.counts) for row in rows), default=0)
        panel.add_bars(series, sets, panel.value_axis(top), panel.category_axis(names))
        total = sum(sum(row.counts) for row in data.ageing)
        panel.note.setText(self.tr("%1 open").replace("%1", str(total)))

    def _expiry(self, data: Dashboard) -> None:
        """Every day from 30 days ago to 13 days ahead: red the quotes that expired
        unanswered that day, amber those that expire that day."""
        panel = self.panels["expiry"]
        panel.clear()
        days = [d.day for d in data.expired] + [d.day for d in data.expiring]
        expired = [d.count for d in data.expired] + [0] * len(data.expiring)
        expiring = [0] * len(data.expired) + [d.count for d in data.expiring]
        lang = self._ctx.lang

        def click(kind: str) -> Callable[[int], None]:
            def open_day(i: int) -> None:
                when = labels.date_str(days[i], lang)
                title = (self.tr("Quotes expired unanswered on %1") if kind == "expired"
                         else self.tr("Quotes expiring on %1")).replace("%1", when)
                self._open(service.day_drill(kind, days[i]), title)
            return open_day

        def tip(values: list[int]) -> Callable[[int], str]:
            return lambda i: f"{labels.date_str(days[i], lang)}: {values[i]}"

        series = QStackedBarSeries()
        series.setBarWidth(0.8)
        sets = [(bar_set(self.tr("Expired unanswered"), expired, EXPIRED_COLOUR),
                 BarTarget(click("expired"), tip(expired))),
                (bar_set(self.tr("Expiring"), expiring, EXPIRING_COLOUR),
                 BarTarget(click("expiring"), tip(expiring)))]
        names = [self.tr("today") if day == data.today else self._day_label(day) for day in days]
        first = days.index(data.today) if data.today in days else 0
        panel.add_bars(series, sets, panel.index_axis(names, step=7, first=first),
                       panel.value_axis(max(expired + expiring, default=0)))
        soon = sum(d.count for d in data.expiring[:7])
        panel.note.setText(self.tr("%1 within 7 days").replace("%1", str(soon)))

    def _day_label(self, day: date) -> str:
        return f"{day.day} {QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)}"

    def _ceilings(self, data: Dashboard) -> None:
        panel = self.panels["ceilings"]
        panel.clear()
        bars = list(reversed(data.ceilings[:CEILING_BARS]))  # the most used at the top
        refs = [labels.request_ref(b.number) for b in bars]
        # the request as the lead knows it: its number, who works on it, for whom
        axis_labels = [self._ceiling_label(refs[i], b) for i, b in enumerate(bars)]
        lang = self._ctx.lang
        levels = [0 if b.usage < service.NEAR else 1 if b.usage < service.OVER else 2
                  for b in bars]
        names = [self.tr("below 80 %"), self.tr("80-100 %"), self.tr("over 100 %")]
        series = QHorizontalStackedBarSeries()
        sets = []
        for level in range(3):
            values = [float(b.usage * 100) if levels[i] == level else 0.0
                      for i, b in enumerate(bars)]

            def click(i: int) -> None:
                self._open(service.request_drill(bars[i].number), refs[i])

            def tip(i: int) -> str:
                b = bars[i]
                return (f"{refs[i]} · {b.customer} · {b.technician or self.tr('unassigned')}\n"
                        + self.tr("%1 of %2 (%3 %)").replace("%1", labels.money(b.work_amount, lang))
                        .replace("%2", labels.money(b.ceiling, lang))
                        .replace("%3", labels.number(b.usage * 100, lang, 0)))

            sets.append((bar_set(names[level], values, CEILING_COLOURS[level]),
                         BarTarget(click, tip)))
        top = max([float(b.usage * 100) for b in bars] + [100.0])
        x_axis = QValueAxis()
        end = 50 * (int(top) // 50 + 1)
        x_axis.setRange(0, end)
        x_axis.setTickCount(end // 50 + 1)
        x_axis.setLabelFormat("%d %%")
        y_axis = panel.category_axis(axis_labels)
        y_axis.setTruncateLabels(False)  # two short lines, whole: not 'RIT-000078...'
        panel.add_bars(series, sets, x_axis, y_axis)
        panel.note.setText(self.tr("%1 in progress · %2 near · %3 over")
                           .replace("%1", str(data.hourly_in_progress))
                           .replace("%2", str(data.near_ceiling))
                           .replace("%3", str(data.over_ceiling)))

    def _ceiling_label(self, ref: str, bar: CeilingBar) -> str:
        """``RIT-000078`` over ``Luca F. · Energia Verde Srl`` (shortened to fit the panel;
        whole in the bar's tooltip)."""
        metrics = QFontMetrics(self.panels["ceilings"].labels_font)
        first, _, last = (bar.technician or self.tr("unassigned")).partition(" ")
        who = f"{first} {last[:1]}." if last else first
        line = metrics.elidedText(f"{who} · {bar.customer}", Qt.TextElideMode.ElideRight,
                                  CEILING_LABEL_PX)
        return f"{ref}<br>{html.escape(line)}"

    def _month_labels(self, months: tuple[str, ...]) -> list[str]:
        locale = QLocale()
        return [f"{locale.monthName(int(m[5:]), QLocale.FormatType.ShortFormat)} {m[2:4]}"
                for m in months]

    def _charged(self, data: Dashboard) -> None:
        panel = self.panels["charged"]
        panel.clear()
        months = list(data.months)
        month_names = self._month_labels(data.months)
        lang = self._ctx.lang
        categories = [code for code, _ in labels.categories()
                      if any((m, code) in data.charged for m in months)]
        series = QStackedBarSeries()
        series.setBarWidth(0.7)  # a month's bar reads as one, not a hairline
        sets = []
        for n, code in enumerate(categories):
            amounts = [data.charged.get((m, code), Decimal(0)) for m in months]
            name = labels.category_label(code)

            def click(i: int, code: str = code, name: str = name) -> None:
                self._open(service.charged_drill(data, months[i], code),
                           self.tr("Charged in %1: %2").replace("%1", month_names[i])
                           .replace("%2", name))

            def tip(i: int, name: str = name, amounts: list[Decimal] = amounts) -> str:
                return f"{month_names[i]} · {name}: {labels.money(amounts[i], lang)}"

            sets.append((bar_set(name, [float(a) for a in amounts],
                                 CATEGORY_COLOURS[n % len(CATEGORY_COLOURS)]),
                         BarTarget(click, tip)))
        totals = [sum((data.charged.get((m, c), Decimal(0)) for c in categories), Decimal(0))
                  for m in months]
        y_axis = panel.value_axis(float(max(totals, default=0)))
        panel.add_bars(series, sets, panel.index_axis(month_names, step=2, first=len(months) - 1),
                       y_axis)
        note = self.tr("%1 this month").replace(
            "%1", labels.money(totals[-1] if totals else Decimal(0), lang))
        # the VAT point in words (issue 20): the bars are net either way
        vat = (labels.vat_point_words(data.vat_point, Decimal(0), lang)
               if data.vat_point == "topup" else self.tr("plus VAT, charged with the work"))
        panel.note.setText(f"{note} · {vat}")

    def _outcomes(self, data: Dashboard) -> None:
        panel = self.panels["outcomes"]
        panel.clear()
        months = list(data.months)
        month_names = self._month_labels(data.months)
        names = {"accepted": self.tr("Accepted"), "rejected": self.tr("Rejected"),
                 "expired": self.tr("Expired")}
        series = QBarSeries()
        series.setBarWidth(0.9)  # three outcomes side by side in each month
        sets = []
        for outcome in OUTCOMES:
            values = [getattr(row, outcome) for row in data.outcomes]

            def click(i: int, outcome: str = outcome) -> None:
                self._open(service.outcome_drill(data, months[i], outcome),
                           self.tr("%1 in %2").replace("%1", names[outcome])
                           .replace("%2", month_names[i]))

            def tip(i: int, outcome: str = outcome, values: list[int] = values) -> str:
                return f"{month_names[i]} · {names[outcome]}: {values[i]}"

            sets.append((bar_set(names[outcome], values, OUTCOME_COLOURS[outcome]),
                         BarTarget(click, tip)))
        top = max((max(r.accepted, r.rejected, r.expired) for r in data.outcomes), default=0)
        panel.add_bars(series, sets, panel.index_axis(month_names, step=2, first=len(months) - 1),
                       panel.value_axis(top), [(RATE_COLOUR, self.tr("Acceptance rate"))])
        rate = QLineSeries()
        rate.setPen(QPen(QColor(RATE_COLOUR), 2))
        for i, row in enumerate(data.outcomes):
            if row.acceptance_rate is not None:
                rate.append(QPointF(i, float(row.acceptance_rate * 100)))
        panel.chart.addSeries(rate)
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d %%")
        percent.setLabelsFont(panel.chart.legend().font())
        percent.setGridLineVisible(False)
        panel.chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        rate.attachAxis(percent)
        rate.attachAxis(panel.chart.axes(Qt.Orientation.Horizontal)[0])
        recent = [r for r in data.outcomes if r.acceptance_rate is not None]
        panel.note.setText(self.tr("acceptance %1 %").replace(
            "%1", labels.number(recent[-1].acceptance_rate * 100, self._ctx.lang, 0))
            if recent and recent[-1].acceptance_rate is not None else "")

    def _workload(self, data: Dashboard) -> None:
        panel = self.panels["workload"]
        panel.clear()
        rows = list(reversed(data.workload))  # the busiest at the top
        people = [row.name for row in rows]
        series = QHorizontalStackedBarSeries()
        sets = []
        for state in OPEN_STATES:
            values = [row.counts.get(state, 0) for row in rows]
            name = labels.state_label(state)

            def click(i: int, state: str = state, name: str = name) -> None:
                self._open(service.workload_drill(rows[i].username, state),
                           f"{people[i]}: {name}")

            def tip(i: int, name: str = name, values: list[int] = values) -> str:
                return f"{people[i]} · {name}: {values[i]}"

            sets.append((bar_set(name, values, STATE_COLOURS[state]), BarTarget(click, tip)))
        top = max((row.total for row in rows), default=0)
        panel.add_bars(series, sets, panel.value_axis(top), panel.category_axis(people))
        panel.note.setText(self.tr("%1 people").replace("%1", str(len(rows))))

