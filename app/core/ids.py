"""Client-generated UUIDv7 identifiers (RFC 9562).

Every replicated row is created with a UUIDv7 on the device that created it,
so nothing has to be renumbered after sync, and ids sort by creation time,
which keeps B-tree inserts local.
"""
from __future__ import annotations

import os
import re
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7() -> str:
    """A new UUIDv7 as a 36-character string, monotonic within this process."""
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same (or earlier) millisecond: keep ids increasing by bumping the
            # 74 random bits as a counter (RFC 9562 §6.2, method 2).
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6
        _last_ms, _last_rand = ms, rand
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_uuid(value: object) -> bool:
    """True if `value` is a canonical UUID string (lower-case hex, 8-4-4-4-12)."""
    return isinstance(value, str) and _CANONICAL_UUID.fullmatch(value) is not None
