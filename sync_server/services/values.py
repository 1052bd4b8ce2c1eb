"""What a pushed value must be: the JSON form (app.core.codec) of its column's type.

Every value of every pushed change is checked here before anything is
written, so a refusal names the field and says why. The check for each
column is worked out once (a push checks thousands of values).
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, Table
from sqlalchemy.types import BigInteger

from app.core.schema import UTCDateTime, utc_range_problem

INT32 = (-(2 ** 31), 2 ** 31 - 1)
Check = Callable[[Any], "str | None"]


def value_problem(table: Table, name: str, value: Any) -> str | None:
    """Why `value` is not a valid JSON form of column `name`, or None if it is."""
    nullable, check = _checks(table)[name]
    if value is None:
        return None if nullable else "is required"
    return check(value)


def first_problem(table: Table, values: dict[str, Any]) -> tuple[str, str] | None:
    """(field, why) for the first of `values` that is not a valid JSON form of its
    column, or None if all are (`value_problem` for many fields, the plan looked up once)."""
    checks = _checks(table)
    for name, value in values.items():
        nullable, check = checks[name]
        problem = (None if nullable else "is required") if value is None else check(value)
        if problem:
            return name, problem
    return None


@lru_cache(maxsize=None)
def required_columns(table: Table) -> tuple[str, ...]:
    """Columns a new row must be given (not null, and no default to fall back on)."""
    return tuple(c.name for c in table.columns
                 if c.name not in ("id", "version") and not c.nullable
                 and c.server_default is None
                 and (c.default is None or callable(c.default.arg)))


@lru_cache(maxsize=None)
def _checks(table: Table) -> dict[str, tuple[bool, Check]]:
    return {c.name: (c.nullable, _check_of(c.type)) for c in table.columns}


def _check_of(kind) -> Check:
    if isinstance(kind, UTCDateTime):
        return _timestamp
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, LargeBinary):
        return _base64
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Integer):
        return _big_integer if isinstance(kind, BigInteger) else _integer
    if isinstance(kind, JSON):
        return _anything
    if isinstance(kind, String):
        return _text(kind.length)
    return _anything


def _timestamp(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be an ISO 8601 timestamp"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return "must be an ISO 8601 timestamp"
    return utc_range_problem(parsed) if parsed.tzinfo else "must carry a time zone"


def _date(value: Any) -> str | None:
    try:
        if isinstance(value, str):
            dt.date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return "must be a date (YYYY-MM-DD)"


def _base64(value: Any) -> str | None:
    try:
        if isinstance(value, str):
            base64.b64decode(value, validate=True)
            return None
    except (binascii.Error, ValueError):
        pass
    return "must be base64 text"


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _big_integer(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return "must be a whole number"
    return None


def _integer(value: Any) -> str | None:
    return _big_integer(value) or (None if INT32[0] <= value <= INT32[1] else "is out of range")


def _anything(value: Any) -> str | None:
    return None


def _text(length: int | None) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return "must be text"
        if "\x00" in value:
            return "must not contain NUL characters"
        if length and len(value) > length:
            return f"must be at most {length} characters long"
        return None
    return check
