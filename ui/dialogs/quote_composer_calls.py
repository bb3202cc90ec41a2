"""What the quote composer asks of the services, off the GUI thread: they take plain data,
never a widget, so that no Qt object is ever released from a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.db.database import Database
from app.domain.errors import RitError
from app.services import catalogue, quotes, settings, staff
from app.services.dto import CatalogueItemView, QuoteView, RequestDetail, StaffView
from app.services.queries import request_detail
from app.services.quotes import QuoteInput
from app.services.settings import Settings


@dataclass(frozen=True)
class ComposerContext:
    settings: Settings
    detail: RequestDetail
    me: StaffView
    catalogue: tuple[CatalogueItemView, ...] = ()


@dataclass(frozen=True)
class SendOutcome:
    saved: QuoteView
    sent: QuoteView | None
    error: RitError | None


def typed_number(value: Decimal, lang: str) -> str:
    """A number as the user would type it back (no grouping)."""
    text = f"{value:f}"
    return text.replace(".", ",") if lang == "it" else text


def read_context(db: Database, actor: str, number: int) -> ComposerContext:
    return ComposerContext(settings.get_settings(db), request_detail(db, number),
                    staff.get_staff(db, actor), tuple(catalogue.list_items(db)))


def store_draft(
    db: Database, actor: str, number: int, draft: QuoteView | None, data: QuoteInput
) -> QuoteView:
    """Create the draft, or update the one being edited."""
    if draft is None:
        return quotes.create_quote(db, actor, number, data)
    return quotes.update_draft(db, actor, draft.id, data, expected_version=draft.version)


def store_and_send(
    db: Database, actor: str, number: int, draft: QuoteView | None, data: QuoteInput,
    submit: bool = False,
) -> SendOutcome:
    """Save, then send (``submit``: submit for a team lead's approval); a refused send
    still reports the saved draft."""
    saved = store_draft(db, actor, number, draft, data)
    try:
        go = quotes.submit_quote if submit else quotes.send_quote
        sent = go(db, actor, saved.id, expected_version=saved.version)
    except RitError as exc:
        return SendOutcome(saved, None, exc)
    return SendOutcome(saved, sent, None)
