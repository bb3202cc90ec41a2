"""The main window's finance and team-lead pages (dashboard, customers at risk), made
when first shown so that a technician's start does not load QtCharts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QStackedWidget, QWidget

from ui.context import AppContext
from ui.queue_panel import AT_RISK, DASHBOARD
from ui.worker import BusyIndicator

PAGES = (DASHBOARD, AT_RISK)


class FinancePages(QObject):
    """Makes, keeps and refreshes the pages of the centre stack named in :data:`PAGES`.

    Signals:
        drill_requested(object, str): show these requests in the queue table.
        dialog_opened(object): a document dialog is about to run (tests drive it).
        loaded(): the page shown has its data.
        status(str): a message for the status bar.
    """

    drill_requested = Signal(object, str)
    dialog_opened = Signal(object)
    loaded = Signal()
    status = Signal(str)

    def __init__(self, ctx: AppContext, stack: QStackedWidget, *,
                 busy: BusyIndicator | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stack = stack
        self._busy = busy
        self._pages: dict[str, QWidget] = {}

    def page(self, name: str) -> QWidget:
        """The page ``name`` (made and wired the first time)."""
        page = self._pages.get(name)
        if page is None:
            page = self._make(name)
            self._pages[name] = page
            self._stack.addWidget(page)
        return page

    def _make(self, name: str) -> QWidget:
        if name == DASHBOARD:
            from ui.finance.dashboard import DashboardView

            dashboard = DashboardView(self._ctx, busy=self._busy, parent=self._stack)
            dashboard.drill_requested.connect(self.drill_requested)
            dashboard.loaded.connect(self.loaded)
            dashboard.status.connect(self.status)
            return dashboard
        if name == AT_RISK:
            from ui.finance.at_risk_panel import AtRiskPanel

            panel = AtRiskPanel(self._ctx, busy=self._busy, parent=self._stack)
            panel.drill_requested.connect(self.drill_requested)
            panel.statement_requested.connect(self.open_statement)
            panel.loaded.connect(self.loaded)
            panel.status.connect(self.status)
            return panel
        raise KeyError(name)

    def show(self, name: str) -> QWidget:
        """Bring ``name`` to the front of the stack and read its data."""
        page = self.page(name)
        self._stack.setCurrentWidget(page)
        self.refresh_page(page)
        return page

    def refresh_page(self, page: QWidget) -> None:
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    def current(self) -> QWidget | None:
        """The finance page in front, if any."""
        widget = self._stack.currentWidget()
        return widget if widget in self._pages.values() else None

    def existing(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    # -- the finance documents -------------------------------------------------------------
    def open_charges_report(self) -> None:
        """The charges report dialog (team leads, finance, admins)."""
        from ui.finance.report_dialogs import ChargesReportDialog

        self._open(ChargesReportDialog(self._ctx.db, self._ctx.username, lang=self._ctx.lang,
                                       parent=self._stack.window()))

    def open_statement(self, code: str) -> None:
        """A customer's credit statement dialog."""
        from ui.finance.report_dialogs import StatementDialog

        self._open(StatementDialog(self._ctx.db, self._ctx.username, code,
                                   parent=self._stack.window()))

    def _open(self, dialog: QDialog) -> None:
        self.dialog_opened.emit(dialog)
        dialog.exec()
        dialog.deleteLater()
