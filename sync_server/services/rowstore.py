"""Reading and writing replicated rows on the server, with their change log.

Every write goes through `record` (or `stage`, for a push that writes a whole
batch at once): it gives the change the next server sequence, appends it to
srv_change and moves the row's srv_row entry to that sequence (with the
facility that owns the row and the last writer of each field), so the next
pull of every device in scope sends the row again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, select, update

from app.core import codec
from app.core.schema import REPLICATED_TABLES

from ..storage import bulk
from ..storage.sync_tables import change_log, row_index, scope_exit
from .sequences import Allocator


@dataclass(frozen=True)
class Writer:
    """Who a change is recorded for."""

    username: str
    device_id: str | None = None
    device_seq: int | None = None
    op_id: str | None = None


def write_log(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Write change-log rows collected by `record(..., log=...)`, in one executemany."""
    bulk.insert_rows(conn, change_log, entries)


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
    parsers = _parsers(table)
    return {k: v if v is None or k not in parsers else parsers[k](v) for k, v in values.items()}


@lru_cache(maxsize=None)
def _parsers(table: Table) -> dict[str, Any]:
    """codec's parser of each column whose JSON value is not its Python value."""
    return {c.name: parse for c in table.columns if (parse := codec.parser(c)) is not None}


@dataclass
class Logged:
    """One change's bookkeeping, worked out before anything is written (see `stage`)."""

    seq: int
    log_entry: dict[str, Any]  # the srv_change row
    index_row: dict[str, Any]  # the row's srv_row entry after the change
    new: bool  # whether the row had no srv_row entry before


def stage(alloc: Allocator, *, table: Table, row_id: str, facility: str, op: str, kind: str,
          applied: dict[str, list], writer: Writer, now: dt.datetime,
          meta: dict[str, Any] | None, conflict_id: str | None = None) -> Logged:
    """Give one change the next server sequence and work out its change-log row and the
    row's new index entry, without writing either (a push writes a whole batch at once)."""
    seq = alloc.next()
    entry = {
        "server_seq": seq, "kind": kind, "table_name": table.name, "row_id": row_id,
        "facility": facility, "op": op, "changes": applied, "username": writer.username,
        "device_id": writer.device_id, "device_seq": writer.device_seq,
        "op_id": writer.op_id, "conflict_id": conflict_id, "received_at": now}
    # The last write of each field, by its sequence (the change log says who and when).
    field_meta = dict(meta["field_meta"]) if meta else {}
    for name in applied:
        field_meta[name] = seq
    index_row = {"table_name": table.name, "row_id": row_id, "server_seq": seq,
                 "facility": facility, "origin_device": writer.device_id,
                 "field_meta": field_meta}
    return Logged(seq, entry, index_row, meta is None)


def write_index(conn: Connection, rows: list[dict[str, Any]], *, new: bool) -> None:
    """Write srv_row entries made by `stage`: new ones inserted, others updated."""
    if new:
        bulk.insert_rows(conn, row_index, rows)
    else:
        bulk.update_rows(conn, row_index, ("table_name", "row_id"), rows)


def record(conn: Connection, alloc: Allocator, *, table: Table, row_id: str, facility: str,
           op: str, kind: str, applied: dict[str, list], writer: Writer, now: dt.datetime,
           meta: dict[str, Any] | None, conflict_id: str | None = None,
           log: list[dict[str, Any]] | None = None) -> int:
    """Log one change under a new server sequence and point the row's index at it.

    With `log`, the change-log row is appended to it instead of written: the caller
    writes the collected rows with one executemany in the same transaction (a push).
    """
    logged = stage(alloc, table=table, row_id=row_id, facility=facility, op=op, kind=kind,
                   applied=applied, writer=writer, now=now, meta=meta, conflict_id=conflict_id)
    if log is None:
        write_log(conn, [logged.log_entry])
    else:
        log.append(logged.log_entry)
    write_index(conn, [logged.index_row], new=logged.new)
    return logged.seq


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


def last_writer(conn: Connection, meta: dict[str, Any] | None, field: str,
                unwritten: list[dict[str, Any]] = ()) -> tuple[int | None, dict | None]:
    """(sequence, {username, device_id, received_at}) of the last write of `field` of a
    row, from its index entry: the field's own write, or the row's bulk load ("*").
    `unwritten`: change-log rows of this transaction not written yet (a push batch)."""
    written = (meta or {}).get("field_meta") or {}
    seq = written.get(field) or written.get("*")
    if seq is None:
        return None, None
    for entry in unwritten:
        if entry["server_seq"] == seq:
            return seq, entry
    row = conn.execute(select(change_log.c.username, change_log.c.device_id,
                              change_log.c.received_at)
                       .where(change_log.c.server_seq == seq)).mappings().first()
    return seq, dict(row) if row else None


def left_facilities(conn: Connection, table_name: str, row_id: str) -> set[str]:
    """Facilities a row has been moved out of."""
    return set(conn.execute(select(scope_exit.c.facility)
                            .where(scope_exit.c.table_name == table_name,
                                   scope_exit.c.row_id == row_id)).scalars())
