"""The migration scripts read as text: the newest revision and every known one, without
importing Alembic (about 0.25 s) when the schema is already current."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]+)?=\s*(?:["']([^"']+)["']|None)\s*$""",
                       re.MULTILINE)


@cache
def _migration_chain(versions: Path = MIGRATIONS / "versions") -> dict[str, str | None] | None:
    """Revision -> parent of a plain chain of migration scripts, read as text.

    ``None`` when the scripts are not one simple chain (a merge, a branch, a revision
    written some other way): then only Alembic can tell.
    """
    parents: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        found = {m.group(1): m.group(2) for m in _REVISION.finditer(script.read_text("utf-8"))}
        revision = found.get("revision")
        if revision is None or "down_revision" not in found:
            return None
        parents[revision] = found["down_revision"]
    children = set(parents.values())
    heads = [r for r in parents if r not in children]
    roots = [r for r, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or any(
            p is not None and p not in parents for p in parents.values()):
        return None
    return parents


def migration_head(versions: Path = MIGRATIONS / "versions") -> str | None:
    """The newest revision of a plain chain of migration scripts (None: ask Alembic)."""
    parents = _migration_chain(versions)
    if parents is None:
        return None
    children = set(parents.values())
    return next(r for r in parents if r not in children)


def migration_revisions(versions: Path = MIGRATIONS / "versions") -> frozenset[str] | None:
    """Every revision this version of RIT Desk knows (None: ask Alembic)."""
    parents = _migration_chain(versions)
    return None if parents is None else frozenset(parents)
