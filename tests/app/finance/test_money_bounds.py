"""One top-up, adjustment or refund moves between the bounds of the settings (issue 16).

The services check them on both databases; on PostgreSQL the server functions check them
too (``rit_post``, migration 0015), so a finance login's own SQL cannot post an amount
that would overflow the balance. Each refusal is one message and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from app.db import models as m
from app.domain.errors import PermissionDenied, RitError, ValidationError
from app.services import billing, charge_documents, customers, work
from app.services import settings as settings_service
from tests.app.conftest import World

OUTSIDE = "outside the limits of one credit operation"


def _ledger(world: World) -> tuple[Decimal, int]:
    with world.db.read() as session:
        count = session.scalar(select(func.count()).select_from(m.LedgerEntry))
    return customers.get_customer(world.db, "ACME").balance, int(count or 0)


def _refused(world: World, action: Callable[..., object], *args: object,
             **kwargs: object) -> str:
    before = _ledger(world)
    with pytest.raises(ValidationError) as refused:
        action(*args, **kwargs)
    assert _ledger(world) == before
    return str(refused.value)


def test_the_default_bounds_refuse_more_than_100000(world: World) -> None:
    message = _refused(world, customers.topup, world.db, "fin", "ACME", "100000.01")
    assert OUTSIDE in message and "(0.01 to 100000.00)" in message
    assert OUTSIDE in _refused(world, customers.adjust, world.db, "fin", "ACME", "-100000.01",
                               reason="typo")
    assert customers.topup(world.db, "fin", "ACME", "100000.00").amount == Decimal("100000.00")


def test_an_admin_narrows_the_bounds_and_they_hold(world: World) -> None:
    settings_service.set_setting(world.db, "admin", "money_max_per_operation", "500")
    settings_service.set_setting(world.db, "admin", "money_min_per_operation", "10")
    assert "(10.00 to 500.00)" in _refused(world, customers.topup, world.db, "fin", "ACME",
                                            "500.01")
    assert OUTSIDE in _refused(world, customers.topup, world.db, None, "ACME", "9.99")
    assert OUTSIDE in _refused(world, customers.adjust, world.db, "fin", "ACME", "-9.99",
                               reason="rounding")
    customers.topup(world.db, "fin", "ACME", "500")
    customers.adjust(world.db, "fin", "ACME", "-10", reason="fee")
    assert settings_service.get_settings(world.db).money_max_per_operation == Decimal("500.00")


def test_a_refund_above_the_bound_is_refused(world: World) -> None:
    number = world.accepted()
    work.log_work(world.db, "tech", number, hours="1")
    billing.complete_request(world.db, "tech", number)  # 390.00 + 22 % = 475.80
    settings_service.set_setting(world.db, "admin", "money_max_per_operation", "100")
    assert OUTSIDE in _refused(world, charge_documents.refund, world.db, "fin", number,
                               reason="goodwill")  # the whole 475.80
    done = charge_documents.refund(world.db, "fin", number, reason="goodwill", net="80")
    assert done.total == Decimal("97.60")


@pytest.mark.parametrize(("key", "value"), [("money_max_per_operation", "0"),
                                            ("money_min_per_operation", "-1"),
                                            ("money_max_per_operation", "1000000.01"),
                                            ("money_min_per_operation", "100000.01")])
def test_bounds_that_make_no_sense_are_refused(world: World, key: str, value: str) -> None:
    with pytest.raises(ValidationError):
        settings_service.set_setting(world.db, "admin", key, value)
    assert settings_service.get_settings(world.db).money_max_per_operation == Decimal("100000.00")


def test_only_an_admin_sets_the_bounds(world: World) -> None:
    with pytest.raises(PermissionDenied):
        settings_service.set_setting(world.db, "fin", "money_max_per_operation", "999999")


@pytest.mark.postgres
@pytest.mark.parametrize("amount", [-9223372036854775807, 9223372036854775807, 10000001, 0])
def test_the_server_refuses_a_huge_adjustment_as_finance(world: World, amount: int) -> None:
    """The issue's call: rit_post_credit('C3', 'adjustment', -9223372036854775807, ...) as
    finance made the balance -92,233,720,368,543,681.07 (failed before)."""
    if world.db.is_sqlite:
        pytest.skip("SQLite has no server functions")
    before = _ledger(world)
    with pytest.raises(RitError) as refused, world.db.transaction() as session:
        session.execute(text(
            "SELECT * FROM rit_post_credit('ACME', 'adjustment', :amount, 'x', 'why', 'fin', "
            "false, NULL, now()::timestamp)"), {"amount": amount})
    assert isinstance(refused.value, ValidationError)
    if amount == -9223372036854775807:  # said to the cent
        assert "-92233720368547758.07 is outside the limits" in str(refused.value)
    assert _ledger(world) == before
