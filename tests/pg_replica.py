"""A primary cluster of the test's own and a streaming replica of it (issue 21).

The primary is a :class:`~tests.pg_cluster.PrivateCluster` (never the shared server on
5432: its configuration stays as it is); the replica is made from it by
``pg_basebackup -R`` and started on its own port as a hot standby. One database on it
has the schema, the small world of the service tests, a finance login and two charges
of this month; :meth:`Pair.replayed` waits until the replica has replayed all of it.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.db.database import Database
from app.services import billing, staff, work
from tests.app.conftest import World, make_world
from tests.conftest import fake_renderer
from tests.pg_cluster import ClusterUnavailable, PrivateCluster

#: the finance login the reports are read as (a real login: the standby checks it too)
FIN = "standby_fin"
FIN_PASSWORD = secrets.token_urlsafe(12)


@dataclass
class Pair:
    primary: PrivateCluster
    replica: PrivateCluster
    name: str

    def url(self, cluster: PrivateCluster, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{cluster.port}/{self.name}"

    def standby_text(self) -> str:
        """The replica's URL as ``--read-db`` takes it: no user, no password."""
        return f"postgresql://127.0.0.1:{self.replica.port}/{self.name}"

    def superuser(self, cluster: PrivateCluster, sql: str, *, in_db: bool = False) -> Any:
        """``sql`` as the superuser, in the cluster's ``postgres`` database or ours."""
        engine = create_engine(self.url(cluster) if in_db else cluster.url,
                               isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                result = conn.execute(text(sql))
                return result.scalar() if result.returns_rows else None
        finally:
            engine.dispose()

    def replayed(self, timeout: float = 120.0) -> None:
        """Wait until the replica has replayed everything the primary has written."""
        target = self.superuser(self.primary, "SELECT pg_current_wal_lsn()::text")
        deadline = time.monotonic() + timeout
        while self.superuser(self.replica, "SELECT pg_wal_lsn_diff("
                             f"pg_last_wal_replay_lsn(), '{target}')") < 0:
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.05)  # a condition polled with a deadline, not a delay


def replica_pair() -> Iterator[Pair]:
    """The body of a fixture: the pair, removed afterwards (the test skipped only where
    no PostgreSQL server binaries are installed)."""
    try:
        primary = PrivateCluster()
    except ClusterUnavailable as exc:
        pytest.skip(str(exc))
    replica: PrivateCluster | None = None
    try:
        name = f"rit_standby_{secrets.token_hex(3)}"
        made = Pair(primary, primary, name)
        made.superuser(primary, f'CREATE DATABASE "{name}"')
        db = Database(made.url(primary), renderer=fake_renderer)
        db.upgrade_schema()
        world = make_world(db)
        staff.add_staff(db, "admin", FIN, name="Fin Login", role="finance", password=FIN_PASSWORD)
        charge(world)
        charge(world, customer="POOR")
        db.dispose()
        replica = PrivateCluster(replica_of=primary)
        made.replica = replica
        yield made
    finally:
        if replica is not None:
            replica.remove()
        primary.remove()


def charge(world: World, customer: str = "ACME") -> int:
    number = world.accepted(customer=customer)
    work.log_work(world.db, "tech", number, hours="1")
    billing.complete_request(world.db, "tech", number)
    return number




def month() -> tuple[date, date]:
    """This month's first and last day (the charges' server-side dates are today's)."""
    today = date.today()
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
