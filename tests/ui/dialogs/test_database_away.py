"""Issue 9, part 5: while the database is away an edit in progress is never lost.

The composer, the work entry, the variation and the top-up dialogs stay open with what
was typed, say the database cannot be reached, and save when it answers again (the
connection monitor asks it every few milliseconds here). The database goes away as a
real one does for the app: every statement fails in the driver (``tests.faults.Outage``:
on PostgreSQL the server terminates the connection), through the real transaction wrapper,
on both databases.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.errors import DatabaseUnavailable
from app.services import customers
from app.services.queries import request_detail
from reports.quote_pdf import render_quote
from tests.conftest import WAIT_MS
from tests.faults import Outage
from tests.ui.dialogs.conftest import World, make_world
from tests.ui.dialogs.dialog_helpers import click, opened, type_cell, type_into
from tests.ui.dialogs.test_quote_composer_dialog import composer
from ui.connection_state import ConnectionMonitor, monitor_for
from ui.dialogs.base import ServiceDialog
from ui.dialogs.credit import CreditDialog
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    """The dialogs' world on SQLite and on PostgreSQL (this module's tests run on both)."""
    db = Database(db_url, renderer=render_quote)
    yield make_world(db, login=False)
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # no dialog's read still under way
    db.dispose()


@pytest.fixture
def outage(world: World) -> Iterator[Outage]:
    fault = Outage(world.db.engine)
    yield fault
    fault.remove()


@pytest.fixture
def monitor(world: World) -> ConnectionMonitor:
    found = monitor_for(world.db)
    found.probe_timer.setInterval(20)
    return found


def save_while_away(qtbot: QtBot, dialog: ServiceDialog, button: object, outage: Outage) -> None:
    """Click ``button`` with the database away: the dialog keeps everything and waits."""
    outage.down = True
    click(qtbot, dialog, button)  # type: ignore[arg-type]
    assert dialog.isVisible() and dialog.waiting
    assert dialog.retry_button is not None and dialog.retry_button.isVisible()
    assert "database" in dialog.message.text().lower()
    assert dialog.result() == dialog.DialogCode.Rejected  # not closed


def back(qtbot: QtBot, dialog: ServiceDialog, outage: Outage, monitor: ConnectionMonitor) -> None:
    """The database answers again: the monitor notices, the dialog saves and closes."""
    with qtbot.waitSignal(monitor.restored, timeout=5000):
        outage.down = False
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)


def test_a_top_up_waits_for_the_database(qtbot: QtBot, world: World, outage: Outage,
                                         monitor: ConnectionMonitor) -> None:
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "250")
    type_into(qtbot, dialog.text, "Bonifico 12/11")
    save_while_away(qtbot, dialog, dialog.ok_button, outage)
    assert not monitor.online
    assert (dialog.amount.text(), dialog.text.text()) == ("250", "Bonifico 12/11")
    assert outage.failures > 0

    back(qtbot, dialog, outage, monitor)
    customer = customers.get_customer(world.db, world.customer)
    assert customer.balance == Decimal("5250.00")
    assert [e.reference for e in customer.ledger].count("Bonifico 12/11") == 1


def test_work_is_logged_once_when_the_database_is_back(qtbot: QtBot, world: World,
                                                       outage: Outage,
                                                       monitor: ConnectionMonitor) -> None:
    number = world.accepted(kind="hourly")
    dialog = opened(qtbot, WorkEntryDialog(world.db, world.tech, number))
    type_into(qtbot, dialog.duration, "1:40")
    type_into(qtbot, dialog.note, "Aggiornamento PHP")
    save_while_away(qtbot, dialog, dialog.ok_button, outage)
    assert dialog.duration.text() == "1:40"
    back(qtbot, dialog, outage, monitor)
    assert [(w.minutes, w.note) for w in request_detail(world.db, number).work] == [
        (100, "Aggiornamento PHP")]


def test_a_variation_waits_and_is_proposed_once(qtbot: QtBot, world: World, outage: Outage,
                                                monitor: ConnectionMonitor) -> None:
    number = world.in_progress(kind="hourly")
    dialog = opened(qtbot, VariationDialog(world.db, world.tech, number))
    type_into(qtbot, dialog.amount, "450")
    type_into(qtbot, dialog.reason, "Più lavoro del previsto")
    save_while_away(qtbot, dialog, dialog.ok_button, outage)
    back(qtbot, dialog, outage, monitor)
    [variation] = request_detail(world.db, number).variations
    assert (variation.amount, variation.state) == (Decimal("450.00"), "proposed")


def test_a_quote_is_sent_when_the_database_is_back(qtbot: QtBot, world: World, outage: Outage,
                                                   monitor: ConnectionMonitor) -> None:
    number = world.taken(world.lead)
    dialog = composer(qtbot, world, number, world.lead)
    type_cell(qtbot, dialog.table, 0, 0, "Installazione PHP 8.3")
    type_cell(qtbot, dialog.table, 0, 2, "250")
    save_while_away(qtbot, dialog, dialog.send_button, outage)
    assert dialog.table.item(0, 0).text() == "Installazione PHP 8.3"  # type: ignore[union-attr]
    back(qtbot, dialog, outage, monitor)
    [quote] = request_detail(world.db, number).quotes
    assert (quote.state, quote.net) == ("sent", Decimal("250.00"))


def test_retry_now_and_entries_changed_while_waiting(qtbot: QtBot, world: World,
                                                     outage: Outage,
                                                     monitor: ConnectionMonitor) -> None:
    monitor.probe_timer.setInterval(60_000)  # only the user's Retry and the edits here
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "100")
    save_while_away(qtbot, dialog, dialog.ok_button, outage)
    assert dialog.retry_button is not None
    click(qtbot, dialog, dialog.retry_button)  # still away: still waiting
    assert dialog.waiting and dialog.isVisible()

    type_into(qtbot, dialog.amount, "120")  # the user changes the amount meanwhile
    outage.down = False
    with qtbot.waitSignal(monitor.restored):
        monitor.probe()
    assert not dialog.waiting and dialog.isVisible()  # not saved behind the user's back
    assert customers.get_customer(world.db, world.customer).balance == Decimal("5000.00")

    click(qtbot, dialog, dialog.ok_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert customers.get_customer(world.db, world.customer).balance == Decimal("5120.00")


def test_what_a_dialog_could_not_read_is_read_when_the_database_is_back(
        qtbot: QtBot, world: World, outage: Outage, monitor: ConnectionMonitor) -> None:
    outage.down = True
    dialog = CreditDialog(world.db, world.finance, world.poor, "topup")
    opened(qtbot, dialog)
    assert dialog.message.isVisible() and "Bianchi" not in dialog.name_value.text()
    assert not monitor.online  # the failed read said so
    with qtbot.waitSignal(monitor.restored, timeout=5000):
        outage.down = False
    qtbot.waitUntil(lambda: "Bianchi" in dialog.name_value.text(), timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_a_save_cut_off_while_committing_is_not_repeated(qtbot: QtBot, world: World,
                                                        monitor: ConnectionMonitor,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection broke during the commit: the top-up may be saved already, so the
    dialog says so and does not save it again when the database is back."""
    calls: list[str] = []

    def cut_off(*args: object, **kwargs: object) -> None:
        calls.append("topup")
        error = DatabaseUnavailable.of("the connection to {database} was lost while saving: "
                                       "the change may have been saved or not; reload and "
                                       "check before saving again ({detail})",
                                       database="db", detail="server closed the connection")
        error.maybe_committed = True
        raise error

    monkeypatch.setattr(customers, "topup", cut_off)
    dialog = opened(qtbot, CreditDialog(world.db, world.finance, world.customer, "topup"))
    type_into(qtbot, dialog.amount, "250")
    click(qtbot, dialog, dialog.ok_button)
    assert not dialog.waiting and dialog.isVisible()
    assert "potrebbe essere stata salvata" in dialog.message.text()  # Italian, as shown
    with qtbot.waitSignal(monitor.restored, timeout=5000):
        pass  # the monitor's probe: the database answers
    assert calls == ["topup"] and dialog.isVisible()
