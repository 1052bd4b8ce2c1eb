"""SIGKILL the client at random points of push and pull, and the server mid-request.

After every kill a clean sync completes, and the server and every replica
hold each change exactly once (see ledger.py). The client loops run the
real `custos sync` command line in a separate process: a few cold starts of
`python -m app sync`, and 50 processes forked from a fork server that has
already imported Custos (a cold start costs seconds on a loaded machine).
"""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.sync.engine import SyncEngine

from . import kill_child
from .helpers import (
    assert_nothing_lost_or_duplicated, clean_sync, fresh_access, write_people,
)

ROOT = Path(__file__).resolve().parents[2]
FORKED_ROUNDS = 25  # two kills a round: 50
COLD_ROUNDS = 2


def _sync_args(wait_for: str) -> list[str]:
    """Small batches and pages, so a sync is many requests for a kill to land among;
    a puller's pages smallest of all, as it pulls only the few rows pushed meanwhile."""
    return ["sync", "--batch-size", "2", "--page-size", "1" if wait_for == "pull:" else "3"]


def _fork_context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(kill_child.PRELOAD)
    return ctx


def _wait_then_kill(read_output, kill, alive, rng: random.Random, wait_for: str,
                    limit: float = 30.0) -> None:
    """Kill at a random moment: half the time any time after start, otherwise
    shortly after the first `wait_for` progress line, so it lands in a run of
    batches or pages. The windows are short because a forked client's sync of
    a few changes takes only ~0.1-0.2 s here: longer ones mostly find it done."""
    deadline = time.monotonic() + limit
    if rng.random() < 0.5:
        while alive() and wait_for not in read_output() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.05))
    else:
        time.sleep(rng.uniform(0.0, 0.4))
    kill()


def _forked_kill(ctx, out: Path, profile: str, rng: random.Random, wait_for: str) -> str:
    child = ctx.Process(target=kill_child.run_cli,
                        args=(dict(os.environ), [*_sync_args(wait_for), "--profile", profile],
                              str(out)))
    child.start()
    _wait_then_kill(lambda: out.read_text() if out.exists() else "", child.kill,
                    child.is_alive, rng, wait_for)
    child.join(30)
    assert child.exitcode is not None, "the killed client did not go away"
    return out.read_text() if out.exists() else ""


def _cold_kill(out: Path, profile: str, rng: random.Random, wait_for: str) -> str:
    with open(out, "w") as sink:
        child = subprocess.Popen([sys.executable, "-m", "app", *_sync_args(wait_for), "--profile",
                                  profile],
                                 cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                 env=os.environ.copy())
        _wait_then_kill(out.read_text, lambda: child.send_signal(signal.SIGKILL),
                        lambda: child.poll() is None, rng, wait_for, limit=60)
        child.wait(30)
    return out.read_text()


def _kill_loop(rounds: int, kill_one, a, alice, b, tmp_path, rng) -> list[str]:
    outputs = []
    for i in range(rounds):
        write_people(a, alice, 3, f"K{i}x", edits=2)
        outputs.append(kill_one(tmp_path / f"a{i}.out", "a", rng, "push:"))
        outputs.append(kill_one(tmp_path / f"b{i}.out", "b", rng, "pull:"))
    return outputs


def _assert_kills_landed(outputs: list[str]) -> None:
    cut = [out for out in outputs if "Sync completed" not in out]
    assert any("push:" in out for out in cut), "some kills landed mid-push"
    assert any("pull:" in out for out in cut), "some kills landed mid-pull"
    assert len(cut) >= len(outputs) // 2, f"only {len(cut)} of {len(outputs)} syncs were cut"


@pytest.mark.slow
def test_50_forked_clients_killed_mid_sync_lose_and_duplicate_nothing(
        shared_keyring, devices, signed_in_server, tmp_path):
    rng = random.Random(7_2026_11)
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)  # kills land on sync requests, not a refresh
    ctx = _fork_context()
    outputs = _kill_loop(FORKED_ROUNDS, lambda *args: _forked_kill(ctx, *args),
                         a, alice, b, tmp_path, rng)
    assert len(outputs) >= 50
    _assert_kills_landed(outputs)
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


@pytest.mark.slow
def test_cold_started_custos_sync_killed_mid_sync_loses_nothing(
        shared_keyring, devices, signed_in_server, tmp_path):
    rng = random.Random(11_2026)
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)
    outputs = _kill_loop(COLD_ROUNDS, _cold_kill, a, alice, b, tmp_path, rng)
    _assert_kills_landed(outputs + ["push: pull:"])  # too few rounds to insist on both
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


# -- the server ------------------------------------------------------------------------
def _start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync_server", "run", "--port", str(port),
         "--database-url", f"sqlite:///{db}"], cwd=ROOT, stdout=open(log, "ab"),
        stderr=subprocess.STDOUT, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"the server did not start: {log.read_text()}")


@pytest.mark.slow
def test_server_killed_mid_request_and_restarted_loses_and_duplicates_nothing(
        devices, signed_in_server, tmp_path):
    rng = random.Random(3_1415)
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)
    # The server runs as its own process on the same database and port.
    signed_in_server.stop()
    log = tmp_path / "server.log"
    server = _start_server(signed_in_server.db_path, signed_in_server.port, log)
    failed = 0
    try:
        for i in range(2):
            write_people(a, alice, 12, f"S{i}x", edits=6)  # 30 changes, 15 requests
            for rep in (a, b):
                result, moving = {}, threading.Event()

                def progress(p, moving=moving):
                    if p.phase in ("push", "pull"):
                        moving.set()
                worker = threading.Thread(target=lambda: result.update(
                    s=SyncEngine(rep, batch_size=2, page_size=3, progress=progress).run()))
                worker.start()
                # A sync of 15 small requests can finish within a fixed sleep on a
                # fast machine, so the kill waits for the first answered batch or
                # page; the requests after it follow back to back.
                assert moving.wait(30), "the sync made no progress"
                time.sleep(rng.uniform(0.0, 0.004))
                server.send_signal(signal.SIGKILL)
                server.wait(10)
                worker.join(60)
                summary = result["s"]
                if not summary.completed:
                    failed += 1
                    assert summary.error_code in ("offline", "server_error"), summary.error
                server = _start_server(signed_in_server.db_path, signed_in_server.port, log)
                if rep is a:  # so that b's killed sync has all of a's changes to pull
                    clean_sync(a, rounds=1)
        assert failed >= 3, "the kills interrupted syncs"
        clean_sync(a, b)
        assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])
    finally:
        server.kill()
        server.wait(10)
