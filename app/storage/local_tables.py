"""Tables that exist only in a client replica: never replicated as rows.

- replica_meta: small key/value facts about this replica (device id, HLC,
  last sync, audit chain head).
- outbox: every local change to a replicated table, captured in the same
  transaction as the change, in per-device sequence order. Sync pushes it.
- audit_log: append-only, hash-chained record of who did what, when, from
  which device; covers writes and consultations of sensitive records.
- search_doc: the text that person search indexes (names, aliases,
  identifiers); kept up to date by triggers so pulled rows are indexed too.
"""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, JSON, MetaData, String, Table, Text

from app.core.schema import UTCDateTime

local_metadata = MetaData()

replica_meta = Table(
    "replica_meta",
    local_metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

outbox = Table(
    "outbox",
    local_metadata,
    # SQLite INTEGER PRIMARY KEY: the per-device change sequence, gap-free per commit.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),  # insert / update / void
    Column("changes", JSON, nullable=False),  # {field: [before, after]}
    Column("base_version", Integer, nullable=False),
    Column("hlc", String(40), nullable=False),
    Column("username", String(80), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False, default="PENDING"),  # PENDING/ACKED/REJECTED
    Column("acked_at", UTCDateTime),
    Column("server_seq", Integer),
)
Index("ix_outbox_pending", outbox.c.status, outbox.c.seq)
Index("ix_outbox_row", outbox.c.table_name, outbox.c.row_id)

audit_log = Table(
    "audit_log",
    local_metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("username", String(80), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("action", String(20), nullable=False),  # INSERT/UPDATE/VOID/VIEW/LOGIN/...
    Column("table_name", String(60)),
    Column("row_id", String(36)),
    Column("detail", JSON, nullable=False),
    Column("outcome", String(20), nullable=False, default="OK"),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

search_doc = Table(
    "search_doc",
    local_metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(36), nullable=False, unique=True),
    Column("person_id", String(36), nullable=False, index=True),
    Column("kind", String(12), nullable=False),  # name / alias / identifier
    Column("text", Text, nullable=False),
)
