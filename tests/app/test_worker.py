"""The worker's deadlines (issue 18), on SQLite and PostgreSQL, with the clock moved.

Each job is run by :func:`worker.run_once` as the worker does; every item is done once,
with its audit event and the customer's notice, and a second round does nothing.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain.errors import StateError
from app.services import billing, customers, quotes, variations, work, worker
from app.services import settings as settings_service
from app.services.request_views import customer_notices
from tests.app.conftest import World
from tests.conftest import FakeClock


def jobs(db: Database) -> list[tuple[str, str]]:
    return [(d.job, d.subject) for d in worker.run_once(db)]


def kinds(db: Database, code: str = "ACME") -> list[str]:
    return sorted(n.kind for n in customer_notices(db, code))


def actions(db: Database, action: str) -> int:
    with db.read() as session:
        return len(session.scalars(select(m.AuditEvent.id)
                                   .where(m.AuditEvent.action == action)).all())


def test_quote_reminded_once_then_expired_at_its_date(world: World, clock: FakeClock) -> None:
    db = world.db
    number = world.request()
    quote_id = world.fixed_quote(number)  # valid 30 days
    ref = f"RIT-{number:06d}/1"
    clock.now += timedelta(days=26)
    assert jobs(db) == []  # 4 days left: not yet
    clock.now += timedelta(days=1)
    assert jobs(db) == [("quote_reminder", ref)]  # 3 days left (quote_reminder_days)
    assert jobs(db) == []  # once
    assert kinds(db).count("quote_reminder") == 1 and actions(db, "quote_reminded") == 1
    clock.now += timedelta(days=3)
    assert jobs(db) == []  # its last valid day
    assert quotes.get_quote(db, quote_id).stored_state == "sent"
    clock.now += timedelta(days=1)
    assert jobs(db) == [("quote_expired", ref)]
    assert quotes.get_quote(db, quote_id).stored_state == "expired"
    with db.read() as session:
        assert session.get(m.Request, number).state == "expired"  # type: ignore[union-attr]
    assert jobs(db) == []
    assert kinds(db).count("quote_expired") == 1 and actions(db, "quote_expired") == 1
    expired = next(n for n in customer_notices(db, "ACME") if n.kind == "quote_expired")
    assert expired.request_number == number and expired.payload["reference"] == ref


def test_reminder_days_setting_and_zero_switches_it_off(world: World, clock: FakeClock) -> None:
    db = world.db
    settings_service.set_setting(db, "admin", "quote_reminder_days", "0")
    world.fixed_quote(world.request())
    clock.now += timedelta(days=30)
    assert jobs(db) == []
    settings_service.set_setting(db, "admin", "quote_reminder_days", "10")
    assert [j for j, _ in jobs(db)] == ["quote_reminder"]


def test_variation_reminded_once_then_lapses_and_unblocks_completion(
        world: World, clock: FakeClock) -> None:
    db = world.db
    number = world.accepted()  # fixed 390.00 + 22% VAT
    work.log_work(db, "tech", number, hours="1")
    proposal = variations.propose_variation(db, "tech", number, amount="600", reason="more")
    clock.now += timedelta(days=2, hours=23)
    assert jobs(db) == []
    clock.now += timedelta(hours=1)
    subject = f"RIT-{number:06d} variation {proposal.id}"
    assert jobs(db) == [("variation_reminder", subject)]
    assert jobs(db) == []
    clock.now += timedelta(days=10)
    with pytest.raises(StateError, match="awaits"):
        billing.complete_request(db, "tech", number)
    clock.now += timedelta(days=1)  # 14 days after it was proposed
    assert jobs(db) == [("variation_lapsed", subject)]
    assert jobs(db) == []
    with db.read() as session:
        lapsed = session.get(m.Variation, proposal.id)
        assert lapsed is not None and lapsed.state == "lapsed" and lapsed.answered_at == clock.now
    assert kinds(db).count("variation_reminder") == 1
    assert kinds(db).count("variation_lapsed") == 1 and actions(db, "variation_lapsed") == 1
    result = billing.complete_request(db, "tech", number)  # no longer blocked
    assert result.net == Decimal("390.00")  # the ceiling stayed as it was


def test_low_credit_alert_once_per_crossing(world: World) -> None:
    db = world.db
    customers.set_low_credit_alert(db, "admin", "ACME", "500")
    assert jobs(db) == []  # 1000.00
    customers.adjust(db, "fin", "ACME", "-600", reason="test")
    assert jobs(db) == [("credit_low", "ACME")]  # 400.00 < 500.00
    assert jobs(db) == []
    customers.topup(db, "fin", "ACME", "50")
    assert jobs(db) == []  # 450.00: still below, already told
    customers.topup(db, "fin", "ACME", "50")
    assert jobs(db) == [("credit_low_cleared", "ACME")]  # 500.00: back at the threshold
    customers.adjust(db, "fin", "ACME", "-0.01", reason="test")
    assert jobs(db) == [("credit_low", "ACME")]  # the next crossing
    assert kinds(db).count("credit_low") == 2 and actions(db, "credit_low_alert") == 2
    notice = next(n for n in customer_notices(db, "ACME") if n.kind == "credit_low")
    assert notice.payload["balance"] == "499.99" and notice.payload["threshold"] == "500.00"


def test_low_credit_alert_default_setting_and_zero(world: World) -> None:
    db = world.db
    assert jobs(db) == []  # the setting's default 0: no alerts
    settings_service.set_setting(db, "admin", "low_credit_alert", "100")
    customers.set_low_credit_alert(db, "admin", "ACME", "0")  # ACME: never
    assert jobs(db) == [("credit_low", "POOR")]  # 50.00 < 100.00
    customers.set_low_credit_alert(db, "admin", "POOR", "0")
    assert jobs(db) == [("credit_low_cleared", "POOR")]  # switched off: re-armed
    customers.set_low_credit_alert(db, "admin", "POOR", None)
    assert jobs(db) == [("credit_low", "POOR")]


def test_no_alert_below_zero_when_alerts_are_off(world: World) -> None:
    """The default threshold 0 means no alerts: an exhausted account (balance below 0)
    is not told "credit low" and then "cleared" in every round (it was, each minute)."""
    db = world.db
    customers.adjust(db, "fin", "ACME", "-1030", reason="test")  # 1000.00 -> -30.00
    assert jobs(db) == []
    assert jobs(db) == []
    assert "credit_low" not in kinds(db)


def test_only_an_admin_sets_the_threshold(world: World) -> None:
    from app.domain.errors import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        customers.set_low_credit_alert(world.db, "fin", "ACME", "10")
    with pytest.raises(ValidationError):
        customers.set_low_credit_alert(world.db, "admin", "ACME", "-5")
    assert customers.get_customer(world.db, "ACME").low_credit_alert is None


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_an_item_held_by_another_worker_is_left_to_it(world: World, clock: FakeClock) -> None:
    """Two workers: the quote locked by the first (its transaction held open here) is
    skipped by the second, not waited for; once released, it is done once."""
    db = world.db
    number = world.request()
    quote_id = world.fixed_quote(number)
    clock.now += timedelta(days=24)
    variation_request = world.accepted()
    variations.propose_variation(db, "tech", variation_request, amount="500", reason="more")
    clock.now += timedelta(days=3)
    url = db.engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
    with psycopg.connect(url) as first:
        first.execute("SELECT 1 FROM quotes WHERE id = %s FOR UPDATE", (quote_id,))
        assert [j for j, _ in jobs(db)] == ["variation_reminder"]  # the quote skipped
    assert jobs(db) == [("quote_reminder", f"RIT-{number:06d}/1")]
    assert jobs(db) == []
    assert kinds(db).count("quote_reminder") == 1


def test_the_embedded_files_owner_runs_the_worker(sqlite_db: Database) -> None:
    # the embedded file's owner is trusted maintenance: the desktop app runs the jobs
    assert sqlite_db.identity().trusted and worker.run_once(sqlite_db) == []


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_the_running_worker_wakes_on_a_change(world: World, db_url: str) -> None:
    """``rit-desk worker`` with an hour between rounds: a change committed on PostgreSQL
    (LISTEN) wakes it at once; SIGTERM stops it cleanly."""
    import queue
    import signal
    import subprocess

    from tests.cli.test_subprocess_cli import COMMAND, script_env

    lines: queue.Queue[str] = queue.Queue()
    with subprocess.Popen([*COMMAND, "--db", db_url, "worker", "--interval", "3600"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          stdin=subprocess.DEVNULL, env=script_env()) as process:
        def read() -> None:
            for line in process.stdout or ():
                lines.put(line)

        reader = threading.Thread(target=read, daemon=True)
        try:
            assert process.stderr is not None
            assert process.stderr.readline() == "worker: started\n"
            reader.start()
            customers.set_low_credit_alert(world.db, "admin", "ACME", "2000")  # 1000.00 below
            assert lines.get(timeout=60).startswith(
                "credit_low ACME: balance 1000.00 below 2000.00")
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=60)
        reader.join(timeout=60)
        assert "SIGTERM, stopping" in (process.stderr.read() if process.stderr else "")
    assert lines.get(timeout=5) == "worker: stopped\n"
