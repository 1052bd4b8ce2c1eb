"""Open the server database: SQLite (default) or PostgreSQL through psycopg 3.

SQLite connections run in WAL mode with foreign keys on, and every
transaction starts with BEGIN IMMEDIATE: the server reads then writes in
most transactions (lockout counts, the audit chain head, token rotation),
and an immediate write lock avoids the "database is locked" upgrade
failures a deferred transaction gets when two requests race. Transactions
that only read (`reading`) start deferred instead.
"""
from __future__ import annotations

import select
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, OperationalError

from app.core.errors import ValidationError
from app.core.sqlite_binding import bind_directly

from . import wal_checkpoints

bind_directly(sqlite3)  # app.core.sqlite_binding: Nones and table names, by the thousand

FIELD = "database-url"
REQUEST_THREADS = 8
"""Threads serving requests at once on PostgreSQL, and pooled connections to match.
A request there waits for the database part of its time, so more than SQLite's few
help; but every push holds the sequence lock (services/sequences.py) for its whole
transaction, and the thread holding it takes turns on the GIL with all the others.
50 devices syncing at once, pushes' p99 at the server: 4.3 s with anyio's default of
40 threads, 2.6 s with 16, 1.3 s with 8, 1.4 s with 4."""

SQLITE_REQUEST_THREADS = 4
"""Threads serving requests at once on SQLite. Its work is this process's own CPU, under
one GIL, and one writer at a time: more threads only take turns, and the one holding
the write lock waited for the GIL behind the others (50 devices syncing at once: server
p99 700 ms with 40 threads, 220-425 ms with 4). Requests beyond these wait their turn
on the event loop, in order."""


def request_threads(engine: Engine) -> int:
    """How many requests the API runs at once on `engine`'s database."""
    return SQLITE_REQUEST_THREADS if engine.dialect.name == "sqlite" else REQUEST_THREADS


def pushes_take_turns(engine: Engine) -> bool:
    """Whether pushes run one at a time in a lane of their own, apart from the request
    threads. On PostgreSQL they serialise on the sequence lock anyway, and waiting for
    it they held request threads that pulls, status and sign-ins queued behind (50
    devices: pulls' p99 at the server 477-512 ms without the lane, 100-114 ms with it;
    pushes' unchanged). SQLite's few threads already take turns on its write lock
    without starving anyone: a lane there measured no better."""
    return engine.dialect.name != "sqlite"


def parse_database_url(url: str) -> URL:
    """Check and normalise a database URL; `postgresql://` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError(
            FIELD, f"{url!r} is not a database URL; use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST:PORT/DATABASE"
        ) from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgresql" and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        if not parsed.database or parsed.database == ":memory:":
            raise ValidationError(FIELD, "SQLite needs a file path: sqlite:///PATH")
        return parsed
    raise ValidationError(
        FIELD, f"unsupported database {parsed.drivername!r}; use sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST:PORT/DATABASE"
    )


def make_engine(url: str, *, create_dirs: bool = False,
                background_checkpoints: bool = False) -> Engine:
    """An Engine for `url`, with the SQLite pragmas set on every connection.

    With `create_dirs`, the folder of a SQLite file is created if missing
    (only `init` and `run` do this, so a mistyped path elsewhere is an error
    rather than a new empty database). With `background_checkpoints`, SQLite
    connections leave checkpoints to a storage.wal_checkpoints.WalCheckpointer
    (the caller starts it) instead of running them inside a commit.
    """
    parsed = parse_database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database).expanduser()
        if create_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
        # A connection per request thread, and some for the CLI and tests, so a request
        # never waits for a pooled connection while others hold theirs.
        engine = create_engine(parsed.set(database=str(path)),
                               pool_size=SQLITE_REQUEST_THREADS * 2, max_overflow=10)
        _configure_sqlite(engine, background_checkpoints)
        return engine
    engine = create_engine(parsed, pool_size=REQUEST_THREADS, max_overflow=10)
    event.listen(engine, "do_connect", _session_limits)
    event.listen(engine, "checkout", _check_alive)
    return engine


IDLE_IN_TRANSACTION_S = 60.0
"""How long PostgreSQL lets one of our sessions sit idle inside a transaction before it
ends the session. Our transactions never pause that long; a server process cut off
from the network in the middle of one does, and until PostgreSQL ended it (by default
only once TCP gave up, hours later) it would hold the sequence lock, and with it every
device's push on every server process."""


def _session_limits(_dialect, _record, _cargs, cparams: dict) -> None:
    """Each PostgreSQL session waits for a lock at most WRITE_WAIT_S, as a SQLite writer
    does (the request is then told the server is busy, and the device syncs again
    later), and is ended after IDLE_IN_TRANSACTION_S idle inside a transaction. Set in
    the connection's startup options, so they cost no round trip; options given in the
    database URL come after ours, so an operator's own values win."""
    ours = (f"-c lock_timeout={int(WRITE_WAIT_S * 1000)} "
            f"-c idle_in_transaction_session_timeout={int(IDLE_IN_TRANSACTION_S * 1000)}")
    cparams["options"] = f"{ours} {cparams.get('options', '')}".strip()


def _check_alive(dbapi_conn, _record, _proxy) -> None:
    """Refuse a pooled PostgreSQL connection the server has ended (a restart, an
    administrator's pg_terminate_backend), so the pool opens a new one instead of the
    request failing. PostgreSQL tells an idle client it is ending its session, so a
    connection with anything to read while idle is dead; checking costs a poll of the
    socket, where `pool_pre_ping` cost a round trip on every checkout (two a request,
    ~3.5 % of the server's CPU under fifty devices)."""
    if dbapi_conn.closed or dbapi_conn.broken:
        raise DisconnectionError("the connection to the database is closed")
    readable, _, _ = select.select([dbapi_conn.fileno()], [], [], 0)
    if readable:
        raise DisconnectionError("the database ended this connection")


WRITE_WAIT_S = 10.0
"""How long a write transaction waits for the one before it (SQLite's busy timeout too,
and PostgreSQL's lock timeout)."""


def _configure_sqlite(engine: Engine, background_checkpoints: bool) -> None:
    # SQLite has one writer at a time. Waiting writers would otherwise poll in SQLite's
    # busy handler, which sleeps in growing steps (up to 100 ms) between tries: under many
    # devices at once most of a push's latency was that sleep. Writers of this process
    # queue on a lock instead and start the moment the previous one ends; the busy
    # handler remains for writers in other processes (the CLI, a second server).
    writer = threading.RLock()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA synchronous=NORMAL")
        if background_checkpoints:
            cur.execute(f"PRAGMA wal_autocheckpoint={wal_checkpoints.FALLBACK_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Readers (see `reading`) take a deferred transaction: in WAL mode it reads one
        # consistent snapshot and runs alongside the single writer instead of queueing.
        if conn.get_execution_options().get(READ_ONLY, False):
            conn.exec_driver_sql("BEGIN")
            return
        if not writer.acquire(timeout=WRITE_WAIT_S):
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError(
                f"database is locked: other writers held it for {WRITE_WAIT_S:.0f} s"))
        conn.info["custos_writer"] = True
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(conn)
            raise

    def _release(conn) -> None:
        if conn.info.pop("custos_writer", False):
            writer.release()

    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)


READ_ONLY = "custos_read_only"


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection that only reads (sign-in checks, pulls, status). On SQLite it is a
    deferred transaction: it does not take the write lock, so pulls do not wait for
    pushes, and its statements share one snapshot. On PostgreSQL its statements run
    without a transaction around them: under READ COMMITTED each statement sees a
    snapshot of its own either way (a pull relies on the head it read first, not on
    one snapshot: services/pull.py), and BEGIN and COMMIT were two round trips of
    every request's five or so."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn
        return
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn, conn.begin():
        yield conn


@contextmanager
def writing_beside(reader: Connection) -> Iterator[Connection]:
    """A connection for a small write made while `reader` (from `reading`) is held.

    On PostgreSQL it is `reader` itself: it runs in autocommit, so each statement
    commits at once, and a second pooled connection held with the first can exhaust the
    pool under a burst (50 devices' first syncs, each noting its token's first use, had
    the pool open and close overflow connections). On SQLite it is a write transaction
    of its own: a reader's snapshot cannot write."""
    if reader.dialect.name == "postgresql":
        yield reader
        return
    with reader.engine.begin() as conn:
        yield conn


def describe(engine: Engine) -> str:
    """The database location for messages, without any password."""
    return engine.url.render_as_string(hide_password=True)
