"""the VAT point (reserved: no change yet)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 05:20:00

A placeholder so that the work of this stop can land in parallel branches without two
migrations claiming the same revision; it changes nothing.
"""

from __future__ import annotations

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
