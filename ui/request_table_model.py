"""The queue table: a model over paged, sorted, filtered service queries.

Only the pages the view has painted are held (a bounded cache of ``PAGE_SIZE`` rows
each); the row count comes from ``count_requests``; sorting and filtering re-run the
query in SQL. Every query runs off the GUI thread; rows not loaded yet show a
placeholder until their page arrives.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.db.database import Database
from app.services import queries
from app.services.dto import RequestFilter, RequestRow
from ui import labels
from ui.worker import BusyIndicator, run_async

PAGE_SIZE = 200
MAX_CACHED_PAGES = 25
PLACEHOLDER = "…"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # the SORT_KEYS name
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


COLUMNS: tuple[Column, ...] = (
    Column("number", Qt.AlignmentFlag.AlignRight),
    Column("customer"),
    Column("service"),
    Column("category"),
    Column("subject"),
    Column("state"),
    Column("priority"),
    Column("assignee"),
    Column("age", Qt.AlignmentFlag.AlignRight),
    Column("quote_total", Qt.AlignmentFlag.AlignRight),
    Column("validity", Qt.AlignmentFlag.AlignRight),
)

Q = QCoreApplication  # Q.translate(context, text): found by pyside6-lupdate

#: days of validity left at which the column turns amber
VALIDITY_WARNING_DAYS = 7

AMBER = QColor("#fff1c2")
RED = QColor("#ffd6d6")
URGENT = QColor("#b3261e")
HIGH = QColor("#b35c00")


def _headers() -> list[str]:
    return [
        Q.translate("RequestTableModel", "No."),
        Q.translate("RequestTableModel", "Customer"),
        Q.translate("RequestTableModel", "Service"),
        Q.translate("RequestTableModel", "Category"),
        Q.translate("RequestTableModel", "Subject"),
        Q.translate("RequestTableModel", "State"),
        Q.translate("RequestTableModel", "Priority"),
        Q.translate("RequestTableModel", "Assignee"),
        Q.translate("RequestTableModel", "Age"),
        Q.translate("RequestTableModel", "Quote total"),
        Q.translate("RequestTableModel", "Validity"),
    ]


def validity_days(row: RequestRow, today: date) -> int | None:
    """Days left on the quote the customer is looking at (only while awaiting them)."""
    if row.state != "quoted" or row.quote_valid_until is None:
        return None
    return (row.quote_valid_until - today).days


def validity_text(days: int) -> str:
    if days < 0:
        return Q.translate("RequestTableModel", "expired %n day(s) ago", "", -days)
    if days == 0:
        return Q.translate("RequestTableModel", "expires today")
    return Q.translate("RequestTableModel", "%n day(s) left", "", days)


def age_text(created: datetime, now: datetime) -> str:
    seconds = max(0, int((now - created).total_seconds()))
    if seconds < 3600:
        return Q.translate("RequestTableModel", "%n min", "", seconds // 60)
    if seconds < 86400:
        return Q.translate("RequestTableModel", "%n h", "", seconds // 3600)
    return Q.translate("RequestTableModel", "%n d", "", seconds // 86400)


@dataclass(frozen=True)
class _Snapshot:
    """What a refresh read: the total and the pages that were cached."""

    generation: int
    total: int
    pages: dict[int, tuple[RequestRow, ...]]


class RequestTableModel(QAbstractTableModel):
    """Requests of one queue, ``PAGE_SIZE`` rows at a time.

    Signals:
        loaded(): a new query (queue, filter or sort) has its count and first page.
        refreshed(): a refresh of the current query has been applied.
        page_loaded(int): a page (index) has arrived.
        error(str): a query failed (the message to show).
    """

    loaded = Signal()
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
        self._pages: OrderedDict[int, tuple[RequestRow, ...]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._headers = _headers()
        self._now = db.now()
        self._today = db.today()

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
        """Show another queue/filter/sort: the model empties, then fills from SQL."""
        if f is not None:
            self._filter = f
        if sort is not None:
            self._sort = sort
        if descending is not None:
            self._descending = descending
        self.beginResetModel()
        self._generation += 1
        self._total = 0
        self._pages.clear()
        self._pending.clear()
        self.endResetModel()
        generation = self._generation
        f_, sort_, desc = self._filter, self._sort, self._descending
        db = self._db

        def work() -> _Snapshot:
            page = queries.list_requests(db, f_, sort=sort_, descending=desc, offset=0,
                                         limit=PAGE_SIZE, with_total=True)
            return _Snapshot(generation, page.total or 0, {0: page.rows})

        run_async(work, self._apply_loaded, self._failed, self, busy=self._busy)

    def _apply_loaded(self, snap: _Snapshot) -> None:
        if snap.generation != self._generation:
            return
        self._touch_clock()
        self.beginResetModel()
        self._total = snap.total
        self._pages = OrderedDict(snap.pages)
        self.endResetModel()
        self.loaded.emit()

    def refresh(self) -> None:
        """Re-read the count and the cached pages without resetting the view.

        Selection and scroll position survive: rows are inserted or removed at the end
        and the rest reported as changed.
        """
        generation = self._generation
        wanted = sorted(self._pages) or [0]
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
        old, new = self._total, snap.total
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._total = new
            self._pages = OrderedDict(snap.pages)
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._total = new
            self._pages = OrderedDict(snap.pages)
            self.endRemoveRows()
        else:
            self._pages = OrderedDict(snap.pages)
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(COLUMNS) - 1))
        self.refreshed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error.emit(getattr(exc, "message", None) or str(exc))

    def _touch_clock(self) -> None:
        self._now = self._db.now()
        self._today = self._db.today()

    # -- pages ----------------------------------------------------------------------------
    def _row(self, row: int) -> RequestRow | None:
        page_index, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_index)
        if page is None:
            self._fetch(page_index)
            return None
        self._pages.move_to_end(page_index)
        return page[offset] if offset < len(page) else None

    def _fetch(self, page_index: int) -> None:
        if page_index in self._pending:
            return
        self._pending.add(page_index)
        generation = self._generation
        f_, sort_, desc = self._filter, self._sort, self._descending
        db = self._db

        def work() -> tuple[int, int, tuple[RequestRow, ...]]:
            page = queries.list_requests(db, f_, sort=sort_, descending=desc,
                                         offset=page_index * PAGE_SIZE, limit=PAGE_SIZE)
            return generation, page_index, page.rows

        run_async(work, self._page_arrived, self._failed, self)

    def _page_arrived(self, result: tuple[int, int, tuple[RequestRow, ...]]) -> None:
        generation, page_index, rows = result
        if generation != self._generation:
            return
        self._pending.discard(page_index)
        self._pages[page_index] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page_index * PAGE_SIZE
        last = min(self._total, first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page_index)

    def is_loaded(self, row: int) -> bool:
        return row // PAGE_SIZE in self._pages

    def request_at(self, row: int) -> RequestRow | None:
        """The row's request if its page is loaded (never triggers a query)."""
        page = self._pages.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page):
            return None
        return page[row % PAGE_SIZE]

    def row_of(self, number: int) -> int | None:
        """Where a request sits among the loaded pages, if it does."""
        for page_index, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.number == number:
                    return page_index * PAGE_SIZE + offset
        return None

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._total):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        row = self._row(index.row())
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column.key)
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        if role == Qt.ItemDataRole.BackgroundRole and column.key == "validity":
            days = validity_days(row, self._today)
            if days is not None and days < 0:
                return QBrush(RED)
            if days is not None and days <= VALIDITY_WARNING_DAYS:
                return QBrush(AMBER)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "priority":
            if row.priority == "urgent":
                return QBrush(URGENT)
            if row.priority == "high":
                return QBrush(HIGH)
        if role == Qt.ItemDataRole.FontRole and column.key == "priority" \
                and row.priority == "urgent":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: RequestRow, key: str) -> str:
        if key == "number":
            return str(row.number)
        if key == "customer":
            return row.customer_name
        if key == "service":
            return row.service_name
        if key == "category":
            return labels.category_label(row.category)
        if key == "subject":
            return row.subject
        if key == "state":
            return labels.state_label(row.state)
        if key == "priority":
            return labels.priority_label(row.priority)
        if key == "assignee":
            return row.assignee or ""
        if key == "age":
            return age_text(row.created_at, self._now)
        if key == "quote_total":
            return labels.money(row.quote_total, self._lang)
        days = validity_days(row, self._today)
        return "" if days is None else validity_text(days)

    def _tooltip(self, row: RequestRow, key: str) -> str | None:
        if key == "number":
            return labels.request_ref(row.number)
        if key == "customer":
            return f"{row.customer_name} ({row.customer_code})"
        if key == "subject":
            return row.subject
        if key == "age":
            return labels.datetime_str(row.created_at, self._lang)
        if key == "validity" and row.quote_valid_until is not None:
            return labels.date_str(row.quote_valid_until, self._lang)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort and descending == self._descending and self._total:
            return
        self.set_query(sort=key, descending=descending)
