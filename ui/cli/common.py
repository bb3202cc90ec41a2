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
