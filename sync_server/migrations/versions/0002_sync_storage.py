"""Sync storage: the replicated tables, the change log, device checkpoints,
the server epoch and the conflict queue; and srv_session.access_used_at.

The replicated tables are created from app.core.schema.metadata (schema
version 1), the one definition client and server share; the sync tables from
sync_server/storage/sync_tables.py. Both are created as they stand at this
revision: any later change to either is a new revision that only adds
(a new column, table or index), never an edit of this one.

The first epoch is a fresh random id: a database created from scratch is a
new history, and clients that synced with another one start over.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 05:40:00
"""
import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

from app.core.schema import REPLICATED_TABLES, metadata as replicated_metadata
from sync_server.storage.sync_tables import SYNC_TABLES

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    replicated_metadata.create_all(bind, tables=list(REPLICATED_TABLES.values()), checkfirst=False)
    for table in SYNC_TABLES:
        table.create(bind, checkfirst=False)
    # When the current access token was first used: tells a refresh retried after a lost
    # answer from a stolen refresh token being replayed.
    op.add_column("srv_session", sa.Column("access_used_at", sa.DateTime(timezone=True),
                                           nullable=True))
    op.bulk_insert(
        sa.table("srv_sync_state", sa.column("id"), sa.column("epoch"), sa.column("head_seq"),
                 sa.column("epoch_started_at", sa.DateTime(timezone=True)),
                 sa.column("epoch_reason")),
        [{"id": 1, "epoch": str(uuid.uuid4()), "head_seq": 0,
          "epoch_started_at": _now(bind), "epoch_reason": "database created"}],
    )


def _now(bind):
    now = dt.datetime.now(dt.timezone.utc)
    # SQLite stores UTC without an offset (as the UTCDateTime columns do).
    return now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
