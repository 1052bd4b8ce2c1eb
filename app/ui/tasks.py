"""Background work for the window: database, network and model work never
run on the UI thread.

    runner.run(fn, arg, ...).success(on_done).failure(on_error)

`fn` runs on a worker thread and must not touch any widget (as Anki's
CollectionOp warns: don't call UI routines in the op). Its return value or
exception comes back to the UI thread through a queued signal, where the
callbacks run. Callbacks can be attached right after `run()` returns: the
result can only be delivered once control is back in the event loop.

An `owner` (a widget or model) ties the outcome to it: when the owner is
deleted first (a page rebuilt in another language), the callbacks are
dropped instead of touching a deleted object. Callbacks that are methods of
a Qt object are dropped the same way when that object is gone.

Two lanes:
  "db"  one worker thread, so actions on the replica run one at a time in the
        order they were asked for (a search never races a save);
  "bg"  a small pool for network and model work (sync, scoring), so a slow
        server never holds up the replica lane.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from app.ui.qt import QObject, QRunnable, Qt, QThreadPool, Signal, Slot, is_alive

log = logging.getLogger(__name__)

LANES = ("db", "bg")


class Op(QObject):
    """One piece of background work and what to do with its outcome."""

    finished = Signal()  # emitted on the UI thread after the callbacks ran
    _outcome = Signal(object, object)  # (result, error), emitted by the worker

    def __init__(self, runner: "TaskRunner", fn: Callable[..., Any], args, kwargs,
                 owner: QObject | None = None):
        super().__init__(runner)
        self._owner = owner
        self._runner = runner
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        self.cancelled = False
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.thread_id: int | None = None  # the worker thread that ran it (for tests/diagnostics)
        # Queued explicitly: the worker emits, this object lives on the UI thread.
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def success(self, callback: Callable[[Any], None]) -> "Op":
        """Call `callback(result)` on the UI thread when the work succeeds."""
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        """Call `callback(error)` on the UI thread when the work raises."""
        self._on_failure.append(callback)
        return self

    def cancel(self) -> None:
        """Drop the outcome: the work may still run, but no callback will."""
        self.cancelled = True

    # -- worker side ----------------------------------------------------------
    def _execute(self) -> None:
        self.thread_id = threading.get_ident()
        try:
            result, error = self._fn(*self._args, **self._kwargs), None
        except BaseException as exc:  # delivered to the UI, never lost on a worker
            result, error = None, exc
        self._outcome.emit(result, error)

    # -- UI side ----------------------------------------------------------------
    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.done, self.result, self.error = True, result, error
        try:
            if self.cancelled or (self._owner is not None and not is_alive(self._owner)):
                return  # nobody left to show it to
            if error is None:
                for cb in self._on_success:
                    if _receiver_alive(cb):
                        cb(result)
            elif self._on_failure:
                for cb in self._on_failure:
                    if _receiver_alive(cb):
                        cb(error)
            else:
                self._runner.report_error(error)
        finally:
            self._runner._forget(self)
            self.finished.emit()


def _receiver_alive(callback) -> bool:
    """False when `callback` is a method of a Qt object that was deleted."""
    receiver = getattr(callback, "__self__", None)
    return not isinstance(receiver, QObject) or is_alive(receiver)


class _Job(QRunnable):
    def __init__(self, op: Op):
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self.op._execute()


class TaskRunner(QObject):
    """Runs callables off the UI thread and hands their outcome back to it."""

    busy_changed = Signal(bool)
    error = Signal(object)  # errors of ops that had no failure callback

    def __init__(self, parent: QObject | None = None, *, bg_threads: int = 2):
        super().__init__(parent)
        self._pools = {"db": QThreadPool(self), "bg": QThreadPool(self)}
        self._pools["db"].setMaxThreadCount(1)
        self._pools["bg"].setMaxThreadCount(bg_threads)
        self._live: set[Op] = set()

    def run(self, fn: Callable[..., Any], *args: Any, lane: str = "db",
            owner: QObject | None = None, **kwargs: Any) -> Op:
        """Start `fn(*args, **kwargs)` on a worker of `lane`; returns its Op.

        With `owner`, the outcome is dropped if the owner is deleted first.
        """
        if lane not in self._pools:
            raise ValueError(f"lane must be one of {LANES}")
        op = Op(self, fn, args, kwargs, owner)
        was_idle = not self._live
        self._live.add(op)
        self._pools[lane].start(_Job(op))
        if was_idle:
            self.busy_changed.emit(True)
        return op

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def report_error(self, error: BaseException) -> None:
        if not isinstance(error, Exception):
            raise error
        log.info("background work failed: %s", error, exc_info=error)
        self.error.emit(error)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every lane is idle (shutdown and tests)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def _forget(self, op: Op) -> None:
        self._live.discard(op)
        op.deleteLater()
        if not self._live:
            self.busy_changed.emit(False)
