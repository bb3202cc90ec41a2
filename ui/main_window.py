"""The main window: queues on the left, the request table, the workspace on the right."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.floor.deferred import DeferredDatabase, shown_url
from app.services.queue_rows import Drill, StaffView
from ui import labels
from ui.context import AppContext
from ui.errors import error_text
from ui.finance.pages import PAGES
from ui.main_menus import menu_titles
from ui.queue_panel import (
    AT_RISK,
    CREDIT_EXHAUSTED,
    CUSTOMERS,
    DASHBOARD,
    LEAD_ROLES,
    QueuePanel,
    queue_title,
)
from ui.request_table import RequestTable
from ui.window_layout import WORKSPACE_MIN, WindowLayout, size_to_current_page
from ui.worker import BusyIndicator, make_busy_bar, run_async

if TYPE_CHECKING:  # built after the first page is painted (see MainWindow._build_rest)
    from app.services.attention import Thresholds
    from ui.banner import Banner
    from ui.change_watch import ChangeWatch
    from ui.connection_state import ConnectionMonitor
    from ui.deadline_keeper import DeadlineKeeper
    from ui.feedback import Feedback
    from ui.main_menus import MainMenus


def default_queue(role: str) -> str:
    return {"technician": "mine", "finance": "completed"}.get(role, "all")


def start_view(role: str) -> str:
    """What a role sees first: the dashboard for team leads and admins, else its queue."""
    return DASHBOARD if role in ("team_lead", "admin") else default_queue(role)


class MainWindow(QMainWindow):
    """The daily window of RIT Desk for one signed-in staff user.

    Signals:
        ready(): the first counts and the first page of the table have arrived.
        switch_requested(): the user asked to change user or database.
        language_changed(str): the user picked another language (``ui.language_switch``
            makes the window again in it at once).
    """

    ready = Signal()
    switch_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, ctx: AppContext, *, settings: QSettings | None = None,
                 staff: list[StaffView] | None = None, start: str | None = None,
                 parent: QWidget | None = None, staged: bool = False) -> None:
        """``staged``: the desktop app's own start. Only what the first page needs (the
        queues, the table, an empty menu bar and status bar of their final size) is made
        before it is painted; the rest of the window (the workspace, the customers and
        finance pages, the menus' items, the status bar's labels, the change watch) and
        its modules follow at once after that paint (:meth:`_build_rest`). Unstaged (the
        default), the window is whole when made."""
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings or QSettings()
        self._counts_arrived = False
        self._table_arrived = False
        self._is_ready = False
        self._built = False
        self._showing = False  # take_first_rows: about to be shown
        #: the request acted on that left the queue, until the workspace says where it went
        self._left = 0
        #: whether closing the window saves its layout (off for screenshots and tests)
        self.persist_layout = True
        self.setObjectName("mainWindow")
        # Qt adds the application's name on the desktop ("… — RIT Desk"): not here too
        self.setWindowTitle(self.tr("%1 (%2)").replace(
            "%1", ctx.user.name).replace("%2", labels.role_label(ctx.role)))

        self.busy_bar = make_busy_bar(self)
        self.busy = BusyIndicator(self.busy_bar, cursor=False, parent=self)
        if staff is None:
            from app.services import first_reads

            staff = first_reads.staff(ctx.db)
        self._people = staff

        self.queues = QueuePanel(ctx.role, self)
        self.table = RequestTable(ctx, staff, busy=self.busy, parent=self)
        queue = start or str(self._settings.value(f"ui/queue/{ctx.role}", start_view(ctx.role)))
        if queue not in self.queues.names:
            queue = start_view(ctx.role)
        self._start_queue = queue
        #: the queue whose first page is read while the rest of the window is built
        self._early_queue: str | None = None
        if queue not in (*PAGES, CREDIT_EXHAUSTED, CUSTOMERS):
            self._restore_header()
            self.table.set_queue(queue)
            self._early_queue = queue
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.table)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.queues)
        self.splitter.addWidget(self.centre)
        # the workspace's place: hidden, as the workspace is while no request is open
        self._workspace_slot = QWidget(self)
        self._workspace_slot.hide()
        self.splitter.addWidget(self._workspace_slot)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.layout_keeper = WindowLayout(self, self.splitter, self._settings)
        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(4, 4, 4, 0)
        self._central_layout.setSpacing(4)
        self._central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # the menu bar and the status bar take their room now: nothing moves when the
        # menus' items and the status bar's labels arrive
        self._early_menus = [self.menuBar().addMenu(title) for title in menu_titles()]
        self._build_early_status_bar()
        self._restore_layout()
        self.queues.select_queue(queue)  # nothing listens yet: _build_rest takes it
        # the table's own signals, from its first page on (before the rest is made)
        self.table.error.connect(self._show_status)
        self.table.model.loaded.connect(lambda: self._on_page_loaded(self.table))

        self._started = False
        table_first = self._early_queue is not None
        if not (staged and table_first):
            self._build_rest()
        # The rest of the start (the use cases, the counts, polling) once the first page
        # is on screen: see _finish_start.
        if table_first:
            self.table.first_rows_painted.connect(
                lambda: QTimer.singleShot(0, self._finish_start))
            self.table.model.loaded.connect(self._start_unseen)
            self.table.model.error.connect(lambda _message: self._start_unseen(force=True))
        else:
            self._finish_start()

    def _build_rest(self) -> None:
        """Everything but the queues and the table (see ``staged``)."""
        if self._built:
            return
        self._built = True
        from ui.banner import Banner
        from ui.change_watch import ChangeWatch
        from ui.customers_panel import CustomersPanel
        from ui.deadline_keeper import DeadlineKeeper
        from ui.finance.pages import FinancePages
        from ui.main_menus import MainMenus
        from ui.running_timer import RunningTimers
        from ui.workspace import Workspace

        ctx = self._ctx
        self.customers = CustomersPanel(ctx, busy=self.busy, parent=self)
        self.centre.addWidget(self.customers)
        size_to_current_page(self.centre)
        self.finance = FinancePages(ctx, self.centre, busy=self.busy, parent=self)
        self.workspace = Workspace(ctx, busy=self.busy, parent=self)
        self.workspace.timers = RunningTimers(self._settings, shown_url(ctx.db), ctx.username)
        self.workspace.setMinimumWidth(WORKSPACE_MIN)
        self.workspace.hide()
        self.splitter.replaceWidget(2, self.workspace)
        self._workspace_slot.deleteLater()
        # what an action did that must not be missed (credit exhausted, services
        # suspended or restarted) stays above everything until closed
        self.outcome_banner: Banner = Banner(self)
        self.outcome_banner.setObjectName("outcomeBanner")
        self._central_layout.insertWidget(0, self.outcome_banner)
        self.workspace.staff_names = {p.username: p.name for p in self._people}

        self._build_status_bar()
        self.menuBar().clear()
        for early in self._early_menus:
            early.deleteLater()
        self.menus: MainMenus = MainMenus(self, ctx.role, self.queues,
                                          self.workspace.actions_by_name, self._settings)
        self.report_action = self.menus.report_action
        #: what changed in the database: polled, or announced by it (PostgreSQL)
        self.watch: ChangeWatch = ChangeWatch(ctx.db, self.connection, self)
        self.poll_timer, self.live = self.watch.poll_timer, self.watch.live
        #: the embedded file's deadlines, kept while the app is open (issue 18)
        self.deadlines: DeadlineKeeper = DeadlineKeeper(ctx.db, self)
        self._connect_signals()
        self._on_queue(self._start_queue)
        if self.table.selected_number():  # picked while the rest was being made
            self.workspace.show_request(self.table.selected_number())

    def _start_unseen(self, *, force: bool = False) -> None:
        """A window that is not shown paints nothing: it finishes starting without (as
        one whose first page could not be read)."""
        if force or not (self.isVisible() or self._showing):
            QTimer.singleShot(0, self._finish_start)

    def take_first_rows(self, timeout: float) -> bool:
        """Before the window is first shown: its first page, if read within ``timeout``
        seconds, so that the first paint shows the rows (see
        :meth:`RequestTableModel.take_first_rows`); the start goes on after that paint."""
        self._showing = True
        try:
            return self.table.model.take_first_rows(timeout)
        finally:
            self._showing = False

    def _finish_start(self) -> None:
        """What waits for the first page to be painted: importing the services (the ORM,
        the models, every use case: ~0.3 s), the queue counts, polling."""
        if self._started:
            return
        self._started = True
        self._build_rest()
        if isinstance(self._ctx.db, DeferredDatabase):  # the floor's start: the real one now
            self._ctx.db.real()
        import app.services.customers
        import app.services.queries
        import app.services.quotes
        import app.services.requests
        import app.services.work  # noqa: F401 - ready before the first click needs them

        self.refresh_counts()
        self.watch.start()
        self.deadlines.start()

    # -- construction ---------------------------------------------------------------------------
    def _build_early_status_bar(self) -> None:
        """Who works where, and the busy bar: there with the first page."""
        bar = self.statusBar()
        self.updated_label = QLabel(self)
        self.user_label = QLabel(f"{self._ctx.user.name} · {labels.role_label(self._ctx.role)}",
                                 self)
        self.db_label = QLabel(shown_url(self._ctx.db), self)
        self.db_label.setToolTip(self.tr("Central database"))
        for widget in (self.busy_bar, self.updated_label, self.user_label, self.db_label):
            bar.addPermanentWidget(widget)

    def _build_status_bar(self) -> None:
        """The connection's and the standby's labels, before the busy bar."""
        from ui.connection_state import ConnectionLabel, monitor_for
        from ui.read_source import StandbyLabel

        bar = self.statusBar()
        self.connection: ConnectionMonitor = monitor_for(self._ctx.db)
        self.connection_label = ConnectionLabel(self.connection, self)
        bar.insertPermanentWidget(0, self.connection_label)
        self.standby_label = StandbyLabel(self._ctx.db, self)  # hidden without a standby
        bar.insertPermanentWidget(1, self.standby_label)

    def _connect_signals(self) -> None:
        # queues and table
        self.queues.queue_selected.connect(self._on_queue)
        self.table.request_selected.connect(self.workspace.show_request)
        self.table.request_activated.connect(lambda _n: self.workspace.tabs.setFocus())
        # workspace and customers
        self.workspace.stack.currentChanged.connect(lambda _index: self._fit_panes())
        self.workspace.changed.connect(self.refresh_all)
        self.workspace.status.connect(self._show_status)
        self.workspace.outcome.connect(self.show_outcome)
        self.workspace.acted_on.connect(self.table.keep_acted_on)
        self.table.request_left.connect(self._request_left)
        self.workspace.loaded.connect(self._say_where_it_went)
        self.customers.changed.connect(self.refresh_all)
        self.customers.status.connect(self._show_status)
        self.customers.outcome.connect(self.show_outcome)
        self.customers.loaded.connect(lambda: self._on_page_loaded(self.customers))
        # dashboard and customers at risk
        self.finance.drill_requested.connect(self.show_drill)
        self.finance.loaded.connect(lambda: self._on_page_loaded(self.finance.current()))
        self.finance.status.connect(self._show_status)
        self.table.drill_bar.back.connect(lambda: self.queues.select_queue(DASHBOARD))
        # menus
        m = self.menus
        m.switch_action.triggered.connect(self.switch_requested)
        m.export_action.triggered.connect(self._export)
        m.report_action.triggered.connect(self.finance.open_charges_report)
        m.price_list_action.triggered.connect(self._price_list)
        m.invoices_action.triggered.connect(self._invoices)
        self.customers.statement_requested.connect(self.finance.open_statement)
        m.quit_action.triggered.connect(self.close)
        m.find_action.triggered.connect(self._focus_search)
        m.refresh_action.triggered.connect(self.refresh_all)
        m.focus_table_action.triggered.connect(self.table.view.setFocus)
        m.language_group.triggered.connect(self._on_language)
        # changes on other workstations, and the connection
        self.watch.changed.connect(self.refresh_all)
        self.deadlines.done.connect(lambda _count: self.refresh_all())
        self.deadlines.failed.connect(self._show_status)
        self.watch.status.connect(self._show_status)
        self.connection.restored.connect(self.refresh_all)  # what changed meanwhile

    # -- queues ---------------------------------------------------------------------------------
    def _on_queue(self, name: str) -> None:
        self._settings.setValue(f"ui/queue/{self._ctx.role}", name)
        if name in PAGES:
            self.workspace.show_request(0)
            self.workspace.hide()  # the dashboard needs the room; at-risk has its own pane
            self.finance.show(name)
        elif name in (CREDIT_EXHAUSTED, CUSTOMERS):
            self.centre.setCurrentWidget(self.customers)
            self.customers.show_list(name == CREDIT_EXHAUSTED)
            self.workspace.show_request(0)
            self.workspace.hide()  # the customers panel has its own detail pane
        else:
            self.centre.setCurrentWidget(self.table)
            if name != self._early_queue:
                self.table.set_queue(name)
        self._fit_panes()
        self._early_queue = None

    def show_drill(self, drill: object, title: str) -> None:
        """The queue table with exactly the requests of a dashboard bar."""
        assert isinstance(drill, Drill)
        self.queues.blockSignals(True)
        self.queues.select_queue("all")
        self.queues.blockSignals(False)
        self.centre.setCurrentWidget(self.table)
        self._fit_panes()
        self.table.set_drill(drill, title)

    def _fit_panes(self) -> None:
        """The workspace is beside the table only while it shows a request: with none,
        the queue takes the width (not an empty half saying "Select a request")."""
        working = (self.centre.currentWidget() is self.table
                   and self.workspace.stack.currentWidget() is not self.workspace.placeholder)
        self.workspace.setVisible(working)
        self.layout_keeper.set_working(working)

    def _on_page_loaded(self, page: QWidget | None) -> None:
        """The window is ready when the page in front (not one behind it) has its data."""
        if page is not None and page is self.centre.currentWidget():
            self._table_arrived = True
            self._check_ready()

    def _check_ready(self) -> None:
        if not self._is_ready and self._table_arrived and self._counts_arrived:
            self._is_ready = True
            self.ready.emit()

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    # -- refreshing -------------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        from app.services import attention, queries

        db, user = self._ctx.db, self._ctx.username
        with_at_risk = AT_RISK in self.queues.names

        lead = self._ctx.role in LEAD_ROLES

        def counts() -> tuple[dict[str, int], Thresholds | None]:
            found = queries.queue_counts(db, user, lead=lead)
            if with_at_risk:
                from app.services.at_risk import at_risk_count

                found[AT_RISK] = db.reads(at_risk_count)[0]  # the standby's, if close enough
            return found, attention.current_thresholds(db) if lead else None

        run_async(counts, self._apply_counts, lambda exc: self._show_status(error_text(exc)),
                  self)

    def _apply_counts(self, arrived: tuple[dict[str, int], Thresholds | None]) -> None:
        counts, thresholds = arrived
        self.queues.set_counts(counts)
        if thresholds is not None:
            self.queues.set_thresholds(thresholds)
        self.updated_label.setText(self.tr("Updated %1").replace(
            "%1", datetime.now().strftime("%H:%M:%S")))
        self._counts_arrived = True
        self._check_ready()

    def refresh_all(self) -> None:
        """Counts, the visible list and the workspace, keeping selection and scrolling."""
        self.refresh_counts()
        page = self.finance.current()
        if page is not None:
            self.finance.refresh_page(page)
        elif self.centre.currentWidget() is self.customers:
            self.customers.refresh()
        else:
            self.table.refresh()
        self.workspace.reload()

    def poll(self) -> None:
        """Ask the database whether anything changed; refresh if so (another workstation)."""
        self.watch.poll()

    # -- menu actions ------------------------------------------------------------------------
    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def show_outcome(self, outcome: Feedback) -> None:
        """What an action did: in the status bar; if it matters, also in the banner."""
        self.statusBar().showMessage(outcome.text, 30000)
        if outcome.important:
            self.outcome_banner.show_message(outcome.text, error=True)

    def _request_left(self, number: int) -> None:
        """The request acted on left the queue: it stays in the workspace, which says
        where it went once it is shown as it now is."""
        self._left = number
        if not self.workspace.loading:
            self._say_where_it_went(number)

    def _say_where_it_went(self, number: int) -> None:
        d = self.workspace.current
        if number != self._left or d is None:
            return
        self._left = 0
        from app.domain.queues import queue_of

        mine = "mine" in self.queues.names and d.assignee == self._ctx.username
        text = self.tr("%1 moved to \u201c%2\u201d: it is no longer in this queue.").replace(
            "%1", labels.request_ref(number)).replace(
            "%2", queue_title(queue_of(d.state, mine=mine)))
        self.workspace.banner.show_message(text, error=False)
        self.statusBar().showMessage(f"{self.statusBar().currentMessage()} {text}".strip(),
                                     30000)

    def _focus_search(self) -> None:
        if self.centre.currentWidget() is self.customers:
            self.customers.filter.setFocus()
            self.customers.filter.selectAll()
            return
        self.table.search.setFocus()
        self.table.search.selectAll()

    def _export(self) -> None:
        try:
            from ui.dialogs.batch_export import BatchExportDialog
        except ImportError:
            self._show_status(self.tr("This dialog is not available in this build."))
            return
        dialog = BatchExportDialog(self._ctx.db, self._ctx.username, None, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def _price_list(self) -> None:
        from ui.price_list import PriceListWindow

        window = PriceListWindow(self._ctx.db, self._ctx.username, self._ctx.role, parent=self)
        window.exec()
        window.deleteLater()

    def _invoices(self) -> None:
        from ui.finance.invoices_window import InvoicesWindow

        window = InvoicesWindow(self._ctx.db, self._ctx.username, parent=self)
        window.exec()
        window.deleteLater()

    def _on_language(self, action: QAction) -> None:
        code = str(action.data())
        if code == str(self._settings.value("ui/language", "it")):
            return
        self._settings.setValue("ui/language", code)
        self.language_changed.emit(code)

    def select_request(self, number: int) -> None:
        """Show ``number`` in the workspace, highlighted in the table if it is listed."""
        if not self.table.select_number(number):
            self.workspace.show_request(number)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return self.menus.shortcut_rows()

    # -- layout persistence -------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.layout_keeper.restore()
        self._restore_header()

    def _restore_header(self) -> None:
        header = self._settings.value("table/header")
        if isinstance(header, QByteArray):
            self.table.restore_header_state(header)

    def save_layout(self) -> None:
        self.layout_keeper.save(self.table.header_state())

    def showEvent(self, event: QShowEvent) -> None:
        self.layout_keeper.first_show(self.queues.minimumWidth(), self.table.comfortable_width())
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built:
            self.watch.stop()  # the listening thread woken at once: gone before the window
            self.deadlines.stop()
        if self.persist_layout:
            self.save_layout()
        super().closeEvent(event)

    def open_dialogs(self) -> list[QDialog]:
        return self.findChildren(QDialog)
