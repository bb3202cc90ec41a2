"""Another language at once, without a restart.

The translators are swapped and the main window is made again in the new language, where
the user was: the same queue, the same request, the same layout. Making it again (rather
than retranslating widget by widget) leaves no text behind in the old language, whoever
wrote the widget: every text is set the way it is set at start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from ui import i18n
from ui.main_window import MainWindow

#: (language, queue to open on) -> a new main window for the signed-in user
WindowMaker = Callable[[str, str | None], MainWindow]


class LanguageHost(QObject):
    """Holds the translators and the session's main window; switches the language."""

    def __init__(self, app: QCoreApplication, translators: list[QTranslator],
                 language: str) -> None:
        super().__init__()
        self.app = app
        self.translators = translators
        self.language = language
        self.window: MainWindow | None = None
        self.make: WindowMaker | None = None
        self.wire: Callable[[MainWindow], None] = lambda _window: None

    def host(self, window: MainWindow, make: WindowMaker,
             wire: Callable[[MainWindow], None]) -> None:
        """The session's window, how to make it again in another language, and how to
        connect a window's signals (to the new one as to the first)."""
        self.window, self.make, self.wire = window, make, wire
        wire(window)

    def switch(self, language: str) -> None:
        old = self.window
        if language == self.language or old is None or self.make is None:
            return
        self.translators = i18n.switch(self.app, self.translators, language)
        self.language = language
        queue = old.queues.current_queue()
        number = old.workspace.number
        old.save_layout()  # the new window opens with the same geometry and columns
        old.persist_layout = False
        new = self.make(language, queue)
        if number:
            new.ready.connect(lambda: new.select_request(number))
        self.window = new
        self.wire(new)
        new.show()
        old.close()
        old.deleteLater()
