"""the dashboard and the finance reports at a million requests

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 12:00:00

- ``charges.category``: the request's category, copied onto its charge by the database
  (a trigger on insert, on both databases; filled here for the charges there are), so
  that the net charged per month and category is read from ``charges`` alone;
- ``charges (created_at, category, net_cents)``: the charges of a period (the charges
  report, the dashboard's charged-per-month) are a range of this index, which also
  holds what the dashboard sums;
- ``quotes (state, answered_at, request_id)``: the quotes accepted or rejected in a
  period (the dashboard's quote outcomes) are two ranges of this index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("charges", sa.Column("category", sa.String(length=30), server_default="",
                                       nullable=False))
    op.execute("UPDATE charges SET category = (SELECT category FROM requests "
               "WHERE requests.id = charges.request_id)")
    if bind.dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION rit_charges_category() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.category := (SELECT category FROM requests WHERE id = NEW.request_id);
                RETURN NEW;
            END $$""")
        op.execute("CREATE TRIGGER charges_category BEFORE INSERT ON charges FOR EACH ROW "
                   "EXECUTE FUNCTION rit_charges_category()")
    else:
        op.execute("CREATE TRIGGER charges_category AFTER INSERT ON charges BEGIN "
                   "UPDATE charges SET category = (SELECT category FROM requests "
                   "WHERE requests.id = new.request_id) WHERE id = new.id; END")
    op.create_index("ix_charges_created_category", "charges",
                    ["created_at", "category", "net_cents"])
    op.create_index("ix_quotes_state_answered", "quotes", ["state", "answered_at", "request_id"])
    if bind.dialect.name == "sqlite":
        op.execute("ANALYZE charges")  # SQLite plans a new index with ANALYZE's figures
        op.execute("ANALYZE quotes")


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_quotes_state_answered", "quotes")
    op.drop_index("ix_charges_created_category", "charges")
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS charges_category ON charges")
        op.execute("DROP FUNCTION IF EXISTS rit_charges_category()")
    else:
        op.execute("DROP TRIGGER IF EXISTS charges_category")
    op.drop_column("charges", "category")
