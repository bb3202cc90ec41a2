"""``rit-desk keyring``: whether this workstation has a keyring, and the password kept there.

These commands open no database. ``status`` tells whether a keyring backend (the desktop's
Secret Service: GNOME Keyring, KWallet) is available; without one the app asks for the
PostgreSQL password each time and stores nothing. ``remember`` and ``forget`` keep or drop
the password of the ``--db`` URL (read from the terminal, or from one line of standard
input when it is not a terminal), as the start dialog's "Remember" does.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy.engine import URL

from app import config
from app.domain.errors import ValidationError
from ui.cli.common import Result


def _server_url(args: argparse.Namespace, *, required: bool) -> URL | None:
    text = args.db or os.environ.get(config.ENV_DB)
    if not text:
        if required:
            raise ValidationError("give the PostgreSQL server with --db URL (or RIT_DESK_DB)")
        return None
    url = config.parse_url(text)
    if url.get_backend_name() != "postgresql":
        if required:
            raise ValidationError("only a PostgreSQL database has a password to remember")
        return None
    if url.password:
        raise ValidationError("give the URL without its password: it is asked for")
    return url


def status(args: argparse.Namespace) -> Result:
    found = config.keyring_status()
    data: dict[str, Any] = {"available": found.available,
                            "backend": found.message if found.available else None,
                            "message": "" if found.available else found.message}
    if found.available:
        text = f"keyring: {found.message}"
    else:
        text = (f"keyring: none ({found.message}): the password is asked each time and "
                "not stored")
    url = _server_url(args, required=False)
    if url is not None:
        where = url.render_as_string(hide_password=True)
        data["database"] = where
        data["remembered"] = config.password_from_keyring(url) is not None
        text += f"\n{where}: password {'remembered' if data['remembered'] else 'not remembered'}"
    return data, text


def _read_password(where: str) -> str:
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for {where}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise ValidationError("no password given")
    return password


def remember(args: argparse.Namespace) -> Result:
    url = _server_url(args, required=True)
    assert url is not None
    where = url.render_as_string(hide_password=True)
    config.store_password(url, _read_password(where))
    return {"database": where, "remembered": True}, f"password for {where} remembered"


def forget(args: argparse.Namespace) -> Result:
    url = _server_url(args, required=True)
    assert url is not None
    where = url.render_as_string(hide_password=True)
    config.forget_password(url)
    return {"database": where, "remembered": False}, f"password for {where} forgotten"


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    """The ``keyring`` command group (``sub``: the main parser's subparsers)."""
    group = sub.add_parser("keyring", help="the system keyring that keeps the database password"
                           ).add_subparsers(dest="cmd", required=True, parser_class=parser_class)
    for name, handler, text in (
            ("status", status, "is a keyring available; is the --db password remembered"),
            ("remember", remember, "remember the --db password (asked, or one line of stdin)"),
            ("forget", forget, "forget the --db password")):
        parser = group.add_parser(name, parents=[common], help=text)
        parser.set_defaults(handler=handler, opens_no_database=True)
