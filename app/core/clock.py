"""Hybrid logical clock (Kulkarni et al. 2014) for ordering changes.

An HLC timestamp stays close to wall-clock time but never goes backwards and
always moves past any timestamp it has seen, so causally later changes sort
later even across devices whose clocks disagree. It orders display and the
outbox only: no legal or clinical field is ever decided by it (see merge).

Timestamps are strings `PPPPPPPPPPPPP-CCCC-NODE` (13-digit milliseconds,
4-digit hex counter, node id), which sort correctly as plain text.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True, order=True)
class HLCTimestamp:
    millis: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:04x}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> "HLCTimestamp":
        """Read a timestamp written by `str()`."""
        millis, counter, node = text.split("-", 2)
        return cls(int(millis), int(counter, 16), node)


class HybridLogicalClock:
    """A per-device HLC; thread-safe. `wall` is injectable for tests."""

    def __init__(self, node: str, last: str | None = None,
                 wall: Callable[[], float] = time.time):
        self.node = node
        self._wall = wall
        self._lock = threading.Lock()
        self._last = HLCTimestamp.parse(last) if last else HLCTimestamp(0, 0, node)

    def now(self) -> str:
        """Timestamp for a local event."""
        with self._lock:
            physical = int(self._wall() * 1000)
            if physical > self._last.millis:
                self._last = HLCTimestamp(physical, 0, self.node)
            else:
                self._last = HLCTimestamp(self._last.millis, self._last.counter + 1, self.node)
            return str(self._last)

    def observe(self, remote: str) -> str:
        """Merge a timestamp received from elsewhere; returns the new local time."""
        other = HLCTimestamp.parse(remote)
        with self._lock:
            physical = int(self._wall() * 1000)
            top = max(physical, self._last.millis, other.millis)
            if top == self._last.millis == other.millis:
                counter = max(self._last.counter, other.counter) + 1
            elif top == self._last.millis:
                counter = self._last.counter + 1
            elif top == other.millis:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = HLCTimestamp(top, counter, self.node)
            return str(self._last)

    @property
    def last(self) -> str:
        return str(self._last)
