"""What the user is told after an action: the service's result as one sentence.

Every action of the workspace and the customers panel ends here: :func:`feedback` turns
what the service returned (a new state, a quote, a work entry, a charge, a ledger
posting...) into a sentence in the user's language, naming records by their references.
The sentence goes to the status bar; an outcome the user must not miss (credit
exhausted, services suspended or restarted) is marked ``important`` and also stays in
a banner until the user closes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from app.domain.references import quote_reference, request_reference
from app.services.dto import (
    AttachmentView,
    CompletionResult,
    LedgerResult,
    QuoteView,
    RequestDetail,
    VariationView,
    WorkEntryView,
)
from ui import labels

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


def _fill(text: str, *values: str) -> str:
    """``text`` with ``%1``, ``%2``... replaced by ``values`` (Qt's placeholders)."""
    for i, value in reversed(list(enumerate(values, start=1))):
        text = text.replace(f"%{i}", value)
    return text


def _suspended(names: tuple[str, ...]) -> str:
    count = len(names)
    return Q.translate("Feedback", "%n service(s) suspended", "", count) + \
        f" ({', '.join(names)})"


def _restarted(names: tuple[str, ...]) -> str:
    count = len(names)
    return Q.translate("Feedback", "%n service(s) restarted", "", count) + \
        f" ({', '.join(names)})"


@dataclass(frozen=True)
class Feedback:
    """The sentence after an action; ``important``: also a banner that stays."""

    text: str
    important: bool = False


@dataclass(frozen=True)
class Done:
    """An action that succeeded, and what it acted on.

    ``result``: what the service returned. ``request``: the request as shown before the
    action (None for customer actions). ``target``: the quote or work entry the action
    was about, when the service returns nothing. ``customer``: the customer's name (credit
    actions). ``names``: username -> name of the staff.
    """

    action: str
    result: object = None
    request: RequestDetail | None = None
    target: object = None
    customer: str = ""
    names: Mapping[str, str] = field(default_factory=dict)
    lang: str = "it"


def _ref(done: Done) -> str:
    return request_reference(done.request.number) if done.request is not None else ""


def _take(done: Done) -> Feedback:
    state = labels.state_label(str(done.result)).lower()
    return Feedback(_fill(Q.translate("Feedback", "You took %1: it is now “%2”."),
                          _ref(done), state))


def _assign(done: Done) -> Feedback:
    if not done.result:
        return Feedback(_fill(Q.translate("Feedback", "%1 is now unassigned."), _ref(done)))
    user = str(done.result)
    return Feedback(_fill(Q.translate("Feedback", "%1 assigned to %2."), _ref(done),
                          done.names.get(user, user)))


def _decline(done: Done) -> Feedback:
    return Feedback(_fill(Q.translate(
        "Feedback", "%1 declined: the customer is told the reason."), _ref(done)))


def _extend_quote(done: Done) -> Feedback:
    quote = done.result
    if not isinstance(quote, QuoteView):
        return Feedback(Q.translate("Feedback", "Quote extended."))
    return Feedback(_fill(Q.translate(
        "Feedback", "Quote %1 sent in place of the earlier revision, valid until %2: the "
                    "customer is told."),
        quote_reference(quote.request_number, quote.revision),
        labels.date_str(quote.valid_until, done.lang)))


def _cancel_request(done: Done) -> Feedback:
    r = done.result
    if isinstance(r, CompletionResult):  # cancelled charging the work done so far
        return _charged(r, done.lang, Q.translate(
            "Feedback", "%1 cancelled: the work done charged %2; credit %3"))
    return Feedback(_fill(Q.translate(
        "Feedback", "%1 cancelled, nothing charged: the customer is told the reason."),
        _ref(done)))


def _quote(done: Done) -> Feedback:
    quote = done.result
    if not isinstance(quote, QuoteView):
        return Feedback(Q.translate("Feedback", "Quote saved."))
    ref = quote_reference(quote.request_number, quote.revision)
    total = labels.money(quote.total, done.lang)
    if quote.stored_state == "submitted":
        return Feedback(_fill(Q.translate(
            "Feedback", "Quote %1 (total %2) submitted for approval: a team lead approves "
                        "and sends it, or returns it to you."), ref, total))
    if quote.stored_state == "draft" and done.action == "return_quote":
        return Feedback(_fill(Q.translate(
            "Feedback", "Quote %1 returned to draft: %2 reads why on the request."), ref,
            labels.person(quote.submitted_by or "", done.names)))
    if quote.stored_state == "draft":
        return Feedback(_fill(Q.translate("Feedback", "Draft quote %1 saved: total %2."),
                              ref, total))
    return Feedback(_fill(Q.translate(
        "Feedback", "Quote %1 sent to the customer: total %2, valid until %3."),
        ref, total, labels.date_str(quote.valid_until, done.lang)))


def _delete_draft(done: Done) -> Feedback:
    quote = done.target
    if not isinstance(quote, QuoteView):
        return Feedback(Q.translate("Feedback", "Draft quote deleted."))
    return Feedback(_fill(Q.translate("Feedback", "Draft quote %1 deleted."),
                          quote_reference(quote.request_number, quote.revision)))


def _entry(entry: WorkEntryView, lang: str) -> tuple[str, str, str]:
    """(hours, day, request reference) of a work entry."""
    return (labels.hours(entry.minutes), labels.date_str(entry.work_date, lang),
            request_reference(entry.request_number))


def _log_work(done: Done) -> Feedback:
    entry = done.result
    if not isinstance(entry, WorkEntryView):
        return Feedback(Q.translate("Feedback", "Work logged."))
    hours, day, ref = _entry(entry, done.lang)
    text = _fill(Q.translate("Feedback", "Logged %1 on %2 for %3 (billable %4)."),
                 hours, day, ref, labels.hours(entry.billable_minutes))
    if done.request is not None and done.request.state == "accepted":
        text += " " + _fill(Q.translate(
            "Feedback", "The work has started: %1 is now in progress."), ref)
    return Feedback(text)


def _edit_work(done: Done) -> Feedback:
    entry = done.result
    if not isinstance(entry, WorkEntryView):
        return Feedback(Q.translate("Feedback", "Work entry changed."))
    hours, day, ref = _entry(entry, done.lang)
    return Feedback(_fill(Q.translate("Feedback", "Work entry of %1 on %2 changed: %3."),
                          day, ref, hours))


def _delete_work(done: Done) -> Feedback:
    entry = done.target
    if not isinstance(entry, WorkEntryView):
        return Feedback(Q.translate("Feedback", "Work entry deleted."))
    hours, day, ref = _entry(entry, done.lang)
    return Feedback(_fill(Q.translate("Feedback", "Work entry of %1 on %2 deleted (%3)."),
                          day, ref, hours))


def _variation(done: Done) -> Feedback:
    v = done.result
    if not isinstance(v, VariationView):
        return Feedback(Q.translate("Feedback", "Variation proposed."))
    return Feedback(_fill(Q.translate(
        "Feedback", "Variation of %1 proposed: new agreed amount %2 net, awaiting the "
                    "customer's agreement."),
        request_reference(v.request_number), labels.money(v.amount, done.lang)))


def _withdraw_variation(done: Done) -> Feedback:
    v = done.result
    if not isinstance(v, VariationView):
        return Feedback(Q.translate("Feedback", "Variation withdrawn."))
    return Feedback(_fill(Q.translate(
        "Feedback", "Variation of %1 (%2 net) withdrawn: the agreed amount stays as it was; "
                    "the customer is told."),
        request_reference(v.request_number), labels.money(v.amount, done.lang)))


def _complete(done: Done) -> Feedback:
    r = done.result
    if not isinstance(r, CompletionResult):
        return Feedback(Q.translate("Feedback", "Completed and charged."))
    return _charged(r, done.lang, Q.translate("Feedback", "%1 completed: charged %2; credit %3"))


def _charged(r: CompletionResult, lang: str, said: str) -> Feedback:
    """A charge made (``said``: %1 the request, %2 the total, %3 the credit after)."""
    text = _fill(said, request_reference(r.request_number), labels.money(r.total, lang),
                 labels.money(r.balance, lang))
    important = r.status == "credit_exhausted"
    if important:
        text += "; " + _fill(Q.translate("Feedback", "credit exhausted, %1 missing"),
                             labels.money(r.missing, lang))
    if r.suspended_services:
        text += "; " + _suspended(r.suspended_services)
        important = True
    return Feedback(text + ".", important)


def _credit(done: Done) -> Feedback:
    r = done.result
    if not isinstance(r, LedgerResult):
        return Feedback(Q.translate("Feedback", "Credit updated."))
    lang = done.lang
    if done.action == "topup":
        text = Q.translate("Feedback", "Top-up of %1 recorded for %2: credit %3.")
    elif r.amount < 0:
        text = Q.translate("Feedback", "Credit of %2 reduced by %1: credit %3.")
    else:
        text = Q.translate("Feedback", "Credit of %2 increased by %1: credit %3.")
    text = _fill(text, labels.money(abs(r.amount), lang), done.customer or r.customer_code,
                 labels.money(r.balance, lang))
    important = False
    if r.restarted_services:
        text += " " + Q.translate("Feedback", "Credit exhaustion is over:") + " " + \
            _restarted(r.restarted_services) + "."
        important = True
    if r.suspended_services:
        text += " " + Q.translate("Feedback", "Credit exhausted:") + " " + \
            _suspended(r.suspended_services) + "."
        important = True
    if r.status == "credit_exhausted" and not r.suspended_services:
        text += " " + _fill(Q.translate(
            "Feedback", "Still %1 missing: the services stay suspended."),
            labels.money(r.missing, lang))
        important = True
    return Feedback(text, important)


def _refund(done: Done) -> Feedback:
    """A refund made from the charge dialog (its result: a refund of app.services.
    charge_documents, read by its fields: not imported before it is needed)."""
    r = done.result
    if r is None:
        return Feedback(Q.translate("Feedback", "Charge document shown."))
    lang = done.lang
    text = _fill(Q.translate("Feedback", "%1: refunded %2 to %3; credit %4."),
                 str(getattr(r, "reference", "")), labels.money(getattr(r, "total", None), lang),
                 done.customer, labels.money(getattr(r, "balance", None), lang))
    restarted = tuple(getattr(r, "restarted_services", ()))
    if restarted:
        text += " " + Q.translate("Feedback", "Credit exhaustion is over:") + " " + \
            _restarted(restarted) + "."
    return Feedback(text, bool(restarted))


def _priority(done: Done) -> Feedback:
    return Feedback(_fill(Q.translate("Feedback", "Priority of %1 set to “%2”."), _ref(done),
                          labels.priority_label(str(done.result))))


def _note(done: Done) -> Feedback:
    return Feedback(_fill(Q.translate("Feedback", "Note added to %1."), _ref(done)))


def _attach(done: Done) -> Feedback:
    a = done.result
    if not isinstance(a, AttachmentView):
        return Feedback(Q.translate("Feedback", "File attached."))
    return Feedback(_fill(Q.translate("Feedback", "%1 attached to %2 (%3)."), a.filename,
                          request_reference(a.request_number), labels.file_size(a.size, done.lang)))


def _notice_retry(done: Done) -> Feedback:
    return Feedback(_fill(Q.translate(
        "Feedback", "The email of %1 will be sent again at the worker's next round."),
        _ref(done)))


def _timer(done: Done) -> Feedback:
    return Feedback(_fill(Q.translate("Feedback", "Timer started on %1: stop it to log the "
                                                  "time."), _ref(done)))


FORMATTERS: dict[str, Callable[[Done], Feedback]] = {
    "take": _take,
    "assign": _assign,
    "decline": _decline,
    "cancel_request": _cancel_request,
    "extend_quote": _extend_quote,
    "new_quote": _quote,
    "edit_draft": _quote,
    "send_quote": _quote,
    "submit_quote": _quote,
    "approve_quote": _quote,
    "return_quote": _quote,
    "delete_draft": _delete_draft,
    "log_work": _log_work,
    "edit_work": _edit_work,
    "delete_work": _delete_work,
    "variation": _variation,
    "withdraw_variation": _withdraw_variation,
    "complete": _complete,
    "topup": _credit,
    "adjust": _credit,
    "set_priority": _priority,
    "charge_document": _refund,
    "add_note": _note,
    "attach": _attach,
    "timer": _timer,
    "notice_retry": _notice_retry,
}


def feedback(done: Done) -> Feedback:
    """The sentence for an action that succeeded (every action has one)."""
    return FORMATTERS[done.action](done)
