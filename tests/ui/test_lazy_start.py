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
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.floor import deferred
from app.services import queries
from app.services import settings as settings_service
from tests.conftest import demo_database
from tests.reports.quote_samples import hourly_quote
from tests.ui.conftest import Desk
from ui.connection import make_database, render_quote_lazily
from ui.context import AppContext
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

#: not needed to paint the first page (issue 21, "start at the floor"): SQLAlchemy (Core
#: too), the ORM and everything built on it, the services, the PDFs, the migrations, the
#: dialogs and the commands
HEAVY = ("sqlalchemy", "app.db.database", "app.db.models", "app.services", "reports",
         "reportlab", "alembic", "ui.dialogs", "ui.start_dialog", "ui.cli.commands",
         "ui.cli.finance", "stdnum", "app.domain.invoices")
#: of those, what the first page may use: the services' plain data classes (no SQL)
PLAIN = ("app.services", "app.services.dto")

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
    window.ready.connect(lambda: (print("READY", json.dumps(loaded()), flush=True),
                                  window.close()))

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
        [sys.executable, "-c", CHILD, json.dumps([HEAVY, PLAIN]), "--db", start_url,
         "--as", "l.ferrari"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120)
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines()
                 if line.startswith(("PAINTED ", "READY ")))
    assert set(lines) == {"PAINTED", "READY"}, (result.stdout, result.stderr)
    assert json.loads(lines["PAINTED"]) == []
    # then the start finishes: the services are there before the first click needs them
    after = json.loads(lines["READY"])
    assert "app.services.queries" in after and "sqlalchemy.orm" in after


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
