"""Indexes for the desktop: a record's history, and the people list's order.

- audit_log(row_id): the profile's history section reads the entries about
  one person's records; without it every opening scans the whole log.
- person(last_name, first_name, id) for live people only (not voided, not
  merged): the people list is read in this order, so the first screen is a
  short index walk instead of a sort of every person.

Matches app.storage.local_tables (ix_audit_log_row_id) and app.core.schema
(ix_person_list_order).

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LIVE = "voided_at IS NULL AND merged_into_id IS NULL"


def upgrade() -> None:
    op.create_index("ix_audit_log_row_id", "audit_log", ["row_id"], unique=False)
    op.create_index("ix_person_list_order", "person", ["last_name", "first_name", "id"],
                    unique=False, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    op.drop_index("ix_person_list_order", table_name="person")
    op.drop_index("ix_audit_log_row_id", table_name="audit_log")
