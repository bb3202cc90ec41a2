"""the Italian tax rules: customers' fiscal data

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 03:30:00

- ``customers``: ``kind`` (business, consumer or pa), ``tax_code`` (codice fiscale),
  ``sdi_code`` (the SDI's Codice Destinatario, or a public administration's Codice
  Univoco Ufficio), ``pec``, and the structured address (``street``, ``postcode``,
  ``city``, ``province``, ``country``) beside the free-text ``address`` kept for the
  documents already issued. ``vat_number`` stays where it was.

An existing customer with a VAT number becomes a business (Codice Destinatario
"0000000", as the SDI's rules allow for one with neither a code nor a PEC), one without
a consumer; both in Italy. Their structured address is left empty (the old free text is
not guessed into fields): finance completes it with ``customers set``.

PostgreSQL: who may change these columns is in ``app/db/privileges.py`` (an admin and
the control panel, as they add customers); checks of the table hold their shape (kind,
the code's 6 or 7 letters or digits, the province, the country, a business's VAT number)
whoever writes them. The embedded file has them from the services only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

#: the new columns of customers: name -> (length, default)
COLUMNS: dict[str, tuple[int, str]] = {
    "kind": (10, "consumer"),  # a customer written with nothing of these: a consumer
    "tax_code": (28, ""),
    "sdi_code": (7, ""),
    "pec": (254, ""),
    "street": (200, ""),
    "postcode": (10, ""),
    "city": (100, ""),
    "province": (2, ""),
    "country": (2, "IT"),
}

#: PostgreSQL's checks of their shape (the check digits are the services': python-stdnum)
#: (named ck_customers_<key> by the naming convention of app/db/models.py)
CHECKS = {
    "kind": "kind IN ('business', 'consumer', 'pa')",
    "sdi_code": "sdi_code ~ '^([A-Z0-9]{6,7})?$'",
    "province": "province ~ '^([A-Z]{2})?$'",
    "country": "country ~ '^[A-Z]{2}$'",
    "business_vat": "kind <> 'business' OR vat_number <> ''",
}


def upgrade() -> None:
    bind = op.get_bind()
    for name, (length, default) in COLUMNS.items():
        # SQLite adds a NOT NULL column with its default in place (no table copy)
        op.add_column("customers", sa.Column(name, sa.String(length=length), nullable=False,
                                             server_default=default))
    op.execute("UPDATE customers SET kind = 'business' WHERE vat_number <> ''")
    op.execute("UPDATE customers SET sdi_code = '0000000' WHERE kind = 'business'")
    if bind.dialect.name == "postgresql":
        for name, condition in CHECKS.items():
            op.create_check_constraint(name, "customers", condition)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name in CHECKS:
            op.execute(f"ALTER TABLE customers DROP CONSTRAINT ck_customers_{name}")
    for name in reversed(COLUMNS):
        op.drop_column("customers", name)
