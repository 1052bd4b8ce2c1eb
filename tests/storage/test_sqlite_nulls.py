"""None is stored as SQL NULL by both drivers once the shortcut is registered
(app.core.sqlite_nulls): an empty field reads back empty, never as '' or 'None'."""
from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3

import app.storage.engine  # noqa: F401  registers the shortcut for sqlcipher3
import sync_server.storage.engine  # noqa: F401  and for sqlite3


@pytest.mark.parametrize("driver", [sqlite3, sqlcipher3], ids=["sqlite3", "sqlcipher3"])
def test_none_is_bound_as_null_by_each_driver(driver, tmp_path):
    conn = driver.connect(str(tmp_path / "nulls.db"), isolation_level=None)
    if driver is sqlcipher3:
        conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    conn.execute("CREATE TABLE note (id TEXT PRIMARY KEY, voided_by TEXT, text TEXT)")
    conn.executemany("INSERT INTO note VALUES (?, ?, ?)",
                     [("a", None, "kept"), ("b", "officer", None)])
    conn.execute("UPDATE note SET text = ? WHERE id = ?", (None, "a"))
    assert conn.execute(
        "SELECT id, typeof(voided_by), typeof(text) FROM note ORDER BY id").fetchall() == [
        ("a", "null", "null"), ("b", "text", "null")]
    assert conn.execute("SELECT id FROM note WHERE voided_by IS ?", (None,)).fetchall() == [("a",)]
    conn.close()

