"""Issue 21 in the start dialog: a PostgreSQL profile names the standby its reports are
read from ("Standby for reports": host or host:port, the same database, login and
password). Saved with the profile (never a password), checked as it is typed, and the
database signed in to reads through it. The desktop's ``--read-db`` beside the embedded
file: refused in one line. The replica itself: tests/ui/test_standby_window.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.standby import standby_address
from app.domain.errors import ValidationError
from tests.ui.conftest import Desk, Server
from tests.ui.test_gui_main import run_cli
from tests.ui.test_start_dialog import _new_profile
from ui import start_dialog
from ui.connection import Profile
from ui.start_dialog import StartDialog, load_profiles


def test_the_standby_of_a_profile() -> None:
    assert standby_address("") is None and standby_address("  ") is None
    assert standby_address("replica.example") == ("replica.example", 5432)
    assert standby_address("replica.example:5433") == ("replica.example", 5433)
    for refused in (":5433", "replica:0", "replica:70000", "rep\x1blica"):
        with pytest.raises(ValidationError):
            standby_address(refused)
    profile = Profile("office", "db.example", 5432, "rit desk", "ada", "replica.example:5433")
    assert profile.standby_url_text() == "postgresql+psycopg://replica.example:5433/rit%20desk"
    assert Profile("office").standby_url_text() is None


def test_saved_with_the_profile_and_checked_as_typed(qtbot: QtBot, settings: QSettings) -> None:
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData(start_dialog.NEW_PROFILE))
    dialog.name.setText("office")
    dialog.host.setText("db.example")
    dialog.database.setText("rit")
    dialog.db_user.setText("desk")
    dialog.standby.setText("replica.example:99999")
    dialog.save_button.click()
    assert load_profiles(settings) == []  # refused: said under the field, nothing saved
    dialog.standby.setText("replica.example:5433")
    dialog.save_button.click()
    assert [(p.name, p.standby) for p in load_profiles(settings)] == [
        ("office", "replica.example:5433")]
    again = StartDialog(settings)
    qtbot.addWidget(again)
    again.profile.setCurrentIndex(again.profile.findData("office"))
    assert again.standby.text() == "replica.example:5433"


@pytest.mark.postgres
def test_signed_in_with_a_standby(qtbot: QtBot, settings: QSettings, server: Server) -> None:
    """The server named as its own standby: signed in, reads routed through it (the
    server is no standby, so the primary answers them: tests/app/test_standby_pg.py)."""
    login = server.login("fin", role="finance")
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    _new_profile(dialog, server.url, login)
    dialog.standby.setText(f"{server.url.host}:{server.url.port or 5432}")
    with qtbot.waitSignal(dialog.accepted):
        dialog.sign_in.click()
    assert dialog.result_value is not None
    db, person = dialog.result_value
    try:
        assert person.username == login and db.standby is not None
        assert (db.standby.db.url.username, db.standby.db.url.database) == (
            login, server.url.database)
        assert db.standby.db.read_only
    finally:
        db.dispose()


def test_read_db_beside_the_embedded_file_is_refused(desk: Desk, desk_db: Database,
                                                     tmp_path: Path) -> None:
    done = run_cli("--db", str(desk_db.url), "--read-db", "postgresql://replica.example/rit",
                   "--as", desk.lead, "--screenshot", str(tmp_path / "x.png"),
                   env_base=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == ("rit-desk: un database di lettura (--read-db) richiede un primario "
                           "PostgreSQL: il file SQLite integrato non ha uno standby\n")
    assert not (tmp_path / "x.png").exists()
