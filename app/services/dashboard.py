"""The team lead's dashboard: the department at a glance, as SQL aggregates.

Six figures, each a grouped query (no rows pulled into Python to be counted):

- ageing: open requests per state in age buckets (under 1 day, 1-3, 3-7, over 7 days);
- quotes expiring in the next 14 days per day, and quotes that expired unanswered in
  the last 30 days per day;
- in-progress hourly work against its ceiling, one bar per request (the most used first);
- charged per month over the last 12 months, net, per category;
- quote outcomes per month (accepted, rejected, expired) over the last 12 months;
- open workload per technician, per state.

Every bar is backed by a :class:`~app.services.dto.Drill` that the queue's filter
turns into exactly the requests the bar counts (:func:`drill_clause`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import Select, String, and_, case, func, literal, literal_column, select, union_all
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.tables import CHARGES, CUSTOMERS, QUOTES, REQUESTS, STAFF, WORK
from app.domain.enums import QuoteKind, QuoteState, RequestState
from app.domain.money import CENT
from app.domain.periods import Period, add_months, local_day, local_midnight
from app.services.at_risk import OPEN_WORK, agreed_net_cents, raw
from app.services.charges_report import month_case
from app.services.dto import Drill
from app.services.settings import vat_point

S = RequestState
OPEN_STATES = (S.NEW.value, S.EVALUATING.value, S.QUOTED.value, S.ACCEPTED.value,
               S.IN_PROGRESS.value)
#: age buckets: (label, youngest age in days, oldest age in days or None)
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("lt1", 0, 1), ("1to3", 1, 3), ("3to7", 3, 7), ("gt7", 7, None))
EXPIRING_DAYS = 14
EXPIRED_DAYS = 30
MONTHS = 12
#: the monthly charts show at least this many months (the last ones)
LEAST_MONTHS = 6
#: bars of the ceiling chart (the requests nearest to or over their ceiling)
CEILING_BARS = 15
NEAR, OVER = Decimal("0.8"), Decimal("1")
OUTCOMES = ("accepted", "rejected", "expired")


@dataclass(frozen=True)
class AgeingRow:
    state: str
    counts: tuple[int, ...]  # one per AGE_BUCKETS


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class CeilingBar:
    number: int
    customer: str
    work_amount: Decimal  # billable hours x rate
    ceiling: Decimal  # the agreed amount
    usage: Decimal  # work_amount / ceiling
    technician: str = ""  # the assignee's name ("" unassigned)


@dataclass(frozen=True)
class OutcomeMonth:
    month: str
    accepted: int
    rejected: int
    expired: int

    @property
    def answered(self) -> int:
        return self.accepted + self.rejected + self.expired

    @property
    def acceptance_rate(self) -> Decimal | None:
        """Accepted over all outcomes of the month (None when there were none)."""
        return None if not self.answered else Decimal(self.accepted) / Decimal(self.answered)


@dataclass(frozen=True)
class WorkloadRow:
    username: str
    name: str
    counts: dict[str, int]  # open state -> requests

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard shows, computed at ``now`` (naive UTC) for local day ``today``."""

    now: datetime
    today: date
    ageing: tuple[AgeingRow, ...]
    expiring: tuple[DayCount, ...]  # today .. today + 13, every day
    expired: tuple[DayCount, ...]  # today - 30 .. today - 1, every day
    ceilings: tuple[CeilingBar, ...]  # the CEILING_BARS most used
    hourly_in_progress: int  # how many in-progress hourly requests there are
    near_ceiling: int  # of which at 80 % or more (below 100 %)
    over_ceiling: int  # of which at 100 % or more
    months: tuple[str, ...]  # the months shown, oldest first ("2026-11"): _months_shown
    charged: dict[tuple[str, str], Decimal]  # (month, category) -> net charged
    outcomes: tuple[OutcomeMonth, ...]
    workload: tuple[WorkloadRow, ...]
    #: where VAT is charged (issue 20): the charged figures are net either way
    vat_point: str = "charge"

    def month_bounds(self, month: str, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
        """[start, end) of a month of the dashboard (local midnight, as naive UTC)."""
        first = _month_start(month)
        return local_midnight(first, zone), local_midnight(add_months(first, 1), zone)


# ------------------------------------------------------------------------------ queries


def _age_bounds(now: datetime) -> list[tuple[datetime | None, datetime | None]]:
    """[created from, created before) of each age bucket at ``now`` (None: open-ended; the
    youngest bucket also holds anything stamped after ``now`` by a clock ahead)."""
    out: list[tuple[datetime | None, datetime | None]] = []
    for _, young, old in AGE_BUCKETS:
        out.append((None if old is None else now - timedelta(days=old),
                    None if young == 0 else now - timedelta(days=young)))
    return out


def _ageing(session: Session, now: datetime) -> tuple[AgeingRow, ...]:
    bounds = _age_bounds(now)
    bucket = case(*[(REQUESTS.c.created_at >= start, i) for i, (start, _) in
                    enumerate(bounds) if start is not None], else_=len(bounds) - 1)
    counts: dict[str, list[int]] = {s: [0] * len(bounds) for s in OPEN_STATES}
    for state, index, count in session.execute(
            select(REQUESTS.c.state, bucket, func.count())
            .where(REQUESTS.c.state.in_(OPEN_STATES))
            .group_by(REQUESTS.c.state, bucket)):
        counts[state][int(index)] += int(count)
    return tuple(AgeingRow(state, tuple(counts[state])) for state in OPEN_STATES)


def _days(first: date, count: int, found: dict[date, int]) -> tuple[DayCount, ...]:
    return tuple(DayCount(first + timedelta(days=i), found.get(first + timedelta(days=i), 0))
                 for i in range(count))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _expiring(session: Session, today: date) -> tuple[DayCount, ...]:
    last = today + timedelta(days=EXPIRING_DAYS - 1)
    day = REQUESTS.c.quote_valid_until
    found = {_as_date(d): int(n) for d, n in session.execute(
        select(day, func.count()).where(REQUESTS.c.state == S.QUOTED.value, day >= today,
                                        day <= last).group_by(day))}
    return _days(today, EXPIRING_DAYS, found)


def _unanswered_expired() -> Any:
    """A quote that expired unanswered: swept, or sent and past its validity."""
    return QUOTES.c.state.in_((QuoteState.EXPIRED.value, QuoteState.SENT.value))


def _expired(session: Session, today: date) -> tuple[DayCount, ...]:
    first = today - timedelta(days=EXPIRED_DAYS)
    day = QUOTES.c.valid_until
    found = {_as_date(d): int(n) for d, n in session.execute(
        select(day, func.count(func.distinct(QUOTES.c.request_id)))
        .where(_unanswered_expired(), day >= first, day < today).group_by(day))}
    return _days(first, EXPIRED_DAYS, found)


def _billable_minutes() -> Any:
    """Each work entry rounded up to the quote's billing increment, summed (integer SQL)."""
    increment = QUOTES.c.billing_increment
    return func.sum((WORK.c.minutes + increment - 1) // increment * increment)


def _ceilings(session: Session) -> tuple[tuple[CeilingBar, ...], int, int, int]:
    """The most used ceilings of in-progress hourly requests, and how many are near/over.

    Work value in cents: billable minutes x rate cents / 60, half-up (as
    :func:`app.domain.pricing.work_value`); the usage is compared in integers
    (work x 10 >= ceiling x 8) so that SQL and the domain agree exactly.
    """
    rate = raw(QUOTES.c.hourly_rate_cents)
    per_request = (
        select(REQUESTS.c.id.label("number"), REQUESTS.c.customer_name.label("customer"),
               (_billable_minutes() * rate * 2 + 60) // 120,
               agreed_net_cents(QUOTES.c.net_cents), STAFF.c.name)
        .select_from(REQUESTS.join(QUOTES, and_(QUOTES.c.request_id == REQUESTS.c.id,
                                                QUOTES.c.state == QuoteState.ACCEPTED.value))
                     .join(WORK, WORK.c.request_id == REQUESTS.c.id)
                     .outerjoin(STAFF, STAFF.c.id == REQUESTS.c.assignee_id))
        .where(REQUESTS.c.state == S.IN_PROGRESS.value, QUOTES.c.kind == QuoteKind.HOURLY.value)
        .group_by(REQUESTS.c.id, REQUESTS.c.customer_name, QUOTES.c.hourly_rate_cents,
                  QUOTES.c.net_cents, STAFF.c.name)
    )
    rows = [(int(n), str(c), int(w or 0), int(ceiling), str(who or "")) for n, c, w, ceiling, who
            in session.execute(per_request)]
    near = sum(1 for _n, _c, w, ceiling, _who in rows if 10 * w >= 8 * ceiling and w < ceiling)
    over = sum(1 for _n, _c, w, ceiling, _who in rows if w >= ceiling)
    rows.sort(key=lambda r: (-(Decimal(r[2]) / r[3] if r[3] > 0 else Decimal(1)), r[0]))
    bars = tuple(
        CeilingBar(n, c, (Decimal(w) / 100).quantize(CENT), (Decimal(ceiling) / 100).quantize(CENT),
                   Decimal(w) / ceiling if ceiling > 0 else Decimal(1), who)
        for n, c, w, ceiling, who in rows[:CEILING_BARS])
    return bars, len(rows), near, over


def _month_window(today: date, zone: tzinfo | None) -> tuple[Period, list[tuple[str, datetime]]]:
    """The last 12 months to today's, each with the instant it starts."""
    period = Period.of(add_months(today, -(MONTHS - 1)), today)
    return period, period.month_bounds(zone)


def _per_month(months: list[tuple[str, datetime]], end: datetime,
               part: Callable[[datetime, datetime], Select[Any]]) -> Any:
    """``part(start, end)`` for each month, as one statement (``UNION ALL``), each row
    led by the month's index: every part is a range of an index. Summing or grouping by
    a month computed per row (``CASE``) instead is 4 to 15 times slower on SQLite, which
    compares the stored timestamps as text for every row and month."""
    starts = [start for _, start in months] + [end]
    return union_all(*[part(a, b).add_columns(literal(i).label("month")).order_by(None)
                       for i, (a, b) in enumerate(pairwise(starts))])


def _charged(session: Session, months: list[tuple[str, datetime]], end: datetime
             ) -> dict[tuple[str, str], Decimal]:
    def part(start: datetime, stop: datetime) -> Select[Any]:
        # charges alone: the category is copied onto the charge (migration 0005)
        return (select(CHARGES.c.category, func.sum(raw(CHARGES.c.net_cents)))
                .where(CHARGES.c.created_at >= start, CHARGES.c.created_at < stop)
                .group_by(CHARGES.c.category))

    charged: dict[tuple[str, str], Decimal] = {}
    for category, cents, month in session.execute(_per_month(months, end, part)):
        charged[(months[int(month)][0], str(category))] = (Decimal(int(cents)) / 100).quantize(CENT)
    return charged


def _outcomes(session: Session, months: list[tuple[str, datetime]], end: datetime,
              today: date) -> tuple[OutcomeMonth, ...]:
    counts: dict[str, dict[str, int]] = {key: dict.fromkeys(OUTCOMES, 0) for key, _ in months}
    # a request has at most one accepted quote (nothing can be quoted once one is), so
    # accepted quotes are counted as they are...
    def accepted(start: datetime, stop: datetime) -> Select[Any]:
        return select(func.count()).where(QUOTES.c.state == QuoteState.ACCEPTED.value,
                                          QUOTES.c.answered_at >= start,
                                          QUOTES.c.answered_at < stop)

    for n, month in session.execute(_per_month(months, end, accepted)):
        counts[months[int(month)][0]]["accepted"] = int(n)
    # ...and rejected revisions of one request in one month count once (the requests the
    # bar opens): a few thousand a year, grouped by month
    answered = month_case(QUOTES.c.answered_at, months)
    for month, n in session.execute(
            select(answered, func.count(func.distinct(QUOTES.c.request_id)))
            .where(QUOTES.c.state == QuoteState.REJECTED.value,
                   QUOTES.c.answered_at >= months[0][1], QUOTES.c.answered_at < end)
            .group_by(answered)):
        counts[str(month)]["rejected"] += int(n)
    first_day = _month_start(months[0][0])
    expired_month = _month_of_day(QUOTES.c.valid_until, [key for key, _ in months])
    for month, n in session.execute(
            select(expired_month, func.count(func.distinct(QUOTES.c.request_id)))
            .where(_unanswered_expired(), QUOTES.c.valid_until >= first_day,
                   QUOTES.c.valid_until < today)
            .group_by(expired_month)):
        counts[str(month)]["expired"] += int(n)
    return tuple(OutcomeMonth(key, **counts[key]) for key, _ in months)


def _month_start(key: str) -> date:
    """``2026-11`` -> 1 November 2026."""
    return date(int(key[:4]), int(key[5:]), 1)


def _month_of_day(column: Any, keys: list[str]) -> Any:
    """The month key of a date column (dates have no time zone)."""
    whens = [(column < _month_start(later), key) for key, later in pairwise(keys)]
    return case(*whens, else_=keys[-1]) if whens else literal(keys[-1], String)


def _workload(session: Session) -> tuple[WorkloadRow, ...]:
    counts: dict[int, dict[str, int]] = {}
    # the open states' part of ix_requests_state_assignee (migration 0006); grouped by
    # "assignee_id + 0" and without a condition on it, which made SQLite walk all of
    # ix_requests_assignee_state (1M requests) to group in its order
    assignee = (REQUESTS.c.assignee_id + literal_column("0")).label("assignee")
    for who, state, n in session.execute(
            select(assignee, REQUESTS.c.state, func.count())
            .where(REQUESTS.c.state.in_(OPEN_STATES))
            .group_by(assignee, REQUESTS.c.state)):
        if who is not None:  # unassigned
            counts.setdefault(int(who), {})[str(state)] = int(n)
    if not counts:
        return ()
    people = {row.id: (row.username, row.name) for row in session.execute(
        select(STAFF.c.id, STAFF.c.username, STAFF.c.name).where(STAFF.c.id.in_(counts)))}
    rows = [WorkloadRow(*people[i], {s: c.get(s, 0) for s in OPEN_STATES})
            for i, c in counts.items() if i in people]
    rows.sort(key=lambda r: (-r.total, r.name.casefold()))
    return tuple(rows)


def dashboard(db: Database, *, zone: tzinfo | None = None) -> Dashboard:
    """Everything the dashboard shows, read in one transaction (everyone may read it)."""
    now = db.now()
    today = local_day(now, zone)
    _, months = _month_window(today, zone)
    # whole months, the current one too (what a bar's drill-down selects)
    end = local_midnight(add_months(today, 1), zone)
    with db.read() as session:
        ceilings, hourly, near, over = _ceilings(session)
        charged = _charged(session, months, end)
        outcomes = _outcomes(session, months, end, today)
        shown = _months_shown([key for key, _ in months], charged, outcomes)
        return Dashboard(
            now=now, today=today, ageing=_ageing(session, now),
            expiring=_expiring(session, today), expired=_expired(session, today),
            ceilings=ceilings, hourly_in_progress=hourly, near_ceiling=near, over_ceiling=over,
            months=tuple(shown), charged=charged,
            outcomes=tuple(row for row in outcomes if row.month in shown),
            workload=_workload(session),
            vat_point=vat_point(session),
        )


def _months_shown(keys: list[str], charged: dict[tuple[str, str], Decimal],
                  outcomes: tuple[OutcomeMonth, ...]) -> list[str]:
    """The months the monthly charts show: from the first of the last twelve with any
    charge or quote outcome (never fewer than :data:`LEAST_MONTHS`, so that a bar keeps a
    sensible width); all twelve when none has any."""
    busy = {month for month, _ in charged} | {
        row.month for row in outcomes if row.accepted or row.rejected or row.expired}
    first = next((i for i, key in enumerate(keys) if key in busy), 0)
    return keys[min(first, max(0, len(keys) - LEAST_MONTHS)):]


# ------------------------------------------------------------------------------ drill-down


def age_drill(dash: Dashboard, state: str, bucket: int) -> Drill:
    start, end = _age_bounds(dash.now)[bucket]
    return Drill("age", state=state, start=start, end=end)


def drill_clause(drill: Drill) -> Any:
    """The condition on ``requests`` that selects exactly the requests of a bar."""
    r = REQUESTS.c
    kind = drill.kind
    if kind == "age":
        parts = [r.state == drill.state]
        if drill.start is not None:
            parts.append(r.created_at >= drill.start)
        if drill.end is not None:
            parts.append(r.created_at < drill.end)
        return and_(*parts)
    if kind == "expiring":
        return and_(r.state == S.QUOTED.value, r.quote_valid_until >= drill.first_day,
                    r.quote_valid_until <= drill.last_day)
    if kind == "expired":
        return r.id.in_(select(QUOTES.c.request_id).where(
            _unanswered_expired(), QUOTES.c.valid_until >= drill.first_day,
            QUOTES.c.valid_until <= drill.last_day))
    if kind == "request":
        return r.id == drill.number
    if kind == "charged":
        charged = select(CHARGES.c.request_id).where(
            CHARGES.c.created_at >= drill.start, CHARGES.c.created_at < drill.end,
            CHARGES.c.category == drill.category)
        return r.id.in_(charged)
    if kind == "outcome":
        return r.id.in_(select(QUOTES.c.request_id).where(
            QUOTES.c.state == drill.state, QUOTES.c.answered_at >= drill.start,
            QUOTES.c.answered_at < drill.end))
    if kind == "open_work":
        return and_(r.state.in_(OPEN_WORK), r.customer_id.in_(
            select(CUSTOMERS.c.id).where(CUSTOMERS.c.code == drill.customer)))
    if kind == "workload":
        return and_(r.state == drill.state, r.assignee_id.in_(
            select(STAFF.c.id).where(STAFF.c.username == drill.username)))
    raise ValueError(f"unknown drill-down: {kind}")


def outcome_drill(dash: Dashboard, month: str, outcome: str, zone: tzinfo | None = None
                  ) -> Drill:
    """The requests of one outcome in one month (expired: by validity day, before today)."""
    if outcome == "expired":
        first = _month_start(month)
        last = min(add_months(first, 1), dash.today) - timedelta(days=1)
        return Drill("expired", first_day=first, last_day=last)
    start, end = dash.month_bounds(month, zone)
    return Drill("outcome", state=outcome, start=start, end=end)


def day_drill(kind: str, day: date) -> Drill:
    """The requests of one day of the expiry chart (``expiring`` or ``expired``)."""
    return Drill(kind, first_day=day, last_day=day)


def request_drill(number: int) -> Drill:
    return Drill("request", number=number)


def workload_drill(username: str, state: str) -> Drill:
    return Drill("workload", state=state, username=username)


def open_work_drill(customer: str) -> Drill:
    """A customer's accepted and in-progress requests (what makes an account at risk)."""
    return Drill("open_work", customer=customer)


def charged_drill(dash: Dashboard, month: str, category: str, zone: tzinfo | None = None
                  ) -> Drill:
    start, end = dash.month_bounds(month, zone)
    return Drill("charged", category=category, start=start, end=end)

