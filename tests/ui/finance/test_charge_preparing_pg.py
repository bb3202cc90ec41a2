"""PostgreSQL, in the real main window: a charge's document is the worker's (issue 18).

Finance opens "Charge document" (the workspace action) right after the charge: the
dialog says "Documento in preparazione…" with print and export disabled, and waits off
the GUI thread; the worker stores the document; the dialog shows it and print and export
are enabled. With no worker running, the wait ends in a message saying so.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.services import billing, staff, worker
from tests.ui.conftest import Desk, make_desk
from tests.ui.test_every_action import open_window, show
from ui.context import AppContext
from ui.finance.charge_dialog import ChargeDialog
from ui.finance.documents import renderers
from ui.main_window import MainWindow

pytestmark = [pytest.mark.postgres,
              pytest.mark.parametrize("db_url", [pytest.param("postgresql")], indirect=True)]

def _charged(desk: Desk) -> int:
    number = desk.numbers["in_progress"]
    billing.complete_request(desk.db, desk.tech2, number)  # the workstation stores nothing
    return number


def _drive(window: MainWindow, step: Callable[[ChargeDialog], bool], seconds: float = 90) -> None:
    """Trigger "Charge document" and call ``step`` on the open dialog every 50 ms, inside
    its modal loop, until it returns True (then the dialog is closed)."""
    deadline = time.monotonic() + seconds
    timer = QTimer()
    timer.setInterval(50)

    def tick() -> None:
        dialogs = [d for d in window.open_dialogs()
                   if isinstance(d, ChargeDialog) and d.isVisible()]
        if not dialogs:
            return
        if step(dialogs[0]) or time.monotonic() > deadline:
            timer.stop()
            dialogs[0].reject()

    timer.timeout.connect(tick)
    timer.start()
    try:
        window.workspace.actions_by_name["charge_document"].trigger()
    finally:
        timer.stop()


@pytest.fixture
def station(db: Database) -> Iterator[tuple[Desk, Database]]:
    """The desk (made by the trusted login) and a workstation signed in as a finance
    login of its own (logins are the cluster's: named for the run, dropped after)."""
    desk = make_desk(db)
    login = f"cp{secrets.token_hex(3)}_fin"
    staff.add_staff(db, desk.admin, login, name="Flora Finance", role="finance")
    desk.finance = login
    signed_in = Database(make_url(str(db.url)).set(username=login), renderer=db.renderer)
    try:
        yield desk, signed_in
    finally:
        signed_in.dispose()
        with db.engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{login}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            conn.commit()


def _window(qtbot: QtBot, station: tuple[Desk, Database], settings: QSettings
            ) -> tuple[MainWindow, int]:
    desk, signed_in = station
    number = _charged(desk)
    ctx = AppContext(signed_in, staff.get_staff(signed_in, desk.finance), "it")
    window = open_window(qtbot, ctx, settings)
    show(qtbot, window, number)
    return window, number


def test_the_document_is_prepared_by_the_worker_and_then_printable(
        qtbot: QtBot, db: Database, station: tuple[Desk, Database], settings: QSettings,
        tmp_path: Path, italian: None) -> None:
    window, number = _window(qtbot, station, settings)
    seen: dict[str, object] = {}

    def step(dialog: ChargeDialog) -> bool:
        if "waiting" not in seen:
            if not dialog.loading:
                return False
            seen["waiting"] = (dialog.heading.text(), dialog.print_button.isEnabled(),
                               dialog.pdf_button.isEnabled())
            dialog.grab().save(str(tmp_path / "charge_preparing_it.png"))  # looked at
            seen["done"] = [d.job for d in worker.run_once(db, renderers=renderers())]
            return False
        if dialog.made is None or dialog.loading:
            return False
        seen["shown"] = (dialog.made.name, dialog.print_button.isEnabled(),
                         dialog.pdf_button.isEnabled(), dialog.page_count)
        dialog.grab().save(str(tmp_path / "charge_stored_it.png"))
        return True

    _drive(window, step)
    assert seen["waiting"] == ("Documento in preparazione…", False, False)
    assert "document_stored" in seen["done"]  # type: ignore[operator]
    assert seen["shown"] == (f"RIT-{number:06d}", True, True, 1)


def test_without_a_worker_the_wait_ends_with_a_clear_message(
        qtbot: QtBot, station: tuple[Desk, Database], settings: QSettings, tmp_path: Path,
        italian: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ChargeDialog, "wait_seconds", 1.0)
    window, _number = _window(qtbot, station, settings)
    seen: dict[str, object] = {}

    def step(dialog: ChargeDialog) -> bool:
        if dialog.loading or not dialog.message.isVisible():
            return False
        seen["message"] = dialog.message.text()
        seen["print"] = dialog.print_button.isEnabled()
        dialog.grab().save(str(tmp_path / "charge_no_worker_it.png"))
        return True

    _drive(window, step)
    assert "il worker è in funzione" in str(seen["message"]) and seen["print"] is False
