"""The client's disk fills up during a sync.

The replica lives on a tiny tmpfs mounted for the test (the suite runs as
root here; SQLite then gets a real ENOSPC and reports SQLITE_FULL). Where
mounting is not allowed, the database is capped with PRAGMA max_page_count
instead, which makes SQLite fail with the same SQLITE_FULL at the same
points. Either way: the sync stops with a clear message, the replica is
intact with its unsent changes, and once space is freed a sync completes
with nothing lost or duplicated.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, select

from app.core.schema import person
from app.storage.replica import replica_path
from app.sync.engine import SyncEngine

from . import ledger
from .helpers import assert_intact, assert_nothing_lost_or_duplicated, clean_sync, write_people

FILE_SYSTEM_KIB = 8 * 1024
LEFT_FREE = 96 * 1024  # bytes left once the filler is written: less than one pull


@contextmanager
def tiny_filesystem(folder: Path):
    """Mount a tmpfs of FILE_SYSTEM_KIB at `folder`; yields False if that is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={FILE_SYSTEM_KIB}k", "tmpfs",
                        str(folder)], check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=10)


class DiskFull:
    """Fill the file system holding `folder` (or cap the database) until `free()`."""

    def __init__(self, rep, folder: Path, mounted: bool):
        self.rep, self.folder, self.mounted = rep, folder, mounted
        self.filler = folder / "filler.bin"
        self.cap = None

    def fill(self) -> None:
        if self.mounted:
            stats = os.statvfs(self.folder)
            spare = stats.f_bavail * stats.f_frsize - LEFT_FREE
            with open(self.filler, "wb") as out:
                out.write(b"\0" * max(spare, 0))
            return
        with self.rep.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        limit = pages + LEFT_FREE // 4096

        target = str(self.rep.path)

        def cap(dbapi_conn, _record):
            # Every engine of this replica file (the command line opens its own).
            files = [row[2] for row in dbapi_conn.execute("PRAGMA database_list")]
            if target in files:
                dbapi_conn.execute(f"PRAGMA max_page_count = {limit}")

        self.cap = cap
        event.listen(Engine, "connect", cap)
        self.rep.engine.dispose()

    def free(self) -> None:
        if self.mounted:
            self.filler.unlink()
            return
        event.remove(Engine, "connect", self.cap)
        self.rep.engine.dispose()


def test_a_full_disk_stops_the_sync_clearly_and_a_later_sync_completes(
        devices, signed_in_server, capsys):
    from app.__main__ import main

    folder = replica_path("b").parent
    with tiny_filesystem(folder) as mounted:
        (a, alice), (b, bob) = devices("a"), devices("b")
        write_people(a, alice, 150, "Full", edits=20)  # 320 changes: more than fits
        assert SyncEngine(a).run().completed
        kept = write_people(b, bob, 2, "Mine")  # b's own unsent work
        disk = DiskFull(b, folder, mounted)
        disk.fill()

        summary = SyncEngine(b, page_size=50).run()  # the desktop client's path
        assert not summary.completed
        assert "full" in (summary.error or "").lower(), summary.error
        assert_intact(b)
        mine = ledger.outbox_entries(b)  # sent or not, none of b's 4 changes is gone
        assert len(mine) == 4 and {e["status"] for e in mine} <= {"PENDING", "ACKED"}
        with b.reader.connect() as conn:
            names = set(conn.execute(select(person.c.first_name)).scalars())
        assert {row["first_name"] for row in kept} <= names, "local work is still there"
        capsys.readouterr()
        assert main(["sync", "--profile", "b", "--page-size", "50"]) == 1  # the CLI's path
        err = capsys.readouterr().err
        assert err.startswith("custos: error:") and "full" in err.lower(), err
        assert "Traceback" not in err

        disk.free()
        clean_sync(a, b)
        assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a, b], [])
        b.close()
    shutil.rmtree(folder, ignore_errors=True)
