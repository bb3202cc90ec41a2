"""The queues of the main window: which request states each one shows."""

from __future__ import annotations

from app.domain.enums import CLOSED_STATES, RequestState
from app.domain.errors import ValidationError
from app.domain.texts import has_control

#: queue name -> the states it shows (None: all); "mine" also filters on the user
QUEUES: dict[str, tuple[str, ...] | None] = {
    "mine": tuple(s.value for s in RequestState if s not in CLOSED_STATES
                  and s is not RequestState.COMPLETED),
    "new": (RequestState.NEW.value,),
    "evaluating": (RequestState.EVALUATING.value,),
    "quoted": (RequestState.QUOTED.value,),
    "accepted": (RequestState.ACCEPTED.value,),
    "in_progress": (RequestState.IN_PROGRESS.value,),
    "completed": (RequestState.COMPLETED.value,),
    "closed": tuple(s.value for s in CLOSED_STATES),
    "all": None,
}

#: the queues that list requests by state, in the order they are shown
STATE_QUEUES = ("new", "evaluating", "quoted", "accepted", "in_progress", "completed", "closed")


def queue_of(state: str, *, mine: bool) -> str:
    """The queue where a request in ``state`` is found: "mine" when it is open and assigned
    to the user who has that queue (``mine``), else the one queue of its state."""
    if mine and state in (QUEUES["mine"] or ()):
        return "mine"
    return next((q for q in STATE_QUEUES if state in (QUEUES[q] or ())), "all")


#: the team lead's queues (conditions in app/services/attention.py), shown first to leads
ATTENTION_QUEUES = ("to_approve", "lead_drafts", "expiring", "waiting_variations", "unassigned",
                    "near_ceiling", "undelivered")

#: the technician's own queue of quotes a team lead returned to draft (the condition in
#: app/services/attention.py, on the technician's requests): what they must rework
RETURNED = "returned"

#: the longest search (a request number, a customer, a few words of a subject)
MAX_SEARCH = 200


def check_search(text: str) -> str:
    """What the user typed in a search, trimmed; refused when too long or with control
    characters (SQLite refuses LIKE patterns of 50,000 bytes; nobody types 200 characters
    to find a request). The service checks every search with it, the search box as it is
    typed."""
    text = text.strip()
    if len(text) > MAX_SEARCH:
        raise ValidationError.of("the search is too long ({length} characters, at most {max_len})",
                                 length=len(text), max_len=MAX_SEARCH)
    if has_control(text):
        raise ValidationError.of("the search contains control characters")
    return text
