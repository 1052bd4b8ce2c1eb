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
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Table, bindparam, delete, select, update

from app.core.codec import from_json
from app.core.protocol import PullRequest, PullResponse, ProtocolError, RowSnapshot
from app.core.schema import BOOKKEEPING, REPLICATED_TABLES
from app.storage.audit import AuditWriter
from app.storage.fast_insert import insert_many
from app.storage.local_tables import outbox, search_doc
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
    """Ask the server for the next page after `after`."""
    request = PullRequest(device_id=device_id, after=after, epoch=epoch, limit=limit)
    return PullResponse.from_json(client.post("/sync/pull", request.to_json()))


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


@lru_cache(maxsize=None)
def _columns(table: Table) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(column names, binary columns, date columns) of a table.

    Rows are written with app.storage.fast_insert, which takes the JSON forms
    of timestamps, dates and JSON as they are; only binary columns must be
    decoded first, and dates again for the (SQLAlchemy) update statement.
    """
    names = frozenset(table.c.keys())
    binary = tuple(c.name for c in table.columns if isinstance(c.type, LargeBinary))
    dates = tuple(c.name for c in table.columns
                  if isinstance(c.type, Date) and not isinstance(c.type, DateTime))
    return names, binary, dates


def _decode(table: Table, values: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if values.get(name) is not None:
            values[name] = from_json(table, name, values[name])


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


def _pending_overlays(conn, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
    """For rows with PENDING outbox entries: {row_id: {field: after}} in change order."""
    overlays: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        entries = conn.execute(
            select(outbox.c.row_id, outbox.c.changes)
            .where(outbox.c.status == "PENDING", outbox.c.table_name == table.name,
                   outbox.c.row_id.in_(chunk))
            .order_by(outbox.c.seq)).all()
        for row_id, changes in entries:
            values = overlays.setdefault(row_id, {})
            for name, (_before, after) in changes.items():
                if name in table.c:
                    values[name] = after
    return overlays


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
        raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is ignored
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
                for table, snaps in by_table.items():
                    _apply_rows(conn, table, snaps, result)
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
            raw.execute("PRAGMA foreign_keys = ON")
    return result


def _apply_rows(conn, table: Table, snaps: dict[str, RowSnapshot], result: PageResult) -> None:
    ids = list(snaps)
    known, binary, dates = _columns(table)
    existing: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(table.c.id, table.c.version, table.c.updated_at,
                                       table.c.updated_by).where(table.c.id.in_(chunk))).mappings():
            existing[row["id"]] = dict(row)
    overlays = _pending_overlays(conn, table, ids)
    inserts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, snap in snaps.items():
        # Columns the role may not read are left out by the server; a newer
        # server's extra columns are ignored (migrations only add).
        values = {k: v for k, v in snap.row.items() if k in known}
        values["id"] = row_id
        pending = overlays.get(row_id)
        local = existing.get(row_id)
        if pending:
            values.update({k: v for k, v in pending.items() if k != "id"})
            if local is not None:
                # The row still carries unpushed local edits: keep the local stamp.
                values["version"] = max(local["version"], values.get("version") or 0)
                values["updated_at"], values["updated_by"] = local["updated_at"], local["updated_by"]
            result.rebased += 1
        _decode(table, values, binary)
        if local is None:
            for col in table.columns:
                values.setdefault(col.name, None)
            _fill_redacted(table, values, snap)
            _check_required(table, values, snap)
            inserts.setdefault(tuple(values), []).append(values)
            result.inserted += 1
        else:
            _decode(table, values, dates)
            updates.setdefault(tuple(values), []).append(values)
            result.updated += 1
    for rows in inserts.values():
        insert_many(conn, table, rows)
    for columns, rows in updates.items():
        names = [c for c in columns if c != "id"]
        stmt = (update(table).where(table.c.id == bindparam("_row_id"))
                .values({c: bindparam(f"_v_{c}") for c in names}))
        conn.execute(stmt, [{"_row_id": r["id"], **{f"_v_{c}": r[c] for c in names}}
                            for r in rows])
    result.rows += len(snaps)
    result.tables[table.name] = result.tables.get(table.name, 0) + len(snaps)


def _fill_redacted(table: Table, values: dict[str, Any], snap: RowSnapshot) -> None:
    """Give a required field the role may not read an empty value, never a made-up one."""
    for name in snap.redacted:
        if name in table.c and values.get(name) is None and not table.c[name].nullable:
            try:
                python_type = table.c[name].type.python_type
            except NotImplementedError:
                python_type = None
            if python_type is str:
                values[name] = ""
            elif python_type in (dict, list):
                values[name] = python_type()


def _check_required(table: Table, values: dict[str, Any], snap: RowSnapshot) -> None:
    for col in table.columns:
        if values[col.name] is None and col.server_default is not None:
            del values[col.name]  # let the database fill in its default
            continue
        if values[col.name] is None and not col.nullable:
            if col.default is not None and not callable(col.default.arg):
                values[col.name] = col.default.arg
                continue
            where = "a bookkeeping column" if col.name in BOOKKEEPING else "a required column"
            raise ProtocolError(f"pull_response.rows[{snap.table}:{snap.row_id}].{col.name}",
                                f"is missing ({where} of {table.name})")
