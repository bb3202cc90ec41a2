"""reads from a hot standby (reserved: no change yet)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 05:20:00

A placeholder so that the work of this stop can land in parallel branches without two
migrations claiming the same revision; it changes nothing.
"""

from __future__ import annotations

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
