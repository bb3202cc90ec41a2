"""What PostgreSQL refused, in the app's own words.

The server functions and triggers of migration 0007 raise SQLSTATE ``RD000`` (``RD001``:
the facts a charge was priced from changed) or ``42501`` with a JSON detail: a ``key``
and the facts. Here each key becomes the error the Python path raises for the same
refusal (the same template, so the GUI translates it); a plain permission error of the
database (a grant or a row-level security policy said no) becomes
:class:`~app.domain.errors.PermissionDenied` with PostgreSQL's first line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from app.domain import permissions, states
from app.domain.errors import (
    ConflictError,
    DatabaseRefused,
    NotFoundError,
    PermissionDenied,
    RitError,
    StateError,
    ValidationError,
)
from app.domain.invoices import NATURES
from app.domain.references import quote_reference, request_reference

SERVER_ERROR = "RD000"
STALE_FACTS = "RD001"
INSUFFICIENT_PRIVILEGE = "42501"


class StaleFacts(ConflictError):
    """The facts a charge was priced from changed before it was made: price it again."""


def _request(facts: dict[str, Any]) -> str:
    return request_reference(int(facts["number"]))


def _quote(facts: dict[str, Any]) -> str:
    return quote_reference(int(facts["number"]), int(facts["revision"]))


def _permission(facts: dict[str, Any], *, own: bool) -> RitError:
    try:
        permissions.check(facts["action"], facts["role"], username=facts["user"],
                          ownership=own, owner=None)
    except PermissionDenied as exc:
        return exc
    return PermissionDenied.of("{user} ({role}) may not {action}", user=facts["user"],
                               role=facts["role"], action=facts["action"])


def _state(facts: dict[str, Any]) -> RitError:
    try:
        states.require(facts["action"], facts["state"], facts["number"])
    except StateError as exc:
        return exc
    return StateError.of("{request} is {state}", request=_request(facts), state=facts["state"])


ERRORS: dict[str, Callable[[dict[str, Any]], RitError]] = {
    "stale": lambda f: StaleFacts.of(
        "{request} changed while it was being charged: try again", request=_request(f)),
    "signed_in_as": lambda f: PermissionDenied.of("you are signed in as {login}", login=f["login"]),
    "needs_staff": lambda f: ValidationError.of(
        "this action is done by a staff member: name one (--as USER)"),
    "no_staff_record": lambda f: PermissionDenied.of(
        "the login {login} has no staff record in this database", login=f["login"]),
    "unknown_user": lambda f: NotFoundError.of("unknown user: {username}", username=f["username"]),
    "inactive_user": lambda f: ValidationError.of("user {username} is no longer active",
                                                  username=f["username"]),
    "role": lambda f: _permission(f, own=False),
    "not_own": lambda f: _permission(f, own=True),
    "not_own_request": lambda f: PermissionDenied.of(
        "{user} (technician) may change only requests assigned to them: not {request}",
        user=f["user"], request=_request(f)),
    "not_own_entry": lambda f: PermissionDenied.of(
        "{user} (technician) may change only their own work entries", user=f["user"]),
    "not_portal": lambda f: PermissionDenied.of(
        "{login} is not a login of the control panel", login=f["login"]),
    "unknown_request": lambda f: NotFoundError.of("unknown request: {request}",
                                                  request=_request(f)),
    "request_changed": lambda f: ConflictError.of(
        "{request} was changed by someone else in the meantime: reload and try again",
        request=_request(f)),
    "state": _state,
    "pending": lambda f: StateError.of(
        "{request} has a variation that still awaits the customer's answer",
        request=_request(f)),
    "no_work": lambda f: StateError.of(
        "{request} has no work logged: it cannot be completed", request=_request(f)),
    "no_work_to_charge": lambda f: StateError.of(
        "{request} has no work logged: cancel it without --charge-work", request=_request(f)),
    "fixed_no_variation": lambda f: StateError.of(
        "{request} is fixed-price with no agreed variation: cancel it without "
        "--charge-work, or agree a variation first", request=_request(f)),
    "reason_required": lambda f: ValidationError.of("reason is required"),
    "no_quote": lambda f: StateError.of("{request} has no accepted quote", request=_request(f)),
    "already_charged": lambda f: ConflictError.of("{request} is already charged",
                                                  request=_request(f)),
    "bad_charge": lambda f: ValidationError.of(
        "the charge of {request} does not add up: the database refused it",
        request=_request(f)),
    "over_agreed": lambda f: ValidationError.of(
        "the charge of {request} ({net} net) is above what the customer agreed ({ceiling})",
        request=_request(f), net=f["net"], ceiling=f["ceiling"]),
    "charge_changed": lambda f: ConflictError.of(
        "the charge of {request} changed after it was shown ({shown}): it is now "
        "{total} (net {net} + VAT {vat}); review it and confirm again",
        request=_request(f), shown=f["shown"], total=f["total"], net=f["net"], vat=f["vat"]),
    "charge_dated": lambda f: PermissionDenied.of(
        "a charge is dated by the database: {user} may not give it a date", user=f["user"]),
    "money_bounds": lambda f: ValidationError.of(
        "{amount} is outside the limits of one credit operation ({min} to {max})",
        amount=f["amount"], min=f["min"], max=f["max"]),
    "vat_point_in_use": lambda f: ValidationError.of(
        "the VAT point cannot change: charges or top-ups were already recorded under "
        "{point}", point=f["point"]),
    "vat_point": lambda f: ValidationError.of(
        "the VAT point is topup or charge, not {value}", value=f["value"]),
    "vat_nature": lambda f: ValidationError.of(
        "a quote at 0 % VAT must state its nature ({codes})", codes=", ".join(NATURES)),
    "credit_kind": lambda f: ValidationError.of("unknown kind of credit: {kind}", kind=f["kind"]),
    "credit_amount": lambda f: ValidationError.of(
        "the amount of a {kind} must be above zero (an adjustment: not zero)", kind=f["kind"]),
    "credit_reason": lambda f: ValidationError.of("reason is required"),
    "unknown_customer": lambda f: NotFoundError.of("unknown customer: {code}", code=f["code"]),
    "customer_changed": lambda f: ConflictError.of(
        "customer {code} was changed by someone else in the meantime: reload and try again",
        code=f["code"]),
    "bad_staff": lambda f: ValidationError.of("not a valid staff user: {username}",
                                              username=f["username"]),
    "user_exists": lambda f: ConflictError.of("user {username} already exists",
                                              username=f["username"]),
    "bad_login": lambda f: PermissionDenied.of(
        "the database role {username} cannot be a staff login (it is not a plain login)",
        username=f["username"]),
    "no_login": lambda f: NotFoundError.of("user {username} has no login in this database",
                                           username=f["username"]),
    "login_elsewhere": lambda f: PermissionDenied.of(
        "the login {username} belongs to another database too: only trusted maintenance may "
        "link it or set its password here", username=f["username"]),
    "linked_password": lambda f: ValidationError.of(
        "{username} already has a login: it is linked and keeps its password (leave out "
        "the password)", username=f["username"]),
    "no_portal_login": lambda f: NotFoundError.of(
        "{login} is not a login of this database's control panel", login=f["login"]),
    "bad_password": lambda f: ValidationError.of("the password must not be empty"),
    "last_admin": lambda f: ConflictError.of(
        "{username} is the last active admin: make someone else admin first",
        username=f["username"]),
    "new_customer_credit": lambda f: PermissionDenied.of(
        "a new customer starts with no credit: credit moves only as top-ups"),
    "request_completion": lambda f: PermissionDenied.of(
        "{request} is completed only by its charge", request=_request(f)),
    "customer_answer": lambda f: PermissionDenied.of(
        "only the customer (the control panel) answers on {request}", request=_request(f)),
    "quote_sent": lambda f: PermissionDenied.of(
        "quote {quote} was sent and can no longer be changed", quote=_quote(f)),
    "quote_state": lambda f: PermissionDenied.of("quote {quote} cannot change that way",
                                                 quote=_quote(f)),
    # the lifecycle enforced by the database (migration 0014)
    "lifecycle": lambda f: StateError.of(
        "the database refused: a {what} cannot go from {before} to {after}",
        what=f["table"].rstrip("s"), before=f["from"], after=f["to"]),
    "lifecycle_role": lambda f: PermissionDenied.of(
        "the database refused: {user} may not move a {what} from {before} to {after}",
        user=f["user"], what=f["table"].rstrip("s"), before=f["from"], after=f["to"]),
    "request_new": lambda f: PermissionDenied.of(
        "a request is opened only as new, with no assignee, quote or closing"),
    "request_closed": lambda f: StateError.of("{request} is {state}: it can no longer change",
                                              request=_request(f), state=f["state"]),
    "request_system": lambda f: PermissionDenied.of(
        "only the database sets {column} of {request}", column=f["column"],
        request=_request(f)),
    "quote_new": lambda f: PermissionDenied.of("a quote is composed only as a draft"),
    "quote_expired": lambda f: StateError.of(
        "quote {quote} expired on {valid_until} and can no longer be accepted: ask for a new "
        "quote", quote=_quote(f), valid_until=f["valid_until"]),
    "quote_use_case": lambda f: PermissionDenied.of(
        "quote {quote} is {quote_state} only through its use case: the database refused it",
        quote=_quote(f), quote_state=f["quote_state"]),
    "quote_valid": lambda f: StateError.of(
        "quote {quote} is valid until {valid_until}: it does not expire before",
        quote=_quote(f), valid_until=f["valid_until"]),
    "variation_new": lambda f: PermissionDenied.of(
        "a variation is proposed, never agreed or answered by who proposes it"),
    "work_closed": lambda f: StateError.of("{request} is {state}: its work can no longer change",
                                           request=_request(f), state=f["state"]),
    "cancel_after_work": lambda f: StateError.of(
        "{request} has work logged: ask the technical department to cancel it",
        request=_request(f)),
    "work_moved": lambda f: PermissionDenied.of("a work entry stays on its request"),
    "server_event": lambda f: PermissionDenied.of(
        "a {action} event is written only by the database's own functions",
        action=f["action"]),
    "server_notice": lambda f: PermissionDenied.of(
        "a {kind} notice is written only by the database's own functions", kind=f["kind"]),
    "event_unwritten": lambda f: PermissionDenied.of(
        "an event is written only with the change it records, in the same transaction"),
    "refund_reason": lambda f: ValidationError.of("reason is required"),
    "not_charged": lambda f: StateError.of("{request} has no charge to refund",
                                           request=_request(f)),
    "refunded_already": lambda f: StateError.of("the charge of {request} is refunded in full",
                                                request=_request(f)),
    "refund_amount": lambda f: ValidationError.of(
        "the net amount of a refund must be greater than zero"),
    "refund_over": lambda f: ValidationError.of(
        "a refund of {net} net is more than what is left of the charge of {request} ({left})",
        request=_request(f), net=f["net"], left=f["left"]),
    "store_document": lambda f: PermissionDenied.of(
        "{login} may not store the document of {request}: only the worker stores documents",
        login=f["login"], request=_request(f)),
    "worker_event": lambda f: PermissionDenied.of(
        "the worker writes only the events of its jobs, not {action}", action=f["action"]),
    "worker_notice": lambda f: PermissionDenied.of(
        "the worker tells only the notices of its jobs, not {kind}", kind=f["kind"]),
    "not_pdf": lambda f: ValidationError.of("the document of {request} to store is not a PDF",
                                            request=_request(f)),
    # migration 0026: an invoice or credit note the company's legal data do not allow
    "legal_data": lambda f: ValidationError.of(
        "no invoice can be issued while the company's legal data are incomplete: set "
        "{settings} (rit-desk settings set KEY VALUE); nothing was recorded",
        settings=f["missing"]),
    "store_invoice": lambda f: PermissionDenied.of(
        "{login} may not store an invoice's files: only the worker does", login=f["login"]),
    "send_limit": lambda f: PermissionDenied.of(
        "quote {quote} is above the technicians' send limit: a team lead must send it",
        quote=_quote(f)),
    "approval": lambda f: PermissionDenied.of(
        "only a team lead or an admin approves or returns quote {quote}", quote=_quote(f)),
}


def server_error(sqlstate: str, message: str, detail: str | None) -> RitError | None:
    """The readable error for a refusal of the server (None: not one of ours)."""
    if sqlstate not in (SERVER_ERROR, STALE_FACTS, INSUFFICIENT_PRIVILEGE):
        return None
    facts: dict[str, Any] = {}
    if detail:
        try:
            parsed = json.loads(detail)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            facts = parsed
    make = ERRORS.get(str(facts.get("key", "")))
    if make is not None:
        try:
            return make(facts)
        except (KeyError, ValueError):
            pass
    if sqlstate == INSUFFICIENT_PRIVILEGE:
        return PermissionDenied.of("the database refused: {detail}", detail=message)
    return DatabaseRefused.of("the database refused: {detail}", detail=message)
