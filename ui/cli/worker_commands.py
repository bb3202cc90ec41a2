"""The worker and the customer settings it reads, on the command line.

    rit-desk worker [--once] [--interval SECONDS]
    rit-desk --as ADMIN customers set CODE --low-credit-alert AMOUNT|default
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
from app.services import customers, worker
from ui.cli.commands import CliError, Result, need_actor
from ui.cli.output import customer_json

Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]


def register(groups: Any, customer_group: Any, cmd: Command) -> None:
    """Add ``worker`` and ``customers set``."""
    s = cmd(groups, "worker", run_worker,
            "keep the deadlines: quote expiry and reminders, variation reminders and lapse, "
            "low-credit alerts (foreground; --once: what is due, then exit)")
    s.add_argument("--once", action="store_true", help="do everything due now, then exit")
    s.add_argument("--interval", type=float, default=worker.DEFAULT_INTERVAL,
                   help="seconds between two rounds (default 60)")
    s = cmd(customer_group, "set", customers_set, "change a customer's settings (admin)")
    s.add_argument("code")
    s.add_argument("--low-credit-alert", metavar="AMOUNT", required=True,
                   help="alert the customer once when the balance falls below AMOUNT "
                        "(0: never; 'default': the setting low_credit_alert)")


def _print(item: worker.Done) -> None:
    print(("" if item.ok else "FAILED ") + item.line(), flush=True)


def run_worker(db: Database, args: argparse.Namespace) -> Result:
    if args.once:
        done = worker.run_once(db)
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
        worker.run(db, _print, stop, interval=args.interval)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return {"stopped": True}, "worker: stopped"


def customers_set(db: Database, args: argparse.Namespace) -> Result:
    value = None if args.low_credit_alert.strip().lower() == "default" else args.low_credit_alert
    view = customers.set_low_credit_alert(db, need_actor(args), args.code, value)
    limit = ("the setting low_credit_alert" if view.low_credit_alert is None
             else "none" if not view.low_credit_alert else amount_str(view.low_credit_alert))
    return customer_json(view), f"{view.code}: low-credit alert {limit}"
