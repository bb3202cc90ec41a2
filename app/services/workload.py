"""Open work per person: what the assign list shows beside each name."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import models as m
from app.db.database import Database
from app.domain.enums import CLOSED_STATES, RequestState

#: the states of work someone still has to do
OPEN_STATES = tuple(s.value for s in RequestState
                    if s not in CLOSED_STATES and s is not RequestState.COMPLETED)


def open_workload(db: Database) -> dict[str, int]:
    """username -> open requests assigned to them (people with none are absent)."""
    with db.read() as session:
        rows = session.execute(
            select(m.Staff.username, func.count())
            .select_from(m.Request).join(m.Staff, m.Staff.id == m.Request.assignee_id)
            .where(m.Request.state.in_(OPEN_STATES))
            .group_by(m.Staff.username))
        return {username: int(count) for username, count in rows}
