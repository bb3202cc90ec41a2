"""The queue table: a model over paged, sorted, filtered service queries.

Only the pages the view has painted are held (a bounded cache of ``PAGE_SIZE`` rows
each); the row count comes from ``count_requests``; sorting and filtering re-run the
query in SQL. Every query runs off the GUI thread; rows not loaded yet show a
placeholder until their page arrives.

Each row is formatted once, when it is first painted (only the visible rows are): its
display texts, colours and font become one tuple per role
(:class:`ui.request_cells.RowFormatter`), and ``data()`` is a lookup. The view asks for
seven roles of every visible cell on every repaint (about 3,000 calls into Python for one
screen), on the GUI thread, and while a query runs on the pool those calls also wait for
the GIL: each must be as cheap as possible. Tooltips (asked for one cell, on hover) are
made when asked.

A new query (queue, filter, sort) does not reset the model: the rows shown stay until
the new count and first page arrive, then the rows beyond the new count are removed (or
the new ones inserted) and the rest reported as changed, as a refresh does. The columns
never change, so no change of shape calls for a reset.

A new query reads only the rows of one screen (as many as the table says it shows,
:meth:`RequestTableModel.set_first_rows`), not a whole page: at a million requests the
200 rows of a page and their conversion were most of a filter's time before it is
painted. The rest of that first page is read as any page is, when painted. Its count
follows the rows (:attr:`RequestTableModel.counting` meanwhile; the rows shown are as
many as that filter counted last time, a sort's those shown, or else the ones read),
read by ``queries.count_requests``, which remembers it until anything
is written: counting every request (the queue "all") costs tens of milliseconds that
the first rows no longer wait for. It is asked for once the rows are painted (the
table says when: :meth:`RequestTableModel.read_count`), or :data:`COUNT_AFTER_MS` after
they arrived if nothing paints them: read at once, the count's Python (the ORM, the
change marker) would hold the GIL the GUI thread needs to reach that paint (up to the
interpreter's 5 ms switch interval at a time). The start's first query (the floor's
connection reads both) and a text search (finding the matches is the work: the services
count them in the same pass) still come with their count.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.floor import deferred
from app.floor.kept import KeptConnection
from app.floor.rules import handles
from app.services.queue_rows import RequestFilter, RequestRow
from ui.errors import error_text
from ui.request_cells import (  # noqa: F401 - the table's cells, named from here too
    ALIGNMENT,
    ALIGNMENTS,
    AMBER,
    BACKGROUND,
    COLUMNS,
    DISPLAY,
    FONT,
    FOREGROUND,
    HIGH,
    RED,
    ROW_ROLES,
    TOOLTIP,
    URGENT,
    USER,
    VALIDITY_WARNING_DAYS,
    Cells,
    CellStyles,
    Column,
    RowFormatter,
    age_text,
    format_rows,
    header_tooltips,
    headers,
    tooltip,
    validity_days,
    validity_text,
)
from ui.worker import BusyIndicator, run_async

if TYPE_CHECKING:  # SQLAlchemy: not before the first page is painted
    from app.db.database import Database

PAGE_SIZE = 200
#: the rows a new query reads before it is shown, unless the table asks for more (a
#: screen's worth: :meth:`RequestTableModel.set_first_rows`)
FIRST_ROWS = 64
#: a new query's count is read once its first rows are painted, or this long after they
#: arrived when nothing painted them
COUNT_AFTER_MS = 50
#: the filters whose last count is kept (the rows shown while a new count is read)
KNOWN_TOTALS = 64
MAX_CACHED_PAGES = 25
#: adjacent pages read with one query at most
MAX_PAGES_PER_READ = 4
#: the pages a refresh reads again (the ones painted last; a screen shows one or two)
REFRESH_PAGES = 3
PLACEHOLDER = "…"

Index = QModelIndex | QPersistentModelIndex

class _Page:
    """A page of rows as read, and each row formatted once it is painted. ``whole``:
    False for the first rows of a new query (the page's other rows are read when
    painted)."""

    __slots__ = ("cells", "rows", "whole")

    def __init__(self, rows: tuple[RequestRow, ...], whole: bool = True) -> None:
        self.rows = rows
        self.whole = whole
        self.cells: list[Cells | None] = [None] * len(rows)


_PLACEHOLDER_CELLS: Cells = {DISPLAY: (PLACEHOLDER,) * len(COLUMNS)}


#: what a page read delivers: (generation, ((ask, rows), ...))
_Arrival = tuple[int, tuple[tuple[int, tuple[RequestRow, ...]], ...]]


@dataclass(frozen=True)
class _Snapshot:
    """What a query or a refresh read: the total and the pages."""

    generation: int
    total: int
    pages: dict[int, tuple[RequestRow, ...]]
    #: the first page holds only the rows asked for (a new query's first rows)
    partial: bool = False
    #: the total is the count (False: the rows read so far; the count follows)
    counted: bool = True


class RequestTableModel(QAbstractTableModel):
    """Requests of one queue, ``PAGE_SIZE`` rows at a time.

    Signals:
        loaded(): a new query (queue, filter or sort) has its first rows (its count may
            follow: :attr:`counting`).
        counted(): the count of a new query has arrived (rows inserted or removed at the
            end); emitted after loaded() too when the rows came with it.
        refreshed(): a refresh of the current query has been applied.
        page_loaded(int): a page (index) has arrived.
        error(str): a query failed (the message to show).
    """

    loaded = Signal()
    counted = Signal()
    refreshed = Signal()
    page_loaded = Signal(int)
    error = Signal(str)

    def __init__(self, db: Database, *, lang: str = "it", busy: BusyIndicator | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._lang = lang
        self._busy = busy
        self._filter = RequestFilter()
        self._sort = "number"
        self._descending = True
        self._total = 0
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._pending: dict[int, int] = {}  # page index -> the ask it waits for
        self._asks = 0
        self._wanted: list[int] = []  # asked for during this paint, read when it is over
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(0)
        self._read_timer.timeout.connect(self._read)
        self._generation = 0
        self._loading = False  # a new query is being read
        self._counting = False  # a new query's rows are shown, its count is being read
        self._count_asked = False  # ... and the count has been asked for
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_AFTER_MS)
        self._count_timer.timeout.connect(self.read_count)
        #: the last count of each filter seen (a sort keeps its filter's): the rows shown
        #: until a new query's count arrives
        self._known_totals: OrderedDict[RequestFilter, int] = OrderedDict()
        self._first_query = True  # read without the ORM when the floor can
        #: the start's first page while it is read (see take_first_rows): set when read
        self._first_read: tuple[threading.Event, list[_Snapshot]] | None = None
        self._taken: _Snapshot | None = None  # applied by take_first_rows
        self._arrived = False  # the answer to a query has arrived
        self._headers = headers()
        self._header_tips = header_tooltips()
        #: titles as they fit their columns (the header's, elided), by section
        self._shown_titles: dict[int, str] = {}
        self._styles = CellStyles.make()
        self._clock_now = db.now()
        self._clock_today = db.today()
        self._formatter = self._new_formatter()
        # data() answers the roles of one cell after the other, row by row: the row it
        # answered last (and its page) is kept at hand
        self._hot_row = -1
        self._hot_cells: Cells = {}
        self._hot_page = -1
        self._first_rows = FIRST_ROWS
        #: the connection the plain queues' first rows are read on after the start's
        self._kept = KeptConnection(db)
        self.destroyed.connect(self._kept.close)
        weakref.finalize(self, self._kept.close)

    def set_first_rows(self, rows: int) -> None:
        """Read at least ``rows`` rows before a new query is shown (the rows the table
        shows at once; a page at most)."""
        self._first_rows = max(1, rows)

    # -- query --------------------------------------------------------------------------
    @property
    def request_filter(self) -> RequestFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_query(self, f: RequestFilter | None = None, *, sort: str | None = None,
                  descending: bool | None = None) -> None:
        """Show another queue/filter/sort, read in SQL: the rows shown stay until the new
        ones arrive (no reset, see the module)."""
        if f is not None:
            self._filter = f
        if sort is not None:
            self._sort = sort
        if descending is not None:
            self._descending = descending
        self._generation += 1
        self._loading = True
        self._pending.clear()
        self._wanted.clear()
        generation = self._generation
        f_, sort_, desc = self._filter, self._sort, self._descending
        db, kept = self._db, self._kept
        first, self._first_query = self._first_query, False
        limit = min(self._first_rows, PAGE_SIZE)
        # the count follows the rows, but at the start and for a text search (see the module)
        with_total = first or bool((f_.search or "").strip())

        plain = handles(f_, sort_)

        def work() -> _Snapshot:
            page = None
            if plain and first:  # the start's: the floor's own connection (app.floor)
                page = deferred.first_page(db, f_, sort=sort_, descending=desc, limit=limit)
            elif plain:  # a plain queue: through the DB-API, no ORM, on a kept connection
                page = kept.first_page(f_, sort=sort_, descending=desc, limit=limit,
                                       count=with_total)
            if page is None:
                page = queries.list_requests(db, f_, sort=sort_, descending=desc, offset=0,
                                             limit=limit, with_total=with_total)
            rows = page.rows
            counted = page.total is not None or len(rows) < limit  # fewer: all of them
            return _Snapshot(generation, len(rows) if page.total is None else page.total,
                             {0: rows}, partial=limit < PAGE_SIZE, counted=counted)

        if not (first and plain):
            from app.services import queries  # on the GUI thread, before the worker needs it
            run_async(work, self._apply_loaded, self._failed, self, busy=self._busy)
            return
        read, box = threading.Event(), list[_Snapshot]()
        self._first_read = (read, box)

        def first_work() -> _Snapshot:
            try:
                box.append(work())
                return box[0]
            finally:
                read.set()

        run_async(first_work, self._apply_loaded, self._failed, self, busy=self._busy)

    def take_first_rows(self, timeout: float) -> bool:
        """The start's first page (read on the worker thread, as every query), shown now
        if it is read within ``timeout`` seconds: the window is then first painted with
        its rows (not empty, then again with them). False: not read in time (or not
        asked), it arrives as usual."""
        pending, self._first_read = self._first_read, None
        if pending is None:
            return False
        read, box = pending
        if not read.wait(timeout) or not box:
            return False
        self._apply_loaded(box[0])
        self._taken = box[0]
        return True

    def _apply_loaded(self, snap: _Snapshot) -> None:
        if snap.generation != self._generation or snap is self._taken:
            return  # another query's since, or the start's, shown by take_first_rows
        self._loading = False
        self._arrived = True
        self._counting = not snap.counted
        self._count_asked = False
        if snap.counted:
            self._know_total(snap.total)
        else:
            # the count this filter had last time (a sort: the one shown), if no fewer than
            # the rows read: the count is then most likely the same, and its arrival
            # changes no row (a change of the row count lays the whole view out again)
            known = self._known_totals.get(self._filter, 0)
            if known > snap.total:
                snap = replace(snap, total=known)
        self._touch_clock()
        self._replace(snap)
        self.loaded.emit()
        if snap.counted:
            self._count_timer.stop()
            self.counted.emit()
        else:
            self._count_timer.start()  # unless the table says the rows are painted first

    def _know_total(self, total: int) -> None:
        known = self._known_totals
        known[self._filter] = total
        known.move_to_end(self._filter)
        while len(known) > KNOWN_TOTALS:
            known.popitem(last=False)

    @property
    def counting(self) -> bool:
        """Whether a new query's rows are shown and its count is still being read (the
        rows are those read so far)."""
        return self._counting

    @property
    def count_awaited(self) -> bool:
        """Whether a new query's count waits to be asked for (:meth:`read_count`)."""
        return self._counting and not self._count_asked

    def read_count(self) -> None:
        """Ask for the count a new query's rows are shown without (once they are painted:
        see the module); nothing if none is awaited."""
        if not self.count_awaited:
            return
        self._count_timer.stop()
        self._count_asked = True
        from app.services import queries

        generation, f_, db = self._generation, self._filter, self._db

        def work() -> tuple[int, int]:
            return generation, queries.count_requests(db, f_)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:  # the rows stay, as many as were read
                self._counting = False
                self.counted.emit()
                self.error.emit(error_text(exc))

        run_async(work, self._apply_count, failed, self)

    def _apply_count(self, result: tuple[int, int]) -> None:
        """A new query's count, after its rows: the rows beyond the ones read inserted
        (or, something deleted since, the rows beyond the count removed)."""
        generation, new = result
        if generation != self._generation:
            return
        self._counting = False
        self._know_total(new)
        old = self._total
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._total = new
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._total = new
            self.endRemoveRows()
        self.counted.emit()

    def refresh(self) -> None:
        """Re-read the count and the pages painted last without resetting the view.

        Selection and scroll position survive: rows are inserted or removed at the end
        and the rest reported as changed. The other cached pages are forgotten (read
        again if painted again): a refresh, every few seconds while others work, costs
        a few page reads, not ``MAX_CACHED_PAGES``.
        """
        from app.services import queries

        generation = self._generation
        wanted = sorted(list(self._pages)[-REFRESH_PAGES:]) or [0]
        f_, sort_, desc = self._filter, self._sort, self._descending
        db = self._db

        def work() -> _Snapshot:
            total = queries.count_requests(db, f_)
            pages = {}
            for index in wanted:
                if index * PAGE_SIZE >= total and index > 0:
                    continue
                pages[index] = queries.list_requests(
                    db, f_, sort=sort_, descending=desc, offset=index * PAGE_SIZE,
                    limit=PAGE_SIZE).rows
            return _Snapshot(generation, total, pages)

        run_async(work, self._apply_refresh, self._failed, self)

    def _apply_refresh(self, snap: _Snapshot) -> None:
        if snap.generation != self._generation:
            return
        self._touch_clock()
        counting, self._counting = self._counting, False  # the refresh counted
        self._know_total(snap.total)
        self._replace(snap)
        self.refreshed.emit()
        if counting:
            self.counted.emit()

    def _replace(self, snap: _Snapshot) -> None:
        """The rows of a query or a refresh in place of those shown: the rows beyond the
        new count removed (or the new ones inserted), the others reported as changed (the
        view repaints what it shows; nothing is reset)."""
        old, new = self._total, snap.total
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._total = new
            self._set_pages(snap)
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._total = new
            self._set_pages(snap)
            self.endRemoveRows()
        else:
            self._set_pages(snap)
        kept = min(old, new)
        if kept:
            self.dataChanged.emit(self.index(0, 0), self.index(kept - 1, len(COLUMNS) - 1))

    def _set_pages(self, snap: _Snapshot) -> None:
        self._pages = OrderedDict(
            (index, _Page(rows, not (snap.partial and index == 0)))
            for index, rows in snap.pages.items())
        # a page still being read was asked for before these: it is read again if needed
        self._pending.clear()
        self._forget_hot_row()

    def _failed(self, exc: BaseException) -> None:
        failed_query, self._loading = self._loading, False
        if failed_query:  # a new query failed: no stale rows stay shown, none counted
            self._counting = False
            if self._total:
                self._replace(_Snapshot(self._generation, 0, {}))
        self.error.emit(error_text(exc))

    # -- clock ------------------------------------------------------------------------------
    # Ages and validities are shown against the clock of the last query or refresh;
    # setting it (a new query, tests) formats the cached pages again when painted.
    def _touch_clock(self) -> None:
        now = self._db.now()
        if now != self._clock_now:
            self._clock_now = now
            self._clock_today = now.date()
            self._unformat()

    @property
    def _now(self) -> datetime:
        return self._clock_now

    @_now.setter
    def _now(self, value: datetime) -> None:
        self._clock_now = value
        self._unformat()

    @property
    def _today(self) -> date:
        return self._clock_today

    @_today.setter
    def _today(self, value: date) -> None:
        self._clock_today = value
        self._unformat()

    def _new_formatter(self) -> RowFormatter:
        return RowFormatter(now=self._clock_now, today=self._clock_today, lang=self._lang,
                            styles=self._styles)

    def _unformat(self) -> None:
        self._formatter = self._new_formatter()
        for page in self._pages.values():
            page.cells = [None] * len(page.rows)
        self._forget_hot_row()
        if self._total:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._total - 1, len(COLUMNS) - 1))

    # -- pages ----------------------------------------------------------------------------
    def _forget_hot_row(self) -> None:
        self._hot_row = -1
        self._hot_cells = {}
        self._hot_page = -1

    def _cells(self, row: int) -> Cells | None:
        """The formatted row, or None (and its page is asked for) if not loaded yet; a row
        is formatted when first asked for (painted)."""
        page_index, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_index)
        if page is None:
            if not self._loading:  # while a new query is read, its own pages come with it
                self._fetch(page_index)
            return None
        if page_index != self._hot_page:
            self._pages.move_to_end(page_index)  # least recently painted goes first
            self._hot_page = page_index
        if offset >= len(page.rows):
            if not page.whole and not self._loading:  # beyond a new query's first rows
                self._fetch(page_index)
            return None
        cells = page.cells[offset]
        if cells is None:
            cells = page.cells[offset] = self._formatter.format(page.rows[offset])
        return cells

    def _fetch(self, page_index: int) -> None:
        """Ask for a page; the pages one paint asks for are read together (:meth:`_read`)."""
        if page_index in self._pending:
            return
        self._asks += 1
        self._pending[page_index] = self._asks
        self._wanted.append(page_index)
        if not self._read_timer.isActive():
            self._read_timer.start()

    def _read(self) -> None:
        """Read the pages asked for: adjacent ones in one query (a paint showing the end of
        one page and the start of the next reads them with one scan, not two at once)."""
        from app.services import queries

        wanted = sorted(p for p in set(self._wanted) if p in self._pending)
        self._wanted.clear()
        runs: list[list[int]] = []
        for page_index in wanted:
            if runs and page_index == runs[-1][-1] + 1 and len(runs[-1]) < MAX_PAGES_PER_READ:
                runs[-1].append(page_index)
            else:
                runs.append([page_index])
        generation = self._generation
        f_, sort_, desc = self._filter, self._sort, self._descending
        db, size = self._db, PAGE_SIZE
        for run in runs:
            asks = [self._pending[p] for p in run]

            def work(run: list[int] = run, asks: list[int] = asks) -> _Arrival:
                rows = queries.list_requests(db, f_, sort=sort_, descending=desc,
                                             offset=run[0] * size, limit=len(run) * size).rows
                return generation, tuple(
                    (ask, rows[i * size:(i + 1) * size]) for i, ask in enumerate(asks))

            run_async(work, self._pages_arrived, self._failed, self)

    def _pages_arrived(self, result: _Arrival) -> None:
        """Pages read by :meth:`_read`: ``(generation, ((ask, rows), ...))``."""
        generation, pages = result
        if generation != self._generation:
            return
        arrived = []
        for ask, rows in pages:
            page_index = next((p for p, a in self._pending.items() if a == ask), None)
            if page_index is None:
                continue  # asked before a refresh that re-read the pages
            del self._pending[page_index]
            self._pages[page_index] = _Page(rows)
            arrived.append(page_index)
        if not arrived:
            return
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        self._forget_hot_row()
        first = min(arrived) * PAGE_SIZE
        last = min(self._total, (max(arrived) + 1) * PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        for page_index in arrived:
            self.page_loaded.emit(page_index)

    @property
    def arrived(self) -> bool:
        """Whether a query's rows (or its emptiness) have arrived since the model began."""
        return self._arrived

    def is_loaded(self, row: int) -> bool:
        page = self._pages.get(row // PAGE_SIZE)
        return page is not None and row % PAGE_SIZE < len(page.rows)

    def request_at(self, row: int) -> RequestRow | None:
        """The row's request if its page is loaded (never triggers a query)."""
        page = self._pages.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page.rows):
            return None
        return page.rows[row % PAGE_SIZE]

    def row_of(self, number: int) -> int | None:
        """Where a request sits among the loaded pages, if it does."""
        for page_index, page in self._pages.items():
            for offset, row in enumerate(page.rows):
                if row.number == number:
                    return page_index * PAGE_SIZE + offset
        return None

    # -- Qt model API -------------------------------------------------------------------------
    # flags() is QAbstractTableModel's own (enabled, selectable, never has children): one
    # call into Python less for every painted cell.
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount(): two calls into Python for
        # every painted cell instead of this one
        if parent.isValid() or not (0 <= row < self._total and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def full_title(self, section: int) -> str:
        return self._headers[section]

    def show_titles(self, titles: dict[int, str]) -> None:
        """Show these titles (elided to their columns' widths) instead of the whole ones."""
        if titles != self._shown_titles:
            self._shown_titles = dict(titles)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == DISPLAY:
            return self._shown_titles.get(section, self._headers[section])
        if role == TOOLTIP:  # the whole title of an elided one, or what it means
            return self._header_tips.get(section, self._headers[section])
        if role == ALIGNMENT:
            return ALIGNMENTS[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = index.row()
        if role not in ROW_ROLES:
            if role == ALIGNMENT and 0 <= row < self._total:
                return ALIGNMENTS[index.column()]
            return None
        if row == self._hot_row:
            cells = self._hot_cells
        else:
            if not 0 <= row < self._total:  # also an invalid index (row -1)
                return None
            found = self._cells(row)
            cells = self._hot_cells = _PLACEHOLDER_CELLS if found is None else found
            self._hot_row = row
        if role == TOOLTIP:
            request = self.request_at(row)
            return None if request is None else tooltip(
                request, COLUMNS[index.column()].key, self._lang)
        values = cells.get(role)
        return None if values is None else values[index.column()]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if self._first_query and not self._loading:
            # before the first query (the view sorts as soon as it gets the model): the
            # sort is noted for it, not read on its own
            self._sort, self._descending = key, descending
            return
        if key == self._sort and descending == self._descending and (
                self._total or self._loading):
            # QTableView.sortByColumn() sorts twice (the header's signal, then itself)
            return
        self.set_query(sort=key, descending=descending)
