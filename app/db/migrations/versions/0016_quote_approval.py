"""quotes above the send limit go for approval (issue 17)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 02:30:00

Both databases: a quote may be ``submitted`` (a draft above the technicians' send limit,
awaiting a team lead's approval). ``quotes`` gains who submitted it and when
(``submitted_by_id``, ``submitted_at``) and the last time a lead returned it to draft,
by whom and why (``returned_by_id``, ``returned_at``, ``return_reason``).

PostgreSQL: the quotes guard of migration 0007 (``rit_quotes_guard``) is replaced by the
same guard that also knows the approval:
- ``draft -> submitted`` by staff (a technician only on a request of theirs);
- ``submitted -> sent`` (approved: the PDF, ``sent_at`` and ``sent_by_id`` are written
  then) and ``submitted -> draft`` (returned, with a reason) only by a team lead or an
  admin: a technician's ``UPDATE quotes SET state = 'sent'`` is refused (``approval``);
- ``submitted -> withdrawn`` when the request is declined or cancelled;
- a submitted quote's content and lines are frozen as a sent one's (a lead approves what
  was submitted), the approval's columns change only with its state.
The technicians' send limit on ``draft -> sent`` stays as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

#: the technician send limit when the settings table has none (app.services.settings)
DEFAULT_TECH_SEND_LIMIT_CENTS = 100000

COLUMNS = ("submitted_by_id", "submitted_at", "returned_by_id", "returned_at", "return_reason")


#: the new columns (name, type, the staff member it names)
NEW_COLUMNS = (("submitted_by_id", "INTEGER", True), ("submitted_at", "DATETIME", False),
               ("returned_by_id", "INTEGER", True), ("returned_at", "DATETIME", False),
               ("return_reason", "TEXT", False))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        # SQLite adds a column with its reference in place (no table copy, whose
        # reflection of the other tables' expression indexes would only warn)
        for name, kind, staff in NEW_COLUMNS:
            reference = f" CONSTRAINT fk_quotes_{name}_staff REFERENCES staff (id)" if staff else ""
            op.execute(f"ALTER TABLE quotes ADD COLUMN {name} {kind}{reference}")
        return
    op.add_column("quotes", sa.Column("submitted_by_id", sa.Integer(), nullable=True))
    op.add_column("quotes", sa.Column("submitted_at", sa.DateTime(), nullable=True))
    op.add_column("quotes", sa.Column("returned_by_id", sa.Integer(), nullable=True))
    op.add_column("quotes", sa.Column("returned_at", sa.DateTime(), nullable=True))
    op.add_column("quotes", sa.Column("return_reason", sa.Text(), nullable=True))
    for name, _kind, staff in NEW_COLUMNS:
        if staff:
            op.create_foreign_key(f"fk_quotes_{name}_staff", "quotes", "staff", [name], ["id"])
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_guard(schema, approval=True))


def downgrade() -> None:
    bind = op.get_bind()
    op.execute("UPDATE quotes SET state = 'draft' WHERE state = 'submitted'")
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        op.execute(_guard(schema, approval=False))
        for name, _kind, staff in reversed(NEW_COLUMNS):
            if staff:
                op.drop_constraint(f"fk_quotes_{name}_staff", "quotes", type_="foreignkey")
            op.drop_column("quotes", name)
        return
    # SQLite 3.35+ drops a column with its own REFERENCES in place (a table copy would be
    # refused: the triggers of migration 0008 name quotes)
    for name, _kind, _staff in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE quotes DROP COLUMN {name}")


def _guard(schema: str, *, approval: bool) -> str:
    """rit_quotes_guard: migration 0007's, and with ``approval`` the submitted state."""
    sent_columns = "NEW.sent_by_id, NEW.sent_at", "OLD.sent_by_id, OLD.sent_at"
    approval_columns = (", ".join(f"NEW.{c}" for c in COLUMNS),
                        ", ".join(f"OLD.{c}" for c in COLUMNS))
    transitions = ("('draft', 'sent'), ('draft', 'withdrawn'), ('sent', 'withdrawn'), "
                   "('sent', 'superseded'), ('sent', 'expired'), ('sent', 'accepted'), "
                   "('sent', 'rejected')")
    frozen_when = "OLD.state <> 'draft'"
    approval_checks = ""
    if approval:
        transitions += (", ('draft', 'submitted'), ('submitted', 'sent'), "
                        "('submitted', 'draft'), ('submitted', 'withdrawn')")
        # approving writes who sent it and when: the one change of a submitted quote
        frozen_when = ("OLD.state <> 'draft' AND NOT (OLD.state = 'submitted' "
                       "AND NEW.state = 'sent')")
        approval_checks = f"""
            IF ({approval_columns[0]}) IS DISTINCT FROM ({approval_columns[1]}) AND NOT (
                    -- who submitted it is written when it is submitted, by that person;
                    -- who returned it and why, when it is returned
                    OLD.state = 'draft' AND NEW.state = 'submitted'
                    AND NEW.submitted_by_id IS NOT DISTINCT FROM rit_me()
                    AND (NEW.returned_by_id, NEW.returned_at, NEW.return_reason)
                        IS NOT DISTINCT FROM (OLD.returned_by_id, OLD.returned_at,
                                              OLD.return_reason)
                    OR OLD.state = 'submitted' AND NEW.state = 'draft'
                    AND NEW.returned_by_id IS NOT DISTINCT FROM rit_me()
                    AND (NEW.submitted_by_id, NEW.submitted_at)
                        IS NOT DISTINCT FROM (OLD.submitted_by_id, OLD.submitted_at)) THEN
                PERFORM rit_fail('42501', 'quote_state', jsonb_build_object(
                    'number', NEW.request_id, 'revision', NEW.revision));
            END IF;
            IF OLD.state = 'draft' AND NEW.state = 'submitted' AND rit_me() IS NULL THEN
                -- staff submit (the control panel does not)
                PERFORM rit_fail('42501', 'quote_state', jsonb_build_object(
                    'number', NEW.request_id, 'revision', NEW.revision));
            END IF;
            IF OLD.state = 'submitted' AND NEW.state IN ('sent', 'draft') AND NOT EXISTS (
                    SELECT 1 FROM pg_roles r
                    WHERE r.rolname IN (rit_role('team_lead'), rit_role('admin'))
                    AND pg_has_role(session_user, r.oid, 'MEMBER')) THEN
                -- approved (sent) or returned only by a team lead or an admin
                RAISE EXCEPTION USING ERRCODE = '42501',
                    MESSAGE = 'permission denied: only a team lead or an admin approves '
                        || 'or returns a submitted quote',
                    DETAIL = jsonb_build_object('key', 'approval', 'number', NEW.request_id,
                                                'revision', NEW.revision)::text;
            END IF;"""
    return f"""
        CREATE OR REPLACE FUNCTION rit_quotes_guard() RETURNS trigger LANGUAGE plpgsql
        SET search_path = {schema}, pg_temp AS $$
        DECLARE
            v_limit bigint;
        BEGIN
            IF rit_privileged() THEN
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF rit_is_technician() AND NOT rit_request_is_mine(OLD.request_id) THEN
                PERFORM rit_fail('42501', 'not_own_request', jsonb_build_object(
                    'number', OLD.request_id, 'user', session_user));
            END IF;
            IF TG_OP = 'DELETE' THEN
                IF OLD.state <> 'draft' THEN
                    PERFORM rit_fail('42501', 'quote_sent', jsonb_build_object(
                        'number', OLD.request_id, 'revision', OLD.revision));
                END IF;
                RETURN OLD;
            END IF;
            IF OLD.state <> 'draft' AND (
                    (NEW.request_id, NEW.revision, NEW.kind, NEW.vat_rate_hundredths,
                     NEW.valid_until, NEW.notes, NEW.hourly_rate_cents,
                     NEW.estimated_hours_hundredths, NEW.billing_increment, NEW.net_cents,
                     NEW.vat_cents, NEW.total_cents, NEW.lang, NEW.created_by_id,
                     NEW.created_at)
                    IS DISTINCT FROM
                    (OLD.request_id, OLD.revision, OLD.kind, OLD.vat_rate_hundredths,
                     OLD.valid_until, OLD.notes, OLD.hourly_rate_cents,
                     OLD.estimated_hours_hundredths, OLD.billing_increment, OLD.net_cents,
                     OLD.vat_cents, OLD.total_cents, OLD.lang, OLD.created_by_id,
                     OLD.created_at)
                    OR ({frozen_when}) AND ({sent_columns[0]}) IS DISTINCT FROM ({sent_columns[1]})
                    OR (OLD.pdf IS NOT NULL AND NEW.pdf IS DISTINCT FROM OLD.pdf)
                    OR (OLD.pdf_sha256 IS NOT NULL
                        AND NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256)) THEN
                PERFORM rit_fail('42501', 'quote_sent', jsonb_build_object(
                    'number', NEW.request_id, 'revision', NEW.revision));
            END IF;{approval_checks}
            IF NEW.state IS DISTINCT FROM OLD.state THEN
                IF NOT ((OLD.state, NEW.state) IN ({transitions})) THEN
                    PERFORM rit_fail('42501', 'quote_state', jsonb_build_object(
                        'number', NEW.request_id, 'revision', NEW.revision));
                END IF;
                IF NEW.state IN ('accepted', 'rejected') AND NOT rit_is_portal() THEN
                    PERFORM rit_fail('42501', 'customer_answer',
                                     jsonb_build_object('number', NEW.request_id));
                END IF;
                IF NEW.state = 'sent' AND OLD.state = 'draft' AND EXISTS (
                        SELECT 1 FROM pg_roles t WHERE t.rolname = rit_role('technician')
                        AND pg_has_role(session_user, t.oid, 'MEMBER')) THEN
                    SELECT (value::numeric * 100)::bigint INTO v_limit FROM settings
                    WHERE key = 'tech_send_limit';
                    IF NEW.net_cents > coalesce(v_limit, {DEFAULT_TECH_SEND_LIMIT_CENTS}) THEN
                        PERFORM rit_fail('42501', 'send_limit', jsonb_build_object(
                            'number', NEW.request_id, 'revision', NEW.revision));
                    END IF;
                END IF;
            END IF;
            RETURN NEW;
        END $$"""
