"""Batched inserts straight to psycopg, for a push's writes on PostgreSQL.

SQLAlchemy's executemany ran each value through its type processing and its
statement machinery; for a push's half-dozen small batches that was about a
third of the push's CPU, and a push's CPU is what fifty devices syncing at
once queue for. Here the statement is built once per table and column set,
with an explicit cast per column, and the values go to psycopg as they are,
except that:

- timestamps must carry a time zone, as `UTCDateTime` demands (a naive one
  would be read in the session's zone: a wrong time on a legal record);
  ISO strings are parsed first, as `UTCDateTime` parses them;
- JSON values are serialised here (app.core.sqlite_rows, as on SQLite).

Rows written here read back through the Table definitions exactly as rows
written by SQLAlchemy do; tests/server/test_bulk_writes.py checks that.
"""
from __future__ import annotations

from functools import lru_cache, partial
from operator import itemgetter
from typing import Any, Callable

from sqlalchemy import JSON, Connection, String, Table
from sqlalchemy.dialects import postgresql

from app.core import sqlite_rows
from app.core.schema import UTCDateTime

_DIALECT = postgresql.dialect()


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys, Python values) in one executemany."""
    columns = tuple(rows[0])
    sql, getter, convert = _plan(table, columns)
    if convert:
        params = []
        for row in rows:
            values = list(getter(row))
            for i, function in convert:
                if values[i] is not None:
                    values[i] = function(values[i])
            params.append(tuple(values))
    else:
        params = [getter(row) for row in rows]
    conn.exec_driver_sql(sql, params)  # SQLAlchemy still wraps the driver's errors


@lru_cache(maxsize=None)
def _plan(table: Table, columns: tuple[str, ...]) -> tuple[str, Callable, tuple]:
    """(INSERT with a cast per column, a getter of the values in order, (position,
    converter) for the values that need one)."""
    casts = ", ".join(f"%s::{_cast(table.c[c])}" for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({casts})'
    getter = itemgetter(*columns) if len(columns) > 1 else (lambda r: (r[columns[0]],))
    convert = tuple((i, function) for i, function in
                    enumerate(_converter(table.c[c]) for c in columns) if function is not None)
    return sql, getter, convert


def _cast(column) -> str:
    """The type to cast a value to. Strings to VARCHAR without a length, as SQLAlchemy's
    own statements cast them: an explicit cast to VARCHAR(n) would cut a long value
    short, where inserting it must fail ("value too long")."""
    if isinstance(column.type, String):
        return "VARCHAR"
    return column.type.compile(dialect=_DIALECT)


def _converter(column) -> Callable[[Any], Any] | None:
    if isinstance(column.type, UTCDateTime):  # the type's own check: parsed, never naive
        return partial(column.type.process_bind_param, dialect=_DIALECT)
    if isinstance(column.type, JSON):
        return sqlite_rows.converter(column)
    return None
