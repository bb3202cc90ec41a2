"""Cancel an accepted or in-progress request charging the work done so far (issue 19).

A team lead (or admin) closes the request as ``cancelled`` and charges it as completing
would (the same pricing: :func:`app.domain.pricing.compute_charge`, on PostgreSQL the
server's ``rit_price``), with two differences: a variation awaiting the customer does not
block (it is withdrawn with the request) and a fixed-price request is charged only when
an agreed variation states the amount. The charge, its document, the credit posted (the
exhaustion procedure) and exactly once are the completion's; the audit event is
``request_cancelled_charged``, the notice ``cancelled_charged`` (the reason and the
amounts). On PostgreSQL the server function ``rit_cancel_charging`` (migration 0023)
does it in one call; on SQLite this module, under ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from app.db.database import Database
from app.domain import states
from app.domain.enums import LedgerKind, NoticeKind
from app.domain.errors import ConflictError, StateError, phrase
from app.domain.pricing import ChargeBreakdown, compute_charge
from app.domain.references import request_reference
from app.services import credit, invoice_rules, invoices
from app.services.billing import (
    _INSERT_CHARGE,
    _Facts,
    _request_facts,
    charged_on_server,
    check_confirmed,
    preview_of,
)
from app.services.common import MAX_REASON, audit, clean_text, get_request, notify, require
from app.services.dto import ChargePreview, CompletionResult
from app.services.requests import close_cancelled

ACTION = "request_cancelled_charged"


def _compute(facts: _Facts) -> tuple[int, ChargeBreakdown]:
    """The charge of cancelling now: (accepted quote id, breakdown). Checks, in this
    order (as ``rit_cancel_charging``): the state allows cancelling, work was logged, an
    accepted quote exists, a fixed-price one has an agreed variation stating the amount."""
    number = facts.number
    states.require("cancel_accepted", facts.state, number)
    if not facts.minutes:
        raise StateError.of(
            "{request} has no work logged: cancel it without --charge-work",
            request=request_reference(number))
    if (facts.quote_id is None or facts.kind is None or facts.quote_net is None
            or facts.vat_rate is None or facts.increment is None):
        raise StateError.of("{request} has no accepted quote", request=request_reference(number))
    if facts.kind == "fixed" and facts.agreed is None:
        raise StateError.of(
            "{request} is fixed-price with no agreed variation: cancel it without "
            "--charge-work, or agree a variation first", request=request_reference(number))
    charge = compute_charge(
        kind=facts.kind, quote_net=facts.quote_net, vat_rate=facts.vat_rate,
        hourly_rate=facts.hourly_rate, entries_minutes=facts.minutes,
        agreed_variations=[] if facts.agreed is None else [facts.agreed],
        increment=facts.increment, vat_point=facts.vat_point)
    return facts.quote_id, charge


def preview_cancel_charge(db: Database, number: int) -> ChargePreview:
    """What cancelling the request now charging the work done would charge (nothing is
    written); a :class:`StateError` says why it cannot be charged."""
    with db.read() as session:
        facts = _request_facts(db, session, number)
        _, charge = _compute(facts)
        return preview_of(facts, charge)


def cancel_charging_work(
    db: Database,
    actor: str,
    number: int,
    *,
    reason: str,
    expected_version: int | None = None,
    confirmed: ChargePreview | None = None,
) -> CompletionResult:
    """Cancel the request charging the work done so far, exactly once. With
    ``confirmed`` (the preview the user saw) a charge that differs is refused with the
    new figures."""
    reason = clean_text(reason, phrase("reason"), MAX_REASON)
    if db.is_sqlite:
        return _cancel_sqlite(db, actor, number, reason, expected_version, confirmed)
    with db.read() as session:  # the role in words (the server's grant would only refuse)
        require(session, actor, "cancel_request")
    return charged_on_server(db, _DRIVER_CANCEL, actor, number, expected_version, confirmed,
                             reason=reason)


#: the server function of migration 0023, as the driver sends it
_DRIVER_CANCEL = (
    "SELECT charge_id, net, vat, total, balance, status, suspended, "
    "rit_invoice_number(NULL, charge_id) FROM rit_cancel_charging("
    "%(number)s::integer, %(reason)s::text, %(acted_for)s::text, %(version)s::integer, "
    "%(net)s::bigint, %(vat)s::bigint, %(total)s::bigint, %(at)s::timestamp)")


def _cancel_sqlite(db: Database, actor: str, number: int, reason: str,
                   expected_version: int | None,
                   confirmed: ChargePreview | None) -> CompletionResult:
    with db.transaction() as session:
        staff = require(session, actor, "cancel_request")
        facts = _request_facts(db, session, number)
        if expected_version is not None and facts.version != expected_version:
            raise ConflictError.of(
                "{request} was changed by someone else in the meantime: reload and try again",
                request=request_reference(number))
        quote_id, charge = _compute(facts)
        if confirmed is not None:
            check_confirmed(number, confirmed, charge)
        invoice_rules.require_issuable(session, "charge")
        try:
            charge_id = session.execute(_INSERT_CHARGE, {
                "request_id": number, "customer_id": facts.customer_id, "quote_id": quote_id,
                "kind": charge.kind.value, "billable_minutes": charge.billable_minutes,
                "capped": charge.capped, "net_cents": charge.net, "vat_cents": charge.vat,
                "total_cents": charge.total, "created_at": db.now(),
                "created_by_id": staff.id, "vat_point": charge.vat_point,
                "vat_nature": facts.vat_nature, "vat_legal_reference": facts.legal_reference,
            }).scalar_one()
        except IntegrityError:
            raise ConflictError.of("{request} is already charged",
                                   request=request_reference(number)) from None
        posting = credit.post_locked(
            db, session, facts.customer_id, facts.balance, facts.status, LedgerKind.CHARGE,
            -charge.total, actor=staff.username, reference=request_reference(number),
            charge_id=charge_id, request_id=number)
        close_cancelled(db, session, get_request(db, session, number))
        audit(db, session, staff.username, ACTION, request_id=number,
              customer_id=facts.customer_id, reason=reason, kind=charge.kind.value,
              billable_minutes=charge.billable_minutes, capped=charge.capped, net=charge.net,
              vat=charge.vat, total=charge.total, balance=posting.balance)
        notify(db, session, facts.customer_id, NoticeKind.CANCELLED_CHARGED, request_id=number,
               reason=reason, net=charge.net, vat=charge.vat, total=charge.total,
               balance=posting.balance)
        return CompletionResult(number, charge.net, charge.vat, charge.total, posting.balance,
                                posting.status, credit.missing_amount(posting.balance),
                                posting.suspended, invoices.number_in(session, charge_id=charge_id))
