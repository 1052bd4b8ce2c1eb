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
- Fields the user's role may not read are left out of a page (a block's
  `redacted`): an update leaves them as they are, and a new row gets an empty
  text or JSON value where the column requires one.
- Person search triggers (migration 0002) fire on inserted and updated
  rows; search entries of removed rows are deleted here explicitly.

Speed (a first sync brings a whole facility, about ten rows per person):
- Rows come per table and in their stored form (app.core.protocol), so a
  block is checked column by column and written with one executemany per
  table for new rows and one for known rows, as the lists the page was
  decoded into (app.sync.pull_rows).
- One query per page looks for pending local changes; only rows that have
  some (and rows with a missing required value) take the careful, per-row
  path.
- While a page is applied, the next one is already requested (`fetch_page`
  asks ahead on a background connection, which also decodes and checks its
  shape), so the server prepares it meanwhile. Nothing fetched ahead is
  applied unless the next pull asks for exactly that page.
- The page transaction runs with synchronous=NORMAL (see apply_page).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete

from app.core.protocol import PullRequest, PullResponse, ProtocolError, TableRows
from app.core.schema import REPLICATED_TABLES
from app.storage.audit import AuditWriter
from app.storage.local_tables import search_doc
from app.storage.unit_of_work import utcnow
from app.sync import pull_rows, state
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
        ask_ahead(client, device_id=device_id, after=page.cursor, epoch=page.epoch,
                  limit=limit)
    return page


def ask_ahead(client: SyncClient, *, device_id: str, after: int, epoch: str | None,
              limit: int) -> None:
    """Request in the background the page `fetch_page` will ask for with these arguments
    (the engine does so while it records a push's outcomes, which the page cannot
    depend on: pulling never reads the outbox)."""
    request = PullRequest(device_id=device_id, after=after, epoch=epoch, limit=limit)
    client.post_ahead("/sync/pull", request.to_json(), parse=PullResponse.from_json)


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


def _check_page(page: PullResponse) -> tuple[list[tuple[Table, TableRows, str]],
                                             dict[Table, list[str]]]:
    """The page's blocks with their tables, and its removals by table; unknown tables
    are refused by name."""
    blocks = []
    for i, block in enumerate(page.tables):
        table = REPLICATED_TABLES.get(block.table)
        if table is None:
            raise ProtocolError(f"pull_response.tables[{i}].table",
                                f"{block.table!r} is not a replicated table")
        blocks.append((table, block, f"pull_response.tables[{i}]"))
    sent = {(table.name, row[0]) for table, block, _w in blocks for row in block.rows} \
        if page.removed else set()
    removed: dict[Table, list[str]] = {}
    for i, item in enumerate(page.removed):
        if not isinstance(item, dict) or not isinstance(item.get("row_id"), str):
            raise ProtocolError(f"pull_response.removed[{i}]", "must be {table, row_id}")
        table = REPLICATED_TABLES.get(item.get("table"))
        if table is None:
            raise ProtocolError(f"pull_response.removed[{i}].table",
                                f"{item.get('table')!r} is not a replicated table")
        if (table.name, item["row_id"]) in sent:
            continue  # back in scope: the server's current row is in this page
        removed.setdefault(table, []).append(item["row_id"])
    return blocks, removed


def _pending_overlays(conn, wanted: set[tuple[str, str]]
                      ) -> dict[str, dict[str, dict[str, Any]]]:
    """For the page's rows (table, id) with PENDING outbox entries, in one query:
    {table name: {row_id: {field: after}}}, later changes winning."""
    if not wanted:
        return {}
    overlays: dict[str, dict[str, dict[str, Any]]] = {}
    for table_name, row_id, changes in conn.exec_driver_sql(
            "SELECT table_name, row_id, changes FROM outbox WHERE status = 'PENDING' "
            "AND row_id IN (SELECT value FROM json_each(?)) ORDER BY seq",
            (json.dumps([row_id for _t, row_id in wanted]),)):
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
    blocks, removed = _check_page(page)
    result = PageResult(cursor=page.cursor)
    if not blocks and not removed and page.cursor == expected_after:
        # A page that changes nothing (most background syncs): no write transaction,
        # which would wait for the write lock and an fsync, when the replica already
        # holds this cursor under this epoch. Anything else takes the path below.
        with replica.reader.connect() as conn:
            current = state.read(conn)
        if current.epoch == page.epoch and current.pull_after == expected_after:
            return result
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
                checked = []
                for table, block, where in blocks:
                    plan = pull_rows.plan(table, tuple(block.columns), tuple(block.redacted))
                    checked.append((table, plan, *pull_rows.rows_of(block, plan, where), where))
                overlays = _pending_overlays(conn, {
                    (table.name, row[0]) for table, _p, rows, *_ in checked for row in rows
                }) if _has_pending(conn) else {}
                for table, plan, rows, careful, where in checked:
                    _apply_block(conn, raw, table, plan, rows, careful,
                                 overlays.get(table.name, {}), where, result)
                for table, ids in removed.items():
                    for chunk in _chunks(ids):
                        gone = conn.execute(delete(table).where(table.c.id.in_(chunk))).rowcount
                        conn.execute(delete(search_doc).where(search_doc.c.source_id.in_(chunk)))
                        result.removed += gone
                        result.tables[table.name] = result.tables.get(table.name, 0) + gone
                state.write(conn, now, epoch=page.epoch, pull_after=page.cursor)
                if blocks or removed:
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


def _has_pending(conn) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM outbox WHERE status = 'PENDING' LIMIT 1").first() is not None


def _apply_block(conn, raw, table: Table, plan: pull_rows.Plan, rows: list[list],
                 careful: set[int], overlays: dict[str, dict[str, Any]], where: str,
                 result: PageResult) -> None:
    """Write one block's checked rows (see app.sync.pull_rows) and count them."""
    existing = _existing_ids(conn, table, [row[0] for row in rows])

    def local(ids: list[str]) -> dict[str, dict]:
        found = {}
        for chunk in _chunks(ids):
            for row_id, version, updated_at, updated_by in raw.execute(
                    f'SELECT id, version, updated_at, updated_by FROM "{table.name}" '
                    "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(chunk),)):
                found[row_id] = {"version": version, "updated_at": updated_at,
                                 "updated_by": updated_by}
        return found

    counts = pull_rows.write(raw, plan, rows, existing, careful, overlays, local, where)
    result.inserted += counts.inserted
    result.updated += counts.updated
    result.rebased += counts.rebased
    result.rows += len(rows)
    result.tables[table.name] = result.tables.get(table.name, 0) + len(rows)
