"""The start dialog: profiles without passwords, readable connection errors, sign-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app import config
from app.db.database import Database
from tests.ui.conftest import Desk
from ui import connection, start_dialog
from ui.start_dialog import StartDialog, friendly_error, load_profiles


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
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=15000)
    assert "cannot be reached" in dialog.message.text()
    assert not dialog.sign_in.isEnabled()


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
