"""charge documents and refunds (credit notes)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:00:00

- ``charge_documents``: one row per charge, written by the database in the charge's own
  transaction (a trigger on ``charges``, both databases): ``facts``, everything the
  charge document shows as it stood when the charge committed (the request, the quote,
  the hours, the agreed variations, the credit before the charge, the customer's and
  the company's details), as JSON. The PDF is rendered from these facts after the
  charge committed, by the workstation that charged (or on the first request), and
  stored once: ``pdf`` and its ``pdf_sha256`` never change afterwards. Rendering inside
  the charge's locked transaction would hold the request and customer locks for the
  tens of milliseconds a PDF takes; the facts cost one insert.
- ``credit_notes``: the refunds of a charge, each with its facts and, once rendered,
  its PDF. Never more than the charge in total: checked in the database.
- ``ledger_entries.credit_note_id``: a refund's ledger entry (kind ``refund``) names
  its credit note, which names its charge.

PostgreSQL: ``rit_refund`` (finance and admin only) makes the credit note and moves the
credit through ``rit_post`` (migration 0007), as a top-up does: exhaustion ended and the
services restarted when the balance is back to zero or above, audit and notice;
``rit_store_document`` stores a rendered PDF once (any staff login: the one who charged
renders it). Grants: ``app/db/privileges.py``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FUNCTIONS = [
    "rit_charge_document()",
    "rit_refund(integer, bigint, text, text, timestamp)",
    "rit_store_document(text, integer, bytea, timestamp)",
]


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "charge_documents",
        sa.Column("charge_id", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("rendered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["charge_id"], ["charges.id"],
                                name="fk_charge_documents_charge_id_charges"),
        sa.PrimaryKeyConstraint("charge_id", name="pk_charge_documents"),
    )
    op.create_table(
        "credit_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("charge_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("net_cents", sa.BigInteger(), nullable=False),
        sa.Column("vat_cents", sa.BigInteger(), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("rendered_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("net_cents > 0 AND vat_cents >= 0 "
                           "AND total_cents = net_cents + vat_cents", name="amounts"),
        sa.ForeignKeyConstraint(["charge_id"], ["charges.id"],
                                name="fk_credit_notes_charge_id_charges"),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"],
                                name="fk_credit_notes_request_id_requests"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_credit_notes_customer_id_customers"),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"],
                                name="fk_credit_notes_created_by_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_credit_notes"),
        sa.UniqueConstraint("charge_id", "sequence", name="uq_credit_notes_charge_id"),
    )
    op.create_index("ix_credit_notes_created_at", "credit_notes", ["created_at"])
    op.create_index("ix_credit_notes_customer_id", "credit_notes", ["customer_id"])
    op.add_column("ledger_entries", sa.Column("credit_note_id", sa.Integer(), nullable=True))
    op.create_index("uq_ledger_entries_credit_note_id", "ledger_entries", ["credit_note_id"],
                    unique=True)
    if bind.dialect.name == "postgresql":
        op.create_foreign_key("fk_ledger_entries_credit_note_id_credit_notes", "ledger_entries",
                              "credit_notes", ["credit_note_id"], ["id"])
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for statement in _postgresql(schema):
            op.execute(statement)
    else:
        op.execute(SQLITE_TRIGGER)
    # the charges there are get their facts as they stand now (the best there is)
    op.execute(_backfill(bind.dialect.name))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS charges_document ON charges")
        for signature in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
        op.drop_constraint("fk_ledger_entries_credit_note_id_credit_notes", "ledger_entries")
    else:
        op.execute("DROP TRIGGER IF EXISTS charges_document")
    op.drop_index("uq_ledger_entries_credit_note_id", "ledger_entries")
    with op.batch_alter_table("ledger_entries") as batch:
        batch.drop_column("credit_note_id")
    op.drop_table("credit_notes")
    op.drop_table("charge_documents")


# -- the facts of a charge document --------------------------------------------------------

#: PostgreSQL: the facts of the charge ``CHARGE`` (a row of charges) as jsonb
PG_FACTS = """
    jsonb_build_object(
        'request', r.id, 'subject', r.subject, 'category', r.category,
        'service', s.name, 'service_kind', s.kind,
        'revision', q.revision, 'quote_net_cents', q.net_cents,
        'vat_rate_hundredths', q.vat_rate_hundredths, 'hourly_rate_cents', q.hourly_rate_cents,
        'increment', q.billing_increment,
        'logged_minutes', (SELECT coalesce(sum(w.minutes), 0) FROM work_entries w
                           WHERE w.request_id = r.id),
        'variations', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                            'amount_cents', v.amount_cents, 'reason', v.reason,
                            'answered_at', v.answered_at) ORDER BY v.answered_at, v.id), '[]')
                       FROM variations v WHERE v.request_id = r.id AND v.state = 'agreed'),
        'balance_before_cents', cu.balance_cents,
        'customer', jsonb_build_object('code', cu.code, 'name', cu.name,
                                       'address', cu.address, 'vat_number', cu.vat_number,
                                       'lang', cu.lang),
        'settings', (SELECT coalesce(jsonb_object_agg(st.key, st.value), '{}')
                     FROM settings st WHERE st.key LIKE 'company%'))
    FROM requests r JOIN services s ON s.id = r.service_id
    JOIN quotes q ON q.id = CHARGE.quote_id JOIN customers cu ON cu.id = CHARGE.customer_id
    WHERE r.id = CHARGE.request_id"""

#: SQLite: the same facts, with SQLite's JSON functions (json() keeps nested JSON JSON)
SQLITE_FACTS = """
    json_object(
        'request', r.id, 'subject', r.subject, 'category', r.category,
        'service', s.name, 'service_kind', s.kind,
        'revision', q.revision, 'quote_net_cents', q.net_cents,
        'vat_rate_hundredths', q.vat_rate_hundredths, 'hourly_rate_cents', q.hourly_rate_cents,
        'increment', q.billing_increment,
        'logged_minutes', (SELECT coalesce(sum(w.minutes), 0) FROM work_entries w
                           WHERE w.request_id = r.id),
        'variations', json((SELECT json_group_array(json_object(
                            'amount_cents', v.amount_cents, 'reason', v.reason,
                            'answered_at', v.answered_at))
                      FROM (SELECT * FROM variations WHERE request_id = r.id AND state = 'agreed'
                            ORDER BY answered_at, id) v)),
        'balance_before_cents', cu.balance_cents,
        'customer', json_object('code', cu.code, 'name', cu.name, 'address', cu.address,
                                'vat_number', cu.vat_number, 'lang', cu.lang),
        'settings', json((SELECT json_group_object(st.key, st.value) FROM settings st
                          WHERE st.key LIKE 'company%')))
    FROM requests r JOIN services s ON s.id = r.service_id
    JOIN quotes q ON q.id = CHARGE.quote_id JOIN customers cu ON cu.id = CHARGE.customer_id
    WHERE r.id = CHARGE.request_id"""

SQLITE_TRIGGER = (
    "CREATE TRIGGER charges_document AFTER INSERT ON charges BEGIN "
    "INSERT INTO charge_documents (charge_id, facts) SELECT new.id, "
    + SQLITE_FACTS.replace("CHARGE.", "new.") + "; END")


def _backfill(dialect: str) -> str:
    """Facts for the charges made before this migration (their credit before the charge
    from their ledger entry, not today's balance)."""
    if dialect == "postgresql":
        facts = PG_FACTS.replace("'balance_before_cents', cu.balance_cents",
                                 "'balance_before_cents', l.balance_after_cents - l.amount_cents")
        return ("INSERT INTO charge_documents (charge_id, facts) SELECT c.id, ("
                f"SELECT {facts.replace('CHARGE.', 'c.')})::text FROM charges c "
                "JOIN ledger_entries l ON l.charge_id = c.id")
    facts = SQLITE_FACTS.replace("'balance_before_cents', cu.balance_cents",
                                 "'balance_before_cents', l.balance_after_cents - l.amount_cents")
    return ("INSERT INTO charge_documents (charge_id, facts) SELECT c.id, ("
            f"SELECT {facts.replace('CHARGE.', 'c.')}) FROM charges c "
            "JOIN ledger_entries l ON l.charge_id = c.id")


def _postgresql(schema: str) -> list[str]:
    path = f"SET search_path = {schema}, pg_temp"
    definer = f"SECURITY DEFINER {path}"
    return [
        f"""
        CREATE FUNCTION rit_charge_document() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        BEGIN
            -- the charge's facts, in its own transaction: the request and the customer are
            -- locked by rit_charge, so what is read here is what the charge was made from
            INSERT INTO charge_documents (charge_id, facts)
            SELECT NEW.id, (SELECT {PG_FACTS.replace("CHARGE.", "NEW.")})::text;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER charges_document AFTER INSERT ON charges FOR EACH ROW "
        "EXECUTE FUNCTION rit_charge_document()",
        f"""
        CREATE FUNCTION rit_refund(
            p_request integer, p_net bigint, p_reason text, p_acted_for text, p_at timestamp,
            OUT credit_note_id integer, OUT sequence integer, OUT net bigint, OUT vat bigint,
            OUT total bigint, OUT balance bigint, OUT status text, OUT restarted text[])
        LANGUAGE plpgsql {definer} AS $$
        #variable_conflict use_column
        -- A refund of (part of) a charge, finance and admin only: a credit note linked to
        -- the charge, never above it in total, VAT at the charge's rate (the last refund
        -- takes exactly the VAT left), the gross amount back to the customer's credit as
        -- a ledger entry of kind 'refund' (rit_post: exhaustion ended and the services
        -- restarted when the balance is back to zero or above, as a top-up).
        DECLARE
            v_staff staff;
            v_charge record;
            v_done record;
            v_before bigint;
            v_left_net bigint;
            v_left_vat bigint;
            v_post record;
            v_note integer;
            v_reference text;
            v_facts jsonb := jsonb_build_object('number', p_request);
        BEGIN
            v_staff := rit_acting_staff(p_acted_for);
            IF v_staff.role NOT IN ('finance', 'admin') THEN
                PERFORM rit_fail('RD000', 'role', v_facts || jsonb_build_object(
                    'action', 'refund', 'role', v_staff.role, 'user', v_staff.username));
            END IF;
            IF coalesce(btrim(p_reason), '') = '' THEN
                PERFORM rit_fail('RD000', 'refund_reason', v_facts);
            END IF;
            IF NOT EXISTS (SELECT 1 FROM requests WHERE id = p_request) THEN
                PERFORM rit_fail('RD000', 'unknown_request', v_facts);
            END IF;
            -- the charge's lock serialises the refunds of one charge
            SELECT c.id, c.customer_id, c.net_cents, c.vat_cents, c.total_cents, c.created_at,
                   q.vat_rate_hundredths AS rate, r.subject
            INTO v_charge
            FROM charges c JOIN quotes q ON q.id = c.quote_id JOIN requests r ON r.id = c.request_id
            WHERE c.request_id = p_request
            FOR UPDATE OF c;
            IF NOT FOUND THEN
                PERFORM rit_fail('RD000', 'not_charged', v_facts);
            END IF;
            SELECT count(*) AS n, coalesce(sum(cn.net_cents), 0) AS net,
                   coalesce(sum(cn.vat_cents), 0) AS vat, coalesce(sum(cn.total_cents), 0) AS total
            INTO v_done FROM credit_notes cn WHERE cn.charge_id = v_charge.id;
            v_left_net := v_charge.net_cents - v_done.net;
            v_left_vat := v_charge.vat_cents - v_done.vat;
            net := coalesce(p_net, v_left_net);
            IF v_left_net <= 0 THEN
                PERFORM rit_fail('RD000', 'refunded_already', v_facts);
            END IF;
            IF net <= 0 THEN
                PERFORM rit_fail('RD000', 'refund_amount', v_facts);
            END IF;
            IF net > v_left_net THEN
                PERFORM rit_fail('RD000', 'refund_over', v_facts || jsonb_build_object(
                    'net', rit_money(net), 'left', rit_money(v_left_net)));
            END IF;
            vat := CASE WHEN net = v_left_net THEN v_left_vat
                        ELSE least(round(net * v_charge.rate / 10000.0)::bigint, v_left_vat) END;
            total := net + vat;
            IF v_done.total + total > v_charge.total_cents THEN
                PERFORM rit_fail('RD000', 'refund_over', v_facts || jsonb_build_object(
                    'net', rit_money(net), 'left', rit_money(v_left_net)));
            END IF;
            SELECT cu.balance_cents INTO v_before FROM customers cu
            WHERE cu.id = v_charge.customer_id FOR UPDATE;
            sequence := v_done.n + 1;
            INSERT INTO credit_notes (charge_id, sequence, request_id, customer_id, net_cents,
                                      vat_cents, total_cents, reason, created_at, created_by_id,
                                      facts)
            SELECT v_charge.id, sequence, p_request, v_charge.customer_id, net, vat, total,
                   btrim(p_reason), p_at, v_staff.id, jsonb_build_object(
                       'subject', v_charge.subject, 'charged_at', v_charge.created_at,
                       'vat_rate_hundredths', v_charge.rate,
                       'charge_net_cents', v_charge.net_cents,
                       'charge_total_cents', v_charge.total_cents,
                       'refunded_before_cents', v_done.total,
                       'balance_before_cents', v_before,
                       'customer', jsonb_build_object('code', cu.code, 'name', cu.name,
                                                      'address', cu.address,
                                                      'vat_number', cu.vat_number,
                                                      'lang', cu.lang),
                       'settings', (SELECT coalesce(jsonb_object_agg(st.key, st.value), '{{}}')
                                    FROM settings st WHERE st.key LIKE 'company%'))::text
            FROM customers cu WHERE cu.id = v_charge.customer_id
            RETURNING id INTO v_note;
            credit_note_id := v_note;
            -- RIT-000123-NC1 (app/domain/finance.py: credit_note_reference)
            v_reference := 'RIT-' || CASE WHEN p_request < 1000000
                                          THEN lpad(p_request::text, 6, '0')
                                          ELSE p_request::text END || '-NC' || sequence;
            v_post := rit_post(v_charge.customer_id, 'refund', total, p_at, v_staff.username,
                               v_reference, btrim(p_reason), NULL, p_request);
            UPDATE ledger_entries SET credit_note_id = v_note WHERE id = v_post.entry_id;
            PERFORM rit_audit(p_at, v_staff.username, 'refund', p_request, v_charge.customer_id,
                jsonb_build_object('credit_note', sequence, 'net', rit_money(net),
                                   'vat', rit_money(vat), 'total', rit_money(total),
                                   'reason', btrim(p_reason),
                                   'balance', rit_money(v_post.balance)));
            PERFORM rit_notice(v_charge.customer_id, p_request, 'charge_refunded', p_at,
                jsonb_build_object('credit_note', sequence, 'net', rit_money(net),
                                   'vat', rit_money(vat), 'total', rit_money(total),
                                   'balance', rit_money(v_post.balance)));
            balance := v_post.balance;
            status := v_post.status;
            restarted := v_post.restarted;
        END $$""",
        f"""
        CREATE FUNCTION rit_store_document(p_kind text, p_id integer, p_pdf bytea,
                                           p_at timestamp)
        RETURNS text LANGUAGE plpgsql {definer} AS $$
        -- A rendered document is stored once: the first PDF stays (a reprint is its bytes)
        DECLARE
            v_sha text;
        BEGIN
            IF p_kind = 'charge' THEN
                UPDATE charge_documents SET pdf = p_pdf, rendered_at = p_at,
                       pdf_sha256 = encode(sha256(p_pdf), 'hex')
                WHERE charge_id = p_id AND pdf IS NULL RETURNING pdf_sha256 INTO v_sha;
                IF v_sha IS NULL THEN
                    SELECT pdf_sha256 INTO v_sha FROM charge_documents WHERE charge_id = p_id;
                END IF;
            ELSIF p_kind = 'credit_note' THEN
                UPDATE credit_notes SET pdf = p_pdf, rendered_at = p_at,
                       pdf_sha256 = encode(sha256(p_pdf), 'hex')
                WHERE id = p_id AND pdf IS NULL RETURNING pdf_sha256 INTO v_sha;
                IF v_sha IS NULL THEN
                    SELECT pdf_sha256 INTO v_sha FROM credit_notes WHERE id = p_id;
                END IF;
            END IF;
            RETURN v_sha;
        END $$""",
    ]
