"""Writing one table's rows of a pull page straight to the replica's driver.

A page's rows come per table and in their stored form (app.core.protocol),
so the common case needs no work per value: a block is checked column by
column, its new rows go to one executemany INSERT and its known rows to one
executemany UPDATE, as the lists the page was decoded into.

Checks, per column, before anything is written: the JSON type of every value
(text, whole number...), the exact stored form of timestamps and dates, JSON
text that parses, base64 that decodes. A bad value raises ProtocolError
naming the table, the row and the column; the page's transaction then
writes nothing.

Rows that need a closer look take the careful path, one by one:
  - rows with PENDING local changes: the server's row with the pending field
    values on top (a rebase), keeping the local version stamp;
  - rows missing a required value (None in a required column), which a new
    row can only get from a database default, never a made-up one.
Columns the reader's role may not read (a block's `redacted`) are left as
they are on known rows; a new row gets the empty value of a required one.
Columns this replica does not know (a newer server) are ignored: migrations
only add.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, Table

from app.core.protocol import ProtocolError, TableRows
from app.core.schema import BOOKKEEPING, UTCDateTime
from app.core.sqlite_rows import converter

_NONE = type(None)
_TIMESTAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}"
_DATE = r"\d{4}-\d\d-\d\d"


def _all_of(pattern: str) -> re.Pattern:
    """Matches values joined by newlines: a whole column checked by one regex call."""
    return re.compile(rf"(?:{pattern}\n)*{pattern}")


_TIMESTAMPS, _DATES = _all_of(_TIMESTAMP), _all_of(_DATE)
_ONE_TIMESTAMP, _ONE_DATE = re.compile(_TIMESTAMP), re.compile(_DATE)


@dataclass
class Counts:
    """What writing a block did (pull.PageResult adds these up)."""

    inserted: int = 0
    updated: int = 0
    rebased: int = 0


@dataclass(frozen=True)
class _Check:
    """How to check one column of a block."""

    index: int
    name: str
    types: frozenset  # JSON types allowed besides None
    describe: str
    whole: re.Pattern | None = None  # every value of the column, newline-joined
    one: re.Pattern | None = None  # one value (to name the bad row)
    parse: Callable[[Any], Any] | None = None  # raises ValueError on a bad value


def _json_text(value: str) -> Any:
    return json.loads(value)


def _base64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from None


def _check_of(index: int, column) -> _Check:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _Check(index, column.name, frozenset({str}),
                      "a UTC timestamp 'YYYY-MM-DD HH:MM:SS.ffffff'", _TIMESTAMPS, _ONE_TIMESTAMP,
                      dt.datetime.fromisoformat)
    if isinstance(kind, Date):
        return _Check(index, column.name, frozenset({str}), "a date 'YYYY-MM-DD'", _DATES,
                      _ONE_DATE, dt.date.fromisoformat)
    if isinstance(kind, LargeBinary):
        return _Check(index, column.name, frozenset({str}), "base64 text", parse=_base64)
    if isinstance(kind, JSON):
        return _Check(index, column.name, frozenset({str}), "JSON text", parse=_json_text)
    if isinstance(kind, Boolean):
        return _Check(index, column.name, frozenset({int, bool}), "0 or 1")
    if isinstance(kind, Integer):
        return _Check(index, column.name, frozenset({int}), "a whole number")
    return _Check(index, column.name, frozenset({str}), "text")


@dataclass(frozen=True)
class Plan:
    """How rows with one table's columns (as a block sends them) are written."""

    table: Table
    keep: tuple[int, ...] | None  # positions of the columns this replica knows (None: all)
    names: tuple[str, ...]  # the columns written, "id" first
    checks: tuple[_Check, ...]
    binary: tuple[int, ...]  # positions of base64 columns, decoded before writing
    required: frozenset[int]  # positions whose None needs the careful path
    insert_sql: str
    fill_names: tuple[str, ...]  # required columns the block leaves out (redacted)...
    fills: tuple  # ...and their stored values
    missing: str | None  # a required column with neither a value nor a fill
    update_sql: str  # parameters: the row as it is (?1 is the id)


def _q(name: str) -> str:
    return f'"{name}"'


def _insert_sql(table: Table, names) -> str:
    return (f"INSERT INTO {_q(table.name)} ({', '.join(map(_q, names))}) "
            f"VALUES ({', '.join('?' * len(names))})")


@lru_cache(maxsize=1024)
def plan(table: Table, columns: tuple[str, ...], redacted: tuple[str, ...]) -> Plan:
    known = set(table.c.keys())
    keep = tuple(i for i, name in enumerate(columns) if name in known)
    names = tuple(columns[i] for i in keep)
    cols = [table.c[name] for name in names]
    fill_names, fills, missing = [], [], None
    for col in table.columns:
        if col.name in names or col.nullable:
            continue  # a nullable column left out is NULL (or its database default)
        value = _redacted_fill(col) if col.name in redacted else None
        if value is None and col.server_default is not None:
            continue  # the database fills in its default
        if value is None and col.default is not None and not callable(col.default.arg):
            value = col.default.arg
        if value is None:
            missing = missing or col.name
            continue
        conv = converter(col)
        fill_names.append(col.name)
        fills.append(conv(value) if conv else value)
    written = (*names, *fill_names)
    sets = ", ".join(f"{_q(name)} = ?{i + 1}" for i, name in enumerate(names) if i)
    # A row that is already as sent is not written again (nor its triggers fired): the
    # rows a device gets back after pushing them, as a rule.
    differs = " OR ".join(f"{_q(name)} IS NOT ?{i + 1}" for i, name in enumerate(names) if i)
    return Plan(
        table=table, keep=None if len(keep) == len(columns) else keep, names=names,
        checks=tuple(_check_of(i, c) for i, c in enumerate(cols)),
        binary=tuple(i for i, c in enumerate(cols) if isinstance(c.type, LargeBinary)),
        required=frozenset(i for i, c in enumerate(cols)
                           if not c.nullable or c.server_default is not None),
        insert_sql=_insert_sql(table, written), fill_names=tuple(fill_names),
        fills=tuple(fills), missing=missing,
        update_sql=f'UPDATE "{table.name}" SET {sets} WHERE id = ?1 AND ({differs})'
        if sets else "")


def _redacted_fill(col) -> Any:
    """The empty value of a required column the role may not read (never a made-up one)."""
    try:
        python_type = col.type.python_type
    except NotImplementedError:
        return None
    if python_type is str:
        return ""
    if python_type in (dict, list):
        return python_type()
    return None


def rows_of(block: TableRows, p: Plan, where: str) -> tuple[list[list], set[int]]:
    """The block's rows, checked and ready to write (only known columns, binary decoded),
    and the positions of rows that have a None in a required column."""
    rows = block.rows
    if p.keep is not None:
        rows = [[row[i] for i in p.keep] for row in rows]
    strict_rows: set[int] = set()
    for check in p.checks:
        i = check.index
        kinds = {type(row[i]) for row in rows}
        if _NONE in kinds:
            kinds.discard(_NONE)
            if i in p.required:
                strict_rows.update(k for k, row in enumerate(rows) if row[i] is None)
        if not kinds <= check.types:
            _refuse(rows, check, where, lambda v: type(v) in check.types)
        if check.whole is not None:
            values = [row[i] for row in rows if row[i] is not None]
            if values and not check.whole.fullmatch("\n".join(values)):
                _refuse(rows, check, where, check.one.fullmatch)
            _check_calendar(rows, check, where, values)
        elif check.parse is not None or kinds == {int} and check.types == {int, bool}:
            _check_each(rows, check, where)
    for i in p.binary:
        for row in rows:
            if row[i] is not None:
                row[i] = _base64(row[i])
    return rows, strict_rows


def _check_calendar(rows: list[list], check: _Check, where: str, values: list[str]) -> None:
    """Right shape, real date: no 30 February (each distinct value parsed once)."""
    try:
        for value in set(values):
            check.parse(value)
    except ValueError:
        _refuse(rows, check, where, _parses(check.parse))


def _parses(parse: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def ok(value: Any) -> bool:
        try:
            parse(value)
        except ValueError:
            return False
        return True
    return ok


def _check_each(rows: list[list], check: _Check, where: str) -> None:
    i = check.index
    if check.parse is None:  # a boolean sent as a number
        if {row[i] for row in rows} - {None, 0, 1}:
            _refuse(rows, check, where, lambda v: v in (0, 1))
        return
    for k, row in enumerate(rows):
        if row[i] is not None:
            try:
                check.parse(row[i])
            except (ValueError, TypeError):
                raise _bad(where, rows, k, check) from None


def _refuse(rows: list[list], check: _Check, where: str, ok: Callable[[Any], Any]):
    for k, row in enumerate(rows):
        value = row[check.index]
        if value is not None and not ok(value):
            raise _bad(where, rows, k, check)
    raise ProtocolError(f"{where}.{check.name}", f"must be {check.describe}")


def _bad(where: str, rows: list[list], k: int, check: _Check) -> ProtocolError:
    row_id = rows[k][0]
    return ProtocolError(f"{where}.rows[{k}].{check.name}",
                         f"must be {check.describe} (row {row_id!r})")


def missing(table: Table, where: str, row_id: str, name: str) -> ProtocolError:
    kind = "a bookkeeping column" if name in BOOKKEEPING else "a required column"
    return ProtocolError(f"{where}[{row_id}].{name}", f"is missing ({kind} of {table.name})")


def write(raw, p: Plan, rows: list[list], existing: set[str], careful: set[int],
          overlays: dict[str, dict[str, Any]], local: Callable[[list[str]], dict],
          where: str) -> Counts:
    """Write checked rows: new ones inserted, known ones updated, `careful` positions
    (and rows with pending local edits, `overlays`) one by one."""
    counts = Counts()
    if not existing and not careful and not overlays:  # a first sync: every row is new
        inserts, updates, slow = rows, [], []
    else:
        inserts, updates, slow = [], [], []
        for k, row in enumerate(rows):
            if k in careful or row[0] in overlays:
                slow.append(row)
            elif row[0] in existing:
                updates.append(row)
            else:
                inserts.append(row)
    if inserts:
        if p.missing:
            raise missing(p.table, where, inserts[0][0], p.missing)
        raw.executemany(p.insert_sql, [(*row, *p.fills) for row in inserts] if p.fills
                        else inserts)
        counts.inserted += len(inserts)
    if updates and p.update_sql:
        raw.executemany(p.update_sql, updates)
    counts.updated += len(updates)
    if slow:
        _careful(raw, p, slow, existing, overlays, local, where, counts)
    return counts


def _careful(raw, p: Plan, rows: list[list], existing: set[str],
             overlays: dict[str, dict[str, Any]], local: Callable[[list[str]], dict],
             where: str, counts: Counts) -> None:
    """Rows with pending local edits (rebased: the server's row with the pending field
    values on top) and rows with a None where a value is required."""
    table = p.table
    mine = local([row[0] for row in rows if row[0] in overlays and row[0] in existing])
    for row in rows:
        row_id = row[0]
        values = dict(zip(p.names, row))
        pending = overlays.get(row_id)
        if pending:
            for name, value in pending.items():
                if name != "id":
                    values[name] = _stored(table, name, value, where, row_id)
            stamp = mine.get(row_id)
            if stamp is not None:
                # The row still carries unpushed local edits: keep the local stamp.
                values["version"] = max(stamp["version"], values.get("version") or 0)
                values["updated_at"] = stamp["updated_at"]
                values["updated_by"] = stamp["updated_by"]
            counts.rebased += 1
        if row_id in existing:
            names = [n for n in values if n != "id"]
            if names:
                raw.execute(f"UPDATE {_q(table.name)} SET "
                            f"{', '.join(f'{_q(n)} = ?' for n in names)} WHERE id = ?",
                            [*(values[n] for n in names), row_id])
            counts.updated += 1
        else:
            _complete(p, values, where, row_id)
            raw.execute(_insert_sql(table, list(values)), list(values.values()))
            counts.inserted += 1


def _stored(table: Table, name: str, value: Any, where: str, row_id: str) -> Any:
    """A pending change's value (JSON form, from the outbox) in its stored form."""
    column = table.c[name]
    try:
        if isinstance(column.type, LargeBinary):
            return None if value is None else base64.b64decode(value)
        conv = converter(column)
        return value if conv is None else conv(value)
    except (ValueError, TypeError) as exc:
        raise ProtocolError(f"{where}[{row_id}].{name}",
                            f"a pending local value is not valid for this column ({exc})"
                            ) from None


def _complete(p: Plan, values: dict[str, Any], where: str, row_id: str) -> None:
    """Give a new row's left-out required columns their fill or database default."""
    fills = dict(zip(p.fill_names, p.fills))
    for col in p.table.columns:
        if values.get(col.name) is not None:
            continue
        if col.name in fills:
            values[col.name] = fills[col.name]
        elif col.server_default is not None:
            values.pop(col.name, None)  # let the database fill in its default
        elif not col.nullable:
            if col.default is not None and not callable(col.default.arg):
                conv = converter(col)
                values[col.name] = conv(col.default.arg) if conv else col.default.arg
            else:
                raise missing(p.table, where, row_id, col.name)
