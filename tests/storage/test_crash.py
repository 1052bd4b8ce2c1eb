"""A process SIGKILLed mid-write loses no committed action and leaves no partial one."""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from app.core.schema import person, person_identifier
from app.storage.audit import verify_chain
from app.storage.local_tables import outbox
from tests.support import table_count

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_mid_write_loses_nothing_committed(replica, replica_template):
    _, key = replica_template
    replica.close()
    rng = random.Random(20261122)
    committed: list[str] = []
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_writer"], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=os.environ.copy())
        child.stdin.write(key.hex() + "\n")
        child.stdin.flush()
        # Wait until it is writing, then kill it at a random moment.
        first = child.stdout.readline().strip()
        assert first, f"writer did not start: {child.stderr.read()}"
        time.sleep(rng.uniform(0.01, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate()
        committed += [first, *out.split()]

    from app.storage.replica import open_profile

    rep = open_profile("default")
    try:
        with rep.reader.connect() as conn:
            ids = set(conn.execute(select(person.c.id)).scalars())
            assert set(committed) <= ids, "a committed action was lost"
            # Each action writes a person and an identifier: never one without the other.
            assert table_count(rep, person) == table_count(rep, person_identifier)
            assert table_count(rep, outbox) == 2 * len(ids)
            report = verify_chain(conn)
            assert report.ok, report.reason
            assert report.entries == 2 * len(ids)
    finally:
        rep.close()
