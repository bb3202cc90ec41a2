"""numbered invoices and credit notes

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 05:20:00

- ``invoice_series``: one row per document type (``TD01`` invoice, ``TD04`` credit note)
  and year, with the ``last`` progressive given. A number is taken by moving ``last`` in
  the transaction that creates the document (the row is locked until it commits): a
  rolled-back top-up, charge or refund takes none, so the series has no gaps, and no
  number is ever given twice (unique ``(type, year, progressive)``).
- ``invoices``: the invoices and credit notes, each with what it is for (the top-up's
  ledger entry, the charge, the credit note of a refund; a credit note also the invoice
  it credits), its amounts, the facts it shows as they stood when it was issued (seller
  and buyer, amounts, reference; JSON) so the documents are rebuilt identically later,
  and, once rendered, its PDF and FatturaPA XML with their SHA-256 and the XML's name.

Which documents, by the setting ``vat_point`` (read by 0025's ``rit_vat_point()``; ``charge``
where it is not set, as a database upgraded from an earlier version):
``topup``: a top-up issues an invoice (its amount is the net, VAT at the default rate);
``charge``: a charge issues an invoice, a refund a credit note crediting it.

Both databases issue them in triggers (AFTER INSERT on ``ledger_entries``, ``charges``,
``credit_notes``), so whoever writes the money writes the document, in the same
transaction. They refuse it, and with it the top-up, charge or refund, while the
company's legal data (settings) are incomplete; the app checks first to say which.
On PostgreSQL the triggers call ``rit_invoice_issue`` (SECURITY DEFINER): no login may
INSERT or UPDATE the two tables (``app/db/privileges.py``); the rendered files are stored
once, by the worker's login or trusted maintenance, through ``rit_store_invoice``;
``rit_invoice_number`` tells whoever made a top-up or charge the number it issued.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

#: the natures whose amounts count towards the stamp duty (app.domain.invoices.NATURES as
#: this migration was written: 2,00 EUR where they exceed 77,47 EUR, DPR 642/72)
STAMP_NATURES = "'N1', 'N2.1', 'N2.2', 'N3.5', 'N3.6', 'N4'"


def _stamp(nature: str, net: str) -> str:
    """The stamp duty in cents of a document whose one line is ``net`` at ``nature``."""
    return f"CASE WHEN {nature} IN ({STAMP_NATURES}) AND {net} > 7747 THEN 200 ELSE 0 END"


FUNCTIONS = [  # (rit_vat_point(), the point in force, is migration 0025's)
    "rit_invoice_issue(text, timestamp, integer, integer, integer, integer, integer, integer, "
    "text, bigint, bigint, bigint, jsonb)",
    "rit_invoice_of_topup()",
    "rit_invoice_of_charge()",
    "rit_invoice_of_credit_note()",
    "rit_store_invoice(integer, bytea, bytea, text, timestamp)",
    "rit_invoice_number(integer, integer)",
]
PG_TRIGGERS = [("ledger_entries_invoice", "ledger_entries"), ("charges_invoice", "charges"),
               ("credit_notes_invoice", "credit_notes")]
SQLITE_TRIGGERS = ["ledger_entries_invoice", "charges_invoice", "credit_notes_invoice"]

#: the settings an invoice cannot be issued without, and the default of each where the
#: app has one (app/services/settings.py DEFAULTS; app/domain/invoices.py LEGAL_DATA)
LEGAL_SETTINGS: tuple[tuple[str, str], ...] = (
    ("company_name", "Nimbus Cloud S.p.A."),
    ("company_vat_number", "IT01234567890"),
    ("company_street", ""),
    ("company_postcode", ""),
    ("company_city", ""),
    ("company_country", "IT"),
    ("company_tax_regime", ""),
    ("company_rea", ""),
    ("company_share_capital", ""),
)


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "invoice_series",
        sa.Column("type", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("type", "year", name="pk_invoice_series"),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("progressive", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("ledger_entry_id", sa.Integer(), nullable=True),
        sa.Column("charge_id", sa.Integer(), nullable=True),
        sa.Column("credit_note_id", sa.Integer(), nullable=True),
        sa.Column("credited_invoice_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("vat_rate_hundredths", sa.BigInteger(), nullable=False),
        sa.Column("net_cents", sa.BigInteger(), nullable=False),
        sa.Column("vat_cents", sa.BigInteger(), nullable=False),
        sa.Column("stamp_duty_cents", sa.BigInteger(), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("xml", sa.LargeBinary(), nullable=True),
        sa.Column("xml_sha256", sa.String(length=64), nullable=True),
        sa.Column("xml_filename", sa.String(length=40), nullable=True),
        sa.Column("rendered_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("type IN ('TD01', 'TD04')", name="ck_invoices_type"),
        sa.CheckConstraint("progressive > 0", name="ck_invoices_progressive"),
        sa.CheckConstraint("total_cents = net_cents + vat_cents", name="ck_invoices_total"),
        sa.CheckConstraint(
            "(type = 'TD04') = (credit_note_id IS NOT NULL)", name="ck_invoices_what_for"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_invoices_customer_id_customers"),
        sa.ForeignKeyConstraint(["ledger_entry_id"], ["ledger_entries.id"],
                                name="fk_invoices_ledger_entry_id_ledger_entries"),
        sa.ForeignKeyConstraint(["charge_id"], ["charges.id"],
                                name="fk_invoices_charge_id_charges"),
        sa.ForeignKeyConstraint(["credit_note_id"], ["credit_notes.id"],
                                name="fk_invoices_credit_note_id_credit_notes"),
        sa.ForeignKeyConstraint(["credited_invoice_id"], ["invoices.id"],
                                name="fk_invoices_credited_invoice_id_invoices"),
        sa.PrimaryKeyConstraint("id", name="pk_invoices"),
        sa.UniqueConstraint("type", "year", "progressive", name="uq_invoices_type"),
        sa.UniqueConstraint("ledger_entry_id", name="uq_invoices_ledger_entry_id"),
        sa.UniqueConstraint("charge_id", name="uq_invoices_charge_id"),
        sa.UniqueConstraint("credit_note_id", name="uq_invoices_credit_note_id"),
    )
    op.create_index("ix_invoices_issue_date", "invoices", ["issue_date", "id"])
    op.create_index("ix_invoices_customer", "invoices", ["customer_id", "id"])
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for statement in postgresql_statements(schema):
            op.execute(statement)
    else:
        for statement in sqlite_statements():
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for trigger, table in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for signature in reversed(FUNCTIONS):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_index("ix_invoices_customer", "invoices")
    op.drop_index("ix_invoices_issue_date", "invoices")
    op.drop_table("invoices")
    op.drop_table("invoice_series")


# -- what both databases say the same way ---------------------------------------------------


def _setting(key: str, default: str) -> str:
    return f"coalesce((SELECT st.value FROM settings st WHERE st.key = '{key}'), '{default}')"


def missing_condition() -> str:
    """SQL (both dialects): true while a legal datum of the company is missing."""
    empty = [f"{_setting(key, default)} = ''" for key, default in LEGAL_SETTINGS]
    empty.append(f"({_setting('company_country', 'IT')} = 'IT' "
                 f"AND {_setting('company_province', '')} = '')")
    return "(" + " OR ".join(empty) + ")"


def pg_missing_list() -> str:
    """PostgreSQL: the settings missing, in order (a text array), as the app names them."""
    keys = [*LEGAL_SETTINGS, ("company_province", "")]
    parts = []
    for key, default in keys:
        condition = f"{_setting(key, default)} = ''"
        if key == "company_province":
            condition = f"({_setting('company_country', 'IT')} = 'IT' AND {condition})"
        parts.append(f"CASE WHEN {condition} THEN '{key}' END")
    return f"array_remove(ARRAY[{', '.join(parts)}]::text[], NULL)"


#: the customer's data an invoice shows (both dialects: JSON_OBJECT is the dialect's)
CUSTOMER_FIELDS = ("code", "name", "lang", "address", "vat_number", "kind", "tax_code",
                   "sdi_code", "pec", "street", "postcode", "city", "province", "country",
                   "email")


def _customer_json(function: str, alias: str) -> str:
    pairs = ", ".join(f"'{f}', {alias}.{f}" for f in CUSTOMER_FIELDS)
    return f"{function}({pairs})"


def _vat_rate(dialect: str) -> str:
    """The default VAT rate in hundredths (the setting ``default_vat_rate``)."""
    value = _setting("default_vat_rate", "22.00")
    if dialect == "postgresql":
        return f"round({value}::numeric * 100)::bigint"
    return f"CAST(round(CAST({value} AS REAL) * 100) AS INTEGER)"


def _number(alias: str) -> str:
    """``FT 2026/000001`` (app/domain/invoices.py document_number), both dialects."""
    return (f"(CASE {alias}.type WHEN 'TD01' THEN 'FT' ELSE 'NC' END || ' ' || {alias}.year "
            f"|| '/' || substr('000000' || {alias}.progressive, -6, 6))")


def _request_reference(column: str, dialect: str = "sqlite") -> str:
    """``RIT-000170`` (app/domain/references.py request_reference)."""
    padded = (f"lpad({column}::text, 6, '0')" if dialect == "postgresql"
              else f"substr('000000' || {column}, -6, 6)")
    return (f"('RIT-' || CASE WHEN {column} < 1000000 THEN {padded} "
            f"ELSE CAST({column} AS TEXT) END)")


# -- PostgreSQL ---------------------------------------------------------------------------


def postgresql_statements(schema: str) -> list[str]:
    """The functions and triggers (a builder, so a later migration can start from them)."""
    path = f"SET search_path = {schema}, pg_temp"
    definer = f"SECURITY DEFINER {path}"
    customer = _customer_json("jsonb_build_object", "cu")
    settings = ("(SELECT coalesce(jsonb_object_agg(st.key, st.value), '{}') FROM settings st "
                "WHERE st.key LIKE 'company%')")
    number_pg = _number("inv").replace("substr('000000' || inv.progressive, -6, 6)",
                                       "lpad(inv.progressive::text, 6, '0')")
    return [
        f"""
        CREATE FUNCTION rit_invoice_issue(
            p_type text, p_at timestamp, p_customer integer, p_ledger integer,
            p_charge integer, p_note integer, p_credited integer, p_request integer,
            p_reference text, p_rate bigint, p_net bigint, p_vat bigint, p_facts jsonb)
        RETURNS integer LANGUAGE plpgsql {definer} AS $$
        -- An invoice or credit note, numbered in its series without gaps: the series row
        -- stays locked until the transaction ends, so a rollback gives its number back.
        DECLARE
            v_missing text[] := {pg_missing_list()};
            v_year integer := extract(year FROM p_at)::integer;
            v_progressive integer;
            v_id integer;
        BEGIN
            IF cardinality(v_missing) > 0 THEN
                PERFORM rit_fail('RD000', 'legal_data', jsonb_build_object(
                    'missing', array_to_string(v_missing, ', ')));
            END IF;
            INSERT INTO invoice_series AS s (type, year, last) VALUES (p_type, v_year, 1)
            ON CONFLICT (type, year) DO UPDATE SET last = s.last + 1
            RETURNING s.last INTO v_progressive;
            INSERT INTO invoices (type, year, progressive, issue_date, customer_id,
                                  ledger_entry_id, charge_id, credit_note_id,
                                  credited_invoice_id, request_id, reference,
                                  vat_rate_hundredths, net_cents, vat_cents, stamp_duty_cents,
                                  total_cents, facts, created_at)
            SELECT p_type, v_year, v_progressive, p_at::date, p_customer, p_ledger, p_charge,
                   p_note, p_credited, p_request, p_reference, p_rate, p_net, p_vat,
                   {_stamp("coalesce(p_facts->>'nature', '')", "p_net")},
                   p_net + p_vat, (p_facts || jsonb_build_object(
                       'customer', {customer}, 'settings', {settings}))::text, p_at
            FROM customers cu WHERE cu.id = p_customer
            RETURNING id INTO v_id;
            RETURN v_id;
        END $$""",
        f"""
        CREATE FUNCTION rit_invoice_of_topup() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        DECLARE
            v_rate bigint;
        BEGIN
            IF rit_vat_point() = 'topup' THEN
                -- the top-up is the net: the customer paid it and its VAT
                v_rate := {_vat_rate("postgresql")};
                PERFORM rit_invoice_issue('TD01', NEW.at, NEW.customer_id, NEW.id, NULL, NULL,
                    NULL, NULL, coalesce(nullif(NEW.reference, ''), 'TOPUP-' || NEW.id),
                    v_rate, NEW.amount_cents, rit_round_div(NEW.amount_cents * v_rate, 10000),
                    jsonb_build_object('what', 'topup', 'reference', NEW.reference,
                                       'vat_rate_hundredths', v_rate, 'nature', ''));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER ledger_entries_invoice AFTER INSERT ON ledger_entries FOR EACH ROW "
        "WHEN (NEW.kind = 'topup') EXECUTE FUNCTION rit_invoice_of_topup()",
        f"""
        CREATE FUNCTION rit_invoice_of_charge() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        DECLARE
            v_what record;
        BEGIN
            IF rit_vat_point() = 'charge' THEN
                SELECT r.subject, q.vat_rate_hundredths AS rate INTO v_what
                FROM requests r JOIN quotes q ON q.id = NEW.quote_id WHERE r.id = NEW.request_id;
                PERFORM rit_invoice_issue('TD01', NEW.created_at, NEW.customer_id, NULL, NEW.id,
                    NULL, NULL, NEW.request_id, {_request_reference("NEW.request_id", "postgresql")},
                    v_what.rate, NEW.net_cents, NEW.vat_cents,
                    jsonb_build_object('what', 'charge', 'request', NEW.request_id,
                                       'subject', v_what.subject, 'kind', NEW.kind,
                                       'billable_minutes', NEW.billable_minutes,
                                       'vat_rate_hundredths', v_what.rate,
                                       'nature', coalesce(NEW.vat_nature, ''),
                                       'legal_reference',
                                       coalesce(NEW.vat_legal_reference, '')));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER charges_invoice AFTER INSERT ON charges FOR EACH ROW "
        "EXECUTE FUNCTION rit_invoice_of_charge()",
        f"""
        CREATE FUNCTION rit_invoice_of_credit_note() RETURNS trigger
        LANGUAGE plpgsql {definer} AS $$
        DECLARE
            v_inv record;
            v_rate bigint;
            v_subject text;
            v_nature text;
            v_reference text;
        BEGIN
            IF rit_vat_point() = 'charge' THEN
                SELECT q.vat_rate_hundredths, r.subject, coalesce(c.vat_nature, ''),
                       coalesce(c.vat_legal_reference, '')
                INTO v_rate, v_subject, v_nature, v_reference
                FROM charges c JOIN quotes q ON q.id = c.quote_id
                JOIN requests r ON r.id = c.request_id WHERE c.id = NEW.charge_id;
                SELECT inv.id, {number_pg} AS number, inv.issue_date INTO v_inv
                FROM invoices inv WHERE inv.charge_id = NEW.charge_id;
                PERFORM rit_invoice_issue('TD04', NEW.created_at, NEW.customer_id, NULL, NULL,
                    NEW.id, v_inv.id, NEW.request_id,
                    coalesce(v_inv.number, {_request_reference("NEW.request_id", "postgresql")}
                             || '-NC' || NEW.sequence),
                    v_rate, NEW.net_cents, NEW.vat_cents,
                    jsonb_build_object('what', 'refund', 'request', NEW.request_id,
                                       'subject', v_subject, 'reason', NEW.reason,
                                       'sequence', NEW.sequence, 'vat_rate_hundredths', v_rate,
                                       'nature', v_nature, 'legal_reference', v_reference,
                                       'credited_number', v_inv.number,
                                       'credited_date', v_inv.issue_date));
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER credit_notes_invoice AFTER INSERT ON credit_notes FOR EACH ROW "
        "EXECUTE FUNCTION rit_invoice_of_credit_note()",
        f"""
        CREATE FUNCTION rit_invoice_number(p_ledger integer, p_charge integer) RETURNS text
        LANGUAGE sql VOLATILE {definer} AS $$
            -- the number of the invoice a top-up (its ledger entry) or a charge issued, for
            -- whoever made it (a technician, the control panel) who may not read invoices;
            -- VOLATILE: it sees the charge made earlier in the same statement
            SELECT {number_pg} FROM invoices inv
            WHERE inv.ledger_entry_id = p_ledger OR inv.charge_id = p_charge
        $$""",
        f"""
        CREATE FUNCTION rit_store_invoice(p_id integer, p_pdf bytea, p_xml bytea,
                                          p_xml_filename text, p_at timestamp)
        RETURNS text LANGUAGE plpgsql {definer} AS $$
        -- The rendered PDF and XML of an invoice, stored once (the first stay), by the
        -- worker's login or trusted maintenance only: no staff login writes a fiscal
        -- document (rit_is_worker: migration 0022).
        DECLARE
            v_sha text;
        BEGIN
            IF NOT (rit_trusted() OR rit_is_worker()) THEN
                RAISE EXCEPTION USING ERRCODE = '42501',
                    MESSAGE = 'permission denied: only the worker stores invoices',
                    DETAIL = jsonb_build_object('key', 'store_invoice',
                                                'login', session_user)::text;
            END IF;
            SELECT pdf_sha256 INTO v_sha FROM invoices WHERE id = p_id FOR UPDATE;
            IF NOT FOUND OR v_sha IS NOT NULL THEN
                RETURN v_sha;
            END IF;
            IF p_pdf IS NULL OR substr(p_pdf, 1, 5) <> '\\x255044462d'::bytea
               OR p_xml IS NULL THEN
                RAISE EXCEPTION 'an invoice is stored with its PDF and XML'
                    USING ERRCODE = '22023';
            END IF;
            v_sha := encode(sha256(p_pdf), 'hex');
            UPDATE invoices SET pdf = p_pdf, pdf_sha256 = v_sha, xml = p_xml,
                   xml_sha256 = encode(sha256(p_xml), 'hex'), xml_filename = p_xml_filename,
                   rendered_at = p_at
            WHERE id = p_id;
            RETURN v_sha;
        END $$""",
    ]


# -- SQLite -------------------------------------------------------------------------------


def sqlite_statements() -> list[str]:
    """The same documents on the embedded file (one writer at a time: BEGIN IMMEDIATE)."""
    vat_point = _setting("vat_point", "charge")
    customer = _customer_json("json_object", "cu")
    settings = ("json((SELECT json_group_object(st.key, st.value) FROM settings st "
                "WHERE st.key LIKE 'company%'))")
    refuse = (f"SELECT RAISE(ABORT, 'rit: the company''s legal data are incomplete') "
              f"WHERE {missing_condition()};")

    def issue(kind: str, year: str, values: str, source: str) -> str:
        return (
            f"{refuse} "
            f"INSERT OR IGNORE INTO invoice_series (type, year, last) VALUES ('{kind}', {year}, 0); "
            f"UPDATE invoice_series SET last = last + 1 WHERE type = '{kind}' AND year = {year}; "
            "INSERT INTO invoices (type, year, progressive, issue_date, customer_id, "
            "ledger_entry_id, charge_id, credit_note_id, credited_invoice_id, request_id, "
            "reference, vat_rate_hundredths, net_cents, vat_cents, stamp_duty_cents, "
            f"total_cents, facts, created_at) SELECT '{kind}', {year}, "
            f"(SELECT last FROM invoice_series WHERE type = '{kind}' AND year = {year}), "
            f"{values} {source};")

    rate = _vat_rate("sqlite")
    stamp_charge = _stamp("coalesce(new.vat_nature, '')", "new.net_cents")
    stamp_note = _stamp("coalesce(c.vat_nature, '')", "new.net_cents")
    topup = issue(
        "TD01", "CAST(strftime('%Y', new.at) AS INTEGER)",
        "date(new.at), new.customer_id, new.id, NULL, NULL, NULL, NULL, "
        "coalesce(nullif(new.reference, ''), 'TOPUP-' || new.id), "
        f"{rate}, new.amount_cents, (new.amount_cents * {rate} + 5000) / 10000, 0, "
        f"new.amount_cents + (new.amount_cents * {rate} + 5000) / 10000, "
        f"json_object('what', 'topup', 'reference', new.reference, 'vat_rate_hundredths', "
        f"{rate}, 'nature', '', 'customer', json({customer}), 'settings', {settings}), new.at",
        "FROM customers cu WHERE cu.id = new.customer_id")
    charge = issue(
        "TD01", "CAST(strftime('%Y', new.created_at) AS INTEGER)",
        "date(new.created_at), new.customer_id, NULL, new.id, NULL, NULL, new.request_id, "
        f"{_request_reference('new.request_id')}, q.vat_rate_hundredths, new.net_cents, "
        f"new.vat_cents, {stamp_charge}, "
        "new.net_cents + new.vat_cents, "
        "json_object('what', 'charge', 'request', new.request_id, 'subject', r.subject, "
        "'kind', new.kind, 'billable_minutes', new.billable_minutes, "
        "'vat_rate_hundredths', q.vat_rate_hundredths, "
        "'nature', coalesce(new.vat_nature, ''), "
        "'legal_reference', coalesce(new.vat_legal_reference, ''), "
        f"'customer', json({customer}), 'settings', {settings}), new.created_at",
        "FROM customers cu JOIN requests r ON r.id = new.request_id "
        "JOIN quotes q ON q.id = new.quote_id WHERE cu.id = new.customer_id")
    credited = "(SELECT {} FROM invoices inv WHERE inv.charge_id = new.charge_id)"
    credited_number = credited.format(_number("inv"))
    note = issue(
        "TD04", "CAST(strftime('%Y', new.created_at) AS INTEGER)",
        "date(new.created_at), new.customer_id, NULL, NULL, new.id, "
        f"{credited.format('inv.id')}, new.request_id, "
        f"coalesce({credited_number}, {_request_reference('new.request_id')} || '-NC' "
        "|| new.sequence), q.vat_rate_hundredths, new.net_cents, new.vat_cents, "
        f"{stamp_note}, "
        "new.net_cents + new.vat_cents, "
        "json_object('what', 'refund', 'request', new.request_id, 'subject', r.subject, "
        "'reason', new.reason, 'sequence', new.sequence, "
        "'vat_rate_hundredths', q.vat_rate_hundredths, "
        "'nature', coalesce(c.vat_nature, ''), "
        "'legal_reference', coalesce(c.vat_legal_reference, ''), "
        f"'credited_number', {credited_number}, "
        f"'credited_date', {credited.format('inv.issue_date')}, "
        f"'customer', json({customer}), 'settings', {settings}), new.created_at",
        "FROM customers cu JOIN charges c ON c.id = new.charge_id "
        "JOIN requests r ON r.id = new.request_id JOIN quotes q ON q.id = c.quote_id "
        "WHERE cu.id = new.customer_id")
    return [
        "CREATE TRIGGER ledger_entries_invoice AFTER INSERT ON ledger_entries "
        f"WHEN new.kind = 'topup' AND {vat_point} = 'topup' BEGIN {topup} END",
        f"CREATE TRIGGER charges_invoice AFTER INSERT ON charges WHEN {vat_point} = 'charge' "
        f"BEGIN {charge} END",
        "CREATE TRIGGER credit_notes_invoice AFTER INSERT ON credit_notes "
        f"WHEN {vat_point} = 'charge' BEGIN {note} END",
    ]
