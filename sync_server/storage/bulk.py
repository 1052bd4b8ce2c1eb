"""Many rows written with one statement: a push writes its whole batch this way.

On SQLite the values go to the driver already in their stored form
(app.core.sqlite_rows, the same conversions the client's replica uses), which
skips SQLAlchemy's per-value type processing, most of a push's write time.
On PostgreSQL inserts go straight to psycopg too (storage/postgresql_rows.py),
and updates through SQLAlchemy's executemany, which psycopg pipelines. All
store exactly what a one-row SQLAlchemy statement would.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, bindparam, update

from app.core import sqlite_rows

from . import postgresql_rows


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys, Python values)."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        sqlite_rows.insert_many(conn, table, rows)
    elif conn.dialect.name == "postgresql":
        postgresql_rows.insert_many(conn, table, rows)
    else:
        conn.execute(table.insert(), rows)


def update_rows(conn: Connection, table: Table, keys: tuple[str, ...],
                rows: list[dict[str, Any]]) -> None:
    """UPDATE each of `rows` (dicts with the same keys) found by its `keys` columns,
    setting its other columns."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        sqlite_rows.update_many(conn, table, keys, rows)
    else:
        conn.execute(_update_by(table, keys),
                     [{f"_key_{k}" if k in keys else k: v for k, v in r.items()} for r in rows])


@lru_cache(maxsize=None)
def _update_by(table: Table, keys: tuple[str, ...]):
    return update(table).where(and_(*(table.c[k] == bindparam(f"_key_{k}") for k in keys)))


def refresh_statistics(engine: Engine, tables: list[Table]) -> None:
    """Have PostgreSQL's planner count the rows a bulk load just wrote (ANALYZE), as
    after any bulk load, rather than plan on guesses until autovacuum gets to them
    (a minute or more). Without counts the planner takes a freshly loaded table for
    a few pages, and a prepared statement may then be planned once for any value:
    a pull page's read scanned the whole table for every page, until it was no
    longer prepared (services/pull.py). SQLite plans each statement as it prepares
    it and looks rows up by primary key whatever it knows of a table."""
    if engine.dialect.name != "postgresql":
        return
    names = ", ".join(engine.dialect.identifier_preparer.format_table(t) for t in tables)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f"ANALYZE {names}")
