"""Garbage-collector settings for Custos's long-running processes.

CPython's cyclic collector runs its youngest generation every 700 net
container allocations and, now and then, a full collection that walks every
object the process holds. A sync moves thousands of rows, each a few dicts
and lists, so with the defaults one push of 1,000 changes paid for ~30
young collections (~6 ms) and, every few pushes, a full one (75-100 ms on
the sync server, most of it walking the modules, SQLAlchemy metadata and
FastAPI routes loaded at start-up, which never become garbage).

`tune()` is called once a process has loaded what it keeps for its life
(the server before it serves, the `custos` command and window after start-up):

- `gc.freeze()` moves everything alive into a permanent generation that
  full collections skip;
- the young generation collects every 50,000 net allocations instead of
  700. Custos's rows are acyclic (reference counting frees them), so this
  delays little real garbage: a few MB at most between collections.
"""
from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
OLDER_THRESHOLDS = (10, 10)

_tuned = False


def tune() -> None:
    """Freeze what the process holds now and collect the young generation less often.

    Idempotent; later calls only freeze what was loaded since.
    """
    global _tuned
    gc.collect()
    gc.freeze()
    if not _tuned:
        gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
        _tuned = True
