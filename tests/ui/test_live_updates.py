"""Changes made at another workstation reach this one as they commit (LISTEN/NOTIFY on
PostgreSQL), without polling: the main window's poll timer is stopped in these tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.services import customers, requests, staff
from tests.faults import Outage
from tests.pg_cluster import PrivateCluster, private_cluster
from tests.ui.conftest import WAIT_MS, Desk, fake_render, make_desk
from tests.ui.test_main_window import open_window
from ui import live_updates
from ui.change_watch import LISTENING_POLL_INTERVAL_MS, POLL_INTERVAL_MS
from ui.live_updates import LiveUpdates
from ui.main_window import MainWindow


@pytest.fixture
def pair(db_url: str) -> Iterator[tuple[Database, Database]]:
    """This workstation's database and another workstation's, on the same database."""
    here = Database(db_url, renderer=fake_render)
    there = Database(db_url, renderer=fake_render)
    yield here, there
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # no read of a window still under way
    here.dispose()
    there.dispose()


def test_a_commit_elsewhere_is_announced(qtbot: QtBot, pair: tuple[Database, Database]) -> None:
    here, there = pair
    live = LiveUpdates(here)
    if not live.supported:  # SQLite: one workstation, nothing to listen to
        live.start()
        assert not live.active
        return
    with qtbot.waitSignal(live.listening, timeout=10000) as up:
        live.start()
    assert up.args == [True]
    staff.add_staff(there, None, "adm", name="Ada Admin", role="admin", login=False)
    try:
        with qtbot.waitSignal(live.changed, timeout=5000):
            customers.add_customer(there, "adm", "C9", name="Nove Srl", credit_amount="10")
    finally:
        live.stop(wait=2)


def test_the_main_window_follows_another_workstation(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings) -> None:
    here, there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    desk: Desk = make_desk(here)
    window = open_window(qtbot, desk, desk.lead, settings)  # its poll timer is stopped
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("new")
    before = window.table.model.rowCount()
    number = requests.submit_request(there, desk.customer, service=desk.service,
                                     category="ssl", subject="From the control panel")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 1, timeout=5000)
    assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]
    assert not window.poll_timer.isActive()
    thread = window.live._thread
    window.close()
    assert window.live._thread is None and thread is not None
    thread.join(5)  # the listening connection is closed as the thread ends
    assert not thread.is_alive()


def test_a_forged_notification_is_only_a_hint(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Any login may send a NOTIFY on the channel, with any payload: the window only reads
    the change marker again (issue 16). Nothing moved, so nothing is refreshed, and what
    the payload says (a request, a balance) is never read."""
    here, there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from app.services import queries

    desk: Desk = make_desk(here)
    window = open_window(qtbot, desk, desk.lead, settings)  # its poll timer is stopped
    qtbot.waitUntil(lambda: window.live.active and window.watch.marker is not None
                    and not window.watch.polling, timeout=10000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("new")
    shown = [window.table.model.request_at(i) for i in range(window.table.model.rowCount())]
    marker = window.watch.marker
    reads: list[tuple[int, int]] = []
    read = queries.last_change_marker

    def counted(db: Database) -> tuple[int, int]:
        reads.append(read(db))
        return reads[-1]

    monkeypatch.setattr(queries, "last_change_marker", counted)
    refreshed: list[bool] = []
    window.watch.changed.connect(lambda: refreshed.append(True))
    with there.engine.begin() as conn:
        conn.execute(text("SELECT pg_notify('rit_desk_changes', :p)"),
                     {"p": '999999; {"balance": "1000000.00", "state": "completed"}'})
    qtbot.waitUntil(lambda: bool(reads) and not window.watch.polling, timeout=5000)
    assert reads == [marker] and window.watch.marker == marker and not refreshed
    assert [window.table.model.request_at(i)
            for i in range(window.table.model.rowCount())] == shown
    window.close()


#: the listening connection's backend, as a DBA finds it (the application name, or what
#: it last ran)
LISTENER_PID = ("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() "
                "AND (application_name = 'rit-desk listener' OR query = 'LISTEN rit_desk_changes')")


def terminate_listener(db: Database) -> None:
    """What a server restart, a network drop or a DBA does to the listening connection."""
    with db.engine.connect() as conn:
        pids = list(conn.execute(text(LISTENER_PID)).scalars())
        assert len(pids) == 1, pids
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pids[0]}).scalar()


class Gate:
    """Holds the listener's next connection until opened (the database "comes back")."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.open.set()
        self.waiting = threading.Event()
        connect = live_updates.connect_listener

        def gated(db: Database) -> object:
            if not self.open.is_set():
                self.waiting.set()
                self.open.wait(10)
            return connect(db)

        monkeypatch.setattr(live_updates, "connect_listener", gated)


def test_a_lost_listener_falls_back_at_once_and_catches_up(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The listening connection breaks: the window asks the database at once (it does not
    wait for the next, 30 s, poll) and polls fast; when it listens again it reads the change
    marker once, so what was committed meanwhile (announced to nobody) is shown."""
    here, there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    gate = Gate(monkeypatch)
    desk: Desk = make_desk(here)
    window = open_window(qtbot, desk, desk.lead, settings)  # its poll timer is stopped
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)
    with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
        window.queues.select_queue("new")
    before = window.table.model.rowCount()
    assert window.poll_timer.interval() == LISTENING_POLL_INTERVAL_MS

    gate.open.clear()  # the listener's next connection waits
    with qtbot.waitSignal(window.live.listening, timeout=5000) as lost:
        terminate_listener(there)
    assert lost.args == [False]
    assert window.watch.polling  # asked at once whether the database answers
    assert window.poll_timer.interval() == POLL_INTERVAL_MS
    qtbot.waitUntil(lambda: not window.watch.polling, timeout=5000)
    assert window.connection.online  # it does: only the listener was lost

    # committed while nobody listens: no notification will ever announce it
    number = requests.submit_request(there, desk.customer, service=desk.service,
                                     category="ssl", subject="While not listening")
    assert gate.waiting.wait(10)
    with qtbot.waitSignal(window.live.listening, timeout=10000) as back:
        gate.open.set()
    assert back.args == [True]
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 1, timeout=5000)
    assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]
    assert window.poll_timer.interval() == LISTENING_POLL_INTERVAL_MS

    # and announcements arrive again
    number = requests.submit_request(there, desk.customer, service=desk.service,
                                     category="ssl", subject="Listening again")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 2, timeout=5000)
    assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]
    assert not window.poll_timer.isActive()  # never by polling


def test_a_lost_listener_shows_an_unreachable_database_at_once(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings) -> None:
    """The server went away (here: every statement of this workstation fails): the window
    says "disconnected" as soon as the listener breaks, not at the next, 30 s, poll."""
    here, there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    desk: Desk = make_desk(here)
    window = open_window(qtbot, desk, desk.lead, settings)
    window.connection.probe_timer.setInterval(60_000)
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)
    outage = Outage(here.engine, down=True)
    try:
        with qtbot.waitSignal(window.connection.lost, timeout=5000):
            terminate_listener(there)
        assert "Disconnected" in window.connection_label.text()
        assert not window.connection_label.isHidden()
    finally:
        outage.remove()
    with qtbot.waitSignal(window.connection.restored, timeout=10000):
        window.connection.probe()
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)


def test_closing_the_window_stops_listening_quietly(
        qtbot: QtBot, pair: tuple[Database, Database], settings: QSettings,
        qtlog: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting while the listener runs: the thread ends with the window, without a word
    (once: "Signal source has been deleted" from the thread, the window being gone)."""
    here, _there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    desk: Desk = make_desk(here)
    window = MainWindow(desk.ctx(desk.lead), settings=settings)  # not qtbot's: deleted here
    window.persist_layout = False  # not shown: it starts as an unseen window does
    qtbot.waitUntil(lambda: window.live.active, timeout=10000)
    thread = window.live._thread
    assert thread is not None
    window.close()  # as quitting does
    shiboken6.delete(window)  # and the window is gone at once
    thread.join(5)
    assert not thread.is_alive()
    QCoreApplication.sendPostedEvents()  # whatever the thread posted: delivered or dropped
    assert raised == []
    assert [record.message for record in qtlog.records] == []
    assert listener_pids(here) == []  # its connection is closed


def test_a_listener_deleted_unstopped_ends_its_thread(
        qtbot: QtBot, pair: tuple[Database, Database], qtlog: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its owner deleted without being closed (no stop()): the thread ends all the same,
    quietly, and closes its connection."""
    here, _there = pair
    if here.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    owner = QObject()
    live = LiveUpdates(here, owner)
    with qtbot.waitSignal(live.listening, timeout=10000):
        live.start()
    thread = live._thread
    assert thread is not None
    shiboken6.delete(owner)
    thread.join(5)
    assert not thread.is_alive()
    QCoreApplication.sendPostedEvents()
    assert raised == []
    assert [record.message for record in qtlog.records] == []
    assert listener_pids(here) == []


def listener_pids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(LISTENER_PID)).scalars())


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    """A PostgreSQL server of this test's own, to stop and start (never the shared one)."""
    yield from private_cluster()


@pytest.mark.postgres
@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_a_server_restart_is_shown_at_once_and_followed_after(
        qtbot: QtBot, cluster: PrivateCluster, settings: QSettings, mode: str) -> None:
    """The server stops: "disconnected" at once, told by the listener's loss (the window's
    poll timer is stopped here, as it would wait up to 30 s); it starts again: the window
    says so, listens again, and follows another workstation's changes as they commit."""
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "rit_live_restart"'))
    admin.dispose()
    url = cluster.url.rsplit("/", 1)[0] + "/rit_live_restart"
    here = Database(url, renderer=fake_render)
    there = Database(url, renderer=fake_render)
    try:
        here.upgrade_schema()
        desk: Desk = make_desk(here)
        window = open_window(qtbot, desk, desk.lead, settings)
        window.connection.probe_timer.setInterval(100)
        qtbot.waitUntil(lambda: window.live.active, timeout=10000)
        with qtbot.waitSignal(window.table.model.loaded, timeout=5000):
            window.queues.select_queue("new")
        before = window.table.model.rowCount()

        with qtbot.waitSignal(window.connection.lost, timeout=10000):
            cluster.stop(mode)
        assert "Disconnected" in window.connection_label.text()
        assert not window.live.active
        assert window.poll_timer.interval() == POLL_INTERVAL_MS

        with qtbot.waitSignal(window.connection.restored, timeout=30000):
            cluster.start()
        qtbot.waitUntil(lambda: window.live.active, timeout=15000)
        assert "Reconnected" in window.connection_label.text()
        number = requests.submit_request(there, desk.customer, service=desk.service,
                                         category="ssl", subject="After the restart")
        qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 1, timeout=5000)
        assert window.table.model.request_at(0).number == number  # type: ignore[union-attr]
        window.close()
    finally:
        QThreadPool.globalInstance().waitForDone(WAIT_MS)
        here.dispose()
        there.dispose()
