"""Serving pull pages: rows changed since a cursor, within the device's scope.

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
from collections import defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import (Boolean, Connection, Date, Integer, LargeBinary, Table, bindparam, literal,
                        null, select, union_all)

from app.core import protocol, sqlite_rows
from app.core import roles as role_rules
from app.core.schema import REPLICATED_TABLES, UTCDateTime

from ..errors import ApiError, Forbidden
from ..storage.driver_errors import sqlalchemy_errors
from ..storage.pipelines import pipelined
from ..storage.sync_tables import row_index, scope_exit
from . import policy
from .auth import Principal
from .sequences import SyncState, read_state

_CHUNK = 500

# The page queries, built once (building a statement cost several times running it).
# Parameters: after, head, limit, tables (a list); per facility, code_<n> (_scope_ranges).
_IN_TABLES = bindparam("tables", expanding=True)
_LIMIT = bindparam("limit", type_=Integer)
_ENTRIES = select(row_index.c.server_seq, row_index.c.table_name, row_index.c.row_id).where(
    row_index.c.server_seq > bindparam("after"), row_index.c.server_seq <= bindparam("head"))
_ENTRIES_ALL = _ENTRIES.where(row_index.c.table_name.in_(_IN_TABLES)) \
    .order_by(row_index.c.server_seq).limit(_LIMIT)


class EpochChanged(ApiError):
    status = 409
    code = protocol.EPOCH_CHANGED


def pull(conn: Connection, *, principal: Principal, request: protocol.PullRequest,
         state: SyncState | None = None) -> protocol.PullResponse:
    """One page of changes after `request.after` for the principal's device. `state`: the
    sync state, if the caller has just read it (it must be read before the page)."""
    if request.device_id != principal.device_id:
        raise Forbidden(f"this session belongs to device {principal.device_id}, not "
                        f"{request.device_id}", code=protocol.WRONG_DEVICE, field="device_id")
    state = state or read_state(conn)
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

    entries, exits = _scope_entries(conn, after=request.after, head=head, tables=tables,
                                    codes=codes, limit=request.limit)
    if codes is not None:
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
    removed: list[dict[str, str]] = []
    for kind, _seq, table_name, row_id, _extra in entries:
        if kind == "row":
            wanted[table_name].append(row_id)
        elif kind == "exit":
            removed.append({"table": table_name, "row_id": row_id})
    blocks: list[protocol.TableRows] = []
    # Every table's rows in one round trip (a pipeline's end is a round trip of its own,
    # so none for a page of one table or none).
    with pipelined(conn) if len(wanted) > 1 else nullcontext():
        asked = [(REPLICATED_TABLES[name], _stored_rows(conn, REPLICATED_TABLES[name], ids))
                 for name, ids in wanted.items()]
    for table, stored in asked:
        blocks += _blocks(table, *stored(), readable)
    return protocol.PullResponse(epoch=state.epoch, tables=blocks, removed=removed,
                                 cursor=cursor, has_more=has_more)


def _blocks(table: Table, columns: list[str], rows: list, readable: frozenset[str]
            ) -> list[protocol.TableRows]:
    """The rows as TableRows, one block per set of fields the reader may not see."""
    if table.name not in policy.REDACTING_TABLES:
        return [protocol.TableRows(table.name, columns, rows)] if rows else []
    groups: dict[tuple[str, ...], list] = defaultdict(list)
    for row in rows:
        hidden = policy.redacted_fields(table, dict(zip(columns, row)), readable)
        groups[tuple(hidden)].append(row)
    out = []
    for hidden, group in groups.items():
        keep = [i for i, name in enumerate(columns) if name not in hidden]
        if hidden:
            group = [[row[i] for i in keep] for row in group]
        out.append(protocol.TableRows(table.name, [columns[i] for i in keep], group,
                                      list(hidden)))
    return out


def _scope_entries(conn: Connection, *, after: int, head: int, tables: list[str],
                   codes: list[str] | None, limit: int) -> tuple[list[tuple], list]:
    """(the first `limit` + 1 row entries after `after` in scope, and as many scope exits
    of the user's facilities), each list in no particular order.

    Each facility's entries, its exits and each global table's entries are read as an
    index range of their own in sequence order, with their own LIMIT, and merged here:
    a single range with OR would sort every remaining row of the scope for every page.
    The ranges come in one statement (a UNION ALL of them): one round trip per page.
    """
    common = {"after": after, "head": head, "tables": tables, "limit": limit + 1}
    if codes is None:  # every facility: one range, and no facility to leave
        rows = conn.execute(_ENTRIES_ALL, common).all()
        return [("row", seq, name, row_id, None) for seq, name, row_id in rows], []
    global_tables = tuple(n for n in sorted(policy.GLOBAL_TABLES) if n in tables)
    params = {**common, **{f"code_{i}": code for i, code in enumerate(codes)}}
    seen: dict[tuple[str, str], tuple] = {}  # a facility's own row is also a global one
    exits = []
    for kind, seq, table_name, row_id, extra in conn.execute(
            _scope_ranges(len(codes), global_tables), params):
        if kind == "row":
            seen[(table_name, row_id)] = ("row", seq, table_name, row_id, None)
        else:
            exits.append(_Exit(seq, table_name, row_id, extra))
    return list(seen.values()), exits


class _Exit(NamedTuple):
    server_seq: int
    table_name: str
    row_id: str
    to_facility: str


@lru_cache(maxsize=None)
def _scope_ranges(codes: int, global_tables: tuple[str, ...]):
    """The UNION ALL of a facility user's ranges (see `_scope_entries`), with parameters
    after, head, limit, tables and code_0 ... code_<codes - 1>; built once per shape.
    Rows: (kind 'row' or 'exit', server_seq, table_name, row_id, to_facility or None)."""
    def entries(*where):
        return select(literal("row").label("kind"), row_index.c.server_seq,
                      row_index.c.table_name, row_index.c.row_id,
                      null().label("extra")).where(
            row_index.c.server_seq > bindparam("after"),
            row_index.c.server_seq <= bindparam("head"), *where
        ).order_by(row_index.c.server_seq).limit(_LIMIT).subquery()

    ranges = []
    for i in range(codes):
        code = bindparam(f"code_{i}")
        ranges.append(entries(row_index.c.facility == code,
                              row_index.c.table_name.in_(_IN_TABLES)))
        ranges.append(select(
            literal("exit").label("kind"), scope_exit.c.server_seq, scope_exit.c.table_name,
            scope_exit.c.row_id, scope_exit.c.to_facility.label("extra"),
        ).where(scope_exit.c.facility == code, scope_exit.c.server_seq > bindparam("after"),
                scope_exit.c.server_seq <= bindparam("head"),
                scope_exit.c.table_name.in_(_IN_TABLES))
            .order_by(scope_exit.c.server_seq).limit(_LIMIT).subquery())
    for name in global_tables:
        ranges.append(entries(row_index.c.table_name == name))
    return union_all(*(select(r) for r in ranges))


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


def _stored_rows(conn: Connection, table: Table, ids: list[str]
                 ) -> Callable[[], tuple[list[str], list]]:
    """Ask for the rows with `ids`; the function returned gives (columns, rows), each
    value in its stored form (protocol), once the caller's pipeline has ended."""
    if conn.dialect.name == "sqlite":
        # SQLite holds the stored forms already: rows go out as the driver returns them.
        rows: list = []
        sql, driver = _sqlite_select(table), conn.connection.driver_connection
        for i in range(0, len(ids), _CHUNK):  # plain tuples from the driver, no Row objects
            chunk = ids[i:i + _CHUNK]
            rows += driver.execute(f"{sql}({', '.join('?' * len(chunk))})", chunk).fetchall()
        return lambda: _in_order(table, ids, rows, _binary_columns(table), sqlite=True)
    # Straight to psycopg too, with the ids as one array: one query text per table,
    # where an IN list of a new length was a new statement for SQLAlchemy to render on
    # every page. Never prepared: a prepared statement is soon planned once for any
    # array, as if it held ten ids, and that plan scanned a table of a few thousand
    # rows whole for every page, comparing each row with each of up to hundreds of ids
    # (under fifty devices, PostgreSQL's CPU matched the server's). Planned with its
    # own ids, a page is read by the primary key, or a small table scanned once with
    # the ids in a hash; parsing and planning cost PostgreSQL ~0.2 ms a table. The
    # driver's values (aware datetimes, dates, parsed JSON, bytes) are what `convert`
    # takes.
    cursor = conn.connection.driver_connection.cursor()
    with sqlalchemy_errors(conn):  # outside a pipeline, the driver's errors come here
        cursor.execute(_postgresql_select(table), (ids,), prepare=False)

    def stored() -> tuple[list[str], list]:
        with sqlalchemy_errors(conn), cursor:
            rows = cursor.fetchall()
        return _in_order(table, ids, rows, _postgresql_to_stored(table), sqlite=False)

    return stored


def _in_order(table: Table, ids: list[str], rows: list, convert: tuple, *, sqlite: bool
              ) -> tuple[list[str], list]:
    """(columns, rows) in the order asked, each value converted to its stored form."""
    columns = [c.name for c in table.columns]
    # In the order asked (sequence order), not the order the id index gave them.
    by_id = {row[0]: row for row in rows}
    rows = [by_id[row_id] for row_id in ids if row_id in by_id]
    if not convert:
        return columns, rows if sqlite else [tuple(r) for r in rows]
    out = []
    for row in rows:
        values = list(row)
        for index, function in convert:
            if values[index] is not None:
                values[index] = function(values[index])
        out.append(values)
    return columns, out


@lru_cache(maxsize=None)
def _sqlite_select(table: Table) -> str:
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    return f'SELECT {names} FROM "{table.name}" WHERE "id" IN '


@lru_cache(maxsize=None)
def _postgresql_select(table: Table) -> str:
    """The rows' columns, timestamps, dates and booleans already in their stored forms
    (PostgreSQL formats them in C; in Python they were a third of a pull's CPU)."""
    names = ", ".join(_stored_in_sql(c) or f'"{c.name}"' for c in table.columns)
    return f'SELECT {names} FROM "{table.name}" WHERE "id" = ANY(%s)'


def _stored_in_sql(column) -> str | None:
    """SQL giving `column`'s stored form (as app.core.sqlite_rows writes it), or None
    where Python converts it (JSON, binary) or it needs nothing."""
    name = f'"{column.name}"'
    if isinstance(column.type, UTCDateTime):  # UTC text with microseconds
        return f"to_char({name} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(column.type, Date):
        return f"to_char({name}, 'YYYY-MM-DD')"
    if isinstance(column.type, Boolean):
        return f"{name}::int"
    return None


@lru_cache(maxsize=None)
def _postgresql_to_stored(table: Table) -> tuple:
    """`_python_to_stored` for the columns `_postgresql_select` leaves to Python."""
    return tuple((i, function) for i, function in _python_to_stored(table)
                 if _stored_in_sql(table.columns[i]) is None)


def _base64(value) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


@lru_cache(maxsize=None)
def _binary_columns(table: Table) -> tuple:
    """(position, base64) for binary columns: the one stored form JSON cannot carry."""
    return tuple((i, _base64) for i, c in enumerate(table.columns)
                 if isinstance(c.type, LargeBinary))


@lru_cache(maxsize=None)
def _python_to_stored(table: Table) -> tuple:
    """(position, function) turning a Python value of each column into its stored form."""
    out = []
    for i, column in enumerate(table.columns):
        function = _base64 if isinstance(column.type, LargeBinary) else \
            sqlite_rows.converter(column)
        if function is not None:
            out.append((i, function))
    return tuple(out)
