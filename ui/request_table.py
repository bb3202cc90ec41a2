"""The centre of the main window: search, filters and the queue table."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.queues import ATTENTION_QUEUES, QUEUES, RETURNED, check_search
from app.services.queue_rows import Drill, RequestFilter, StaffView
from ui import labels
from ui.context import AppContext
from ui.finance.drill_bar import DrillBar
from ui.queue_header import QueueHeader, QueueView
from ui.request_table_model import RequestTableModel
from ui.text_check import TextCheck, error_label
from ui.worker import BusyIndicator

SEARCH_DELAY_MS = 300
#: the filter combos' least width in characters (they widen with the table): with the search,
#: the table's filters fit beside the workspace on a 1366-pixel screen
FILTER_MIN_CHARS = 8

class RequestTable(QWidget):
    """Search box, filters and the table of one queue.

    Signals:
        request_selected(int): the current request changed (0: none).
        request_activated(int): a request was double-clicked or Enter pressed on it.
        error(str): a query failed.
        first_rows_painted(): the table has painted its first query's rows (not the
            placeholders of a page being read), or its emptiness, for the first time;
            emitted once the paint is over.
        request_left(int): the request just acted on here left the queue; nothing is
            highlighted and the workspace keeps showing it (see :meth:`keep_acted_on`).
    """

    request_selected = Signal(int)
    request_activated = Signal(int)
    error = Signal(str)
    first_rows_painted = Signal()
    request_left = Signal(int)

    def __init__(self, ctx: AppContext, staff: list[StaffView], *,
                 busy: BusyIndicator | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._queue = "all"
        self._drill: Drill | None = None
        #: the next query's first row is selected (a dashboard bar's drill-down)
        self._select_first = False
        self._selected = 0
        self._selected_row = 0
        #: the request an action was just done on (it stays in front if it leaves)
        self._acted_on = 0
        self.model = RequestTableModel(ctx.db, lang=ctx.lang, busy=busy, parent=self)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Number, customer or subject"))
        self.search.setToolTip(self.tr("Search number, customer or subject (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setMinimumWidth(180)
        #: the search the table shows (the box may hold one refused since)
        self._accepted_search: str | None = None
        # a search refused (a control character, over 200 characters: the service's
        # rule), said under the box; the box takes what is pasted, so that it can say so
        self.search_error = error_label(self)
        self.search_error.setObjectName("searchError")
        self.search_check = TextCheck(self.search, self.search_error, check_search)

        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for code, label in labels.categories():
            self.category.addItem(label, code)
        self.priority = QComboBox(self)
        self.priority.setObjectName("priorityFilter")
        self.priority.addItem(self.tr("All priorities"), None)
        for code, label in labels.priorities():
            self.priority.addItem(label, code)
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("assigneeFilter")
        self.assignee.addItem(self.tr("Anyone"), None)
        self.assignee.addItem(self.tr("Unassigned"), "")
        for person in staff:
            if person.role != "finance" and person.active:
                self.assignee.addItem(person.name, person.username)
        for combo, name in ((self.category, self.tr("Category")),
                            (self.priority, self.tr("Priority")),
                            (self.assignee, self.tr("Assignee"))):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(FILTER_MIN_CHARS)

        self.view = QueueView(self)
        self.view.setObjectName("requestTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        self.columns = QueueHeader(self.view)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.setAccessibleName(self.tr("Requests"))

        self.summary = QLabel(self)
        self.summary.setObjectName("tableSummary")
        self.drill_bar = DrillBar(self)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.priority, 1)
        filters.addWidget(self.assignee, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drill_bar)
        layout.addLayout(filters)
        layout.addWidget(self.search_error)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.setTabOrder(self.search, self.category)
        self.setTabOrder(self.category, self.priority)
        self.setTabOrder(self.priority, self.assignee)
        self.setTabOrder(self.assignee, self.view)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        # filters
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self._apply_now)
        self._search_timer.timeout.connect(self._apply_now)
        self.category.currentIndexChanged.connect(self.apply_filters)
        self.priority.currentIndexChanged.connect(self.apply_filters)
        self.assignee.currentIndexChanged.connect(self.apply_filters)
        # model
        self.model.loaded.connect(self._on_loaded)
        self.model.refreshed.connect(self._on_refreshed)
        self.model.page_loaded.connect(lambda _page: self._sync_current())
        self.model.error.connect(self.error)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(self._update_summary)
        self.model.rowsRemoved.connect(self._update_summary)
        self.model.counted.connect(self._update_summary)
        # view
        self._paint_watch = _FirstRowsPainted(self)
        self.view.viewport().installEventFilter(self._paint_watch)
        self._count_watch = _CountAfterPaint(self.model)
        self.view.viewport().installEventFilter(self._count_watch)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.activated.connect(self._on_activated)
        self.view.resized.connect(self._on_view_resized)
        # the requests of a dashboard bar
        self.drill_bar.cleared.connect(lambda: self.set_queue(self._queue))

    # -- query ---------------------------------------------------------------------------
    @property
    def queue(self) -> str:
        return self._queue

    def current_filter(self) -> RequestFilter:
        states = QUEUES.get(self._queue)
        return RequestFilter(
            states=states,
            assignee=self._ctx.username if self._queue in ("mine", RETURNED)
            else self.assignee.currentData(),
            category=self.category.currentData(),
            priority=self.priority.currentData(),
            search=self._search(),
            drill=self._drill,
            attention=self._queue if self._queue in (*ATTENTION_QUEUES, RETURNED) else None,
        )

    def set_queue(self, name: str) -> None:
        self._queue = name
        self._drill = None
        self.drill_bar.hide()
        self.assignee.setEnabled(name not in ("mine", RETURNED))
        self.apply_filters()

    def set_drill(self, drill: Drill, title: str) -> None:
        """Show exactly the requests of one dashboard bar (every request, narrowed by
        the filters the user sets on top)."""
        self._queue = "all"
        self._drill = drill
        self.drill_bar.show_title(title)
        self.assignee.setEnabled(True)
        self._select_first = True  # the bar's first request, in the workspace at once
        self.apply_filters()

    @property
    def drill(self) -> Drill | None:
        return self._drill

    def _search(self) -> str | None:
        """The box's search, or the one the table shows if the box's is refused."""
        try:
            return check_search(self.search.text()) or None
        except ValidationError:
            return self._accepted_search

    def _search_refused(self) -> bool:
        """Whether the box's search is refused; says why under the box (and in its
        tooltip), or takes the message away."""
        return self.search_check.check()

    def _on_search_text(self, _text: str) -> None:
        if self._search_refused():  # said at once; the queue keeps what it shows
            self._search_timer.stop()
        else:
            self._search_timer.start()

    def _apply_now(self) -> None:
        """The search typed (Enter, or a pause in typing): refused, nothing is read."""
        self._search_timer.stop()
        if not self._search_refused():
            self.apply_filters()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_filter()
        self._accepted_search = query.search
        self.model.set_query(query)

    def refresh(self) -> None:
        """Re-read the current query, keeping the selection and the scroll position."""
        self.model.refresh()

    # -- selection ------------------------------------------------------------------------
    def selected_number(self) -> int:
        return self._selected

    def select_number(self, number: int) -> bool:
        row = self.model.row_of(number)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.view.selectRow(0)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected_row = current.row()
        row = self.model.request_at(current.row()) if current.isValid() else None
        self._set_selected(row.number if row is not None else 0)

    def _set_selected(self, number: int) -> None:
        if number != self._selected:
            self._selected = number
            self.request_selected.emit(number)

    def _sync_current(self) -> None:
        """The workspace shows the highlighted row's request, never another one (a page
        that arrives late puts a request under the highlight)."""
        current = self.view.selectionModel().currentIndex()
        if current.isValid():
            row = self.model.request_at(current.row())
            if row is not None:
                self._set_selected(row.number)

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.request_at(index.row())
        if row is not None:
            self.request_activated.emit(row.number)

    def _on_loaded(self) -> None:
        # a new query's rows replace the old ones in place (the model is not reset): the
        # view starts from the top with nothing highlighted, as on a new list; the
        # request selected is found again below (no signal: the workspace keeps it)
        self.view.selectionModel().reset()
        self.view.scrollToTop()
        self.view.viewport().update()
        if self._select_first:  # a dashboard bar's requests: the first one opened
            self._select_first = False
            if self.model.rowCount() > 0:
                self.view.setCurrentIndex(self.model.index(0, 0))
                self.view.selectRow(0)
                self._update_summary()
                return
        # a new query: keep the same request selected if it is still listed
        if self._selected and not self.select_number(self._selected):
            self._selected = 0
            self.request_selected.emit(0)
        self._update_summary()

    def keep_acted_on(self, number: int) -> None:
        """An action was done here on ``number``: if the next refresh no longer lists it,
        it is not followed by its neighbour (the user would act on the wrong request
        next) but stays in the workspace, nothing highlighted, and :attr:`request_left`
        says so."""
        self._acted_on = number

    def _on_refreshed(self) -> None:
        current = self.view.selectionModel().currentIndex()
        row = self.model.request_at(current.row()) if current.isValid() else None
        acted_on, self._acted_on = self._acted_on, 0
        if self._selected and (row is None or row.number != self._selected):
            scroll = self.view.verticalScrollBar().value()
            if not self.select_number(self._selected):
                if self._selected == acted_on:
                    self._selected = 0  # cleared quietly: the workspace keeps it
                    self.view.selectionModel().clear()
                    self.request_left.emit(acted_on)
                else:
                    self._follow(current.row() if current.isValid() else self._selected_row)
            self.view.verticalScrollBar().setValue(scroll)
        self._update_summary()

    def _follow(self, row: int) -> None:
        """The selected request left the queue (another workstation, or this user's own
        action): its neighbour in the same place is selected, and the workspace follows."""
        total = self.model.rowCount()
        if total == 0:
            self.view.selectionModel().clear()
            self._set_selected(0)
            return
        index = self.model.index(min(max(row, 0), total - 1), 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        request = self.model.request_at(index.row())
        self._set_selected(request.number if request is not None else 0)

    def _update_summary(self) -> None:
        if self.model.counting:  # the rows read so far: the count says how many
            return
        total = self.model.rowCount()
        self.summary.setText(self.tr("%n request(s)", "", total))

    def _on_view_resized(self) -> None:
        """A new query reads the rows the view shows at once before it is painted (the
        rest of its first page when painted)."""
        row_height = max(1, self.view.verticalHeader().defaultSectionSize())
        self.model.set_first_rows(self.view.viewport().height() // row_height + 2)

    def comfortable_width(self) -> int:
        """The width this table reads well at: its deciding columns and 18 characters of
        customer and subject, with the view's frame and scroll bar."""
        view = self.view
        extra = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            extra += margins.left() + margins.right()
        return self.columns.comfortable_width() + extra

    # -- layout persistence ----------------------------------------------------------------
    def header_state(self) -> QByteArray:
        return self.columns.save_state()

    def restore_header_state(self, state: QByteArray) -> None:
        if not state.isEmpty():
            self.columns.restore(state)


class _CountAfterPaint(QObject):
    """Asks the model for a new query's count once its first rows are painted (the count
    read meanwhile would slow the GUI thread down to that paint: see the model)."""

    def __init__(self, model: RequestTableModel) -> None:
        super().__init__(model)
        self._model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._model.count_awaited:
            QTimer.singleShot(0, self._model.read_count)  # once this paint is over
        return False


class _FirstRowsPainted(QObject):
    """Emits the table's ``first_rows_painted`` after its first paint showing real rows."""

    def __init__(self, table: RequestTable) -> None:
        super().__init__(table)
        self._table = table
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._rows_shown():
            self._done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._table.first_rows_painted.emit)
        return False

    def _rows_shown(self) -> bool:
        model, first = self._table.model, self._table.view.rowAt(0)
        if not model.arrived:
            return False
        return model.rowCount() == 0 or (first >= 0 and model.is_loaded(first))
