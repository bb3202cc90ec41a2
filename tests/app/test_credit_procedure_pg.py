"""PostgreSQL enforces the staged credit procedure (issue 19) like every transition: no
login flips a service's state in plain SQL, only finance, admins and the worker run the
sweep (and only the worker chooses its time), its notices are the server's own, and two
sweeps racing take each step once (customers locked with SKIP LOCKED).

Tried as the real logins of each role (the ``site`` of ``test_privileges_pg``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.domain.credit_steps import Rules, ServiceFacts, due
from app.services import customers
from tests.app.test_privileges_pg import ROLES, Site, site  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres

KEY_OF = {"technician": "tech", "team_lead": "lead", "finance": "fin", "admin": "admin",
          "portal": "portal", "worker": "worker"}


def _superuser(where: Site) -> psycopg.Connection[Any]:
    url = make_url(where.url)
    return psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                           user=url.username)


def _services(where: Site, code: str) -> dict[str, tuple[str, str]]:
    with _superuser(where) as conn:
        rows = conn.execute("SELECT s.name, s.state, s.status FROM services s JOIN customers c "
                            "ON c.id = s.customer_id WHERE c.code = %s", (code,)).fetchall()
    return {name: (state, status) for name, state, status in rows}


@pytest.fixture(scope="module")
def exhausted(site: Site) -> Iterator[str]:  # noqa: F811
    """POOR: exhausted, its hourly service off, its monthly one on till its period ends."""
    admin, fin = site.users["admin"], site.users["fin"]
    customers.add_customer(site.trusted, admin, "POOR", name="Poor Spa", credit_amount="50")
    customers.add_service(site.trusted, admin, "POOR", name="srv")
    customers.add_service(site.trusted, admin, "POOR", name="mail", billing="monthly",
                          paid_until=date.today() + timedelta(days=30))
    customers.adjust(site.trusted, fin, "POOR", "-80", reason="consumption")
    assert _services(site, "POOR") == {"srv": ("off", "suspended"),
                                       "mail": ("active", "running")}
    yield "POOR"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("sql", [
    "UPDATE services SET state = 'active', status = 'running' WHERE name = 'srv'",
    "UPDATE services SET state = 'deleted', deleted_at = now() WHERE name = 'mail'",
    "UPDATE services SET off_at = now() + interval '1 year' WHERE name = 'srv'",
    "UPDATE services SET archive_warned_at = now() WHERE name = 'srv'",
])
def test_no_login_flips_a_service_state_by_hand(site: Site, exhausted: str,  # noqa: F811
                                                role: str, sql: str) -> None:
    before = _services(site, exhausted)
    with site.connect(KEY_OF[role]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql)
    assert _services(site, exhausted) == before


def test_a_service_inserted_by_hand_gets_the_databases_state(site: Site,  # noqa: F811
                                                             exhausted: str) -> None:
    with site.connect("admin") as conn:
        conn.execute("INSERT INTO services (customer_id, name, kind, status, state, billing) "
                     "SELECT id, 'sneaky', 'vps', 'running', 'active', 'hourly' FROM customers "
                     "WHERE code = %s", (exhausted,))
        conn.commit()
        # the admin keeps the billing basis, in its shape
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE services SET billing = 'monthly' WHERE name = 'sneaky'")
        conn.rollback()
        conn.execute("UPDATE services SET billing = 'monthly', paid_until = current_date "
                     "WHERE name = 'sneaky'")
        conn.commit()
    assert _services(site, exhausted)["sneaky"] == ("off", "suspended")


@pytest.mark.parametrize("role", ROLES)
def test_who_runs_the_sweep_and_only_the_worker_picks_its_time(
        site: Site, exhausted: str, role: str) -> None:  # noqa: F811
    """Finance, admins and the worker's login may sweep (at the server's time: a date
    given is not theirs to choose); technicians, team leads and the control panel may
    not."""
    later = datetime.now() + timedelta(days=60)
    with site.connect(KEY_OF[role]) as conn:
        if role in ("finance", "admin", "worker"):
            assert conn.execute("SELECT * FROM rit_credit_sweep(%s)", (later,)).fetchall() == []
        else:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM rit_credit_sweep(%s)", (later,))
    assert _services(site, exhausted)["srv"] == ("off", "suspended")


@pytest.mark.parametrize("kind", ["services_off", "archive_warning", "services_deleted"])
def test_the_procedures_notices_are_the_servers_own(site: Site, exhausted: str,  # noqa: F811
                                                    kind: str) -> None:
    with site.connect("admin") as conn:
        customer = conn.execute("SELECT id FROM customers WHERE code = %s",
                                (exhausted,)).fetchone()
        assert customer is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT rit_tell(%s, NULL, %s, '{}', NULL)", (kind, customer[0]))


def _count(conn: psycopg.Connection[Any], action: str) -> int:
    row = conn.execute("SELECT count(*) FROM audit_events WHERE action = %s "
                       "AND details::jsonb ->> 'service' = 'srv'", (action,)).fetchone()
    assert row is not None
    return int(row[0])


def test_two_sweeps_racing_take_each_step_once(site: Site, exhausted: str) -> None:  # noqa: F811
    """Deterministic: the first sweep holds the customer (its transaction open); the
    second skips it and does nothing; after the first commits there is nothing left."""
    at = datetime.now() + timedelta(days=5, hours=1)  # the warning before archiving is due
    sweep = "SELECT service, step FROM rit_credit_sweep(%s)"
    with _superuser(site) as first, _superuser(site) as second:
        assert ("srv", "archive_warning") in first.execute(sweep, (at,)).fetchall()
        assert second.execute(sweep, (at,)).fetchall() == []  # POOR is held: skipped
        second.rollback()
        first.commit()
        assert second.execute(sweep, (at,)).fetchall() == []  # done already
        second.commit()
        assert _count(second, "service_archive_warned") == 1
        row = second.execute("SELECT count(*) FROM notices WHERE kind = 'archive_warning' "
                             "AND payload::jsonb ->> 'service' = 'srv'").fetchone()
        assert row is not None and row[0] == 1
        # a customer held by another transaction (a top-up under way) is left for later
        second.execute("SELECT 1 FROM customers WHERE code = %s FOR UPDATE", (exhausted,))
        later = at + timedelta(days=2)
        assert first.execute(sweep, (later,)).fetchall() == []
        first.commit()
        second.rollback()
        assert ("srv", "archive") in first.execute(sweep, (later,)).fetchall()
        first.commit()
    assert _services(site, exhausted)["srv"] == ("archived", "suspended")


@pytest.mark.parametrize("action", ["service_archived", "service_deleted",
                                    "service_switched_off"])
def test_the_procedures_audit_events_are_the_servers_own(site: Site,  # noqa: F811
                                                         exhausted: str, action: str) -> None:
    with site.connect("fin") as conn:
        customer = conn.execute("SELECT id FROM customers WHERE code = %s",
                                (exhausted,)).fetchone()
        assert customer is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT rit_log(%s, NULL, %s, '{}', NULL, NULL)",
                         (action, customer[0]))


def test_the_servers_rules_are_the_domains(site: Site) -> None:  # noqa: F811
    """Differential: rit_credit_due (migration 0024) says what credit_steps.due says, for
    every state, billing, warning and moment around each boundary."""
    rules = Rules(archive_days=7, delete_days=10, notice_days=2)
    base = datetime(2026, 12, 7, 10, 30)
    cases = []
    for state in ("active", "off", "archived", "deleted"):
        for billing, paid in (("hourly", None), ("monthly", base.date()),
                              ("monthly", base.date() - timedelta(days=1))):
            for warned in (None, base + timedelta(days=5), base + timedelta(days=9)):
                for days in (0, 4.9, 5, 6.9, 7, 8, 10.9, 11, 15, 17, 19, 40):
                    at = base + timedelta(days=days)
                    facts = ServiceFacts(billing, paid, state,
                                         off_at=base if state != "active" else None,
                                         archived_at=base if state in ("archived",
                                                                       "deleted") else None,
                                         archive_warned_at=warned if state == "off" else None,
                                         delete_warned_at=warned if state == "archived"
                                         else None)
                    cases.append((facts, at))
    with _superuser(site) as conn:
        for facts, at in cases:
            row = conn.execute(
                "SELECT rit_credit_due(%s, %s, %s, %s, %s, %s, %s, %s, 7, 10, 2)",
                (facts.billing, facts.paid_until, facts.state, facts.off_at, facts.archived_at,
                 facts.archive_warned_at, facts.delete_warned_at, at)).fetchone()
            assert row is not None
            expected = due(facts, True, rules, at)
            assert row[0] == (expected.value if expected else None), (facts, at)
