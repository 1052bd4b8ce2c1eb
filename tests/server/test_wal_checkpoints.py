"""A running SQLite server copies its write-ahead log into the database file itself, in
the background, so no push pays for that copy (storage/wal_checkpoints.py)."""
from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import make_url

from sync_server.api import create_app
from sync_server.settings import Settings

from .conftest import Clock, reset
from .support import Server, person_values


def _file_alone_holds(database: Path, copy: Path, person_id: str) -> bool:
    """Whether the database file by itself (a copy without its -wal) holds the person."""
    shutil.copyfile(database, copy)
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM person WHERE id = ?",
                            (person_id,)).fetchone()[0] == 1
    except sqlite3.DatabaseError:  # copied while a checkpoint was writing: look again
        return False
    finally:
        conn.close()


def test_a_pushed_change_reaches_the_database_file_without_another_request(
        sqlite_database, tmp_path):
    url, engine, seed = sqlite_database
    reset(engine, seed)
    database = Path(make_url(url).database)
    app = create_app(Settings(database_url=url, clock=Clock()))
    with TestClient(app, raise_server_exceptions=False) as client:
        device = Server(client=client, engine=engine, clock=Clock(), url=url).login("officer1")
        person_id, change = device.insert("person", person_values("Wal", "Checkpoint"))
        result = device.push([change])
        assert result["results"][0]["outcome"] == "applied"
        # A small push leaves its pages in the log: SQLite's own checkpoint would wait
        # for 1,000 of them, run by some later commit. The server's thread copies them.
        deadline = time.monotonic() + 10
        while not _file_alone_holds(database, tmp_path / "alone.db", person_id):
            assert time.monotonic() < deadline, \
                "the pushed person never reached the database file"
            time.sleep(0.1)
        # And nothing of it is lost or doubled for a device pulling afterwards.
        rows = [r for r in device.sync_down() if r["row_id"] == person_id]
        assert [r["row"]["last_name"] for r in rows] == ["Checkpoint"]
