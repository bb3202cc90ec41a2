"""The free-text boxes outside the dialogs: the customers panel's filter and the start
dialog's server fields refuse a NUL (or another control character) and more characters
than the rule takes, at the box, in the app's words, and read, connect or save nothing
(the queue's search box: tests/ui/test_search_box.py; the dialogs' fields:
tests/ui/dialogs/test_text_fields.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.errors import DatabaseUnavailable
from tests.ui.conftest import Desk
from tests.ui.test_main_window import open_window
from tests.ui.test_search_box import Statements, any_desk  # noqa: F401 - a fixture
from ui import start_dialog
from ui.main_window import MainWindow
from ui.start_dialog import StartDialog, load_profiles


def _customers(qtbot: QtBot, desk: Desk, settings: QSettings) -> MainWindow:
    window = open_window(qtbot, desk, desk.finance, settings)
    window.show()
    with qtbot.waitSignal(window.customers.loaded, timeout=5000):
        window.queues.select_queue("customers")
    qtbot.waitUntil(lambda: window.customers.current_code() is not None)  # its ledger read
    return window


@pytest.mark.parametrize(("typed", "said"), [
    ("Rossi\x00", "The search contains control characters"),
    ("\x1b[2J", "The search contains control characters"),
    ("Rossi " * 20_000, "The search is too long (32767 characters, at most 200)"),
], ids=["nul", "escape", "pasted-100k"])
def test_the_customer_filter_refuses_at_the_box(qtbot: QtBot, any_desk: Desk,  # noqa: F811
                                                settings: QSettings, typed: str,
                                                said: str) -> None:
    window = _customers(qtbot, any_desk, settings)
    panel = window.customers
    shown = panel.proxy.rowCount()
    assert shown == 2
    current = panel.current_code()
    statements = Statements(any_desk.db)
    try:
        panel.filter.setText(typed)  # as a paste does
        assert panel.filter_error.isVisible() and panel.filter_error.text() == said
        assert panel.filter.toolTip() == said
        assert statements.sent == []
    finally:
        statements.remove()
    assert panel.proxy.rowCount() == shown  # the list keeps what it shows
    assert panel.current_code() == current
    assert window.statusBar().currentMessage() == ""

    panel.filter.setText("bianchi")  # mended: filtered, the message goes
    assert not panel.filter_error.isVisible() and panel.filter.toolTip() == ""
    assert panel.proxy.rowCount() == 1


def test_the_customer_filter_in_italian(qtbot: QtBot, any_desk: Desk,  # noqa: F811
                                        settings: QSettings, italian: None) -> None:
    panel = _customers(qtbot, any_desk, settings).customers
    panel.filter.setText("a\x00b")
    assert panel.filter_error.text() == "La ricerca contiene caratteri di controllo"


@pytest.fixture
def new_profile(qtbot: QtBot, settings: QSettings,
                monkeypatch: pytest.MonkeyPatch) -> tuple[StartDialog, list[Any]]:
    """A new PostgreSQL profile typed in; connecting is recorded, never done."""
    opened: list[Any] = []

    def open_server(*args: Any, **options: Any) -> None:  # options: the standby
        opened.append(args)
        raise DatabaseUnavailable("not connecting in this test")

    monkeypatch.setattr(start_dialog, "open_server", open_server)
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    dialog.name.setText("office")
    dialog.host.setText("127.0.0.1")
    dialog.database.setText("rit")
    dialog.db_user.setText("desk")
    return dialog, opened


FIELDS = {
    "profile name": ("name", "Profile name", 120),
    "host": ("host", "Host", 253),
    "database": ("database", "Database name", 63),
    "user": ("db_user", "Username", 40),
}


@pytest.mark.parametrize("typed", ["127\x00.0.0.1", "de\tsk", "h" * 100_000],
                         ids=["nul", "tab", "pasted-100k"])
@pytest.mark.parametrize("field", list(FIELDS))
def test_a_server_field_refuses_at_the_field(qtbot: QtBot, settings: QSettings,
                                             new_profile: tuple[StartDialog, list[Any]],
                                             field: str, typed: str) -> None:
    dialog, opened = new_profile
    attribute, what, most = FIELDS[field]
    box: QLineEdit = getattr(dialog, attribute)
    box.setText(typed)
    said = (f"{what} contains control characters" if len(typed) < 100
            else f"{what} is too long (32767 characters, at most {most})")
    errors = [label.text() for label in dialog.findChildren(start_dialog.QLabel)
              if label.isVisible() and label.text() == said]
    assert errors == [said] and box.toolTip() == said
    dialog.sign_in.click()  # neither signing in
    dialog.save_button.click()  # nor saving the profile
    assert opened == [] and load_profiles(settings) == []
    assert dialog.message.isHidden() and dialog.result_value is None
    assert dialog.sign_in.isEnabled()

    box.setText("ok")  # mended: the message goes, signing in connects
    assert said not in [label.text() for label in dialog.findChildren(start_dialog.QLabel)
                        if label.isVisible()]
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)


def test_a_password_with_a_nul_is_refused(qtbot: QtBot,
                                          new_profile: tuple[StartDialog, list[Any]],
                                          italian: None) -> None:
    dialog, opened = new_profile
    dialog.password.setText("se\x00cret")
    assert dialog.password.toolTip() == ("Una password ha da 1 a 200 caratteri, senza "
                                         "caratteri di controllo")
    dialog.sign_in.click()
    assert opened == []


def test_the_password_asked_at_start_refuses_a_nul(qapp: object,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``rit-desk-gui --db URL`` when the server asks for a password: a NUL in it would
    end it for libpq (a shorter password tried in silence); refused, asked again."""
    from ui import gui_main

    typed = iter([("se\x00cret", True), ("x" * 201, True), ("secret", True)])
    warned: list[str] = []
    monkeypatch.setattr(gui_main.QInputDialog, "getText", lambda *_a: next(typed))
    monkeypatch.setattr(gui_main.QMessageBox, "warning",
                        lambda _parent, _title, text: warned.append(text))
    assert gui_main._ask_password("db.example:5432") == "secret"
    assert warned == ["A password is 1 to 200 characters, without control characters"] * 2
    monkeypatch.setattr(gui_main.QInputDialog, "getText", lambda *_a: ("", False))
    assert gui_main._ask_password("db.example:5432") is None  # cancelled
