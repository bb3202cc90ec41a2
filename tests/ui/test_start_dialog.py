"""The start dialog: profiles without passwords, readable connection errors, sign-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from app import config
from app.db.database import Database
from app.services.dto import StaffView
from tests.cli.test_bad_input_cli import PasswordRefusingServer
from tests.ui.conftest import WAIT_MS, Desk, Server
from ui import connection, gui_main, start_dialog
from ui.connection import Profile
from ui.start_dialog import StartDialog, friendly_error, load_profiles

Signed = tuple[Database, StaffView]


def test_profile_is_saved_without_password(qtbot: QtBot, settings: QSettings) -> None:
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    dialog.name.setText("office")
    dialog.host.setText("db.example")
    dialog.port.setValue(5433)
    dialog.database.setText("rit")
    dialog.db_user.setText("desk")
    dialog.password.setText("s3cret")
    dialog.save_button.click()
    profiles = load_profiles(settings)
    assert [(p.name, p.host, p.port, p.database, p.user) for p in profiles] == \
        [("office", "db.example", 5433, "rit", "desk")]
    settings.sync()
    with open(settings.fileName(), encoding="utf-8") as handle:
        assert "s3cret" not in handle.read()


def test_no_keyring_backend_is_explained(qtbot: QtBot, settings: QSettings,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "keyring_status",
                        lambda: config.KeyringStatus(False, "no keyring backend"))
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "No keyring" in dialog.keyring_note.text()


def test_unreachable_server_gives_a_clear_message(qtbot: QtBot, settings: QSettings) -> None:
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.database.setText("rit")
    dialog.db_user.setText("desk")
    dialog.password.setText("x")
    assert "cannot be reached" in _sign_in_fails(qtbot, dialog)  # and "Sign in" may retry


def test_wrong_password_message() -> None:
    text = friendly_error('connection failed: FATAL:  password authentication failed for user "x"',
                          "db:5432")
    assert text.startswith("The server refused the user name or password.")


def test_embedded_connect_lists_staff_and_signs_in(qtbot: QtBot, settings: QSettings, desk: Desk,
                                                  desk_db: Database,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(start_dialog, "open_embedded",
                        lambda: connection.make_database(str(desk_db.url)))
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.profile.currentData() == connection.EMBEDDED
    assert dialog.server_box.isHidden()
    dialog.connect_button.click()
    qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=5000)
    assert dialog.staff.count() == 5
    assert dialog.staff.currentData() == desk.lead  # a team lead by default
    dialog.staff.setCurrentIndex(dialog.staff.findData(desk.finance))
    dialog.sign_in.click()
    assert dialog.result_value is not None
    db, person = dialog.result_value
    assert person.username == desk.finance and person.role == "finance"
    assert settings.value(start_dialog.LAST_USER_KEY) == desk.finance
    db.dispose()


def test_enter_signs_in_once_connected(qtbot: QtBot, settings: QSettings, desk: Desk,
                                       desk_db: Database,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen under Xvfb: once connected, Connect stayed the default button, so Enter in the
    staff list connected again in place of signing in."""
    monkeypatch.setattr(start_dialog, "open_embedded",
                        lambda: connection.make_database(str(desk_db.url)))
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.connect_button.isDefault() and not dialog.sign_in.isDefault()
    qtbot.keyClick(dialog.profile, Qt.Key.Key_Return)  # Enter connects
    qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=5000)
    assert dialog.sign_in.isDefault() and not dialog.connect_button.isDefault()
    assert dialog.staff.hasFocus() or not dialog.isActiveWindow()
    qtbot.keyClick(dialog.staff, Qt.Key.Key_Return)  # Enter signs in
    assert dialog.result_value is not None
    db, person = dialog.result_value
    assert person.username == desk.lead
    db.dispose()


def test_editing_the_connection_makes_connect_the_default_again(
        qtbot: QtBot, settings: QSettings, desk: Desk, desk_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(start_dialog, "open_embedded",
                        lambda: connection.make_database(str(desk_db.url)))
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.connect_button.click()
    qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=5000)
    assert dialog.sign_in.isDefault()
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    assert dialog.sign_in.isDefault()  # a server profile signs in in one step
    dialog.profile.setCurrentIndex(dialog.profile.findData(connection.EMBEDDED))
    assert dialog.connect_button.isDefault() and not dialog.sign_in.isDefault()


# -- PostgreSQL: the login is who works ---------------------------------------------------


def _new_profile(dialog: StartDialog, url: URL, user: str, name: str = "office") -> None:
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    dialog.name.setText(name)
    dialog.host.setText(url.host or "localhost")
    dialog.port.setValue(url.port or 5432)
    dialog.database.setText(url.database or "")
    dialog.db_user.setText(user)


def _sign_in_fails(qtbot: QtBot, dialog: StartDialog) -> str:
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=15000)
    assert dialog.result_value is None and dialog.sign_in.isEnabled()
    return dialog.message.text()


@pytest.mark.postgres
def test_new_postgresql_profile_signs_in_as_the_login(qtbot: QtBot, settings: QSettings,
                                                      server: Server) -> None:
    """Issue 9.5: "Sign in" with a new, unsaved profile works the first time, and under
    trust authentication no password is asked for; issue 8: no list of people."""
    login = server.login("tom")
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    _new_profile(dialog, server.url, login)
    assert dialog.staff.isHidden() and dialog.connect_button.isHidden()
    assert dialog.sign_in.isEnabled() and dialog.password.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.sign_in.click()
    assert dialog.result_value is not None
    db, person = dialog.result_value
    try:
        assert (person.username, person.name, person.role) == (login, "Tom", "technician")
        assert db.identity().login == login
    finally:
        db.dispose()
    assert [p.name for p in load_profiles(settings)] == ["office"]
    assert settings.value(start_dialog.LAST_USER_KEY) == login


@pytest.mark.postgres
def test_each_refusal_has_its_own_message(qtbot: QtBot, settings: QSettings,
                                          server: Server) -> None:
    cases = [
        (server.login("gone", active=False), "was deactivated in this database"),
        (server.login("nostaff", role=None), "has no staff record in this database"),
        (server.login("off", can_log_in=False), "is disabled on the server"),
        (f"{server.run}_nobody", "There is no login"),
    ]
    for login, expected in cases:
        dialog = StartDialog(settings)
        qtbot.addWidget(dialog)
        _new_profile(dialog, server.url, login)
        text_ = _sign_in_fails(qtbot, dialog)
        assert expected in text_ and login in text_, text_


def test_the_password_is_asked_for_only_when_the_server_asks(
        qtbot: QtBot, settings: QSettings) -> None:
    """No password typed or remembered: tried without; the server asks: say so; a wrong
    one: refused."""
    refusing = PasswordRefusingServer()
    try:
        dialog = StartDialog(settings)
        qtbot.addWidget(dialog)
        _new_profile(dialog, make_url(f"postgresql+psycopg://x@127.0.0.1:{refusing.port}/rit"),
                     "alice")
        assert "asks for a password" in _sign_in_fails(qtbot, dialog)
        assert refusing.passwords == []  # nothing was sent
        assert dialog.password.hasFocus() or QApplication.focusWidget() is None
        dialog.password.setText("wrong-one")
        dialog.message.hide()
        message = _sign_in_fails(qtbot, dialog)
        assert "refused the user name or password" in message and "wrong-one" not in message
        assert refusing.passwords == [b"wrong-one"]
    finally:
        refusing.close()



def test_the_first_run_welcome_is_shown_whole(qtbot: QtBot, settings: QSettings, desk: Desk,
                                              desk_db: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen under Xvfb: the first run's welcome was cut after a line and a half."""
    monkeypatch.setattr(start_dialog, "open_embedded",
                        lambda: connection.make_database(str(desk_db.url)))
    dialog = StartDialog(settings, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=5000)
    label = dialog.message
    assert "Welcome" in label.text()

    def whole() -> bool:
        return (label.height() >= label.heightForWidth(label.width())
                and label.geometry().bottom() < dialog.staff.geometry().top())

    qtbot.waitUntil(whole, timeout=3000)
    dialog.reject()



# -- a start after the first: the last profile again, without a click ----------------------


def _start(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, settings: QSettings,
           user: Callable[[StartDialog], None]) -> tuple[Signed | None, StartDialog]:
    """A start after the first, as the app makes it (gui_main._sign_in): its dialog shown
    and handed to ``user``, who waits and types what a person would."""
    shown: list[StartDialog] = []

    def exec_(dialog: StartDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        user(dialog)
        return int(dialog.result())

    monkeypatch.setattr(gui_main, "is_first_run", lambda: False)
    monkeypatch.setattr(StartDialog, "exec", exec_)
    signed = gui_main._sign_in(None, None, settings, quiet=False)
    return signed, shown[0]


def test_a_later_start_lists_the_embedded_staff_and_enter_signs_in(
        qtbot: QtBot, settings: QSettings, desk: Desk, desk_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every start after the first needed two clicks, "Connect" then "Sign in": now the
    embedded database is connected by itself, the last user picked, and Enter signs in."""
    monkeypatch.setattr(start_dialog, "open_embedded",
                        lambda: connection.make_database(str(desk_db.url)))
    settings.setValue(start_dialog.LAST_USER_KEY, desk.finance)

    def user(dialog: StartDialog) -> None:
        qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=WAIT_MS)  # nothing clicked
        assert dialog.staff.currentData() == desk.finance and dialog.sign_in.isDefault()
        qtbot.keyClick(dialog.staff, Qt.Key.Key_Return)

    signed, dialog = _start(qtbot, monkeypatch, settings, user)
    assert signed is not None and signed[1].username == desk.finance
    assert "Connected to" in dialog.message.text()
    signed[0].dispose()


@pytest.mark.postgres
def test_a_later_start_signs_in_with_the_keyrings_password(
        qtbot: QtBot, settings: QSettings, server: Server,
        monkeypatch: pytest.MonkeyPatch) -> None:
    login = server.login("lea", role="team_lead")
    profile = Profile("office", server.url.host or "localhost", server.url.port or 5432,
                      server.url.database or "", login)
    start_dialog.save_profiles(settings, [profile])
    settings.setValue(start_dialog.LAST_PROFILE_KEY, "office")
    asked: list[str] = []

    def from_keyring(url: URL) -> str | None:
        asked.append(str(url))
        return "remembered"  # trust authentication: the server does not ask for it

    monkeypatch.setattr(config, "password_from_keyring", from_keyring)
    signed, dialog = _start(qtbot, monkeypatch, settings, lambda dialog: qtbot.waitUntil(
        lambda: dialog.result_value is not None or not dialog.message.isHidden(),
        timeout=WAIT_MS))  # nothing typed, nothing clicked
    assert signed is not None, dialog.message.text()
    try:
        assert signed[1].username == login and signed[0].identity().login == login
        assert asked and all(login in url for url in asked)
    finally:
        signed[0].dispose()


@pytest.mark.postgres
def test_a_later_start_without_a_remembered_password_waits_for_enter(
        qtbot: QtBot, settings: QSettings, server: Server,
        monkeypatch: pytest.MonkeyPatch) -> None:
    login = server.login("tom")
    profile = Profile("office", server.url.host or "localhost", server.url.port or 5432,
                      server.url.database or "", login)
    start_dialog.save_profiles(settings, [profile])
    settings.setValue(start_dialog.LAST_PROFILE_KEY, "office")
    monkeypatch.setattr(config, "password_from_keyring", lambda url: None)

    def user(dialog: StartDialog) -> None:
        assert dialog.profile.currentData() == "office"
        assert dialog.result_value is None and dialog.message.isHidden()  # not tried alone
        assert dialog.sign_in.isDefault()
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # trust: no password needed

    signed, _dialog = _start(qtbot, monkeypatch, settings, user)
    assert signed is not None and signed[1].username == login
    signed[0].dispose()
