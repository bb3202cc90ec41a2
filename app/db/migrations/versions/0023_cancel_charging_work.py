"""cancel after acceptance charging the work done (reserved: no change yet)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 05:20:00

A placeholder so that the work of this stop can land in parallel branches without two
migrations claiming the same revision; it changes nothing.
"""

from __future__ import annotations

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
