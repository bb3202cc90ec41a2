"""The queue table's columns: which are shown, in which order, how wide.

The columns that matter for deciding (state, priority, age, assignee, the quote's total
and validity) keep their width; the long texts (customer, service, subject) share what is
left of the table's width and give way first, elided, the full text in their tooltip: at
1366 x 768 nothing scrolls sideways. From the header's context menu a column is hidden,
shown, moved or everything reset; dragging moves and resizes as usual. The main window
saves the header's state (order, hidden columns, widths) with its layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView

from ui import labels
from ui.request_table_model import COLUMNS, RequestTableModel, headers

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

#: width (pixels) of the columns that keep theirs
DEFAULT_WIDTHS = {
    "number": 56, "category": 150, "state": 128, "priority": 76, "assignee": 100, "age": 52,
    "quote_total": 92, "validity": 112,
}
#: the columns that give way, and their share of the room left
ELASTIC = {"customer": 3, "service": 2, "subject": 5}
#: hidden until the user shows them (the category is in the filter above the table)
HIDDEN_BY_DEFAULT = ("service", "category")
MIN_ELASTIC = 70
#: the characters the customer and subject show before the fixed columns stop giving way
#: (at 70 pixels, 'Vetreria ...' and 'Patch di ...' said nothing): 'Officine Meccanich'
COMFORT_CHARS = 18
#: how far the fixed columns give way, as a share of their width, when the table is too
#: narrow for them and the elastic ones at their least (three panes on 1366 pixels)
FIXED_FLOOR = 0.7

KEYS = [c.key for c in COLUMNS]


class QueueView(QTableView):
    """The queue's table view; says when its width changed (the columns are fitted).

    Signals:
        resized(): the view was resized.
    """

    resized = Signal()


    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


def _widest_priority(view: QTableView) -> int:
    """The widest priority's width (urgent ones are bold) with the cell's margins."""
    font = QFont(view.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    return max(metrics.horizontalAdvance(label) for _code, label in labels.priorities()) + 14


class QueueHeader(QObject):
    """Manages the columns of ``view``."""

    def __init__(self, view: QueueView) -> None:
        super().__init__(view)
        self.view = view
        self.header = view.horizontalHeader()
        self._weights = dict(ELASTIC)
        #: the widths the fixed columns have when there is room (default or the user's)
        self._wanted = dict(DEFAULT_WIDTHS)
        #: what the fixed columns never give way below (a priority is read whole)
        self._least = {"priority": _widest_priority(view)}
        self._fitting = False
        header = self.header
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionResized.connect(self._on_resized)
        header.sortIndicatorChanged.connect(lambda *_: self.elide_titles())
        view.resized.connect(self.fit)
        self.reset()

    # -- layout ------------------------------------------------------------------------------
    def reset(self) -> None:
        """The default order, visibility and widths."""
        header = self.header
        for logical in range(len(KEYS)):
            visual = header.visualIndex(logical)
            if visual != logical:
                header.moveSection(visual, logical)
        self._fitting = True  # one fit below, not one per column resized
        try:
            for i, key in enumerate(KEYS):
                header.setSectionHidden(i, key in HIDDEN_BY_DEFAULT)
                if key not in ELASTIC:
                    header.resizeSection(i, DEFAULT_WIDTHS[key])
        finally:
            self._fitting = False
        self._weights = dict(ELASTIC)
        self._wanted = dict(DEFAULT_WIDTHS)
        self.fit()

    def restore(self, state: object) -> None:
        """The user's own columns (saved with the window's layout)."""
        if self.header.restoreState(state):  # type: ignore[arg-type]
            self._weights = {key: max(1, self.header.sectionSize(KEYS.index(key)))
                             for key in ELASTIC}
            for key in DEFAULT_WIDTHS:
                size = self.header.sectionSize(KEYS.index(key))
                if size > 0:
                    self._wanted[key] = size
        self.fit()

    def save_state(self) -> QByteArray:
        """The header's state with the fixed columns at their wanted widths (not as a
        narrow table gave them way)."""
        self._fitting = True
        try:
            for key, width in self._wanted.items():
                if not self.header.isSectionHidden(KEYS.index(key)):
                    self.header.resizeSection(KEYS.index(key), width)
            state = self.header.saveState()
        finally:
            self._fitting = False
        self.fit()
        return state

    def fit(self) -> None:
        """Share the room the fixed columns leave among the visible elastic ones; when
        the table is too narrow for both, the fixed columns give way too (down to
        :data:`FIXED_FLOOR` of their width) before anything scrolls sideways."""
        header = self.header
        elastic = [k for k in ELASTIC if not header.isSectionHidden(KEYS.index(k))]
        fixed_keys = [k for k in DEFAULT_WIDTHS if not header.isSectionHidden(KEYS.index(k))]
        width = self.view.viewport().width()
        fixed = sum(self._wanted[k] for k in fixed_keys)
        comfort = self.comfort()
        short = comfort * len(elastic) - (width - fixed)
        slack = sum(self._wanted[k] - self._floor(k) for k in fixed_keys)
        give = min(1.0, short / slack) if short > 0 and slack > 0 else 0.0
        self._fitting = True
        try:
            for key in fixed_keys:
                wanted = self._wanted[key]
                size = wanted - int((wanted - self._floor(key)) * give + 0.999)
                if header.sectionSize(KEYS.index(key)) != size:
                    header.resizeSection(KEYS.index(key), size)
            room = width - sum(header.sectionSize(KEYS.index(k)) for k in fixed_keys)
            total = sum(self._weights[k] for k in elastic)
            # each its comfortable width if there is room for all, else its least; the rest
            # by weight: together never wider than the room (when the fixed columns have
            # given all they can, below their least too)
            least = comfort if room >= comfort * len(elastic) else MIN_ELASTIC
            spare = room - least * len(elastic)
            for key in elastic:
                share = self._weights[key] / total
                size = (least + int(spare * share) if spare >= 0
                        else max(header.minimumSectionSize(), int(room * share)))
                header.resizeSection(KEYS.index(key), size)
        finally:
            self._fitting = False
        self.elide_titles()

    def comfort(self) -> int:
        """An elastic column's width showing :data:`COMFORT_CHARS` characters (a wide
        letter's measure, the cell's margins)."""
        metrics = self.view.fontMetrics()
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                               None, self.view) + 1
        return metrics.horizontalAdvance("x" * COMFORT_CHARS) + 2 * margin + 4

    def comfortable_width(self) -> int:
        """The visible columns at their wanted widths, customer and subject comfortable."""
        header = self.header
        fixed = sum(self._wanted[k] for k in DEFAULT_WIDTHS
                    if not header.isSectionHidden(KEYS.index(k)))
        elastic = [k for k in ELASTIC if not header.isSectionHidden(KEYS.index(k))]
        return fixed + self.comfort() * len(elastic)

    def title_for(self, text: str, width: int, *, sorted_here: bool = False) -> str:
        """``text`` as it fits a section ``width`` pixels wide: ending in '…' when it does
        not (the style clipped it at both ends: 'tale preve' for 'Totale preventivo')."""
        style = self.header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self.header)
        room = width - 2 * margin
        if sorted_here:
            room -= style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                      self.header) + margin
        return self.header.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                    max(0, room))

    def elide_titles(self) -> None:
        """Give the model the titles as they fit their columns (the whole title stays the
        section's tooltip); a model without titles of its own is left alone."""
        model = self.view.model()
        if not isinstance(model, RequestTableModel):
            return
        header = self.header
        sorted_at = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
        titles = {}
        for i in range(len(KEYS)):
            if header.isSectionHidden(i):
                continue
            whole = model.full_title(i)
            shown = self.title_for(whole, header.sectionSize(i), sorted_here=i == sorted_at)
            if shown != whole:
                titles[i] = shown
        model.show_titles(titles)

    def _floor(self, key: str) -> int:
        wanted = self._wanted[key]
        return min(wanted, max(int(wanted * FIXED_FLOOR), self._least.get(key, 0)))

    def _on_resized(self, logical: int, _old: int, new: int) -> None:
        if self._fitting or new == 0 or self.header.isSectionHidden(logical):
            # hiding a section resizes it to 0 before it is marked hidden: fitting then
            # would give the section being hidden a width it keeps (an empty gap)
            return
        key = KEYS[logical]
        if key in ELASTIC:
            # the user widened an elastic column: it keeps that share from now on
            others = sum(self.header.sectionSize(KEYS.index(k)) for k in ELASTIC
                         if k != key and not self.header.isSectionHidden(KEYS.index(k)))
            total_weight = sum(self._weights.values())
            self._weights[key] = max(1, int(total_weight * new / max(1, new + others)))
        else:
            self._wanted[key] = new  # the user's width, kept when there is room
        self.fit()

    def wanted_width(self, key: str) -> int:
        """A fixed column's width when there is room (the default or the user's)."""
        return self._wanted[key]

    def visible_keys(self) -> list[str]:
        """The shown columns, left to right."""
        header = self.header
        order = sorted(range(len(KEYS)), key=header.visualIndex)
        return [KEYS[i] for i in order if not header.isSectionHidden(i)]

    # -- the context menu -------------------------------------------------------------------
    def menu(self, at: int = -1) -> QMenu:
        """Hide/show each column; move the one under the pointer; reset."""
        menu = QMenu(self.view)
        header = self.header
        titles = headers()
        if at >= 0:
            visual = header.visualIndex(at)
            left = menu.addAction(Q.translate("QueueHeader", "Move “%1” left")
                                  .replace("%1", titles[at]))
            left.setEnabled(visual > 0)
            left.triggered.connect(lambda: self.move(at, -1))
            right = menu.addAction(Q.translate("QueueHeader", "Move “%1” right")
                                   .replace("%1", titles[at]))
            right.setEnabled(visual < len(KEYS) - 1)
            right.triggered.connect(lambda: self.move(at, 1))
            menu.addSeparator()
        shown = sum(not header.isSectionHidden(i) for i in range(len(KEYS)))
        for i in sorted(range(len(KEYS)), key=header.visualIndex):
            action = menu.addAction(titles[i])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(header.isSectionHidden(i) or shown > 1)  # never hide them all
            action.toggled.connect(lambda on, i=i: self.set_shown(i, on))
        menu.addSeparator()
        reset = menu.addAction(Q.translate("QueueHeader", "Reset the columns"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        self.menu(self.header.logicalIndexAt(pos)).exec(self.header.mapToGlobal(pos))

    def set_shown(self, logical: int, shown: bool) -> None:
        self.header.setSectionHidden(logical, not shown)
        if shown and KEYS[logical] not in ELASTIC:
            self._wanted[KEYS[logical]] = DEFAULT_WIDTHS[KEYS[logical]]
            self.header.resizeSection(logical, DEFAULT_WIDTHS[KEYS[logical]])
        self.fit()

    def move(self, logical: int, step: int) -> None:
        visual = self.header.visualIndex(logical)
        target = visual + step
        if 0 <= target < len(KEYS):
            self.header.moveSection(visual, target)
