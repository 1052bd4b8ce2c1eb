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
# A record's history (the profile's audit section) without scanning the log.
Index("ix_audit_log_row_id", audit_log.c.row_id)

search_doc = Table(
    "search_doc",
    local_metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(36), nullable=False, unique=True),
    Column("person_id", String(36), nullable=False, index=True),
    Column("kind", String(12), nullable=False),  # name / alias / identifier
    Column("text", Text, nullable=False),
)

# --- Sync client state (migration 0003) -------------------------------------
# Written only by app.sync; none of these rows ever leave the device.

sync_state = Table(
    "sync_state",
    local_metadata,
    # One row (id = 1): the server this replica syncs with and where it stands.
    Column("id", Integer, primary_key=True),
    Column("server_url", Text),
    Column("username", String(80)),  # who signed in online last (whose token is in the keyring)
    Column("epoch", String(80)),  # the server epoch the pull cursor belongs to
    Column("pull_after", Integer, nullable=False, default=0),  # last server seq applied
    Column("last_device_seq", Integer),  # last outbox seq the server said it holds
    Column("updated_at", UTCDateTime),
)

rejected_change = Table(
    "rejected_change",
    local_metadata,
    # An outbox entry the server refused, kept with its reason until the user
    # retries (as a new outbox entry) or discards it (with a reason).
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("outbox_seq", Integer, nullable=False),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("changes", JSON, nullable=False),
    Column("username", String(80), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),  # when the change was made
    Column("reason", Text, nullable=False),
    Column("field", String(80)),
    Column("rejected_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False, default="OPEN"),  # OPEN/RETRIED/DISCARDED
    Column("resolved_at", UTCDateTime),
    Column("resolved_by", String(80)),
    Column("resolution", Text),  # discard reason, or the op_id of the retried change
)
Index("ix_rejected_change_status", rejected_change.c.status, rejected_change.c.id)

known_user = Table(
    "known_user",
    local_metadata,
    # Users who signed in online on this device, so they can sign in offline.
    Column("username", String(80), primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id, server's offline_login policy
    Column("roles", JSON, nullable=False),
    Column("facilities", JSON, nullable=False),  # [{"code", "name"}]
    Column("all_facilities", Integer, nullable=False, default=0),
    Column("server_url", Text, nullable=False),
    Column("online_login_at", UTCDateTime, nullable=False),
)

login_failure = Table(
    "login_failure",
    local_metadata,
    # Failed offline sign-ins, for the lockout (5 within 15 minutes).
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(80), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
Index("ix_login_failure_user", login_failure.c.username, login_failure.c.at)

sync_conflict = Table(
    "sync_conflict",
    local_metadata,
    # Conflicts the server reported for this device's changes (shown to the user;
    # central office resolves them on the server).
    Column("conflict_id", String(64), primary_key=True),
    Column("op_id", String(36), nullable=False),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("reason", Text),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False, default="OPEN"),  # OPEN/RESOLVED
)
