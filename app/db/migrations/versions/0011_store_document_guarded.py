"""identity: a charge document or credit note is stored only by whoever may

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 16:30:00

``rit_store_document`` (migration 0008) stored the first PDF any staff login sent for
any charge: a technician who did not make a charge could store a fake document for it
before the real render, and the first store wins. Now, on PostgreSQL, the document is
stored only by

- the login that made it: the charge's ``created_by_id`` (the completing user), the
  credit note's ``created_by_id`` (who refunded);
- finance and admin (the document is rendered on first request when that was missed);
- trusted maintenance (a superuser, a member of the schema's owner role);

everybody else is refused with SQLSTATE 42501 and the key ``store_document``
(``app/db/server_errors.py``), before anything is written. It is still stored once
(the row is locked, the first PDF stays) and must be a PDF (``%PDF-``). What the
stored bytes say is not read here: a reprint checks them against their SHA-256
(``app/services/charge_documents.py``).

SQLite (one workstation, no server functions): nothing changes in the schema; the
service applies the same rule before storing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_store_document(schema))


def downgrade() -> None:
    """Back to migration 0008's definition (any staff login stores)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from importlib import import_module

    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    m0008 = import_module("app.db.migrations.versions.0008_charge_documents_and_refunds")
    op.execute(m0008._postgresql(schema)[-1].replace("CREATE FUNCTION",
                                                      "CREATE OR REPLACE FUNCTION", 1))


def _store_document(s: str) -> str:
    return f"""
        CREATE OR REPLACE FUNCTION rit_store_document(p_kind text, p_id integer, p_pdf bytea,
                                                      p_at timestamp)
        RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
        -- A rendered document is stored once (the first PDF stays: a reprint is its bytes),
        -- by the login that made it, finance, an admin or trusted maintenance.
        DECLARE
            v_doc record;
            v_me record;
            v_sha text;
        BEGIN
            IF p_kind = 'charge' THEN
                SELECT c.request_id, c.created_by_id, d.pdf_sha256 INTO v_doc
                FROM charge_documents d JOIN charges c ON c.id = d.charge_id
                WHERE d.charge_id = p_id FOR UPDATE OF d;
            ELSIF p_kind = 'credit_note' THEN
                SELECT n.request_id, n.created_by_id, n.pdf_sha256 INTO v_doc
                FROM credit_notes n WHERE n.id = p_id FOR UPDATE;
            ELSE
                RAISE EXCEPTION 'unknown kind of document: %', p_kind USING ERRCODE = '22023';
            END IF;
            IF NOT FOUND THEN
                RETURN NULL;  -- no such document: nothing stored (as before)
            END IF;
            IF NOT rit_trusted() THEN
                SELECT st.id, st.role INTO v_me FROM staff st
                WHERE st.username = session_user AND st.active;
                IF v_me.id IS NULL OR (v_me.id <> v_doc.created_by_id
                                       AND v_me.role NOT IN ('finance', 'admin')) THEN
                    RAISE EXCEPTION USING ERRCODE = '42501',
                        MESSAGE = 'permission denied: only the login that made it, finance or '
                                  'an admin stores this document',
                        DETAIL = jsonb_build_object(
                            'key', 'store_document', 'number', v_doc.request_id,
                            'kind', p_kind, 'login', session_user)::text;
                END IF;
            END IF;
            IF v_doc.pdf_sha256 IS NOT NULL THEN
                RETURN v_doc.pdf_sha256;  -- stored already: the first one stays
            END IF;
            IF p_pdf IS NULL OR substr(p_pdf, 1, 5) <> '\\x255044462d'::bytea THEN
                RAISE EXCEPTION USING ERRCODE = 'RD000', MESSAGE = 'not a PDF',
                    DETAIL = jsonb_build_object('key', 'not_pdf', 'number', v_doc.request_id,
                                                'kind', p_kind)::text;
            END IF;
            v_sha := encode(sha256(p_pdf), 'hex');
            IF p_kind = 'charge' THEN
                UPDATE charge_documents SET pdf = p_pdf, pdf_sha256 = v_sha, rendered_at = p_at
                WHERE charge_id = p_id;
            ELSE
                UPDATE credit_notes SET pdf = p_pdf, pdf_sha256 = v_sha, rendered_at = p_at
                WHERE id = p_id;
            END IF;
            RETURN v_sha;
        END $$"""
