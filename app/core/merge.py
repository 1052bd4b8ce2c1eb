"""Field-level three-way merge of a pushed change into the server's row.

Qt-free and database-free: the server uses it to apply pushed changes, and a
client may use it to re-apply its pending changes on top of pulled rows.

Every change carries, per field, the value it was based on (`before`) and
the value it sets (`after`). Against the row as the server holds it now:

  server == after            nothing to do (the same edit arrived twice, or
                             both sides made the same edit)
  server == before           nobody else touched the field: take `after`
  otherwise                  both sides changed the field: a CONFLICT. The
                             server's value stands provisionally; the conflict
                             keeps base, server and client values, and central
                             office settles it with a new change.

Different fields of one record therefore merge on their own, and nothing is
ever discarded: a value that does not win goes into a conflict record.

Append-only tables (Table.info["append_only"]: case notes, attendance,
incident reports, movements...) take inserts and voids only, so they never
conflict; a void always applies (a second void of a voided row changes
nothing). Correcting such a record means adding an amendment.

Clocks decide nothing here: no function in this module takes a time or a
hybrid logical clock, so a device whose clock is days off cannot win a
conflict by it. Values are compared in their canonical JSON form (see
`canonical`), so "2026-01-01T10:00:00+00:00" and "2026-01-01T11:00:00+01:00"
are the same instant.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from app.core import codec
from app.core.schema import BOOKKEEPING

VOID_FIELDS = ("voided_at", "voided_by", "void_reason")
"""The fields a void sets."""

SERVER_STAMPED = ("version", "updated_at", "updated_by")
"""Bookkeeping that the server stamps on every applied update itself."""


def canonical(table: Table, column: str, value: Any) -> Any:
    """The canonical JSON form of a column value, for comparing two sides.

    Raises ValueError/TypeError when `value` is not a valid JSON form of the
    column (a bad date, for example); callers check values first.
    """
    if value is None:
        return None
    return codec.to_json(codec.from_json(table, column, value))


def same(table: Table, column: str, a: Any, b: Any) -> bool:
    """Whether two JSON values of `column` are the same value."""
    try:
        return canonical(table, column, a) == canonical(table, column, b)
    except (ValueError, TypeError):
        return a == b


@dataclass(frozen=True)
class FieldConflict:
    """One field changed on both sides since the client's base."""

    field: str
    base: Any
    server: Any
    client: Any


@dataclass
class MergeResult:
    """What to write and what to queue, for one change against one row."""

    apply: dict[str, Any] = field(default_factory=dict)  # field -> new JSON value
    conflicts: list[FieldConflict] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already as the change wants

    @property
    def changed(self) -> bool:
        return bool(self.apply)


def merge_update(table: Table, server_row: dict[str, Any],
                 changes: dict[str, list]) -> MergeResult:
    """Three-way merge of an update {field: [before, after]} into `server_row` (JSON form)."""
    result = MergeResult()
    for name, (before, after) in changes.items():
        current = server_row.get(name)
        if same(table, name, current, after):
            result.unchanged.append(name)
        elif same(table, name, current, before):
            result.apply[name] = after
        else:
            result.conflicts.append(FieldConflict(name, before, current, after))
    return result


def merge_insert(table: Table, server_row: dict[str, Any] | None,
                 values: dict[str, Any]) -> MergeResult:
    """An insert: all values on a new row; against an existing row (a re-push after the
    server lost and regained it, say), equal values are no-ops and different ones conflict
    with a base of None. Bookkeeping other than the row's content is left to the caller."""
    if server_row is None:
        return MergeResult(apply=dict(values))
    content = {k: [None, v] for k, v in values.items() if k not in BOOKKEEPING}
    result = MergeResult()
    for name, (_before, after) in content.items():
        current = server_row.get(name)
        if same(table, name, current, after):
            result.unchanged.append(name)
        elif current is None:
            result.apply[name] = after
        else:
            result.conflicts.append(FieldConflict(name, None, current, after))
    return result


def merge_void(server_row: dict[str, Any], values: dict[str, Any]) -> MergeResult:
    """A void always applies; voiding a voided row again changes nothing (the first
    void's reason and author stand, and both are in the change log)."""
    if server_row.get("voided_at") is not None:
        return MergeResult(unchanged=[f for f in VOID_FIELDS if f in values])
    return MergeResult(apply={f: values.get(f) for f in VOID_FIELDS})


def is_append_only(table: Table) -> bool:
    """Whether rows of `table` are never edited after insert (only voided)."""
    return bool(table.info.get("append_only"))


def utc_iso(at: dt.datetime) -> str:
    """A timestamp in the JSON form rows carry."""
    return codec.to_json(at)
