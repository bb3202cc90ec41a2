"""the worker keeps the deadlines: quote reminders, variation reminders and lapse, low credit

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 03:30:00

Both databases (``app/services/worker.py`` runs the jobs):

- ``quotes.reminded_at``: when the customer was reminded that the sent quote's validity
  ends soon (once per quote);
- ``variations.reminded_at``: when the customer was reminded of a variation awaiting
  their answer (once); a variation left unanswered too long becomes ``lapsed`` (a state
  written only by the worker: on PostgreSQL the lifecycle of migration 0014 knows no move
  to it, so no staff or control-panel login can make it; the worker, trusted maintenance,
  is not asked);
- ``customers.low_credit_alert_cents``: the customer's own low-credit threshold (NULL:
  the setting ``low_credit_alert``; 0: no alert);
- ``low_credit_alerts``: the customers told their credit is low, until a top-up brings
  the balance back to the threshold (a row per crossing below it: one alert each);
- ``customers.email``: where the customer's notices are mailed;
- the delivery of each notice by email: ``delivery_state`` (``pending``, ``sent``,
  ``failed``; the notices written before this migration: ``skipped``, never mailed),
  ``attempts``, ``next_attempt_at`` (the backoff), ``last_error``, ``sent_at`` and the
  ``message_id`` it was sent with. The worker (trusted maintenance) writes them; on
  PostgreSQL a team lead or admin asks for one more try through ``rit_notice_retry``
  (SECURITY DEFINER: audited; no login may UPDATE notices).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: (table, column, SQL type) added in place
NEW_COLUMNS = (("quotes", "reminded_at", "TIMESTAMP"), ("variations", "reminded_at", "TIMESTAMP"),
               ("customers", "low_credit_alert_cents", "BIGINT"),
               ("customers", "email", "VARCHAR(254)"),
               ("notices", "delivery_state", "VARCHAR(10) NOT NULL DEFAULT 'pending'"),
               ("notices", "attempts", "INTEGER NOT NULL DEFAULT 0"),
               ("notices", "next_attempt_at", "TIMESTAMP"),
               ("notices", "last_error", "TEXT"),
               ("notices", "sent_at", "TIMESTAMP"),
               ("notices", "message_id", "VARCHAR(200)"))

#: PostgreSQL: a team lead's or admin's retry of a notice's delivery, audited
RETRY = """
    CREATE FUNCTION rit_notice_retry(p_notice integer) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    DECLARE
        v_notice notices%ROWTYPE;
    BEGIN
        IF NOT (rit_trusted() OR rit_is_lead()) THEN
            PERFORM rit_refuse('notice_retry', 'only a team lead or an admin retries a delivery',
                               jsonb_build_object('notice', p_notice, 'user', session_user));
        END IF;
        SELECT * INTO v_notice FROM notices WHERE id = p_notice FOR UPDATE;
        IF NOT FOUND OR v_notice.delivery_state NOT IN ('failed', 'pending') THEN
            RETURN;  -- the service said why
        END IF;
        UPDATE notices SET delivery_state = 'pending', attempts = 0, next_attempt_at = NULL
        WHERE id = p_notice;
        INSERT INTO audit_events (at, actor, action, request_id, customer_id, details)
        VALUES (rit_now(), session_user, 'notice_retry', v_notice.request_id,
                v_notice.customer_id, jsonb_build_object('notice', p_notice,
                'attempts', v_notice.attempts, 'error', v_notice.last_error)::text);
    END $$
"""


def upgrade() -> None:
    for table, column, kind in NEW_COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    op.create_table(
        "low_credit_alerts",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("balance_cents", sa.BigInteger(), nullable=False),
        sa.Column("threshold_cents", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_low_credit_alerts_customer_id_customers"),
        sa.PrimaryKeyConstraint("customer_id", name="pk_low_credit_alerts"),
    )
    # the notices of before: never mailed (the customers read them in the control panel)
    op.execute("UPDATE notices SET delivery_state = 'skipped'")
    op.create_index("ix_notices_delivery", "notices", ["delivery_state", "id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        op.execute(RETRY.format(schema=schema))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS rit_notice_retry(integer)")
    op.drop_index("ix_notices_delivery", "notices")
    op.drop_table("low_credit_alerts")
    op.execute("UPDATE variations SET state = 'refused' WHERE state = 'lapsed'")
    # in place on both (SQLite 3.35+: no table copy, which the triggers on customers and
    # notices of earlier migrations would break)
    for table, column, _kind in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
