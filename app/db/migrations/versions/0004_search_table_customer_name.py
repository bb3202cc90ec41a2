"""narrow subject search table (PostgreSQL), customer name on requests

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 11:00:00

- PostgreSQL: ``request_search (request_id, subject)`` holds the lowercased subject of
  every request and carries the ``pg_trgm`` GIN index that was on ``requests`` (dropped
  here). A trigram match must be checked on the row; checking it on a narrow table
  (about 40 bytes a row) instead of the wide ``requests`` heap keeps a search of common
  words from reading most of a 168 MB table at 1M requests. Kept in step by a trigger on
  ``requests`` (insert, update of subject); deleting a request (or ``TRUNCATE ...
  CASCADE``) removes its row through the foreign key. SQLite keeps its FTS5 table
  (migration 0002), which holds its own copy of the subject already.
- ``requests.customer_name``: the customer's name, so the queue sorts by customer on
  ``requests`` alone: ``(customer_name, id)`` for every request and ``(assignee_id,
  customer_name, id)`` for one assignee's requests (the planner had to join the
  customers in name order and look for the assignee's requests of each). Filled by a
  trigger on insert and on a change of ``customer_id``, and by a trigger on
  ``customers`` if a customer's name changes, on both databases.

On PostgreSQL the backfill rewrites every row of ``requests``: at 1M requests run
``VACUUM FULL requests`` (or pg_repack) after the upgrade to give the space back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME_INDEXES = {
    "ix_requests_customer_name_id": ["customer_name", "id"],
    "ix_requests_assignee_customer": ["assignee_id", "customer_name", "id"],
}


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("requests", sa.Column("customer_name", sa.String(length=120),
                                        server_default="", nullable=False))
    if bind.dialect.name == "postgresql":
        _upgrade_postgresql(bind)
    else:
        _upgrade_sqlite()
    for name, columns in NAME_INDEXES.items():
        op.create_index(name, "requests", columns)
    if bind.dialect.name == "sqlite":
        op.execute("ANALYZE requests")  # SQLite plans new indexes with ANALYZE's figures


def _upgrade_postgresql(bind: sa.engine.Connection) -> None:
    op.execute("UPDATE requests SET customer_name = customers.name FROM customers "
               "WHERE customers.id = requests.customer_id")
    op.execute("""
        CREATE FUNCTION rit_requests_customer_name() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.customer_name := (SELECT name FROM customers WHERE id = NEW.customer_id);
            RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER requests_customer_name BEFORE INSERT OR UPDATE OF customer_id "
               "ON requests FOR EACH ROW EXECUTE FUNCTION rit_requests_customer_name()")
    op.execute("""
        CREATE FUNCTION rit_customers_name() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE requests SET customer_name = NEW.name WHERE customer_id = NEW.id;
            RETURN NULL;
        END $$""")
    op.execute("CREATE TRIGGER customers_name AFTER UPDATE OF name ON customers FOR EACH ROW "
               "WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION rit_customers_name()")

    op.execute("CREATE TABLE request_search ("
               "request_id integer NOT NULL CONSTRAINT pk_request_search PRIMARY KEY "
               "CONSTRAINT fk_request_search_request_id_requests REFERENCES requests (id) "
               "ON DELETE CASCADE, "
               "subject text NOT NULL)")
    op.execute("INSERT INTO request_search (request_id, subject) "
               "SELECT id, lower(subject) FROM requests")
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
        op.execute("CREATE INDEX ix_request_search_subject_trgm ON request_search "
                   "USING gin (subject gin_trgm_ops)")
    op.execute("DROP INDEX IF EXISTS ix_requests_subject_trgm")
    op.execute("""
        CREATE FUNCTION rit_request_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO request_search (request_id, subject)
            VALUES (NEW.id, lower(NEW.subject))
            ON CONFLICT (request_id) DO UPDATE SET subject = EXCLUDED.subject;
            RETURN NULL;
        END $$""")
    op.execute("CREATE TRIGGER requests_search AFTER INSERT OR UPDATE OF subject ON requests "
               "FOR EACH ROW EXECUTE FUNCTION rit_request_search()")
    op.execute("ANALYZE request_search")


def _upgrade_sqlite() -> None:
    name_of = "(SELECT name FROM customers WHERE customers.id = {}.customer_id)"
    op.execute(f"UPDATE requests SET customer_name = {name_of.format('requests')}")
    op.execute("CREATE TRIGGER requests_customer_name_insert AFTER INSERT ON requests BEGIN "
               f"UPDATE requests SET customer_name = {name_of.format('new')} "
               "WHERE id = new.id; END")
    op.execute("CREATE TRIGGER requests_customer_name_update AFTER UPDATE OF customer_id "
               "ON requests BEGIN "
               f"UPDATE requests SET customer_name = {name_of.format('new')} "
               "WHERE id = new.id; END")
    op.execute("CREATE TRIGGER customers_name_update AFTER UPDATE OF name ON customers "
               "WHEN old.name IS NOT new.name BEGIN "
               "UPDATE requests SET customer_name = new.name WHERE customer_id = new.id; END")


def downgrade() -> None:
    bind = op.get_bind()
    for name in NAME_INDEXES:
        op.drop_index(name, "requests")
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS requests_search ON requests")
        op.execute("DROP FUNCTION IF EXISTS rit_request_search()")
        op.execute("DROP TABLE IF EXISTS request_search")
        if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
            op.execute("CREATE INDEX ix_requests_subject_trgm ON requests "
                       "USING gin (lower(subject) gin_trgm_ops)")
        op.execute("DROP TRIGGER IF EXISTS customers_name ON customers")
        op.execute("DROP FUNCTION IF EXISTS rit_customers_name()")
        op.execute("DROP TRIGGER IF EXISTS requests_customer_name ON requests")
        op.execute("DROP FUNCTION IF EXISTS rit_requests_customer_name()")
        op.drop_column("requests", "customer_name")
    else:
        for trigger in ("requests_customer_name_insert", "requests_customer_name_update",
                        "customers_name_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        # not batch mode: recreating the table would drop the FTS triggers of 0002
        op.execute("ALTER TABLE requests DROP COLUMN customer_name")
