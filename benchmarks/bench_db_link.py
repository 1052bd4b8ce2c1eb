"""The sync server's requests counted in round trips to PostgreSQL (issue 3 §8).

    python -m benchmarks.bench_db_link [--delay-ms 2] [--rounds 15] [--json]

In production PostgreSQL runs on a host of its own, and every time the server
waits for it is a network round trip. Here the fault proxy of the test suite
(tests/faults/proxy.py) relays the server's connections to the PostgreSQL at
CUSTOS_BENCH_PG, adding `--delay-ms` of latency each way. The sync server runs
in this process (FastAPI's TestClient, so no HTTP sockets add their own
latency); the devices are the server tests' protocol-level devices
(tests/server/support.py).

Timed, `--rounds` times each, by their medians: a push of 10 changes (5 people
with an identifier each), the pull page that brings them to a second device
(two tables), and GET /sync/status; and one `SELECT 1`, the baseline. All are
measured twice in the same run, through the relay with no delay and with the
delay. A request's added time divided by `SELECT 1`'s added time is how many
round trips it waits for, whatever the machine's speed (the server's own
work, the same in both, drops out).
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import server_database

USERS = ("officer1", "officer2")


def _seed(url: str, password: str) -> None:
    from sync_server.services import accounts
    from sync_server.services.audit import Origin
    from sync_server.settings import utc_now
    from sync_server.storage import migrate
    from sync_server.storage.engine import make_engine

    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            accounts.add_facility(conn, code="MDI", name="Moorland", now=utc_now(),
                                  actor="bench", origin=Origin("cli"))
            for name in USERS:
                accounts.add_user(conn, username=name, password=password, roles=["officer"],
                                  facilities=["MDI"], now=utc_now(), actor="bench",
                                  origin=Origin("cli"))
    finally:
        engine.dispose()


def _round_trip_s(url: str, rounds: int) -> float:
    """The median time of `SELECT 1` through the relay at `url`."""
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")  # connected; the rest are round trips
            times = []
            for _ in range(rounds * 4):
                started = time.perf_counter()
                conn.exec_driver_sql("SELECT 1").scalar_one()
                times.append(time.perf_counter() - started)
    finally:
        engine.dispose()
    return statistics.median(times)


def _requests(url: str, rounds: int) -> dict[str, list[float]]:
    """Seconds per push, pull page and status request, `rounds` of each."""
    from fastapi.testclient import TestClient

    from sync_server.api import create_app
    from sync_server.settings import Settings
    from tests.server.support import Server, person_values

    timings: dict[str, list[float]] = {"push": [], "pull": [], "status": []}
    app = create_app(Settings(database_url=url))
    with TestClient(app) as client:
        server = Server(client=client, engine=None, clock=None, url=url)
        pusher, puller = server.login(USERS[0]), server.login(USERS[1])
        puller.sync_down()
        for r in range(rounds + 1):  # the first round warms up: not counted
            batch = []
            for i in range(5):
                person_id, person = pusher.insert("person", person_values(f"Link{r}", f"P{i}"))
                batch += [person, pusher.insert("person_identifier", {
                    "person_id": person_id, "id_type": "PRISON_NUMBER",
                    "value": f"L{r}-{i}"})[1]]
            started = time.perf_counter()
            pusher.push(batch)
            pushed = time.perf_counter()
            page = puller.pull_page(after=puller.cursor)
            pulled = time.perf_counter()
            status = client.get("/api/v1/sync/status", headers=puller.headers)
            done = time.perf_counter()
            assert status.status_code == 200, status.text
            assert sum(len(t["rows"]) for t in page["tables"]) == 10, "the pull missed rows"
            puller.cursor = page["cursor"]
            if r:
                timings["push"].append(pushed - started)
                timings["pull"].append(pulled - pushed)
                timings["status"].append(done - pulled)
    app.state.context.engine.dispose()
    return timings


def main(argv: list[str] | None = None) -> dict:
    from tests.faults.proxy import Fault, FaultProxy
    from tests.server.support import PASSWORD

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=2.0,
                        help="latency the relay adds, each way")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="custos-link-") as tmp, \
            server_database("postgresql", Path(tmp)) as url:
        _seed(url, PASSWORD)
        from sqlalchemy.engine import make_url

        port = make_url(url).port or 5432
        measured = {}
        with FaultProxy(port) as relay:
            relayed = url.replace(f":{port}/", f":{relay.port}/", 1)
            for delay in (0.0, args.delay_ms):
                relay.set(Fault.delayed(delay / 1000))
                trip = _round_trip_s(relayed, args.rounds)
                measured[delay] = (trip, {name: statistics.median(times) for name, times
                                          in _requests(relayed, args.rounds).items()})
    (trip0, base), (trip, slow) = measured[0.0], measured[args.delay_ms]
    added = trip - trip0
    result = {"delay_ms": args.delay_ms, "select_1_ms": [trip0 * 1000, trip * 1000]}
    print(f"SELECT 1 through the relay: {trip0 * 1000:.2f} ms, and {trip * 1000:.2f} ms "
          f"with {args.delay_ms:g} ms added each way")
    for name, label in (("push", "push of 10 changes, two tables"),
                        ("pull", "pull page of those 10 rows"),
                        ("status", "GET /sync/status")):
        trips = (slow[name] - base[name]) / added
        result[name] = {"median_ms": [base[name] * 1000, slow[name] * 1000],
                        "round_trips": trips}
        print(f"{label:32s} {base[name] * 1000:6.1f} ms, and {slow[name] * 1000:6.1f} ms: "
              f"{trips:4.1f} round trips (the sign-in check's included)")
    if args.json:
        print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
