"""Reading and writing replicated rows on the server, with their change log.

Every write goes through `record`: it gives the change the next server
sequence, appends it to srv_change and moves the row's srv_row entry to that
sequence (with the facility that owns the row and the last writer of each
field), so the next pull of every device in scope sends the row again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update

from app.core import codec
from app.core.schema import REPLICATED_TABLES

from ..storage.sync_tables import change_log, row_index, scope_exit
from .sequences import Allocator


@dataclass(frozen=True)
class Writer:
    """Who a change is recorded for."""

    username: str
    device_id: str | None = None
    device_seq: int | None = None
    op_id: str | None = None


# Statements built once and executed with their parameters: building a statement with
# .values(...) per row costs far more CPU than running it (compilation is cached only
# for the statement's shape, and every literal value is coerced and keyed again).
_LOG_INSERT = change_log.insert()
_INDEX_INSERT = row_index.insert()
_INDEX_UPDATE = update(row_index).where(row_index.c.table_name == bindparam("_table"),
                                        row_index.c.row_id == bindparam("_row"))


def write_log(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Write change-log rows collected by `record(..., log=...)`, in one executemany."""
    if entries:
        conn.execute(_LOG_INSERT, entries)


def get_row(conn: Connection, table: Table, row_id: str) -> dict[str, Any] | None:
    """The row as the server holds it (Python values), or None."""
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def get_meta(conn: Connection, table_name: str, row_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(row_index).where(row_index.c.table_name == table_name,
                                               row_index.c.row_id == row_id)).mappings().first()
    return dict(row) if row else None


def to_python(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Column values from their JSON form."""
    return {k: codec.from_json(table, k, v) for k, v in values.items()}


def record(conn: Connection, alloc: Allocator, *, table: Table, row_id: str, facility: str,
           op: str, kind: str, applied: dict[str, list], writer: Writer, now: dt.datetime,
           meta: dict[str, Any] | None, conflict_id: str | None = None,
           log: list[dict[str, Any]] | None = None) -> int:
    """Log one change under a new server sequence and point the row's index at it.

    With `log`, the change-log row is appended to it instead of written: the caller
    writes the collected rows with one executemany in the same transaction (a push).
    """
    seq = alloc.next()
    entry = {
        "server_seq": seq, "kind": kind, "table_name": table.name, "row_id": row_id,
        "facility": facility, "op": op, "changes": applied, "username": writer.username,
        "device_id": writer.device_id, "device_seq": writer.device_seq,
        "op_id": writer.op_id, "conflict_id": conflict_id, "received_at": now}
    if log is None:
        conn.execute(_LOG_INSERT, entry)
    else:
        log.append(entry)
    at = codec.to_json(now)
    field_meta = dict(meta["field_meta"]) if meta else {}
    for name in applied:
        field_meta[name] = {"by": writer.username, "device": writer.device_id, "at": at,
                            "seq": seq}
    if meta is None:
        conn.execute(_INDEX_INSERT, {
            "table_name": table.name, "row_id": row_id, "server_seq": seq,
            "facility": facility, "origin_device": writer.device_id,
            "field_meta": field_meta})
    else:
        conn.execute(_INDEX_UPDATE, {
            "_table": table.name, "_row": row_id, "server_seq": seq, "facility": facility,
            "origin_device": writer.device_id, "field_meta": field_meta})
    return seq


def reown_person(conn: Connection, alloc: Allocator, *, person_id: str, to_facility: str,
                 writer: Writer, now: dt.datetime) -> int:
    """Move every row of a person to `to_facility`; return how many rows moved.

    Each moved row gets a new server sequence (the new facility's devices pull
    it) and a scope exit from its old facility (whose devices drop it).
    """
    moved = 0
    for table in REPLICATED_TABLES.values():
        column = table.info.get("person_column")
        if not column:
            continue
        rows = conn.execute(select(table.c.id, table.c.facility)
                            .where(table.c[column] == person_id,
                                   table.c.facility != to_facility)).all()
        for row_id, old in rows:
            move_row(conn, alloc, table=table, row_id=row_id, old_facility=old,
                     to_facility=to_facility, writer=writer, now=now, kind="transfer")
            moved += 1
    return moved


def move_row(conn: Connection, alloc: Allocator, *, table: Table, row_id: str,
             old_facility: str, to_facility: str, writer: Writer, now: dt.datetime,
             kind: str, conflict_id: str | None = None) -> int:
    """Re-own one row: it leaves `old_facility`'s scope and enters `to_facility`'s."""
    conn.execute(update(table).where(table.c.id == row_id).values(facility=to_facility))
    exit_seq = alloc.next()
    conn.execute(scope_exit.insert().values(server_seq=exit_seq, table_name=table.name,
                                            row_id=row_id, facility=old_facility,
                                            to_facility=to_facility, at=now))
    return record(conn, alloc, table=table, row_id=row_id, facility=to_facility, op="update",
                  kind=kind, applied={"facility": [old_facility, to_facility]}, writer=writer,
                  now=now, meta=get_meta(conn, table.name, row_id), conflict_id=conflict_id)


def left_facilities(conn: Connection, table_name: str, row_id: str) -> set[str]:
    """Facilities a row has been moved out of."""
    return set(conn.execute(select(scope_exit.c.facility)
                            .where(scope_exit.c.table_name == table_name,
                                   scope_exit.c.row_id == row_id)).scalars())
