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
from sqlalchemy import func, select

from app.core.schema import person
from sync_server.api import create_app
from sync_server.settings import Settings
from sync_server.storage.sync_tables import change_log, conflict

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
    # A client generated from the document knows every sync call needs a bearer token
    # and may state its versions in headers.
    schemes = spec["components"]["securitySchemes"]
    for path, method in [("/api/v1/sync/push", "post"), ("/api/v1/sync/pull", "post"),
                         ("/api/v1/sync/status", "get")]:
        operation = spec["paths"][path][method]
        assert [name for need in operation["security"] for name in need] == ["HTTPBearer"]
        assert schemes["HTTPBearer"]["scheme"] == "bearer"
        assert {p["name"] for p in operation["parameters"] if p["in"] == "header"} == {
            "X-Custos-Protocol", "X-Custos-Schema"}


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


def _shared_people(server, count: int) -> list[str]:
    """Ids of `count` people recorded at MDI (first names First0, First1, ...)."""
    setup = server.login("super1")
    people = []
    for i in range(count):
        pid, ins = setup.insert("person", person_values(f"First{i}", "Shared"))
        setup.push([ins])
        people.append(pid)
    return people


def _all_at_once(work, arguments: list[tuple]) -> None:
    """Run `work(*args)` for each of `arguments` in its own thread, all starting together;
    raise what any of them raised."""
    start, errors = threading.Barrier(len(arguments)), []

    def run(args):
        try:
            start.wait(timeout=30)
            work(*args)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(args,)) for args in arguments]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_concurrent_edits_of_the_same_people_through_two_servers_lose_nothing(live, second):
    """Two devices, on two server instances sharing one database, edit the same people at
    the same time: one their middle names, the other their first names. Each merge must
    read the row as the other's last commit left it, so every edit lands exactly once,
    with no conflict (different fields), and the version counts them all. This is the
    guarantee a push that locks less (docs/sync.md) must keep."""
    people = _shared_people(live, 4)
    rounds = 12
    editors = [(live.login("officer1"), "middle_names", None),
               (second.login("officer2"), "first_name", "First{i}")]
    outcomes: list[str] = []
    lock = threading.Lock()

    def edit(dev, field_name, first):
        for r in range(rounds):
            batch = []
            for i, pid in enumerate(people):
                if r == 0:
                    before = first.format(i=i) if first else None
                else:
                    before = f"{field_name}-{r - 1}"
                batch.append(dev.update("person", pid,
                                        {field_name: [before, f"{field_name}-{r}"]}))
            results = dev.push(batch)["results"]
            with lock:
                outcomes.extend(res["outcome"] for res in results)

    _all_at_once(edit, editors)
    assert outcomes == ["applied"] * (len(editors) * rounds * len(people))
    with live.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(person).where(person.c.id.in_(people)))}
        logged = dict(conn.execute(select(change_log.c.row_id, func.count())
                                   .where(change_log.c.row_id.in_(people))
                                   .group_by(change_log.c.row_id)).all())
    last = f"-{rounds - 1}"
    for pid in people:
        assert (rows[pid].middle_names, rows[pid].first_name) == (
            "middle_names" + last, "first_name" + last)
        assert rows[pid].version == 1 + len(editors) * rounds  # each edit applied once
        assert logged[pid] == 1 + len(editors) * rounds  # and logged once


def test_concurrent_edits_of_the_same_field_through_two_servers_keep_every_value(live, second):
    """Two devices, on two server instances, rename the same people at the same time. An
    edit whose starting value is no longer the server's becomes a conflict that keeps both
    values; every other edit applies. No value sent is lost, each counts once, and the
    version counts exactly the edits applied."""
    people = _shared_people(live, 3)
    rounds = 10
    editors = [live.login("officer1"), second.login("officer2")]
    sent: list[tuple[str, str, str]] = []  # (device, person, value) of every edit
    outcomes: dict[tuple[str, str, str], str] = {}  # (device, person, value) -> outcome
    lock = threading.Lock()

    def edit(dev):
        known = {pid: f"First{i}" for i, pid in enumerate(people)}  # as the device saw it
        for r in range(rounds):
            batch = []
            for pid in people:
                value = f"{dev.username}-{r}"
                batch.append(dev.update("person", pid, {"first_name": [known[pid], value]}))
                known[pid] = value
                with lock:
                    sent.append((dev.device_id, pid, value))
            results = dev.push(batch)["results"]
            with lock:
                for pid, res in zip(people, results):
                    outcomes[(dev.device_id, pid, f"{dev.username}-{r}")] = res["outcome"]

    _all_at_once(edit, [(dev,) for dev in editors])
    assert set(outcomes.values()) <= {"applied", "conflict"}
    assert len(outcomes) == len(sent) == len(editors) * rounds * len(people)
    with live.engine.connect() as conn:
        kept = {(r.client_device, r.row_id, r.client_value) for r in conn.execute(
            select(conflict.c.client_device, conflict.c.row_id, conflict.c.client_value)
            .where(conflict.c.row_id.in_(people), conflict.c.field == "first_name"))}
        versions = dict(conn.execute(select(person.c.id, person.c.version)
                                     .where(person.c.id.in_(people))).all())
    conflicted = {key for key, outcome in outcomes.items() if outcome == "conflict"}
    assert kept == conflicted  # every edit not applied is in the queue, with its value
    for pid in people:
        applied = sum(1 for (_d, p, _v), o in outcomes.items() if p == pid and o == "applied")
        assert versions[pid] == 1 + applied


def test_the_same_batch_through_two_servers_at_once_is_applied_once(live, second):
    """A device's batch reaches two server instances at the same moment (a retry that a
    load balancer sent elsewhere while the first attempt still ran). One push waits for
    the other's sequence lock and must then find the batch already applied: it is
    applied once and answered as a duplicate once, every round, and logged once."""
    dev = live.login("officer1")
    rounds, size = 10, 3
    answers: list[list[str]] = []
    lock = threading.Lock()

    def send(server, batch):
        resp = server.client.post("/api/v1/sync/push", headers=dev.headers, json={
            "device_id": dev.device_id, "changes": batch})
        assert resp.status_code == 200, resp.text
        with lock:
            answers.append([r["outcome"] for r in resp.json()["results"]])

    for r in range(rounds):
        batch = [dev.insert("person", person_values(f"Once{r}x{i}", "Twice"))[1]
                 for i in range(size)]
        answers.clear()
        _all_at_once(send, [(live, batch), (second, batch)])
        assert sorted(answers) == [["applied"] * size, ["duplicate"] * size], r
    with live.engine.connect() as conn:
        logged = conn.execute(select(func.count()).select_from(change_log)
                              .where(change_log.c.device_id == dev.device_id)).scalar_one()
    assert logged == rounds * size
