"""Issue 21 in the real main window: a finance login whose profile names a hot standby
(a real streaming replica: tests/pg_replica.py). The status bar says how far behind the
standby is; the charges report opened from the Finance menu, the dashboard and the
accounts at risk say which database answered them, and equal what the primary says. The
standby stopped: the status bar and the report say that the primary answers, and why.
Also in Italian, and rendered to PNG (``RIT_DESK_SHOTS=folder`` keeps them)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.services import charges_report
from tests.conftest import fake_renderer
from tests.pg_replica import FIN, FIN_PASSWORD, Pair, month, replica_pair
from ui.connection import signed_in
from ui.context import AppContext
from ui.finance.report_dialogs import ChargesReportDialog
from ui.main_window import MainWindow
from ui.queue_panel import AT_RISK, DASHBOARD


@pytest.fixture(scope="module")
def pair() -> Iterator[Pair]:
    yield from replica_pair()


@pytest.fixture
def fin_db(pair: Pair) -> Iterator[Database]:
    with contextlib.suppress(RuntimeError):  # already running
        pair.replica.start()
    pair.replayed()
    url = make_url(pair.url(pair.primary, FIN)).set(password=FIN_PASSWORD)
    db = Database(url, renderer=fake_renderer)
    db.use_standby(pair.standby_text())
    yield db
    db.dispose()


def shot(widget: object, name: str, tmp_path: Path) -> None:
    """The widget as a PNG (kept where ``RIT_DESK_SHOTS`` says, to be looked at)."""
    folder = Path(os.environ.get("RIT_DESK_SHOTS", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]


def open_window(qtbot: QtBot, db: Database, settings: QSettings, lang: str) -> MainWindow:
    window = MainWindow(AppContext(db, signed_in(db), lang), settings=settings)
    window.poll_timer.stop()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    if not window.is_ready:
        with qtbot.waitSignal(window.ready):
            pass
    return window


def says(label: QLabel, text: str) -> Callable[[], bool]:
    return lambda: label.text() == text


def with_report(qtbot: QtBot, window: MainWindow,
                steps: Callable[[ChargesReportDialog], None]) -> None:
    """The charges report opened as a user opens it (Finance menu: a modal dialog);
    ``steps`` run in it once it is made, then it is closed."""
    failed: list[BaseException] = []

    def drive(dialog: QDialog) -> None:
        def run() -> None:
            try:
                assert isinstance(dialog, ChargesReportDialog)
                first, last = month()  # this month's: the charges are today's
                dialog.first.setDate(QDate(first.year, first.month, first.day))
                dialog.last.setDate(QDate(last.year, last.month, last.day))
                qtbot.waitUntil(lambda: dialog.made is not None and not dialog.loading)
                dialog.show_button.click()
                qtbot.waitUntil(lambda: dialog.made is not None and not dialog.loading)
                steps(dialog)
            except BaseException as exc:  # raised below, out of the dialog's event loop
                failed.append(exc)
            finally:
                dialog.reject()

        QTimer.singleShot(0, run)

    window.finance.dialog_opened.connect(drive)
    try:
        window.menus.report_action.trigger()
    finally:
        window.finance.dialog_opened.disconnect(drive)
    if failed:
        raise failed[0]


def test_the_window_says_which_database_answered(qtbot: QtBot, pair: Pair, fin_db: Database,
                                                 settings: QSettings, english: None,
                                                 tmp_path: Path) -> None:
    window = open_window(qtbot, fin_db, settings, "en")
    label = window.standby_label
    qtbot.waitUntil(says(label, "Standby: up to date"))
    assert label.isVisible()

    def from_the_standby(dialog: ChargesReportDialog) -> None:
        assert dialog.source.isVisible()
        assert dialog.source.text() == "Read from the standby (up to date)"
        options = dialog.options()
        primary = charges_report.charges_report(fin_db, FIN, options.first, options.last)
        assert primary.totals.count == 2 and "2 charges" in dialog.heading.text()
        shot(window, "standby-window-en", tmp_path)
        shot(dialog, "standby-report-en", tmp_path)

    with_report(qtbot, window, from_the_standby)
    for page in (DASHBOARD, AT_RISK):
        shown = window.finance.page(page)
        window.queues.select_queue(page)
        qtbot.waitUntil(says(shown.source,  # type: ignore[attr-defined]
                             "Read from the standby (up to date)"))

    pair.replica.stop()
    try:
        label.probe()
        qtbot.waitUntil(says(label, "Reports from the primary: the standby cannot be reached"))
        tip = label.toolTip()  # the server's words, as the app says them: never the password
        assert "Connection refused" in tip and FIN_PASSWORD not in tip and "***" in tip

        def from_the_primary(dialog: ChargesReportDialog) -> None:
            assert dialog.source.text() == (
                "Read from the primary: the standby cannot be reached")
            assert "2 charges" in dialog.heading.text()
            shot(dialog, "standby-report-away-en", tmp_path)

        with_report(qtbot, window, from_the_primary)
    finally:
        pair.replica.start()


def test_in_italian(qtbot: QtBot, pair: Pair, fin_db: Database, settings: QSettings,
                    italian: None, tmp_path: Path) -> None:
    from tests.ui.test_italian_everywhere import english_left

    window = open_window(qtbot, fin_db, settings, "it")
    label = window.standby_label
    qtbot.waitUntil(says(label, "Standby: aggiornato"))
    assert english_left(window.statusBar(), ["Fin Login"]) == []

    def in_italian(dialog: ChargesReportDialog) -> None:
        assert dialog.source.text() == "Letto dallo standby (aggiornato)"
        shot(window, "standby-window-it", tmp_path)
        shot(dialog, "standby-report-it", tmp_path)
        assert english_left(dialog, []) == []

    with_report(qtbot, window, in_italian)
