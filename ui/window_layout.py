"""The main window's layout: a sensible first one, and the user's own remembered."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QSplitter, QStackedWidget

#: the window's size the first time (smaller screens: their available size)
FIRST_SIZE = (1480, 900)
#: the workspace's share of the window, and its least width (its buttons and facts)
WORKSPACE_SHARE = 0.36
WORKSPACE_MIN = 480


def first_size(available_width: int, available_height: int) -> tuple[int, int]:
    return min(FIRST_SIZE[0], available_width), min(FIRST_SIZE[1], available_height)


def sensible_split(width: int, queues: int, table_needs: int = 0) -> list[int]:
    """With a request open: the queues as wide as their titles, the workspace about a
    third, the table the rest; when the rest is less than the table needs (its deciding
    columns and 18 characters of customer and subject: 1366 pixels), the queue list
    gives way, folded to the left edge (dragged out again, or any queue from View >
    Queues)."""
    workspace = max(WORKSPACE_MIN, round(width * WORKSPACE_SHARE))
    if width - queues - workspace < table_needs:
        queues = 0
    return [queues, max(0, width - queues - workspace), workspace]


def browsing_split(width: int, queues: int) -> list[int]:
    """Nothing open: the queues and the table, which takes the rest (no empty workspace)."""
    return [queues, max(0, width - queues), 0]


def _sizes(value: object, count: int) -> list[int] | None:
    """A split read back from the settings (a list of numbers, as text in an INI file)."""
    values = value if isinstance(value, list) else [value] if value is not None else []
    try:
        sizes = [int(str(v)) for v in values]
    except (TypeError, ValueError):
        return None
    return sizes if len(sizes) == count and all(v >= 0 for v in sizes) else None


def size_to_current_page(stack: QStackedWidget) -> None:
    """Make ``stack`` as small as the page in front allows, not as its largest page.

    A stack's least size is its largest page's (the dashboard's charts side by side): the
    table with the workspace beside it then no longer fitted a 1366-pixel screen and the
    window grew past it. The pages behind are given an ignored size policy.
    """

    def follow(_index: int = 0) -> None:
        current = stack.currentWidget()
        for i in range(stack.count()):
            page = stack.widget(i)
            if page is None:
                continue
            policy = (QSizePolicy.Policy.Preferred if page is current
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow()


class WindowLayout:
    """Restores and saves geometry, dock state, the splits and the table's columns.

    The splitter has two layouts, each remembered as the user leaves it: with a request
    open (queues, table, workspace) and with none (queues and table: the workspace is
    hidden, not an empty half of the window). :meth:`set_working` switches between them.
    """

    def __init__(self, window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
        self.window = window
        self.splitter = splitter
        self.settings = settings
        self.split_restored = False
        #: a request is open: the workspace is beside the table
        self.working = False
        #: the user's split with a request open, and the queues' width with none
        self._working: list[int] | None = None
        self._queues: int | None = None
        self._queues_least = 0
        self._table_needs = 0
        self._shown = False
        # the queue list may be folded away (the first split does at 1366 pixels)
        splitter.setCollapsible(0, True)
        splitter.splitterMoved.connect(self._moved)

    def restore(self) -> None:
        """The window's geometry and state, and the splits (the table's columns are the
        table's, restored by the window as soon as the table exists)."""
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        else:
            screen = self.window.screen().availableGeometry()
            self.window.resize(*first_size(screen.width(), screen.height()))
        state = s.value("window/state")
        if state is not None:
            self.window.restoreState(state)
        self._working = _sizes(s.value("window/split_working"), 3)
        queues = _sizes(s.value("window/split_browsing"), 1)
        self._queues = queues[0] if queues else None
        self.split_restored = self._working is not None or self._queues is not None

    def first_show(self, queues_width: int, table_needs: int = 0) -> None:
        """Before the window is first painted: the split of its mode (sensible unless
        the user's was saved)."""
        self._queues_least, self._table_needs = queues_width, table_needs
        if not self._shown:
            self._shown = True
            self._apply()

    def set_working(self, working: bool) -> None:
        """A request was opened (True) or none is any more: the split of that mode."""
        if working != self.working:
            self.working = working
            if self._shown:
                self._apply()

    def _apply(self) -> None:
        width = sum(self.splitter.sizes()) or self.splitter.width()
        if self.working and self._working is not None:
            # the user's queues and workspace as they left them, the table the rest (a
            # window of another width: the table grows or shrinks, not every pane)
            queues, _table, workspace = self._working
            sizes = ([queues, width - queues - workspace, workspace]
                     if width - queues - workspace >= self._table_needs // 2 else self._working)
        elif self.working:
            sizes = sensible_split(width, self._queues_least, self._table_needs)
        else:
            queues = self._queues if self._queues is not None else self._queues_least
            sizes = browsing_split(width, queues)
        self.splitter.setSizes(sizes)

    def _moved(self, _pos: int, _index: int) -> None:
        sizes = self.splitter.sizes()
        if self.working:
            self._working = sizes
        else:
            self._queues = sizes[0]

    def save(self, header: QByteArray) -> None:
        s = self.settings
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue("window/state", self.window.saveState())
        if self._working is not None:
            s.setValue("window/split_working", [str(v) for v in self._working])
        if self._queues is not None:
            s.setValue("window/split_browsing", [str(self._queues)])
        s.setValue("table/header", header)
        s.sync()
