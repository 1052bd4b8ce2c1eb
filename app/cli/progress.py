"""A plain text progress bar for long commands (demo data, first sync, batch scoring).

It writes to stderr, so the command's own output on stdout stays clean, and
draws in place only on a terminal; elsewhere (CI logs, pipes) it prints one
line per phase and a line every tenth of the way, so logs stay short.
"""
from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """`update(phase, done, total)` as work advances; `close()` at the end."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._phase: str | None = None
        self._last_tenth = -1

    def update(self, phase: str, done: int, total: int) -> None:
        if phase != self._phase:
            if self._phase is not None and self.tty:
                self.stream.write("\n")
            self._phase, self._last_tenth = phase, -1
        fraction = done / total if total else 1.0
        filled = int(WIDTH * fraction)
        line = f"{phase:<18} [{'#' * filled}{'.' * (WIDTH - filled)}] {done:>7,}/{total:,}"
        if self.tty:
            self.stream.write("\r" + line)
        elif int(fraction * 10) != self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._phase is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()
