"""Loading a whole facility at once: indexes and search kept aside, then rebuilt once.

A first sync writes hundreds of thousands of rows. Kept up to date row by
row, the secondary indexes of the replicated tables and the person search
index (search_doc and its FTS5 index, fed by triggers) cost more than the
rows themselves, and their cost grows with the replica. Built once at the
end, from the finished tables, they cost a fraction of that.

    begin(conn)            in a write transaction: drop the non-unique indexes of
                           the replicated tables and the search triggers, and keep
                           their exact DDL in replica_meta (key `bulk_load`)
    finish(engine, step)   recreate them and rebuild the search index, a few
                           short transactions; each step removes what it rebuilt
                           from the kept list, so an interrupted finish resumes

What is kept aside is recorded in the same transaction that drops it, so a
replica is never without its indexes unknowingly: a sync that stops half-way
(cancelled, killed, offline) leaves the record, the next sync resumes the
load and finishes it, and opening the replica finishes it too (`finish` is
idempotent). Unique indexes stay in place: they are rules, not speed.
While the load runs, reads are correct but slower, and person search does not
yet see the people being loaded.
"""
from __future__ import annotations

import json
from typing import Callable

from sqlalchemy import Connection, Engine

from app.core.schema import REPLICATED_TABLES
from app.storage.engine import CACHE_KIB

MARKER = "bulk_load"
BUILD_CACHE_KIB = 128_000  # the page cache while indexes are built (then CACHE_KIB again)

# The search index, rebuilt from the tables (the statements of migration 0002's upgrade).
_SEARCH_DOCS = (
    "INSERT INTO search_doc(source_id, person_id, kind, text) SELECT id, id, 'name', "
    "trim(coalesce(first_name,'') || ' ' || coalesce(middle_names,'') || ' ' || last_name) "
    "FROM person",
    "INSERT INTO search_doc(source_id, person_id, kind, text) SELECT id, person_id, 'alias', "
    "trim(first_name || ' ' || last_name) FROM person_alias",
    "INSERT INTO search_doc(source_id, person_id, kind, text) SELECT id, person_id, "
    "'identifier', value FROM person_identifier",
)


def active(conn: Connection) -> bool:
    """Whether a bulk load has begun and not finished."""
    return _kept(conn) is not None


def begin(conn: Connection) -> bool:
    """Set the indexes and search triggers aside (in the caller's write transaction);
    False if a load had already begun."""
    if active(conn):
        return False
    tables = tuple(REPLICATED_TABLES)
    marks = ", ".join("?" * len(tables))
    kept = conn.exec_driver_sql(
        f"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        f"(type = 'index' AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE %') OR "
        "(type = 'trigger' AND (tbl_name = 'search_doc' OR name LIKE '%\\_search\\_%' "
        "ESCAPE '\\'))) ORDER BY type, name", tables).all()
    for kind, name, _sql in kept:
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    conn.exec_driver_sql("INSERT INTO replica_meta (key, value) VALUES (?, ?)",
                         (MARKER, json.dumps([sql for _k, _n, sql in kept])))
    return True


def finish(engine: Engine, step: Callable[[int, int], None] = lambda done, total: None) -> bool:
    """Rebuild what `begin` set aside; False if there was nothing to do.

    Indexes are recreated one per transaction (each a second or so at 100,000
    people, so someone saving a record meanwhile waits little), then the search
    index is rebuilt and its triggers put back in one transaction. `step(done,
    total)` is called after each.

    All of it runs on one connection with a BUILD_CACHE_KIB page cache, given
    back when done: a table's second and third index then read its pages
    from the cache instead of reading and decrypting them again (100,000
    people: 3.2-3.5 s instead of 3.7-4.2 s, alternating in one process).
    """
    with engine.connect() as conn:
        kept = _kept(conn)
        conn.rollback()  # end the read: each step below is its own transaction
        if kept is None:
            return False
        raw = conn.connection.driver_connection
        raw.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
        try:
            _rebuild(conn, kept, step)
        finally:
            raw.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            raw.execute("PRAGMA shrink_memory")
    return True


def _rebuild(conn: Connection, kept: list[str], step: Callable[[int, int], None]) -> None:
    indexes = [sql for sql in kept if sql.startswith(("CREATE INDEX", "CREATE UNIQUE"))]
    total = len(indexes) + 1
    for done, sql in enumerate(indexes, 1):
        with conn.begin():
            remaining = _kept(conn)
            if remaining is None or sql not in remaining:
                continue  # another process finished it meanwhile
            conn.exec_driver_sql(_if_missing(sql))
            _keep(conn, [s for s in remaining if s != sql])
        step(done, total)
    with conn.begin():
        remaining = _kept(conn)
        if remaining is not None:
            conn.exec_driver_sql("DELETE FROM search_doc")
            for sql in _SEARCH_DOCS:
                conn.exec_driver_sql(sql)
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            for sql in remaining:
                conn.exec_driver_sql(_if_missing(sql))
            conn.exec_driver_sql("DELETE FROM replica_meta WHERE key = ?", (MARKER,))
    step(total, total)


def _if_missing(sql: str) -> str:
    """The statement made harmless if its object exists: a migration that ran during the
    load may have created a newer definition, which stands."""
    for kind in ("CREATE INDEX ", "CREATE TRIGGER "):
        if sql.startswith(kind):
            return f"{kind}IF NOT EXISTS {sql[len(kind):]}"
    return sql


def _kept(conn: Connection) -> list[str] | None:
    value = conn.exec_driver_sql("SELECT value FROM replica_meta WHERE key = ?",
                                 (MARKER,)).scalar()
    return None if value is None else json.loads(value)


def _keep(conn: Connection, statements: list[str]) -> None:
    conn.exec_driver_sql("UPDATE replica_meta SET value = ? WHERE key = ?",
                         (json.dumps(statements), MARKER))
