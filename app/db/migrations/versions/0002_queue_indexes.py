"""queue indexes for a million requests: sort keys, subject search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:10:00

- one ``(key, id)`` index per sortable column of ``requests``, so the first page of a
  queue in any order (and, read backwards, its last page) is an index walk, not a sort
  of the whole table; ``priority`` sorts by its rank (an expression index on the same
  ``CASE`` the query uses); ``services.name`` for the service column;
- subject search by substring: on PostgreSQL a ``pg_trgm`` GIN index on ``lower(subject)``
  and on ``lower(customers.name)`` (when the extension can be created; without it the
  search still works, by scanning); on SQLite an FTS5 table with the ``trigram``
  tokenizer over ``requests.subject`` (external content, kept in step by triggers).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: the expression ``app.services.queries`` sorts priority by (must stay identical)
PRIORITY_RANK_SQL = (
    "CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 "
    "WHEN 'urgent' THEN 3 END"
)

SORT_INDEXES = {
    "ix_requests_state_id": ["state", "id"],
    "ix_requests_category_id": ["category", "id"],
    "ix_requests_subject_id": ["subject", "id"],
    "ix_requests_quote_total_id": ["quote_total_cents", "id"],
    "ix_requests_valid_until_id": ["quote_valid_until", "id"],
}


def upgrade() -> None:
    bind = op.get_bind()
    for name, columns in SORT_INDEXES.items():
        op.create_index(name, "requests", columns)
    op.create_index("ix_services_name", "services", ["name"])
    op.execute(f"CREATE INDEX ix_requests_priority_rank ON requests (({PRIORITY_RANK_SQL}), id)")
    if bind.dialect.name == "postgresql":
        if _pg_trgm(bind):
            op.execute("CREATE INDEX ix_requests_subject_trgm ON requests "
                       "USING gin (lower(subject) gin_trgm_ops)")
            op.execute("CREATE INDEX ix_customers_name_trgm ON customers "
                       "USING gin (lower(name) gin_trgm_ops)")
    elif bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE requests_fts USING fts5(subject, content='requests', "
                   "content_rowid='id', tokenize='trigram')")
        op.execute("INSERT INTO requests_fts(requests_fts) VALUES ('rebuild')")
        op.execute("CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN "
                   "INSERT INTO requests_fts(rowid, subject) VALUES (new.id, new.subject); END")
        op.execute("CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN "
                   "INSERT INTO requests_fts(requests_fts, rowid, subject) "
                   "VALUES ('delete', old.id, old.subject); END")
        op.execute("CREATE TRIGGER requests_fts_update AFTER UPDATE OF subject ON requests BEGIN "
                   "INSERT INTO requests_fts(requests_fts, rowid, subject) "
                   "VALUES ('delete', old.id, old.subject); "
                   "INSERT INTO requests_fts(rowid, subject) VALUES (new.id, new.subject); END")


def _pg_trgm(bind: sa.engine.Connection) -> bool:
    """Create pg_trgm if it is available and we may (a trusted extension since PG 13)."""
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
        return True
    if not bind.execute(sa.text(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first():
        return False
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("requests_fts_insert", "requests_fts_delete", "requests_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS requests_fts")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_requests_subject_trgm")
        op.execute("DROP INDEX IF EXISTS ix_customers_name_trgm")
    op.drop_index("ix_requests_priority_rank", "requests")
    op.drop_index("ix_services_name", "services")
    for name in SORT_INDEXES:
        op.drop_index(name, "requests")
