"""`custos sync` SIGKILLed at random points of push and pull loses and duplicates nothing."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from app.core.schema import person, person_identifier
from app.storage.audit import verify_chain
from app.storage.local_tables import outbox
from app.sync.engine import SyncEngine
from tests.sync.helpers import new_person

ROOT = Path(__file__).resolve().parents[2]
ITERATIONS = 4


@pytest.fixture
def shared_keyring(tmp_path, monkeypatch):
    """A keyring the `custos sync` child processes can read too (a file, test only)."""
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("CUSTOS_ALLOW_PLAINTEXT_KEYRING", "1")
    keyring.set_keyring(PlaintextKeyring())


def _killed_sync(profile: str, rng: random.Random, wait_for: str) -> str:
    """Start `custos sync`, SIGKILL it at a random moment; its output so far.

    Half the time the kill comes at any moment after start-up; otherwise it
    comes shortly after the first `wait_for` progress line ("push:" or
    "pull:"), so it lands inside a run of batches or pages.
    """
    child = subprocess.Popen(
        # Small pages for the puller: it pulls only what the pusher got through.
        [sys.executable, "-m", "app", "sync", "--profile", profile, "--batch-size", "7",
         "--page-size", "3" if wait_for == "pull:" else "9"], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=os.environ.copy())
    watchdog = threading.Timer(120, child.kill)  # never let a stuck child hang the suite
    watchdog.start()
    seen = [child.stdout.readline()]  # "connecting...": it is about to talk to the server
    assert seen[0], child.stderr.read()
    if rng.random() < 0.5:
        while seen[-1] and not seen[-1].startswith(wait_for):
            seen.append(child.stdout.readline())
        time.sleep(rng.uniform(0.0, 0.15))
    else:
        time.sleep(rng.uniform(0.0, 0.6))
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate()
    watchdog.cancel()
    return "".join(seen) + out


def _rows(rep, table, *cols):
    with rep.reader.connect() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(select(table.c.id, *cols))}


def test_sigkill_during_sync_then_a_clean_sync_loses_and_duplicates_nothing(
        shared_keyring, devices, signed_in_server):
    rng = random.Random(20261123)
    (a, alice), (b, _bob) = devices("a"), devices("b")
    created = []
    outputs = []
    edits: dict[str, int] = {}
    for i in range(ITERATIONS):
        for j in range(15):
            created.append(new_person(a, alice, f"Kill{i}x{j}", "Resume", number=f"K{i}-{j}"))
        for row in rng.sample(created, 5):  # edits, so a duplicate would show in versions
            with a.unit_of_work(alice) as uow:
                current = uow.get(person, row["id"])
                uow.update(person, row["id"],
                           {"middle_names": f"{current['middle_names'] or ''}m{i}"})
            edits[row["id"]] = edits.get(row["id"], 0) + 1
        outputs.append(_killed_sync("a", rng, "push:"))
        outputs.append(_killed_sync("b", rng, "pull:"))
    # Kills landed after pushing and after pulling had begun, before the sync finished.
    cut = [out for out in outputs if "Sync completed" not in out]
    assert any("push:" in out for out in cut) and any("pull:" in out for out in cut), outputs

    for rep in (a, b, a, b):
        summary = SyncEngine(rep).run()
        assert summary.completed, summary.error

    with a.reader.connect() as conn:
        statuses = dict(conn.execute(select(outbox.c.status, func.count())
                                     .group_by(outbox.c.status)).all())
    assert statuses == {"ACKED": ITERATIONS * (15 * 2 + 5)}  # person + identifier, edits
    for table, cols in ((person, (person.c.first_name, person.c.middle_names,
                                  person.c.version)),
                        (person_identifier, (person_identifier.c.value,
                                             person_identifier.c.version))):
        on_a, on_b = _rows(a, table, *cols), _rows(b, table, *cols)
        assert len(on_a) == len(on_b) > 0
        assert on_a == on_b, "B holds exactly A's rows, each change applied once"
    assert len(_rows(b, person)) == len(created)
    # Each edit was applied exactly once: the server's version counts them.
    versions = {pid: v for pid, (_f, _m, v) in _rows(b, person, person.c.first_name,
                                                      person.c.middle_names,
                                                      person.c.version).items()}
    assert versions == {row["id"]: 1 + edits.get(row["id"], 0) for row in created}
    for rep in (a, b):
        with rep.reader.connect() as conn:
            report = verify_chain(conn)
        assert report.ok, report.reason
    # The server holds each of A's changes once.
    from sync_server.storage.sync_tables import device, received

    engine = signed_in_server.engine()
    with engine.connect() as conn:
        held = conn.execute(select(func.count()).select_from(received)
                            .where(received.c.device_id == a.device_id)).scalar_one()
        last = conn.execute(select(device.c.last_seq)
                            .where(device.c.device_id == a.device_id)).scalar_one()
    engine.dispose()
    assert held == last == sum(statuses.values())
