"""Five indexes that another index of their table begins with are dropped.

ix_movement_person_id, ix_case_note_person_id, ix_activity_session_activity_id,
ix_attendance_activity_session_id and ix_prediction_log_person_id index one
column that a composite index of the same table starts with (for example
ix_movement_person on person_id, occurred_at): every lookup they served, the
composite one serves, and each cost every write of its table and a first
sync's index build. Matches app.core.schema (`_ref(..., indexed=False)`).

A first sync's bulk load that is still pending keeps these indexes' DDL to
rebuild them later (app.storage.bulk_load): they are taken out of that list too.

Revision ID: 0008
Revises: 0007
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DROPPED = ("ix_movement_person_id", "ix_case_note_person_id", "ix_activity_session_activity_id",
           "ix_attendance_activity_session_id", "ix_prediction_log_person_id")


def upgrade() -> None:
    for name in DROPPED:
        op.execute(f'DROP INDEX IF EXISTS "{name}"')
    conn = op.get_bind()
    kept = conn.execute(sa.text("SELECT value FROM replica_meta WHERE key = 'bulk_load'")).scalar()
    if kept is not None:
        remaining = [sql for sql in json.loads(kept)
                     if not any(f"INDEX {name} " in sql for name in DROPPED)]
        conn.execute(sa.text("UPDATE replica_meta SET value = :v WHERE key = 'bulk_load'"),
                     {"v": json.dumps(remaining)})


def downgrade() -> None:
    raise RuntimeError("replica migrations cannot be reversed")
