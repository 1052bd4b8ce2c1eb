"""Against real uvicorn servers on 127.0.0.1: two server instances on one database take
concurrent pushes, and a client pulling meanwhile never skips a row."""
from __future__ import annotations

import socket
from contextlib import contextmanager
import threading
import time

import httpx2 as httpx
import pytest
import uvicorn

from sync_server.api import create_app
from sync_server.settings import Settings

from .conftest import Clock
from .support import Server, page_rows, person_values


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _serve(url: str, engine, clock: Clock):
    """The API served by its own uvicorn (own app, own connection pool) in a thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(database_url=url, clock=clock)),
                            host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield Server(client=client, engine=engine, clock=clock, url=url)
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live(database):
    url, engine = database
    with _serve(url, engine, Clock()) as server:
        yield server


@pytest.fixture
def second(database):
    """A second server instance on the same database, as a second process would be."""
    url, engine = database
    with _serve(url, engine, Clock()) as server:
        yield server


def test_health_and_openapi_over_real_http(live):
    answer = live.client.get("/api/v1/health")
    assert answer.json()["status"] == "ok"
    # Every answer says how long the server itself took (W3C Server-Timing).
    name, _, duration = answer.headers["server-timing"].partition(";dur=")
    assert name == "app" and 0 <= float(duration) < 10_000
    spec = live.client.get("/openapi.json").json()
    assert {"/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/sync/status",
            "/api/v1/conflicts", "/api/v1/conflicts/{conflict_id}/resolve"} <= set(spec["paths"])


def test_concurrent_pushes_never_make_a_pull_skip_a_row(live, second):
    # The writers talk to two server instances sharing one database.
    writers = [live.login("officer1"), second.login("officer2")]
    reader = live.login("super1")
    batches, size = 8, 5
    written: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    done = threading.Event()

    def write(dev):
        try:
            for _ in range(batches):
                changes = []
                for _ in range(size):
                    pid, ins = dev.insert("person", person_values())
                    changes.append(ins)
                    with lock:
                        written.append(pid)
                results = dev.push(changes)["results"]
                assert {r["outcome"] for r in results} == {"applied"}
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d,)) for d in writers]
    for t in threads:
        t.start()
    received: list[str] = []

    def follow():
        # Pull continuously while the writers commit, moving the cursor as a client would.
        while not done.is_set():
            page = reader.pull_page(limit=7)
            received.extend(r["row_id"] for r in page_rows(page))
            reader.cursor = page["cursor"]

    follower = threading.Thread(target=follow)
    follower.start()
    for t in threads:
        t.join()
    done.set()
    follower.join()
    assert not errors, errors
    # One more sync from the cursor the follower reached: if any page had skipped a row that
    # committed late with a lower sequence, it would be missing now.
    reader.sync_down()
    received.extend(row_id for _table, row_id in reader.replica)
    assert set(written) <= set(received)
    assert len(written) == 2 * batches * size
