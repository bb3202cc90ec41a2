"""The baseline of the queue benchmarks: a minimal lazy list written outside the project.

A QTableView over a QAbstractTableModel that reads one page (200 rows of ``requests``,
``customer_name`` included, keyset on the number) and the count with the DB-API driver
itself (``sqlite3`` or ``psycopg``), on the GUI thread, resets itself with them and
formats a cell when it is painted (``str`` of the value). It checks nothing, translates
nothing and colours nothing: what any table over the same rows costs at least.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

COLUMNS = ("id", "customer_name", "subject", "state", "priority", "category", "created_at")
PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def connect(url: str) -> Any:
    """A DB-API connection for a SQLAlchemy-style URL (sqlite:///PATH, postgresql...)."""
    if url.startswith("sqlite:///"):
        return sqlite3.connect(url.removeprefix("sqlite:///"), check_same_thread=False)
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                           autocommit=True)


class LazyList(QAbstractTableModel):
    def __init__(self, connection: Any, mark: str) -> None:
        super().__init__()
        self._con = connection
        self._mark = mark
        self._total = 0
        self._rows: list[tuple[Any, ...]] = []

    def query(self, state: str | None = None, order: str = "id DESC") -> None:
        """One queue: its count and first page, then a reset."""
        where, params = ("WHERE state = " + self._mark, (state,)) if state else ("", ())
        cursor = self._con.cursor()
        cursor.execute(f"SELECT count(*) FROM requests {where}", params)
        total = cursor.fetchone()[0]
        cursor.execute(f"SELECT {', '.join(COLUMNS)} FROM requests {where} ORDER BY {order} "
                       f"LIMIT {PAGE}", params)
        rows = cursor.fetchall()
        self.beginResetModel()
        self._total, self._rows = total, rows
        self.endResetModel()

    def is_loaded(self, row: int) -> bool:
        return row < len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.row() < len(self._rows):
            return str(self._rows[index.row()][index.column()])
        return None
