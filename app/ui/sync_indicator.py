"""The sync indicator in the status bar, and the background sync that feeds it.

The indicator is always visible: online or offline, when the last sync
finished, how many local changes wait to be sent, and how many came back as
conflicts or were rejected. Its facts are read on the replica worker every
few seconds; a sync runs on the background lane every few minutes and when
the user asks (F5). The first sync of a replica shows a progress bar,
because it brings a whole facility down and takes a while.
"""
from __future__ import annotations

import datetime as dt
import importlib
import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from app.storage.local_tables import outbox
from app.ui.i18n import fmt_datetime
from app.ui.qt import (
    QHBoxLayout, QLabel, QObject, QProgressBar, QTimer, QToolButton, Qt, QWidget, Signal,
)
from app.ui.tasks import TaskRunner

REFRESH_MS = 15_000


@dataclass(frozen=True)
class SyncFacts:
    """What the indicator shows (read off the UI thread)."""

    pending: int
    conflicts: int
    rejected: int
    last_sync: dt.datetime | None
    server_url: str | None


def _count_open(conn, table_name: str) -> int:
    from app.storage import local_tables

    table = getattr(local_tables, table_name, None)
    if table is None:
        return 0
    try:
        return conn.execute(select(func.count()).select_from(table)
                            .where(table.c.status == "OPEN")).scalar_one()
    except OperationalError:  # a replica from before the sync tables
        return 0


def read_sync_facts(replica) -> SyncFacts:
    """Pending, conflicts, rejected and last sync of `replica` (Qt-free)."""
    with replica.reader.connect() as conn:
        pending = conn.execute(select(func.count()).select_from(outbox)
                               .where(outbox.c.status == "PENDING")).scalar_one()
        conflicts = _count_open(conn, "sync_conflict")
        rejected = _count_open(conn, "rejected_change")
        server = None
        try:
            from app.sync import state
            server = state.read(conn).server_url
        except (ImportError, OperationalError):
            pass
    last = replica.get_meta("last_sync")
    last_dt = None
    if last:
        try:
            last_dt = dt.datetime.fromisoformat(last.replace("Z", "+00:00"))
            if last_dt.tzinfo is None:
                last_dt = last_dt.replace(tzinfo=dt.timezone.utc)
        except ValueError:
            last_dt = None
    return SyncFacts(pending, conflicts or int(replica.get_meta("conflicts") or 0), rejected,
                     last_dt, server)


def sync_engine():
    """The sync engine module, once it is installed (None before)."""
    try:
        return importlib.import_module("app.sync.engine")
    except ModuleNotFoundError as exc:
        if exc.name == "app.sync.engine":
            return None
        raise


class SyncController(QObject):
    """Refreshes the facts and runs syncs in the background."""

    facts_changed = Signal(object)  # SyncFacts
    online_changed = Signal(bool)
    progress = Signal(int, int)  # (done, total); total 0 = unknown
    sync_started = Signal(bool)  # first sync?
    sync_finished = Signal(object)  # the engine's result, or the error
    _progress_from_worker = Signal(int, int)

    def __init__(self, runner: TaskRunner, replica, interval_minutes: int = 5, parent=None):
        super().__init__(parent)
        self._runner, self._replica = runner, replica
        self.online: bool | None = None
        self.facts: SyncFacts | None = None
        self.syncing = False
        self.auto_first_sync = True
        self.last_summary = None
        self._cancel = threading.Event()
        self._models_reported: set[tuple] = set()  # (model, reason code) already shown
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._sync_timer = QTimer(self)
        self._sync_timer.timeout.connect(self.sync_now)
        self.set_interval(interval_minutes)
        # Progress is reported from the worker; queued onto the UI thread.
        self._progress_from_worker.connect(self.progress, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._refresh_timer.start()
        self._sync_timer.start()
        self.refresh()

    def stop(self) -> None:
        self._refresh_timer.stop()
        self._sync_timer.stop()
        self._cancel.set()

    def set_interval(self, minutes: int) -> None:
        self._sync_timer.setInterval(max(1, minutes) * 60_000)

    def refresh(self):
        """Re-read the facts on the replica worker."""
        return self._runner.run(read_sync_facts, self._replica, owner=self).success(self._got_facts)

    def _got_facts(self, facts: SyncFacts) -> None:
        first_look = self.facts is None
        self.facts = facts
        self.facts_changed.emit(facts)
        # A replica that has a server but never synced fills itself at once,
        # rather than leaving a new workstation empty until the timer fires.
        if first_look and facts.server_url and facts.last_sync is None and self.auto_first_sync:
            self.sync_now()

    def sync_now(self):
        """Start one sync if none is running; returns its Op (None when not possible).

        The engine reports progress from its worker thread; the signal carries
        it to the UI thread. A sync that cannot reach the server leaves the
        client offline; one the server answered, even with a refusal, means
        the client is online.
        """
        engine = sync_engine()
        if engine is None or self.syncing:
            self.refresh()
            return None
        first = self.facts is not None and self.facts.last_sync is None
        self.syncing = True
        self._cancel.clear()
        self.sync_started.emit(first)

        def report(p) -> None:
            if p.phase == "indexing":  # after a first sync: a known number of steps
                self._progress_from_worker.emit(p.built, p.to_build)
                return
            done = p.pushed + p.rows
            total = p.to_push if p.phase == "push" else 0
            self._progress_from_worker.emit(done, total)

        def work(replica):
            return engine.SyncEngine(replica, progress=report, cancel=self._cancel).run()

        def done(summary):
            self.syncing = False
            self.last_summary = summary
            self._report_refused_models(summary)
            self._set_online(bool(summary.completed)
                             or summary.error_code not in ("offline", "unauthorized"))
            self.sync_finished.emit(summary)
            self.refresh()

        def failed(error):
            self.syncing = False
            self.sync_finished.emit(error)
            self.refresh()
            self._runner.report_error(error)

        op = self._runner.run(work, self._replica, lane="bg", owner=self)
        return op.success(done).failure(failed)

    def _report_refused_models(self, summary) -> None:
        """Tell the user, once per model and reason, that a model update was refused."""
        from app.scoring.registry import ModelRefused

        for refused in (getattr(summary, "models", None) or {}).get("refused", []):
            key = (refused.get("model"), refused.get("code"))
            if key in self._models_reported:
                continue
            self._models_reported.add(key)
            self._runner.report_error(ModelRefused(refused.get("model", "?"),
                                                   refused.get("code", "refused"),
                                                   refused.get("reason", "")))

    def _set_online(self, value: bool) -> None:
        if value != self.online:
            self.online = value
            self.online_changed.emit(value)


class SyncIndicator(QWidget):
    """Status-bar widget: online state, last sync, pending, conflicts, rejected."""

    open_rejected = Signal()

    def __init__(self, controller: SyncController, parent=None):
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.controller = controller
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.last = QLabel()
        self.pending = QLabel()
        self.conflicts = QLabel()
        self.rejected = QToolButton()
        self.rejected.setObjectName("syncRejected")
        self.rejected.setAutoRaise(True)
        self.rejected.setToolTip(self.tr("Open the rejected changes (Ctrl+Shift+R)"))
        self.bar = QProgressBar()
        self.bar.setObjectName("firstSyncProgress")
        self.bar.setAccessibleName(self.tr("First sync progress"))
        self.bar.setMaximumWidth(160)
        self.bar.hide()
        self.button = QToolButton()
        self.button.setText(self.tr("Sync now"))
        self.button.setAccessibleName(self.tr("Sync now"))
        self.button.setToolTip(self.tr("Sync now (F5)"))
        self.button.clicked.connect(controller.sync_now)
        self.rejected.clicked.connect(self.open_rejected)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for w in (self.state, self.last, self.pending, self.conflicts, self.rejected, self.bar,
                  self.button):
            layout.addWidget(w)
        controller.facts_changed.connect(self._show)
        controller.online_changed.connect(lambda _v: self._show(controller.facts))
        controller.sync_started.connect(self._started)
        controller.sync_finished.connect(self._finished)
        controller.progress.connect(self._progress)
        self._show(None)

    def _show(self, facts: SyncFacts | None) -> None:
        online = self.controller.online
        if online:
            self.state.setText(self.tr("● Online"))
        elif facts is not None and facts.server_url is None:
            self.state.setText(self.tr("○ Offline (no sync server yet)"))
        else:
            self.state.setText(self.tr("○ Offline"))
        if facts is None:
            self.last.setText(self.tr("Last sync: …"))
            return
        self.last.setText(self.tr("Last sync: %1").replace(
            "%1", fmt_datetime(facts.last_sync) if facts.last_sync else self.tr("never")))
        self.pending.setText(self.tr("%Ln change(s) to send", "", facts.pending))
        self.conflicts.setText(self.tr("%Ln conflict(s)", "", facts.conflicts))
        self.rejected.setText(self.tr("%Ln rejected", "", facts.rejected))
        # Conflicts and rejections need someone's attention: make them stand out.
        for label, n in ((self.conflicts, facts.conflicts), (self.rejected, facts.rejected)):
            label.setStyleSheet("color: #b00020; font-weight: bold;" if n else "")
        summary = " · ".join(w.text() for w in (self.state, self.last, self.pending,
                                                 self.conflicts, self.rejected))
        self.setAccessibleName(self.tr("Sync status"))
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)

    def _finished(self, outcome) -> None:
        self.bar.hide()
        error = getattr(outcome, "error", None) or (
            str(outcome) if isinstance(outcome, BaseException) else None)
        self.state.setToolTip(self.tr("Last sync stopped: %1").replace("%1", error)
                              if error else "")

    def _started(self, first: bool) -> None:
        self.bar.setRange(0, 0)
        self.bar.setVisible(first)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

