"""Client-side sync state: checkpoints, conflicts seen, the rejected inbox.

Local tables only (see app/storage/local_tables.py): the sync checkpoint,
the rejected-changes inbox, users known for offline sign-in with their
failed attempts, and the conflicts the server reported for this device.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

import app.core.schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_UTC = app.core.schema.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=True),
        sa.Column("epoch", sa.String(length=80), nullable=True),
        sa.Column("pull_after", sa.Integer(), nullable=False),
        sa.Column("last_device_seq", sa.Integer(), nullable=True),
        sa.Column("updated_at", _UTC(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rejected_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("outbox_seq", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("created_at", _UTC(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=True),
        sa.Column("rejected_at", _UTC(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("resolved_at", _UTC(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("op_id"),
    )
    op.create_index("ix_rejected_change_status", "rejected_change", ["status", "id"])
    op.create_table(
        "known_user",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("facilities", sa.JSON(), nullable=False),
        sa.Column("all_facilities", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("online_login_at", _UTC(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("at", _UTC(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failure_user", "login_failure", ["username", "at"])
    op.create_table(
        "sync_conflict",
        sa.Column("conflict_id", sa.String(length=64), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("seen_at", _UTC(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("conflict_id"),
    )


def downgrade() -> None:
    # Migrations only add: replicas are never migrated down.
    raise RuntimeError("replica migrations cannot be reversed")
