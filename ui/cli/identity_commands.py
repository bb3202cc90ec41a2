"""Signing in and staff accounts from the command line.

    rit-desk --db URL init --admin USER [--name NAME] [--password-stdin] [--portal LOGIN]
        [--worker LOGIN]
    rit-desk portal passwd [LOGIN] [--password-stdin]
    rit-desk staff add USER --name NAME --role ROLE [--password-stdin]
    rit-desk staff deactivate USER | staff set-role USER --role ROLE
    rit-desk staff passwd [USER] [--password-stdin]
    rit-desk whoami

On PostgreSQL the acting user is the login (``--as`` only for trusted maintenance: a
superuser or a member of the schema's owner role); on the embedded SQLite file a
command without ``--as`` runs as the file's owner, with ``--as`` as that person.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from app.db.database import Database
from app.domain.errors import ValidationError
from app.services import staff
from ui.cli.common import CliError, Command, Result


def register(groups: Any, init: argparse.ArgumentParser, cmd: Command,
             parser_class: type[argparse.ArgumentParser]) -> None:
    """The ``staff`` group, ``whoami`` and the options of ``init``."""
    init.add_argument("--admin", metavar="USER", help="the first admin: a login and a staff "
                      "record (made, or linked to an existing login)")
    init.add_argument("--name", help="the first admin's full name (default: USER)")
    init.add_argument("--password-stdin", action="store_true",
                      help="read the password of the first admin, of the control panel login "
                      "and of the worker's login from standard input, one line each, in that "
                      "order (only those given)")
    init.add_argument("--portal", metavar="LOGIN",
                      help="a login for the control panel (made, or linked if it exists)")
    init.add_argument("--worker", metavar="LOGIN",
                      help="the worker's own login (made, or linked if it exists): "
                      "rit-desk worker signs in with it on PostgreSQL")
    group = groups.add_parser("staff", help="staff users and their logins").add_subparsers(
        dest="cmd", required=True, parser_class=parser_class)
    s = cmd(group, "add", staff_add, "add a staff user (admin): a login and a staff record")
    s.add_argument("username")
    s.add_argument("--name", required=True)
    s.add_argument("--role", required=True, help="technician, team_lead, finance or admin")
    s.add_argument("--password-stdin", action="store_true",
                   help="read the login's password from standard input")
    cmd(group, "list", staff_list, "list staff users")
    s = cmd(group, "deactivate", staff_deactivate,
            "a staff user leaves (admin): login disabled here, record and history kept")
    s.add_argument("username")
    s = cmd(group, "set-role", staff_set_role, "change a staff user's role (admin)")
    s.add_argument("username")
    s.add_argument("--role", required=True)
    s = cmd(group, "passwd", staff_passwd,
            "change your password (an admin: anyone's) on PostgreSQL")
    s.add_argument("username", nargs="?", help="whose (default: your own)")
    s.add_argument("--password-stdin", action="store_true",
                   help="read the new password from standard input")
    cmd(groups, "whoami", whoami, "who you are signed in as")


def read_password(args: argparse.Namespace, *, required: bool) -> str | None:
    """The password from standard input (``--password-stdin``: one line), else asked at
    a terminal (twice), else None when it may be left out. Never echoed nor printed."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError("no password on standard input")
        return line
    if not required:
        return None
    if not sys.stdin.isatty():
        raise CliError("give the new password on standard input with --password-stdin")
    first = getpass.getpass("New password: ")
    if first != getpass.getpass("Again: "):
        raise ValidationError("the two passwords differ")
    return first


def init_admin(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    """``init --admin``/``--portal`` after the schema is current: safe to run again."""
    done: dict[str, Any] = {}
    if args.name and not args.admin:
        raise CliError("--name goes with --admin USER")
    if args.password_stdin and not (args.admin or args.portal or args.worker):
        raise CliError("--password-stdin goes with --admin USER, --portal LOGIN or "
                       "--worker LOGIN")
    if args.admin:
        password = read_password(args, required=False)
        existing = {s.username: s for s in staff.list_staff(db)}
        if args.admin in existing and not staff.needs_login(db, args.admin):
            done["admin"] = args.admin  # there already, with its login
        else:
            view = staff.add_staff(db, None, args.admin, name=args.name or args.admin,
                                   role="admin", password=password)
            done["admin"] = view.username
    if args.portal:
        done["portal"] = staff.link_portal_login(db, args.portal,
                                                 read_password(args, required=False))
    if args.worker:
        done["worker"] = staff.link_worker_login(db, args.worker,
                                                 read_password(args, required=False))
    return done


def register_portal(portal: Any, cmd: Command) -> None:
    """``portal passwd``: an admin gives the control panel's login a new password."""
    s = cmd(portal, "passwd", portal_passwd,
            "change the control panel login's password (admin) on PostgreSQL")
    s.add_argument("login", nargs="?", help="which login (default: the database's only one)")
    s.add_argument("--password-stdin", action="store_true",
                   help="read the new password from standard input")


def portal_passwd(db: Database, args: argparse.Namespace) -> Result:
    staff.require_logins(db)  # before asking for a password that cannot be set
    password = read_password(args, required=True) or ""
    login = staff.change_portal_password(db, args.actor, password, args.login)
    return {"login": login, "password": "changed"}, f"password of {login} changed"


def staff_add(db: Database, args: argparse.Namespace) -> Result:
    if args.password_stdin:
        staff.require_logins(db)
    password = read_password(args, required=False)
    view = staff.add_staff(db, args.actor, args.username, name=args.name, role=args.role,
                           password=password)
    return {"user": view.username, "name": view.name, "role": view.role}, (
        f"added {view.username} ({view.role})")


def staff_list(db: Database, args: argparse.Namespace) -> Result:
    users = staff.list_staff(db)
    data = [{"username": u.username, "name": u.name, "role": u.role, "active": u.active}
            for u in users]
    return {"staff": data}, "\n".join(
        f"{u.username:<14} {u.role:<11} {u.name}{'' if u.active else ' (deactivated)'}"
        for u in users)


def staff_deactivate(db: Database, args: argparse.Namespace) -> Result:
    view = staff.deactivate(db, args.actor, args.username)
    return {"user": view.username, "active": view.active}, f"{view.username} deactivated"


def staff_set_role(db: Database, args: argparse.Namespace) -> Result:
    view = staff.set_role(db, args.actor, args.username, args.role)
    return {"user": view.username, "role": view.role}, f"{view.username} is now {view.role}"


def staff_passwd(db: Database, args: argparse.Namespace) -> Result:
    staff.require_logins(db)  # before asking for a password that cannot be set
    password = read_password(args, required=True) or ""
    whose = staff.change_password(db, args.actor, password, args.username)
    return {"user": whose, "password": "changed"}, f"password of {whose} changed"


def whoami(db: Database, args: argparse.Namespace) -> Result:
    me = staff.whoami(db, args.actor)
    data = {"username": me.username, "name": me.name, "role": me.role, "login": me.login,
            "trusted": me.trusted}
    if me.username is None:
        who = (f"trusted maintenance, login {me.login}" if me.login
               else "the owner of the embedded database (trusted maintenance)")
        return data, f"{who}: acting for no staff member (give --as USER to act for one)"
    login = f"signed in as {me.login}" if me.login else "embedded database"
    return data, f"{me.username} ({me.name}, {me.role}); {login}"
