"""Starting the desktop app imports neither the PDF renderer nor Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.reports.quote_samples import hourly_quote
from ui.connection import make_database, render_quote_lazily

ROOT = Path(__file__).resolve().parents[2]


def test_start_modules_do_not_import_reports_or_alembic() -> None:
    probe = ("import sys, ui.gui_main, ui.main_window, ui.connection; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('reports', 'reportlab', 'alembic')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_lazy_renderer_is_the_real_one(tmp_path: Path) -> None:
    from reports.quote_pdf import render_quote

    db = make_database(f"sqlite:///{tmp_path / 'lazy.sqlite3'}")
    try:
        assert db.renderer is render_quote_lazily
    finally:
        db.dispose()
    document = hourly_quote("en")
    assert render_quote_lazily(document) == render_quote(document)
