"""Background work that outlives its widget must not call back into it.

A page can be destroyed while its work is still on the replica worker (the
main window rebuilds its pages when the language changes; a closed dialog is
freed). The work itself still completes (a save is still saved), but its
callbacks would touch a deleted widget. `OpGuard` cancels the callbacks of a
widget's outstanding ops when the widget is destroyed.
"""
from __future__ import annotations

from app.ui.qt import QObject


class OpGuard:
    """Tracks a widget's outstanding ops; drops their callbacks once it is destroyed."""

    def __init__(self, widget: QObject):
        self._ops: set = set()
        # Connected to this plain object, never to the widget: the widget is
        # already half gone when `destroyed` is emitted.
        widget.destroyed.connect(self._cancel_all)

    def track(self, op):
        """Watch `op` until it has delivered; returns it for chaining."""
        self._ops.add(op)
        op.finished.connect(lambda: self._ops.discard(op))
        return op

    def _cancel_all(self, *_args) -> None:
        for op in list(self._ops):
            op.cancel()
        self._ops.clear()
