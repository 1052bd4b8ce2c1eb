"""Where this replica stands with its sync server (table sync_state, one row).

The pull cursor `(epoch, pull_after)` is only ever written in the same
transaction as the rows it covers (see pull.apply_page), so it can never
run ahead of the data (the pouchdb #1240 failure). Facts for `custos status`
go to replica_meta: `last_sync` (ISO 8601, UTC) and `conflicts` (open
conflicts the server reported for this device's changes).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, insert, select, update

from app.storage import meta
from app.storage.local_tables import outbox, sync_conflict, sync_state

STATE_ID = 1
LAST_SYNC_KEY = "last_sync"
CONFLICTS_KEY = "conflicts"


@dataclass(frozen=True)
class SyncState:
    server_url: str | None
    username: str | None
    epoch: str | None
    pull_after: int
    last_device_seq: int | None


# Built once: a sync runs each of these once or twice (building a statement cost about
# three times executing a prebuilt one). Updates take their SET columns from the
# execution parameters.
_UPDATE = update(sync_state).where(sync_state.c.id == bindparam("state_id"))
_INSERT = insert(sync_state)
_OPEN_CONFLICT_IDS = select(sync_conflict.c.conflict_id).where(sync_conflict.c.status == "OPEN")
_OPEN_CONFLICTS = select(func.count()).select_from(sync_conflict) \
    .where(sync_conflict.c.status == "OPEN")
_PENDING = select(func.count()).select_from(outbox).where(outbox.c.status == "PENDING")


def read(conn: Connection) -> SyncState:
    """The current sync state (an empty one before the first login)."""
    # Driver-level: a sync reads it before every batch and page.
    row = conn.exec_driver_sql(
        "SELECT server_url, username, epoch, pull_after, last_device_seq FROM sync_state "
        "WHERE id = ?", (STATE_ID,)).first()
    if row is None:
        return SyncState(None, None, None, 0, None)
    return SyncState(*row)


def write(conn: Connection, now: dt.datetime, **values) -> None:
    """Update fields of the sync state row (created on first use)."""
    values["updated_at"] = now
    if conn.execute(_UPDATE, {**values, "state_id": STATE_ID}).rowcount == 0:
        conn.execute(_INSERT, {"id": STATE_ID, "pull_after": 0, **values})


def set_meta(conn: Connection, key: str, value: str) -> None:
    meta.write(conn, key, value)


def record_finished_sync(conn: Connection, now: dt.datetime,
                         open_conflicts: int | None = None) -> None:
    """Mark a completed sync for `custos status`: last_sync and the open conflicts.

    `open_conflicts` is the server's whole open queue (central office);
    otherwise the count is of conflicts this device's changes caused.
    """
    set_meta(conn, LAST_SYNC_KEY, now.astimezone(dt.timezone.utc).isoformat())
    if open_conflicts is None:
        refresh_conflict_count(conn)
    else:
        set_meta(conn, CONFLICTS_KEY, str(open_conflicts))


def open_conflict_ids(conn: Connection) -> set[str]:
    """Ids of the conflicts this device recorded that it still counts as open."""
    return set(conn.execute(_OPEN_CONFLICT_IDS).scalars())


def settle_conflicts(conn: Connection, still_open: set[str]) -> None:
    """Mark recorded conflicts the server no longer has open as RESOLVED."""
    for conflict_id in conn.execute(select(sync_conflict.c.conflict_id)
                                    .where(sync_conflict.c.status == "OPEN")).scalars().all():
        if conflict_id not in still_open:
            conn.execute(update(sync_conflict).where(sync_conflict.c.conflict_id == conflict_id)
                         .values(status="RESOLVED"))


def refresh_conflict_count(conn: Connection) -> int:
    """Store (and return) how many reported conflicts are still open."""
    count = conn.execute(_OPEN_CONFLICTS).scalar_one()
    set_meta(conn, CONFLICTS_KEY, str(count))
    return count


def pending_count(conn: Connection) -> int:
    return conn.execute(_PENDING).scalar_one()
