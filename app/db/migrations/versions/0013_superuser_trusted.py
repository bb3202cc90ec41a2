"""identity: a superuser is trusted maintenance even where the group roles are missing

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 17:45:00

Migration 0009 inlined ``rit_trusted()`` as ``pg_has_role(session_user, <owner role>,
'MEMBER')``, which PostgreSQL answers true for a superuser, but only when the owner role
exists: on a schema whose group roles were never made (the tables migrated without
``init``, as the benchmarks' generator does) the role name resolves to NULL and a
superuser was refused as if it were anybody ("you are signed in as postgres"). The
superuser is now asked about first-hand when the owner role cannot answer (COALESCE
evaluates that only then, so the common case costs nothing more).

PostgreSQL only (SQLite has no server functions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _trusted(s: str, superuser: bool) -> str:
    member = f"pg_has_role(session_user, to_regrole({s}.rit_role('owner')), 'MEMBER')"
    fallback = ("(SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user)"
                if superuser else "false")
    return f"""
        CREATE OR REPLACE FUNCTION rit_trusted() RETURNS boolean LANGUAGE sql STABLE AS $$
            -- trusted maintenance: a superuser, or a member of the schema's owner role
            SELECT coalesce({member}, {fallback}, false)
        $$"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_trusted(schema, superuser=True))


def downgrade() -> None:
    """Back to migration 0009's definition."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_trusted(schema, superuser=False))
