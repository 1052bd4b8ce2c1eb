"""Sync under load (issue 3 §8): 50 devices syncing against one server at once.

    python -m benchmarks.bench_sync_concurrency [--clients 50] [--rounds 10]
        [--changes 4] [--people 2000] [--workers 50]

The server runs as its own process (`python -m sync_server run`, uvicorn on
127.0.0.1, SQLite), holding a facility of --people people. --clients devices
of another facility sign in (each its own replica and session), then all of
them, each in its own process by default (--workers), start together and run
--rounds rounds of: record --changes changes (people with an identifier), sync
(status, push, pull of everyone else's changes), pause 0-100 ms. Prints the
latency percentiles (p50/p95/p99) of every HTTP request and of whole syncs,
requests per second, and the error count. Target: p99 <= 250 ms, no errors.

The devices and the server would be different machines: here they share two
cores, so the server runs on one core and the device processes on the other
(--shared-cores to let them mix); a local PostgreSQL's backends run on the
server's core too (benchmarks.common.database_on_cores). Each request's
latency is shown as the devices saw it and as the server measured it (its
Server-Timing header); the difference is time spent outside the server: on
the loopback and in the devices' own processes, 50 of them taking turns on
one core. The server's figures are also split at the run's first second,
when every device starts its first sync at once, so a tail from that burst
is told from a steady one. Each whole sync's time spent runnable but waiting
for the devices' core (the kernel's run delay of its thread) is printed
beside it.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import secrets
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.bench_pull import process_cpu
from benchmarks.bench_sync import OTHER, fill_server
from benchmarks.common import (database_on_cores, percentile, reference_work_ms, scratch_home,
                               server_database, server_process, split_cores)

def device_template(folder: Path) -> tuple[Path, bytes]:
    """One migrated empty replica that every device copies (migrating each one would
    cost 0.3 s, and Alembic must not run in several threads at once)."""
    from app.storage.replica import Replica

    path, key = folder / "template" / "replica.db", secrets.token_bytes(32)
    rep = Replica.open(path, key)
    with rep.engine.begin() as conn:  # each copy draws its own device identity
        conn.exec_driver_sql("DELETE FROM replica_meta WHERE key = 'device_id'")
    rep.close()
    return path, key


def sign_in(template: tuple[Path, bytes], folder: Path, url: str, username: str,
            password: str, index: int, opening: threading.Lock) -> dict:
    """A new device signed in online; returns what a worker needs to reopen it."""
    import shutil

    from app.storage.replica import Replica
    from app.sync import session

    source, key = template
    path = folder / f"device{index:03d}" / "replica.db"
    path.parent.mkdir(parents=True)
    shutil.copyfile(source, path)
    with opening:
        rep = Replica.open(path, key)
    try:
        session.login_online(rep, server=url, username=username, password=password)
        return {"path": str(path), "key": key, "tokens": session.load_tokens(rep)}
    finally:
        rep.close()


def worker(devices: list[dict], rounds: int, changes: int, seed: int, ready) -> dict:
    """Run the devices' sync rounds in threads, once every worker process is ready
    (`ready`, a barrier: starting the processes takes longer than their rounds);
    their latencies and errors."""
    import datetime as dt

    import keyring

    from app.core import gc_tuning
    from app.domain import people
    from app.storage.memory_keyring import MemoryKeyring
    from app.storage.replica import Replica
    from app.sync import session
    from app.sync import client as client_module
    from app.sync.client import SyncClient
    from app.sync.engine import SyncEngine
    from app.sync import state

    keyring.set_keyring(MemoryKeyring())
    gc_tuning.tune()  # as the custos process does once started (app.__main__)
    requests_s: list[float] = []
    server_s: list[float] = []  # the server's own time, from its Server-Timing header
    server_at: list[float] = []  # when each of those requests began (wall clock)
    syncs_s: list[float] = []
    syncs_waiting_s: list[float] = []  # of each sync, the time its thread waited for a core
    by_endpoint: dict[str, list[float]] = {}  # push / pull / status: as the devices saw them
    server_by_endpoint: dict[str, list[float]] = {}  # the same, by the server's own clock
    errors: list[str] = []
    lock = threading.Lock()

    def timed(resp, *args, **kwargs):
        own = resp.headers.get("server-timing", "").partition(";dur=")[2]
        endpoint = resp.request.path_url.rsplit("/", 1)[-1]
        with lock:
            requests_s.append(resp.elapsed.total_seconds())
            by_endpoint.setdefault(endpoint, []).append(resp.elapsed.total_seconds())
            if own:
                server_s.append(float(own) / 1000)
                server_by_endpoint.setdefault(endpoint, []).append(float(own) / 1000)
                server_at.append(time.time() - resp.elapsed.total_seconds())
            if resp.status_code >= 400:
                errors.append(f"HTTP {resp.status_code}: {resp.text[:200]}")

    # Every HTTP session a client opens is timed: pull pages are also asked for ahead,
    # on a session of their own.
    sessions = client_module._session

    def timed_session(base_url):
        http = sessions(base_url)
        http.hooks["response"].append(timed)
        return http

    client_module._session = timed_session

    def open_device(device: dict) -> tuple:
        rep = Replica.open(Path(device["path"]), device["key"])
        session.save_tokens(rep, device["tokens"])
        with rep.reader.connect() as conn:
            client = SyncClient(state.read(conn).server_url)
        return rep, session.signed_in_actor(rep), client

    def run(device: dict, opened: tuple, rng: random.Random) -> None:
        rep, actor, client = opened
        try:
            for r in range(rounds):
                with rep.unit_of_work(actor) as uow:
                    for i in range(max(1, changes // 2)):
                        people.create_person(
                            uow, first_name=f"Load{r}x{i}", last_name=f"D{device['n']}",
                            date_of_birth=dt.date(1990, 1, 1), sex="F",
                            identifiers=[("PRISON_NUMBER", f"L{device['n']}-{r}-{i}")],
                            not_duplicate_reason="benchmark")
                start, waited = time.perf_counter(), waiting_s()
                summary = SyncEngine(rep, client=client).run()
                elapsed = time.perf_counter() - start
                with lock:
                    syncs_s.append(elapsed)
                    if waited is not None:
                        syncs_waiting_s.append(waiting_s() - waited)
                    if not summary.completed:
                        errors.append(f"sync: {summary.error}")
                time.sleep(rng.uniform(0, 0.1))
        finally:
            client.close()
            rep.close()

    rng = random.Random(seed)
    # Each replica is open before the start, as a running workstation's is: opening one
    # is the app's start-up, not a sync, and fifty at once crowded the first second.
    threads = [threading.Thread(target=run, args=(d, open_device(d), random.Random(rng.random())))
               for d in devices]
    ready.wait()
    cpu = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu = time.process_time() - cpu
    return {"requests": requests_s, "server": server_s, "server_at": server_at,
            "syncs": syncs_s, "syncs_waiting": syncs_waiting_s, "errors": errors,
            "by_endpoint": by_endpoint, "server_by_endpoint": server_by_endpoint, "cpu_s": cpu}


def waiting_s() -> float | None:
    """Seconds the calling thread has spent runnable but waiting for a core (Linux's
    run delay, /proc/thread-self/schedstat); None where the kernel does not say."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def _summary(samples: list[float]) -> dict:
    ms = [s * 1000 for s in samples]
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "max_ms": max(ms)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--changes", type=int, default=4)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=50,
                        help="device processes (default: one per device, as each device "
                             "is its own machine; fewer puts several devices' threads in "
                             "one process, where they also wait for each other's GIL)")
    parser.add_argument("--shared-cores", action="store_true",
                        help="let the server and the devices share every core")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="the server's database (postgresql: the one at CUSTOS_BENCH_PG)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    split = None if args.shared_cores else split_cores()
    reference = reference_work_ms()
    with scratch_home(), tempfile.TemporaryDirectory(prefix="custos-load-") as tmp, \
            server_database(args.database, Path(tmp)) as url:
        folder = Path(tmp)
        passwords, rows, _ = fill_server(url, args.people)
        log = folder / "server.log"
        with database_on_cores(url, split[0] if split else None) as unpinned, \
                server_process(url, log, split[0] if split else None) as (proc, server_url):
            if unpinned:
                print(unpinned, flush=True)
            users = [f"officer.{OTHER.lower()}", f"supervisor.{OTHER.lower()}"]
            started = time.perf_counter()
            template, opening = device_template(folder), threading.Lock()
            with ThreadPoolExecutor(4) as pool:
                devices = list(pool.map(
                    lambda i: sign_in(template, folder, server_url, users[i % 2],
                                      passwords[users[i % 2]], i, opening),
                    range(args.clients)))
            print(f"{args.clients} devices signed in ({time.perf_counter() - started:.0f} s); "
                  f"server holds {rows:,} rows", flush=True)
            for i, d in enumerate(devices):
                d["n"] = i
            shares = [devices[i::args.workers] for i in range(args.workers)]
            ctx = multiprocessing.get_context("spawn")
            # The devices' processes run on the other cores (sign-in above is not timed).
            # Every process imports Custos before the rounds start, all at once.
            with ctx.Manager() as manager, ctx.Pool(
                    args.workers, initializer=os.sched_setaffinity if split else None,
                    initargs=(0, split[1]) if split else ()) as pool:
                ready = manager.Barrier(args.workers + 1)
                waiting = pool.starmap_async(worker, [
                    (share, args.rounds, args.changes, n, ready)
                    for n, share in enumerate(shares)])
                ready.wait(timeout=600)
                started, server_cpu = time.perf_counter(), process_cpu(proc.pid)
                parts = waiting.get()
                wall = time.perf_counter() - started
                if server_cpu is not None:
                    server_cpu = process_cpu(proc.pid) - server_cpu
        # What the server logged about its failures (the log goes with the folder).
        logged = log.read_text(errors="replace").splitlines()
        server_errors = sorted({line.strip() for line in logged
                                if "Error" in line and not line.startswith(" ")})
    requests_s = [x for p in parts for x in p["requests"]]
    server_s = [x for p in parts for x in p["server"]]
    # Where the server's tail comes from: the first second, when every device starts
    # its first sync at once, against the rest of the run.
    timed_at = [(at, s) for p in parts for at, s in zip(p["server_at"], p["server"])]
    first = min(at for at, _ in timed_at)
    opening = [s for at, s in timed_at if at - first < 1.0]
    later = [s for at, s in timed_at if at - first >= 1.0]
    syncs_s = [x for p in parts for x in p["syncs"]]
    waiting = [x for p in parts for x in p["syncs_waiting"]]
    errors = [x for p in parts for x in p["errors"]]
    endpoints: dict[str, list[float]] = {}
    at_server: dict[str, list[float]] = {}
    for part in parts:
        for name, samples in part["by_endpoint"].items():
            endpoints.setdefault(name, []).extend(samples)
        for name, samples in part["server_by_endpoint"].items():
            at_server.setdefault(name, []).extend(samples)
    result = {"clients": args.clients, "rounds": args.rounds, "changes_per_round": args.changes,
              "wall_s": wall, "requests": _summary(requests_s), "server": _summary(server_s),
              "server_first_second": _summary(opening) if opening else None,
              "server_after_first_second": _summary(later) if later else None,
              "syncs": _summary(syncs_s),
              "syncs_waiting_for_core": _summary(waiting) if waiting else None,
              "requests_per_s": len(requests_s) / wall,
              "by_endpoint": {name: _summary(v) for name, v in sorted(endpoints.items())},
              "server_by_endpoint": {name: _summary(v) for name, v in sorted(at_server.items())},
              "server_cpu_s": server_cpu,
              "devices_cpu_s": sum(p["cpu_s"] for p in parts),
              "errors": len(errors), "first_errors": errors[:5],
              "server_errors": server_errors[:10]}
    r, o, s = result["requests"], result["server"], result["syncs"]
    server_side = ("server" if args.database == "sqlite" or unpinned
                   else "server and PostgreSQL")
    result["cores"] = ({"server": sorted(split[0]), "devices": sorted(split[1]),
                        "postgresql_with_server": server_side != "server"} if split
                       else "shared")
    result["reference_work_ms"] = reference
    where = (f"{server_side} on core {sorted(split[0])}, devices on {sorted(split[1])}"
             if split else "server and devices sharing every core")
    print(f"{args.clients} clients x {args.rounds} syncs in {wall:.1f} s: {r['n']} requests "
          f"({result['requests_per_s']:.0f}/s); {where}")
    print(f"request latency  p50 {r['p50_ms']:.0f} ms  p95 {r['p95_ms']:.0f} ms  "
          f"p99 {r['p99_ms']:.0f} ms  max {r['max_ms']:.0f} ms  (target p99 <= 250 ms; as the "
          "devices saw it)")
    print(f"  of which server p50 {o['p50_ms']:.0f} ms  p95 {o['p95_ms']:.0f} ms  "
          f"p99 {o['p99_ms']:.0f} ms  max {o['max_ms']:.0f} ms  (its Server-Timing: the rest is "
          "the network and the devices' own waits)")
    for label, part in (("in the first second", result["server_first_second"]),
                        ("after it", result["server_after_first_second"])):
        if part:
            print(f"    server {label:<20} x{part['n']:<5} p50 {part['p50_ms']:.0f} ms  "
                  f"p99 {part['p99_ms']:.0f} ms  max {part['max_ms']:.0f} ms")
    for name, e in result["by_endpoint"].items():
        own = result["server_by_endpoint"].get(name)
        print(f"  {name:<6} x{e['n']:<5}  p50 {e['p50_ms']:.0f} ms  p95 {e['p95_ms']:.0f} ms  "
              f"p99 {e['p99_ms']:.0f} ms  (as the devices saw it)" + (
                  f"; server p50 {own['p50_ms']:.0f} ms  p99 {own['p99_ms']:.0f} ms"
                  if own else ""))
    if server_cpu is not None:
        print(f"server CPU       {server_cpu:.1f} s over {wall:.1f} s ({server_cpu / wall:.0%} of "
              f"a core), {server_cpu / len(syncs_s) * 1000:.1f} ms per sync")
    devices_cpu = result["devices_cpu_s"]
    print(f"devices' CPU     {devices_cpu:.1f} s over {wall:.1f} s on "
          f"{len(split[1]) if split else 'every'} core(s), {devices_cpu / len(syncs_s) * 1000:.1f} "
          "ms per round (recording the changes and syncing): whatever exceeds the devices' "
          "cores is queueing inside the latencies they saw")
    print(f"whole sync       p50 {s['p50_ms']:.0f} ms  p95 {s['p95_ms']:.0f} ms  "
          f"p99 {s['p99_ms']:.0f} ms")
    if waiting:
        w = result["syncs_waiting_for_core"]
        share = sum(waiting) / sum(syncs_s)
        print(f"  of which runnable, waiting for the devices' core: p50 {w['p50_ms']:.0f} ms  "
              f"p95 {w['p95_ms']:.0f} ms  p99 {w['p99_ms']:.0f} ms  ({share:.0%} of all the "
              "syncs' time)")
    print(f"errors           {len(errors)}" + (f": {errors[:3]}" if errors else ""))
    print(f"this machine     reference work {reference:.0f} ms before the run (the same work "
          "on a slower hour takes longer: compare runs at about the same figure)")
    for line in server_errors[:10]:
        print(f"server log       {line}")
    if args.json:
        print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
