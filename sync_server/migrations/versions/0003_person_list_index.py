"""The people list's order index (app.core.schema ix_person_list_order).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LIVE = "voided_at IS NULL AND merged_into_id IS NULL"


def upgrade() -> None:
    op.create_index("ix_person_list_order", "person", ["last_name", "first_name", "id"],
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
