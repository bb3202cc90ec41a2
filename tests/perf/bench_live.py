"""How soon a change committed at one workstation reaches another's GUI thread
(PostgreSQL LISTEN/NOTIFY, ``ui/live_updates.py``), against the polling it replaces.

    python -m tests.perf.bench_live [--server postgresql+psycopg://postgres@127.0.0.1:5432]
                                    [--repeat 20]

Makes a database of its own (dropped at the end). Each sample: a top-up is committed
by a second Database (another workstation), then the time until ``changed`` is
delivered in this process's Qt event loop. The baseline is the 3 s polling: a change is
seen after half the interval on average (1.5 s), 3 s at worst.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Slot
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.services import customers, staff
from ui.live_updates import LiveUpdates


class Receiver(QObject):
    """Lives in the GUI thread: its slot runs there (queued from the listening thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: list[float] = []

    @Slot()
    def told(self) -> None:
        self.arrived.append(time.perf_counter())


def run(server: str, repeat: int) -> None:
    app = QCoreApplication.instance() or QCoreApplication([])
    admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
    name = f"rit_bench_live_{os.getpid()}_{secrets.token_hex(3)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"{server}/{name}"
    here, there = Database(url), Database(url)
    try:
        here.upgrade_schema()
        staff.add_staff(there, None, "adm", name="Ada", role="admin", login=False)
        customers.add_customer(there, "adm", "C1", name="Uno", credit_amount="1")
        live = LiveUpdates(here)
        loop = QEventLoop()
        live.listening.connect(lambda _on: loop.quit())
        live.start()
        QTimer.singleShot(10000, loop.quit)
        loop.exec()
        assert live.active, "not listening"
        receiver = Receiver()
        arrived = receiver.arrived
        live.changed.connect(receiver.told)
        samples: list[float] = []
        calls: list[float] = []
        for _ in range(repeat):
            arrived.clear()
            started = time.perf_counter()
            customers.topup(there, "adm", "C1", "1")
            committed = time.perf_counter()  # the call has returned: it committed
            calls.append((committed - started) * 1000)
            deadline = committed + 5
            while not arrived and time.perf_counter() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            if arrived:
                samples.append((arrived[0] - committed) * 1000)
        live.stop(wait=2)
        print(f"bench_live: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
              f"{len(samples)} of {repeat} changes announced")
        print(f"  committed (the call returned) -> GUI thread told, ms: median "
              f"{statistics.median(samples):.2f} (range {min(samples):.2f}-{max(samples):.2f})")
        print(f"  the committing call itself, ms: median {statistics.median(calls):.1f} "
              f"(range {min(calls):.1f}-{max(calls):.1f})")
        print("  baseline, 3 s polling: 1500 ms on average, 3000 ms at worst")
    finally:
        here.dispose()
        there.dispose()
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    p.add_argument("--repeat", type=int, default=20)
    args = p.parse_args()
    run(args.server, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
