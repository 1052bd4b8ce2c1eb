"""Batched inserts straight to the SQLite driver, bypassing per-value
SQLAlchemy type processing, which dominates bulk-load time otherwise.

Values are converted exactly as SQLAlchemy's SQLite dialect would store them
(timestamps as UTC text 'YYYY-MM-DD HH:MM:SS.ffffff', dates as ISO text, JSON
as text, booleans as 0/1), so rows written here read back identically
through the normal Table definitions. A test asserts that equivalence.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Connection, Date, Table

from app.core.schema import UTCDateTime

_UTC = dt.timezone.utc


_last_stamp: tuple[Any, str] = (None, "")


def _timestamp(value: Any) -> Any:
    global _last_stamp
    if value is None:
        return None
    if value is _last_stamp[0]:  # a unit of work stamps every row with the same `now`
        return _last_stamp[1]
    original = value
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        raise ValueError("naive datetime: timestamps must carry a time zone")
    text = value.astimezone(_UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    _last_stamp = (original, text)
    return text


def _date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _json(value: Any) -> Any:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _converter(column) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _timestamp
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, JSON):
        return _json
    if isinstance(kind, Boolean):
        return _bool
    return None


@lru_cache(maxsize=None)
def _plan(table: Table, columns: tuple[str, ...]):
    sql = (f'INSERT INTO "{table.name}" ({", ".join(columns)}) '
           f'VALUES ({", ".join("?" * len(columns))})')
    converters = [_converter(table.c[c]) for c in columns]
    return sql, converters


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into `table` in one executemany."""
    columns = tuple(rows[0])
    sql, converters = _plan(table, columns)
    params = [
        tuple(v if conv is None else conv(v) for v, conv in zip((r[c] for c in columns), converters))
        for r in rows
    ]
    conn.exec_driver_sql(sql, params)
