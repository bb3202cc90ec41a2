"""The staged credit procedure on the command line (issue 19).

    rit-desk --as ADMIN services add CUSTOMER --name NAME [--kind KIND]
        [--billing hourly|monthly] [--paid-until YYYY-MM-DD]
    rit-desk --as ADMIN services set CUSTOMER --service NAME [--billing hourly|monthly]
        [--paid-until YYYY-MM-DD]
    rit-desk services show CUSTOMER [--json]
    rit-desk [--as FINANCE|ADMIN] credit sweep [--json]   (the worker does it in its round)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from app.db.database import Database
from app.domain.enums import Billing
from app.services import credit_procedure, customers
from app.services.dto import ServiceView
from ui.cli.commands import Result
from ui.cli.output import service_json, service_line

Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]
BILLING = [b.value for b in Billing]


def register(groups: Any, services_group: Any, cmd: Command,
             iso_date: Callable[[str], date]) -> None:
    """``services add`` (with its billing), ``services set|show`` and ``credit sweep``."""
    s = cmd(services_group, "add", services_add, "add a service to a customer")
    s.add_argument("customer")
    s.add_argument("--name", required=True)
    s.add_argument("--kind", default="cloud_server")
    s.add_argument("--billing", choices=BILLING, default=Billing.HOURLY.value,
                   help="hourly (default): off at once when the credit runs out; monthly: "
                        "on until its paid period ends")
    s.add_argument("--paid-until", type=iso_date, metavar="YYYY-MM-DD",
                   help="the last day paid (monthly services)")
    s = cmd(services_group, "set", services_set,
            "change a service's billing basis or paid period (admin, control panel)")
    s.add_argument("customer")
    s.add_argument("--service", required=True)
    s.add_argument("--billing", choices=BILLING)
    s.add_argument("--paid-until", type=iso_date, metavar="YYYY-MM-DD")
    s = cmd(services_group, "show", services_show,
            "a customer's services, their state in the credit procedure and next step")
    s.add_argument("customer")
    group = groups.add_parser("credit", help="the staged credit-exhaustion procedure")
    sub = group.add_subparsers(dest="cmd", required=True, parser_class=type(group))
    cmd(sub, "sweep", credit_sweep,
        "take the procedure's steps due now: monthly services off at the end of their paid "
        "period, warnings, archiving, deletion (finance, admin; the worker does it too)")


def _added(customer: str, view: ServiceView) -> dict[str, Any]:
    return {"customer": customer, **service_json(view)}


def services_add(db: Database, args: argparse.Namespace) -> Result:
    view = customers.add_service(db, args.actor, args.customer, name=args.name, kind=args.kind,
                                 billing=args.billing, paid_until=args.paid_until)
    return _added(args.customer, view), f"added service {view.name} to {args.customer}"


def services_set(db: Database, args: argparse.Namespace) -> Result:
    view = customers.set_service(db, args.actor, args.customer, args.service,
                                 billing=args.billing, paid_until=args.paid_until)
    return _added(args.customer, view), service_line(view)


def services_show(db: Database, args: argparse.Namespace) -> Result:
    view = customers.get_customer(db, args.customer)
    return ({"customer": view.code, "status": view.status, "missing": view.missing,
             "services": [service_json(s) for s in view.services]},
            "\n".join(service_line(s) for s in view.services) or "no services")


def credit_sweep(db: Database, args: argparse.Namespace) -> Result:
    taken = credit_procedure.sweep(db, args.actor)
    text = "\n".join(f"{t.customer} {t.service}: {t.step}" for t in taken) or "nothing due"
    return {"steps": [t.as_dict() for t in taken]}, text
