"""The server's pooled PostgreSQL connections can die under it (a database restart, an
administrator ending sessions): the next request must get a live one, not an error."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

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
