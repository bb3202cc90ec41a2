"""A superuser is trusted maintenance even on a schema whose group roles do not exist
(tables migrated without ``init``, as the benchmarks' generator makes them): migration
0009's ``rit_trusted()`` asked only about membership of the owner role, which a missing
role answers with NULL, and a superuser acting for a finance user was refused with "you
are signed in as postgres" (migration 0013)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from app.db.database import Database
from tests.conftest import PG_SERVER, create_database, drop_database


@pytest.fixture
def schema_without_owner_role() -> Iterator[str]:
    if PG_SERVER == "off":
        pytest.skip("PostgreSQL tests switched off (RIT_DESK_TEST_PG=off)")
    server = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    url = create_database(server, "trust_")
    db = Database(url)
    db.upgrade_schema()
    db.dispose()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        owner = conn.execute(text("SELECT name FROM role_names WHERE role = 'owner'")).scalar()
        # the owner role named as one the cluster has never had
        conn.execute(text("UPDATE role_names SET name = :n WHERE role = 'owner'"),
                     {"n": f"rit_no_such_role_{secrets.token_hex(4)}"})
    try:
        yield url
    finally:
        with engine.connect() as conn:  # its real name back, so that it is dropped
            conn.execute(text("UPDATE role_names SET name = :n WHERE role = 'owner'"),
                         {"n": owner})
        engine.dispose()
        drop_database(server, url)
        server.dispose()


def test_a_superuser_is_trusted_where_the_owner_role_is_missing(
        schema_without_owner_role: str) -> None:
    db = Database(schema_without_owner_role)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT rolsuper FROM pg_roles "
                                     "WHERE rolname = session_user")).scalar() is True
            assert conn.execute(text("SELECT rit_trusted()")).scalar() is True
        assert db.identity().trusted
    finally:
        db.dispose()
