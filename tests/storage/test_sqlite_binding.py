"""The binding shortcuts (app.core.sqlite_binding) store exactly what the drivers
stored before: None as SQL NULL, never '' or 'None', and a SQLAlchemy table name
as its plain text, found by an ordinary string comparison."""
from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3

import app.storage.engine  # noqa: F401  registers the shortcuts for sqlcipher3
import sync_server.storage.engine  # noqa: F401  and for sqlite3
from app.core.schema import case_note


def _connect(driver, path):
    conn = driver.connect(str(path), isolation_level=None)
    if driver is sqlcipher3:
        conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    return conn


@pytest.mark.parametrize("driver", [sqlite3, sqlcipher3], ids=["sqlite3", "sqlcipher3"])
def test_none_is_bound_as_null_by_each_driver(driver, tmp_path):
    conn = _connect(driver, tmp_path / "nulls.db")
    conn.execute("CREATE TABLE note (id TEXT PRIMARY KEY, voided_by TEXT, text TEXT)")
    conn.executemany("INSERT INTO note VALUES (?, ?, ?)",
                     [("a", None, "kept"), ("b", "officer", None)])
    conn.execute("UPDATE note SET text = ? WHERE id = ?", (None, "a"))
    assert conn.execute(
        "SELECT id, typeof(voided_by), typeof(text) FROM note ORDER BY id").fetchall() == [
        ("a", "null", "null"), ("b", "text", "null")]
    assert conn.execute("SELECT id FROM note WHERE voided_by IS ?", (None,)).fetchall() == [("a",)]
    conn.close()


@pytest.mark.parametrize("driver", [sqlite3, sqlcipher3], ids=["sqlite3", "sqlcipher3"])
def test_a_table_name_is_bound_as_its_plain_text(driver, tmp_path):
    conn = _connect(driver, tmp_path / "names.db")
    conn.execute("CREATE TABLE log (seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL)")
    conn.executemany("INSERT INTO log (table_name) VALUES (?)", [(case_note.name,)] * 3)
    assert conn.execute("SELECT DISTINCT typeof(table_name), table_name FROM log").fetchall() == [
        ("text", "case_note")]
    assert conn.execute("SELECT count(*) FROM log WHERE table_name = ?",
                        ("case_note",)).fetchone() == (3,)
    conn.close()
