"""Where a push's decisions are written: at once, or for the whole batch at the end.

The push applier (services/push.py) decides per change what to write; one of
these stores writes it and keeps the rows the batch has seen, so a later
change of the same row is checked and merged against the row as the earlier
change left it.

  BatchWrites      keeps every write in memory and writes the batch with a
                   few executemany calls at the end (`flush`). A push of 500
                   changes then costs a handful of statements instead of
                   five per change. Nothing reaches the database before
                   `flush`, so a change that is refused simply leaves no trace.
  ImmediateWrites  executes each write at once, inside the change's own
                   savepoint. The push falls back to it when the database
                   refuses a batch written at once (a unique or check
                   constraint), so the refusal is pinned on the one change
                   that caused it and the others still apply.

Both keep the same read cache (`rows`, `metas`: Python values as the
database returns them) and give the same results for a batch the database
accepts.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import Connection, Table, bindparam, select

from app.core.schema import REPLICATED_TABLES, metadata

from ..storage import bulk
from ..storage.pipelines import Pipeline
from ..storage.sync_tables import conflict, row_index
from . import rowstore
from .sequences import Allocator

_CHUNK = 500
# Parents before children, so rows inserted in one batch satisfy their foreign keys.
_TABLE_ORDER = {t.name: i for i, t in enumerate(metadata.sorted_tables)}

Key = tuple[str, str]  # (table name, row id)


def new_row(table: Table, row_id: str, values: dict[str, Any], *,
            database_defaults: bool) -> dict[str, Any]:
    """A new row: column defaults, then `values` (Python values), version 1. A column
    left None that has a database default gets that default's value here, or with
    `database_defaults=False` is left out for the database to fill in."""
    template, server_defaults = _new_row_plan(table)
    row = dict(template)
    row.update(values)
    row["id"], row["version"] = row_id, 1
    for name in server_defaults:
        if row[name] is None:
            if database_defaults:
                row[name] = _database_default(table.c[name])
            else:
                del row[name]
    return row


@lru_cache(maxsize=None)
def _new_row_plan(table: Table) -> tuple[dict[str, Any], tuple[str, ...]]:
    """(every column with its plain default or None, columns with a database default):
    worked out once per table, as a push makes hundreds of rows."""
    template = {c.name: None for c in table.columns}
    for column in table.columns:
        if column.default is not None and not callable(column.default.arg):
            template[column.name] = column.default.arg
    return template, tuple(c.name for c in table.columns if c.server_default is not None)


def _database_default(column) -> Any:
    arg = column.server_default.arg
    if not isinstance(arg, str):  # an expression: it would have to be read back
        raise TypeError(f"{column.table.name}.{column} has a server default that is not "
                        "a plain literal; the batch writer cannot know its value")
    return arg


@lru_cache(maxsize=None)
def _prefetch_statements(name: str) -> tuple:
    """(rows with their index entries, existing ids) of a table for a list of ids, built
    once per table: a push runs them for every table it touches. A row and its index
    entry come in one statement (a round trip per statement is most of a push's cost
    on PostgreSQL); the entry's columns are labelled `_meta_<name>`."""
    table = REPLICATED_TABLES[name]
    ids = bindparam("ids", expanding=True)
    meta = [c.label(f"{_META}{c.name}") for c in row_index.columns]
    joined = table.outerjoin(row_index, (row_index.c.table_name == name)
                             & (row_index.c.row_id == table.c.id))
    return (select(table, *meta).select_from(joined).where(table.c.id.in_(ids)),
            select(table.c.id).where(table.c.id.in_(ids)))


_META = "_meta_"
_META_COLUMNS = tuple((f"{_META}{c.name}", c.name) for c in row_index.columns)


def _chunks(ids) -> list[list[str]]:
    items = sorted(ids)
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


class ImmediateWrites:
    """Each write executed at once; the read cache forgets a row once its change is done."""

    batched = False

    def __init__(self, conn: Connection):
        self.conn = conn
        self.rows: dict[Key, dict | None] = {}
        self.metas: dict[Key, dict | None] = {}
        self.known: dict[str, set[str]] = defaultdict(set)  # ids that exist (FK targets)

    # -- reads -----------------------------------------------------------------------
    def prefetch(self, wanted: dict[str, set[str]], targets: dict[str, set[str]],
                 pipe: Pipeline) -> Callable[[], None]:
        """Send the reads of the `wanted` ids' rows and index entries, and of which
        `targets` exist, one query per table and chunk (one SELECT per change dominated
        a push), through `pipe`: the push sends them with its lock, in one round trip.
        Call the function returned, once the pipeline has ended, to take the answers in."""
        answers = []
        for name, ids in wanted.items():
            rows_of = _prefetch_statements(name)[0]
            for chunk in _chunks(ids):
                answers.append((name, chunk, pipe.mappings(rows_of, {"ids": chunk})))
        checks = []
        for name, ids in targets.items():
            # Ids read above need no second look: those found are known, and the others
            # are rows the batch itself inserts (or `exists` asks again).
            ids = ids - wanted.get(name, set())
            if name not in REPLICATED_TABLES or not ids:
                continue
            existing = _prefetch_statements(name)[1]
            checks += [(name, pipe.mappings(existing, {"ids": chunk})) for chunk in _chunks(ids)]

        def take() -> None:
            for name, chunk, found_rows in answers:
                columns = tuple(REPLICATED_TABLES[name].c.keys())
                for key in chunk:
                    self.rows[(name, key)] = None
                    self.metas[(name, key)] = None
                for found in found_rows():
                    key = (name, found["id"])
                    self.rows[key] = {c: found[c] for c in columns}
                    self.known[name].add(found["id"])
                    if found[f"{_META}row_id"] is not None:
                        self.metas[key] = {c: found[label] for label, c in _META_COLUMNS}
            for name, found_ids in checks:
                self.known[name].update(found["id"] for found in found_ids())

        return take

    def row(self, table: Table, row_id: str) -> dict | None:
        key = (table.name, row_id)
        if key in self.rows:
            return self.rows[key]
        return rowstore.get_row(self.conn, table, row_id)

    def meta(self, table: Table, row_id: str) -> dict | None:
        key = (table.name, row_id)
        if key in self.metas:
            return self.metas[key]
        return rowstore.get_meta(self.conn, table.name, row_id)

    def exists(self, table: Table, row_id: str) -> bool:
        """Whether a row exists (for foreign keys), remembering the answer."""
        if row_id in self.known[table.name]:
            return True
        found = self.conn.execute(select(table.c.id).where(table.c.id == row_id)).first()
        if found is not None:
            self.known[table.name].add(row_id)
        return found is not None

    def done(self, table_name: str, row_id: str, *, inserted: bool) -> None:
        """A change of this row is finished (its savepoint released or rolled back)."""
        key = (table_name, row_id)
        self.rows.pop(key, None)  # read it from the database next time
        self.metas.pop(key, None)
        if inserted:
            self.known[table_name].add(row_id)

    def forget_all(self) -> None:
        """Rows are about to change behind the cache (transfers): read afresh from now on."""
        self.rows.clear()
        self.metas.clear()

    # -- writes ----------------------------------------------------------------------
    def insert(self, table: Table, row_id: str, values: dict[str, Any]) -> None:
        bulk.insert_rows(self.conn, table,
                         [new_row(table, row_id, values, database_defaults=False)])

    def update(self, table: Table, row_id: str, current: dict, values: dict[str, Any]) -> None:
        bulk.update_rows(self.conn, table, ("id",), [{**values, "id": row_id}])

    def record(self, alloc: Allocator, log: list[dict[str, Any]], **kw) -> int:
        """rowstore.record, with the change-log row appended to `log`; the row's new
        index entry is what `meta` answers until the change is done."""
        logged = rowstore.stage(alloc, **kw)
        log.append(logged.log_entry)
        rowstore.write_index(self.conn, [logged.index_row], new=logged.new)
        self.metas[(kw["table"].name, kw["row_id"])] = logged.index_row
        return logged.seq

    def add_conflict(self, values: dict[str, Any]) -> None:
        bulk.insert_rows(self.conn, conflict, [values])

    def flush(self) -> None:
        """Nothing waits: every write was executed when it was made."""


class BatchWrites(ImmediateWrites):
    """Writes kept in memory (the read cache holds each row as the batch left it) and
    written by `flush` with one executemany per table and shape."""

    batched = True

    def __init__(self, conn: Connection):
        super().__init__(conn)
        self._inserted: dict[Key, Table] = {}  # rows new in this batch, in order
        self._updated: dict[Key, set[str]] = {}  # existing rows: columns changed
        self._index_new: set[Key] = set()
        self._index_changed: dict[Key, None] = {}
        self._conflicts: list[dict[str, Any]] = []

    def done(self, table_name: str, row_id: str, *, inserted: bool) -> None:
        if inserted:  # the cache keeps the row as this change left it
            self.known[table_name].add(row_id)

    def forget_all(self) -> None:
        if self._inserted or self._updated or self._index_changed:
            raise RuntimeError("flush the batch before reading rows afresh")
        super().forget_all()

    def insert(self, table: Table, row_id: str, values: dict[str, Any]) -> None:
        key = (table.name, row_id)
        self.rows[key] = new_row(table, row_id, values, database_defaults=True)
        self._inserted[key] = table

    def update(self, table: Table, row_id: str, current: dict, values: dict[str, Any]) -> None:
        key = (table.name, row_id)
        self.rows[key] = {**current, **values}
        if key not in self._inserted:
            self._updated.setdefault(key, set()).update(values)

    def record(self, alloc: Allocator, log: list[dict[str, Any]], **kw) -> int:
        logged = rowstore.stage(alloc, **kw)
        log.append(logged.log_entry)
        key = (kw["table"].name, kw["row_id"])
        if logged.new:
            self._index_new.add(key)
        self._index_changed[key] = None
        self.metas[key] = logged.index_row
        return logged.seq

    def add_conflict(self, values: dict[str, Any]) -> None:
        self._conflicts.append(values)

    def flush(self) -> None:
        """Write the batch: new rows (parents first), changed columns of existing rows,
        index entries and conflicts. The database may refuse it (IntegrityError,
        DataError); the caller rolls back and goes change by change."""
        conn = self.conn
        by_table: dict[str, list[dict]] = defaultdict(list)
        for key, table in self._inserted.items():
            by_table[table.name].append(self.rows[key])
        for name in sorted(by_table, key=_TABLE_ORDER.__getitem__):
            bulk.insert_rows(conn, REPLICATED_TABLES[name], by_table[name])
        shapes: dict[tuple[str, tuple[str, ...]], list[dict]] = defaultdict(list)
        for (name, row_id), columns in self._updated.items():
            row = self.rows[(name, row_id)]
            shape = tuple(sorted(columns))
            shapes[(name, shape)].append({**{c: row[c] for c in shape}, "id": row_id})
        for (name, _shape), params in shapes.items():
            bulk.update_rows(conn, REPLICATED_TABLES[name], ("id",), params)
        rowstore.write_index(conn, [self.metas[k] for k in self._index_changed
                                    if k in self._index_new], new=True)
        rowstore.write_index(conn, [self.metas[k] for k in self._index_changed
                                    if k not in self._index_new], new=False)
        bulk.insert_rows(conn, conflict, self._conflicts)
        self._inserted, self._updated = {}, {}
        self._index_new, self._index_changed, self._conflicts = set(), {}, []
