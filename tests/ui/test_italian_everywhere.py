"""Issue 17: the Italian app speaks Italian everywhere a user looks, Qt's own dialogs too.

A word-list check, like the glossary's and the dates' tests: the main window of each
role is walked in Italian (the dashboard, the queues, each tab of the workspace, the
customers' view with its ledger, the accounts at risk), and so are Qt's own file
dialog and message box as the app opens them; a common English word left on any of them
fails the test.  What the test data itself says (English subjects, names) is not the
app's to translate and is taken out first.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from tests.ui.handled import handled, mark_handled
from tests.ui.test_dates_on_screen import open_window, visible_texts
from ui.main_window import MainWindow

#: common English words of the app's own texts that are no Italian word ("state", "date",
#: "all", "no", "per" are Italian words too, so they are not listed)
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|to|select|loading|look in|files of type|file name|request|"
    r"requests|quote|quotes|customer|customers|credit|charge|charged|refund|refunded|"
    r"top-up|adjustment|balance|total|hours|work|priority|assignee|subject|service|"
    r"category|save|cancel|close|open|search|filter|new|draft|sent|accepted|initial|"
    r"reason|amount|month|months|ceiling|technician|unassigned|days|left|expires|"
    r"yes|refresh|print|export|details|history|notes|valid|until|none|missing|"
    r"directory|folder|back|forward|detail view|list view|size|type|kind|when|who)\b",
    re.IGNORECASE)

PATH = re.compile(r"\S*[/\\]\S*")


def test_the_word_list_finds_english() -> None:
    """The check can fail: the texts the issue saw are caught, their Italian is not."""
    for english in ("initial credit", "&Look in:", "Files of &type:", "Select a request",
                    "Total paid"):
        assert ENGLISH.search(english.replace("&", "")), english
    for italian in ("credito iniziale", "Cerca in:", "File di tipo:", "Totale pagato",
                    "Seleziona una richiesta…", "sono state inviate all'intervento"):
        assert not ENGLISH.search(italian), italian


def _data(desk: Desk) -> list[str]:
    """What the test data says in English (subjects, names, a line, a note), longest first."""
    subjects = ["Renew the SSL certificate", "Zabbix agent", "Harden SSH access",
                "Tune MySQL buffers", "Backup to cloud storage", "Migrate the website",
                "Install Plesk"]
    names = ["Ada Admin", "Lea Lead", "Tom Tech", "Tina Tech", "Fin Ance", desk.service]
    return sorted([*subjects, *names, "first pass", "Work"], key=len, reverse=True)


def english_left(root: QWidget, data: list[str]) -> list[tuple[str, str]]:
    found = []
    for where, text in visible_texts(root):
        if PATH.fullmatch(text):  # a file or the database's address, not words
            continue
        plain = text.replace("&", "")
        for said in data:
            plain = plain.replace(said, "")
        if ENGLISH.search(plain):
            found.append((where, text))
    return sorted(set(found))


def _walk_requests(qtbot: QtBot, window: MainWindow, data: list[str]) -> list[tuple[str, str]]:
    found = english_left(window, data)
    for queue in ("all", "quoted", "in_progress"):
        with qtbot.waitSignal(window.table.model.loaded, timeout=10000):
            window.queues.select_queue(queue)
        qtbot.waitUntil(lambda: window.table.model.rowCount() > 0, timeout=10000)
        found += english_left(window, data)
        with qtbot.waitSignal(window.workspace.loaded, timeout=10000):
            window.table.select_first()
        for i in range(window.workspace.tabs.count()):
            window.workspace.tabs.setCurrentIndex(i)
            found += [(f"{queue}/{window.workspace.tabs.tabText(i)}: {where}", text)
                      for where, text in english_left(window, data)]
    return found


@pytest.mark.usefixtures("italian")
def test_the_lead_meets_no_english(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.lead, settings, lang="it")
    found = _walk_requests(qtbot, window, _data(desk))  # the dashboard first: the lead's start
    assert found == [], "\n".join(f"{where}: {text!r}" for where, text in sorted(set(found)))


@pytest.mark.usefixtures("italian")
def test_finance_meets_no_english(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    window = open_window(qtbot, desk, desk.finance, settings, lang="it")
    data = _data(desk)
    found = english_left(window, data)
    window.queues.select_queue("at_risk")
    qtbot.waitUntil(lambda: window.centre.currentWidget() is not None, timeout=10000)
    found += english_left(window, data)
    with qtbot.waitSignal(window.customers.loaded, timeout=10000):
        window.queues.select_queue("customers")
    window.customers.select_code(desk.customer)
    qtbot.waitUntil(lambda: window.customers.ledger.topLevelItemCount() > 0, timeout=10000)
    ledger = [text for _, text in visible_texts(window.customers.ledger)]
    assert "credito iniziale" in ledger, ledger  # the services' own reference, in Italian
    found += english_left(window, data)
    assert found == [], "\n".join(f"{where}: {text!r}" for where, text in sorted(set(found)))


@pytest.mark.usefixtures("italian")
def test_qt_own_dialogs_speak_italian(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's catalogue (qtbase_it) and the gaps it leaves (resources/i18n/qtbase_gaps_it.ts):
    the file dialog's "Look in:" and "Files of type:", its kinds of file, the message
    box's buttons."""
    (tmp_path / "cartella").mkdir()
    (tmp_path / "addebiti.csv").write_text("1;2\n", encoding="utf-8")
    # names of folders (the dialog lists the root's and the path's) are not words to translate
    folders = sorted({*tmp_path.parts[1:], *os.listdir("/")}, key=len, reverse=True)
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog = QFileDialog(None, "Esporta", str(tmp_path), "CSV (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        def listed(d: QFileDialog = dialog) -> bool:  # the folder is read on a Qt thread
            return "addebiti.csv" in [text for _, text in visible_texts(d)]

        qtbot.waitUntil(listed, timeout=10000)
        texts = [text for _, text in visible_texts(dialog)]
        assert "&Cerca in:" in texts and "File di &tipo:" in texts, texts
        assert "Cartella" in texts, texts
        # (a size is written in the system's language, QLocale::system(), not the app's)
        sizes = [f"{size} bytes" for size in range(4097)]
        assert english_left(dialog, ["CSV", *folders, *reversed(sizes)]) == []
        dialog.close()
    box = QMessageBox(QMessageBox.Icon.Question, "Esporta", "Sovrascrivere il file?")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close)
    assert english_left(box, []) == []
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Sì", "No", "Annulla", "Chiudi"}


class DialogWalker:
    """Each modal dialog as it opens: once it has read what it needs, its English words are
    noted and it is closed unsaved."""

    def __init__(self, data: list[str]) -> None:
        self.data = data
        self.seen: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._handle)
        self.timer.start()

    def _handle(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible() or \
                handled(dialog) or getattr(dialog, "loading", False):
            return
        mark_handled(dialog)
        name = type(dialog).__name__
        self.seen.append(name)
        self.found += [(f"{name}: {where}", text) for where, text in english_left(dialog, self.data)]
        QDialog.done(dialog, int(QDialog.DialogCode.Rejected))


@pytest.mark.usefixtures("italian")
def test_the_workspace_dialogs_speak_italian(qtbot: QtBot, desk: Desk,
                                             settings: QSettings) -> None:
    """The dialogs a team lead opens from the workspace of an in-progress request, each the
    way a user does (the action of its button, menu item and shortcut)."""
    window = open_window(qtbot, desk, desk.lead, settings, lang="it")
    ws = window.workspace
    with qtbot.waitSignal(ws.loaded, timeout=10000):
        window.select_request(desk.numbers["in_progress"])
    walker = DialogWalker(_data(desk))
    try:
        for name in ("assign", "set_priority", "log_work", "variation", "complete",
                     "preview_pdf", "cancel_request"):
            qtbot.waitUntil(lambda n=name: ws.actions_by_name[n].isEnabled(),  # type: ignore[misc]
                            timeout=10000)
            count = len(walker.seen)
            ws.actions_by_name[name].trigger()
            qtbot.waitUntil(lambda c=count: len(walker.seen) > c,  # type: ignore[misc]
                            timeout=10000)
            qtbot.waitUntil(lambda: not ws.loading, timeout=10000)
    finally:
        walker.timer.stop()
    assert len(walker.seen) == 7, walker.seen
    found = sorted(set(walker.found))
    assert found == [], "\n".join(f"{where}: {text!r}" for where, text in found)


@pytest.mark.usefixtures("italian")
def test_the_price_list_speaks_italian(qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    """File > Listino… for a team lead: the list with every category and its buttons."""
    from app.services import catalogue

    catalogue.add_item(desk.db, desk.lead, "SSL-DV", description="SSL", price="79",
                       category="ssl")
    catalogue.add_item(desk.db, desk.lead, "SYS-HOUR", description="Sistemista", price="55",
                       unit="hour")
    window = open_window(qtbot, desk, desk.lead, settings, lang="it")
    walker = DialogWalker([*_data(desk), "SSL-DV", "SYS-HOUR", "SSL"])
    try:
        window.menus.price_list_action.trigger()
        qtbot.waitUntil(lambda: len(walker.seen) == 1, timeout=10000)
    finally:
        walker.timer.stop()
    assert walker.seen == ["PriceListWindow"] and walker.found == []
