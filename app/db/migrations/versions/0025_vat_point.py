"""the VAT point; zero-VAT natures on quotes

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 05:20:00

Issue 20: where VAT is charged is one setting, ``vat_point`` (``app/domain/vat_point.py``):
``topup`` (the credit is net of VAT: a charge takes the agreed net and carries no VAT)
or ``charge`` (a charge takes net + VAT and is an invoice).

- The setting is written here, once. **The rule: a database that already has customers,
  ledger entries or charges keeps ``charge``** (what it did before: no money figure
  changes silently); **an empty one starts with ``topup``** (the provider's model). An
  existing row is left as it is.
- ``charges``: ``vat_point`` (the point the charge was made under; existing charges:
  ``charge``), ``vat_nature`` and ``vat_legal_reference`` (carried from the quote at 0 %,
  for the invoice and its XML).
- ``quotes``: ``vat_nature`` (a key of ``app.domain.invoices.NATURES``) and
  ``vat_legal_reference``: a quote at 0 % states why (the services require it on new
  quotes; quotes made before keep none).

PostgreSQL, besides (the database decides):

- checks of the shape: a charge at ``topup`` has no VAT and takes its net; a nature only
  at 0 %, one of the table's; a legal reference only with a nature. A new or changed
  draft at 0 % without a nature is refused (trigger ``quotes_vat_nature``, key
  ``vat_nature``).
- ``rit_vat_point()``: the point in force, read ``FOR SHARE`` (a charge being made holds
  the setting until it commits).
- ``rit_price`` (migration 0015's, replaced; built from its text by :func:`price_function`):
  an 8-argument form takes the point (``p_vat_point``) and returns, besides, ``taken``
  (what leaves the credit, = total) and ``vat_point``; at ``topup`` the VAT is 0 and the
  total the net. The 7-argument form that ``rit_charge`` calls keeps its arguments and
  prices at ``rit_vat_point()``, so the server's charge follows the setting without
  ``rit_charge`` being replaced (it posts ``-total``, which is what is taken).
- trigger ``charges_vat_point``: a new charge records the point in force and the quote's
  nature, whoever inserts it.
- triggers ``settings_vat_point`` (and ``_gone``): the setting is ``topup`` or ``charge``, and changes (or
  goes) only while no charge and no top-up exists (key ``vat_point_in_use``): the charges
  and the ledger are locked first, so one being made is waited for.
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op

from app.domain.invoices import NATURES

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

PRICE7 = "rit_price(text, bigint, bigint, bigint, integer, integer[], bigint)"
PRICE8 = "rit_price(text, bigint, bigint, bigint, integer, integer[], bigint, text)"
CODES = ", ".join(f"'{code}'" for code in NATURES)
#: PostgreSQL's checks (named ck_<table>_<key> by the naming convention of models.py)
CHECKS: dict[tuple[str, str], str] = {
    ("charges", "vat_point"): "vat_point IN ('topup', 'charge') AND (vat_point = 'charge' "
                              "OR (vat_cents = 0 AND total_cents = net_cents))",
    ("quotes", "vat_nature"): f"vat_nature IS NULL OR (vat_rate_hundredths = 0 "
                              f"AND vat_nature IN ({CODES}))",
    ("quotes", "vat_legal_reference"): "vat_legal_reference IS NULL OR (vat_nature IS NOT NULL "
                                       "AND length(vat_legal_reference) BETWEEN 1 AND 200)",
}


def upgrade() -> None:
    bind = op.get_bind()
    used = bind.execute(sa.text(
        "SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM ledger_entries) "
        "OR EXISTS (SELECT 1 FROM charges)")).scalar()
    point = "charge" if used else "topup"
    bind.execute(sa.text(
        "INSERT INTO settings (key, value) SELECT 'vat_point', :point "
        "WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'vat_point')"), {"point": point})
    # SQLite adds a column with a default in place (no table copy: the triggers stay)
    op.add_column("charges", sa.Column("vat_point", sa.String(length=6), nullable=False,
                                       server_default="charge"))
    for table in ("charges", "quotes"):
        op.add_column(table, sa.Column("vat_nature", sa.String(length=4), nullable=True))
        op.add_column(table, sa.Column("vat_legal_reference", sa.String(length=200),
                                       nullable=True))
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    for (table, name), condition in CHECKS.items():
        op.create_check_constraint(name, table, condition)
    op.execute(f"DROP FUNCTION {PRICE7}")
    for statement in statements(schema):
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for trigger, table in (("settings_vat_point", "settings"),
                               ("settings_vat_point_gone", "settings"),
                               ("charges_vat_point", "charges"),
                               ("quotes_vat_nature", "quotes")):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for function in ("rit_settings_vat_point()", "rit_charges_vat_point()",
                         "rit_quotes_vat_nature()", PRICE7, PRICE8, "rit_vat_point()"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        op.execute(_price_0015(schema))
        for (table, name) in CHECKS:
            op.execute(f"ALTER TABLE {table} DROP CONSTRAINT ck_{table}_{name}")
    for table in ("quotes", "charges"):
        op.drop_column(table, "vat_legal_reference")
        op.drop_column(table, "vat_nature")
    op.drop_column("charges", "vat_point")
    op.execute("DELETE FROM settings WHERE key = 'vat_point'")


def _price_0015(schema: str) -> str:
    """Migration 0015's rit_price, as it wrote it."""
    texts: list[str] = import_module(
        "app.db.migrations.versions.0015_server_pricing")._statements(schema)
    return next(t for t in texts if "CREATE OR REPLACE FUNCTION rit_price(" in t)


#: 0015's rit_price -> the 8-argument form: (old text, new text), each asserted present
_PRICE_CHANGES: tuple[tuple[str, str], ...] = (
    ("p_increment integer, p_minutes integer[], p_agreed bigint,",
     "p_increment integer, p_minutes integer[], p_agreed bigint, p_vat_point text,"),
    ("OUT net bigint, OUT vat bigint, OUT total bigint)",
     "OUT net bigint, OUT vat bigint, OUT total bigint, OUT taken bigint,\n"
     "            OUT vat_point text)"),
    ("-- in hundredths of a percent (22.00 % = 2200), the last agreed variation or NULL",
     "-- in hundredths of a percent (22.00 % = 2200), the last agreed variation or NULL;\n"
     "        -- the VAT point (migration 0025): at 'topup' the credit is net of VAT, the\n"
     "        -- charge has none and takes the net"),
    ("OR (p_kind = 'hourly' AND p_hourly_rate IS NULL) THEN",
     "OR (p_kind = 'hourly' AND p_hourly_rate IS NULL)\n"
     "                    OR p_vat_point IS NULL OR p_vat_point NOT IN ('topup', 'charge') THEN"),
    ("'rit_price: not a priceable quote (%, increment %, rate %)',\n"
     "                    p_kind, p_increment, p_hourly_rate;",
     "'rit_price: not a priceable quote (%, increment %, rate %, VAT point %)',\n"
     "                    p_kind, p_increment, p_hourly_rate, p_vat_point;"),
    ("            total := net + vat;\n",
     "            IF p_vat_point = 'topup' THEN\n"
     "                vat := 0;\n"
     "            END IF;\n"
     "            total := net + vat;\n"
     "            taken := total;\n"
     "            vat_point := p_vat_point;\n"),
)


def price_function(schema: str, text: str | None = None) -> str:
    """``rit_price`` with the VAT point: migration 0015's text (or ``text``, another
    change of it to chain at a merge) with this migration's replacements, each asserted."""
    function = text if text is not None else _price_0015(schema)
    for old, new in _PRICE_CHANGES:
        assert function.count(old) == 1, old
        function = function.replace(old, new, 1)
    return function


def statements(s: str) -> list[str]:
    """What this migration creates on PostgreSQL (schema ``s``), in order."""
    definer = f"SECURITY DEFINER SET search_path = {s}, pg_temp"
    path = f"SET search_path = {s}, pg_temp"
    return [
        f"""
        CREATE FUNCTION rit_vat_point() RETURNS text LANGUAGE sql VOLATILE {path} AS $$
            -- the VAT point in force (a new database's: topup), held until commit
            SELECT coalesce((SELECT value FROM {s}.settings WHERE key = 'vat_point'
                             FOR SHARE), 'topup')
        $$""",
        price_function(s),
        f"""
        CREATE FUNCTION rit_price(
            p_kind text, p_quote_net bigint, p_vat_rate bigint, p_hourly_rate bigint,
            p_increment integer, p_minutes integer[], p_agreed bigint,
            OUT billable integer, OUT work bigint, OUT ceiling bigint, OUT capped boolean,
            OUT net bigint, OUT vat bigint, OUT total bigint, OUT taken bigint,
            OUT vat_point text)
        LANGUAGE sql VOLATILE {path} AS $$
            -- priced at the VAT point in force (what rit_charge calls)
            SELECT * FROM {s}.rit_price(p_kind, p_quote_net, p_vat_rate, p_hourly_rate,
                                       p_increment, p_minutes, p_agreed, {s}.rit_vat_point())
        $$""",
        f"""
        CREATE FUNCTION rit_charges_vat_point() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        BEGIN
            -- the point the charge is made under, and the quote's nature (for the invoice)
            NEW.vat_point := rit_vat_point();
            SELECT q.vat_nature, q.vat_legal_reference
            INTO NEW.vat_nature, NEW.vat_legal_reference
            FROM quotes q WHERE q.id = NEW.quote_id;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER charges_vat_point BEFORE INSERT ON charges FOR EACH ROW "
        "EXECUTE FUNCTION rit_charges_vat_point()",
        f"""
        CREATE FUNCTION rit_settings_vat_point() RETURNS trigger LANGUAGE plpgsql {definer} AS $$
        DECLARE
            v_old text;
            v_new text;
        BEGIN
            v_old := CASE WHEN TG_OP = 'INSERT' THEN 'topup' ELSE OLD.value END;
            v_new := CASE WHEN TG_OP = 'DELETE' THEN 'topup' ELSE NEW.value END;
            IF v_new NOT IN ('topup', 'charge') THEN
                RAISE EXCEPTION USING ERRCODE = 'RD000',
                    MESSAGE = 'the VAT point is topup or charge',
                    DETAIL = jsonb_build_object('key', 'vat_point', 'value', v_new)::text;
            END IF;
            IF v_new IS DISTINCT FROM v_old THEN
                -- a charge or a top-up being made is waited for, then seen
                LOCK TABLE charges, ledger_entries IN SHARE MODE;
                IF EXISTS (SELECT 1 FROM charges)
                        OR EXISTS (SELECT 1 FROM ledger_entries WHERE kind = 'topup') THEN
                    RAISE EXCEPTION USING ERRCODE = 'RD000',
                        MESSAGE = 'the VAT point cannot change: charges or top-ups exist under it',
                        DETAIL = jsonb_build_object('key', 'vat_point_in_use',
                                                    'point', v_old)::text;
                END IF;
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$""",
        "CREATE TRIGGER settings_vat_point BEFORE INSERT OR UPDATE ON settings "
        "FOR EACH ROW WHEN (NEW.key = 'vat_point') EXECUTE FUNCTION rit_settings_vat_point()",
        "CREATE TRIGGER settings_vat_point_gone BEFORE DELETE ON settings "
        "FOR EACH ROW WHEN (OLD.key = 'vat_point') EXECUTE FUNCTION rit_settings_vat_point()",
        f"""
        CREATE FUNCTION rit_quotes_vat_nature() RETURNS trigger LANGUAGE plpgsql {path} AS $$
        BEGIN
            -- a draft at 0 % states its nature (quotes made before this keep none)
            IF NEW.state = 'draft' AND NEW.vat_rate_hundredths = 0 AND NEW.vat_nature IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'RD000',
                    MESSAGE = 'a quote at 0 % VAT must state its nature (N1 ... N7)',
                    DETAIL = jsonb_build_object('key', 'vat_nature', 'quote', NEW.id)::text;
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER quotes_vat_nature BEFORE INSERT OR UPDATE OF vat_rate_hundredths, "
        "vat_nature ON quotes FOR EACH ROW EXECUTE FUNCTION rit_quotes_vat_nature()",
    ]
