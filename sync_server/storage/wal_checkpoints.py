"""Copying a SQLite server's write-ahead log into the database file, off the request path.

In WAL mode every commit appends pages to the `-wal` file, and those pages
are copied back into the database file by a checkpoint. By default SQLite
runs that checkpoint inside whichever commit finds the log past 1,000
pages: on a large server database that commit pays for copying and syncing
thousands of scattered pages, and a push that normally takes 100 ms took
500-700 ms, once every few pushes, for whoever happened to be unlucky.

A running server (`create_app`'s lifespan) instead checkpoints from a
thread of its own every half second; request connections only checkpoint
themselves if the log grows past FALLBACK_PAGES, which happens only when
that thread is not running (tests that never start the app, the admin
command line) or cannot keep up. The checkpoints are PASSIVE: they copy what
no reader still needs and never wait for, or block, a reader or the writer.
SQLite releases the GIL while it copies, so requests keep being served.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine

FALLBACK_PAGES = 16_000
"""`wal_autocheckpoint` of request connections when a checkpointer runs (64 MB of 4 KB
pages): far beyond what the checkpointer lets build up, and still a bound if it stops."""

INTERVAL_S = 0.5

log = logging.getLogger(__name__)


def database_path(engine: Engine) -> Path | None:
    """The file of a SQLite engine; None for other databases."""
    if engine.dialect.name != "sqlite":
        return None
    return Path(engine.url.database)


class WalCheckpointer:
    """A daemon thread that checkpoints the database at `path` every `interval` seconds.

        checkpointer = WalCheckpointer(path).start()
        ...
        checkpointer.stop()
    """

    def __init__(self, path: Path, interval: float = INTERVAL_S):
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "WalCheckpointer":
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            # Its own connection, outside the pool: it never takes a request's place.
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 1000")
            while not self._stop.wait(self.interval):
                try:
                    # (busy, pages in the log, pages copied): busy means another process
                    # is checkpointing; either way the next round looks again.
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as exc:  # a busy database: the next round tries again
                    log.debug("WAL checkpoint skipped: %s", exc)
        except sqlite3.Error as exc:
            # The connections' own fallback checkpoints still bound the log.
            log.warning("background WAL checkpoints stopped: %s", exc)
        finally:
            if conn is not None:
                conn.close()
