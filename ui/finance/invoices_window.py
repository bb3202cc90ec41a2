"""The invoices and credit notes of a period in a window (issue 20; until now ``invoices``
on the command line only): File > Invoices… (team leads, finance and admins, who may
read them). Each document with its number, date, customer, amounts, what it is for and
the state of its files: stored, being prepared by the worker, or waiting for the
customer's fiscal data (and which). The PDF (courtesy copy) and the FatturaPA XML of the
one selected are saved as stored (:func:`app.services.invoices.invoice_file`, refused
with its reason when they are not made or no longer match their SHA-256). Everything is
read through :mod:`app.services.invoices`, off the GUI thread."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import invoices
from ui import labels
from ui.dialogs.base import (
    MESSAGE_STYLE,
    ServiceDialog,
    from_qdate,
    resize_within_screen,
    show_dates,
)
from ui.finance.document_dialog import say_saved
from ui.tabs.common import align_right, style_list

NUMBER, DATE, CUSTOMER, NET, VAT, TOTAL, REFERENCE, STATE = range(8)
WAITING = QColor("#b45309")  # as the customers panel says what invoices wait for


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


class InvoicesWindow(ServiceDialog):
    """The invoices and credit notes issued from one day to another (this month first)."""

    guards_input = False  # a list to look at: closing never loses anything typed

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, parent)
        self._rows: list[invoices.InvoiceRow] = []
        self._stale = False  # the dates changed while the last read ran
        self.setWindowTitle(self.tr("Invoices and credit notes"))
        first, last = month_of(db.today())
        self.first = self._date_box("first", first)
        self.last = self._date_box("last", last)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.first)
        to_label = QLabel(self.tr("&To:"))
        to_label.setBuddy(self.last)
        self.list = QTreeWidget()
        self.list.setObjectName("invoiceList")
        style_list(self.list, 8)
        self.list.setHeaderLabels([self.tr("Number"), self.tr("Date"), self.tr("Customer"),
                                   self.tr("Net"), self.tr("VAT"), self.tr("Total"),
                                   self.tr("For"), self.tr("Files")])
        header = self.list.header()
        header.setStretchLastSection(True)  # the files' state
        for column in (NUMBER, DATE, NET, VAT, TOTAL, REFERENCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CUSTOMER, 150)  # elided; the whole name in its tooltip
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: palette(mid);")
        self.empty.setWordWrap(True)
        #: what the selected document's files wait for, in words
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {WAITING.name()};")
        self.detail.hide()
        self.save_pdf = self.add_button(self.tr("Save &PDF…"),
                                        QDialogButtonBox.ButtonRole.ActionRole,
                                        partial(self._save, "pdf"))
        self.save_xml = self.add_button(self.tr("Save &XML…"),
                                        QDialogButtonBox.ButtonRole.ActionRole,
                                        partial(self._save, "xml"))
        self.refresh = self.add_button(self.tr("&Refresh"),
                                       QDialogButtonBox.ButtonRole.ActionRole, self.reload)
        for button, name in ((self.save_pdf, "save_pdf"), (self.save_xml, "save_xml"),
                             (self.refresh, "refresh")):
            button.setObjectName(name)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(from_label)
        top.addWidget(self.first)
        top.addWidget(to_label)
        top.addWidget(self.last)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.first.dateChanged.connect(self.reload)
        self.last.dateChanged.connect(self.reload)
        self.list.itemSelectionChanged.connect(self._update)
        resize_within_screen(self, 1000, 520)
        self.reload()

    def _date_box(self, name: str, day: date) -> QDateEdit:
        box = QDateEdit(QDate(day.year, day.month, day.day))
        box.setObjectName(name)
        box.setCalendarPopup(True)
        show_dates(box)
        return box

    # -- reading -----------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def reload(self, *_: object) -> None:
        """Read the period's documents again (off the GUI thread)."""
        first, last = self.period()
        if self.loading:
            self._stale = True  # read again when this read is in
            return
        self._stale = False
        self.load(partial(invoices.list_invoices, self._db, self._actor, first, last),
                  self._loaded)

    def _loaded(self, rows: list[invoices.InvoiceRow]) -> None:
        chosen = self.chosen()
        self._rows = rows
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem([
                row.number, labels.date_str(row.issue_date, self.lang),
                f"{row.customer} · {row.customer_name}",
                labels.money(row.net, self.lang), labels.money(row.vat, self.lang),
                labels.money(row.total, self.lang), row.reference, self.state_text(row)])
            item.setData(NUMBER, Qt.ItemDataRole.UserRole, row.number)
            item.setToolTip(CUSTOMER, f"{row.customer} · {row.customer_name}")
            for column in (NET, VAT, TOTAL):
                align_right(item, column)
            if row.state == "waiting":
                item.setForeground(STATE, WAITING)
                item.setToolTip(STATE, self.waiting_text(row))
            self.list.addTopLevelItem(item)
            if chosen is not None and row.number == chosen.number:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.empty.setText("" if rows else self.tr(
            "No invoice or credit note was issued in this period."))
        self.empty.setVisible(not rows)
        self._update()
        if self._stale:
            self.reload()

    def state_text(self, row: invoices.InvoiceRow) -> str:
        """The files' state in a word or three (the list's last column)."""
        if row.state == "stored":
            return self.tr("stored")
        if row.state == "preparing":
            return self.tr("being prepared")
        return self.tr("waiting for fiscal data")

    def waiting_text(self, row: invoices.InvoiceRow) -> str:
        """What a waiting document's files wait for, and what happens then."""
        return self.tr("%1 waits for the customer's %2: its number is kept, and the worker "
                       "makes its files once they are set (customers panel, Fiscal data…)."
                       ).replace("%1", row.number).replace(
            "%2", labels.fiscal_fields_text(row.missing))

    def shown_numbers(self) -> list[str]:
        return [self.list.topLevelItem(i).text(NUMBER)  # type: ignore[union-attr]
                for i in range(self.list.topLevelItemCount())]

    def chosen(self) -> invoices.InvoiceRow | None:
        item = self.list.currentItem()
        number = item.data(NUMBER, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((r for r in self._rows if r.number == number), None)

    # -- saving ------------------------------------------------------------------------
    def set_inputs_enabled(self, enabled: bool) -> None:
        super().set_inputs_enabled(enabled)
        self._update(enabled)

    def _update(self, enabled: bool = True) -> None:
        if self.busy or self.loading:
            enabled = False
        row = self.chosen()
        stored = row is not None and row.state == "stored"
        self.save_pdf.setEnabled(enabled and stored)
        self.save_xml.setEnabled(enabled and stored)
        self.refresh.setEnabled(enabled)
        tip = "" if stored or row is None else (
            self.waiting_text(row) if row.state == "waiting" else self.tr(
                "The worker is making its files: Refresh in a moment."))
        self.save_pdf.setToolTip(tip)
        self.save_xml.setToolTip(tip)
        waiting = row is not None and row.state == "waiting"
        self.detail.setText(self.waiting_text(row) if waiting and row is not None else "")
        self.detail.setVisible(waiting)

    def _save(self, kind: invoices.FileKind) -> None:
        row = self.chosen()
        if row is None:
            return
        suggested = Path.home() / (invoices.pdf_filename(row.number) if kind == "pdf"
                                   else str(row.xml_filename or f"{row.number}.xml"))
        kinds = (self.tr("PDF documents (*.pdf)") if kind == "pdf"
                 else self.tr("FatturaPA files (*.xml)"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save %1").replace("%1", row.number),
                                              str(suggested), kinds)
        if path:
            self.save_to(row.number, kind, Path(path))

    def save_to(self, number: str, kind: invoices.FileKind, path: Path) -> None:
        """Write document ``number``'s stored PDF or XML to ``path`` (off the GUI thread
        for the read; the message says where it went, or why not)."""
        self.run(partial(invoices.invoice_file, self._db, self._actor, number, kind),
                 partial(self._write, path))

    def _write(self, path: Path, named: tuple[str, bytes]) -> None:
        _name, content = named
        try:
            path.write_bytes(content)
        except OSError as exc:
            self.show_message(self.tr("The file cannot be written: %1").replace(
                "%1", exc.strerror or str(exc)))
            return
        say_saved(self, path)

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(MESSAGE_STYLE)  # an error again, after a "Saved"
        super().show_message(text)
