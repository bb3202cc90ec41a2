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
  the balance back to the threshold (a row per crossing below it: one alert each).
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
               ("customers", "low_credit_alert_cents", "BIGINT"))


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


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_table("low_credit_alerts")
    op.execute("UPDATE variations SET state = 'refused' WHERE state = 'lapsed'")
    for table, column, _kind in reversed(NEW_COLUMNS):
        if bind.dialect.name == "postgresql":
            op.drop_column(table, column)
        else:
            with op.batch_alter_table(table) as batch:
                batch.drop_column(column)
