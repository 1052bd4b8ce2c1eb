"""A server whose SQLite database stays write-locked past its busy timeout.

This is what 50 devices pushing at once produce (benchmarks/
bench_sync_concurrency.py: pushes queue on SQLite's single write lock, and
the ones that wait longer than the 10 s busy timeout fail with "database is
locked"). The server must say it is busy (503, with a hint to retry), not
report an internal failure (500); the client keeps its outbox either way,
and the next sync completes with nothing lost or duplicated.
"""
from __future__ import annotations

import sqlite3
import time

from app.sync.engine import SyncEngine

from .helpers import assert_nothing_lost_or_duplicated, clean_sync, fresh_access, write_people


def test_a_push_that_cannot_get_the_write_lock_is_told_busy_not_failed(devices,
                                                                       signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a)
    write_people(a, alice, 2, "Busy")
    holder = sqlite3.connect(signed_in_server.db_path, isolation_level=None, timeout=1)
    holder.execute("BEGIN IMMEDIATE")  # another writer: a long push, a backup, a bulk load
    try:
        started = time.monotonic()
        summary = SyncEngine(a).run()
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not summary.completed and summary.pending == 4
    assert waited < 60
    assert summary.error_code != "internal_error" and "busy" in summary.error.lower(), (
        f"a locked database is reported as a server failure: {summary.error_code}: "
        f"{summary.error}")
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])
