"""Customers at risk (finance): accounts whose credit does not cover the work they have
accepted, i.e. who enter credit exhaustion when that work is completed."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.standby import ReadAnswer
from app.services import at_risk
from app.services.at_risk import AtRiskAccount
from app.services.dashboard import open_work_drill
from ui import labels
from ui.context import AppContext
from ui.errors import error_text
from ui.read_source import ReadSourceNote
from ui.worker import BusyIndicator, run_async

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class AtRiskPanel(QWidget):
    """The accounts at risk, largest shortfall first.

    Signals:
        drill_requested(object, str): show a customer's open work in the queue table.
        statement_requested(str): open the statement of a customer (its code).
        loaded(): the list has been (re)read.
        status(str): a message for the status bar.
    """

    drill_requested = Signal(object, str)
    statement_requested = Signal(str)
    loaded = Signal()
    status = Signal(str)

    def __init__(self, ctx: AppContext, *, busy: BusyIndicator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atRiskPanel")
        self._ctx = ctx
        self._busy = busy
        self.accounts: list[AtRiskAccount] = []
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.model = QStandardItemModel(0, 6, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView(self)
        self.view.setObjectName("atRiskTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.work_button = QPushButton(self)
        self.work_button.setObjectName("atRiskWork")
        self.statement_button = QPushButton(self)
        self.statement_button.setObjectName("atRiskStatement")
        buttons = QHBoxLayout()
        buttons.addWidget(self.work_button)
        buttons.addWidget(self.statement_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        self.source = ReadSourceNote(ctx.db, self)  # which database answered (issue 21)
        layout.addWidget(self.source)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.work_button.clicked.connect(self._open_work)
        self.statement_button.clicked.connect(self._statement)
        self.view.activated.connect(lambda _index: self._open_work())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customers at risk"))
        self.explanation.setText(self.tr(
            "Accounts whose credit does not cover the agreed amounts (VAT included) of their "
            "accepted and in-progress requests: completing that work puts them in credit "
            "exhaustion. The shortfall is the top-up that avoids it."))
        self.model.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Customer"), self.tr("Balance"), self.tr("Open work"),
            self.tr("Shortfall"), self.tr("Requests")])
        self.work_button.setText(self.tr("Show the open work"))
        self.statement_button.setText(self.tr("Statement…"))

    def refresh(self) -> None:
        db = self._ctx.db
        # from the standby when there is one close enough behind (issue 21)
        run_async(lambda: db.reads(at_risk.at_risk_customers), self._arrived,
                  lambda exc: self.status.emit(error_text(exc)), self, busy=self._busy)

    def _arrived(self, arrived: tuple[list[AtRiskAccount], ReadAnswer]) -> None:
        accounts, answer = arrived
        self.source.show_answer(answer)
        self._fill(accounts)

    def _fill(self, accounts: list[AtRiskAccount]) -> None:
        lang = self._ctx.lang
        keep = self.current_code()
        self.accounts = accounts
        self.model.removeRows(0, self.model.rowCount())
        for a in accounts:
            cells = [(a.code, a.code), (a.name, a.name.casefold()),
                     (labels.money(a.balance, lang), float(a.balance)),
                     (labels.money(a.committed, lang), float(a.committed)),
                     (labels.money(a.shortfall, lang), float(a.shortfall)),
                     (str(a.requests), a.requests)]
            row = []
            for i, (text, key) in enumerate(cells):
                item = QStandardItem(text)
                item.setEditable(False)
                item.setData(key, Qt.ItemDataRole.UserRole)
                item.setData(a.code, CODE_ROLE)
                if i >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                row.append(item)
            self.model.appendRow(row)
        target = keep if any(a.code == keep for a in accounts) else (
            accounts[0].code if accounts else None)
        if target is not None:
            self.select_code(target)
        self._update_buttons()
        self.loaded.emit()

    def select_code(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CODE_ROLE) == code:
                self.view.selectRow(row)
                return

    def current_code(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        value = index.data(CODE_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def _update_buttons(self) -> None:
        selected = self.current_code() is not None
        self.work_button.setEnabled(selected)
        self.statement_button.setEnabled(selected)

    def _open_work(self) -> None:
        code = self.current_code()
        account = next((a for a in self.accounts if a.code == code), None)
        if account is not None:
            self.drill_requested.emit(open_work_drill(account.code), self.tr(
                "open work of %1").replace("%1", f"{account.name} ({account.code})"))

    def _statement(self) -> None:
        code = self.current_code()
        if code is not None:
            self.statement_requested.emit(code)
