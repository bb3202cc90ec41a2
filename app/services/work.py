"""Work entries: hours logged on accepted and in-progress requests."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain import states
from app.domain.enums import RequestState
from app.domain.errors import Phrase, StateError, ValidationError, phrase
from app.domain.money import parse_hours, round_up_minutes
from app.domain.references import request_reference
from app.services import settings as settings_service
from app.services.common import (
    MAX_REASON,
    audit,
    check_version,
    clean_text,
    get_request,
    lock,
    require,
    touch,
)
from app.services.dto import WorkEntryView


def entry_view(entry: m.WorkEntry, increment: int) -> WorkEntryView:
    return WorkEntryView(entry.id, entry.request_id, entry.staff.username, entry.staff.name,
                         entry.work_date, entry.minutes, round_up_minutes(entry.minutes, increment),
                         entry.note, entry.created_at, entry.version)


def _check_date(work_date: date, today: date) -> None:
    if work_date > today:
        raise ValidationError.of("the work date {work_date} is in the future", work_date=work_date)
    if work_date < today - timedelta(days=366):
        raise ValidationError.of("the work date {work_date} is more than a year ago", work_date=work_date)


def log_work(
    db: Database,
    actor: str,
    number: int,
    *,
    hours: str,
    work_date: date | None = None,
    note: str = "",
) -> WorkEntryView:
    """Log time on a request; the first entry moves an accepted request to in progress."""
    minutes = parse_hours(hours)
    note = clean_text(note, phrase("note"), MAX_REASON, required=False)
    with db.transaction() as session:
        request = get_request(db, session, number)
        owner = request.assignee.username if request.assignee else None
        require(session, actor, "log_work", ownership=False)  # the role first, then the state, then ownership
        states.require("log_work", request.state, number)
        staff = require(session, actor, "log_work", owner=owner)
        day = work_date or db.today()
        _check_date(day, db.today())
        entry = m.WorkEntry(request_id=number, staff_id=staff.id, work_date=day, minutes=minutes,
                            note=note, created_at=db.now())
        session.add(entry)
        if request.state == RequestState.ACCEPTED:
            request.state = RequestState.IN_PROGRESS.value
        touch(db, request)
        session.flush()
        audit(db, session, staff.username, "work_logged", request_id=number,
              customer_id=request.customer_id, entry=entry.id, minutes=minutes,
              date=day.isoformat(), state=request.state)
        increment = settings_service.load(session).billing_increment_minutes
        return entry_view(entry, increment)


def _entry_phrase(entry: m.WorkEntry) -> Phrase:
    """How a person finds a work entry: its date and request."""
    return phrase("the work entry of {work_date} on {request}", work_date=entry.work_date,
                  request=request_reference(entry.request_id))


def _editable(db: Database, session: Session, entry_id: int) -> tuple[m.WorkEntry, m.Request]:
    entry = lock(db, session, m.WorkEntry, entry_id, phrase("work entry"))
    request = get_request(db, session, entry.request_id)
    if request.state not in (RequestState.ACCEPTED, RequestState.IN_PROGRESS):
        raise StateError.of(
            "{request} is {state}: its work can no longer change",
            request=request_reference(request.id), state=request.state
        )
    return entry, request


def edit_work(
    db: Database,
    actor: str,
    entry_id: int,
    *,
    hours: str,
    work_date: date,
    note: str = "",
    expected_version: int | None = None,
) -> WorkEntryView:
    minutes = parse_hours(hours)
    note = clean_text(note, phrase("note"), MAX_REASON, required=False)
    with db.transaction() as session:
        entry, request = _editable(db, session, entry_id)
        staff = require(session, actor, "edit_work", owner=entry.staff.username)
        check_version(entry, expected_version, _entry_phrase(entry))
        _check_date(work_date, db.today())
        before = {"minutes": entry.minutes, "date": entry.work_date.isoformat(), "note": entry.note}
        entry.minutes, entry.work_date, entry.note = minutes, work_date, note
        touch(db, request)
        audit(db, session, staff.username, "work_edited", request_id=request.id,
              customer_id=request.customer_id, entry=entry.id, before=before,
              after={"minutes": minutes, "date": work_date.isoformat(), "note": note})
        session.flush()
        increment = settings_service.load(session).billing_increment_minutes
        return entry_view(entry, increment)


def delete_work(db: Database, actor: str, entry_id: int, *, expected_version: int | None = None) -> None:
    with db.transaction() as session:
        entry, request = _editable(db, session, entry_id)
        staff = require(session, actor, "edit_work", owner=entry.staff.username)
        check_version(entry, expected_version, _entry_phrase(entry))
        touch(db, request)  # before the event: the change it records (PostgreSQL checks)
        audit(db, session, staff.username, "work_deleted", request_id=request.id,
              customer_id=request.customer_id, entry=entry.id, minutes=entry.minutes,
              date=entry.work_date.isoformat())
        session.delete(entry)
