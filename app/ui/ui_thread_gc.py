"""Cyclic garbage is collected on the UI thread, never on a worker.

CPython runs its cyclic collector in whichever thread happens to allocate
past the collector's threshold. When that is a worker (a search on the "db"
lane, a sync on "bg") and the garbage holds Qt objects, say a closed dialog
kept in a reference cycle by a connected lambda, their C++ side is destroyed
off the thread that owns it, which Qt does not allow: the process can crash.
It did, in the test suite: a segmentation fault in a worker's JSON decoding,
"Garbage-collecting".

So while the window runs, the automatic collector is off and a timer on the
UI thread runs the collections it would have run, by the same thresholds
(app.core.gc_tuning's, once tuned). Reference counting, which frees nearly
all of Custos's objects, works on every thread as before.
"""
from __future__ import annotations

import gc

from app.ui.qt import QObject, QTimer

INTERVAL_MS = 250


class UiThreadCollector(QObject):
    """While it lives (`install` ... `uninstall`), cyclic garbage is collected only by
    its timer, on the thread it was made on (the UI thread)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    def collect_due(self) -> int | None:
        """Run the collection the thresholds call for now, if any (the oldest generation
        whose count passed its threshold); returns the generation collected, or None."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return None

    def uninstall(self) -> None:
        """Collect what is left, here on the UI thread, and give collection back to
        CPython (once no worker holds Qt objects any more)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def install(parent: QObject) -> UiThreadCollector:
    """Start collecting cyclic garbage on this (the UI) thread only, for `parent`'s life
    or until `uninstall`."""
    return UiThreadCollector(parent)
