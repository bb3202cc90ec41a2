"""changes announced to every workstation (PostgreSQL LISTEN/NOTIFY)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 15:00:00

Every write appends an audit event in its own transaction (a rule of the services and
of the server functions). On PostgreSQL a trigger on ``audit_events`` sends a NOTIFY on
the channel ``rit_desk_changes`` (payload: the request's number, or empty): the database
delivers it when the writing transaction commits, and only then, to every workstation
that LISTENs (``ui/live_updates.py``), which then reads the change marker as the polling
does. Notifications of one transaction with the same payload arrive once.

The trigger function is SECURITY DEFINER with a pinned ``search_path``, like the other
functions of the schema, so that it runs the same for every role's login. SQLite (one
workstation) has nothing to announce: nothing changes there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHANNEL = "rit_desk_changes"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(f"""
        CREATE FUNCTION rit_notify_change() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', coalesce(NEW.request_id::text, ''));
            RETURN NULL;
        END $$""")
    op.execute("CREATE TRIGGER audit_events_notify AFTER INSERT ON audit_events "
               "FOR EACH ROW EXECUTE FUNCTION rit_notify_change()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_notify ON audit_events")
    op.execute("DROP FUNCTION IF EXISTS rit_notify_change()")
