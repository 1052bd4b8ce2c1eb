"""Batched inserts and updates straight to the SQLite driver, bypassing
per-value SQLAlchemy type processing, which dominates bulk-load time otherwise.
The client's replica (pull, units of work) and the SQLite sync server both
write through here.

Values are converted exactly as SQLAlchemy's SQLite dialect would store them
(timestamps as UTC text 'YYYY-MM-DD HH:MM:SS.ffffff', dates as ISO text, JSON
as text, booleans as 0/1), so rows written here read back identically
through the normal Table definitions. A test asserts that equivalence.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable

import orjson
from sqlalchemy import JSON, Boolean, Connection, Date, Table

from app.core.schema import UTCDateTime

_UTC = dt.timezone.utc


_last_stamp: tuple[Any, str] = (None, "")


def stored_timestamp(value: Any) -> Any:
    """A timezone-aware timestamp (or its JSON form) as the replica stores it, for
    driver-level SQL; None stays None."""
    global _last_stamp
    if value is None:
        return None
    last = _last_stamp  # read once: another thread may replace it meanwhile
    if value is last[0]:  # a unit of work stamps every row with the same `now`
        return last[1]
    original = value
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)  # validates, even on the fast path below
        if len(original) == 32 and original[19] == "." and original.endswith("+00:00"):
            # The wire form (app.core.codec): already UTC with microseconds, so the
            # stored text is a slice of it (a tenth of the cost of strftime).
            return f"{original[:10]} {original[11:26]}"
    if value.tzinfo is None:
        raise ValueError("naive datetime: timestamps must carry a time zone")
    if value.tzinfo is not _UTC:
        value = value.astimezone(_UTC)
    # isoformat, not strftime: half the cost, and the year is zero-padded to four
    # digits as SQLAlchemy's own format pads it (glibc's %Y does not).
    text = value.isoformat(" ", "microseconds")[:26]
    _last_stamp = (original, text)
    return text


def _date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


# The json module's encoder for what orjson refuses (integers beyond 64 bits), made once:
# json.dumps with any argument builds a new encoder per call.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _json(value: Any) -> Any:
    if value is None:
        return None
    try:
        return orjson.dumps(value).decode()  # several times faster than the json module
    except (TypeError, orjson.JSONEncodeError):
        return _encode_json(value)


def _bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


def converter(column) -> Callable[[Any], Any] | None:
    """The function that turns a Python or JSON value of `column` into what the
    SQLite dialect stores (None: stored as it is). Each handles None."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return stored_timestamp
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, JSON):
        return _json
    if isinstance(kind, Boolean):
        return _bool
    return None


@lru_cache(maxsize=None)
def _row_plan(table: Table, columns: tuple[str, ...]):
    """How dicts with `columns` become driver tuples: a getter of the values in order,
    and (position, converter) for the columns whose stored form differs."""
    getter = itemgetter(*columns) if len(columns) > 1 else (lambda r: (r[columns[0]],))
    convert = tuple((i, conv) for i, conv in enumerate(converter(table.c[c]) for c in columns)
                    if conv is not None)
    return getter, convert


def _stored(table: Table, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> list:
    getter, convert = _row_plan(table, columns)
    if not convert:
        return [getter(r) for r in rows]
    out = []
    for r in rows:
        values = list(getter(r))
        for i, conv in convert:
            values[i] = conv(values[i])
        out.append(tuple(values))
    return out


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into `table` in one executemany."""
    columns = tuple(rows[0])
    conn.exec_driver_sql(_insert_sql(table, columns), _stored(table, columns, rows))


def update_many(conn: Connection, table: Table, keys: tuple[str, ...],
                rows: list[dict[str, Any]]) -> None:
    """UPDATE each row (dicts with the same keys) by its `keys` columns, setting the
    others, in one executemany."""
    columns = tuple(c for c in rows[0] if c not in keys) + keys
    conn.exec_driver_sql(_update_sql(table, columns[:-len(keys)], keys),
                         _stored(table, columns, rows))


@lru_cache(maxsize=None)
def _insert_sql(table: Table, columns: tuple[str, ...]) -> str:
    return (f'INSERT INTO "{table.name}" ({", ".join(columns)}) '
            f'VALUES ({", ".join("?" * len(columns))})')


@lru_cache(maxsize=None)
def _update_sql(table: Table, columns: tuple[str, ...], keys: tuple[str, ...]) -> str:
    return (f'UPDATE "{table.name}" SET {", ".join(f"{c} = ?" for c in columns)} '
            f'WHERE {" AND ".join(f"{k} = ?" for k in keys)}')
