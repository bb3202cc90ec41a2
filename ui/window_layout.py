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


def sensible_split(width: int, queues: int) -> list[int]:
    """Queues as wide as their titles, the workspace about a third, the table the rest."""
    workspace = max(WORKSPACE_MIN, round(width * WORKSPACE_SHARE))
    return [queues, max(0, width - queues - workspace), workspace]


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
    """Restores and saves geometry, dock state, the splitter and the table's columns."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
        self.window = window
        self.splitter = splitter
        self.settings = settings
        self.split_restored = False

    def restore(self) -> None:
        """The window's geometry and state, and the splitter (the table's columns are the
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
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.split_restored = self.splitter.restoreState(splitter)

    def first_show(self, queues_width: int) -> None:
        """Before the window is first painted: a sensible split unless one was saved."""
        if not self.split_restored:
            self.splitter.setSizes(sensible_split(self.splitter.width(), queues_width))
            self.split_restored = True

    def save(self, header: QByteArray) -> None:
        s = self.settings
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue("window/state", self.window.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("table/header", header)
        s.sync()
