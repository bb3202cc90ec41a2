"""The desktop app paints its first queue page before importing the heavy modules.

What the start waits for is measured by ``tests/perf/bench_start.py``; these tests make
sure the lazy imports stay lazy: a heavy module imported before the first page is
painted fails them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.floor import deferred
from app.services import queries
from app.services import settings as settings_service
from tests.conftest import demo_database
from tests.reports.quote_samples import hourly_quote
from tests.ui.conftest import Desk
from ui.connection import make_database, render_quote_lazily
from ui.context import AppContext
from ui.main_menus import menu_titles
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

#: not needed to paint the first page (issue 21, "start at the floor"): SQLAlchemy (Core
#: too), the ORM and everything built on it, the services, the PDFs, the migrations, the
#: dialogs and the commands
HEAVY = ("sqlalchemy", "app.db.database", "app.db.models", "app.services", "reports",
         "reportlab", "alembic", "ui.dialogs", "ui.start_dialog", "ui.cli.commands",
         "ui.cli.finance", "stdnum", "app.domain.invoices")
#: of those, what the first page may use: the queue's plain data classes (no SQL; not
#: even the services' other views, app.services.dto)
PLAIN = ("app.services", "app.services.queue_rows")
#: the rest of the window, made once the first page is painted (``MainWindow(staged=True)``)
REST = ("ui.workspace", "ui.tabs", "ui.customers_panel", "ui.change_watch",
        "ui.deadline_keeper", "ui.connection_state", "ui.read_source", "ui.banner",
        "ui.running_timer", "ui.workspace_actions", "ui.finance.dashboard")

#: runs the real entry point; prints the heavy modules loaded when the first page has
#: been painted, and again once the start has finished (the window is ready), then quits
CHILD = r"""
import json, sys
import ui.start_probe as probe
HEAVY, PLAIN = (tuple(names) for names in json.loads(sys.argv[1]))

def loaded():
    return sorted(m for m in sys.modules if m.startswith(HEAVY) and m not in PLAIN)

def install(table):
    window = table.window()
    table.first_rows_painted.connect(lambda: print("PAINTED", json.dumps(loaded()), flush=True))
    def ready():
        print("READY", json.dumps(loaded()), flush=True)
        # the window is whole: the menus' items, the workspace, the status bar's labels
        print("WHOLE", json.dumps([len(window.menus.queue_actions) > 0,
                                   window.splitter.widget(2) is window.workspace,
                                   window.statusBar().findChildren(type(window.db_label))[0]
                                   is not None]), flush=True)
        window.close()

    window.ready.connect(ready)

probe.install = install
from ui.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.cli.main import main; sys.exit(main())",
         "--db", f"sqlite:///{path}", "init", "--demo"], cwd=ROOT, capture_output=True,
        text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def start_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with the demo data: the embedded kind, or the run's PostgreSQL one (the
    test signs in as its superuser, naming the staff member with --as)."""
    if request.param == "sqlite":
        return f"sqlite:///{request.getfixturevalue('demo_file')}"
    db = demo_database(request, tmp_path_factory)
    db.dispose()
    return db.url.render_as_string(hide_password=False)


def test_first_page_is_painted_before_the_heavy_imports(tmp_path: Path, start_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIT_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([HEAVY + REST, PLAIN]), "--db", start_url,
         "--as", "l.ferrari"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120)
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines()
                 if line.startswith(("PAINTED ", "READY ", "WHOLE ")))
    assert set(lines) == {"PAINTED", "READY", "WHOLE"}, (result.stdout, result.stderr)
    assert json.loads(lines["PAINTED"]) == []
    # then the start finishes: the services are there before the first click needs them,
    # and the rest of the window has been made
    after = json.loads(lines["READY"])
    assert "app.services.queries" in after and "sqlalchemy.orm" in after
    assert "ui.workspace" in after and "ui.customers_panel" in after
    assert json.loads(lines["WHOLE"]) == [True, True, True]


def test_the_command_line_entry_point_imports_no_command_module() -> None:
    probe = ("import json, sys, ui.cli.main; print(json.dumps(sorted(m for m in sys.modules "
             f"if m.startswith({HEAVY!r}) and m not in {PLAIN!r})))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout) == []


def test_start_modules_do_not_import_reports_or_alembic() -> None:
    probe = ("import sys, ui.gui_main, ui.main_window, ui.connection; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('reports', 'reportlab', 'alembic')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_window_reads_its_first_page_once(qtbot: QtBot, desk: Desk, settings: QSettings,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """One page read at start (the view's own sort no longer reads a page of its own),
    through the floor's DB-API reads."""
    calls: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(deferred, "first_page", counted("first", deferred.first_page))
    monkeypatch.setattr(queries, "list_requests", counted("list", queries.list_requests))
    window = MainWindow(desk.ctx(desk.tech), settings=settings)  # "mine" first
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        pass
    window.poll_timer.stop()
    assert calls == ["first"]
    assert window.table.queue == "mine" and window.table.model.rowCount() == 4


def test_the_send_limit_default_is_the_settings_default() -> None:
    assert AppContext.send_limit == Decimal(settings_service.DEFAULTS["tech_send_limit"])


def test_the_lazy_renderer_is_the_real_one(tmp_path: Path) -> None:
    from reports.quote_pdf import render_quote

    db = make_database(f"sqlite:///{tmp_path / 'lazy.sqlite3'}")
    try:
        assert db.renderer is render_quote_lazily
    finally:
        db.dispose()
    document = hourly_quote("en")
    assert render_quote_lazily(document) == render_quote(document)


def _items(window: MainWindow) -> list[int]:
    """How many items each menu of the menu bar has."""
    menus = [a.menu() for a in window.menuBar().actions()]
    return [len(m.actions()) if isinstance(m, QMenu) else -1 for m in menus]


def test_a_staged_window_paints_its_queue_first_then_becomes_whole(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    """The desktop app's own start (``staged``): the queues and the table first, with the
    menu bar's titles and the status bar in their places; the rest once the first page is
    painted, without moving what is on screen; then the window works as a whole one."""
    window = MainWindow(desk.ctx(desk.lead), settings=settings, start="all", staged=True)
    qtbot.addWidget(window)
    window.persist_layout = False
    assert not hasattr(window, "workspace") and not hasattr(window, "menus")
    assert [a.text() for a in window.menuBar().actions()] == list(menu_titles())
    assert _items(window) == [0, 0, 0, 0, 0]
    seen: dict[str, object] = {}

    def painted() -> None:  # what the user sees at the first paint
        seen["built"] = hasattr(window, "workspace")
        seen["table_at"] = window.table.mapTo(window, QPoint(0, 0))
        seen["table_size"] = window.table.size()

    window.table.first_rows_painted.connect(painted)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30000):
        pass
    window.poll_timer.stop()
    assert seen["built"] is False
    # nothing moved when the rest arrived
    assert window.table.mapTo(window, QPoint(0, 0)) == seen["table_at"]
    assert window.table.size() == seen["table_size"]
    # whole: the same titles, now with their items; the workspace in its place
    assert [a.text() for a in window.menuBar().actions()] == list(menu_titles())
    assert all(_items(window))
    assert window.splitter.count() == 3 and window.splitter.widget(2) is window.workspace
    bar = [w for w in window.statusBar().findChildren(QWidget) if w.parent() is not None]
    assert window.connection_label in bar and window.db_label in bar
    # and it is used as a whole one: a queue from the View menu, a request opened
    completed = window.menus.queue_actions[window.queues.names.index("completed")]
    completed.trigger()
    qtbot.waitUntil(lambda: window.table.queue == "completed", timeout=30000)
    window.queues.select_queue("all")
    qtbot.waitUntil(lambda: window.table.queue == "all" and window.table.model.rowCount() > 0,
                    timeout=30000)
    window.table.select_first()
    qtbot.waitUntil(lambda: window.workspace.number != 0 and window.workspace.isVisible(),
                    timeout=30000)


def test_the_start_paints_its_window_with_the_first_rows(
        qtbot: QtBot, desk: Desk, settings: QSettings) -> None:
    """The first page, read on the worker thread while the window is made, is taken
    before the window is shown: its first paint is of the rows (not empty, then again)."""
    window = MainWindow(desk.ctx(desk.lead), settings=settings, start="all", staged=True)
    qtbot.addWidget(window)
    window.persist_layout = False
    assert window.take_first_rows(30.0)
    assert window.table.model.rowCount() > 0 and not hasattr(window, "workspace")
    painted: list[int] = []
    window.table.first_rows_painted.connect(lambda: painted.append(1))
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30000):
        pass
    window.poll_timer.stop()
    assert painted == [1] and hasattr(window, "workspace")


def test_a_first_page_not_read_in_time_follows_the_window(
        qtbot: QtBot, desk: Desk, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first page still being read (held here) is not waited for: the window is shown
    without it and its rows arrive as any query's."""
    import threading

    release = threading.Event()
    real = deferred.first_page

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(deferred, "first_page", held)
    window = MainWindow(desk.ctx(desk.lead), settings=settings, start="all", staged=True)
    qtbot.addWidget(window)
    window.persist_layout = False
    assert not window.take_first_rows(0.05)
    assert window.table.model.rowCount() == 0
    window.show()
    release.set()
    with qtbot.waitSignal(window.ready, timeout=30000):
        pass
    window.poll_timer.stop()
    assert window.table.model.rowCount() > 0 and hasattr(window, "workspace")
