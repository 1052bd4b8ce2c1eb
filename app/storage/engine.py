"""Open an encrypted replica file as a SQLAlchemy engine.

SQLCipher (AES-256) with a raw 256-bit key from the keyring, WAL journal,
foreign keys on, and BEGIN IMMEDIATE for every transaction: two writers
(the UI's worker and the sync worker) then queue on the write lock at the
start of a transaction instead of failing half-way through with
SQLITE_BUSY on upgrade from a read lock.

synchronous=FULL: a committed user action is on disk before the UI says
so. In WAL mode this costs one fsync per commit; legal records justify it.
"""
from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.core.errors import ReplicaError
from app.core.sqlite_binding import bind_directly

bind_directly(sqlcipher3)  # app.core.sqlite_binding: Nones and table names, by the million

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32_000  # page cache per connection


def _connect(path: Path, key: bytes):
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # SQLCipher logs a wrong key to stderr itself; the ReplicaError says it better.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise ReplicaError(
                f"cannot open the replica {path}: the key is wrong or the file is not a "
                "Custos replica"
            ) from exc
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


def open_engine(path: Path, key: bytes, *, writer: bool = True, pool_size: int = 4) -> Engine:
    """An engine on the encrypted replica at `path` (created if absent).

    A writer engine starts every transaction with BEGIN IMMEDIATE; a reader
    engine with a deferred BEGIN, which in WAL mode reads a consistent
    snapshot without ever waiting for, or blocking, a writer.
    """
    if len(key) != 32:
        raise ReplicaError("a replica key must be 256 bits")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Open once eagerly so a wrong key fails here, with a clear message.
    _connect(path, key).close()
    engine = create_engine(
        "sqlite://",
        # The DB-API module is sqlcipher3, not sqlite3: SQLAlchemy must know, or it
        # cannot recognise (and wrap) sqlcipher3's IntegrityError and friends.
        module=sqlcipher3,
        creator=lambda: _connect(path, key),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=30,
    )

    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(begin)

    return engine


def storage_problem(exc: BaseException) -> tuple[str, str] | None:
    """(code, message) for a replica error a user can act on, else None.

    A full disk is the one such error seen in the field: SQLite refuses the
    write and rolls the transaction back, so nothing committed is lost and
    the work can simply be done again once there is space.
    """
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return ("disk_full", "this device's disk is full: free some space and try again "
                             "(nothing was lost: what was saved before stays saved)")
    return None
