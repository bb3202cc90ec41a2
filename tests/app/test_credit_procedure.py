"""The staged credit-exhaustion procedure (issue 19), on SQLite and PostgreSQL, with the
clock moved: off at exhaustion, archived after credit_archive_days, deleted after
credit_delete_days more, each step told before it happens and taken once; a covering
top-up at each stage restarts what is not deleted; a partial one changes nothing; a
monthly service stays on through its paid period.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text

from app.db import models as m
from app.db.database import MIGRATIONS, Database
from app.domain.errors import PermissionDenied, ValidationError
from app.services import credit_procedure, customers, worker
from app.services import settings as settings_service
from app.services.request_views import customer_notices
from tests.app.conftest import World
from tests.conftest import FakeClock


def states(db: Database, code: str = "POOR") -> dict[str, str]:
    return {s.name: s.state for s in customers.get_customer(db, code).services}


def statuses(db: Database, code: str = "POOR") -> dict[str, str]:
    return {s.name: s.status for s in customers.get_customer(db, code).services}


def kinds(db: Database, code: str = "POOR") -> list[str]:
    return [n.kind for n in sorted(customer_notices(db, code), key=lambda n: n.id)]


def actions(db: Database, action: str) -> int:
    with db.read() as session:
        return len(session.scalars(select(m.AuditEvent.id)
                                   .where(m.AuditEvent.action == action)).all())


def sweep(db: Database) -> list[tuple[str, str]]:
    return [(t.service, t.step) for t in credit_procedure.sweep(db)]


def exhaust(db: Database, amount: str = "-80") -> None:
    """POOR (50.00, its hourly service srv) down to -30.00."""
    customers.adjust(db, "fin", "POOR", amount, reason="consumption")


def test_hourly_off_archived_deleted_each_told_before_and_once(
        world: World, clock: FakeClock) -> None:
    db = world.db
    start = clock.now
    exhaust(db)
    assert states(db) == {"srv": "off"} and statuses(db) == {"srv": "suspended"}
    exhausted = next(n for n in customer_notices(db, "POOR") if n.kind == "credit_exhausted")
    assert exhausted.payload["suspended"] == ["srv"]
    assert exhausted.payload["missing"] == "30.00"
    assert exhausted.payload["archive_at"] == (start + timedelta(days=7)).date().isoformat()
    [service] = customers.get_customer(db, "POOR").services
    assert service.next_step == "archive" and service.next_step_at == start + timedelta(days=7)

    clock.now = start + timedelta(days=4, hours=23)
    assert sweep(db) == []
    clock.now = start + timedelta(days=5)  # two days (credit_notice_days) before archiving
    assert sweep(db) == [("srv", "archive_warning")]
    assert sweep(db) == []  # once
    warning = next(n for n in customer_notices(db, "POOR") if n.kind == "archive_warning")
    assert warning.payload["archive_at"] == (start + timedelta(days=7)).date().isoformat()
    clock.now = start + timedelta(days=7)
    assert sweep(db) == [("srv", "archive")]
    assert states(db) == {"srv": "archived"}
    [service] = customers.get_customer(db, "POOR").services
    assert service.next_step == "delete" and service.next_step_at == clock.now + timedelta(days=10)
    clock.now += timedelta(days=8)
    assert sweep(db) == [("srv", "deletion_warning")]
    clock.now += timedelta(days=2)
    assert sweep(db) == [("srv", "delete")]
    assert sweep(db) == []
    assert states(db) == {"srv": "deleted"}
    assert kinds(db) == ["credit_exhausted", "archive_warning", "services_archived",
                         "deletion_warning", "services_deleted"]
    for action in ("service_archive_warned", "service_archived", "service_deletion_warned",
                   "service_deleted", "credit_exhausted"):
        assert actions(db, action) == 1, action
    # deleted stays deleted, even after a covering top-up
    result = customers.topup(db, "fin", "POOR", "100")
    assert result.restarted_services == () and states(db) == {"srv": "deleted"}
    assert customers.get_customer(db, "POOR").services[0].next_step is None


@pytest.mark.parametrize("stage", ["off", "warned", "archived", "delete_warned"])
def test_a_covering_topup_at_each_stage_restarts(world: World, clock: FakeClock,
                                                 stage: str) -> None:
    db = world.db
    start = clock.now
    exhaust(db)
    walk = {"off": (), "warned": (5,), "archived": (5, 7), "delete_warned": (5, 7, 15)}
    for days in walk[stage]:
        clock.now = start + timedelta(days=days)
        assert sweep(db)
    expected = "off" if stage in ("off", "warned") else "archived"
    assert states(db) == {"srv": expected}
    # a partial top-up changes nothing, and tells what is still missing
    partial = customers.topup(db, "fin", "POOR", "10")
    assert partial.restarted_services == () and states(db) == {"srv": expected}
    assert kinds(db)[-1] == "credit_still_missing"
    # covering the rest (20.00) restarts it, told
    result = customers.topup(db, "fin", "POOR", "20")
    assert result.restarted_services == ("srv",)
    assert states(db) == {"srv": "active"} and statuses(db) == {"srv": "running"}
    restarted = [n for n in customer_notices(db, "POOR") if n.kind == "service_restarted"]
    assert len(restarted) == 1 and restarted[0].payload["restarted"] == ["srv"]
    clock.now += timedelta(days=30)
    assert sweep(db) == []  # nothing left pending
    [service] = customers.get_customer(db, "POOR").services
    assert service.off_at is None and service.archived_at is None and service.next_step is None


def test_monthly_service_stays_on_through_its_paid_period(world: World,
                                                          clock: FakeClock) -> None:
    db = world.db
    clock.now = datetime(2026, 12, 7, 10, 0)
    customers.add_service(db, "admin", "POOR", name="mail", kind="hosting", billing="monthly",
                          paid_until=date(2026, 12, 20))
    exhaust(db)
    assert states(db) == {"srv": "off", "mail": "active"}
    exhausted = next(n for n in customer_notices(db, "POOR") if n.kind == "credit_exhausted")
    assert exhausted.payload["still_on"] == ["mail"] and exhausted.payload["suspended"] == ["srv"]
    mail = next(s for s in customers.get_customer(db, "POOR").services if s.name == "mail")
    assert (mail.next_step, mail.next_step_at) == ("off", datetime(2026, 12, 21))
    clock.now = datetime(2026, 12, 20, 23, 59)  # its last paid day
    assert ("mail", "off") not in sweep(db)
    clock.now = datetime(2026, 12, 21, 0, 0)
    assert sweep(db) == [("mail", "off")]
    assert states(db) == {"srv": "off", "mail": "off"}
    told = next(n for n in customer_notices(db, "POOR") if n.kind == "services_off")
    assert told.payload["service"] == "mail" and told.payload["paid_until"] == "2026-12-20"
    assert told.payload["archive_at"] == "2026-12-28"
    assert actions(db, "service_switched_off") == 1
    customers.topup(db, "fin", "POOR", "30")
    assert states(db) == {"srv": "active", "mail": "active"}


def test_monthly_past_its_period_goes_off_at_exhaustion(world: World, clock: FakeClock) -> None:
    db = world.db
    customers.add_service(db, "admin", "POOR", name="old", billing="monthly",
                          paid_until=db.today() - timedelta(days=1))
    exhaust(db)
    assert states(db) == {"srv": "off", "old": "off"}


def test_a_late_sweep_warns_first_and_acts_later(world: World, clock: FakeClock) -> None:
    """Every step told before it happens: a sweep that did not run for weeks warns, then
    archives credit_notice_days later, never untold."""
    db = world.db
    start = clock.now
    exhaust(db)
    clock.now = start + timedelta(days=30)
    assert sweep(db) == [("srv", "archive_warning")]
    clock.now += timedelta(days=2)
    assert sweep(db) == [("srv", "archive")]
    assert sweep(db) == []
    clock.now += timedelta(days=8)
    assert sweep(db) == [("srv", "deletion_warning")]


def test_settings_move_the_days(world: World, clock: FakeClock) -> None:
    db = world.db
    for key, value in (("credit_archive_days", "3"), ("credit_delete_days", "4"),
                       ("credit_notice_days", "0")):
        settings_service.set_setting(db, "admin", key, value)
    with pytest.raises(ValidationError):
        settings_service.set_setting(db, "admin", "credit_archive_days", "0")
    start = clock.now
    exhaust(db)
    clock.now = start + timedelta(days=3)
    assert sweep(db) == [("srv", "archive_warning"), ("srv", "archive")]
    clock.now += timedelta(days=4)
    assert sweep(db) == [("srv", "deletion_warning"), ("srv", "delete")]


def test_the_worker_round_runs_the_sweep(world: World, clock: FakeClock) -> None:
    db = world.db
    start = clock.now
    exhaust(db)
    clock.now = start + timedelta(days=5)
    done = [(d.job, d.subject) for d in worker.run_once(db)]
    assert ("credit_archive_warning", "POOR srv") in done
    steps = {f"credit_{step.value}" for step in credit_procedure.TOLD}
    assert not [d for d in worker.run_once(db) if d.job in steps]


def test_who_may_sweep(world: World) -> None:
    db = world.db
    for who in ("fin", "admin"):
        credit_procedure.sweep(db, who)
    for who in ("tech", "lead"):
        with pytest.raises(PermissionDenied):
            credit_procedure.sweep(db, who)


def test_billing_input_checked_and_nothing_written(world: World) -> None:
    db = world.db
    cases = [{"billing": "weekly"}, {"billing": "monthly"},
             {"billing": "hourly", "paid_until": date(2030, 1, 1)}]
    for case in cases:
        with pytest.raises(ValidationError):
            customers.add_service(db, "admin", "POOR", name="x", **case)  # type: ignore[arg-type]
    assert set(states(db)) == {"srv"}
    view = customers.add_service(db, "admin", "POOR", name="m", billing="monthly",
                                 paid_until=date(2030, 1, 31))
    assert (view.billing, view.paid_until, view.state) == ("monthly", date(2030, 1, 31), "active")
    view = customers.set_service(db, "admin", "POOR", "m", paid_until=date(2030, 2, 28))
    assert view.paid_until == date(2030, 2, 28)
    view = customers.set_service(db, "admin", "POOR", "m", billing="hourly")
    assert (view.billing, view.paid_until) == ("hourly", None)
    assert actions(db, "service_changed") == 2
    with pytest.raises(PermissionDenied):
        customers.set_service(db, "tech", "POOR", "m", billing="monthly",
                              paid_until=date(2030, 1, 1))


def test_service_added_to_an_exhausted_account_is_off(world: World, clock: FakeClock) -> None:
    db = world.db
    exhaust(db)
    view = customers.add_service(db, "admin", "POOR", name="late")
    assert (view.state, view.status, view.next_step) == ("off", "suspended", "archive")
    kept = customers.add_service(db, "admin", "POOR", name="paid", billing="monthly",
                                 paid_until=db.today() + timedelta(days=3))
    assert (kept.state, kept.status) == ("active", "running")
    assert customers.topup(db, "fin", "POOR", Decimal("30")).restarted_services == ("srv", "late")


def test_migration_0024_goes_down_and_up_again(world: World, clock: FakeClock) -> None:
    """Down to 0023 the columns go and the status stays (a suspended service stays
    suspended); up again every service is hourly, a suspended one off as of the upgrade
    (its customer was never told a date), and the procedure works on."""
    db = world.db
    exhaust(db)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def columns() -> set[str]:
        return {c["name"] for c in inspect(db.engine).get_columns("services")}

    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0023")
    assert not columns() & {"billing", "paid_until", "state", "off_at", "archived_at"}
    with db.engine.connect() as conn:
        assert dict(conn.execute(text("SELECT name, status FROM services")).tuples().all()) \
            == {"web-1": "running", "db-1": "running", "srv": "suspended"}
    db.engine.dispose()
    db.upgrade_schema()
    assert states(db) == {"srv": "off"} and states(db, "ACME") == {"web-1": "active",
                                                                     "db-1": "active"}
    [srv] = customers.get_customer(db, "POOR").services
    assert srv.billing == "hourly" and srv.off_at is not None and srv.next_step == "archive"
    customers.topup(db, "fin", "POOR", "30")
    assert states(db) == {"srv": "active"}
    exhaust(db, "-40")
    assert states(db) == {"srv": "off"}
