"""Shared benchmark helpers: timing, percentiles, a throw-away Custos home."""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from contextlib import contextmanager
from typing import Callable, Iterator


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
