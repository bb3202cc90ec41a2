"""requests of one assignee in number order (the queue sorted by assignee)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:30:00

The queue sorted by assignee reads each assignee's requests in number order, one
assignee after the other (``app.services.queries``): ``(assignee_id, id)`` makes that an
index walk instead of a sort of every request of the assignee.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_requests_assignee_id", "requests", ["assignee_id", "id"])
    if op.get_bind().dialect.name == "sqlite":
        # SQLite plans with the statistics of ANALYZE (a new index has none: measured, the
        # queue of one assignee sorted by customer took 0.7 s instead of 15 ms without them)
        op.execute("ANALYZE requests")


def downgrade() -> None:
    op.drop_index("ix_requests_assignee_id", "requests")
