"""The server's audit log: append-only and hash-chained.

Each entry's hash is SHA-256(previous hash || canonical row), where the
canonical row is the entry's fields as JSON with sorted keys and no spaces.
Changing, removing or reordering any entry breaks every hash after it, and
`verify` finds the first break. The migration adds triggers that refuse
UPDATE and DELETE, so even a bug in the server cannot rewrite history.

Appends go through the single-row chain head: it is updated first, which
makes concurrent appenders (threads or separate server processes) queue on
its lock, so the chain never forks and sequence numbers have no gaps.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, update

from ..storage.tables import GENESIS_HASH, audit, audit_head

# Built once: every push and sign-in appends, and building a statement cost several
# times what executing it did.
# One statement takes the next number and reads the previous hash; the row stays locked
# until commit.
_BUMP_HEAD = update(audit_head).where(audit_head.c.id == 1) \
    .values(seq=audit_head.c.seq + 1).returning(audit_head.c.seq, audit_head.c.hash)
_READ_HEAD = select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)
HOLD_HEAD = _READ_HEAD.with_for_update()
"""The head, locked until commit (see `HeldHead`)."""
_INSERT = audit.insert()
_SET_HEAD = update(audit_head).where(audit_head.c.id == 1) \
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
# PostgreSQL writes the entry and the head in one statement (a data-modifying CTE; SQLite
# has none): every push and sign-in appends, inside the push's locked section. Its
# parameters are the entry's fields prefixed `e_` (SQLAlchemy reserves column names).
_INSERT_AND_SET_HEAD = update(audit_head).where(audit_head.c.id == 1) \
    .values(seq=bindparam("e_seq"), hash=bindparam("e_hash")) \
    .add_cte(audit.insert().values({c.name: bindparam(f"e_{c.name}") for c in audit.columns})
             .cte("entry"))


class HeldHead:
    """The chain head as HOLD_HEAD read it, its row locked by the caller's transaction:
    appends given it take their numbers and previous hashes from it instead of bumping
    the head first (_BUMP_HEAD), so a push sends its entry with its other writes and its
    COMMIT, a round trip fewer inside its locked section."""

    def __init__(self, seq: int, last_hash: str):
        self.seq, self.hash = seq, last_hash


@dataclass(frozen=True)
class Origin:
    """Where an action came from: the API (client IP, device) or the admin CLI."""

    source: str  # "api" or "cli"
    client_ip: str | None = None
    device_id: str | None = None


def canonical_time(at: dt.datetime) -> str:
    """A UTC time as it is stored and hashed: 2026-01-31T12:00:00.000000Z."""
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value) -> str:
    """JSON with sorted keys and no insignificant whitespace."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_HASHED = ("seq", "at", "actor", "action", "target", "outcome", "source", "client_ip",
           "device_id", "details")


def entry_hash(prev_hash: str, row: dict) -> str:
    """SHA-256(prev_hash || canonical row) of one audit entry, as hex."""
    canonical = canonical_json({k: row[k] for k in _HASHED})
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical.encode("utf-8")).hexdigest()


def append(conn: Connection, *, at: dt.datetime, actor: str, action: str, outcome: str,
           origin: Origin, target: str | None = None, details: dict | None = None,
           held: HeldHead | None = None) -> int:
    """Add one entry to the chain in the caller's transaction; return its sequence number.
    `held`: the head the caller's transaction read and locked (a push); it is moved on."""
    if held is None:
        seq, prev_hash = conn.execute(_BUMP_HEAD).one()
    else:
        seq, prev_hash = held.seq + 1, held.hash
    row = {
        "seq": seq,
        "at": canonical_time(at),
        "actor": actor,
        "action": action,
        "target": target,
        "outcome": outcome,
        "source": origin.source,
        "client_ip": origin.client_ip,
        "device_id": origin.device_id,
        "details": canonical_json(details or {}),
    }
    row["prev_hash"] = prev_hash
    row["hash"] = entry_hash(prev_hash, row)
    if conn.dialect.name == "postgresql":
        conn.execute(_INSERT_AND_SET_HEAD, {f"e_{k}": v for k, v in row.items()})
    else:
        conn.execute(_INSERT, row)
        conn.execute(_SET_HEAD, {"new_seq": seq, "new_hash": row["hash"]})
    if held is not None:
        held.seq, held.hash = seq, row["hash"]
    return seq


@dataclass(frozen=True)
class ChainCheck:
    """The result of verifying the chain: `ok`, entries checked, and the first problem."""

    ok: bool
    entries: int
    problem: str | None = None
    bad_seq: int | None = None


def verify(conn: Connection) -> ChainCheck:
    """Recompute the whole chain and compare it with the stored hashes and head."""
    prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    for row in conn.execute(select(audit).order_by(audit.c.seq)).mappings():
        if row["seq"] != expected_seq:
            return ChainCheck(False, count, f"entry {expected_seq} is missing", expected_seq)
        if row["prev_hash"] != prev:
            return ChainCheck(False, count, f"entry {row['seq']} does not follow the one "
                              "before it", row["seq"])
        if entry_hash(prev, dict(row)) != row["hash"]:
            return ChainCheck(False, count, f"entry {row['seq']} was altered", row["seq"])
        prev = row["hash"]
        expected_seq += 1
        count += 1
    head_seq, head_hash = conn.execute(_READ_HEAD).one()
    if (head_seq, head_hash) != (count, prev):
        return ChainCheck(False, count, f"the chain head says {head_seq} entries but "
                          f"{count} are present: entries were removed", count + 1)
    return ChainCheck(True, count)
