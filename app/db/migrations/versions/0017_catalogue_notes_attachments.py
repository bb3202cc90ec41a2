"""the price list of routine interventions, notes and attachments on a request

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 03:00:00

- ``catalogue_items``: the price list (code, description, unit ``fixed`` or ``hour``,
  list price, the request category it serves or NULL for every one, active). Kept by
  team leads and admins; never deleted: an item no longer offered is retired.
- ``quote_lines.catalogue_item_id``: the item a line was picked from. The line keeps
  its own description and price, so retiring or repricing an item changes no quote.
- ``request_notes``: internal notes on a request (shown in its History).
- ``attachments``: files on a request (PDF, PNG, JPEG, plain text), at most 10 MiB,
  stored with their SHA-256.

Notes and attachments are never changed or deleted, by anyone: they are part of the
request's record, as the audit is (a file attached by mistake is said so in a note).

PostgreSQL: the grants and row-level security are in ``app/db/privileges.py``; a
trigger refuses a technician's quote line priced below its item's list price (team
leads and admins set any price), as the services do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

LIST_PRICE_GUARD = """
    CREATE FUNCTION rit_quote_line_list_price() RETURNS trigger LANGUAGE plpgsql
    SET search_path = {schema} AS $$
    BEGIN
        -- a technician never prices a price-list item below its list price (trusted
        -- maintenance, a superuser among them, is a member of every role: not one)
        IF NEW.catalogue_item_id IS NOT NULL AND NOT rit_trusted() AND rit_is_technician()
                AND NEW.unit_price_cents <
                (SELECT price_cents FROM catalogue_items WHERE id = NEW.catalogue_item_id) THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'permission denied: a technician may not price a catalogue item '
                          'below its list price';
        END IF;
        RETURN NEW;
    END $$
"""


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "catalogue_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("price_cents", sa.BigInteger(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("unit IN ('fixed', 'hour')", name="ck_catalogue_items_unit"),
        sa.CheckConstraint("price_cents > 0", name="ck_catalogue_items_price"),
        sa.PrimaryKeyConstraint("id", name="pk_catalogue_items"),
        sa.UniqueConstraint("code", name="uq_catalogue_items_code"),
    )
    op.create_table(
        "request_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"],
                                name="fk_request_notes_request_id_requests"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name="fk_request_notes_staff_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_request_notes"),
    )
    op.create_index("ix_request_notes_request_id", "request_notes", ["request_id"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"size_bytes BETWEEN 1 AND {MAX_ATTACHMENT_BYTES}",
                           name="ck_attachments_size"),
        sa.CheckConstraint("media_type IN ('application/pdf', 'image/png', 'image/jpeg', "
                           "'text/plain')", name="ck_attachments_media_type"),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"],
                                name="fk_attachments_request_id_requests"),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"],
                                name="fk_attachments_created_by_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    op.create_index("ix_attachments_request_id", "attachments", ["request_id"])
    if bind.dialect.name == "postgresql":
        op.add_column("quote_lines", sa.Column("catalogue_item_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_quote_lines_catalogue_item_id_catalogue_items", "quote_lines",
                              "catalogue_items", ["catalogue_item_id"], ["id"])
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        op.execute(LIST_PRICE_GUARD.format(schema=schema))
        op.execute("CREATE TRIGGER quote_lines_list_price BEFORE INSERT OR UPDATE ON quote_lines "
                   "FOR EACH ROW EXECUTE FUNCTION rit_quote_line_list_price()")
    else:  # SQLite adds a nullable column with its reference in place (no table copy)
        op.execute("ALTER TABLE quote_lines ADD COLUMN catalogue_item_id INTEGER "
                   "REFERENCES catalogue_items (id)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS quote_lines_list_price ON quote_lines")
        op.execute("DROP FUNCTION IF EXISTS rit_quote_line_list_price()")
        op.drop_constraint("fk_quote_lines_catalogue_item_id_catalogue_items", "quote_lines")
        op.drop_column("quote_lines", "catalogue_item_id")
    else:  # in place (SQLite 3.35+), as it was added: a batch table copy reflects the
        # tables around, and an expression index of requests is a warning there
        op.execute("ALTER TABLE quote_lines DROP COLUMN catalogue_item_id")
    op.drop_table("attachments")
    op.drop_table("request_notes")
    op.drop_table("catalogue_items")
