"""The ``rit-desk`` command line: thin, one service call per command.

Every command prints one JSON object with ``--json``. Bad input, refused actions and
database problems exit with status 2 and one readable line on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from app import config
from app.domain.errors import RitError, ValidationError
from app.domain.money import parse_whole
from app.domain.queues import ATTENTION_QUEUES

if TYPE_CHECKING:
    from app.db.database import Database

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"rit-desk: {message} (see 'rit-desk --help')\n")


class VersionAction(argparse.Action):
    """``--version``: the package version (read only when asked: metadata costs time)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from app.version import version

        print(f"rit-desk {version()}")
        parser.exit(0)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def iso_date(text: str) -> date:
    """YYYY-MM-DD only (``date.fromisoformat`` also takes 20250101 and 2025-W01-1)."""
    try:
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def positive_int(text: str) -> int:
    """A number of a request, quote, entry... or a page size: ASCII digits, 1 to 2**31 - 1."""
    try:
        return parse_whole(text, "number", 1, 2**31 - 1)
    except ValidationError:
        raise argparse.ArgumentTypeError(f"not a valid number: {text!r}") from None


def offset(text: str) -> int:
    try:
        return parse_whole(text, "offset", 0, 2**31 - 1)
    except ValidationError:
        raise argparse.ArgumentTypeError(f"not a valid number: {text!r}") from None


def _typed(kind: str) -> Callable[[str], tuple[str, str]]:
    """argparse type of ``--line`` and ``--item``: the text, tagged with which it was."""
    return lambda text: (kind, text)


def _global_options(p: argparse.ArgumentParser) -> None:
    """The options before the command (also those of the desktop app)."""
    p.add_argument("--version", action=VersionAction, help="print the version and exit")
    p.add_argument("--db", metavar="URL", help="database URL (default: $RIT_DESK_DB or the "
                   "embedded SQLite file)")
    p.add_argument("--read-db", metavar="URL",
                   help="a PostgreSQL hot standby of --db to read reports, statements, the "
                   "dashboard, the export and the at-risk list from (the same login; the "
                   "primary answers when it is away or too far behind)")
    p.add_argument("--as", dest="actor", metavar="USER", default=os.environ.get("RIT_DESK_USER"),
                   help="the staff user acting (default: $RIT_DESK_USER)")
    p.add_argument("--screenshot", metavar="FILE", help="open the main window, save it as PNG, exit")
    p.add_argument("--view", choices=["queue", "dashboard"], default="queue",
                   help="with --screenshot: the queue (default) or the dashboard")
    p.add_argument("--lang", choices=["it", "en"], help="language of the desktop app")


def build_parser() -> Parser:
    # the commands' modules import every use case: only when a command is given
    from ui.cli import (
        catalogue_commands,
        commands,
        credit_commands,
        finance,
        identity_commands,
        invoice_commands,
        keyring_cli,
        worker_commands,
    )
    from ui.cli.references import reference, request_number

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print one JSON object")
    p = Parser(prog="rit-desk", parents=[common],
               description="RIT Desk: technical intervention requests, quotes and charges. "
                           "Without a command it opens the desktop app.")
    _global_options(p)
    sub = p.add_subparsers(dest="group", parser_class=Parser)

    def cmd(parent: Any, name: str, handler: Callable[..., Any], help_text: str) -> Parser:
        parser: Parser = parent.add_parser(name, parents=[common], help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    init = cmd(sub, "init", commands.init,
               "create or upgrade the schema (PostgreSQL: also its roles and privileges)")
    init.add_argument("--demo", action="store_true", help="load the demo data set")
    identity_commands.register(sub, init, cmd, Parser)  # init --admin, staff, whoami

    # customers and services
    cust = sub.add_parser("customers", help="customers and their credit").add_subparsers(
        dest="cmd", required=True, parser_class=Parser)
    s = cmd(cust, "add", commands.customers_add, "add a customer")
    s.add_argument("code")
    s.add_argument("--name", required=True)
    s.add_argument("--credit", metavar="AMOUNT")
    s.add_argument("--lang", choices=["it", "en"], default="it")
    s.add_argument("--address", default="")
    s.add_argument("--vat-number", default="")
    commands.fiscal_arguments(s)
    s.add_argument("--email", help="where the customer's notices are mailed")
    s = cmd(cust, "show", commands.customers_show, "a customer's credit, services and ledger")
    s.add_argument("code")
    s = cmd(cust, "list", commands.customers_list, "list customers")
    s.add_argument("--exhausted", action="store_true", help="only accounts in credit exhaustion")
    s.add_argument("--at-risk", action="store_true",
                   help="accounts whose credit does not cover their accepted and in-progress work")
    s = cmd(cust, "topup", commands.customers_topup, "record a top-up (finance)")
    s.add_argument("code")
    s.add_argument("--amount", required=True)
    s.add_argument("--reference", default="")
    s = cmd(cust, "adjust", commands.customers_adjust, "record an adjustment (finance)")
    s.add_argument("code")
    s.add_argument("--amount", required=True, help="signed amount, e.g. -12.50")
    s.add_argument("--reason", required=True)

    worker_commands.register(sub, cust, cmd)  # worker, customers set
    # reports charges, customers statement, charges show|pdf|refund
    reports = finance.register(sub, cust, cmd, iso_date, request_number)
    invoice_commands.register(sub, reports, cmd, iso_date)  # invoices ..., reports vat

    svc = sub.add_parser("services", help="customers' services").add_subparsers(
        dest="cmd", required=True, parser_class=Parser)
    # services add|set|show, credit sweep (the staged credit procedure)
    credit_commands.register(sub, svc, cmd, iso_date)

    # the control panel stand-in
    portal = sub.add_parser("portal", help="what the customer does in the control panel"
                            ).add_subparsers(dest="cmd", required=True, parser_class=Parser)
    s = cmd(portal, "submit", commands.portal_submit, "open a request")
    s.add_argument("--customer", required=True)
    s.add_argument("--service", required=True)
    s.add_argument("--category", required=True)
    s.add_argument("--subject", required=True)
    s.add_argument("--description", default="")
    s.add_argument("--priority", default="normal")
    s = cmd(portal, "accept", commands.portal_accept, "accept a quote")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s = cmd(portal, "reject", commands.portal_reject, "reject a quote")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s.add_argument("--reason", default="")
    s = cmd(portal, "cancel", commands.portal_cancel, "withdraw a request")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(portal, "agree", commands.portal_agree, "agree to a variation")
    s.add_argument("variation", type=reference, metavar="VARIATION")
    s = cmd(portal, "refuse", commands.portal_refuse, "refuse a variation")
    s.add_argument("variation", type=reference, metavar="VARIATION")
    s = cmd(portal, "topup", commands.portal_topup, "top up the prepaid credit")
    s.add_argument("--customer", required=True)
    s.add_argument("--amount", required=True)
    s = cmd(portal, "notices", commands.portal_notices, "what the customer was told")
    s.add_argument("--customer", required=True)
    identity_commands.register_portal(portal, cmd)  # portal passwd (an admin)

    # requests
    req = sub.add_parser("requests", help="technical intervention requests").add_subparsers(
        dest="cmd", required=True, parser_class=Parser)
    s = cmd(req, "list", commands.requests_list, "list requests")
    s.add_argument("--state", action="append", help="repeatable")
    s.add_argument("--assignee")
    s.add_argument("--category")
    s.add_argument("--priority")
    s.add_argument("--customer")
    s.add_argument("--search")
    s.add_argument("--queue", choices=ATTENTION_QUEUES,
                   help="a team lead's queue (to_approve: quotes submitted for approval)")
    s.add_argument("--sort", default="number")
    s.add_argument("--asc", action="store_true")
    s.add_argument("--limit", type=positive_int, default=50)
    s.add_argument("--offset", type=offset, default=0)
    s = cmd(req, "show", commands.requests_show, "a request with quotes, work and history")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(req, "take", commands.requests_take, "take a new request for evaluation")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(req, "assign", commands.requests_assign, "assign a request (team lead)")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--to", required=True)
    s = cmd(req, "set-priority", commands.requests_set_priority, "change a request's priority")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--priority", required=True, help="low, normal, high or urgent")
    s = cmd(req, "decline", commands.requests_decline, "decline a request")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--reason", required=True)
    s = cmd(req, "cancel", commands.requests_cancel,
            "cancel an accepted or in-progress request, charging nothing or the work done "
            "(team lead, admin)")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--reason", required=True)
    s.add_argument("--charge-work", action="store_true",
                   help="charge the billable work so far (an hourly request; a fixed-price "
                        "one only with an agreed variation)")
    s = cmd(req, "preview", commands.requests_preview, "the charge completing would make")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(req, "complete", commands.requests_complete, "complete and charge")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    # catalogue add|list|show|set|retire, requests note|attach|attachments|attachment
    catalogue_commands.register(sub, req, cmd, request_number, positive_int)

    # quotes
    quo = sub.add_parser("quotes", help="quotes").add_subparsers(dest="cmd", required=True,
                                                                 parser_class=Parser)
    s = cmd(quo, "create", commands.quotes_create, "compose a draft quote")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    kind = s.add_mutually_exclusive_group(required=True)
    kind.add_argument("--fixed", action="store_true", help="a corpo (fixed price)")
    kind.add_argument("--hourly", action="store_true", help="a consumo orario (hourly)")
    # --line and --item add lines in the order given
    s.add_argument("--line", dest="lines", action="append", default=[], type=_typed("line"),
                   metavar="DESCRIPTION;QTY;UNIT_PRICE")
    s.add_argument("--item", dest="lines", action="append", type=_typed("item"),
                   metavar="CODE[:QTY]", help="a line of the price list, at its list price")
    s.add_argument("--rate")
    s.add_argument("--hours")
    s.add_argument("--valid-until", type=iso_date, required=True)
    s.add_argument("--vat")
    s.add_argument("--nature", help="at --vat 0: why, N1 ... N7 (e.g. N2.1)")
    s.add_argument("--legal-reference", help="at --vat 0: the law, if not the nature's own")
    s.add_argument("--notes", default="")
    s.add_argument("--send", action="store_true", help="send it at once")
    s = cmd(quo, "send", commands.quotes_send, "send a draft quote")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s = cmd(quo, "extend", commands.quotes_extend,
            "send a sent quote again as a new revision with a later validity date")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s.add_argument("--valid-until", type=iso_date, required=True)
    s = cmd(quo, "submit", commands.quotes_submit,
            "submit a draft above the send limit for a team lead's approval")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s = cmd(quo, "approve", commands.quotes_approve,
            "approve a submitted quote: it is sent (team lead)")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s = cmd(quo, "return", commands.quotes_return,
            "return a submitted quote to draft with a reason (team lead)")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s.add_argument("--reason", required=True)
    s = cmd(quo, "show", commands.quotes_show, "show a quote")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s = cmd(quo, "expire", commands.quotes_expire, "mark quotes past their validity expired")
    s = cmd(quo, "pdf", commands.quotes_pdf, "write a quote's PDF")
    s.add_argument("quote", type=reference, metavar="QUOTE")
    s.add_argument("-o", "--output", required=True, metavar="FILE")
    s.add_argument("--lang", choices=["it", "en"])
    s = cmd(quo, "export", commands.quotes_export, "export the quotes sent in a period")
    s.add_argument("--since", type=iso_date, required=True)
    s.add_argument("--until", type=iso_date)
    s.add_argument("--to", required=True, metavar="DIR")
    s.add_argument("--lang", choices=["it", "en"],
                   help="language of the CSV index beside the PDFs (default en)")

    # work and variations
    wrk = sub.add_parser("work", help="work entries").add_subparsers(dest="cmd", required=True,
                                                                     parser_class=Parser)
    s = cmd(wrk, "log", commands.work_log, "log hours on a request")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--hours", required=True, metavar="H_OR_H:MM")
    s.add_argument("--date", type=iso_date)
    s.add_argument("--note", default="")
    s = cmd(wrk, "edit", commands.work_edit, "change a work entry")
    s.add_argument("entry", type=positive_int)
    s.add_argument("--hours", required=True)
    s.add_argument("--date", type=iso_date, required=True)
    s.add_argument("--note", default="")
    s = cmd(wrk, "delete", commands.work_delete, "delete a work entry")
    s.add_argument("entry", type=positive_int)

    var = sub.add_parser("variations", help="variations").add_subparsers(
        dest="cmd", required=True, parser_class=Parser)
    s = cmd(var, "propose", commands.variations_propose, "propose a new agreed amount")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--amount", required=True)
    s.add_argument("--reason", required=True)
    s = cmd(var, "withdraw", commands.variations_withdraw,
            "withdraw a variation still awaiting the customer")
    s.add_argument("variation", type=reference, metavar="VARIATION")
    s.add_argument("--reason", required=True)

    st = sub.add_parser("settings", help="shared settings").add_subparsers(
        dest="cmd", required=True, parser_class=Parser)
    cmd(st, "show", commands.settings_show, "show the settings")
    s = cmd(st, "set", commands.settings_set, "change a setting (admin)")
    s.add_argument("key")
    s.add_argument("value")
    keyring_cli.add_parser(sub, common, Parser)
    return p


def _prompt(where: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {where}: ") or None


def open_database(url_text: str | None, *, must_exist: bool = False) -> Database:
    """The database of ``--db``, ``RIT_DESK_DB`` or the embedded file.

    Without a password in the keyring or the environment a PostgreSQL connection is
    tried as it is (trust authentication needs none): the password is asked for at the
    terminal only when the server asks for one.
    """
    from reports.quote_pdf import render_quote

    url = config.resolve_url(url_text)
    if (must_exist and url.get_backend_name() == "sqlite" and url.database
            and url.database != ":memory:" and not Path(url.database).exists()):
        # Do not leave an empty file (and its folders) behind for a mistyped path.
        raise ValidationError(f"there is no database at {url.database}: run 'rit-desk init' first")
    from app.db.database import Database, describe

    db = Database(url, renderer=render_quote)
    if db.is_sqlite or url.password or not sys.stdin.isatty():
        return db
    try:
        db.check_connection()
    except RitError as exc:
        if config.sign_in_problem(str(exc)) != config.PASSWORD_REQUIRED:
            raise
        db.dispose()
        password = _prompt(describe(url))
        if password is None:
            raise
        return Database(url.set(password=password), renderer=render_quote)
    return db


class _NotTheDesktop(Exception):
    """The arguments are not (only) the desktop app's: the full parser reads them."""


class _DesktopParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheDesktop(message)


def desktop_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The desktop app's options when ``argv`` names no command (None otherwise).

    Read without building the commands' parser, whose modules import every use case
    (about 0.2 s that the first window would wait for). ``--help``, a command or a
    mistake: None, and the full parser answers as always.
    """
    parser = _DesktopParser(prog="rit-desk", add_help=False)
    _global_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheDesktop:
        return None
    return None if rest else args


def _desktop(args: argparse.Namespace) -> int:
    from ui.display import NO_DISPLAY, no_display

    if not args.screenshot and no_display():
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_USAGE
    from ui.gui_main import run

    return run(args.db, screenshot=args.screenshot, user=args.actor, lang=args.lang,
               view=args.view, read_db=args.read_db)


def main(argv: Sequence[str] | None = None) -> int:
    desktop = desktop_args(sys.argv[1:] if argv is None else argv)
    if desktop is not None:
        return _desktop(desktop)
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.group:
            parser.error(f"'{args.group}' needs a command")
        return _desktop(args)
    from ui.cli import commands
    from ui.cli.commands import CliError
    from ui.cli.output import dumps
    if getattr(args, "opens_no_database", False):
        try:
            data, text = handler(args)
        except (RitError, CliError) as exc:
            print(f"rit-desk: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _output(dumps(data) if as_json else text, blank=True)
    db: Database | None = None
    try:
        db = open_database(args.db, must_exist=handler is not commands.init)
        if args.read_db:
            db.use_standby(args.read_db)
        if handler is not commands.init:
            db.check_connection()
            if not db.schema_is_current():
                raise ValidationError("the database has no current RIT Desk schema: run "
                                      "'rit-desk init' first")
            args.actor = commands.signed_in_actor(db, args.actor)
        result = handler(db, args)
    except (RitError, CliError) as exc:
        print(f"rit-desk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("rit-desk: interrupted", file=sys.stderr)
        return 130
    finally:
        if db is not None:
            db.dispose()
    data, text = result
    return _output(dumps(data) if as_json else text)


def _output(text: str, *, blank: bool = False) -> int:
    """Print the result (0). A reader that stopped early (``rit-desk requests list | head
    -1``) closed the pipe: the rest is not wanted, so the command ends quietly with 0, and
    standard output goes to the null device so that Python's flush at exit says nothing."""
    try:
        if text or blank:
            print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 0


if __name__ == "__main__":
    sys.exit(main())
