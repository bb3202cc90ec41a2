"""What every group of CLI commands shares: the answer's shape, the usage error, the
acting user and how a command is registered (commands, finance and identity_commands
each import this, never each other at import time)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

#: a command's answer: the JSON object printed with ``--json``, and the text otherwise
Result = tuple[dict[str, Any], str]

#: how a group registers one command: ``cmd(subparsers, name, function, help)``
Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]


class CliError(Exception):
    """A usage problem found after parsing (e.g. a missing --as)."""


def need_actor(args: argparse.Namespace) -> str:
    if not args.actor:
        raise CliError("this command acts as a staff user: give --as USER")
    return str(args.actor)


def answered_by(result: Result, answer: Any, *, standby: bool) -> Result:
    """A read's result with who answered it (``app.db.standby.ReadAnswer``): the JSON
    keys ``read_from`` ("standby" or "primary") and ``read_note``; with a standby
    configured (``--read-db``) the note also goes to standard error, so a CSV or text
    on standard output stays as it was."""
    data, text = result
    if standby:
        import sys

        print(f"rit-desk: {answer.note()}", file=sys.stderr)
    return {**data, "read_from": answer.read_from, "read_note": answer.note()}, text
