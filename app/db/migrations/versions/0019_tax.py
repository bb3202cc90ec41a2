"""the Italian tax rules (placeholder, filled by issue 20)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 03:20:00
"""

from __future__ import annotations

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
