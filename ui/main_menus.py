"""The main window's menus (File, View with the queues, Request with the workspace's
actions, Language, Help), the keyboard shortcuts' table and the About box.

The window connects what the File, View and Help items do; the texts keep the
``MainWindow`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.domain import permissions
from ui.queue_panel import QueuePanel, queue_title

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for

#: the Request menu: the workspace's actions, in groups between separators
REQUEST_GROUPS = (("take", "assign", "set_priority", "decline", "cancel_request"),
                  ("new_quote", "edit_draft", "send_quote", "submit_quote", "delete_draft",
                   "preview_pdf", "extend_quote"),
                  ("approve_quote", "return_quote"),
                  ("log_work", "timer", "edit_work", "delete_work", "variation",
                   "withdraw_variation", "complete"),
                  ("add_note", "attach"),
                  ("topup", "adjust", "charge_document"))


def menu_titles() -> tuple[str, str, str, str, str]:
    """The menu bar's titles, in order (File, View, Request, Language, Help): what a
    staged window shows before its items, and the menus :class:`MainMenus` makes."""
    return (Q.translate("MainWindow", "&File"), Q.translate("MainWindow", "&View"),
            Q.translate("MainWindow", "&Request"), Q.translate("MainWindow", "&Language"),
            Q.translate("MainWindow", "&Help"))


class MainMenus(QObject):
    """The menu bar of ``window`` for a user of ``role``.

    ``request_actions`` are the workspace's actions (one QAction each, shared by its
    buttons and the Request menu; their shortcuts work in the whole window).
    """

    def __init__(self, window: QMainWindow, role: str, queues: QueuePanel,
                 request_actions: dict[str, QAction], settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._request_actions = request_actions
        menu = window.menuBar()
        file_title, view_title, request_title, language_title, help_title = menu_titles()
        file_menu = menu.addMenu(file_title)
        self.switch_action = file_menu.addAction(
            Q.translate("MainWindow", "&Switch user or database…"))
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.export_action = file_menu.addAction(Q.translate("MainWindow", "&Export quote PDFs…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.report_action = file_menu.addAction(Q.translate("MainWindow", "&Charges report…"))
        self.report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.report_action.setEnabled(permissions.may("view_finance", role))
        # the invoices and credit notes: read by team leads, finance and admins
        self.invoices_action = file_menu.addAction(Q.translate("MainWindow", "&Invoices…"))
        self.invoices_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.invoices_action.setEnabled(permissions.may("view_finance", role))
        # the price list: changed by team leads and admins, read-only for the others
        self.price_list_action = file_menu.addAction(Q.translate("MainWindow", "&Price list…"))
        self.price_list_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(Q.translate("MainWindow", "&Quit"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        view = menu.addMenu(view_title)
        self.find_action = view.addAction(Q.translate("MainWindow", "&Find requests"))
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.refresh_action = view.addAction(Q.translate("MainWindow", "&Refresh"))
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.focus_table_action = view.addAction(Q.translate("MainWindow", "Go to the &table"))
        self.focus_table_action.setShortcut(QKeySequence("Ctrl+G"))
        view.addSeparator()
        go = view.addMenu(Q.translate("MainWindow", "&Queues"))
        self.queue_actions: list[QAction] = []
        for i, name in enumerate(queues.names):
            action = go.addAction(queue_title(name))
            if i < 9:
                action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, n=name: queues.select_queue(n))
            self.queue_actions.append(action)

        request = menu.addMenu(request_title)
        request.setToolTipsVisible(True)
        for i, group in enumerate(REQUEST_GROUPS):
            if i:
                request.addSeparator()
            for name in group:
                request.addAction(request_actions[name])
                window.addAction(request_actions[name])

        language = menu.addMenu(language_title)
        self.language_group = QActionGroup(window)
        current = str(settings.value("ui/language", "it"))
        for code, text in (("it", "Italiano"), ("en", "English")):
            action = language.addAction(text)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_group.addAction(action)

        help_menu = menu.addMenu(help_title)
        self.shortcuts_action = help_menu.addAction(
            Q.translate("MainWindow", "&Keyboard shortcuts"))
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.about_action = help_menu.addAction(Q.translate("MainWindow", "&About RIT Desk"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self.about)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(text, keys) of every action with a shortcut, for the Help table."""
        actions = [self.find_action, self.refresh_action, self.focus_table_action,
                   *self._request_actions.values(), self.switch_action,
                   self.export_action, self.report_action, self.invoices_action,
                   self.price_list_action,
                   self.quit_action]
        return [(a.text().replace("&", ""),
                 a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in actions if not a.shortcut().isEmpty()]

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td>{text}</td><td><b>{keys}</b></td></tr>"
                       for text, keys in self.shortcut_rows())
        rows += "<tr><td>{}</td><td><b>Alt+1 … Alt+9</b></td></tr>".format(
            Q.translate("MainWindow", "Queues"))
        QMessageBox.information(self._window, Q.translate("MainWindow", "Keyboard shortcuts"),
                                f"<table cellspacing='6'>{rows}</table>")

    def about(self) -> None:
        QMessageBox.about(self._window, Q.translate("MainWindow", "About RIT Desk"),
                          Q.translate("MainWindow", "RIT Desk: technical intervention requests, "
                                      "quotes, work and charges."))
