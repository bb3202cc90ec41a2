"""A connection lost while committing: the change may have been saved, and the error says
so (``maybe_committed``), so that nothing saves it again blindly (PostgreSQL: SQLite's
commit either happens or raises on the spot)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from app.domain.errors import DatabaseUnavailable
from app.services import customers
from tests.app.conftest import World


def test_a_commit_cut_off_is_an_unknown_outcome(world: World, db_url: str) -> None:
    db = world.db
    if db.is_sqlite:
        pytest.skip("SQLite commits on the spot: its outcome is always known")
    pg_url = db_url
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")

    def cut_off(conn: Any) -> None:  # just before COMMIT goes out: the server goes away
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    event.listen(db.engine, "commit", cut_off)
    try:
        with pytest.raises(DatabaseUnavailable, match="may have been saved or not") as info:
            customers.topup(db, "fin", "ACME", "10")
        assert info.value.maybe_committed
    finally:
        event.remove(db.engine, "commit", cut_off)
        admin.dispose()
    with pytest.raises(DatabaseUnavailable) as read:  # a read cut off is just unavailable
        event.listen(db.engine, "commit", cut_off)
        admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        try:
            customers.get_customer(db, "ACME")
        finally:
            event.remove(db.engine, "commit", cut_off)
            admin.dispose()
    assert not read.value.maybe_committed
