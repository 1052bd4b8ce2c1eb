"""Pull: apply a page of server rows to the replica, with its cursor, atomically.

`apply_page` writes one PullResponse page and the new cursor in ONE local
transaction, so an interrupted sync resumes from the last page it applied
and a cursor can never run ahead of its rows.

Rules for the rows of a page:
- Pulled rows are written straight to the tables, not through the unit of
  work: they came from the server, so they create no outbox entries. One
  audit entry per page records that a sync applied them.
- Pulled state never overwrites pending local changes: a row with outbox
  entries still PENDING gets the server snapshot with the pending field
  values re-applied on top (a rebase); they are pushed on the next sync.
- `removed` rows left this device's scope (a transfer, a role change) and
  are DELETED from the replica. This is the only place Custos ever deletes
  replicated rows locally; everywhere else records are voided. Pending
  outbox entries for them are kept and still pushed (the server sends late
  edits of transferred records to its conflict queue).
- Foreign keys are not enforced while a page is applied: the server sends
  each row once, at its latest change, so a child can arrive a page before
  a parent that changed later, and a removal can leave children for a later
  page. The server's state is referentially whole; a page on its own need
  not be.
- Fields the user's role may not read are left out of a snapshot (listed in
  `redacted`): an update leaves them as they are, and a new row gets an empty
  text or JSON value where the column requires one.
- Person search triggers (migration 0002) fire on inserted and updated
  rows; search entries of removed rows are deleted here explicitly.

Speed (a first sync brings a whole facility, about ten rows per person):
- A page's rows are written per table with a few driver-level executemany
  calls (app.core.sqlite_rows): new rows inserted, rows already here
  updated, grouped by the columns they carry. Values go from their JSON form
  to the stored form once, by a conversion chosen per column type, with a
  plan per (table, columns) worked out once.
- One query per page finds the rows with pending local changes; only those
  (and rows with a missing required value) take the careful, per-row path.
- While a page is applied, the next one is already requested (`fetch_page`
  asks ahead on a background connection), so the server prepares it
  meanwhile. Nothing fetched ahead is applied unless the next pull asks for
  exactly that page.
- The page transaction runs with synchronous=NORMAL (see apply_page).
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable

from sqlalchemy import LargeBinary, Table, delete, select

from app.core.protocol import PullRequest, PullResponse, ProtocolError, RowSnapshot
from app.core.schema import BOOKKEEPING, REPLICATED_TABLES
from app.storage.audit import AuditWriter
from app.core.sqlite_rows import converter, insert_values, update_values
from app.storage.local_tables import search_doc
from app.storage.unit_of_work import utcnow
from app.sync import state
from app.sync.client import SyncClient

_CHUNK = 500  # ids per IN (...) list


class EpochChanged(Exception):
    """A page came from another server epoch than the cursor's: reconcile first."""

    def __init__(self, epoch: str):
        super().__init__(epoch)
        self.epoch = epoch


@dataclass
class PageResult:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    rebased: int = 0
    cursor: int = 0
    skipped: bool = False  # another sync had already applied this page
    tables: dict[str, int] = field(default_factory=dict)


def fetch_page(client: SyncClient, *, device_id: str, after: int, epoch: str | None,
               limit: int) -> PullResponse:
    """Ask the server for the next page after `after`.

    When the server has more, the page after this one is requested at once in
    the background, as the next call will ask for it once this page is applied
    (its cursor and epoch): the server prepares it while this one is written.
    Nothing is applied from it unless that next call asks for exactly it.
    """
    request = PullRequest(device_id=device_id, after=after, epoch=epoch, limit=limit)
    page = client.post("/sync/pull", request.to_json(), parse=PullResponse.from_json)
    if page.has_more and page.cursor > after:
        following = PullRequest(device_id=device_id, after=page.cursor, epoch=page.epoch,
                                limit=limit)
        client.post_ahead("/sync/pull", following.to_json(), parse=PullResponse.from_json)
    return page


def start_over(replica, *, username: str, reason: str, now: dt.datetime | None = None) -> None:
    """Reset the pull cursor to 0 (the server says its history is not the one we
    followed); rows already here are simply brought up to date by the re-pull."""
    now = now or utcnow()
    with replica.engine.begin() as conn:
        state.write(conn, now, pull_after=0)
        audit = AuditWriter(conn)
        audit.append(at=now, username=username, device_id=replica.device_id,
                     action="SYNC_RESTART", detail={"reason": reason})
        audit.flush()


def _chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _b64(value: Any) -> Any:
    return None if value is None else base64.b64decode(value)


@dataclass(frozen=True)
class _Table:
    """What applying rows needs to know about a table, worked out once."""

    names: frozenset[str]
    binary: tuple[str, ...]
    converters: dict[str, Callable[[Any], Any]]  # column -> JSON form to stored value
    strict: frozenset[str]  # a None here needs the careful path (required / DB default)


@lru_cache(maxsize=None)
def _table(table: Table) -> _Table:
    converters = {}
    for col in table.columns:
        conv = _b64 if isinstance(col.type, LargeBinary) else converter(col)
        if conv is not None:
            converters[col.name] = conv
    return _Table(
        names=frozenset(table.c.keys()),
        binary=tuple(c.name for c in table.columns if isinstance(c.type, LargeBinary)),
        converters=converters,
        strict=frozenset(c.name for c in table.columns
                         if not c.nullable or c.server_default is not None))


@dataclass(frozen=True)
class _Plan:
    """How snapshots with one set of keys become driver rows.

    Insert tuples are (id, *picked values, *fills); update tuples are
    (*picked values, id). `fills` are the values of required columns the
    snapshot leaves out (redacted or defaulted); `missing` names a required
    column with neither, which makes a NEW row of this shape a protocol error.
    """

    picks: tuple[str, ...]
    pick: Callable[[dict], tuple]
    convert: tuple[tuple[int, Callable[[Any], Any]], ...]  # (index in picks, converter)
    fill_columns: tuple[str, ...]
    fills: tuple
    missing: str | None
    strict: Callable[[dict], tuple] | None  # the picked values that must not be None


def _getter(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    if len(names) == 1:
        name = names[0]
        return lambda row: (row[name],)
    return itemgetter(*names)


@lru_cache(maxsize=4096)
def _plan(table: Table, keys: tuple[str, ...], redacted: tuple[str, ...]) -> _Plan:
    info = _table(table)
    picks = tuple(k for k in keys if k in info.names and k != "id")
    fill_columns, fills, missing = [], [], None
    for col in table.columns:
        if col.name == "id" or col.name in picks or col.nullable:
            continue  # a nullable column left out is NULL (or its database default)
        value = _redacted_fill(col) if col.name in redacted else None
        if value is None and col.server_default is not None:
            continue  # the database fills in its default
        if value is None and col.default is not None and not callable(col.default.arg):
            value = col.default.arg
        if value is None:
            missing = missing or col.name
            continue
        fill_columns.append(col.name)
        conv = info.converters.get(col.name)
        fills.append(conv(value) if conv else value)
    strict = tuple(k for k in picks if k in info.strict)
    return _Plan(picks=picks, pick=_getter(picks),
                 convert=tuple((i, info.converters[k]) for i, k in enumerate(picks)
                               if k in info.converters),
                 fill_columns=tuple(fill_columns), fills=tuple(fills), missing=missing,
                 strict=_getter(strict) if strict else None)


def _redacted_fill(col) -> Any:
    """The empty value of a required column the role may not read (never a made-up one)."""
    try:
        python_type = col.type.python_type
    except NotImplementedError:
        return None
    if python_type is str:
        return ""
    if python_type in (dict, list):
        return python_type()
    return None


def _check_page(page: PullResponse) -> tuple[dict[Table, dict[str, RowSnapshot]], dict[Table, list[str]]]:
    """Group a page by table (last snapshot of a row wins), refusing unknown tables."""
    rows: dict[Table, dict[str, RowSnapshot]] = {}
    for i, snap in enumerate(page.rows):
        table = REPLICATED_TABLES.get(snap.table)
        if table is None:
            raise ProtocolError(f"pull_response.rows[{i}].table",
                                f"{snap.table!r} is not a replicated table")
        if snap.row.get("id", snap.row_id) != snap.row_id:
            raise ProtocolError(f"pull_response.rows[{i}].row.id", "does not match row_id")
        rows.setdefault(table, {})[snap.row_id] = snap
    removed: dict[Table, list[str]] = {}
    for i, item in enumerate(page.removed):
        if not isinstance(item, dict) or not isinstance(item.get("row_id"), str):
            raise ProtocolError(f"pull_response.removed[{i}]", "must be {table, row_id}")
        table = REPLICATED_TABLES.get(item.get("table"))
        if table is None:
            raise ProtocolError(f"pull_response.removed[{i}].table",
                                f"{item.get('table')!r} is not a replicated table")
        if item["row_id"] in rows.get(table, {}):
            continue  # back in scope: the server's current row is in this page
        removed.setdefault(table, []).append(item["row_id"])
    return rows, removed


def _pending_overlays(conn, by_table: dict[Table, dict[str, RowSnapshot]]
                      ) -> dict[str, dict[str, dict[str, Any]]]:
    """For the page's rows with PENDING outbox entries, in one query:
    {table name: {row_id: {field: after}}}, later changes winning."""
    ids = [row_id for snaps in by_table.values() for row_id in snaps]
    if not ids:
        return {}
    wanted = {(t.name, row_id) for t, snaps in by_table.items() for row_id in snaps}
    overlays: dict[str, dict[str, dict[str, Any]]] = {}
    for table_name, row_id, changes in conn.exec_driver_sql(
            "SELECT table_name, row_id, changes FROM outbox WHERE status = 'PENDING' "
            "AND row_id IN (SELECT value FROM json_each(?)) ORDER BY seq", (json.dumps(ids),)):
        if (table_name, row_id) not in wanted:
            continue  # the same id in another table cannot happen with UUIDs; be exact anyway
        columns = REPLICATED_TABLES[table_name].c
        values = overlays.setdefault(table_name, {}).setdefault(row_id, {})
        for name, (_before, after) in json.loads(changes).items():
            if name in columns:
                values[name] = after
    return overlays


def _existing_ids(conn, table: Table, ids: list[str]) -> set[str]:
    return {row_id for (row_id,) in conn.exec_driver_sql(
        f'SELECT id FROM "{table.name}" WHERE id IN (SELECT value FROM json_each(?))',
        (json.dumps(ids),))}


def apply_page(replica, page: PullResponse, *, expected_after: int, username: str,
               now: dt.datetime | None = None) -> PageResult:
    """Apply one page and its cursor in one transaction (see the module docstring).

    `expected_after` is the cursor the page was asked for: if the replica's
    cursor moved meanwhile (another sync applied it), nothing is written.
    Raises EpochChanged if the page's epoch is not the cursor's.
    """
    now = now or utcnow()
    by_table, removed = _check_page(page)
    result = PageResult(cursor=page.cursor)
    with replica.engine.connect() as conn:
        raw = conn.connection.driver_connection
        # Both only take effect outside a transaction; both are put back below.
        raw.execute("PRAGMA foreign_keys = OFF")
        # A page is applied atomically either way (WAL); NORMAL only lets a power cut
        # lose the last pages applied, with their cursor, and they are pulled again.
        # It saves an fsync per page; user actions keep synchronous=FULL.
        raw.execute("PRAGMA synchronous = NORMAL")
        try:
            with conn.begin():
                current = state.read(conn)
                if current.epoch is not None and current.epoch != page.epoch:
                    raise EpochChanged(page.epoch)
                if current.pull_after != expected_after:
                    result.skipped = True
                    return result
                if page.cursor < expected_after:
                    raise ProtocolError("pull_response.cursor",
                                        f"went backwards ({page.cursor} < {expected_after})")
                overlays = _pending_overlays(conn, by_table)
                for table, snaps in by_table.items():
                    _apply_rows(conn, table, snaps, overlays.get(table.name, {}), result)
                for table, ids in removed.items():
                    for chunk in _chunks(ids):
                        gone = conn.execute(delete(table).where(table.c.id.in_(chunk))).rowcount
                        conn.execute(delete(search_doc).where(search_doc.c.source_id.in_(chunk)))
                        result.removed += gone
                        result.tables[table.name] = result.tables.get(table.name, 0) + gone
                state.write(conn, now, epoch=page.epoch, pull_after=page.cursor)
                if by_table or removed:
                    audit = AuditWriter(conn)
                    audit.append(at=now, username=username, device_id=replica.device_id,
                                 action="SYNC_PULL", detail={
                                     "epoch": page.epoch, "after": expected_after,
                                     "cursor": page.cursor, "rows": result.rows,
                                     "removed": result.removed, "rebased": result.rebased,
                                     "tables": dict(sorted(result.tables.items()))})
                    audit.flush()
        finally:
            raw.execute("PRAGMA synchronous = FULL")
            raw.execute("PRAGMA foreign_keys = ON")
    return result


def _apply_rows(conn, table: Table, snaps: dict[str, RowSnapshot],
                overlays: dict[str, dict[str, Any]], result: PageResult) -> None:
    """Write one table's rows of a page: new rows inserted, known rows updated, each
    as a few driver-level executemany calls grouped by the columns they carry."""
    existing = _existing_ids(conn, table, list(snaps))
    inserts: dict[tuple[str, ...], list[tuple]] = {}
    updates: dict[tuple[str, ...], list[tuple]] = {}
    careful: list[RowSnapshot] = []
    for row_id, snap in snaps.items():
        if row_id in overlays:
            careful.append(snap)  # pending local edits: rebase (below)
            continue
        row = snap.row
        plan = _plan(table, tuple(row), tuple(snap.redacted))
        if plan.strict is not None and None in plan.strict(row):
            careful.append(snap)  # a required value or a database default to look at
            continue
        values = list(plan.pick(row))
        try:
            for i, conv in plan.convert:
                values[i] = conv(values[i])
        except (ValueError, TypeError) as exc:
            raise _bad_value(snap, plan.picks[i], exc) from None
        if row_id in existing:
            # Columns left out (redacted, or unknown to an older server) stay as they are.
            values.append(row_id)
            updates.setdefault(plan.picks, []).append(tuple(values))
            result.updated += 1
        else:
            if plan.missing:
                _missing(table, snap, plan.missing)
            inserts.setdefault(("id", *plan.picks, *plan.fill_columns), []).append(
                (row_id, *values, *plan.fills))
            result.inserted += 1
    if careful:
        _careful(conn, table, careful, existing, overlays, inserts, updates, result)
    for columns, rows in inserts.items():
        insert_values(conn, table, columns, rows)
    for columns, rows in updates.items():
        update_values(conn, table, columns, rows)
    result.rows += len(snaps)
    result.tables[table.name] = result.tables.get(table.name, 0) + len(snaps)


def _careful(conn, table: Table, snaps: list[RowSnapshot], existing: set[str],
             overlays: dict[str, dict[str, Any]], inserts: dict, updates: dict,
             result: PageResult) -> None:
    """Rows with pending local edits (rebased: the server snapshot with the pending
    field values on top) and rows with a None where a value is required."""
    info = _table(table)
    rebase = [s.row_id for s in snaps if s.row_id in overlays and s.row_id in existing]
    local: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(rebase):
        for row in conn.execute(select(table.c.id, table.c.version, table.c.updated_at,
                                       table.c.updated_by).where(table.c.id.in_(chunk))).mappings():
            local[row["id"]] = dict(row)
    for snap in snaps:
        row_id = snap.row_id
        # Columns the role may not read are left out by the server; a newer
        # server's extra columns are ignored (migrations only add).
        values = {k: v for k, v in snap.row.items() if k in info.names}
        values["id"] = row_id
        pending = overlays.get(row_id)
        if pending:
            values.update({k: v for k, v in pending.items() if k != "id"})
            mine = local.get(row_id)
            if mine is not None:
                # The row still carries unpushed local edits: keep the local stamp.
                values["version"] = max(mine["version"], values.get("version") or 0)
                values["updated_at"], values["updated_by"] = mine["updated_at"], mine["updated_by"]
            result.rebased += 1
        if row_id in existing:
            columns = tuple(k for k in values if k != "id")
            updates.setdefault(columns, []).append(
                (*_stored(info, columns, values, snap), row_id))
            result.updated += 1
        else:
            for col in table.columns:
                values.setdefault(col.name, None)
            _fill_redacted(table, values, snap)
            _check_required(table, values, snap)
            columns = tuple(values)
            inserts.setdefault(columns, []).append(tuple(_stored(info, columns, values, snap)))
            result.inserted += 1


def _stored(info: _Table, columns: tuple[str, ...], values: dict[str, Any],
            snap: RowSnapshot) -> list:
    out = []
    for name in columns:
        conv = info.converters.get(name)
        try:
            out.append(values[name] if conv is None else conv(values[name]))
        except (ValueError, TypeError) as exc:
            raise _bad_value(snap, name, exc) from None
    return out


def _bad_value(snap: RowSnapshot, name: str, exc: Exception) -> ProtocolError:
    return ProtocolError(f"pull_response.rows[{snap.table}:{snap.row_id}].{name}",
                         f"is not a valid value for this column ({exc})")


def _missing(table: Table, snap: RowSnapshot, name: str):
    where = "a bookkeeping column" if name in BOOKKEEPING else "a required column"
    raise ProtocolError(f"pull_response.rows[{snap.table}:{snap.row_id}].{name}",
                        f"is missing ({where} of {table.name})")


def _fill_redacted(table: Table, values: dict[str, Any], snap: RowSnapshot) -> None:
    """Give a required field the role may not read an empty value, never a made-up one."""
    for name in snap.redacted:
        if name in table.c and values.get(name) is None and not table.c[name].nullable:
            value = _redacted_fill(table.c[name])
            if value is not None:
                values[name] = value


def _check_required(table: Table, values: dict[str, Any], snap: RowSnapshot) -> None:
    for col in table.columns:
        if values[col.name] is None and col.server_default is not None:
            del values[col.name]  # let the database fill in its default
            continue
        if values[col.name] is None and not col.nullable:
            if col.default is not None and not callable(col.default.arg):
                values[col.name] = col.default.arg
                continue
            _missing(table, snap, col.name)
