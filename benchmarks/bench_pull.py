"""Initial pull benchmark (issue 3 §8): a fresh device's first sync of a facility.

    python -m benchmarks.bench_pull [--people 100000] [--page-size 20000] [--profile FILE]

Fills a sync server database with N demo people in one facility (the
server's own demo-data service: about ten rows per person across person,
identifier, custody episode, movement, offence, sentence, alert, case note
and assessment), serves it with `custos-server run` in its own process on
127.0.0.1, signs a fresh encrypted replica in as a case manager of that
facility, and times its first `SyncEngine.run()` end to end, and per stage:

  - requests: each pull request from send to decoded JSON (server time,
    transfer, JSON decode); the client asks for page N+1 while it applies
    page N, so most of this overlaps the apply;
  - fetch wait: the time the sync actually waits for pages (what is left of
    the requests after the overlap, plus the message checks);
  - apply: the local transaction of each page (rows, cursor, audit entry,
    commit);
  - indexing: the secondary indexes and person search, set aside while the
    pages arrive and built once at the end (app.storage.bulk_load).

It also prints the CPU time of the client and of the server process: on a
busy machine the wall-clock times above depend on what else runs, and CPU
seconds per row are what the code itself costs.

It then inserts the same rows with raw sqlite3 executemany into an
unencrypted file with the same schema (one transaction, WAL), and prints
rows/s of each and the ratios: custos/raw speed for the whole sync and for
the apply stage alone. Target: initial pull >= 50,000 rows/s.

`--profile FILE` writes a cProfile of the client side of the sync.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import shutil
import sqlite3
import time
from pathlib import Path

import orjson
from sqlalchemy import create_engine

from app.core.protocol import MAX_PULL_PAGE
from app.core import gc_tuning
from benchmarks.common import scratch_home, server_process

FACILITY = "MDI"
USERNAME = "bench.casemanager"
PASSWORD = "Bench-Pull-Passphrase-42"


def build_server(db_path: Path, people: int, seed: int) -> int:
    """A server database with `people` demo people in FACILITY; returns its row count."""
    from sync_server.services import accounts, demo
    from sync_server.services.audit import Origin
    from sync_server.settings import utc_now
    from sync_server.storage import migrate
    from sync_server.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{db_path}", create_dirs=True)
    try:
        migrate.upgrade(engine)
        now = utc_now()
        with engine.begin() as conn:
            accounts.add_facility(conn, code=FACILITY, name="HMP Moorland", now=now,
                                  actor="bench", origin=Origin("cli"))
            accounts.add_user(conn, username=USERNAME, password=PASSWORD,
                              roles=["case_manager"], facilities=[FACILITY], now=now,
                              actor="bench", origin=Origin("cli"))
        return demo.create_people(engine, people=people, facilities=1, rng=random.Random(seed),
                                  now=now, progress=lambda *a: None)
    finally:
        engine.dispose()


class _Stages:
    """Wraps pull.fetch_page / pull.apply_page and the client's requests to time each stage."""

    def __init__(self):
        self.http = self.fetch = self.apply = self.apply_cpu = self.cpu = 0.0
        self.indexing = 0.0
        self.server_cpu: float | None = None
        self.pages = 0
        # The pull answers as received, for the raw baseline. Kept as bytes, not as
        # decoded rows: 800,000 row lists held for the whole sync made every full
        # collection of the client walk them (~3 s more JSON decoding in one run),
        # a cost of the benchmark that no device has.
        self.bodies: list[bytes] = []

    def rows(self) -> dict[tuple[str, tuple[str, ...]], list[list]]:
        """The very rows the pages carried, by (table, columns)."""
        from app.core.protocol import PullResponse

        rows: dict[tuple[str, tuple[str, ...]], list[list]] = {}
        for body in self.bodies:
            for block in PullResponse.from_json(orjson.loads(body)).tables:
                rows.setdefault((block.table, tuple(block.columns)), []).extend(block.rows)
        return rows

    def install(self, client):
        from app.sync import client as client_module, engine as engine_module, pull

        fetch, apply, decode = pull.fetch_page, pull.apply_page, client_module._decode
        finish = engine_module.bulk_load.finish
        # Every request, in the foreground or ahead (a client without requests ahead
        # has no _send: then its session's requests are timed).
        owner, name = (client, "_send") if hasattr(client, "_send") else (client.http, "request")
        send = getattr(owner, name)

        def timed_send(*a, **kw):
            start = time.perf_counter()
            try:
                return send(*a, **kw)
            finally:
                if any(isinstance(x, str) and x.endswith("/sync/pull") for x in a):
                    self.http += time.perf_counter() - start

        def timed_fetch(*a, **kw):
            start = time.perf_counter()
            page = fetch(*a, **kw)
            self.fetch += time.perf_counter() - start
            self.pages += 1
            return page

        def keeping_decode(resp):
            if resp.ok and resp.url.endswith("/sync/pull"):
                self.bodies.append(resp.content)  # a reference: no copy, no decoding
            return decode(resp)

        def timed_apply(*a, **kw):
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return apply(*a, **kw)
            finally:
                self.apply += time.perf_counter() - start
                self.apply_cpu += time.thread_time() - cpu

        def timed_finish(*a, **kw):
            start = time.perf_counter()
            try:
                return finish(*a, **kw)
            finally:
                self.indexing += time.perf_counter() - start

        setattr(owner, name, timed_send)
        pull.fetch_page, pull.apply_page = timed_fetch, timed_apply
        client_module._decode = keeping_decode
        engine_module.bulk_load.finish = timed_finish

        def restore():
            pull.fetch_page, pull.apply_page, client_module._decode = fetch, apply, decode
            engine_module.bulk_load.finish = finish
        return restore


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used so far; None where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw_baseline(rows: dict[tuple[str, tuple[str, ...]], list[list]], folder: Path) -> float:
    """Seconds to insert the same rows (the stored values the pages carried) with raw
    sqlite3 executemany (no encryption, same schema and indexes, WAL, one transaction)."""
    from app.core.schema import metadata

    path = folder / "baseline.db"
    metadata.create_all(create_engine(f"sqlite:///{path}"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    params = [(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               table_rows) for (name, cols), table_rows in rows.items()]
    start = time.perf_counter()
    conn.execute("BEGIN")
    for sql, values in params:
        conn.executemany(sql, values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def first_sync(url: str, page_size: int, profile_to: str | None, sequential: bool = False,
               server_pid: int | None = None):
    """Sign a fresh replica in and time its first sync; (summary, seconds, stages)."""
    from app.storage.replica import open_profile
    from app.sync import session
    from app.sync.client import SyncClient
    from app.sync.engine import SyncEngine

    replica = open_profile("bench")
    try:
        session.login_online(replica, server=url, username=USERNAME, password=PASSWORD)
        stages = _Stages()
        with SyncClient(url) as client:
            restore = stages.install(client)
            if sequential:  # for comparison: no request ahead, one page after another
                client.post_ahead = lambda *a, **kw: None
            engine = SyncEngine(replica, client=client, page_size=min(page_size, MAX_PULL_PAGE))
            profiler = cProfile.Profile() if profile_to else None
            server_cpu = process_cpu(server_pid) if server_pid else None
            start, cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            summary = engine.run()
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile_to)
            elapsed = time.perf_counter() - start
            stages.cpu = time.process_time() - cpu
            if server_cpu is not None:
                stages.server_cpu = process_cpu(server_pid) - server_cpu
            restore()
        if not summary.completed:
            raise RuntimeError(f"the first sync did not complete: {summary.error}")
        return summary, elapsed, stages
    finally:
        replica.close()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=MAX_PULL_PAGE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the client sync")
    parser.add_argument("--server-db", metavar="FILE", type=Path,
                        help="reuse this server database if it exists (else build and keep it "
                             "there), so runs compare the very same data")
    parser.add_argument("--sequential", action="store_true",
                        help="do not ask for the next page while applying one (to compare)")
    args = parser.parse_args(argv)
    gc_tuning.tune()  # the device side runs as the custos process does (app.__main__)

    with scratch_home() as home:
        folder = Path(home)
        start = time.perf_counter()
        if args.server_db and args.server_db.exists():
            shutil.copyfile(args.server_db, folder / "server.db")
            server_rows = None
        else:
            server_rows = build_server(folder / "server.db", args.people, args.seed)
            if args.server_db:
                shutil.copyfile(folder / "server.db", args.server_db)
        build_s = time.perf_counter() - start
        with server_process(f"sqlite:///{folder / 'server.db'}", folder / "server.log"
                            ) as (proc, url):
            summary, sync_s, stages = first_sync(url, args.page_size, args.profile,
                                                 args.sequential, proc.pid)
        n_rows = summary.pulled
        raw_s = raw_baseline(stages.rows(), folder)
    other_s = sync_s - stages.fetch - stages.apply - stages.indexing
    result = {
        "people": args.people, "server_rows": server_rows, "rows": n_rows,
        "pages": summary.pages, "page_size": args.page_size,
        "sync_s": sync_s, "requests_s": stages.http, "fetch_wait_s": stages.fetch,
        "apply_s": stages.apply, "indexing_s": stages.indexing,
        "apply_cpu_s": stages.apply_cpu, "client_cpu_s": stages.cpu,
        "server_cpu_s": stages.server_cpu, "sequential": args.sequential,
        "other_s": other_s, "raw_s": raw_s,
        "sync_rows_per_s": n_rows / sync_s, "apply_rows_per_s": n_rows / stages.apply,
        "raw_rows_per_s": n_rows / raw_s,
        "sync_ratio_to_raw": raw_s / sync_s, "apply_ratio_to_raw": raw_s / stages.apply,
    }
    print(f"initial pull of {args.people:,} people: {n_rows:,} rows in {summary.pages} pages "
          f"of <= {args.page_size}{', sequential' if args.sequential else ''} "
          f"(server ready in {build_s:.0f} s)")
    print(f"  end to end  {sync_s:7.2f} s  {n_rows / sync_s:>10,.0f} rows/s   "
          f"ratio {raw_s / sync_s:.3f} of raw sqlite3   target >= 50,000 rows/s")
    print(f"  requests    {stages.http:7.2f} s  {n_rows / stages.http:>10,.0f} rows/s   "
          "(server, transfer, JSON decode; overlaps the apply)")
    print(f"  fetch wait  {stages.fetch:7.2f} s  {n_rows / stages.fetch:>10,.0f} rows/s   "
          "(waiting for pages, message checks)")
    print(f"  apply       {stages.apply:7.2f} s  {n_rows / stages.apply:>10,.0f} rows/s   "
          f"ratio {raw_s / stages.apply:.3f} of raw sqlite3   "
          f"(CPU {stages.apply_cpu:.2f} s: {n_rows / stages.apply_cpu:,.0f} rows/s)")
    print(f"  client CPU  {stages.cpu:7.2f} s  {n_rows / stages.cpu:>10,.0f} rows/s   "
          "(the whole client process, every thread)")
    if stages.server_cpu:
        print(f"  server CPU  {stages.server_cpu:7.2f} s  "
              f"{n_rows / stages.server_cpu:>10,.0f} rows/s   (the server process, during the sync)")
    print(f"  indexing    {stages.indexing:7.2f} s  (indexes and person search built once, "
          "at the end)")
    print(f"  other       {other_s:7.2f} s  (sign-in check, handshake, cursor reads)")
    print(f"  raw sqlite3 {raw_s:7.2f} s  {n_rows / raw_s:>10,.0f} rows/s   "
          "(same rows, executemany, unencrypted, one transaction)")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
