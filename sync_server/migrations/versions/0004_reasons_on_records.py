"""Reasons on the records they explain, and corrections that point at what they correct.

Replicated schema version 3 (app.core.schema), as the client's 0006:
visit/activity_allocation.override_reason, grievance.status_reason,
alert.closed_by/close_reason, non_association.reopens_id/reopen_reason,
attendance.supersedes_id and ix_custody_episode_booking_number. Every column
is nullable: rows stored before this revision have none.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _reason(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=True)


def _self_ref(table: str, name: str) -> sa.Column:
    return sa.Column(name, sa.String(length=36),
                     sa.ForeignKey(f"{table}.id", name=f"fk_{table}_{name}_{table}"),
                     nullable=True)


def _add(table: str, *columns: sa.Column) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot add a foreign key by ALTER; batch mode copies the table.
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.add_column(column)
    else:
        for column in columns:  # the foreign key becomes its own named constraint
            op.add_column(table, column)


def upgrade() -> None:
    _add("visit", _reason("override_reason"))
    _add("activity_allocation", _reason("override_reason"))
    _add("grievance", _reason("status_reason"))
    _add("alert", sa.Column("closed_by", sa.String(length=80), nullable=True),
         _reason("close_reason"))
    _add("non_association", _self_ref("non_association", "reopens_id"),
         _reason("reopen_reason"))
    _add("attendance", _self_ref("attendance", "supersedes_id"))
    op.create_index("ix_custody_episode_booking_number", "custody_episode", ["booking_number"])


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
