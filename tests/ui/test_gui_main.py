"""The entry point: screenshot mode, translations, first run of the embedded database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from tests.ui.conftest import WAIT_MS, Desk, Server
from ui import connection, gui_main, i18n, labels

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env_base: Path) -> subprocess.CompletedProcess[str]:
    """``rit-desk`` in a process of its own, as a user runs it (settings kept in tmp)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(env_base / "cfg"),
               XDG_CACHE_HOME=str(env_base / "cache"), XDG_DATA_HOME=str(env_base / "data"))
    env.pop("RIT_DESK_USER", None)
    return subprocess.run([sys.executable, "-c", "import sys; from ui.cli.main import main; "
                           "sys.exit(main(sys.argv[1:]))", *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
                          check=False)


def test_screenshot_renders_the_window_to_png(desk: Desk, desk_db: Database,
                                              tmp_path: Path) -> None:
    target = tmp_path / "shots" / "main.png"
    done = run_cli("--db", str(desk_db.url), "--as", desk.lead, "--lang", "en",
                   "--screenshot", str(target), env_base=tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= gui_main.SCREENSHOT_SIZE[0] and image.height() >= 600


def test_screenshot_of_an_unknown_user_fails_cleanly(desk: Desk, desk_db: Database,
                                                     tmp_path: Path) -> None:
    done = run_cli("--db", str(desk_db.url), "--as", "nobody", "--screenshot",
                   str(tmp_path / "x.png"), env_base=tmp_path)
    assert done.returncode == 2
    assert "utente inesistente: nobody" in done.stderr  # the GUI speaks Italian by default
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_italian_translation_is_loaded_from_the_ts(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, "it")
    try:
        assert installed
        assert labels.state_label("quoted") == "In attesa del cliente"
        assert labels.quote_kind_label("fixed") == "A corpo"
        assert labels.quote_kind_label("hourly") == "A consumo orario"
        assert labels.quote_state_label("accepted") == "Accettato"
        assert labels.state_label("accepted") == "Accettata"
    finally:
        i18n.uninstall(app, installed)
    assert labels.state_label("quoted") == "Awaiting customer"


def test_ts_fallback_without_lrelease(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "find_tool", lambda name: None)
    ts = i18n.I18N_DIR / "rit_desk_it.ts"
    monkeypatch.setattr(i18n, "qm_for", lambda path: None)
    translator = i18n.TsTranslator(ts)
    assert translator.translate("labels", "Fixed price") == "A corpo"
    assert translator.translate("RequestTableModel", "%n day(s) left", None, 1) == \
        "1 giorno rimasto"
    assert translator.translate("RequestTableModel", "%n day(s) left", None, 5) == \
        "5 giorni rimasti"


def test_every_italian_string_is_translated() -> None:
    import xml.etree.ElementTree as ET

    for ts in sorted(i18n.I18N_DIR.glob("*_it.ts")):
        root = ET.parse(ts).getroot()
        unfinished = [m.findtext("source") for m in root.iter("message")
                      if m.find("translation") is not None
                      and m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
        assert unfinished == [], ts.name


def test_first_run_creates_the_embedded_database_with_demo_data(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "embedded" / "rit-desk.sqlite3"
    monkeypatch.setattr(connection, "embedded_path", lambda: target)
    loaded: list[str | None] = []
    monkeypatch.setattr("app.services.demo.load_demo",
                        lambda db: loaded.append(db.url.database))
    assert connection.is_first_run()
    db = connection.open_embedded()
    try:
        # made aside, then moved into place whole (tests/ui/test_first_start_whole.py)
        assert target.exists() and loaded[0] == f"{target}.building"
        assert db.schema_is_current()
    finally:
        db.dispose()
    assert not connection.is_first_run()


@pytest.mark.postgres
def test_postgresql_start_signs_in_as_the_login(server: Server, tmp_path: Path) -> None:
    """``--db`` on PostgreSQL: the login is who works, no list to pick from; ``--as``
    naming someone else is refused (issue 8)."""
    login = server.login("lea", role="team_lead")
    url = server.url.set(username=login).render_as_string(hide_password=False)
    target = tmp_path / "pg.png"
    done = run_cli("--db", url, "--lang", "en", "--screenshot", str(target), env_base=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not QImage(str(target)).isNull()
    refused = run_cli("--db", url, "--as", "someone", "--lang", "en", "--screenshot",
                      str(tmp_path / "x.png"), env_base=tmp_path)
    assert refused.returncode == 2 and f"you are signed in as {login}" in refused.stderr
    assert not (tmp_path / "x.png").exists()


def test_the_first_run_shows_the_start_dialog_on_the_embedded_database(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        settings: QSettings) -> None:
    """Nobody is signed in unasked: the dialog opens on the embedded database, already
    connected, its demo staff listed; the user picks who works."""
    from PySide6.QtWidgets import QDialog

    from ui.start_dialog import StartDialog

    target = tmp_path / "embedded" / "rit-desk.sqlite3"
    monkeypatch.setattr(connection, "embedded_path", lambda: target)
    monkeypatch.setattr(gui_main, "is_first_run", connection.is_first_run)
    shown: list[StartDialog] = []

    def exec_(dialog: StartDialog) -> int:
        shown.append(dialog)
        # the whole demo data set is made first: 8 s quiet, 49 s seen at load 8-9
        qtbot.waitUntil(lambda: dialog.staff.count() > 0, timeout=5 * WAIT_MS)
        return int(QDialog.DialogCode.Rejected)  # what is asked is what matters here

    monkeypatch.setattr(StartDialog, "exec", exec_)
    assert gui_main._sign_in(None, None, settings, quiet=False) is None
    dialog = shown[0]
    assert dialog.profile.currentData() == connection.EMBEDDED
    assert "first start" in dialog.message.text()
    assert dialog.sign_in.isEnabled() and dialog.staff.count() >= 4
    dialog._forget_connection()
