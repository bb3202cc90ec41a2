"""the worker's own login; documents stored by the worker only (reserved: no change yet)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 05:20:00

A placeholder so that the work of this stop can land in parallel branches without two
migrations claiming the same revision; it changes nothing.
"""

from __future__ import annotations

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
