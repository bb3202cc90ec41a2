"""identity: the checks of who is acting, cheap enough for every charge

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 14:00:00

PostgreSQL only. The small functions that say who is acting (``rit_role``,
``rit_trusted``, ``rit_is_portal``, ``rit_is_technician``, ``rit_privileged``) and
``rit_money`` are plain SQL without a ``SET search_path`` of their own (their tables and
functions are named with their schema instead), so the planner inlines them into the
statements, policies and triggers that use them instead of calling them; the role test
is one ``pg_has_role`` on the role's oid (a superuser is a member of every role). The
audit trigger asks whether the session is trusted only when the event names someone
other than the login. Same answers as migration 0007's, a third of the time in a charge.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for statement in _statements(schema):
        op.execute(statement)


def downgrade() -> None:
    """Migration 0007's definitions answer the same: nothing to undo for correctness."""


def _member(who: str, group: str, how: str, s: str) -> str:
    return (f"coalesce(pg_has_role({who}, to_regrole({s}.rit_role('{group}')), '{how}'), "
            "false)")


def _statements(s: str) -> list[str]:
    path = f"SET search_path = {s}, pg_temp"
    return [
        f"""
        CREATE OR REPLACE FUNCTION rit_role(p_group text) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT name FROM {s}.role_names WHERE role = p_group
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_trusted() RETURNS boolean LANGUAGE sql STABLE AS $$
            -- trusted maintenance: a superuser, or a member of the schema's owner role
            SELECT {_member('session_user', 'owner', 'MEMBER', s)}
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_is_portal() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT {_member('session_user', 'portal', 'MEMBER', s)}
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_is_technician() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT {_member('session_user', 'technician', 'MEMBER', s)}
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_privileged() RETURNS boolean LANGUAGE sql STABLE AS $$
            -- the owner's rights: inside a server function, or trusted maintenance
            SELECT {_member('current_user', 'owner', 'USAGE', s)}
        $$""",
        """
        CREATE OR REPLACE FUNCTION rit_money(p_cents bigint) RETURNS text
        LANGUAGE sql IMMUTABLE AS $$
            SELECT (p_cents::numeric / 100)::numeric(20, 2)::text
        $$""",
        f"""
        CREATE OR REPLACE FUNCTION rit_audit_login() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- the login is the session's, whatever the client sent; a staff login acts
            -- only for itself, the control panel for a customer
            NEW.login := session_user;
            IF NEW.actor IS DISTINCT FROM session_user::text AND NOT rit_trusted()
                    AND NOT (rit_is_portal() AND NEW.actor LIKE 'portal%') THEN
                NEW.actor := session_user;
            END IF;
            RETURN NEW;
        END $$""",
    ]
