"""Shared benchmark helpers: timing, percentiles, a throw-away Custos home."""
from __future__ import annotations

import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]

# The raw sqlite3 baselines bind values as Custos's own drivers do (app.core.sqlite_binding),
# whether or not this process has imported the sync server: the ratios then show what
# Custos adds, not a driver cost both could avoid (~0.4 us a None in the baselines).
from app.core.sqlite_binding import bind_directly  # noqa: E402

bind_directly(sqlite3)


def percentile(samples: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank) of samples."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[rank]


def summarise_ms(samples_s: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {"median_ms": statistics.median(ms), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99)}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@contextmanager
def peak_memory() -> Iterator[dict]:
    """Measure this process's resident memory over the block (Linux): the dict it
    yields gets `before_mib` (after handing freed heap back to the system, so that
    what the block needs shows as growth) and, on exit, `peak_mib` (the most held at
    once, from the kernel's high-water mark, reset at the start). Empty elsewhere."""
    figures: dict = {}
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")  # 5: reset the peak (VmHWM)
        figures["before_mib"] = _status_kib("VmRSS") / 1024
    except (OSError, AttributeError, ValueError):
        yield figures
        return
    yield figures
    figures["peak_mib"] = _status_kib("VmHWM") / 1024


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise ValueError(f"/proc/self/status has no {field}")


def reference_work_ms(repeats: int = 3) -> float:
    """Milliseconds a fixed piece of CPU work (Python bytecode and an in-memory SQLite
    insert) takes on this machine now, best of `repeats`. This machine's speed varies by
    the hour, up to twice; latencies, which are not ratios, are only comparable between
    runs whose reference work took about the same time."""
    def work() -> None:
        total = 0
        for i in range(300_000):
            total += i % 7
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
        db.executemany("INSERT INTO t VALUES (?, ?)", ((i, str(i)) for i in range(30_000)))
        db.close()

    return min(timed(work) for _ in range(repeats)) * 1000


@contextmanager
def scratch_home() -> Iterator[str]:
    """A temporary CUSTOS_HOME and an in-memory keyring for the benchmark."""
    import keyring

    from app.storage.memory_keyring import MemoryKeyring

    with tempfile.TemporaryDirectory(prefix="custos-bench-") as home:
        old = os.environ.get("CUSTOS_HOME")
        os.environ["CUSTOS_HOME"] = home
        keyring.set_keyring(MemoryKeyring())
        try:
            yield home
        finally:
            if old is None:
                os.environ.pop("CUSTOS_HOME", None)
            else:
                os.environ["CUSTOS_HOME"] = old


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def split_cores() -> tuple[set[int], set[int]] | None:
    """(server's cores, devices' cores): the server gets one core of its own, as it
    would be another machine than the devices; None where that cannot be arranged."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return None
    return {cores[-1]}, set(cores[:-1])


@contextmanager
def server_process(database_url: str, log: Path,
                   cores: set[int] | None = None) -> Iterator[tuple[subprocess.Popen, str]]:
    """`custos-server run` on a free loopback port in its own process (optionally on
    `cores`): (process, base URL), stopped on exit."""
    port = _free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "sync_server", "run", "--port",
                                 str(port), "--database-url", database_url], cwd=ROOT,
                                env=dict(os.environ), stdout=out, stderr=subprocess.STDOUT)
    try:
        if cores:
            os.sched_setaffinity(proc.pid, cores)
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the sync server stopped: {log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the sync server did not start within 60 s") from None
                time.sleep(0.1)
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


POSTGRES = os.environ.get("CUSTOS_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextmanager
def database_on_cores(database_url: str, cores: set[int] | None) -> Iterator[str | None]:
    """Run the PostgreSQL at `database_url` on `cores` (the sync server's) while inside.

    PostgreSQL belongs to the server's side: in production it shares no core with
    the devices. Left to the scheduler here, a backend answering the server's
    query often ran on the core where the fifty simulated devices queue for the
    CPU, and waited behind them (a server p99 of 70-140 ms, 45-50 ms when pinned).
    The postmaster is pinned, so every backend it starts meanwhile is too, and it is
    given back its cores on exit (or by the next run, if this one was killed).
    Yields None, or why it could not be arranged (a database on another machine,
    or no right to move its processes); SQLite runs inside the server's own
    process and needs nothing.
    """
    if cores is None or not database_url.startswith("postgresql"):
        yield None
        return
    from sqlalchemy import create_engine

    engine = create_engine(database_url)
    if engine.url.host not in (None, "", "localhost", "127.0.0.1", "::1"):
        engine.dispose()
        yield f"PostgreSQL at {engine.url.host} is on another machine: its cores are its own"
        return
    try:
        with engine.connect() as conn:
            backend = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        # /proc/<pid>/stat: "pid (comm) state ppid ..."; a backend's parent is the postmaster.
        postmaster = int(Path(f"/proc/{backend}/stat").read_text().rpartition(")")[2].split()[1])
        # The cores it had are written down first: a run killed before it could give
        # them back (SIGKILL) leaves the note, and the next run restores from it.
        note = Path(tempfile.gettempdir()) / f"custos-bench-postmaster-{postmaster}.cores"
        if note.exists():
            before = {int(c) for c in note.read_text().split()}
        else:
            before = os.sched_getaffinity(postmaster)
            note.write_text(" ".join(map(str, sorted(before))))
        os.sched_setaffinity(postmaster, cores)
    except (OSError, ValueError) as exc:
        postmaster, reason = None, f"PostgreSQL left on every core ({exc})"
    finally:
        engine.dispose()
    if postmaster is None:
        yield reason
        return
    try:
        yield None
    finally:
        os.sched_setaffinity(postmaster, before)
        note.unlink(missing_ok=True)


@contextmanager
def server_database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of an empty sync-server database: a SQLite file in `folder`, or a
    throw-away schema of the PostgreSQL at CUSTOS_BENCH_PG (127.0.0.1:5432/test by
    default), dropped on exit."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'server.db'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"custos_bench_{os.getpid()}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
