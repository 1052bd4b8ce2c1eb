"""Turn column values into JSON and back, by the column's type.

The outbox, the audit log and the sync protocol all carry row values as JSON.
Dates and timestamps travel as ISO 8601 (timestamps in UTC with an offset),
binary data as base64; everything else is already JSON.
"""
from __future__ import annotations

import base64
import datetime as dt
from typing import Any, Callable

from sqlalchemy import Date, LargeBinary, Table

from app.core.schema import UTCDateTime


_PLAIN = (str, int, float, bool, type(None), dict, list)


def to_json(value: Any) -> Any:
    """A JSON-ready form of one column value."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def from_json(table: Table, column: str, value: Any) -> Any:
    """The Python value of `column` in `table` from its JSON form."""
    if value is None:
        return None
    parse = parser(table.c[column])
    return value if parse is None else parse(value)


def parser(column) -> Callable[[Any], Any] | None:
    """The function turning a (non-None) JSON value of `column` into its Python value;
    None where the JSON value already is the Python value."""
    col_type = column.type
    if isinstance(col_type, UTCDateTime):
        return dt.datetime.fromisoformat
    if isinstance(col_type, Date):
        return dt.date.fromisoformat
    if isinstance(col_type, LargeBinary):
        return base64.b64decode
    return None


def row_to_json(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON-ready copy of a whole row."""
    return {k: to_json(v) for k, v in row.items()}
