"""Reasons on the records they explain, and corrections that point at what they correct.

Written by hand to match app.core.schema (replicated schema version 3):
- visit.override_reason, activity_allocation.override_reason: why a
  non-association warning was overridden (the OVERRIDE audit entry stays);
- grievance.status_reason: the reason given for the latest status change;
- alert.closed_by, alert.close_reason: who closed an alert and why;
- non_association.reopens_id, non_association.reopen_reason: a reopened
  record points at the closed one it reopens;
- attendance.supersedes_id: a correction points at the mark it corrects, so
  the current mark never depends on a device's clock;
- ix_custody_episode_booking_number: admission checks a booking number is unused.

Every column is nullable: rows written before this revision have none.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _reason(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=True)


def _self_ref(table: str, name: str) -> sa.Column:
    # SQLite's ADD COLUMN accepts an inline REFERENCES clause when the default is
    # NULL, so the foreign key needs no table copy.
    return sa.Column(name, sa.String(length=36),
                     sa.ForeignKey(f"{table}.id", name=f"fk_{table}_{name}_{table}"),
                     nullable=True)


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(_reason("override_reason"))
    with op.batch_alter_table("activity_allocation", schema=None) as batch_op:
        batch_op.add_column(_reason("override_reason"))
    with op.batch_alter_table("grievance", schema=None) as batch_op:
        batch_op.add_column(_reason("status_reason"))
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_by", sa.String(length=80), nullable=True))
        batch_op.add_column(_reason("close_reason"))
    with op.batch_alter_table("non_association", schema=None) as batch_op:
        batch_op.add_column(_self_ref("non_association", "reopens_id"))
        batch_op.add_column(_reason("reopen_reason"))
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(_self_ref("attendance", "supersedes_id"))
    with op.batch_alter_table("custody_episode", schema=None) as batch_op:
        batch_op.create_index("ix_custody_episode_booking_number", ["booking_number"],
                              unique=False)


def downgrade() -> None:
    # Migrations only add: replicas are never migrated down.
    raise RuntimeError("replica migrations cannot be reversed")
