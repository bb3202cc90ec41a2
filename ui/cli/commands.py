"""One function per CLI command: parse nothing, call one service, shape the answer.

Each returns ``(json_data, text)``: the JSON object printed with ``--json`` and the
human-readable text otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.db.database import Database, describe
from app.domain import fiscal
from app.domain.enums import RequestState
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.money import amount_str, format_hours
from app.domain.references import quote_reference, request_reference
from app.domain.vat_point import vat_wording
from app.services import (
    billing,
    customers,
    demo,
    queries,
    quotes,
    requests,
    staff,
    variations,
    work,
)
from app.services import settings as settings_service
from app.services.dto import CompletionResult, CustomerView, RequestFilter
from ui.cli.common import CliError, Result, answered_by, need_actor
from ui.cli.invoice_commands import invoice_waits, waits_text
from ui.cli.output import customer_json, detail_json, fmt_customer, plain, row_json
from ui.cli.references import quote_id, variation_id

__all__ = ["CliError", "Result", "need_actor"]  # still named here, as before


def init(db: Database, args: argparse.Namespace) -> Result:
    from ui.cli.identity_commands import init_admin

    db.upgrade_schema()
    loaded = False
    if args.demo:
        if staff.list_staff(db):
            raise ValidationError("the database already holds data: demo data goes into an "
                                  "empty database")
        demo.load_demo(db)
        loaded = True
    done = init_admin(db, args)
    url = describe(db.url)
    text = f"schema ready on {url}" + (" with demo data" if loaded else "")
    if "admin" in done:
        text += f"; admin {done['admin']}"
    if "portal" in done:
        text += f"; control panel login {done['portal']}"
    if "worker" in done:
        text += f"; worker login {done['worker']}"
    return {"database": url, "schema": "current", "demo": loaded, **done}, text


def signed_in_actor(db: Database, actor: str | None) -> str | None:
    """Who the command acts for: on PostgreSQL the login itself (``--as`` naming anyone
    else is refused with "you are signed in as X") unless the login is trusted
    maintenance; the control panel's logins and the worker's act for no staff member."""
    acted_for = db.acting(actor)
    identity = db.identity()
    if identity.trusted:
        return acted_for
    if identity.portal or identity.worker:
        return None
    if identity.role is None:
        raise PermissionDenied.of("the login {login} has no staff record in this database",
                                  login=identity.login)
    if not identity.active:
        raise ValidationError.of("user {username} is no longer active", username=identity.login)
    return acted_for


#: the fiscal options of ``customers add|set``: option -> field of app.domain.fiscal.Fiscal
FISCAL_OPTIONS = {"--kind": "kind", "--tax-code": "tax_code", "--sdi-code": "sdi_code",
                  "--pec": "pec", "--street": "street", "--postcode": "postcode",
                  "--city": "city", "--province": "province", "--country": "country"}


def fiscal_arguments(parser: argparse.ArgumentParser) -> None:
    for option, name in FISCAL_OPTIONS.items():
        if name == "kind":
            parser.add_argument(option, choices=fiscal.KINDS, default=None)
        else:
            parser.add_argument(option, default=None,
                                help="Codice Destinatario (7 characters; 6 for pa)"
                                if name == "sdi_code" else None)


def fiscal_given(args: argparse.Namespace) -> dict[str, str]:
    given = {name: getattr(args, name) for name in FISCAL_OPTIONS.values()
             if getattr(args, name) is not None}
    if getattr(args, "vat_number", None) is not None:
        given["vat_number"] = args.vat_number
    return given


def warned(view: CustomerView) -> Result:
    for warning in view.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return customer_json(view), fmt_customer(view)


def customers_add(db: Database, args: argparse.Namespace) -> Result:
    given = fiscal_given(args)
    data = fiscal.Fiscal(**{"kind": "", **given})
    view = customers.add_customer(db, args.actor, args.code, name=args.name,
                                  credit_amount=args.credit, lang=args.lang,
                                  address=args.address, data=data,
                                  email=getattr(args, "email", None))
    return warned(view)


def customers_show(db: Database, args: argparse.Namespace) -> Result:
    view = customers.get_customer(db, args.code)
    return customer_json(view), fmt_customer(view)


def customers_list(db: Database, args: argparse.Namespace) -> Result:
    if getattr(args, "at_risk", False):
        from ui.cli.finance import customers_at_risk

        return customers_at_risk(db, args)
    rows = customers.list_customers(db, exhausted_only=args.exhausted)
    data = [{"code": c.code, "name": c.name, "balance": c.balance, "status": c.status,
             "missing": c.missing} for c in rows]
    text = "\n".join(f"{c.code:<8} {amount_str(c.balance):>12} {c.status:<17} {c.name}"
                     for c in rows)
    return {"customers": data}, text


def _ledger(result: Any, db: Database | None = None) -> Result:
    if db is not None and result.invoice is not None:
        from ui.finance.invoice_documents import after_use_case

        after_use_case(db)  # the invoice's files (the embedded file; else the worker's)
    data = {"customer": result.customer_code, "amount": result.amount, "balance": result.balance,
            "status": result.status, "missing": result.missing,
            "restarted": list(result.restarted_services),
            "suspended": list(result.suspended_services), "invoice": result.invoice,
            "invoice_missing": invoice_waits(db, result.invoice, customer=result.customer_code)}
    text = f"{result.customer_code}: balance {amount_str(result.balance)} ({result.status})"
    if result.restarted_services:
        text += f"; services restarted: {', '.join(result.restarted_services)}"
    text += waits_text(result.invoice, data["invoice_missing"])
    return data, text


def customers_topup(db: Database, args: argparse.Namespace) -> Result:
    return _ledger(customers.topup(db, need_actor(args), args.code, args.amount,
                                   reference=args.reference), db)


def customers_adjust(db: Database, args: argparse.Namespace) -> Result:
    return _ledger(customers.adjust(db, need_actor(args), args.code, args.amount,
                                    reason=args.reason))


def portal_submit(db: Database, args: argparse.Namespace) -> Result:
    number = requests.submit_request(db, args.customer, service=args.service,
                                     category=args.category, subject=args.subject,
                                     description=args.description, priority=args.priority)
    return {"request": number}, f"request {number} ({request_reference(number)}) submitted"


def _quote_answer(view: Any) -> Result:
    return {"quote": view.id, "state": view.state, "request": view.request_number}, (
        f"quote {view.id} ({quote_reference(view.request_number, view.revision)}) {view.state}")


def portal_accept(db: Database, args: argparse.Namespace) -> Result:
    return _quote_answer(quotes.accept_quote(db, quote_id(db, args.quote)))


def portal_reject(db: Database, args: argparse.Namespace) -> Result:
    return _quote_answer(quotes.reject_quote(db, quote_id(db, args.quote), reason=args.reason))


def portal_cancel(db: Database, args: argparse.Namespace) -> Result:
    requests.cancel_request(db, args.request)
    return {"request": args.request, "state": "cancelled"}, f"{request_reference(args.request)} cancelled"


def _variation(view: Any) -> Result:
    return {"variation": view.id, "state": view.state, "amount": view.amount,
            "request": view.request_number}, (
        f"variation {view.id} of {request_reference(view.request_number)} {view.state}")


def portal_agree(db: Database, args: argparse.Namespace) -> Result:
    return _variation(variations.agree_variation(db, variation_id(db, args.variation)))


def portal_refuse(db: Database, args: argparse.Namespace) -> Result:
    return _variation(variations.refuse_variation(db, variation_id(db, args.variation)))


def portal_topup(db: Database, args: argparse.Namespace) -> Result:
    return _ledger(customers.topup(db, None, args.customer, args.amount), db)


def portal_notices(db: Database, args: argparse.Namespace) -> Result:
    notices = queries.customer_notices(db, args.customer)
    return {"notices": plain(notices)}, "\n".join(
        f"{n.at:%Y-%m-%d %H:%M} {n.kind:<20} {n.request_number or '':>7} {n.payload}"
        for n in notices)


def requests_list(db: Database, args: argparse.Namespace) -> Result:
    # an unknown code would silently list nothing: say so instead
    for state in args.state or ():
        if state not in {s.value for s in RequestState}:
            raise ValidationError(f"unknown state {state!r}; one of: "
                                  f"{', '.join(s.value for s in RequestState)}")
    if args.category:
        requests.parse_category(args.category)
    if args.priority:
        requests.parse_priority(args.priority)
    flt = RequestFilter(states=tuple(args.state) if args.state else None, assignee=args.assignee,
                        category=args.category, priority=args.priority, customer=args.customer,
                        search=args.search, attention=args.queue)
    page = queries.list_requests(db, flt, sort=args.sort, descending=not args.asc,
                                 offset=args.offset, limit=args.limit, with_total=True)
    text = "\n".join(
        f"{r.number:>7} {r.state:<12} {r.priority:<7} {r.category:<18} "
        f"{(r.assignee or '-'):<11} {r.customer_code:<7} {r.subject}" for r in page.rows)
    return {"total": page.total, "offset": page.offset,
            "requests": [row_json(r) for r in page.rows]}, text


def requests_show(db: Database, args: argparse.Namespace) -> Result:
    d = queries.request_detail(db, args.request)
    lines = [f"{request_reference(d.number)}  {d.state}  {d.category}  {d.priority}",
             f"  {d.subject}", f"  customer {d.customer.code} {d.customer.name}, service "
             f"{d.service.name}; assignee {d.assignee or '-'}"]
    lines += [f"  quote {q.id} ({quote_reference(d.number, q.revision)}) {q.kind} {q.state} "
              f"total {amount_str(q.total)} valid until {q.valid_until}" for q in d.quotes]
    lines += [f"  work {w.id} {w.work_date} {format_hours(w.minutes)} {w.staff} {w.note}"
              for w in d.work]
    lines += [f"  variation {v.id} {amount_str(v.amount)} {v.state}: {v.reason}"
              for v in d.variations]
    lines += [f"  attachment {a.id} {a.filename} ({a.media_type}, {a.size} bytes) by {a.added_by}"
              for a in d.attachments]
    if d.charge:
        lines.append(f"  charged {amount_str(d.charge.total)} on {d.charge.created_at:%Y-%m-%d}")
    return detail_json(d), "\n".join(lines)


def requests_take(db: Database, args: argparse.Namespace) -> Result:
    state = requests.take_request(db, need_actor(args), args.request)
    return {"request": args.request, "state": state, "assignee": args.actor}, (
        f"{request_reference(args.request)} taken: {state}")


def requests_assign(db: Database, args: argparse.Namespace) -> Result:
    requests.assign_request(db, need_actor(args), args.request, args.to)
    return {"request": args.request, "assignee": args.to}, (
        f"{request_reference(args.request)} assigned to {args.to}")


def requests_set_priority(db: Database, args: argparse.Namespace) -> Result:
    priority = requests.set_priority(db, need_actor(args), args.request, args.priority)
    return {"request": args.request, "priority": priority}, (
        f"{request_reference(args.request)} priority: {priority}")


def requests_decline(db: Database, args: argparse.Namespace) -> Result:
    requests.decline_request(db, need_actor(args), args.request, reason=args.reason)
    return {"request": args.request, "state": "declined"}, f"{request_reference(args.request)} declined"


def requests_cancel(db: Database, args: argparse.Namespace) -> Result:
    if args.charge_work:
        return _cancel_charging_work(db, args)
    requests.cancel_accepted(db, need_actor(args), args.request, reason=args.reason)
    return ({"request": args.request, "state": "cancelled", "charged": False},
            f"{request_reference(args.request)} cancelled, nothing charged")


def _cancel_charging_work(db: Database, args: argparse.Namespace) -> Result:
    """``requests cancel --charge-work``: the keys of ``requests complete`` and ``state``."""
    from app.services.cancel_charging import cancel_charging_work

    r = cancel_charging_work(db, need_actor(args), args.request, reason=args.reason)
    data, text = _charged(db, r, "cancelled")
    return {**data, "state": "cancelled", "charged": True}, text


def _charged(db: Database, r: CompletionResult, verb: str) -> Result:
    """What a charge made (completing or cancelling): its JSON and its line."""
    from ui.finance.documents import after_charge

    sha256 = after_charge(db, r.request_number)  # the charge document, stored once
    if r.invoice is not None:
        from ui.finance.invoice_documents import after_use_case

        after_use_case(db)  # the invoice's files (the embedded file; else the worker's)
    waits = invoice_waits(db, r.invoice, request=r.request_number)
    data = {"request": r.request_number, "invoice": r.invoice,
            "charge": {"net": r.net, "vat": r.vat, "total": r.total},
            "charge_document_sha256": sha256,
            "balance": r.balance, "status": r.status, "missing": r.missing,
            "suspended": list(r.suspended_services),
            "invoice_missing": waits}
    text = (f"{request_reference(r.request_number)} {verb}: charged {amount_str(r.total)} "
            f"(net {amount_str(r.net)} + VAT {amount_str(r.vat)}); balance "
            f"{amount_str(r.balance)} ({r.status})")
    if r.suspended_services:
        text += f"; credit exhausted, missing {amount_str(r.missing)}, services suspended: " + \
            ", ".join(r.suspended_services)
    text += waits_text(r.invoice, waits)
    return data, text


def requests_preview(db: Database, args: argparse.Namespace) -> Result:
    preview = billing.preview_charge(db, args.request)
    text = (f"net {amount_str(preview.net)} vat {amount_str(preview.vat)} total "
            f"{amount_str(preview.total)}; taken from the credit "
            f"{amount_str(preview.taken_from_credit)} "
            f"({vat_wording(preview.vat_point, preview.vat_rate, 'en')}); "
            f"balance after {amount_str(preview.balance_after)}")
    if preview.minutes_not_charged:
        text += (f"; over the ceiling of {amount_str(preview.ceiling)}: "
                 f"{format_hours(preview.minutes_not_charged)} hours "
                 f"({amount_str(preview.amount_not_charged)}) not charged")
    return {**plain(preview), "taken_from_credit": preview.taken_from_credit}, text


def requests_complete(db: Database, args: argparse.Namespace) -> Result:
    return _charged(db, billing.complete_request(db, need_actor(args), args.request),
                    "completed")


def quotes_create(db: Database, args: argparse.Namespace) -> Result:
    actor = need_actor(args)
    if args.fixed:
        if args.rate or args.hours:
            raise ValidationError("--rate and --hours belong to --hourly quotes")
        lines = [quotes.parse_line(t) if kind == "line" else quotes.parse_item(t)
                 for kind, t in args.lines]
        data = quotes.QuoteInput(kind="fixed", valid_until=args.valid_until, lines=lines,
                                 vat_rate=args.vat, notes=args.notes, nature=args.nature,
                                 legal_reference=args.legal_reference)
    else:
        if args.lines:
            raise ValidationError("--line and --item belong to --fixed quotes")
        data = quotes.QuoteInput(kind="hourly", valid_until=args.valid_until,
                                 hourly_rate=args.rate, estimated_hours=args.hours,
                                 vat_rate=args.vat, notes=args.notes, nature=args.nature,
                                 legal_reference=args.legal_reference)
    view = quotes.create_quote(db, actor, args.request, data, send=args.send)
    text = (f"quote {view.id} ({quote_reference(view.request_number, view.revision)}) "
            f"{view.state}: net {amount_str(view.net)} vat {amount_str(view.vat)} total "
            f"{amount_str(view.total)}")
    if view.vat_nature:
        text += f"; {view.vat_nature} ({view.legal_reference})"
    return {"quote": view.id, "revision": view.revision, "state": view.state, "net": view.net,
            "vat": view.vat, "total": view.total, "nature": view.vat_nature,
            "legal_reference": view.legal_reference}, text


def quotes_send(db: Database, args: argparse.Namespace) -> Result:
    return _sent(quotes.send_quote(db, need_actor(args), quote_id(db, args.quote)), "sent")


def quotes_extend(db: Database, args: argparse.Namespace) -> Result:
    from app.services.quote_extension import extend_quote

    view = extend_quote(db, need_actor(args), quote_id(db, args.quote),
                        valid_until=args.valid_until)
    data, line = _sent(view, "sent in place of the earlier revision")
    return {**data, "revision": view.revision}, line


def _sent(view: quotes.QuoteView, done: str) -> Result:
    """A quote sent (or approved and sent): its JSON and its line."""
    return {"quote": view.id, "state": view.state, "total": view.total,
            "valid_until": view.valid_until, "sha256": view.pdf_sha256}, (
        f"quote {view.id} ({quote_reference(view.request_number, view.revision)}) {done}, "
        f"valid until {view.valid_until}")


def quotes_submit(db: Database, args: argparse.Namespace) -> Result:
    view = quotes.submit_quote(db, need_actor(args), quote_id(db, args.quote))
    return {"quote": view.id, "state": view.state, "net": view.net, "total": view.total,
            "submitted_by": view.submitted_by, "submitted_at": view.submitted_at}, (
        f"quote {view.id} ({quote_reference(view.request_number, view.revision)}) submitted "
        f"for approval: net {amount_str(view.net)} total {amount_str(view.total)}")


def quotes_approve(db: Database, args: argparse.Namespace) -> Result:
    view = quotes.approve_quote(db, need_actor(args), quote_id(db, args.quote))
    data, text = _sent(view, "approved and sent")
    return {**data, "submitted_by": view.submitted_by}, text


def quotes_return(db: Database, args: argparse.Namespace) -> Result:
    view = quotes.return_quote(db, need_actor(args), quote_id(db, args.quote), args.reason)
    return {"quote": view.id, "state": view.state, "reason": view.return_reason,
            "returned_by": view.returned_by, "submitted_by": view.submitted_by}, (
        f"quote {view.id} ({quote_reference(view.request_number, view.revision)}) returned to "
        f"draft: {view.return_reason}")


def quotes_show(db: Database, args: argparse.Namespace) -> Result:
    view = quotes.get_quote(db, quote_id(db, args.quote))
    return plain(view), (f"quote {view.id} ({quote_reference(view.request_number, view.revision)})"
                         f" {view.kind} {view.state} "
                         f"net {amount_str(view.net)} total {amount_str(view.total)} "
                         f"valid until {view.valid_until}")


def quotes_expire(db: Database, args: argparse.Namespace) -> Result:
    expired = quotes.expire_quotes(db)
    return {"expired": expired}, f"{len(expired)} quotes expired"


def quotes_pdf(db: Database, args: argparse.Namespace) -> Result:
    qid = quote_id(db, args.quote)
    pdf = quotes.quote_pdf(db, qid, lang=args.lang)
    out = Path(args.output)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise ValidationError(f"cannot write {out}: {exc.strerror}") from None
    import hashlib

    digest = hashlib.sha256(pdf).hexdigest()
    return {"quote": qid, "file": str(out), "bytes": len(pdf), "sha256": digest}, (
        f"wrote {out} ({len(pdf)} bytes)")


def quotes_export(db: Database, args: argparse.Namespace) -> Result:
    from app.services import quote_export
    from reports.batch import export_pdfs, pdf_name, write_index

    def sent(read: Database) -> tuple[list[tuple[int, str, bytes]], list[Any]]:
        found = quotes.sent_quotes(read, args.since, args.until)
        stored = quotes.stored_pdfs(read, [qid for qid, _ in found])
        return stored, quote_export.index_rows(read, [qid for qid, _, _ in stored])

    (stored, index_rows), answer = db.reads(sent)  # the standby's, if close enough behind
    folder = Path(args.to)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"cannot create {folder}: {exc.strerror}") from None
    items = [(pdf_name(ref), pdf) for _, ref, pdf in stored]
    paths = export_pdfs(items, folder)
    index = write_index(folder, index_rows, args.lang or "en") if paths else None
    return answered_by(({"exported": len(paths), "folder": str(folder),
                         "files": [p.name for p in paths],
                         "index": index.name if index else None},
                        f"exported {len(paths)} quotes to {folder}"),
                       answer, standby=db.standby is not None)


def work_log(db: Database, args: argparse.Namespace) -> Result:
    entry = work.log_work(db, need_actor(args), args.request, hours=args.hours,
                          work_date=args.date, note=args.note)
    return {"entry": entry.id, "request": entry.request_number, "minutes": entry.minutes,
            "billable_minutes": entry.billable_minutes, "date": entry.work_date}, (
        f"logged {format_hours(entry.minutes)} on request {entry.request_number}")


def work_edit(db: Database, args: argparse.Namespace) -> Result:
    entry = work.edit_work(db, need_actor(args), args.entry, hours=args.hours,
                           work_date=args.date, note=args.note)
    return {"entry": entry.id, "minutes": entry.minutes}, f"work entry {entry.id} changed"


def work_delete(db: Database, args: argparse.Namespace) -> Result:
    work.delete_work(db, need_actor(args), args.entry)
    return {"entry": args.entry, "deleted": True}, f"work entry {args.entry} deleted"


def variations_propose(db: Database, args: argparse.Namespace) -> Result:
    view = variations.propose_variation(db, need_actor(args), args.request, amount=args.amount,
                                        reason=args.reason)
    return {"variation": view.id, "amount": view.amount, "state": view.state}, (
        f"variation {view.id} proposed: new agreed amount {amount_str(view.amount)}")


def variations_withdraw(db: Database, args: argparse.Namespace) -> Result:
    return _variation(variations.withdraw_variation(db, need_actor(args),
                                                    variation_id(db, args.variation),
                                                    reason=args.reason))


def settings_show(db: Database, args: argparse.Namespace) -> Result:
    s = settings_service.get_settings(db)
    data = plain(s)
    return data, "\n".join(f"{k}: {v}" for k, v in data.items())


def settings_set(db: Database, args: argparse.Namespace) -> Result:
    value = settings_service.set_setting(db, need_actor(args), args.key, args.value)
    return {args.key: value}, f"{args.key} = {value}"
