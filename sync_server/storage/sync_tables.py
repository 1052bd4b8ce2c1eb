"""The server's sync bookkeeping tables (all `srv_sync_*` / `srv_*`).

Next to them, the server holds the replicated tables themselves
(app.core.schema.metadata), with the current state of every row.

  srv_sync_state   one row: the server epoch and the head of the server
                   sequence. Every writer of replicated rows locks this row
                   first and keeps the lock until it commits, so server
                   sequences commit in the order they were given out (see
                   services/sequences.py).
  srv_device       per device, the last device_seq the server applied; it is
                   written in the same transaction as the changes it covers.
  srv_received     every change a device pushed, keyed by (device, device_seq),
                   with its outcome (applied / conflict / rejected and why), so
                   a replay is answered with the original outcome and a
                   rejection is kept on the server too.
  srv_change       the change log: one entry per server sequence (pushed
                   changes, conflict resolutions, transfers, demo data).
  srv_row          per replicated row, the server sequence of its latest
                   change, its owning facility and who last wrote each field;
                   pull pages are read from here in sequence order.
  srv_scope_exit   a row leaving a facility (a transfer), with its own server
                   sequence, so that facility's devices are told to drop it.
  srv_conflict     the conflict queue: both values, authors, devices, times.
"""
from __future__ import annotations

from sqlalchemy import JSON, BigInteger, CheckConstraint, Column, Index, Integer, String, Table, Text

from .tables import DEVICE_ID_MAX, UTCDateTime, server_metadata

sync_state = Table(
    "srv_sync_state",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("epoch", String(36), nullable=False),
    Column("head_seq", BigInteger, nullable=False),
    Column("epoch_started_at", UTCDateTime, nullable=False),
    Column("epoch_reason", String(200), nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

device = Table(
    "srv_device",
    server_metadata,
    Column("device_id", String(DEVICE_ID_MAX), primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_username", String(80), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # The head of the device's own audit chain as last pushed: a later push with an
    # older head means the device's audit log was truncated or rewritten.
    Column("audit_seq", BigInteger),
    Column("audit_hash", String(64)),
)

received = Table(
    "srv_received",
    server_metadata,
    Column("device_id", String(DEVICE_ID_MAX), primary_key=True),
    Column("device_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("op_id", String(36), nullable=False),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("username", String(80), nullable=False),
    Column("pushed_by", String(80), nullable=False),  # the signed-in user who pushed it
    Column("hlc", String(60), nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("changes", JSON, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("outcome", String(12), nullable=False),
    Column("server_seq", BigInteger),
    Column("reason", Text),
    Column("field", String(120)),
    Column("conflict_ids", JSON, nullable=False),
)
# Read only by its key, to answer a replay: no other index (migration 0007).

change_log = Table(
    "srv_change",
    server_metadata,
    Column("server_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(12), nullable=False),  # push / resolution / transfer / demo / touch
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("facility", String(40), nullable=False),
    Column("op", String(10), nullable=False),
    Column("changes", JSON, nullable=False),  # what was applied: {field: [before, after]}
    Column("username", String(80), nullable=False),
    Column("device_id", String(DEVICE_ID_MAX)),
    Column("device_seq", BigInteger),
    Column("op_id", String(36)),
    Column("conflict_id", String(36)),  # a resolution names the conflict it settles
    Column("received_at", UTCDateTime, nullable=False),
)
Index("ix_srv_change_row", change_log.c.table_name, change_log.c.row_id)

row_index = Table(
    "srv_row",
    server_metadata,
    Column("table_name", String(60), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("server_seq", BigInteger, nullable=False, unique=True),
    Column("facility", String(40), nullable=False),
    Column("origin_device", String(DEVICE_ID_MAX)),
    # {field: {"by": user, "device": id, "at": iso, "seq": n}}: the last writer of each field.
    Column("field_meta", JSON, nullable=False),
)
Index("ix_srv_row_facility_seq", row_index.c.facility, row_index.c.server_seq)
Index("ix_srv_row_table_seq", row_index.c.table_name, row_index.c.server_seq)

scope_exit = Table(
    "srv_scope_exit",
    server_metadata,
    Column("server_seq", BigInteger, primary_key=True, autoincrement=False),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("facility", String(40), nullable=False),  # the facility the row left
    Column("to_facility", String(40), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
Index("ix_srv_scope_exit_row", scope_exit.c.table_name, scope_exit.c.row_id)
Index("ix_srv_scope_exit_facility_seq", scope_exit.c.facility, scope_exit.c.server_seq)

conflict = Table(
    "srv_conflict",
    server_metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(20), nullable=False),  # concurrent_edit / after_transfer
    Column("status", String(10), nullable=False),  # open / resolved
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(120), nullable=False),
    Column("facility", String(40), nullable=False),
    Column("base_value", JSON),
    Column("server_value", JSON),
    Column("server_author", String(80)),
    Column("server_device", String(DEVICE_ID_MAX)),
    Column("server_at", UTCDateTime),
    Column("server_seq", BigInteger),
    Column("client_value", JSON),
    Column("client_author", String(80), nullable=False),
    Column("client_device", String(DEVICE_ID_MAX), nullable=False),
    Column("client_device_seq", BigInteger, nullable=False),
    Column("client_op_id", String(36), nullable=False),
    Column("client_hlc", String(60), nullable=False),
    Column("client_at", UTCDateTime, nullable=False),  # when the server received it
    Column("created_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime),
    Column("resolved_by", String(80)),
    Column("resolution", String(10)),  # server / client / custom
    Column("resolved_value", JSON),
    Column("note", Text),
    Column("resolution_seq", BigInteger),
)
Index("ix_srv_conflict_status", conflict.c.status, conflict.c.created_at)
Index("ix_srv_conflict_row", conflict.c.table_name, conflict.c.row_id)

SYNC_TABLES = (sync_state, device, received, change_log, row_index, scope_exit, conflict)
