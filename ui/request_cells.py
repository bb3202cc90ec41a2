"""The queue table's cells: its columns, and every row as painted, per role.

A row is formatted once, when it is first painted (:class:`RowFormatter`): its display
texts, colours and font become one tuple per role, so that the model's ``data()``
(``ui/request_table_model.py``, which reads and caches the pages) is a lookup.
Tooltips (asked for one cell, on hover) are made when asked (:func:`tooltip`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.queue_rows import RequestRow
from ui import labels

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
USER = int(Qt.ItemDataRole.UserRole)
#: the roles a formatted row answers (any other role is None without a lookup)
ROW_ROLES = frozenset({DISPLAY, TOOLTIP, FONT, BACKGROUND, FOREGROUND, USER})

#: one formatted row: role -> one value per column (a role absent is None everywhere)
Cells = dict[int, tuple[Any, ...]]


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

#: TextAlignmentRole of each column (cells and headers)
ALIGNMENTS: tuple[int, ...] = tuple(
    int(c.align | Qt.AlignmentFlag.AlignVCenter) for c in COLUMNS)

Q = QCoreApplication  # Q.translate(context, text): found by pyside6-lupdate

#: an age is told in days below this, then in months ("4 mesi"), then in years: it fits
#: its column whole (the exact moment is in its tooltip)
AGE_DAYS_UNTIL = 100

#: days of validity left at which the column turns amber
VALIDITY_WARNING_DAYS = 7

AMBER = QColor("#fff1c2")
RED = QColor("#ffd6d6")
URGENT = QColor("#b3261e")
HIGH = QColor("#b35c00")


def headers() -> list[str]:
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
        Q.translate("RequestTableModel", "Amount"),
        Q.translate("RequestTableModel", "Validity"),
    ]


def header_tooltips() -> dict[int, str]:
    """The headers whose tooltip says more than their title (the whole title otherwise)."""
    return {_COLUMN_INDEX["quote_total"]: Q.translate(
        "RequestTableModel",
        "Amount: the quote's total (VAT included); for a completed request what was "
        "charged, less any refund")}


def amount_text(row: RequestRow, lang: str) -> str:
    """The money column: what was charged (less refunds, marked ↩) once charged, else the
    quote's total."""
    if row.charged is not None:
        marker = "↩\u00a0" if row.refunded else ""
        return marker + labels.money(row.charged, lang)
    return "" if row.quote_total is None else labels.money(row.quote_total, lang)


def validity_days(row: RequestRow, today: date) -> int | None:
    """Days left on the quote the customer is looking at (only while awaiting them)."""
    if row.state != "quoted" or row.quote_valid_until is None:
        return None
    return (row.quote_valid_until - today).days


def validity_text(days: int) -> str:
    if days < 0:
        ago = -days
        return Q.translate("RequestTableModel", "expired %n day(s) ago", "", ago)
    if days == 0:
        return Q.translate("RequestTableModel", "expires today")
    return Q.translate("RequestTableModel", "%n day(s) left", "", days)


def age_text(created: datetime, now: datetime) -> str:
    # the count is a plain name in each call: pyside6-lupdate skips a call whose count
    # is an expression, and the text would drop out of the translation file
    seconds = max(0, int((now - created).total_seconds()))
    if seconds < 3600:
        minutes = seconds // 60
        return Q.translate("RequestTableModel", "%n min", "", minutes)
    if seconds < 86400:
        hours = seconds // 3600
        return Q.translate("RequestTableModel", "%n h", "", hours)
    days = seconds // 86400
    if days < AGE_DAYS_UNTIL:
        return Q.translate("RequestTableModel", "%n d", "", days)
    months = days * 12 // 365
    if months < 24:
        return Q.translate("RequestTableModel", "%n mo", "", months)
    years = days // 365
    return Q.translate("RequestTableModel", "%n yr", "", years)


class CellStyles(NamedTuple):
    """The brushes and the font of highlighted cells, made once per model."""

    expired: QBrush
    expiring: QBrush
    urgent: QBrush
    high: QBrush
    bold: QFont

    @classmethod
    def make(cls) -> CellStyles:
        bold = QFont()
        bold.setBold(True)
        return cls(QBrush(RED), QBrush(AMBER), QBrush(URGENT), QBrush(HIGH), bold)


_COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}


def _one_cell(column: str, value: object) -> tuple[object, ...]:
    """A role's values for a row where only ``column`` has one."""
    index = _COLUMN_INDEX[column]
    return (None,) * index + (value,) + (None,) * (len(COLUMNS) - index - 1)


class RowFormatter:
    """Formats one row at a time, as the view paints it: every cell as painted (texts,
    colours and font, per role).

    ``now`` and ``today`` give the ages and the validities; labels that repeat (states,
    categories, ages) are translated once per formatter (one per clock of the model).
    """

    def __init__(self, *, now: datetime, today: date, lang: str, styles: CellStyles) -> None:
        self.now, self.today, self.lang = now, today, lang
        self._texts: dict[tuple[str, object], str] = {}
        self._width = len(COLUMNS)
        self._urgent_foreground = _one_cell("priority", styles.urgent)
        self._urgent_font = _one_cell("priority", styles.bold)
        self._high_foreground = _one_cell("priority", styles.high)
        self._expired = _one_cell("validity", styles.expired)
        self._expiring = _one_cell("validity", styles.expiring)

    def _label(self, kind: str, code: str) -> str:
        key = (kind, code)
        text = self._texts.get(key)
        if text is None:
            if kind == "state":
                text = labels.state_label(code)
            elif kind == "category":
                text = labels.category_label(code)
            else:
                text = labels.priority_label(code)
            self._texts[key] = text
        return text

    def _age(self, created: datetime) -> str:
        seconds = max(0, int((self.now - created).total_seconds()))
        key = ("age", seconds // 60 if seconds < 3600 else
               (-(seconds // 3600) if seconds < 86400 else 10**9 + seconds // 86400))
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = age_text(created, self.now)
        return text

    def format(self, row: RequestRow) -> Cells:
        label = self._label
        days = validity_days(row, self.today)
        cells: Cells = {
            DISPLAY: (
                str(row.number), row.customer_name, row.service_name,
                label("category", row.category), row.subject, label("state", row.state),
                label("priority", row.priority), row.assignee_name or row.assignee or "",
                self._age(row.created_at),
                amount_text(row, self.lang),
                "" if days is None else validity_text(days)),
            USER: (row.number,) * self._width,
        }
        if days is not None and days <= VALIDITY_WARNING_DAYS:
            cells[BACKGROUND] = self._expired if days < 0 else self._expiring
        if row.priority == "urgent":
            cells[FOREGROUND] = self._urgent_foreground
            cells[FONT] = self._urgent_font
        elif row.priority == "high":
            cells[FOREGROUND] = self._high_foreground
        return cells


def format_rows(rows: tuple[RequestRow, ...], *, now: datetime, today: date, lang: str,
                styles: CellStyles) -> tuple[Cells, ...]:
    """Every cell of ``rows`` as painted (see :class:`RowFormatter`)."""
    formatter = RowFormatter(now=now, today=today, lang=lang, styles=styles)
    return tuple(formatter.format(row) for row in rows)


def tooltip(row: RequestRow, key: str, lang: str) -> str | None:
    """The tooltip of one cell (asked on hover only: made when asked)."""
    if key == "number":
        return labels.request_ref(row.number)
    # the long texts give way to the other columns: whole here
    if key == "customer":
        return f"{row.customer_name} ({row.customer_code})"
    if key == "subject":
        return row.subject
    if key == "service":
        return row.service_name
    if key == "category":
        return labels.category_label(row.category)
    if key == "state":
        return labels.state_label(row.state)
    if key == "assignee":  # the name on screen, the user name here too
        if not row.assignee:
            return Q.translate("RequestTableModel", "Unassigned")
        return labels.person(row.assignee, {row.assignee: row.assignee_name or ""})
    if key == "age":
        return labels.datetime_str(row.created_at, lang)
    if key == "quote_total" and row.charged is not None:
        charged = Q.translate("RequestTableModel", "Charged: %1").replace(
            "%1", labels.money(row.charged, lang))
        if not row.refunded:
            return charged
        return charged + "\n" + Q.translate(
            "RequestTableModel", "%1 charged, %2 refunded").replace(
            "%1", labels.money(row.charged + row.refunded, lang)).replace(
            "%2", labels.money(row.refunded, lang))
    if key == "quote_total" and row.quote_total is not None:
        return Q.translate("RequestTableModel", "Quote total: %1").replace(
            "%1", labels.money(row.quote_total, lang))
    if key == "validity" and row.quote_valid_until is not None:
        return labels.date_str(row.quote_valid_until, lang)
    return None
