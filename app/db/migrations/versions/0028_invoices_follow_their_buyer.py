"""an invoice not yet made follows its buyer's data

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 15:00:00

An invoice or credit note is numbered with the top-up, charge or refund it is for
(migration 0026), and its facts keep the buyer as they stood then. A customer whose fiscal
data lack what FatturaPA needs (an Italian buyer's tax code or VAT number, a street, a
five-digit CAP, a city) had an invoice numbered whose XML could never be valid: the
worker tried it every round, failed every round, and the number stayed without a document.

Now the facts of a document whose files are not made yet (``pdf_sha256`` NULL) follow the
customer's data: trigger ``customers_invoice_buyer`` (both databases) writes the
customer's data into their ``customer`` key when one of them changes, so completing a
customer's data (``customers set``) lets the worker make the waiting documents under the
numbers they already have. A document already made never changes. The app leaves the
waiting ones out of the worker's round and says what they wait for
(``app/services/invoices.py``). The upgrade brings the waiting documents in step once.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def _migration(name: str) -> ModuleType:
    return import_module(f"app.db.migrations.versions.{name}")


def _fields() -> tuple[str, ...]:
    fields: tuple[str, ...] = _migration("0026_invoices").CUSTOMER_FIELDS
    return fields


def _changed(old: str, new: str, compare: str) -> str:
    return " OR ".join(f"{old}.{f} {compare} {new}.{f}" for f in _fields() if f != "code")


def postgresql_statements(schema: str) -> list[str]:
    customer = _migration("0026_invoices")._customer_json("jsonb_build_object", "NEW")
    return [
        f"""
        CREATE FUNCTION rit_invoice_buyer() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
        -- the documents of this customer not made yet show the customer as they are now
        BEGIN
            UPDATE invoices
            SET facts = jsonb_set(facts::jsonb, '{{customer}}', {customer})::text
            WHERE customer_id = NEW.id AND pdf_sha256 IS NULL;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER customers_invoice_buyer AFTER UPDATE ON customers FOR EACH ROW "
        f"WHEN ({_changed('OLD', 'NEW', 'IS DISTINCT FROM')}) "
        "EXECUTE FUNCTION rit_invoice_buyer()",
    ]


def sqlite_statements() -> list[str]:
    customer = _migration("0026_invoices")._customer_json("json_object", "new")
    return [
        "CREATE TRIGGER customers_invoice_buyer AFTER UPDATE ON customers "
        f"WHEN {_changed('old', 'new', 'IS NOT')} BEGIN "
        f"UPDATE invoices SET facts = json_set(facts, '$.customer', json({customer})) "
        "WHERE customer_id = new.id AND pdf_sha256 IS NULL; END",
    ]


#: once, at the upgrade: the documents not made yet in step with their buyers
REFRESH = {
    "postgresql": "UPDATE invoices inv SET facts = jsonb_set(inv.facts::jsonb, '{{customer}}', "
                  "{customer})::text FROM customers cu "
                  "WHERE cu.id = inv.customer_id AND inv.pdf_sha256 IS NULL",
    "sqlite": "UPDATE invoices SET facts = json_set(facts, '$.customer', json((SELECT "
              "{customer} FROM customers cu WHERE cu.id = invoices.customer_id))) "
              "WHERE pdf_sha256 IS NULL",
}


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    builder = "jsonb_build_object" if dialect == "postgresql" else "json_object"
    op.execute(REFRESH[dialect].format(
        customer=_migration("0026_invoices")._customer_json(builder, "cu")))
    if dialect == "postgresql":
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        for statement in postgresql_statements(schema):
            op.execute(statement)
    else:
        for statement in sqlite_statements():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS customers_invoice_buyer ON customers")
        op.execute("DROP FUNCTION IF EXISTS rit_invoice_buyer()")
    else:
        op.execute("DROP TRIGGER IF EXISTS customers_invoice_buyer")
