"""The request lifecycle: which action is allowed in which state."""

from __future__ import annotations

from datetime import date

from app.domain.enums import QuoteState, RequestState
from app.domain.errors import StateError, phrase
from app.domain.references import request_reference

S = RequestState

#: action -> request states in which it is allowed
ALLOWED: dict[str, frozenset[RequestState]] = {
    "take": frozenset({S.NEW}),
    "assign": frozenset({S.NEW, S.EVALUATING, S.QUOTED, S.ACCEPTED, S.IN_PROGRESS,
                         S.REJECTED, S.EXPIRED}),
    "decline": frozenset({S.NEW, S.EVALUATING, S.REJECTED, S.EXPIRED}),
    "draft_quote": frozenset({S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED}),
    "send_quote": frozenset({S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED}),
    "answer_quote": frozenset({S.QUOTED}),
    "cancel": frozenset({S.NEW, S.EVALUATING, S.QUOTED, S.REJECTED, S.EXPIRED}),
    # after acceptance: by a team lead with a reason, or by the customer while no work is
    # logged (issue 19)
    "cancel_accepted": frozenset({S.ACCEPTED, S.IN_PROGRESS}),
    "log_work": frozenset({S.ACCEPTED, S.IN_PROGRESS}),
    "propose_variation": frozenset({S.ACCEPTED, S.IN_PROGRESS}),
    "answer_variation": frozenset({S.ACCEPTED, S.IN_PROGRESS}),
    "withdraw_variation": frozenset({S.ACCEPTED, S.IN_PROGRESS}),
    "complete": frozenset({S.IN_PROGRESS}),
    # an open request's urgency can change until the work is done
    "set_priority": frozenset({S.NEW, S.EVALUATING, S.QUOTED, S.ACCEPTED, S.IN_PROGRESS,
                               S.REJECTED, S.EXPIRED}),
}

ACTION_WORDS = {
    "take": phrase("taken"),
    "assign": phrase("assigned"),
    "decline": phrase("declined"),
    "draft_quote": phrase("quoted"),
    "send_quote": phrase("quoted"),
    "answer_quote": phrase("answered"),
    "cancel": phrase("cancelled"),
    "cancel_accepted": phrase("cancelled"),
    "log_work": phrase("given work entries"),
    "propose_variation": phrase("given a variation"),
    "answer_variation": phrase("given an answer to a variation"),
    "withdraw_variation": phrase("relieved of a variation"),
    "complete": phrase("completed"),
    "set_priority": phrase("given another priority"),
}


def allowed(action: str, state: str) -> bool:
    return RequestState(state) in ALLOWED[action]


def require(action: str, state: str, number: int) -> None:
    """Raise a readable :class:`StateError` unless ``action`` is allowed in ``state``."""
    if not allowed(action, state):
        what = ACTION_WORDS[action]
        ref = request_reference(number)
        if action == "complete" and state == S.COMPLETED:
            raise StateError.of("{request} is already completed and charged", request=ref)
        if action == "complete" and state == S.ACCEPTED:
            raise StateError.of(
                "{request} has no work logged: it cannot be completed yet", request=ref
            )
        if action == "log_work" and state not in (S.ACCEPTED, S.IN_PROGRESS):
            raise StateError.of(
                "{request} is {state}: hours can be logged only once a quote is accepted",
                request=ref, state=state
            )
        raise StateError.of(
            "{request} is {state} and cannot be {what}", request=ref, state=state, what=what
        )


def effective_quote_state(state: str, valid_until: date, today: date) -> QuoteState:
    """A sent quote past its validity date reads as expired even before the sweep runs."""
    current = QuoteState(state)
    if current is QuoteState.SENT and valid_until < today:
        return QuoteState.EXPIRED
    return current
