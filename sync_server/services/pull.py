"""Serving pull pages: row snapshots since a cursor, within the device's scope.

Scope is computed here from the signed-in user, never from what the client
claims: rows of the user's facilities (every facility for central office),
of tables whose data class the user's roles may read, with fields of a finer
class left out. Rows that were moved out of one of the user's facilities (a
transfer) are listed in `removed`, so the device deletes its copy.

Consistency: the head sequence is read first, then only entries up to it are
served. Writers commit their sequences in order under the sequence lock
(services/sequences.py), so every entry up to the head that was read is
already committed and visible: a page can never skip a change that commits
later with a lower number.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from collections import defaultdict
from functools import lru_cache

from sqlalchemy import (JSON, Boolean, Connection, Date, DateTime, Enum, Integer, LargeBinary,
                        String, Table, select)

from app.core import protocol
from app.core import roles as role_rules
from app.core.codec import to_json
from app.core.schema import REPLICATED_TABLES, UTCDateTime

from ..errors import ApiError, Forbidden
from ..storage.sync_tables import row_index, scope_exit
from . import policy
from .auth import Principal
from .sequences import read_state

_CHUNK = 500


class EpochChanged(ApiError):
    status = 409
    code = protocol.EPOCH_CHANGED


def pull(conn: Connection, *, principal: Principal,
         request: protocol.PullRequest) -> protocol.PullResponse:
    """One page of changes after `request.after` for the principal's device."""
    if request.device_id != principal.device_id:
        raise Forbidden(f"this session belongs to device {principal.device_id}, not "
                        f"{request.device_id}", code=protocol.WRONG_DEVICE, field="device_id")
    state = read_state(conn)
    if request.epoch is not None and request.epoch != state.epoch and request.after > 0:
        raise EpochChanged(
            f"the server's history changed (epoch {state.epoch}, you had {request.epoch}): "
            "the server was restored from a backup. Pull again from 0 and re-push your "
            "changes after last_device_seq from /api/v1/sync/status", field="epoch")
    head = state.head_seq
    if request.after > head:
        # A cursor this server never gave out: the client synced with another history
        # (a restore it did not hear of, or another database). Start over, do not wait.
        raise EpochChanged(
            f"the cursor {request.after} is past this server's newest change ({head}): the "
            f"server's history changed (epoch {state.epoch}). Pull again from 0 and re-push "
            "your changes after last_device_seq from /api/v1/sync/status", field="after")
    readable = role_rules.readable_classes(principal.profile.roles)
    tables = policy.readable_tables(readable)
    codes = None if principal.profile.all_facilities else sorted(principal.profile.facility_codes)

    entries = _row_entries(conn, after=request.after, head=head, tables=tables, codes=codes,
                           limit=request.limit)
    if codes is not None:
        exits = []
        for code in codes:  # one index range per facility, each in sequence order
            exits += conn.execute(
                select(scope_exit.c.server_seq, scope_exit.c.table_name,
                       scope_exit.c.row_id, scope_exit.c.to_facility)
                .where(scope_exit.c.facility == code, scope_exit.c.server_seq > request.after,
                       scope_exit.c.server_seq <= head, scope_exit.c.table_name.in_(tables))
                .order_by(scope_exit.c.server_seq).limit(request.limit + 1)).all()
        # A row that has since come back into scope is sent as a row, not removed; the
        # entry still counts for paging, so the cursor never jumps over later exits.
        back = _current_facilities(conn, [(r.table_name, r.row_id) for r in exits])
        entries += [("exit" if back.get((r.table_name, r.row_id)) not in codes else "skip", *r)
                    for r in exits]
    entries.sort(key=lambda e: e[1])
    has_more = len(entries) > request.limit
    entries = entries[:request.limit]
    cursor = entries[-1][1] if has_more else head

    wanted: dict[str, list[str]] = defaultdict(list)
    for kind, _seq, table_name, row_id, _extra in entries:
        if kind == "row":
            wanted[table_name].append(row_id)
    fast = conn.dialect.name == "sqlite"
    current = _load_json_rows(conn, wanted) if fast else _load_rows(conn, wanted)
    rows: list[protocol.RowSnapshot] = []
    removed: list[dict[str, str]] = []
    for kind, seq, table_name, row_id, extra in entries:
        if kind != "row":
            if kind == "exit":
                removed.append({"table": table_name, "row_id": row_id})
            continue
        row = current.get((table_name, row_id))
        if row is None:  # cannot happen while rows are never deleted; skip rather than fail
            continue
        table = REPLICATED_TABLES[table_name]
        hidden = policy.redacted_fields(table, row, readable) \
            if table_name in policy.REDACTING_TABLES else []
        data = row if fast else _json_row(table, row)
        for name in hidden:
            del data[name]
        rows.append(protocol.RowSnapshot(seq, table_name, row_id, data, extra, hidden))
    return protocol.PullResponse(epoch=state.epoch, rows=rows, removed=removed, cursor=cursor,
                                 has_more=has_more)


@lru_cache(maxsize=None)
def _converted_columns(table: Table) -> tuple[str, ...]:
    """Columns whose values are not JSON as they come from the database."""
    return tuple(c.name for c in table.columns
                 if isinstance(c.type, (UTCDateTime, Date, DateTime, LargeBinary)))


def _json_row(table: Table, row: dict) -> dict:
    """The JSON form of a row (app.core.codec), converting only the columns that need it."""
    data = dict(row)
    for name in _converted_columns(table):
        if data[name] is not None:
            data[name] = to_json(data[name])
    return data


def _row_entries(conn: Connection, *, after: int, head: int, tables: list[str],
                 codes: list[str] | None, limit: int) -> list[tuple]:
    """The first `limit` + 1 row entries after `after` in scope, in sequence order.

    Each facility (and the global tables) is read as its own index range in sequence
    order, with its own LIMIT, and the ranges are merged here: a single query with OR
    would sort every remaining row of the scope for every page.
    """
    columns = (row_index.c.server_seq, row_index.c.table_name, row_index.c.row_id,
               row_index.c.origin_device)
    base = select(*columns).where(row_index.c.server_seq > after,
                                  row_index.c.server_seq <= head)
    if codes is None:
        queries = [base.where(row_index.c.table_name.in_(tables))]
    else:
        queries = [base.where(row_index.c.facility == code, row_index.c.table_name.in_(tables))
                   for code in codes]
        queries += [base.where(row_index.c.table_name == name)
                    for name in sorted(policy.GLOBAL_TABLES) if name in tables]
    seen: dict[tuple[str, str], tuple] = {}
    for query in queries:
        for r in conn.execute(query.order_by(row_index.c.server_seq).limit(limit + 1)):
            seen[(r.table_name, r.row_id)] = ("row", *r)
    return list(seen.values())


def _current_facilities(conn: Connection,
                        keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    by_table: dict[str, list[str]] = defaultdict(list)
    for table_name, row_id in keys:
        by_table[table_name].append(row_id)
    for table_name, ids in by_table.items():
        for i in range(0, len(ids), _CHUNK):
            stmt = select(row_index.c.row_id, row_index.c.facility).where(
                row_index.c.table_name == table_name, row_index.c.row_id.in_(ids[i:i + _CHUNK]))
            for row_id, facility in conn.execute(stmt):
                out[(table_name, row_id)] = facility
    return out


def _load_rows(conn: Connection, wanted: dict[str, list[str]]) -> dict[tuple[str, str], dict]:
    out: dict[tuple[str, str], dict] = {}
    for table_name, ids in wanted.items():
        table = REPLICATED_TABLES[table_name]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                out[(table_name, row["id"])] = dict(row)
    return out


# -- SQLite: rows straight to their JSON form -------------------------------------------
# SQLite stores timestamps as text ("YYYY-MM-DD HH:MM:SS.ffffff", UTC), dates as ISO text,
# JSON as text and booleans as 0/1. Turning each timestamp into a datetime and back into
# text cost most of a pull's CPU, so the wire form (what app.core.codec.to_json gives)
# is made from the stored text directly. PostgreSQL returns datetimes: _load_rows.

def _timestamp_text(text: str) -> str:
    """The JSON form of a stored UTC timestamp: to_json(datetime) without the datetime."""
    if len(text) == 26 and text[10] == " " and text[19] == ".":
        fraction = text[20:]
        return (f"{text[:10]}T{text[11:19]}+00:00" if fraction == "000000"
                else f"{text[:10]}T{text[11:]}+00:00")
    value = dt.datetime.fromisoformat(text)  # another layout (a server default): exact way
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return to_json(value)


def _binary_text(value) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


def _date_text(value) -> str:
    return value if isinstance(value, str) else to_json(value)


@lru_cache(maxsize=None)
def _sqlite_reader(table: Table) -> tuple[str, tuple[str, ...], tuple] | None:
    """The SELECT of a table's raw stored values, its column names, and for each column
    the function giving its JSON form (None: the stored value already is). None for a
    table with a column type not handled here (it is read the general way)."""
    names, converters = [], []
    for column in table.columns:
        names.append(column.name)
        kind = column.type
        if isinstance(kind, UTCDateTime):
            converters.append(_timestamp_text)
        elif isinstance(kind, Date):
            converters.append(_date_text)
        elif isinstance(kind, LargeBinary):
            converters.append(_binary_text)
        elif isinstance(kind, Boolean):
            converters.append(bool)
        elif isinstance(kind, JSON):
            converters.append(json.loads)
        elif isinstance(kind, (String, Integer)) and not isinstance(kind, Enum):
            converters.append(None)
        else:  # e.g. a naive DateTime or a Numeric: their JSON form is not the stored value
            return None
    columns = ", ".join(f'"{name}"' for name in names)
    return f'SELECT {columns} FROM "{table.name}" WHERE "id" IN ', tuple(names), \
        tuple(converters)


def _load_json_rows(conn: Connection,
                    wanted: dict[str, list[str]]) -> dict[tuple[str, str], dict]:
    """Like _load_rows, but each row already in its JSON form (SQLite only)."""
    out: dict[tuple[str, str], dict] = {}
    for table_name, ids in wanted.items():
        table = REPLICATED_TABLES[table_name]
        reader = _sqlite_reader(table)
        if reader is None:
            out.update((key, _json_row(table, row))
                       for key, row in _load_rows(conn, {table_name: ids}).items())
            continue
        sql, names, converters = reader
        convert = [(name, f) for name, f in zip(names, converters) if f is not None]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            query = sql + "(" + ", ".join("?" * len(chunk)) + ")"
            for raw in conn.exec_driver_sql(query, tuple(chunk)).all():
                row = dict(zip(names, raw))
                for name, function in convert:
                    value = row[name]
                    if value is not None:
                        row[name] = function(value)
                out[(table_name, row["id"])] = row
    return out
