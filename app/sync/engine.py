"""One sync: sign the device in, push the outbox, pull what changed.

    engine = SyncEngine(replica, progress=callback, cancel=threading.Event())
    summary = engine.run()   # never raises for network, server or version trouble

The same engine serves `custos sync` and the desktop client, which runs it
on a background thread: `progress(Progress)` is called from that thread
after every batch and page (the UI must hand it to its own thread), and
setting `cancel` stops the sync at the next batch or page boundary.

Every step commits on its own, so a sync killed at any moment resumes on
the next run: acknowledged batches stay acknowledged, applied pages stay
applied with their cursor, and whatever was in flight is sent or fetched
again (the server's per-device sequence makes a re-sent batch harmless).

Steps:
1. authorise: a valid access token from the keyring (refreshed if needed);
2. handshake, on a device's first sync only: GET /sync/status tells the
   server's epoch and the last device sequence it holds;
3. push the outbox in batches, in order (after the last batch, the first pull
   page is requested while the batch's outcomes are recorded);
4. pull pages until the server has no more (a first sync of many pages loads
   them without indexes and builds those once at the end: storage.bulk_load);
   the last page carries the same status as the handshake (protocol 3), read
   in that page's transaction, so later syncs need no status request;
5. adopt the status: a changed epoch (a server restored from backup) resets
   the pull cursor, and changes the server no longer holds are queued again
   and pushed in another round; the open conflicts settle;
6. record `last_sync` and the open conflict count for `custos status`;
7. update the signed risk models (app.sync.models): verified manifest and
   files only, and no request at all when the status named the manifest
   this device already holds; the outcome is `SyncSummary.models`, and a
   failure there leaves the records' sync completed.

Without a handshake first, a server restored from backup is still noticed
before anything is lost: it refuses a push that does not follow on from the
device sequence it holds (sequence_gap) and a pull from another epoch or past
its newest change (epoch_changed); either sends the engine back to step 2.
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import asdict, dataclass, field
from typing import Callable

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from app.core.errors import CustosError
from app.core.roles import CENTRAL_OFFICE
from app.core.protocol import (
    EPOCH_CHANGED, MAX_PULL_PAGE, MAX_PUSH_BATCH, SEQUENCE_GAP, PushRequest, SyncStatus,
)
from app.storage import bulk_load
from app.storage.engine import storage_problem
from app.storage.unit_of_work import utcnow
from app.sync import models as model_updates
from app.sync import pull, push, session, state
from app.sync.client import AuthRequired, ServerRefused, SyncClient, SyncError

MAX_EPOCH_ROUNDS = 3


class SyncCancelled(SyncError):
    code = "cancelled"


@dataclass
class Progress:
    """Where a running sync is; passed to the progress callback."""

    phase: str  # connecting / push / pull / indexing / done
    pushed: int = 0
    to_push: int = 0
    pages: int = 0
    rows: int = 0
    removed: int = 0
    built: int = 0  # indexing: steps done of `to_build` (after a first sync's bulk load)
    to_build: int = 0


@dataclass
class SyncSummary:
    """What one sync did. `completed` is True only if every step finished."""

    completed: bool = False
    pushed: int = 0
    applied: int = 0
    duplicate: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    rebased: int = 0
    pages: int = 0
    requeued: int = 0
    epoch_changed: bool = False
    pending: int = 0
    conflict_ids: list[str] = field(default_factory=list)
    models: dict = field(default_factory=dict)  # app.sync.models.ModelUpdate.to_json()
    error: str | None = None
    error_code: str | None = None
    started_at: str | None = None
    finished_at: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


class SyncEngine:
    """Runs syncs of one replica against the server it signed in to."""

    def __init__(self, replica, *, client: SyncClient | None = None,
                 batch_size: int = MAX_PUSH_BATCH, page_size: int = MAX_PULL_PAGE,
                 progress: Callable[[Progress], None] | None = None,
                 cancel: threading.Event | None = None,
                 clock: Callable[[], dt.datetime] = utcnow):
        if not 1 <= batch_size <= MAX_PUSH_BATCH:
            raise ValueError(f"batch_size must be between 1 and {MAX_PUSH_BATCH}")
        if not 1 <= page_size <= MAX_PULL_PAGE:
            raise ValueError(f"page_size must be between 1 and {MAX_PULL_PAGE}")
        self.replica = replica
        self._client = client
        self.batch_size = batch_size
        self.page_size = page_size
        self.progress = progress or (lambda p: None)
        self.cancel = cancel or threading.Event()
        self.clock = clock
        self.username = ""
        self._refreshed = False
        self._models_manifest: str | None = None  # the server's, from the handshake

    # -- public -----------------------------------------------------------------
    def run(self) -> SyncSummary:
        """Run one sync; the summary says what happened and, if it stopped, why."""
        summary = SyncSummary(started_at=self.clock().isoformat())
        client = self._client
        try:
            client = client or self._open_client()
            self._run(client, summary)
            summary.completed = True
        except CustosError as exc:  # offline, versions, refused, cancelled, bad messages
            summary.error = str(exc)
            summary.error_code = getattr(exc, "code", type(exc).__name__)
        except (DBAPIError, sqlcipher3.DatabaseError) as exc:  # the replica refused a write
            problem = storage_problem(exc)
            if problem is None:
                raise
            summary.error_code, summary.error = problem
        finally:
            if self._client is None and client is not None:
                client.close()
            with self.replica.reader.connect() as conn:
                summary.pending = state.pending_count(conn)
            summary.finished_at = self.clock().isoformat()
        return summary

    # -- steps ------------------------------------------------------------------
    def _open_client(self) -> SyncClient:
        with self.replica.reader.connect() as conn:
            server_url = state.read(conn).server_url
        if not server_url:
            raise AuthRequired("this profile has no sync server yet; run "
                               "`custos login --server URL --user NAME` first")
        return SyncClient(server_url)

    def _run(self, client: SyncClient, summary: SyncSummary) -> None:
        self.progress(Progress("connecting"))
        self.username = session.authorise(self.replica, client, now=self.clock())
        # A device that knows the server's epoch pushes and pulls straight away: the push
        # refuses a sequence gap, the pull a changed epoch, and the last page brings the
        # status. The status request is only for the first sync and after those refusals.
        handshake = self._recorded_epoch() is None
        for _round in range(MAX_EPOCH_ROUNDS):
            if handshake:
                self._handshake(client, summary)
            try:
                self._push(client, summary)
                status = self._pull(client, summary)
            except _EpochMoved:
                handshake = True
                continue  # the server was restored while we synced: reconcile, go again
            if status is None:  # a server that sent no status with its last page
                status = self._fetch_status(client)
            if self._adopt_status(status, summary):
                handshake = False
                continue  # the server lacks changes it had acknowledged: push them again
            open_conflicts = self._open_conflicts(client)
            with self.replica.engine.begin() as conn:
                state.record_finished_sync(conn, self.clock(), open_conflicts)
            summary.models = model_updates.update_models(
                lambda path, limit: self._call(
                    client, lambda: model_updates.fetch_bytes(client, path, limit)),
                offered_sha256=self._models_manifest).to_json()
            self.progress(Progress("done", summary.pushed, summary.pushed, summary.pages,
                                   summary.pulled, summary.removed))
            return
        raise SyncError("the server's epoch kept changing during the sync; try again later")

    def _call(self, client: SyncClient, fn):
        """Run a request; on a 401 with a cached access token, refresh once and retry."""
        try:
            return fn()
        except AuthRequired:
            if self._refreshed:
                raise
            self._refreshed = True
            session.authorise(self.replica, client, force_refresh=True, now=self.clock())
            return fn()

    def _fetch_status(self, client: SyncClient) -> SyncStatus:
        return self._call(client, lambda: SyncStatus.from_json(client.get("/sync/status")))

    def _handshake(self, client: SyncClient, summary: SyncSummary) -> None:
        self._adopt_status(self._fetch_status(client), summary)

    def _adopt_status(self, status: SyncStatus, summary: SyncSummary) -> bool:
        """Reconcile with what the server holds; True if changes were queued again (the
        server lost some it had acknowledged, or its epoch changed) and must be pushed."""
        self._models_manifest = status.models_manifest
        changed, requeued = self._reconcile(status.epoch, status.last_device_seq, summary)
        # A server that lists the open conflicts of this device's changes lets the
        # local list follow resolutions.
        still_open = status.open_conflicts
        if isinstance(still_open, list):
            with self.replica.reader.connect() as conn:
                settled = state.open_conflict_ids(conn) - set(still_open)
            if settled:  # a write transaction only when something changed
                with self.replica.engine.begin() as conn:
                    state.settle_conflicts(conn, set(still_open))
        return changed or requeued > 0

    def _reconcile(self, epoch: str, last_device_seq: int | None,
                   summary: SyncSummary) -> tuple[bool, int]:
        changed, requeued = push.reconcile_epoch(
            self.replica, server_epoch=epoch, server_last_device_seq=last_device_seq,
            username=self.username, now=self.clock())
        summary.epoch_changed |= changed
        summary.requeued += requeued
        return changed, requeued

    def _recorded_epoch(self) -> str | None:
        with self.replica.reader.connect() as conn:
            return state.read(conn).epoch

    def _push(self, client: SyncClient, summary: SyncSummary) -> None:
        with self.replica.reader.connect() as conn:
            to_push = summary.pushed + state.pending_count(conn)
        while True:
            self._check_cancel()
            changes = push.pending_changes(self.replica, self.batch_size)
            if not changes:
                return
            epoch = self._recorded_epoch()
            request = PushRequest(device_id=self.replica.device_id, changes=changes,
                                  epoch=epoch, audit_head=push.audit_head(self.replica))
            try:
                response = self._call(client, lambda: push.send(client, request))
            except ServerRefused as exc:
                if exc.code in (EPOCH_CHANGED, SEQUENCE_GAP):
                    raise _EpochMoved() from None
                raise
            if response.epoch != epoch:  # reconcile_epoch reads the state afresh itself
                # Reconcile before recording: the re-queue must not undo this batch's acks.
                self._reconcile(response.epoch, response.last_device_seq, summary)
            if not push.pending_after(self.replica, changes[-1].device_seq):
                # The last batch: the first pull page is on its way while the outcomes
                # are recorded (if more changes turn up meanwhile, it is simply dropped).
                with self.replica.reader.connect() as conn:
                    current = state.read(conn)
                pull.ask_ahead(client, device_id=self.replica.device_id,
                               after=current.pull_after, epoch=current.epoch,
                               limit=self.page_size)
            result = push.apply_results(self.replica, changes, response,
                                        username=self.username, now=self.clock())
            summary.pushed += result.sent - result.unanswered
            summary.applied += result.applied
            summary.duplicate += result.duplicate
            summary.conflicts += result.conflicts
            summary.rejected += result.rejected
            summary.conflict_ids += result.conflict_ids
            if result.unanswered == result.sent:
                raise SyncError(f"the server answered none of the {result.sent} changes sent "
                                f"(device sequences {changes[0].device_seq}-"
                                f"{changes[-1].device_seq}); they stay in the outbox")
            self.progress(Progress("push", summary.pushed, max(to_push, summary.pushed)))

    def _pull(self, client: SyncClient, summary: SyncSummary) -> SyncStatus | None:
        """Pull pages until the server has no more; the status its last page carried."""
        while True:
            self._check_cancel()
            with self.replica.reader.connect() as conn:
                current = state.read(conn)
            try:
                page = self._call(client, lambda: pull.fetch_page(
                    client, device_id=self.replica.device_id, after=current.pull_after,
                    epoch=current.epoch, limit=self.page_size))
            except ServerRefused as exc:
                if exc.code == EPOCH_CHANGED:
                    # Whether or not the epoch changed (a restore without a new epoch
                    # leaves our cursor past the server's head), pull from the start.
                    pull.start_over(self.replica, username=self.username, reason=exc.message,
                                    now=self.clock())
                    raise _EpochMoved() from None
                raise
            if current.pull_after == 0 and page.has_more:
                # A whole facility is coming: indexes and search are built once, at the end.
                with self.replica.engine.begin() as conn:
                    bulk_load.begin(conn)
            try:
                result = pull.apply_page(self.replica, page, expected_after=current.pull_after,
                                         username=self.username, now=self.clock())
            except pull.EpochChanged:
                raise _EpochMoved() from None
            if not result.skipped:
                summary.pages += 1
                summary.pulled += result.rows
                summary.removed += result.removed
                summary.rebased += result.rebased
            self.progress(Progress("pull", summary.pushed, summary.pushed, summary.pages,
                                   summary.pulled, summary.removed))
            if not page.has_more:
                # Checked on the reader: most syncs load nothing, and the writer's
                # transaction would take the write lock a user's save may be waiting for.
                with self.replica.reader.connect() as conn:
                    loading = bulk_load.active(conn)
                if loading:
                    bulk_load.finish(self.replica.engine, lambda built, to_build: self.progress(
                        Progress("indexing", summary.pushed, summary.pushed, summary.pages,
                                 summary.pulled, summary.removed, built, to_build)))
                return page.status
            if page.cursor <= current.pull_after and not result.skipped:
                raise SyncError(f"the server said it has more to send but its cursor did not "
                                f"move past {current.pull_after}")

    def _open_conflicts(self, client: SyncClient) -> int | None:
        """Central office sees the server's whole open queue in `custos status`."""
        actor = session.signed_in_actor(self.replica)
        if not actor.has_role(CENTRAL_OFFICE):
            return None
        body = self._call(client, lambda: client.get("/conflicts",
                                                     params={"status": "open", "limit": 1}))
        total = body.get("total") if isinstance(body, dict) else None
        return total if isinstance(total, int) else None

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled("the sync was cancelled; it resumes where it stopped next time")


class _EpochMoved(Exception):
    """The server's epoch changed mid-sync: handshake and reconcile again."""
