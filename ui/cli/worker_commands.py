"""The worker, the notices it mails and the customer settings it reads, on the command line.

    rit-desk worker [--once] [--interval SECONDS]
    rit-desk --as ADMIN customers set CODE [--low-credit-alert AMOUNT|default] [--email ADDR|none]
        [--address TEXT] [--vat-number N] [--kind ...] [--tax-code ...] [--sdi-code ...] ...
    rit-desk --as LEAD notices list [--customer CODE] [--state pending|sent|failed]
    rit-desk --as LEAD notices retry ID
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from app.db.database import Database
from app.domain.money import amount_str
from app.services import customers, delivery, worker
from ui.cli.commands import CliError, Result, fiscal_arguments, fiscal_given, need_actor, warned
from ui.cli.output import customer_json

Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]


def register(groups: Any, customer_group: Any, cmd: Command) -> None:
    """Add ``worker`` and ``customers set``."""
    s = cmd(groups, "worker", run_worker,
            "keep the deadlines: quote expiry and reminders, variation reminders and lapse, "
            "low-credit alerts; render and store charge documents and credit notes; mail "
            "the notices (foreground; --once: what is due, then exit)")
    s.add_argument("--once", action="store_true", help="do everything due now, then exit")
    s.add_argument("--interval", type=float, default=worker.DEFAULT_INTERVAL,
                   help="seconds between two rounds (default 60)")
    s = cmd(customer_group, "set", customers_set,
            "change a customer's fiscal data, address, email or low-credit alert (admin)")
    s.add_argument("code")
    s.add_argument("--low-credit-alert", metavar="AMOUNT",
                   help="alert the customer once when the balance falls below AMOUNT "
                        "(0: never; 'default': the setting low_credit_alert)")
    s.add_argument("--email", metavar="ADDR", help="where the customer's notices are mailed "
                                                   "('none': nowhere)")
    s.add_argument("--address", default=None)
    s.add_argument("--vat-number", default=None)
    fiscal_arguments(s)
    group = groups.add_parser("notices", help="the customers' notices and their delivery by email")
    sub = group.add_subparsers(dest="cmd", required=True, parser_class=type(group))
    s = cmd(sub, "list", notices_list, "notices and their delivery state (team lead, admin)")
    s.add_argument("--customer", metavar="CODE")
    s.add_argument("--state", choices=delivery.STATES)
    s = cmd(sub, "retry", notices_retry, "mail a failed notice again (team lead, admin)")
    s.add_argument("id", type=int)


def _print(item: worker.Done) -> None:
    print(("" if item.ok else "FAILED ") + item.line(), flush=True)


def run_worker(db: Database, args: argparse.Namespace) -> Result:
    from ui.finance.documents import renderers

    if args.once:
        done = worker.run_once(db, renderers=renderers())
        return ({"done": [d.as_dict() for d in done]},
                "\n".join(d.line() for d in done) or "nothing due")
    if not args.interval > 0:
        raise CliError("--interval must be more than 0 seconds")
    stop = threading.Event()

    def stopping(signum: int, _frame: FrameType | None) -> None:
        print(f"worker: {signal.Signals(signum).name}, stopping", file=sys.stderr, flush=True)
        stop.set()

    previous = {sig: signal.signal(sig, stopping) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        print("worker: started", file=sys.stderr, flush=True)
        worker.run(db, _print, stop, interval=args.interval, renderers=renderers())
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return {"stopped": True}, "worker: stopped"


def customers_set(db: Database, args: argparse.Namespace) -> Result:
    changes: dict[str, Any] = {}
    if args.low_credit_alert is not None:
        value = args.low_credit_alert.strip()
        changes["low_credit_alert"] = None if value.lower() == "default" else value
    if args.email is not None:
        changes["email"] = None if args.email.strip().lower() == "none" else args.email
    given = fiscal_given(args)
    if not changes and not given and args.address is None:
        raise CliError("give what to change: --low-credit-alert, --email, --address, "
                       "--vat-number or a fiscal option")
    view = customers.set_customer(db, args.actor, args.code, address=args.address,
                                  **changes, **given)
    if given or args.address is not None:
        return warned(view)
    limit = ("the setting low_credit_alert" if view.low_credit_alert is None
             else "none" if not view.low_credit_alert else amount_str(view.low_credit_alert))
    return (customer_json(view),
            f"{view.code}: low-credit alert {limit}, email {view.email or 'none'}")


def _notice_json(n: delivery.DeliveryView) -> dict[str, Any]:
    return {"id": n.id, "kind": n.kind, "customer": n.customer, "request": n.request,
            "state": n.state, "attempts": n.attempts, "sent_at": n.sent_at, "error": n.error,
            "at": n.at, "message_id": n.message_id}


def _notice_line(n: delivery.DeliveryView) -> str:
    line = f"{n.id:>6}  {n.at:%Y-%m-%d %H:%M}  {n.customer:<10} {n.kind:<20} {n.state:<8} x{n.attempts}"
    return f"{line}  {n.error}" if n.error and n.state != "sent" else line


def notices_list(db: Database, args: argparse.Namespace) -> Result:
    rows = delivery.list_notices(db, need_actor(args), customer=args.customer, state=args.state)
    return ({"notices": [_notice_json(n) for n in rows]},
            "\n".join(_notice_line(n) for n in rows) or "no notices")


def notices_retry(db: Database, args: argparse.Namespace) -> Result:
    view = delivery.retry(db, need_actor(args), args.id)
    return _notice_json(view), f"notice {view.id}: {view.state}, mailed at the worker's next round"
