"""a quote's reminder is the worker's: no staff login marks it reminded

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 06:50:00

PostgreSQL only (the embedded SQLite file is one trusted workstation). The worker reminds
the customer ``quote_reminder_days`` before a quote's validity ends, once: it marks the
quote's ``reminded_at`` with the reminder's notice and event. Staff logins may UPDATE
quotes (drafts are theirs, ``rit_quotes_guard`` decides what else may move), and that
guard left ``reminded_at`` alone: a technician could mark their own sent quote reminded
in plain SQL, and the customer was never reminded. Trigger ``quotes_reminded_by_worker``
refuses a change of ``reminded_at`` to every login but the worker's (and trusted
maintenance, and the database's own functions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

REMINDED_BY_WORKER = """
    CREATE FUNCTION rit_quotes_reminded_by_worker() RETURNS trigger LANGUAGE plpgsql
    SET search_path = {schema}, pg_temp AS $$
    BEGIN
        IF rit_privileged() OR rit_trusted() OR rit_is_worker() THEN
            RETURN NEW;
        END IF;
        PERFORM rit_refuse('reminded_by_worker', format(
            'quote %s: its reminder is the worker''s to send and mark', OLD.id),
            jsonb_build_object('quote', OLD.id, 'number', OLD.request_id));
        RETURN NEW;
    END $$"""
TRIGGER = ("CREATE TRIGGER quotes_reminded_by_worker BEFORE UPDATE ON quotes FOR EACH ROW "
           "WHEN (NEW.reminded_at IS DISTINCT FROM OLD.reminded_at) "
           "EXECUTE FUNCTION rit_quotes_reminded_by_worker()")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(REMINDED_BY_WORKER.format(schema=schema))
    op.execute(TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS quotes_reminded_by_worker ON quotes")
    op.execute("DROP FUNCTION IF EXISTS rit_quotes_reminded_by_worker()")
