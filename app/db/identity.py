"""Who is signed in, and the PostgreSQL role names of one RIT Desk database.

PostgreSQL roles belong to the whole cluster, while a RIT Desk schema lives in one
database: production and a test copy, or parallel test runs, share the cluster. So the
group roles of a database are named after it: ``<prefix>_technician`` and so on, the
prefix being the database name (``rit_`` in front unless it starts with ``rit``),
lowercased, with a short hash of the exact name when that name had to be changed to fit
(other characters, or longer than 40). The names are chosen once, by ``init``, and kept
in the table ``role_names``: renaming the database later does not move its roles.

Staff logins are named after their user names and are not per database: the same person
may work in two RIT Desk databases with one login, a member of each database's groups.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from app.domain.enums import Role

#: the group roles of one database: the owner of every object, the base every staff
#: login, the control panel and the worker are members of, one per staff role, the
#: control panel, the back office's worker (issue 18: ``init --worker LOGIN``)
OWNER = "owner"
LOGIN = "login"
PORTAL = "portal"
WORKER = "worker"
STAFF_GROUPS = tuple(r.value for r in Role)
GROUPS = (OWNER, LOGIN, *STAFF_GROUPS, PORTAL, WORKER)

MAX_PREFIX = 40
_PLAIN = re.compile(r"^[a-z0-9_]+$")


def role_prefix(database: str) -> str:
    """The prefix of a database's group roles (see the module docstring)."""
    base = database if database.startswith("rit") else f"rit_{database}"
    clean = re.sub(r"[^a-z0-9_]", "_", base.lower())
    if clean == base and len(clean) <= MAX_PREFIX and _PLAIN.match(clean):
        return clean
    digest = hashlib.sha1(database.encode("utf-8")).hexdigest()[:6]
    return f"{clean[:MAX_PREFIX - 7]}_{digest}"


def group_names(prefix: str) -> dict[str, str]:
    """Group -> PostgreSQL role name, for a prefix."""
    return {group: f"{prefix}_{group}" for group in GROUPS}


@dataclass(frozen=True)
class Identity:
    """The session's identity as the database sees it.

    ``login`` is PostgreSQL's ``session_user`` (None on SQLite, which has no logins).
    ``trusted``: trusted maintenance, who may act for anyone: a PostgreSQL superuser or
    a member of the schema's owner role, and the owner of the embedded SQLite file.
    ``portal``: a login of the control panel's group role.
    ``worker``: a login of the worker's group role (its own jobs, nothing else).
    """

    login: str | None
    trusted: bool
    portal: bool = False
    #: the login's own staff record (PostgreSQL; None: it has none)
    name: str | None = None
    role: str | None = None
    active: bool = False
    worker: bool = False

    @property
    def label(self) -> str:
        """How the audit names the session when it acts for nobody in particular."""
        return self.login or "owner"


WORKSTATION = Identity(None, True)
