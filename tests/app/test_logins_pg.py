"""Logins stay inside their database (issue 16): two RIT Desk databases on one cluster.

The attack of the issue: the admin of database A runs ``staff add bea ...
--password-stdin`` where ``bea`` is the admin of database B; A's admin then knew the
password of B's admin. Now a login that belongs to another database too is linked only
by trusted maintenance, never given a password by ``staff add``, and an admin sets
someone else's password only for a login of this database alone.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.database import Database
from app.domain.errors import PermissionDenied, RitError, ValidationError
from app.services import staff
from tests.conftest import PG_SERVER, _truncate_pg, create_database, drop_database

pytestmark = pytest.mark.postgres


@dataclass
class Cluster:
    a: Database  # trusted maintenance of database A
    b: Database  # trusted maintenance of database B
    station_a: Database  # A's admin, signed in as their own login
    ada: str  # A's admin
    bea: str  # B's admin

    def password(self, login: str) -> str | None:
        with self.a.engine.connect() as conn:
            value = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                                 {"r": login}).scalar()
        return None if value is None else str(value)

    def staff_of_a(self) -> list[str]:
        return [s.username for s in staff.list_staff(self.a)]


@pytest.fixture
def cluster(pg_url: str) -> Iterator[Cluster]:
    server = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    url_b = create_database(server, "b_")
    run = f"lg{secrets.token_hex(3)}"
    ada, bea, tom = f"{run}_ada", f"{run}_bea", f"{run}_tom"
    _truncate_pg(pg_url)
    a, b = Database(pg_url), Database(url_b)
    station_a = Database(make_url(pg_url).set(username=ada), pool_size=1)
    try:
        b.upgrade_schema()
        staff.add_staff(b, None, bea, name="Bea B", role="admin", password="bea-of-b")
        staff.add_staff(a, None, ada, name="Ada A", role="admin")
        yield Cluster(a, b, station_a, ada, bea)
    finally:
        for db in (station_a, a, b):
            db.dispose()
        drop_database(server, url_b)
        with server.connect() as conn:
            for login in (ada, bea, tom):
                conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        server.dispose()


def test_an_admin_cannot_take_over_a_login_of_another_database(cluster: Cluster) -> None:
    """The issue's takeover (failed before: A's admin set the password of B's admin)."""
    before = cluster.password(cluster.bea)
    for password in ("taken-by-a", None):
        with pytest.raises(PermissionDenied, match="belongs to another database"):
            staff.add_staff(cluster.station_a, cluster.ada, cluster.bea, name="Bea",
                            role="technician", password=password)
        assert cluster.password(cluster.bea) == before
        assert cluster.bea not in cluster.staff_of_a()
    with pytest.raises(RitError):  # nor through staff passwd: bea has no record here
        staff.change_password(cluster.station_a, cluster.ada, "taken-by-a", cluster.bea)
    assert cluster.password(cluster.bea) == before


def test_trusted_maintenance_links_it_and_its_password_stays(cluster: Cluster) -> None:
    before = cluster.password(cluster.bea)
    with pytest.raises(ValidationError, match="keeps its password"):
        staff.add_staff(cluster.a, None, cluster.bea, name="Bea", role="technician",
                        password="taken-by-a")
    assert cluster.password(cluster.bea) == before
    staff.add_staff(cluster.a, None, cluster.bea, name="Bea", role="technician")
    assert cluster.bea in cluster.staff_of_a() and cluster.password(cluster.bea) == before
    # linked to both databases now: A's admin still cannot set her password
    with pytest.raises(PermissionDenied, match="belongs to another database"):
        staff.change_password(cluster.station_a, cluster.ada, "taken-by-a", cluster.bea)
    assert cluster.password(cluster.bea) == before


def test_an_admin_sets_the_password_of_a_login_of_this_database(cluster: Cluster) -> None:
    tom = cluster.ada.replace("_ada", "_tom")
    staff.add_staff(cluster.station_a, cluster.ada, tom, name="Tom", role="technician",
                    password="first-of-tom")
    first = cluster.password(tom)
    assert first is not None
    assert staff.change_password(cluster.station_a, cluster.ada, "second-of-tom", tom) == tom
    assert cluster.password(tom) not in (None, first)
