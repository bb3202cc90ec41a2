"""The request lifecycle: which action in which state, and the messages when refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import states
from app.domain.enums import QuoteState, RequestState
from app.domain.errors import StateError

S = RequestState

#: DESIGN.md's lifecycle written out independently of app.domain.states.ALLOWED
EXPECTED: dict[str, set[RequestState]] = {
    "take": {S.NEW},
    "log_work": {S.ACCEPTED, S.IN_PROGRESS},
    "propose_variation": {S.ACCEPTED, S.IN_PROGRESS},
    "answer_variation": {S.ACCEPTED, S.IN_PROGRESS},
    "complete": {S.IN_PROGRESS},
    "answer_quote": {S.QUOTED},
    # a rejected or expired request can be quoted again (a new revision)
    "draft_quote": {S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED},
    "send_quote": {S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED},
    # the customer withdraws before accepting
    "cancel": {S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED},
    "decline": {S.NEW, S.EVALUATING, S.REJECTED, S.EXPIRED},
    # open requests, until the work is done
    "set_priority": {S.NEW, S.EVALUATING, S.QUOTED, S.ACCEPTED, S.IN_PROGRESS, S.REJECTED,
                     S.EXPIRED},
}


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("state", list(RequestState))
def test_action_allowed_exactly_in_the_lifecycle_states(action: str, state: RequestState) -> None:
    expected = state in EXPECTED[action]
    assert states.allowed(action, state.value) is expected
    if expected:
        states.require(action, state.value, 7)
    else:
        with pytest.raises(StateError) as info:
            states.require(action, state.value, 7)
        assert "RIT-000007" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("state", [S.COMPLETED, S.DECLINED, S.CANCELLED])
def test_final_states_allow_nothing(state: RequestState) -> None:
    assert not any(states.allowed(action, state.value) for action in states.ALLOWED)


def test_messages_say_what_to_do() -> None:
    with pytest.raises(StateError, match="already completed and charged"):
        states.require("complete", "completed", 3)
    with pytest.raises(StateError, match="no work logged"):
        states.require("complete", "accepted", 3)
    with pytest.raises(StateError, match="only once a quote is accepted"):
        states.require("log_work", "quoted", 3)
    with pytest.raises(StateError, match="RIT-000003 is declined and cannot be taken"):
        states.require("take", "declined", 3)


def test_unknown_state_is_not_silently_allowed() -> None:
    with pytest.raises(ValueError):
        states.allowed("complete", "finished")


def test_effective_quote_state_reads_expired_after_validity() -> None:
    today = date(2025, 3, 10)
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    assert states.effective_quote_state("sent", today, today) is QuoteState.SENT  # last valid day
    assert states.effective_quote_state("sent", tomorrow, today) is QuoteState.SENT
    assert states.effective_quote_state("sent", yesterday, today) is QuoteState.EXPIRED
    # answered or replaced quotes keep their state after the date
    for kept in ("accepted", "rejected", "superseded", "draft", "withdrawn", "expired"):
        assert states.effective_quote_state(kept, yesterday, today) is QuoteState(kept)
