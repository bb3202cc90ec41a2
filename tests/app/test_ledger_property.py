"""The ledger invariant under any sequence of top-ups, adjustments and charges.

A hypothesis state machine drives the services on a fresh SQLite file per example
(copied from a migrated template, so each example starts from the same small world) and
checks after every step: balance == sum(ledger) == the balance the test expects,
credit exhaustion iff balance < 0, services suspended iff exhausted, missing amount.
"""

from __future__ import annotations

import itertools
import shutil
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain.errors import PermissionDenied, StateError, ValidationError
from app.services import billing, credit, customers, quotes, requests, staff, work
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import FakeClock, at_charge_point, fake_renderer

D = Decimal
#: code -> (initial credit, services)
CUSTOMERS: dict[str, tuple[Decimal, tuple[str, ...]]] = {
    "ACME": (D("1000.00"), ("web-1", "db-1")),
    "POOR": (D("50.00"), ("srv",)),
    "ZERO": (D("0.00"), ("vm",)),  # no initial credit: no ledger entry at all
}
codes = st.sampled_from(sorted(CUSTOMERS))
positive = st.decimals(min_value=D("0.01"), max_value=D("3000.00"), places=2)
signed = st.decimals(min_value=D("-3000.00"), max_value=D("3000.00"), places=2).filter(bool)
bad_amounts = st.sampled_from(["0", "-1", "1000000.01", "0.001", "abc", ""])


def _vat(net: Decimal) -> Decimal:
    return (net * D("0.22")).quantize(D("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "template.sqlite3"
    db = Database(f"sqlite:///{path}", renderer=fake_renderer)
    db.upgrade_schema()
    at_charge_point(db)
    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin")
    for username, role in [("tech", "technician"), ("lead", "team_lead"), ("fin", "finance")]:
        staff.add_staff(db, "admin", username, name=username.title(), role=role)
    for code, (initial, services) in CUSTOMERS.items():
        customers.add_customer(db, "admin", code, name=f"{code} Srl",
                               credit_amount=initial if initial else None)
        for name in services:
            customers.add_service(db, "admin", code, name=name, kind="vps")
    db.dispose()  # the last connection closing checkpoints the WAL into the file
    assert not Path(f"{path}-wal").exists()
    return path


class LedgerMachine(RuleBasedStateMachine):
    counter = itertools.count()
    template: Path  # the migrated world every example starts from (set by the test)

    def __init__(self) -> None:
        super().__init__()
        self.path = self.template.with_name(f"example-{next(self.counter)}.sqlite3")
        shutil.copyfile(self.template, self.path)
        self.clock = FakeClock()
        self.db = Database(f"sqlite:///{self.path}", clock=self.clock, renderer=fake_renderer)
        self.expected = {code: initial for code, (initial, _) in CUSTOMERS.items()}
        self.completed: list[int] = []

    def teardown(self) -> None:
        self.db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    # -- steps ---------------------------------------------------------------------------
    @rule(code=codes, amount=positive, by_finance=st.booleans())
    def topup(self, code: str, amount: Decimal, by_finance: bool) -> None:
        result = customers.topup(self.db, "fin" if by_finance else None, code, str(amount))
        self.expected[code] += amount
        assert result.balance == self.expected[code]

    @rule(code=codes, amount=signed)
    def adjust(self, code: str, amount: Decimal) -> None:
        result = customers.adjust(self.db, "fin", code, str(amount), reason="correction")
        self.expected[code] += amount
        assert result.balance == self.expected[code]

    @rule(code=codes, net=positive, hours=st.sampled_from(["0:20", "1", "2:45", "8"]))
    def charge_fixed(self, code: str, net: Decimal, hours: str) -> None:
        """A whole request: submitted, quoted at ``net``, accepted, worked and completed."""
        number = self._accepted(code, QuoteInput(kind="fixed", valid_until=self._valid(),
                                                 lines=[LineInput("Work", "1", str(net))]))
        work.log_work(self.db, "tech", number, hours=hours)
        result = billing.complete_request(self.db, "tech", number)
        total = net + _vat(net)
        assert result.total == total
        self.expected[code] -= total
        self.completed.append(number)

    @rule(code=codes, rate=st.sampled_from(["45", "60", "72.50"]),
          minutes=st.lists(st.integers(min_value=1, max_value=600), min_size=1, max_size=3))
    def charge_hourly(self, code: str, rate: str, minutes: list[int]) -> None:
        """Hourly, 4 h indicative: billable quarter hours x rate, capped at 4 x rate."""
        number = self._accepted(code, QuoteInput(kind="hourly", valid_until=self._valid(),
                                                 hourly_rate=rate, estimated_hours="4"))
        for entry in minutes:
            work.log_work(self.db, "tech", number, hours=f"{entry // 60}:{entry % 60:02d}")
        billable = sum(-(-entry // 15) * 15 for entry in minutes)
        net = min(D(billable) * D(rate) / 60, 4 * D(rate)).quantize(D("0.01"), ROUND_HALF_UP)
        result = billing.complete_request(self.db, "lead", number)
        assert (result.net, result.total) == (net, net + _vat(net))
        self.expected[code] -= result.total
        self.completed.append(number)

    @rule(code=codes, amount=bad_amounts)
    def bad_topup_changes_nothing(self, code: str, amount: str) -> None:
        with pytest.raises(ValidationError):
            customers.topup(self.db, "fin", code, amount)

    @rule(code=codes, amount=positive)
    def technician_topup_refused(self, code: str, amount: Decimal) -> None:
        with pytest.raises(PermissionDenied):
            customers.topup(self.db, "tech", code, str(amount))

    @rule(data=st.data())
    def complete_again_refused(self, data: st.DataObject) -> None:
        if self.completed:
            number = data.draw(st.sampled_from(self.completed))
            with pytest.raises(StateError, match="already completed"):
                billing.complete_request(self.db, "lead", number)

    # -- the invariant -----------------------------------------------------------------
    @invariant()
    def balance_is_the_ledger(self) -> None:
        with self.db.read() as session:
            for customer in session.scalars(select(m.Customer)):
                code = customer.code
                total = credit.ledger_sum(session, customer.id)
                assert customer.balance == total == self.expected[code], code
                last = session.scalar(select(m.LedgerEntry.balance_after)
                                      .where(m.LedgerEntry.customer_id == customer.id)
                                      .order_by(m.LedgerEntry.id.desc()).limit(1))
                assert last == (customer.balance if last is not None else None)
                exhausted = customer.balance < 0
                assert (customer.status == "credit_exhausted") is exhausted, code
                assert credit.missing_amount(customer.balance) == max(-customer.balance, D(0))
                assert {s.status for s in customer.services} == {
                    "suspended" if exhausted else "running"}, code

    # -- helpers -------------------------------------------------------------------------
    def _valid(self) -> date:
        return self.db.today() + timedelta(days=30)

    def _accepted(self, code: str, data: QuoteInput) -> int:
        number = requests.submit_request(self.db, code, service=CUSTOMERS[code][1][0], category="other",
                                         subject="Ad-hoc work")
        requests.take_request(self.db, "tech", number)
        quote = quotes.create_quote(self.db, "tech", number, data)
        quotes.send_quote(self.db, "lead", quote.id)
        quotes.accept_quote(self.db, quote.id)
        return number



def test_ledger_invariant(template: Path) -> None:
    class Machine(LedgerMachine):
        pass

    Machine.template = template
    run_state_machine_as_test(
        Machine,
        settings=settings(max_examples=30, stateful_step_count=10, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow]),
    )
