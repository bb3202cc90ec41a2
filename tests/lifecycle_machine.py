"""Issue 9, part 6 (c): a hypothesis state machine over the whole lifecycle.

Every rule calls the real services on a real database (SQLite or PostgreSQL) and
predicts the outcome from a small model of its own (this file computes charges without
``app.domain.pricing``): submit, take, quote (fixed or hourly, valid 0, 1 or 30 days;
drafted, or composed and sent at once), send, accept, reject, time passing and the
expiry sweep, log and edit work, propose a variation, agree, refuse, complete, top up,
adjust. Most steps pick a request where the action is allowed; some pick any request,
and then the service must refuse with a readable error and change nothing. After every
step: the money invariants of ``tests/invariants.py`` (balance = ledger, at most one
charge per request, completed iff charged, no charge above what was agreed, every money
change audited), every customer's balance as the model expects, every request in the
state the model expects.

``tests/app/test_lifecycle_machine.py`` runs a few hundred steps in CI;
``tests/perf/fault_injection.py`` runs ten thousand and more on demand.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain.errors import (
    ConflictError,
    PermissionDenied,
    RitError,
    StateError,
    ValidationError,
)
from app.services import billing, customers, quotes, requests, variations, work
from app.services.quotes import LineInput, QuoteInput
from tests.conftest import FakeClock
from tests.invariants import check_money

D = Decimal
CENT = D("0.01")
#: code -> (initial credit, the service its requests are for)
CUSTOMERS: dict[str, tuple[Decimal, str]] = {
    "ACME": (D("1000.00"), "web-1"), "POOR": (D("50.00"), "srv"), "ZERO": (D("0.00"), "vm"),
}
codes = st.sampled_from(sorted(CUSTOMERS))
money = st.decimals(min_value=D("0.01"), max_value=D("3000.00"), places=2)
signed = st.decimals(min_value=D("-3000.00"), max_value=D("3000.00"), places=2).filter(bool)
minutes = st.integers(min_value=1, max_value=600)

ALLOWED = {
    "take": {"new"},
    "draft": {"new", "evaluating", "quoted", "rejected", "expired"},
    "work": {"accepted", "in_progress"},
}


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Quote:
    id: int
    kind: str
    net: Decimal
    rate: Decimal | None
    valid_until: date


@dataclass
class Req:
    customer: str
    state: str = "new"
    draft: Quote | None = None
    sent: Quote | None = None
    accepted: Quote | None = None
    agreed: Decimal | None = None
    pending: tuple[int, Decimal] | None = None
    work: dict[int, int] = field(default_factory=dict)  # entry id -> minutes


class Stats:
    """Steps made and refusals checked, over every example of a run."""

    steps = 0
    refused = 0
    charges = 0
    examples = 0


class LifecycleMachine(RuleBasedStateMachine):
    #: makes the database of one example (fresh, migrated, with :func:`populate` done)
    open_database: ClassVar[Callable[[FakeClock], Database]]
    stats: ClassVar[type[Stats]] = Stats
    counter = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.db = type(self).open_database(self.clock)
        self.balance = {code: initial for code, (initial, _) in CUSTOMERS.items()}
        self.reqs: dict[int, Req] = {}
        self.variations: dict[int, int] = {}  # variation id -> request
        self.stats.examples += 1

    def teardown(self) -> None:
        self.db.dispose()

    # -- helpers ---------------------------------------------------------------------------
    def _today(self) -> date:
        return self.db.today()

    def _pick(self, data: st.DataObject, allowed: Callable[[Req], bool],
              among: Callable[[Req], bool] = lambda r: True) -> tuple[int, bool] | None:
        """A request where the action is allowed (nine times in ten), or any request (the
        action must then be refused), and whether it is allowed; None: nothing to do."""
        pool = [n for n, r in self.reqs.items() if among(r)]
        good = [n for n in pool if allowed(self.reqs[n])]
        # (integers() favours its bounds: a seeded Random gives plain odds)
        odds = data.draw(st.randoms(use_true_random=False)).random()
        if not pool or (not good and odds < 0.75):
            return None
        number = data.draw(st.sampled_from(good if good and odds < 0.9 else pool))
        return number, allowed(self.reqs[number])

    def _refused(self, call: Callable[[], object], *kinds: type[RitError]) -> None:
        """``call`` must be refused with a readable error (nothing written: the invariants
        and the model's expectations are checked after the step). A technician's action on
        a request that is not theirs is refused for that first."""
        refusals: tuple[type[RitError], ...] = (*kinds, PermissionDenied)
        try:
            call()
        except refusals:
            self.stats.refused += 1
            return
        raise AssertionError(f"{call} was not refused")

    def _step(self) -> None:
        self.stats.steps += 1

    # -- a start with work under way (so that a short example reaches completions) -------
    @initialize(code=codes, fixed=st.booleans(), net=money, length=minutes)
    def start_with_work_in_progress(self, code: str, fixed: bool, net: Decimal,
                                    length: int) -> None:
        number = requests.submit_request(self.db, code, service=CUSTOMERS[code][1],
                                         category="other", subject="Under way")
        requests.take_request(self.db, "tech", number)
        valid = self._today() + timedelta(days=30)
        rate = D("60.00")
        data_in = (QuoteInput(kind="fixed", valid_until=valid, lines=[LineInput("Work", "1", net)])
                   if fixed else QuoteInput(kind="hourly", valid_until=valid, hourly_rate=rate,
                                            estimated_hours=D("4")))
        draft = quotes.create_quote(self.db, "tech", number, data_in)
        quotes.send_quote(self.db, "lead", draft.id)
        quotes.accept_quote(self.db, draft.id)
        entry = work.log_work(self.db, "tech", number, hours=f"{length // 60}:{length % 60:02d}")
        quote = Quote(draft.id, "fixed" if fixed else "hourly", draft.net,
                      None if fixed else rate, valid)
        self.reqs[number] = Req(code, "in_progress", accepted=quote, work={entry.id: length})

    # -- the customer's side and the front desk -------------------------------------------
    @rule(code=codes)
    def submit(self, code: str) -> None:
        self._step()
        number = requests.submit_request(self.db, code, service=CUSTOMERS[code][1],
                                         category="other", subject="Lifecycle")
        self.reqs[number] = Req(code)

    @rule(data=st.data())
    def take(self, data: st.DataObject) -> None:
        picked = self._pick(data, lambda r: r.state in ALLOWED["take"])
        if picked is None:
            return
        self._step()
        number, ok = picked
        if ok:
            assert requests.take_request(self.db, "tech", number) == "evaluating"
            self.reqs[number].state = "evaluating"
        else:
            self._refused(lambda: requests.take_request(self.db, "tech", number), StateError)

    # -- quotes ------------------------------------------------------------------------------
    @rule(data=st.data(), fixed=st.booleans(), net=money,
          rate=st.sampled_from([D("45.00"), D("60.00"), D("72.50")]),
          hours=st.sampled_from([D("1"), D("2.5"), D("4")]), days=st.sampled_from([30, 1, 0]),
          send_now=st.booleans())
    def draft(self, data: st.DataObject, fixed: bool, net: Decimal, rate: Decimal,
              hours: Decimal, days: int, send_now: bool) -> None:
        """A draft by the technician, or a quote composed and sent at once by the lead."""
        picked = self._pick(data, lambda r: r.state in ALLOWED["draft"] and r.draft is None)
        if picked is None:
            return
        self._step()
        number, ok = picked
        valid = self._today() + timedelta(days=days)
        data_in = (QuoteInput(kind="fixed", valid_until=valid, lines=[LineInput("Work", "1", net)])
                   if fixed else QuoteInput(kind="hourly", valid_until=valid, hourly_rate=rate,
                                            estimated_hours=hours))
        req = self.reqs[number]
        if not ok:
            self._refused(lambda: quotes.create_quote(self.db, "tech", number, data_in),
                          StateError, ConflictError)
            return
        send_now = send_now and req.state != "new"  # the lead on a request the technician has
        view = quotes.create_quote(self.db, "lead" if send_now else "tech", number, data_in,
                                   send=send_now)
        expected = net if fixed else cents(rate * hours)
        assert (view.state, view.net) == ("sent" if send_now else "draft", expected)
        made = Quote(view.id, "fixed" if fixed else "hourly", expected, None if fixed else rate,
                     valid)
        if send_now:
            req.sent, req.state = made, "quoted"
        else:
            req.draft = made
            if req.state == "new":
                req.state = "evaluating"

    @precondition(lambda self: any(r.draft for r in self.reqs.values()))
    @rule(data=st.data())
    def send(self, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from([n for n, r in self.reqs.items() if r.draft]))
        self._step()
        req = self.reqs[number]
        draft = req.draft
        assert draft is not None
        if req.state not in ALLOWED["draft"] or draft.valid_until < self._today():
            # accepted meanwhile (an earlier revision), or the draft's date has passed
            self._refused(lambda: quotes.send_quote(self.db, "lead", draft.id), StateError,
                          ValidationError)
            return
        assert quotes.send_quote(self.db, "lead", draft.id).state == "sent"
        req.sent, req.draft, req.state = draft, None, "quoted"

    def _answer(self, data: st.DataObject, accept: bool) -> None:
        number = data.draw(st.sampled_from([n for n, r in self.reqs.items() if r.sent]))
        self._step()
        req = self.reqs[number]
        sent = req.sent
        assert sent is not None
        call = (lambda: quotes.accept_quote(self.db, sent.id)) if accept else (
            lambda: quotes.reject_quote(self.db, sent.id, reason="too much"))
        if req.state != "quoted" or sent.valid_until < self._today():
            self._refused(call, StateError)
            return
        call()
        req.sent = None  # answered: no longer to be answered
        if accept:
            req.state, req.accepted = "accepted", sent
        else:
            req.state = "rejected"

    @precondition(lambda self: any(r.sent for r in self.reqs.values()))
    @rule(data=st.data())
    def accept(self, data: st.DataObject) -> None:
        self._answer(data, True)

    @precondition(lambda self: any(r.sent for r in self.reqs.values()))
    @rule(data=st.data())
    def reject(self, data: st.DataObject) -> None:
        self._answer(data, False)

    @rule(days=st.sampled_from([0, 1, 2, 31]))
    def time_passes_and_quotes_expire(self, days: int) -> None:
        self._step()
        self.clock.now += timedelta(days=days)
        today = self._today()
        due = {n: r for n, r in self.reqs.items()
               if r.state == "quoted" and r.sent is not None and r.sent.valid_until < today}
        expired = quotes.expire_quotes(self.db)
        assert sorted(expired) == sorted(r.sent.id for r in due.values() if r.sent)
        for req in due.values():
            req.state = "expired"

    # -- work and variations ---------------------------------------------------------------
    @rule(data=st.data(), length=minutes)
    def log_work(self, data: st.DataObject, length: int) -> None:
        picked = self._pick(data, lambda r: r.state in ALLOWED["work"])
        if picked is None:
            return
        self._step()
        number, ok = picked
        hours = f"{length // 60}:{length % 60:02d}"
        if not ok:
            self._refused(lambda: work.log_work(self.db, "tech", number, hours=hours), StateError)
            return
        entry = work.log_work(self.db, "tech", number, hours=hours)
        req = self.reqs[number]
        req.work[entry.id] = length
        req.state = "in_progress"

    @precondition(lambda self: any(r.work for r in self.reqs.values()))
    @rule(data=st.data(), length=minutes)
    def edit_work(self, data: st.DataObject, length: int) -> None:
        picked = self._pick(data, lambda r: r.state in ALLOWED["work"], lambda r: bool(r.work))
        if picked is None:
            return
        number, _ok = picked
        req = self.reqs[number]
        entry = data.draw(st.sampled_from(sorted(req.work)))
        self._step()
        hours = f"{length // 60}:{length % 60:02d}"

        def edit() -> object:
            return work.edit_work(self.db, "tech", entry, hours=hours, work_date=self._today())
        if req.state not in ALLOWED["work"]:
            self._refused(edit, StateError)
            return
        edit()
        req.work[entry] = length

    @rule(data=st.data(), amount=money)
    def propose_variation(self, data: st.DataObject, amount: Decimal) -> None:
        picked = self._pick(data, lambda r: r.state in ALLOWED["work"] and r.pending is None)
        if picked is None:
            return
        self._step()
        number, ok = picked

        def propose() -> Any:
            return variations.propose_variation(self.db, "tech", number, amount=amount,
                                                reason="more work")
        if not ok:
            self._refused(propose, StateError, ConflictError)
            return
        view = propose()
        self.reqs[number].pending = (view.id, amount)
        self.variations[view.id] = number

    @precondition(lambda self: bool(self.variations))
    @rule(data=st.data(), agree=st.booleans())
    def answer_variation(self, data: st.DataObject, agree: bool) -> None:
        variation = data.draw(st.sampled_from(sorted(self.variations)))
        self._step()
        req = self.reqs[self.variations[variation]]
        answer = variations.agree_variation if agree else variations.refuse_variation
        if req.pending is None or req.pending[0] != variation:
            self._refused(lambda: answer(self.db, variation), StateError)
            return
        assert answer(self.db, variation).state == ("agreed" if agree else "refused")
        if agree:
            req.agreed = req.pending[1]
        req.pending = None

    # -- completion and credit -------------------------------------------------------------
    @rule(data=st.data())
    def complete(self, data: st.DataObject) -> None:
        picked = self._pick(data, lambda r: r.state == "in_progress" and r.pending is None)
        if picked is None:
            return
        self._step()
        number, ok = picked
        req = self.reqs[number]
        if not ok:
            self._refused(lambda: billing.complete_request(self.db, "tech", number), StateError)
            return
        quote = req.accepted
        assert quote is not None and req.work
        ceiling = req.agreed if req.agreed is not None else quote.net
        if quote.kind == "fixed":
            net = ceiling
        else:
            assert quote.rate is not None
            billable = sum(int((D(w) / 15).to_integral_value(ROUND_CEILING)) * 15
                           for w in req.work.values())
            net = min(cents(D(billable) * quote.rate / 60), ceiling)
        vat = cents(net * D("22") / 100)
        result = billing.complete_request(self.db, "tech", number)
        assert (result.net, result.vat, result.total) == (net, vat, net + vat), number
        self.balance[req.customer] -= net + vat
        assert result.balance == self.balance[req.customer]
        req.state = "completed"
        self.stats.charges += 1

    @rule(code=codes, amount=money, portal=st.booleans())
    def top_up(self, code: str, amount: Decimal, portal: bool) -> None:
        self._step()
        result = customers.topup(self.db, None if portal else "fin", code, amount)
        self.balance[code] += amount
        assert result.balance == self.balance[code]

    @rule(code=codes, amount=signed)
    def adjust(self, code: str, amount: Decimal) -> None:
        self._step()
        result = customers.adjust(self.db, "fin", code, amount, reason="correction")
        self.balance[code] += amount
        assert result.balance == self.balance[code]

    # -- after every step ------------------------------------------------------------------
    @invariant()
    def money_and_states_are_as_expected(self) -> None:
        check_money(self.db)
        with self.db.read() as session:
            balances = dict(session.execute(
                select(m.Customer.code, m.Customer.balance)).tuples().all())
            states = dict(session.execute(select(m.Request.id, m.Request.state)).tuples().all())
        assert balances == self.balance
        assert states == {n: r.state for n, r in self.reqs.items()}


def machine_on(open_database: Callable[[FakeClock], Database]
               ) -> tuple[type[LifecycleMachine], type[Stats]]:
    """A machine whose examples open their database with ``open_database``, and the
    counters of its steps (its own)."""

    class Counted(Stats):
        pass

    class Machine(LifecycleMachine):
        pass

    Machine.open_database = staticmethod(open_database)
    Machine.stats = Counted
    return Machine, Counted


def populate(db: Database) -> None:
    """The world every example starts from: staff of each role and three customers."""
    from app.services import staff

    staff.add_staff(db, None, "admin", name="Ada Admin", role="admin", login=False)
    for username, role in [("tech", "technician"), ("lead", "team_lead"), ("fin", "finance")]:
        staff.add_staff(db, "admin", username, name=username.title(), role=role, login=False)
    for code, (initial, service) in CUSTOMERS.items():
        customers.add_customer(db, "admin", code, name=f"{code} Srl")
        if initial:
            customers.topup(db, "fin", code, initial)
        customers.add_service(db, "admin", code, name=service, kind="vps")
