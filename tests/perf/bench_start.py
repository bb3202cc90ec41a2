"""Start benchmark: process spawn to the first queue page painted, side by side.

    QT_QPA_PLATFORM=offscreen python -m tests.perf.bench_start \
        [--db sqlite:////tmp/rit-perf-1000000.sqlite --as g.rossi] \
        [--package /tmp/root] [--runs 5]

Each run is a new process; the variants take turns (one run of each per round, so they
share the machine's load), and each gets its own empty XDG data/config/cache folders:

- ``bare``: a bare PySide6 window (QApplication, a QMainWindow of the app's size, first
  paint): the floor of any Qt start.
- ``minimal``: a minimal lazy list over the same rows: PySide6, the DB-API driver
  (the standard library's ``sqlite3``, or ``psycopg`` on PostgreSQL), a QTableView over a
  QAbstractTableModel holding the first page (200 rows of ``requests``, newest first)
  and the total.
- ``source``: the real app from this checkout (the ``rit-desk`` console script of the
  virtual environment, i.e. ``ui.cli.main.main``).
- ``before``: the real app from another source tree (``--before TREE``, e.g. the main
  branch from ``git archive``, with the compiled translations copied into it), run by the
  same Python: the code before a change, measured in the same rounds.
- ``package``: the real app from an unpacked Debian package (``ROOT/opt/rit-desk/rit-desk``,
  e.g. after ``dpkg-deb -x dist/rit-desk_*.deb ROOT``), started with ``env -i``.

The app reports the moment its queue table has painted real rows for the first time
(``ui/start_probe.py``, switched on by ``RIT_DESK_START_PROBE=quit``; it then quits), on
the same wall clock that the parent read just before spawning the process. Without
``--db`` the app opens the embedded default (created with the demo data by a first run
that is not counted); every variant has one such first run, so the bytecode caches
exist (``PYTHONDONTWRITEBYTECODE`` is taken out of the children's environment: with it a
source tree compiled its modules at every run, about 130 ms on this machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = "rit-desk: first page painted at"
SIZE = (1480, 900)

#: shared by the two baselines: report the first paint of WATCHED, then quit
PROBE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, report)
        return False

def report():
    print(f"@LINE@ {time.time():.6f}", file=sys.stderr, flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(@WIDTH@, @HEIGHT@)
probe = Probe()
"""

BARE = PROBE + r"""
from PySide6.QtWidgets import QLabel
window.setWindowTitle("RIT Desk")
window.setCentralWidget(QLabel("RIT Desk"))
window.installEventFilter(probe)
window.show()
app.exec()
"""

MINIMAL = PROBE + r"""
import sqlite3
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

COLUMNS = ("id", "customer_name", "subject", "state", "priority", "category", "created_at")

class Model(QAbstractTableModel):
    def __init__(self, path):
        super().__init__()
        con = sqlite3.connect(path)
        self.total = con.execute("SELECT count(*) FROM requests").fetchone()[0]
        self.rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM requests "
                                "ORDER BY id DESC LIMIT 200").fetchall()
    def rowCount(self, parent=QModelIndex()):
        return self.total
    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.row() < len(self.rows):
            return str(self.rows[index.row()][index.column()])
        return None

view = QTableView()
view.setModel(Model(sys.argv[1]))
@VIEW@"""


#: the same lazy list on PostgreSQL (psycopg, the DB-API driver the app uses)
MINIMAL_PG = MINIMAL.replace("import sqlite3", "import psycopg").replace(
    "con = sqlite3.connect(path)", "con = psycopg.connect(path, autocommit=True)")
VIEW = r"""
window.setCentralWidget(view)
view.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


def child(code: str) -> str:
    return (code.replace("@VIEW@", VIEW).replace("@LINE@", LINE).replace("@WIDTH@", str(SIZE[0]))
            .replace("@HEIGHT@", str(SIZE[1])))


def painted_ms(command: list[str], env: dict[str, str], cwd: str) -> float:
    t0 = time.time()
    proc = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    for line in proc.stderr.splitlines():
        if line.startswith(LINE):
            return (float(line.split()[-1]) - t0) * 1000
    raise RuntimeError(f"{command[0]}: no paint reported ({proc.returncode}): "
                       f"{proc.stderr[-2000:]}")


def source_command() -> list[str]:
    script = Path(sys.executable).with_name("rit-desk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from ui.cli.main import main; sys.exit(main())"]


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", help="database URL (default: the embedded demo database)")
    p.add_argument("--as", dest="actor", default="g.rossi", help="the staff user signed in")
    p.add_argument("--queue", default="all", help="the queue the app opens with")
    p.add_argument("--role", default="team_lead", help="the role of --as (for --queue)")
    p.add_argument("--package", metavar="ROOT", help="an unpacked .deb (ROOT/opt/rit-desk/rit-desk)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--before", metavar="TREE", help="another source tree, run as 'before'")
    p.add_argument("--only", nargs="*", choices=["bare", "minimal", "source", "before",
                                                 "package"])
    args = p.parse_args()

    with tempfile.TemporaryDirectory(prefix="rit-start-") as tmp:
        def env_for(kind: str) -> dict[str, str]:
            home = Path(tmp) / kind
            # the queue "All requests" (a team lead would start on the dashboard)
            conf = home / "config" / "RIT Desk" / "RIT Desk.conf"
            conf.parent.mkdir(parents=True, exist_ok=True)
            conf.write_text(f"[ui]\nqueue\\{args.role}={args.queue}\n")
            xdg = {"XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
                   "XDG_CACHE_HOME": f"{home}/cache"}
            if kind == "package":
                return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                        "RIT_DESK_START_PROBE": "quit", **xdg}
            # PYTHONDONTWRITEBYTECODE (set on some machines) would make every run of a
            # source tree compile its modules again: a start a workstation never sees
            env = {k: v for k, v in os.environ.items()
                   if not k.startswith("RIT_DESK_") and k != "PYTHONDONTWRITEBYTECODE"}
            env.update(QT_QPA_PLATFORM="offscreen", RIT_DESK_START_PROBE="quit",
                       HOME=str(home), **xdg)
            if kind == "source":
                env["PYTHONPATH"] = str(ROOT)
            if kind == "before":
                env["PYTHONPATH"] = str(args.before)
            return env

        # --as: signed in directly (without it a later start asks in the start dialog)
        app_args = [*(["--db", args.db] if args.db else []), "--as", args.actor]
        commands: dict[str, list[str]] = {"bare": [sys.executable, "-c", child(BARE)]}
        sqlite_file = None
        if args.db and args.db.startswith("sqlite:///"):
            sqlite_file = args.db.removeprefix("sqlite:///")
            commands["minimal"] = [sys.executable, "-c", child(MINIMAL), sqlite_file]
        elif args.db:  # psycopg's own URL: without SQLAlchemy's "+psycopg"
            commands["minimal"] = [sys.executable, "-c", child(MINIMAL_PG),
                                   args.db.replace("postgresql+psycopg://", "postgresql://")]
        commands["source"] = [*source_command(), *app_args]
        if args.before:
            commands["before"] = [sys.executable, "-c", "import sys; from ui.cli.main import "
                                  "main; sys.exit(main())", *app_args]
        if args.package:
            # /usr/bin/rit-desk links to /opt/rit-desk/rit-desk: its target in the tree
            commands["package"] = [str(Path(args.package) / "opt/rit-desk/rit-desk"), *app_args]
        kinds = [k for k in commands if not args.only or k in args.only]
        # a first run of each, not counted: the bytecode caches written, the embedded
        # demo database created (without --db), the files in the page cache, as at any
        # start after the first
        for kind in kinds:
            painted_ms(commands[kind], env_for(kind), tmp)
        times: dict[str, list[float]] = {k: [] for k in kinds}
        loads = [load()]
        for _ in range(args.runs):
            for kind in kinds:
                times[kind].append(painted_ms(commands[kind], env_for(kind), tmp))
        loads.append(load())

    where = args.db or "embedded SQLite with demo data"
    print(f"bench_start: spawn to first page of the queue '{args.queue}' painted, {where}; "
          f"{os.cpu_count()} cores, "
          f"{args.runs} runs each, load before {loads[0]} / after {loads[-1]}")
    for kind in kinds:
        values = times[kind]
        ratios = "".join(
            f"   {statistics.median(values) / statistics.median(times[base]):.2f}x {base}"
            for base in ("minimal", "bare") if base in times and base != kind)
        print(f"  {kind:<8} median {statistics.median(values):5.0f} ms   range "
              f"{min(values):.0f}-{max(values):.0f} ms   "
              f"({', '.join(f'{v:.0f}' for v in values)}){ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
