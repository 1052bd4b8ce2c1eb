"""Sync benchmark (issue 3 §8): a device's first pull, and an incremental sync.

    python -m benchmarks.bench_sync [--people 100000] [--changes 1000] [--rounds 7] [--json]

The server runs as its own process (`custos-server run`, SQLite, uvicorn on
127.0.0.1), as it would run on its own machine.

1. Initial pull. The server is filled in bulk
   with one facility of N people and their history, as `custos-server
   demo-data` does (about 8 rows a person: person, identifier, custody
   episode, movement, offence, sentence, case notes, alerts, assessments).
   A fresh device signed in as that facility's case manager then runs its
   first sync. Prints rows/s, and the ratio to inserting the same rows with
   raw sqlite3 executemany into an unencrypted file with the same schema.
2. Incremental sync. Two devices of another facility (officer and
   supervisor), already synced, on the same full server: device A records
   `--changes` changes (half new people with identifiers, half edits), then
   A's sync (push, and the pull of its own rows back) and B's sync (pull) are
   timed together, --rounds times. Prints the best and the median round,
   rows/s and the ratio to the same rows inserted with raw sqlite3.
Targets: initial pull >= 50,000 rows/s; 1,000 changes pushed and pulled
<= 150 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import secrets
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from app.core import gc_tuning
from benchmarks.common import peak_memory, server_database, scratch_home, server_process

FACILITY = "MDI"
OTHER = "LEI"


def fill_server(database_url: str, people: int, facilities: int = 1,
                extra_facilities: int = 1) -> tuple[dict[str, str], int, float]:
    """Bulk-load the demo data; returns (username -> password, rows, seconds)."""
    from sync_server.services import demo
    from sync_server.services.audit import Origin
    from sync_server.settings import utc_now
    from sync_server.storage import migrate
    from sync_server.storage.engine import make_engine

    engine = make_engine(database_url, create_dirs=True)
    try:
        migrate.upgrade(engine)
        rng, now = random.Random(1), utc_now()
        made = demo.create_accounts(engine, facilities=facilities + extra_facilities, rng=rng,
                                    now=now, origin=Origin("cli"))
        start = time.perf_counter()
        rows = demo.create_people(engine, people=people, facilities=facilities, rng=rng,
                                  now=now, progress=lambda *a: None)
        return {a.username: a.password for a in made}, rows, time.perf_counter() - start
    finally:
        engine.dispose()


def signed_in_device(folder: Path, server_url: str, username: str, password: str):
    """A new replica signed in online at the server as `username`."""
    from app.storage.replica import Replica
    from app.sync import session

    rep = Replica.open(folder / username / "replica.db", secrets.token_bytes(32))
    session.login_online(rep, server=server_url, username=username, password=password)
    return rep, session.signed_in_actor(rep)


def replica_rows(rep) -> dict[str, list[dict]]:
    """Every replicated row the replica holds, by table."""
    from app.core.schema import REPLICATED_TABLES

    out = {}
    with rep.reader.connect() as conn:
        for name, table in REPLICATED_TABLES.items():
            rows = [dict(r) for r in conn.execute(select(table)).mappings()]
            if rows:
                out[name] = rows
    return out


def raw_insert_seconds(rows: dict[str, list[dict]], folder: Path) -> float:
    """Seconds to insert `rows` with raw sqlite3 executemany (no encryption, one
    transaction, foreign keys off), into a file with the same schema."""
    from app.core.codec import to_json
    from app.core.schema import metadata

    path = folder / f"raw-{secrets.token_hex(4)}.db"
    metadata.create_all(create_engine(f"sqlite:///{path}"))
    prepared = []
    for name, table_rows in rows.items():
        cols = list(table_rows[0])
        sql = f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        prepared.append((sql, [tuple(_plain(to_json(r[c])) for c in cols) for r in table_rows]))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    start = time.perf_counter()
    conn.execute("BEGIN")
    for sql, values in prepared:
        conn.executemany(sql, values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _plain(value):
    return json.dumps(value) if isinstance(value, (dict, list)) else value


def initial_pull(url: str, passwords: dict[str, str], folder: Path) -> dict:
    from app.sync.engine import SyncEngine

    user = f"casemanager.{FACILITY.lower()}"
    rep, _actor = signed_in_device(folder, url, user, passwords[user])
    try:
        with peak_memory() as memory:
            start = time.perf_counter()
            summary = SyncEngine(rep).run()
            elapsed = time.perf_counter() - start
        if not summary.completed:
            raise RuntimeError(summary.error)
        rows = replica_rows(rep)
    finally:
        rep.close()
    n = sum(len(v) for v in rows.values())
    raw = raw_insert_seconds(rows, folder)
    return {"rows": n, "pulled": summary.pulled, "pages": summary.pages, "seconds": elapsed,
            "rows_per_s": n / elapsed, "raw_rows_per_s": n / raw,
            "ratio_to_raw": (n / raw) / (n / elapsed),
            "tables": {k: len(v) for k, v in rows.items()}, "memory_mib": memory}


def _changes(rep, actor, n: int) -> None:
    """`n` changes on `rep`: n/4 people with an identifier (n/2 changes), n/2 edits."""
    from app.core.schema import person
    from app.domain import people

    made = []
    with rep.unit_of_work(actor) as uow:
        for i in range(n // 4):
            made.append(people.create_person(
                uow, first_name=f"Inc{i}", last_name="Bench", date_of_birth=dt.date(1980, 1, 2),
                sex="M", identifiers=[("PRISON_NUMBER", f"B{i:05d}")],
                not_duplicate_reason="benchmark"))
    with rep.unit_of_work(actor) as uow:
        for i in range(n - 2 * (n // 4)):
            uow.update(person, made[i % len(made)]["id"], {"middle_names": f"m{i}"})


def incremental(url: str, passwords: dict[str, str], folder: Path, changes: int,
                rounds: int = 3) -> dict:
    from app.sync.engine import SyncEngine

    a, alice = signed_in_device(folder, url, f"officer.{OTHER.lower()}",
                                passwords[f"officer.{OTHER.lower()}"])
    b, _ = signed_in_device(folder, url, f"supervisor.{OTHER.lower()}",
                            passwords[f"supervisor.{OTHER.lower()}"])
    try:
        for rep in (a, b):
            assert SyncEngine(rep).run().completed
        timings = []
        for _ in range(rounds):
            _changes(a, alice, changes)
            start = time.perf_counter()
            pushed = SyncEngine(a).run()
            mid = time.perf_counter()
            pulled = SyncEngine(b).run()
            end = time.perf_counter()
            if not (pushed.completed and pulled.completed):
                raise RuntimeError(pushed.error or pulled.error)
            if pushed.applied != changes:
                raise RuntimeError(f"pushed {pushed.applied} of {changes}")
            timings.append((end - start, mid - start, end - mid, pulled.pulled))
        with b.reader.connect() as conn:
            from app.core.schema import person
            held = conn.execute(select(func.count()).select_from(person)).scalar_one()
        sample = replica_rows(b)
    finally:
        a.close(), b.close()
    best = min(timings)
    # The same number of rows (the pulled ones) inserted with raw sqlite3.
    subset, want = {}, best[3]
    for name, rows in sample.items():
        take = rows[:max(0, want - sum(len(v) for v in subset.values()))]
        if take:
            subset[name] = take
    raw = raw_insert_seconds(subset, folder)
    n = sum(len(v) for v in subset.values())
    return {"changes": changes, "seconds": best[0], "push_seconds": best[1],
            "pull_seconds": best[2], "pulled_rows": best[3], "rows_per_s": changes / best[0],
            "raw_rows_per_s": n / raw, "ratio_to_raw": (n / raw) / (changes / best[0]),
            "median_ms": statistics.median(t[0] for t in timings) * 1000,
            "all_rounds_ms": [round(t[0] * 1000, 1) for t in timings], "people_on_b": held}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="the server's database (postgresql: the one at CUSTOS_BENCH_PG)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    gc_tuning.tune()  # the device side runs as the custos process does (app.__main__)
    with scratch_home(), tempfile.TemporaryDirectory(prefix="custos-sync-") as tmp, \
            server_database(args.database, Path(tmp)) as url:
        folder = Path(tmp)
        passwords, loaded, load_s = fill_server(url, args.people)
        print(f"server: {args.people:,} people, {loaded:,} rows bulk-loaded in {load_s:.1f} s "
              f"({loaded / load_s:,.0f} rows/s)", flush=True)
        with server_process(url, folder / "server.log") as (_proc, server_url):
            pull = initial_pull(server_url, passwords, folder)
            print(f"initial pull  {pull['rows']:,} rows in {pull['seconds']:.2f} s = "
                  f"{pull['rows_per_s']:,.0f} rows/s (target >= 50,000); raw sqlite3 "
                  f"{pull['raw_rows_per_s']:,.0f} rows/s, ratio {pull['ratio_to_raw']:.1f}x",
                  flush=True)
            memory = pull["memory_mib"]
            if "peak_mib" in memory:
                print(f"  the device's memory: at most {memory['peak_mib']:,.0f} MiB resident "
                      f"during it, {memory['peak_mib'] - memory['before_mib']:+,.0f} MiB over "
                      f"the {memory['before_mib']:,.0f} MiB held before (this process also "
                      "filled the server)", flush=True)
            inc = incremental(server_url, passwords, folder, args.changes, args.rounds)
            print(f"incremental   {inc['changes']:,} changes pushed and pulled in "
                  f"{inc['seconds'] * 1000:.0f} ms, best of {args.rounds} (A "
                  f"{inc['push_seconds'] * 1000:.0f} ms, B {inc['pull_seconds'] * 1000:.0f} ms; "
                  f"median {inc['median_ms']:.0f} ms; target <= 150 ms) = "
                  f"{inc['rows_per_s']:,.0f} rows/s; raw sqlite3 {inc['raw_rows_per_s']:,.0f} "
                  f"rows/s, ratio {inc['ratio_to_raw']:.1f}x; rounds {inc['all_rounds_ms']} ms",
                  flush=True)
    result = {"people": args.people, "server_rows": loaded, "initial_pull": pull,
              "incremental": inc}
    if args.json:
        print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
