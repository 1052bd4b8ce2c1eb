"""Server sequences and the server epoch.

Every accepted change gets the next server sequence, and pulls read "every
row changed after sequence N". That only works if a change can never become
visible after a change with a higher number: otherwise a puller whose cursor
already passed it would skip it for ever. With PostgreSQL, numbers taken
from a SEQUENCE commit in any order, so we do not use one. Instead a writer
locks the single `srv_sync_state` row (SELECT ... FOR UPDATE) before taking
numbers and holds the lock until it commits: the next writer can take
numbers only after the previous one committed or rolled back, so numbers
become visible in order, across threads and across server processes sharing
one database. On SQLite, BEGIN IMMEDIATE (storage/engine.py) already gives
each writer the database's single write lock for the whole transaction.

The epoch names one history of the database. It is new when the database
is created and when an operator says it was restored from a backup
(`custos-server restored-from-backup`); clients that see a new epoch pull
from the start and re-push what the restored server lacks.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Connection, bindparam, select, update

from ..storage.pipelines import Pipeline
from ..storage.sync_tables import sync_state
from . import audit


# Built once (every push and pull reads the state; building cost more than reading).
_READ = select(sync_state).where(sync_state.c.id == 1)
_LOCK = _READ.with_for_update()
_SET_HEAD = update(sync_state).where(sync_state.c.id == 1).values(head_seq=bindparam("head"))


@dataclass(frozen=True)
class SyncState:
    epoch: str
    head_seq: int
    epoch_started_at: dt.datetime
    epoch_reason: str


def read_state(conn: Connection) -> SyncState:
    """The epoch and the head sequence, without locking (for pulls and status)."""
    return _state(conn.execute(_READ).mappings().one())


def state_in(pipe: Pipeline) -> Callable[[], SyncState]:
    """`read_state` sent in a pipeline with other reads: the function returned gives the
    state once the pipeline has ended."""
    rows = pipe.mappings(_READ)
    return lambda: _state(rows()[0])


def _state(row) -> SyncState:
    return SyncState(row["epoch"], row["head_seq"], row["epoch_started_at"],
                     row["epoch_reason"])


def lock_statement(conn: Connection):
    """The statement that reads the state row and takes the sequence lock (on SQLite, the
    transaction's write lock is the sequence lock: the row is only read)."""
    return _LOCK if conn.dialect.name == "postgresql" else _READ


class Allocator:
    """Hands out server sequences inside one transaction, under the state row's lock.

    Create it at the start of a writing transaction (it takes the lock), call
    `next()` per change and `finish()` before commit (it stores the new head).
    """

    def __init__(self, conn: Connection, locked=None):
        """`locked`: the state row, if the caller read it with `lock_statement` already."""
        self.conn = conn
        row = locked if locked is not None else conn.execute(lock_statement(conn)).one()
        self.epoch: str = row.epoch
        self.start: int = row.head_seq
        self.head: int = row.head_seq

    def next(self) -> int:
        self.head += 1
        return self.head

    def take(self, count: int) -> range:
        """`count` consecutive sequences at once (bulk loads)."""
        first = self.head + 1
        self.head += count
        return range(first, self.head + 1)

    def finish(self) -> None:
        if self.head != self.start:
            self.conn.execute(_SET_HEAD, {"head": self.head})


def rotate_epoch(conn: Connection, *, now: dt.datetime, reason: str, actor: str,
                 origin: audit.Origin) -> SyncState:
    """Start a new epoch (after a restore from backup); every client re-syncs."""
    old = Allocator(conn)  # lock: no push may interleave with the switch
    epoch = str(uuid.uuid4())
    conn.execute(update(sync_state).where(sync_state.c.id == 1)
                 .values(epoch=epoch, epoch_started_at=now, epoch_reason=reason))
    audit.append(conn, at=now, actor=actor, action="epoch_rotated", outcome="success",
                 origin=origin, target=f"epoch:{epoch}",
                 details={"previous": old.epoch, "reason": reason, "head_seq": old.head})
    return read_state(conn)
