"""the staged credit-exhaustion procedure (reserved: no change yet)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 05:20:00

A placeholder so that the work of this stop can land in parallel branches without two
migrations claiming the same revision; it changes nothing.
"""

from __future__ import annotations

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
