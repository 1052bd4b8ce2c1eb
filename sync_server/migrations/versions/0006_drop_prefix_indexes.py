"""Five replicated-table indexes that another index of their table begins with are
dropped, as on the replicas (app.core.schema `_ref(..., indexed=False)`, replica
migration 0008): ix_movement_person_id, ix_case_note_person_id,
ix_activity_session_activity_id, ix_attendance_activity_session_id and
ix_prediction_log_person_id. Each cost every write of its table.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DROPPED = (("ix_movement_person_id", "movement"), ("ix_case_note_person_id", "case_note"),
           ("ix_activity_session_activity_id", "activity_session"),
           ("ix_attendance_activity_session_id", "attendance"),
           ("ix_prediction_log_person_id", "prediction_log"))


def upgrade() -> None:
    for name, table in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
