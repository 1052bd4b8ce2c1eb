"""The server's pooled PostgreSQL connections can die under it (a database restart, an
administrator ending sessions): the next request must get a live one, not an error."""
from __future__ import annotations

import time
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, event, text

from sync_server.storage import engine as server_engine

from .conftest import PG_BASE
from .support import page_rows, person_values


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite has no server to end them
def test_requests_after_the_database_ended_the_servers_connections_succeed(server):
    dev = server.login("officer1")
    engine = server.client.app.state.context.engine
    # Every connection the server's pool holds, in use at once so each shows its pid.
    held = [engine.connect() for _ in range(engine.pool.size())]
    pids = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() for c in held]
    for conn in held:
        conn.close()  # back to the pool, still open
    admin = create_engine(PG_BASE, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        ended = conn.execute(text("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) "
                                  "FROM unnest(CAST(:pids AS int[])) AS pid) AS t"),
                             {"pids": pids}).scalar_one()
        assert ended == len(pids)
        for _ in range(100):  # until they are gone, as after a restart
            left = conn.execute(text("SELECT count(*) FROM pg_stat_activity "
                                     "WHERE pid = ANY(CAST(:pids AS int[]))"),
                                {"pids": pids}).scalar_one()
            if not left:
                break
            time.sleep(0.05)
    admin.dispose()

    status = server.client.get("/api/v1/sync/status", headers=dev.headers)
    assert status.status_code == 200, status.text
    pid, change = dev.insert("person", person_values())
    assert dev.push([change])["results"][0]["outcome"] == "applied"
    assert pid in [r["row_id"] for r in page_rows(dev.pull_page())]


@contextmanager
def _connections_ended_at_checkout(engine, times: int = 1, skip: int = 0):
    """The next `times` connections the server's pool hands out (after `skip` more) are
    ended by the database just after the pool's own check passed: as when the database
    restarts, or fails over, while requests are starting. Yields the backend ids ended."""
    admin = create_engine(PG_BASE, isolation_level="AUTOCOMMIT")
    ended: list[int] = []
    skipped: list[int] = []

    def end_it(dbapi_conn, _record, _proxy):
        if len(skipped) < skip:
            skipped.append(dbapi_conn.info.backend_pid)
            return
        if len(ended) >= times:
            return
        pid = dbapi_conn.info.backend_pid
        ended.append(pid)
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            for _ in range(100):
                if not conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = "
                                         ":pid"), {"pid": pid}).scalar_one():
                    break
                time.sleep(0.05)

    event.listen(engine, "checkout", end_it)
    try:
        yield ended
    finally:
        event.remove(engine, "checkout", end_it)
        admin.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_connection_lost_as_a_request_starts_is_replaced_and_the_request_succeeds(server):
    dev = server.login("officer1")
    engine = server.client.app.state.context.engine
    pid, change = dev.insert("person", person_values())

    with _connections_ended_at_checkout(engine) as ended:
        status = server.client.get("/api/v1/sync/status", headers=dev.headers)
    assert ended and status.status_code == 200, status.text

    # The push's own transaction (the first connection is its sign-in check's).
    with _connections_ended_at_checkout(engine, skip=1) as ended:
        pushed = dev.push([change])
    assert ended and pushed["results"][0]["outcome"] == "applied"

    with _connections_ended_at_checkout(engine) as ended:
        page = dev.pull_page()
    assert ended
    assert [r["row_id"] for r in page_rows(page)].count(pid) == 1
    # Applied once: sent again, it is a replay.
    assert dev.push([change])["results"][0]["outcome"] == "duplicate"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_database_that_stays_unreachable_gets_a_503_that_says_nothing_was_lost(server):
    dev = server.login("officer1")
    engine = server.client.app.state.context.engine
    pid, change = dev.insert("person", person_values())

    with _connections_ended_at_checkout(engine, times=4):
        refused = server.client.post("/api/v1/sync/push", headers=dev.headers, json={
            "device_id": dev.device_id, "changes": [change]})
    assert refused.status_code == 503, refused.text
    error = refused.json()["error"]
    assert error["code"] == "database_unavailable"
    assert "database" in error["message"] and "nothing was lost" in error["message"]
    assert refused.headers["Retry-After"]

    # Nothing was written: the same change, pushed again, is applied (not a duplicate).
    assert dev.push([change])["results"][0]["outcome"] == "applied"
    assert [r["row_id"] for r in page_rows(dev.pull_page())].count(pid) == 1


_TAKE_THE_SEQUENCE_LOCK = "SELECT head_seq FROM srv_sync_state WHERE id = 1 FOR UPDATE"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_push_that_waits_too_long_for_the_lock_is_told_busy_and_keeps_nothing(
        server, monkeypatch):
    """Another writer holds the sequence lock (a long admin load, a stuck process): the
    push waits at most the write wait, as on SQLite, and is told the server is busy."""
    monkeypatch.setattr(server_engine, "WRITE_WAIT_S", 0.5)
    server.client.app.state.context.engine.dispose()  # new sessions take the new limit
    dev = server.login("officer1")
    pid, change = dev.insert("person", person_values())
    with server.engine.connect() as holder:
        holder.exec_driver_sql(_TAKE_THE_SEQUENCE_LOCK)
        started = time.monotonic()
        refused = server.client.post("/api/v1/sync/push", headers=dev.headers, json={
            "device_id": dev.device_id, "changes": [change]})
        waited = time.monotonic() - started
        holder.rollback()
    assert refused.status_code == 503, refused.text
    assert refused.json()["error"]["code"] == "server_busy" and waited < 5
    assert dev.push([change])["results"][0]["outcome"] == "applied"  # nothing kept before
    assert [r["row_id"] for r in page_rows(dev.pull_page())].count(pid) == 1


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_writer_stuck_inside_its_transaction_stops_holding_up_every_push(
        server, monkeypatch):
    """A server process cut off in the middle of a push keeps its session open inside
    the transaction, holding the sequence lock. PostgreSQL ends such a session after
    the idle limit, and the pushes waiting behind it go through."""
    monkeypatch.setattr(server_engine, "IDLE_IN_TRANSACTION_S", 1.0)
    stuck_engine = server_engine.make_engine(server.url)
    dev = server.login("officer1")
    pid, change = dev.insert("person", person_values())
    try:
        stuck = stuck_engine.connect()
        stuck.exec_driver_sql(_TAKE_THE_SEQUENCE_LOCK)  # ...and never another statement
        started = time.monotonic()
        result = dev.push([change])
        waited = time.monotonic() - started
        with pytest.raises(Exception):  # the database ended the stuck session
            stuck.exec_driver_sql("SELECT 1")
        stuck.invalidate()
    finally:
        stuck_engine.dispose()
    assert result["results"][0]["outcome"] == "applied"
    assert 0.5 < waited < server_engine.WRITE_WAIT_S  # it waited for the stuck one only
    assert pid in [r["row_id"] for r in page_rows(dev.pull_page())]
