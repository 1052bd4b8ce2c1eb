"""Small input checks shared by the domain services.

Each raises ValidationError naming the field, before anything is written.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.errors import ValidationError
from app.core.schema import utc_range_problem


def text(value: Any, field: str, *, max_len: int = 200, required: bool = True) -> str | None:
    """A stripped, non-empty string (or None when optional and blank)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "is required")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    value = value.strip()
    if len(value) > max_len:
        raise ValidationError(field, f"must be at most {max_len} characters")
    return value


def date(value: Any, field: str, *, required: bool = True) -> dt.date | None:
    """A date, from a date or an ISO string."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required")
        return None
    if isinstance(value, dt.datetime):
        raise ValidationError(field, "must be a date, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(field, f"{value!r} is not a date (use YYYY-MM-DD)")


def timestamp(value: Any, field: str, *, required: bool = True) -> dt.datetime | None:
    """A timezone-aware datetime, from a datetime or an ISO string with offset."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required")
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, f"{value!r} is not a date and time") from None
    if not isinstance(value, dt.datetime):
        raise ValidationError(field, "must be a date and time")
    if value.tzinfo is None:
        raise ValidationError(field, "must include a time zone")
    problem = utc_range_problem(value)
    if problem:
        raise ValidationError(field, problem)
    return value


def integer(value: Any, field: str, *, minimum: int | None = None,
            maximum: int | None = None, required: bool = True) -> int | None:
    """A whole number within bounds."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number")
    if minimum is not None and value < minimum:
        raise ValidationError(field, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise ValidationError(field, f"must be at most {maximum}")
    return value


def not_before(later: Any, earlier: Any, field: str, earlier_name: str) -> None:
    """Dates in the right order: `later` may not fall before `earlier`."""
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(field, f"cannot be before {earlier_name}")


def not_future(value: Any, now: dt.datetime, field: str) -> None:
    """A date or time that must already have happened."""
    if value is None:
        return
    limit = now if isinstance(value, dt.datetime) else now.date()
    if value > limit:
        raise ValidationError(field, "cannot be in the future")



