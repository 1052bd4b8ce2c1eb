"""The append-only, hash-chained audit log of a replica.

Each entry's hash is SHA-256(previous hash ‖ canonical JSON of the entry),
so changing, removing or reordering any entry breaks every hash after it.
The head (last seq and hash) is also kept in replica_meta in the same
transaction, which catches truncation of the tail, and it travels with
every sync so the server can notice a rewritten history.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from app.core.codec import to_json
from app.storage import meta
from app.storage.local_tables import audit_log

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def canonical(entry: dict[str, Any]) -> str:
    """The exact text that is hashed for one entry."""
    fields = ("seq", "at", "username", "device_id", "action", "table_name", "row_id",
              "detail", "outcome")
    return json.dumps([to_json(entry[f]) for f in fields], sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode("utf-8")).hexdigest()


# Built once: every user action and every sync write reads the head and appends.
_HEAD = select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
_INSERT = insert(audit_log)


def read_head(conn: Connection) -> tuple[int, str]:
    """(last seq, last hash) of the chain, from the log itself."""
    row = conn.execute(_HEAD).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


class AuditWriter:
    """Appends entries within one transaction, chaining from the current head.

    `emit(table, row)` writes a row; the unit of work passes its buffered
    insert so audit entries are written in bulk with the changes they record.
    """

    def __init__(self, conn: Connection, emit=None):
        self._conn = conn
        self._emit = emit or (lambda _table, row: conn.execute(_INSERT, row))
        self._seq, self._hash = read_head(conn)
        self._dirty = False

    def append(self, *, at: dt.datetime, username: str, device_id: str, action: str,
               table_name: str | None = None, row_id: str | None = None,
               detail: dict[str, Any] | None = None, outcome: str = "OK") -> None:
        entry = {
            "seq": self._seq + 1, "at": at, "username": username, "device_id": device_id,
            "action": action, "table_name": table_name, "row_id": row_id,
            "detail": detail or {}, "outcome": outcome,
        }
        digest = entry_hash(self._hash, entry)
        self._emit(audit_log, {**entry, "prev_hash": self._hash, "hash": digest})
        self._seq, self._hash = entry["seq"], digest
        self._dirty = True

    def flush(self) -> None:
        """Record the chain head in replica_meta (call once, before commit)."""
        if not self._dirty:
            return
        meta.write(self._conn, HEAD_KEY, json.dumps({"seq": self._seq, "hash": self._hash}))
        self._dirty = False


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken: int | None = None
    reason: str | None = None


def verify_chain(conn: Connection) -> ChainReport:
    """Recompute the chain; report the first entry that does not verify."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).mappings()
    for row in rows:
        count += 1
        if row["seq"] != expected_seq:
            return ChainReport(False, count, expected_seq,
                               f"entry {expected_seq} is missing (next entry is {row['seq']})")
        if row["prev_hash"] != prev_hash:
            return ChainReport(False, count, row["seq"],
                               f"entry {row['seq']} does not link to the entry before it")
        if entry_hash(prev_hash, dict(row)) != row["hash"]:
            return ChainReport(False, count, row["seq"],
                               f"entry {row['seq']} was altered after it was written")
        prev_hash, expected_seq = row["hash"], expected_seq + 1
    stored = meta.read(conn, HEAD_KEY)
    if stored is not None:
        head = json.loads(stored)
        if head["seq"] != expected_seq - 1 or head["hash"] != prev_hash:
            return ChainReport(False, count, head["seq"],
                               f"the log ends at entry {expected_seq - 1} but entry {head['seq']} "
                               "was recorded as its head: entries were removed from the end")
    return ChainReport(True, count)
