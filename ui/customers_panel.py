"""Customers and their credit (finance): accounts in credit exhaustion, top-ups, adjustments."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import permissions
from app.domain.fiscal import address_text
from app.domain.queues import check_search
from app.services.dto import CustomerView
from ui import labels
from ui.context import AppContext
from ui.errors import error_text, translate_phrase
from ui.feedback import Done, Feedback, feedback
from ui.service_states import ServicesTable
from ui.text_check import TextCheck, error_label
from ui.worker import BusyIndicator, run_async

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomersPanel(QWidget):
    """A searchable list of customers (all, or only those in credit exhaustion) and the
    selected customer's credit ledger, with top-up and adjustment for finance.

    Signals:
        changed(): a top-up or adjustment was recorded here.
        status(str): a short message for the status bar (errors).
        outcome(Feedback): what a top-up or adjustment did (:mod:`ui.feedback`).
        loaded(): the list has been (re)read.
        statement_requested(str): the user asked for a customer's credit statement.
    """

    changed = Signal()
    status = Signal(str)
    outcome = Signal(Feedback)
    loaded = Signal()
    statement_requested = Signal(str)

    def __init__(self, ctx: AppContext, *, busy: BusyIndicator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = busy
        self._exhausted_only = True
        self._customers: dict[str, CustomerView] = {}
        self._current: CustomerView | None = None

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name or code"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setObjectName("customerFilter")
        # a filter refused (a control character, over 200 characters: the searches' rule)
        # is said under the box; the list keeps what it shows
        self.filter_error = error_label(self)
        self.filter_error.setObjectName("customerFilterError")
        self.filter_check = TextCheck(self.filter, self.filter_error, check_search)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Customer"), self.tr("Balance"), self.tr("Missing"),
            self.tr("Account")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView(self)
        self.view.setObjectName("customersTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.detail = QLabel(self)
        self.detail.setObjectName("customerDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ledger = QTreeWidget(self)
        self.ledger.setObjectName("ledgerTree")
        self.ledger.setRootIsDecorated(False)
        self.ledger.setAlternatingRowColors(True)
        self.ledger.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Amount"),
                                     self.tr("Balance"), self.tr("Reference / reason"),
                                     self.tr("By")])
        self.ledger.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ledger.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # the services, their state in the credit procedure and next step (issue 19)
        self.services = ServicesTable(self)
        self.topup_button = QPushButton(self.tr("Top-up…"), self)
        self.topup_button.setObjectName("customerTopup")
        self.adjust_button = QPushButton(self.tr("Credit adjustment…"), self)
        self.adjust_button.setObjectName("customerAdjust")
        self.statement_button = QPushButton(self.tr("Statement…"), self)
        self.statement_button.setObjectName("customerStatement")
        self.fiscal_button = QPushButton(self.tr("Fiscal data…"), self)
        self.fiscal_button.setObjectName("customerFiscal")
        self.email_button = QPushButton(self.tr("Email address…"), self)
        self.email_button.setObjectName("customerEmail")
        for button, action in ((self.topup_button, "topup"), (self.adjust_button, "adjust"),
                               (self.statement_button, "view_finance"),
                               (self.fiscal_button, "manage"), (self.email_button, "manage")):
            allowed = permissions.may(action, ctx.role, username=ctx.username)
            button.setEnabled(False)
            button.setProperty("allowed", allowed)
            if not allowed:
                button.setToolTip(self.tr("Not available to your role (%1).").replace(
                    "%1", labels.role_label(ctx.role)))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.filter_error)
        left_layout.addWidget(self.view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.topup_button)
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.statement_button)
        buttons.addWidget(self.fiscal_button)
        buttons.addWidget(self.email_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.services)
        right_layout.addWidget(self.ledger, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.filter.textChanged.connect(self._on_filter)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._on_selected())
        self.topup_button.clicked.connect(lambda: self._credit("topup"))
        self.adjust_button.clicked.connect(lambda: self._credit("adjust"))
        self.statement_button.clicked.connect(
            lambda: self._current and self.statement_requested.emit(self._current.code))
        self.fiscal_button.clicked.connect(self._edit_fiscal)
        self.email_button.clicked.connect(self._edit_email)

    def _on_filter(self, text: str) -> None:
        """Filter the list by what is typed, unless it is refused (said under the box)."""
        if not self.filter_check.check():
            self.proxy.setFilterFixedString(check_search(text))

    def show_list(self, exhausted_only: bool) -> None:
        self._exhausted_only = exhausted_only
        self.title.setText(self.tr("Accounts in credit exhaustion") if exhausted_only
                           else self.tr("All customers"))
        self.refresh()

    def refresh(self) -> None:
        from app.services import customers as customer_service  # after the first paint

        db, only = self._ctx.db, self._exhausted_only
        run_async(lambda: customer_service.list_customers(db, exhausted_only=only),
                  self._fill, self._failed, self, busy=self._busy)

    def _failed(self, exc: BaseException) -> None:
        self.status.emit(error_text(exc))

    def _fill(self, rows: list[CustomerView]) -> None:
        lang = self._ctx.lang
        keep = self._current.code if self._current else None
        self._customers = {c.code: c for c in rows}
        self.model.removeRows(0, self.model.rowCount())
        for c in rows:
            cells = [
                (c.code, c.code), (c.name, c.name.lower()),
                (labels.money(c.balance, lang), float(c.balance)),
                (labels.money(c.missing, lang) if c.missing else "", float(c.missing)),
                (labels.account_status_label(c.status), c.status),
            ]
            items = []
            for i, (text, key) in enumerate(cells):
                item = QStandardItem(text)
                item.setEditable(False)
                item.setData(key, Qt.ItemDataRole.UserRole)
                item.setData(c.code, CODE_ROLE)
                if i in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.model.appendRow(items)
        if self.model.rowCount() == 0:
            self.detail.setText(self.tr("No account is in credit exhaustion.")
                                if self._exhausted_only else self.tr("No customers."))
            self.ledger.clear()
            self.services.clear()
            self._current = None
            self._update_buttons()
        target = keep if keep in self._customers else (rows[0].code if rows else None)
        if target is not None:
            self.select_code(target)
        self.loaded.emit()

    def select_code(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CODE_ROLE) == code:
                before = self.view.selectionModel().currentIndex()
                self.view.selectRow(row)
                if before.isValid() and before.row() == row:
                    # the current row did not change, so no currentRowChanged: read it here
                    # (otherwise that signal reads it: calling too made two reads)
                    self._on_selected()
                return

    def _on_selected(self) -> None:
        index = self.view.selectionModel().currentIndex()
        code = index.data(CODE_ROLE) if index.isValid() else None
        if code is None:
            return
        from app.services import customers as customer_service

        db = self._ctx.db
        run_async(lambda: customer_service.get_customer(db, code), self._show_customer,
                  self._failed, self)

    def _show_customer(self, c: CustomerView) -> None:
        lang = self._ctx.lang
        self._current = c
        lines = [f"<b>{c.name}</b> ({c.code})",
                 self.tr("Balance: %1 · account %2").replace(
                     "%1", labels.money(c.balance, lang)).replace(
                     "%2", labels.account_status_label(c.status))]
        if c.missing:
            lines.append("<b style='color:#c62828'>" + self.tr(
                "Missing: %1 — a top-up of at least this amount restarts the services.").replace(
                "%1", labels.money(c.missing, lang)) + "</b>")
        lines += self._fiscal_lines(c)
        lines.append(self.tr("Email: %1").replace(
            "%1", escape(c.email) if c.email else self.tr("none (notices are not mailed)")))
        self.detail.setText("<br>".join(lines))
        self.services.show_services(c.services, lang)
        self.ledger.clear()
        for e in reversed(c.ledger):
            item = QTreeWidgetItem([labels.datetime_str(e.at, lang), labels.ledger_kind_label(e.kind),
                                    labels.money(e.amount, lang),
                                    labels.money(e.balance_after, lang),
                                    " — ".join(p for p in (labels.ledger_reference(e.reference),
                                                           e.reason) if p),
                                    labels.actor_label(e.actor, c.people)])
            for col in (2, 3):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.ledger.addTopLevelItem(item)
        self._update_buttons()

    def _fiscal_lines(self, c: CustomerView) -> list[str]:
        """The customer's fiscal data: kind, VAT number, tax code, where invoices go, the
        address (each part only where there is one)."""
        f = c.fiscal
        ids = [labels.customer_kind_label(f.kind)]
        if f.vat_number:
            ids.append(self.tr("VAT no. %1").replace("%1", escape(f.vat_number)))
        if f.tax_code:
            ids.append(self.tr("Tax code %1").replace("%1", escape(f.tax_code)))
        lines = [" · ".join(ids)]
        delivery = []
        if f.sdi_code:
            delivery.append(self.tr("Recipient code %1").replace("%1", escape(f.sdi_code)))
        if f.pec:
            delivery.append(self.tr("PEC %1").replace("%1", escape(f.pec)))
        if delivery:
            lines.append(" · ".join(delivery))
        address = address_text(f) or c.address
        if address:
            lines.append(escape(address).replace("\n", ", "))
        if c.invoice_missing:  # its invoices keep their numbers and wait for these
            lines.append("<span style='color:#b45309'>" + self.tr(
                "Invoices wait for: %1 (Fiscal data…)").replace(
                "%1", labels.fiscal_fields_text(c.invoice_missing)) + "</span>")
        return lines

    def _update_buttons(self) -> None:
        for button in (self.topup_button, self.adjust_button, self.statement_button,
                       self.fiscal_button, self.email_button):
            button.setEnabled(bool(button.property("allowed")) and self._current is not None)

    def current_code(self) -> str | None:
        return self._current.code if self._current else None

    def _edit_fiscal(self) -> None:
        """An admin changes the selected customer's fiscal data; the panel shows them
        again, and what the change tells (0000000 given) in the status bar."""
        if self._current is None:
            return
        from PySide6.QtWidgets import QDialog

        from ui.dialogs.fiscal import FiscalDialog

        dialog = FiscalDialog(self._ctx.db, self._ctx.username, self._current.code, parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.result_value
        dialog.deleteLater()
        if accepted and isinstance(result, CustomerView):
            if result.warnings:
                self.status.emit(" ".join(translate_phrase(w.template, w.params)
                                          for w in result.warnings))
            self._on_selected()

    def _credit(self, mode: str) -> None:
        if self._current is None:
            return
        from PySide6.QtWidgets import QDialog

        try:
            from ui.dialogs.credit import CreditDialog
        except ImportError:
            self.status.emit(self.tr("This dialog is not available in this build."))
            return
        customer = self._current
        dialog = CreditDialog(self._ctx.db, self._ctx.username, customer.code, mode=mode,
                              parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.result_value
        dialog.deleteLater()
        if accepted:
            self.outcome.emit(feedback(Done(mode, result, customer=customer.name,
                                            lang=self._ctx.lang)))
            self.refresh()
            self._on_selected()
            self.changed.emit()

    def _edit_email(self) -> None:
        """The customer's email address (admin): checked by the service, the refusal said
        in the status bar and nothing changed."""
        customer = self._current
        if customer is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("customerEmailDialog")
        dialog.setWindowTitle(self.tr("Email address of %1").replace("%1", customer.name))
        dialog.setLabelText(self.tr("Where this customer's notices are mailed (empty: nowhere):"))
        dialog.setTextValue(customer.email or "")
        dialog.resize(420, dialog.sizeHint().height())
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        value = dialog.textValue().strip()
        dialog.deleteLater()
        if not accepted:
            return
        db, actor, code = self._ctx.db, self._ctx.username, customer.code

        def save() -> CustomerView:
            from app.services import customers

            return customers.set_customer(db, actor, code, email=value or None)

        def saved(view: CustomerView) -> None:
            self.status.emit(self.tr("Email address of %1 saved.").replace("%1", view.name))
            self.refresh()
            self.changed.emit()

        run_async(save, saved, lambda exc: self.status.emit(error_text(exc)), parent=self,
                  busy=self._busy)
