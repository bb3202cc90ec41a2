"""lifecycle: the events of notes, attachments and the price list are accepted with their rows

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 03:50:00

Migration 0014 writes every audit event through ``rit_log``, which accepts an event only
with the change it records, in the same transaction (``rit_event_subject``): the request
written or held for update, or one of its quotes, work entries or variations written. The
notes and attachments of migration 0017 are rows of their own (the request itself is
neither locked nor changed), and a price-list item is about no request or customer, so
on PostgreSQL ``requests note``, ``requests attach`` and a team lead's ``catalogue add``
were refused with "an event is written only with the change it records". The subject now
also counts a note or an attachment of the request written by this transaction, and an
event about nothing in particular is accepted from a team lead who wrote a price-list
item in this transaction (an admin's, as before, for the settings).

PostgreSQL only (SQLite has no server functions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_MEMBER = "coalesce(pg_has_role(session_user, to_regrole({s}.rit_role('{g}')), 'MEMBER'), false)"


def _subject(s: str, *, new_tables: bool) -> str:
    """``rit_event_subject`` as 0014 wrote it, with (``new_tables``) the rows of 0017."""
    admin = _MEMBER.format(s=s, g="admin")
    lead = _MEMBER.format(s=s, g="team_lead")
    rows = """
                     OR EXISTS (SELECT 1 FROM request_notes n
                                WHERE n.request_id = r.id AND n.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM attachments a
                                WHERE a.request_id = r.id AND a.xmin = v_xid)""" if new_tables else ""
    nothing = (f"""{admin} OR ({lead}
                  AND EXISTS (SELECT 1 FROM catalogue_items i WHERE i.xmin = v_xid))"""
               if new_tables else admin)
    return f"""
        CREATE OR REPLACE FUNCTION rit_event_subject(p_request integer, p_customer integer)
        RETURNS integer LANGUAGE plpgsql STABLE SET search_path = {s}, pg_temp AS $$
        -- The customer an event of the session's transaction is about, after checking
        -- that the change it records is this transaction's: the request written or held
        -- for update by it (xmin or xmax), or one of its quotes, work entries, variations,
        -- notes or attachments written by it; else the customer (or one of its services)
        -- likewise; an event about nothing in particular: an admin's setting, or a team
        -- lead's price-list item written by it. Trusted maintenance: as given.
        DECLARE
            v_xid xid := pg_current_xact_id()::xid;
            v_customer integer;
        BEGIN
            IF p_request IS NOT NULL THEN
                SELECT r.customer_id INTO v_customer FROM requests r WHERE r.id = p_request
                AND (r.xmin = v_xid OR r.xmax = v_xid
                     OR EXISTS (SELECT 1 FROM quotes q WHERE q.request_id = r.id AND q.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM work_entries w
                                WHERE w.request_id = r.id AND w.xmin = v_xid)
                     OR EXISTS (SELECT 1 FROM variations v
                                WHERE v.request_id = r.id AND v.xmin = v_xid){rows});
            ELSIF p_customer IS NOT NULL THEN
                SELECT c.id INTO v_customer FROM customers c WHERE c.id = p_customer
                AND (c.xmin = v_xid OR c.xmax = v_xid
                     OR EXISTS (SELECT 1 FROM services v
                                WHERE v.customer_id = c.id AND v.xmin = v_xid));
            ELSIF {nothing} THEN
                RETURN NULL;  -- an event about nothing in particular
            END IF;
            IF v_customer IS NULL AND NOT rit_trusted() THEN
                PERFORM rit_refuse('event_unwritten', 'an event is written only with the change '
                    'it records, in the same transaction',
                    jsonb_build_object('request', p_request, 'customer', p_customer));
            END IF;
            RETURN coalesce(v_customer, p_customer);
        END $$"""


def _apply(new_tables: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    op.execute(_subject(schema, new_tables=new_tables))


def upgrade() -> None:
    _apply(True)


def downgrade() -> None:
    _apply(False)
