"""The line table of the quote composer: description, quantity, unit price, amount."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError, phrase
from app.domain.money import parse_amount, parse_quantity
from app.domain.pricing import line_amount
from app.domain.texts import check_text
from app.services.quotes import MAX_LINE_DESCRIPTION
from ui import labels
from ui.dialogs.base import capitalised, with_error
from ui.errors import error_text

DESCRIPTION, QUANTITY, UNIT_PRICE, AMOUNT = range(4)
#: the price-list code of a line picked from it, kept on its description cell
ITEM = Qt.ItemDataRole.UserRole

BAD_CELL = QColor("#fdecea")


class QuoteLinesEditor(QWidget):
    """The lines of a fixed-price quote, edited in place; each line's amount computed.

    Signals:
        changed(): a line was typed in, added, removed or moved.
    """

    changed = Signal()
    #: "From price list…" was clicked
    catalogue_requested = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        #: price-list code -> the lowest unit price this user may give it (a technician:
        #: the list price; empty for team leads and admins)
        self.floors: dict[str, Decimal] = {}
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            self.tr("Description"), self.tr("Quantity"), self.tr("Unit price"),
            self.tr("Amount"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column in (QUANTITY, UNIT_PRICE, AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().setDefaultSectionSize(26)
        lines_label = QLabel(self.tr("&Lines:"))
        lines_label.setBuddy(self.table)

        self.add_button = QPushButton(self.tr("&Add line"))
        self.catalogue_button = QPushButton(self.tr("From price l&ist…"))
        self.catalogue_button.setToolTip(self.tr("Add a routine intervention at its list price"))
        self.remove_button = QPushButton(self.tr("&Remove line"))
        self.up_button = QPushButton(self.tr("Move u&p"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.catalogue_button, self.remove_button, self.up_button,
                       self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        table_box, self.error = with_error(self.table)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(lines_label, 0, 0, 1, 2)
        grid.addWidget(table_box, 1, 0)
        grid.addLayout(buttons, 1, 1)
        grid.setRowStretch(1, 1)

        self.table.itemChanged.connect(self.changed)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.add_button.clicked.connect(self._add_after_current)
        self.catalogue_button.clicked.connect(self.catalogue_requested)
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button.clicked.connect(lambda: self.move_line(1))

    # -- editing -------------------------------------------------------------------------
    def add_line(self, description: str = "", quantity: str = "1", unit_price: str = "",
                 *, row: int | None = None, item: str | None = None) -> int:
        """Insert a line at ``row`` (the end by default); returns its row. ``item``: the
        price-list code it comes from."""
        self.table.blockSignals(True)
        if row is None:
            row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((DESCRIPTION, description), (QUANTITY, quantity),
                             (UNIT_PRICE, unit_price)):
            cell = QTableWidgetItem(text)
            if column != DESCRIPTION:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif item:
                cell.setData(ITEM, item)
                cell.setToolTip(self.tr("From the price list: %1").replace("%1", item))
            self.table.setItem(row, column, cell)
        amount = QTableWidgetItem("")
        amount.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, AMOUNT, amount)
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def insert_line(self, description: str, quantity: str, unit_price: str,
                    item: str | None = None) -> int:
        """A line after the selected one (none selected: the last one), in place of that
        line if it is blank: what the price list adds."""
        current = self.table.currentRow()
        if current < 0:
            current = self.table.rowCount() - 1
        if current >= 0 and not self._cell(current, DESCRIPTION) and \
                not self._cell(current, UNIT_PRICE):
            self.table.removeRow(current)
            current -= 1
        row = self.add_line(description, quantity, unit_price, row=current + 1, item=item)
        self.table.setCurrentCell(row, QUANTITY)
        self.table.setFocus()
        return row

    def _add_after_current(self) -> None:
        """The Add button: a new line after the selected one, ready for typing."""
        current = self.table.currentRow()
        row = self.add_line(row=current + 1 if current >= 0 else None)
        self.table.setCurrentCell(row, DESCRIPTION)
        self.table.setFocus()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), DESCRIPTION)
        self.changed.emit()

    def move_line(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        column = max(self.table.currentColumn(), 0)
        self.table.blockSignals(True)
        for col in range(self.table.columnCount()):
            upper = self.table.takeItem(row, col)
            lower = self.table.takeItem(target, col)
            self.table.setItem(row, col, lower)
            self.table.setItem(target, col, upper)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, column)
        self.changed.emit()

    def update_buttons(self) -> None:
        row = self.table.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.rowCount() - 1)

    # -- reading -------------------------------------------------------------------------
    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _typed(self, row: int) -> tuple[str, str, str]:
        return (self._cell(row, DESCRIPTION), self._cell(row, QUANTITY),
                self._cell(row, UNIT_PRICE))

    def _quantity(self, text: str) -> Decimal:
        return parse_quantity(text, lang=self._lang)

    def _price(self, text: str) -> Decimal:
        return parse_amount(text, lang=self._lang)

    def _rows(self) -> list[int]:
        """The rows that are not fully blank."""
        return [r for r in range(self.table.rowCount())
                if self._cell(r, DESCRIPTION) or self._cell(r, UNIT_PRICE)]

    def line_texts(self) -> list[tuple[str, str, str]]:
        """(description, quantity, unit price) as typed, without fully blank rows."""
        return [self._typed(r) for r in self._rows()]

    def line_items(self) -> list[str | None]:
        """The price-list code of each line of :meth:`line_texts` (None: typed by hand)."""
        return [self._item(r) for r in self._rows()]

    def _item(self, row: int) -> str | None:
        cell = self.table.item(row, DESCRIPTION)
        code = cell.data(ITEM) if cell is not None else None
        return str(code) if code else None

    def numbers(self) -> list[tuple[str, Decimal, Decimal]]:
        """The lines as numbers, read in the GUI's language (raises ValidationError)."""
        return [(d, self._quantity(q), self._price(p)) for d, q, p in self.line_texts()]

    def parsed_lines(self) -> list[tuple[str, Decimal, Decimal]] | None:
        """The lines as numbers, or None while any of them is wrong."""
        try:
            return self.numbers()
        except ValidationError:
            return None

    def check(self) -> str:
        """What is wrong with the lines (translated), or ``""``."""
        texts, items = self.line_texts(), self.line_items()
        if not texts:
            return self.tr("Add at least one line with a description and a unit price.")
        for number, (description, quantity, price) in enumerate(texts, start=1):
            if not description:
                return self.tr("Line %1: enter a description.").replace("%1", str(number))
            try:  # the service's rule: no control characters, not too long
                check_text(description, phrase("line {index} description", index=number),
                           MAX_LINE_DESCRIPTION)
            except ValidationError as exc:
                return capitalised(error_text(exc))
            try:
                self._quantity(quantity)
            except ValidationError:
                return self.tr("Line %1: the quantity must be a number greater than zero, "
                               "with at most two decimals.").replace("%1", str(number))
            try:
                value = self._price(price)
            except ValidationError:
                return self.tr("Line %1: the unit price must be an amount greater than zero, "
                               "with at most two decimals.").replace("%1", str(number))
            floor = self.floors.get(items[number - 1] or "")
            if floor is not None and value < floor:
                return self.tr("Line %1: you may not price %2 below its list price %3.").replace(
                    "%1", str(number)).replace("%2", items[number - 1] or "").replace(
                    "%3", labels.money(floor, self._lang))
        return ""

    # -- showing -------------------------------------------------------------------------
    def _mark(self, row: int, column: int, bad: bool) -> None:
        item = self.table.item(row, column)
        if item is not None:
            item.setBackground(QBrush(BAD_CELL) if bad else QBrush())

    def show_amounts(self, *, mark_errors: bool) -> None:
        """Each line's amount, and (``mark_errors``: once the user tried to save) the
        wrong cells in red."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            description, quantity, price = self._typed(row)
            show = mark_errors and bool(description or price)
            self._mark(row, DESCRIPTION, show and not description)
            for column, text, parse in ((QUANTITY, quantity, self._quantity),
                                        (UNIT_PRICE, price, self._price)):
                try:
                    parse(text)
                    self._mark(row, column, False)
                except ValidationError:
                    self._mark(row, column, show)
            item = self.table.item(row, AMOUNT)
            if item is None:
                continue
            try:
                item.setText(labels.money(line_amount(self._quantity(quantity),
                                                      self._price(price)), self._lang))
            except ValidationError:
                item.setText("")
        self.table.blockSignals(False)
        self.update_buttons()
