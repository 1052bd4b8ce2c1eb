"""Binding None and SQLAlchemy's quoted names to SQLite at the cost of a string.

Python's SQLite drivers bind exact str, int, float and bytes directly, but
run every other value through the adaptation protocol: a look in the
adapter registry, then a look for `__adapt__` on the prepare protocol and
for `__conform__` on the value. Two kinds of value Custos binds by the
million take that slow road:

- None. sqlcipher3 (the replica's driver) does the attribute lookups with
  plain getattr, so each None raises and discards two AttributeErrors with
  formatted messages. Binding 2,000,000 Nones: sqlcipher3 3.4 s, sqlite3
  1.05 s; with an adapter registered, 0.5 s and 0.38 s. A first sync of the
  demo facility binds about six million (voided_at, middle_names and the
  like are empty in most rows): this was the largest single cost of
  writing its rows.
- `quoted_name`, the str subclass SQLAlchemy uses for `Table.name`. Its
  `__getattr__` (SQLAlchemy's memoized slots) runs for each failed lookup:
  ~5 us a value in either driver, against ~0.1 us for a str. The server's
  change log and row index store a table name per change (1,500 values in
  a push of 1,000 changes), the replica's outbox one per change.

A registered adapter is found first, before the attribute lookups. None's
returns None and a quoted name's returns the plain str, which the driver
binds exactly as before: NULL, and the same text.
"""
from __future__ import annotations

from types import ModuleType

from sqlalchemy.sql.elements import quoted_name

# A C-level callable that returns None for any one argument: cheaper to call than
# a Python function (no frame), for a call made millions of times per sync.
_AS_NULL = {}.get


def bind_directly(driver: ModuleType) -> None:
    """Register the adapters for None and quoted names with a DB-API SQLite module
    (sqlite3, sqlcipher3).

    The registry is the module's own and global, so this holds for every
    connection of that module in the process; registering again is harmless.
    Neither type is one the drivers bind directly, so their fast path for
    str, int, float and bytes stays in place.
    """
    driver.register_adapter(type(None), _AS_NULL)
    driver.register_adapter(quoted_name, str)
