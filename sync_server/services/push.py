"""Applying a pushed batch: ordered, idempotent, authorised, merged, in one transaction.

For one push request, in one database transaction:
  1. take the sequence lock (services/sequences.py) and, after it, read the
     rows the changes touch (on PostgreSQL in the same round trip);
  2. read the device's last applied device_seq; changes at or below it are
     replays: they are answered with their original outcome and have no
     second effect. The first new change must be last + 1 and the new ones
     consecutive, or the whole request is refused as a gap (nothing applied);
  3. each new change is checked (table, fields, values, facility, role,
     bookkeeping) and merged field by field (app.core.merge) against the row
     as the earlier changes of the batch left it; a refusal is recorded as
     REJECTED with its reason and field, never dropped. The batch is written
     at once at the end (services/row_writes.py); if the database refuses
     it, the transaction is rolled back and the request applied again in a
     new one, change by change, each in a savepoint, so only the change the
     database refuses is rejected (`push_in_transaction`);
  4. the device's last device_seq moves to the last change of the request,
     rejected ones included, so one bad change cannot block the queue;
  5. transfers recorded in the request re-own the person's rows;
  6. the new head sequence is stored; the caller commits.
If anything fails before the commit, nothing of the request is kept, the
device's checkpoint included, and the client simply pushes again.

Several devices' pushes may be applied in one transaction (`push_together`,
the PostgreSQL push lane's turns): each is decided in turn against the rows as
the pushes before it left them, exactly as if each had committed before the
next began, and the group is written and committed at once.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Table, bindparam, select
from sqlalchemy import update as sa_update
from sqlalchemy.exc import DataError, IntegrityError

from app.core import merge, protocol
from app.core.codec import row_to_json
from app.core.ids import is_uuid, uuid7
from app.core.schema import BOOKKEEPING, REPLICATED_TABLES

from ..errors import ApiError, Forbidden
from ..storage import bulk
from ..storage.pipelines import pipelined, transaction
from ..storage.reconnect import first_line, once_more_if_disconnected
from ..storage.sync_tables import device, received
from ..storage.tables import facility as srv_facility
from ..storage.tables import session, user
from . import accounts, audit, policy, rowstore
from .auth import Principal
from .row_writes import BatchWrites, ImmediateWrites
from .sequences import Allocator, lock_statement
from .values import first_problem, required_columns

TRANSFER_TYPE = "TRN"
log = logging.getLogger(__name__)


# The device bookkeeping every push reads and writes, built once (building a statement
# cost several times what executing it did).
# What a push needs of its device, in one read: the replay checkpoint and the device's
# audit chain head as last pushed.
_DEVICE = select(device.c.last_seq, device.c.audit_seq, device.c.audit_hash) \
    .where(device.c.device_id == bindparam("device_id"))
# Updates take their SET columns from the execution parameters (checkpoint, audit head
# or both, in one statement).
_UPDATE_DEVICE = sa_update(device).where(device.c.device_id == bindparam("which"))
_INSERT_DEVICE = device.insert()
_FACILITY_CODES = select(srv_facility.c.code)
# Facility codes each database is known to hold. Facilities are added (by the admin
# command line, in another process) but never removed or renamed, so a code found once
# stays valid, and a code not found yet is looked up again: a push no longer reads
# them all to check one new row's facility.
_facility_codes: WeakKeyDictionary[Engine, set[str]] = WeakKeyDictionary()


def _last_seq(known) -> int:
    return (known.last_seq if known is not None else 0) or 0


class SequenceGap(ApiError):
    status = 409
    code = protocol.SEQUENCE_GAP


class Rejection(Exception):
    """A change that is not allowed or not valid; nothing of it is applied."""

    def __init__(self, field: str | None, reason: str):
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class _Outcome:
    outcome: str
    server_seq: int | None = None
    reason: str | None = None
    field: str | None = None
    conflict_ids: list[str] = dc_field(default_factory=list)


class BatchRefused(Exception):
    """The database refused a push's batch written at once (a unique or check
    constraint, a value too long). The transaction must be rolled back and the push
    made again with `one_by_one=True` (`push_in_transaction` does both)."""


@dataclass(frozen=True)
class PushCall:
    """One push request to apply: its caller, its message, its time and its origin."""

    principal: Principal
    request: protocol.PushRequest
    now: dt.datetime
    origin: audit.Origin


def push_in_transaction(engine: Engine, call: PushCall) -> protocol.PushResponse:
    """One push in a transaction of its own, committed. A batch the database refuses is
    rolled back whole and pushed again change by change in a new transaction, rather
    than written inside a savepoint: the savepoint cost two statements on every push
    (of ~20 on PostgreSQL; on SQLite a quarter of a small push's time) for a refusal
    that well-behaved devices almost never cause."""
    _check_device(call)
    try:
        with transaction(engine) as conn:
            return _alone(_apply(conn, [call]))
    except BatchRefused:
        with transaction(engine) as conn:
            return _alone(_apply(conn, [call], one_by_one=True))


def push_together(engine: Engine, calls: list[PushCall]
                  ) -> list[protocol.PushResponse | Exception]:
    """Several devices' pushes (one each) applied in one transaction, each as it would
    be applied alone, in the order given; each answer is its push's response or the
    error it failed with (an ApiError when it is refused; the others apply). Pushes that arrive while the lane is
    busy are applied this way (api/push_lane.py): one lock, one pair of round trips and
    one commit for them all, where fifty first pushes at once each took a turn of
    their own and the last waited a second. If the group cannot be applied together
    (the database refuses its batch, a push transfers people, or anything else goes
    wrong), nothing of it is kept and every push is applied alone."""
    devices = [call.request.device_id for call in calls]
    if len(set(devices)) != len(devices):  # the second would read the device's old checkpoint
        raise ValueError("push_together takes one push per device")
    answers: list[protocol.PushResponse | Exception | None] = []
    together: list[PushCall] = []
    for call in calls:
        try:
            _check_device(call)
            answers.append(None)
            together.append(call)
        except ApiError as exc:
            answers.append(exc)
    if len(together) > 1:
        try:
            with transaction(engine) as conn:
                applied = iter(_apply(conn, together))
            return [answer if answer is not None else next(applied) for answer in answers]
        except Exception as exc:  # noqa: BLE001 - each push alone says what is wrong
            log.warning("%d pushes could not be applied together (%s: %s); applying each "
                        "alone", len(together), type(exc).__name__, str(exc)[:200])
    out: list[protocol.PushResponse | Exception] = []
    for call, answer in zip(calls, answers):
        if answer is None:
            try:
                answer = once_more_if_disconnected(push_in_transaction, engine, call)
            except Exception as exc:  # noqa: BLE001 - this push's answer, not the others'
                answer = exc
        out.append(answer)
    return out


class _Apart(Exception):
    """A push of a group must be applied alone (it transfers people, and transfers read
    what the batch wrote)."""


def _check_device(call: PushCall) -> None:
    if call.request.device_id != call.principal.device_id:
        raise Forbidden(f"this session belongs to device {call.principal.device_id}, not "
                        f"{call.request.device_id}", code=protocol.WRONG_DEVICE,
                        field="device_id")


def _alone(answers: list) -> protocol.PushResponse:
    if isinstance(answers[0], ApiError):
        raise answers[0]
    return answers[0]


@dataclass
class _Decided:
    """A push decided, its writes still to be made (`_apply`)."""

    call: PushCall
    known: Any  # the device's row as read, or None
    fresh: list[protocol.Change]
    results: list[protocol.ChangeResult]
    unwritten: _Applier | None
    values: dict[str, Any]
    last: int


def _apply(conn: Connection, calls: list[PushCall], *, one_by_one: bool = False
           ) -> list[protocol.PushResponse | ApiError]:
    """Apply `calls` (distinct devices) in the caller's transaction and commit it; see the
    module docstring. A push refused as a whole (a sequence gap) is answered with its
    error and leaves nothing. Raises BatchRefused when the database refuses the batch
    written at once, unless `one_by_one`: then each change is written on its own, in a
    savepoint."""
    store = ImmediateWrites(conn) if one_by_one else BatchWrites(conn)
    # The transaction's BEGIN, the lock, the devices and the rows the changes touch, in
    # one round trip.
    with pipelined(conn, begin=True) as pipe:
        locked = pipe.rows(lock_statement(conn))
        # Read in statements after the lock's, never joined to it: under READ COMMITTED
        # a statement that waited for the lock sees other tables as they were when it
        # began, so a push of the same device that committed meanwhile (another server
        # process) would go unseen and its changes be taken for new ones (the received
        # log's key would then refuse the batch, and it would be pushed again one by one).
        devices = [pipe.rows(_DEVICE, {"device_id": call.request.device_id})
                   for call in calls]
        # The audit chain's head, locked like the sequence: the pushes' entries then go
        # with their writes and the COMMIT.
        changes = [c for call in calls for c in call.request.changes]
        head_rows = pipe.rows(audit.HOLD_HEAD) if changes else None
        take_rows = store.prefetch(*_reads(changes), pipe)
    take_rows()
    held = audit.HeldHead(*head_rows()[0]) if head_rows is not None else None
    alloc = Allocator(conn, locked()[0])
    decided: list[_Decided | ApiError] = []
    for call, device_rows in zip(calls, devices):
        try:
            decided.append(_decide(conn, call, next(iter(device_rows()), None), alloc, store,
                                   held, together=len(calls) > 1))
        except SequenceGap as exc:
            decided.append(exc)
    done = [d for d in decided if isinstance(d, _Decided)]
    # The batch's writes, the checkpoints, the new head, the audit entries and the COMMIT
    # at once.
    with _refusal_of_batch(store.batched and any(d.unwritten for d in done)), \
            pipelined(conn, commit=True):
        for d in done:
            if d.unwritten is not None:
                d.unwritten.write()
        for d in done:
            if d.values and d.known is not None:
                conn.execute(_UPDATE_DEVICE, {"which": d.call.request.device_id, **d.values})
            elif d.fresh:
                conn.execute(_INSERT_DEVICE, {"device_id": d.call.request.device_id,
                                              **d.values})
        alloc.finish()
        for d in done:
            if d.fresh:
                counts = {o: sum(1 for r in d.results if r.outcome == o)
                          for o in protocol.OUTCOMES}
                audit.append(conn, at=d.call.now, actor=d.call.principal.username,
                             action="sync_push", outcome="success", origin=d.call.origin,
                             target=f"device:{d.call.request.device_id}",
                             details={"first": d.fresh[0].device_seq, "last": d.last,
                                      **counts}, held=held)
    return [d if isinstance(d, ApiError) else protocol.PushResponse(
        epoch=alloc.epoch, results=d.results, last_device_seq=d.last) for d in decided]


def _decide(conn: Connection, call: PushCall, known, alloc: Allocator,
            store: ImmediateWrites, held: audit.HeldHead | None, *, together: bool
            ) -> _Decided:
    """Decide one push against the store as the pushes before it left it."""
    request, principal = call.request, call.principal
    last = _last_seq(known)
    fresh = [c for c in request.changes if c.device_seq > last]
    for offset, change in enumerate(fresh):
        if change.device_seq != last + 1 + offset:
            expected = last + 1 + offset
            raise SequenceGap(
                f"expected device_seq {expected} next, got {change.device_seq}: the server "
                f"holds this device's changes up to {last}; push from {last + 1} in order",
                field="device_seq")
    results = [_replay(conn, c) for c in request.changes if c.device_seq <= last]
    decided, unwritten = _apply_fresh(conn, alloc, principal, call.now, fresh, store,
                                      together=together)
    results += decided
    head = _audit_head(request)
    if head is not None and known is not None:
        _check_audit_head(conn, known, head, request.device_id, principal, call.now,
                          call.origin, held)
    values: dict[str, Any] = {}
    if fresh:
        last = fresh[-1].device_seq
        values = {"last_seq": last, "last_username": principal.username, "updated_at": call.now}
    if head is not None and (fresh or known is not None):
        values.update(audit_seq=head[0], audit_hash=head[1])  # kept with the checkpoint
    return _Decided(call, known, fresh, results, unwritten, values, last)


def _reads(changes: list[protocol.Change]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The rows a batch touches (table -> ids) and the rows its foreign keys point at,
    for the store to read at once."""
    wanted: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, set[str]] = defaultdict(set)
    for change in changes:
        table = REPLICATED_TABLES.get(change.table)
        if table is None or not is_uuid(change.row_id):
            continue
        wanted[table.name].add(change.row_id)
        for fk in table.foreign_keys:
            target = change.changes.get(fk.parent.name)
            if isinstance(target, list) and len(target) == 2 and isinstance(target[1], str):
                targets[fk.column.table.name].add(target[1])
    return wanted, targets


def _audit_head(request: protocol.PushRequest) -> tuple[int, str] | None:
    """(seq, hash) of the device's audit chain head as the request states it, if it does:
    a hash is SHA-256 in hex, and anything else is ignored like any malformed head."""
    head = request.audit_head
    if not isinstance(head, dict) or not isinstance(head.get("seq"), int) \
            or isinstance(head.get("seq"), bool) or not isinstance(head.get("hash"), str):
        return None
    digest = head["hash"][:64]
    if not _HEX.fullmatch(digest):
        return None
    return head["seq"], digest


_HEX = re.compile(r"[0-9a-fA-F]+")


def _check_audit_head(conn: Connection, known, head: tuple[int, str], device_id: str,
                      principal: Principal, now: dt.datetime, origin: audit.Origin,
                      held: audit.HeldHead | None) -> None:
    """A head that went backwards or changed its hash since the device's last push means
    its local audit log was truncated or rewritten: audit it as a warning (the push itself
    is not refused, so no change is held back). The caller keeps the new head."""
    seq, digest = head
    if known.audit_seq is not None and (seq < known.audit_seq or (
            seq == known.audit_seq and digest != known.audit_hash)):
        audit.append(conn, at=now, actor=principal.username, action="device_audit_regressed",
                     outcome="warning", origin=origin, target=f"device:{device_id}",
                     details={"had": [known.audit_seq, known.audit_hash], "got": [seq, digest]},
                     held=held)


def _replay(conn: Connection, change: protocol.Change) -> protocol.ChangeResult:
    """The answer to a change the server already holds: its original outcome."""
    row = conn.execute(select(received).where(received.c.device_id == change.device_id,
                                              received.c.device_seq == change.device_seq)).first()
    if row is not None and row.op_id != change.op_id:
        # The device reused a sequence number for another change: never acknowledge it as
        # done, or it would be lost without anyone knowing.
        return protocol.ChangeResult(
            change.op_id, change.device_seq, protocol.REJECTED,
            reason=f"device_seq {change.device_seq} was already used by change {row.op_id}; "
                   "this change was not applied (the device reused a sequence number)",
            field="device_seq")
    if row is not None and row.outcome == protocol.REJECTED:
        return protocol.ChangeResult(change.op_id, change.device_seq, protocol.REJECTED,
                                     reason=row.reason, field=row.field)
    return protocol.ChangeResult(
        change.op_id, change.device_seq, protocol.DUPLICATE,
        server_seq=row.server_seq if row else None,
        reason="already received; it was applied once",
        conflict_ids=list(row.conflict_ids) if row else [])


def _apply_fresh(conn: Connection, alloc: Allocator, principal: Principal, now: dt.datetime,
                 fresh: list[protocol.Change], store: ImmediateWrites, *, together: bool
                 ) -> tuple[list[protocol.ChangeResult], _Applier | None]:
    """Decide the new changes of a request: as one batch written at once, or change by
    change in savepoints, so only a change the database refuses is rejected (with the
    database's reason) and the rest apply. Returns their results and the applier whose
    writes are still to be made (`_Applier.write`), if any: the caller sends them with
    the checkpoint, one round trip fewer on PostgreSQL. A request that transfers people
    is written here, as the transfers read what it wrote; with other pushes (`together`)
    it raises _Apart instead."""
    if not fresh:
        return [], None
    applier = _Applier(conn, alloc, principal, now, store)
    with _refusal_of_batch(store.batched):
        results = applier.decide_all(fresh)
        if not applier.transfers:
            return results, applier
        if together:  # the group is applied again, each push alone
            raise _Apart()
        with pipelined(conn):
            applier.write()
    applier.run_transfers()
    return results, None


@contextmanager
def _refusal_of_batch(batched: bool) -> Iterator[None]:
    """A batch the database refuses (a constraint only it knows) raises BatchRefused, so
    the request is made again change by change; one by one, the refusal propagates."""
    try:
        yield
    except (IntegrityError, DataError) as exc:
        if not batched:
            raise
        raise BatchRefused(first_line(exc)) from exc


class _Applier:
    """Checks and applies the new changes of one request (its store writes them)."""

    def __init__(self, conn: Connection, alloc: Allocator, principal: Principal,
                 now: dt.datetime, store: ImmediateWrites):
        self.conn = conn
        self.alloc = alloc
        self.principal = principal
        self.now = now
        self.store = store
        self.transfers: list[tuple[str, str, protocol.Change]] = []
        self._authors: dict[str, accounts.UserProfile | str] = {}
        self._facilities_read = False  # the database's codes, read at most once a push
        # Rows for srv_change and srv_received, written by `write` with one
        # executemany each. A change's own log rows wait in `_pending` until it is
        # applied, so a rejected change leaves none.
        self._log: list[dict[str, Any]] = []
        self._pending: list[dict[str, Any]] = []
        self._received: list[dict[str, Any]] = []

    def decide_all(self, changes: list[protocol.Change]) -> list[protocol.ChangeResult]:
        """Apply `changes` in order (their rows already prefetched by the store); what
        they leave is written by `write`."""
        return [self.apply(change) for change in changes]

    def write(self) -> None:
        """Write everything the decided changes leave (before the commit): inside a
        pipeline, one round trip on PostgreSQL (storage/pipelines.py)."""
        self.store.flush()
        rowstore.write_log(self.conn, self._log)
        bulk.insert_rows(self.conn, received, self._received)
        self._log, self._received = [], []

    # -- one change ----------------------------------------------------------
    def apply(self, change: protocol.Change) -> protocol.ChangeResult:
        try:
            if self.store.batched:  # nothing is written before every check has passed
                out = self._apply(change)
            else:
                with self.conn.begin_nested():
                    out = self._apply(change)
            self._log += self._pending
        except Rejection as exc:  # nothing of the change was written, or it was rolled back
            out = _Outcome(protocol.REJECTED, reason=exc.reason, field=exc.field)
        finally:
            self._pending = []
        if out.outcome == protocol.REJECTED:
            self._touch(change)
        self.store.done(change.table, change.row_id, inserted=change.op == "insert"
                        and out.outcome != protocol.REJECTED)
        self._received.append({
            "device_id": change.device_id, "device_seq": change.device_seq,
            "op_id": change.op_id, "table_name": change.table[:60],
            "row_id": change.row_id[:36], "op": change.op, "username": change.username[:80],
            "pushed_by": self.principal.username, "hlc": change.hlc[:60],
            "base_version": change.base_version, "changes": change.changes,
            "received_at": self.now, "outcome": out.outcome, "server_seq": out.server_seq,
            "reason": out.reason, "field": out.field[:120] if out.field else None,
            "conflict_ids": out.conflict_ids})
        return protocol.ChangeResult(change.op_id, change.device_seq, out.outcome,
                                     server_seq=out.server_seq, reason=out.reason,
                                     field=out.field, conflict_ids=out.conflict_ids)

    def _apply(self, change: protocol.Change) -> _Outcome:
        table = REPLICATED_TABLES.get(change.table)
        if table is None:
            raise Rejection("table", f"{change.table!r} is not a replicated table")
        if not is_uuid(change.row_id):
            raise Rejection("row_id", "must be a UUID")
        author = self._author(change.username)
        values = {name: pair[1] for name, pair in change.changes.items()}
        self._check_fields(table, change, values)
        current = self.store.row(table, change.row_id)
        current_json = row_to_json(current) if current else None
        if current is None and change.op != "insert":
            raise Rejection("row_id", f"{table.name} {change.row_id} does not exist on the "
                            "server (was the change that created it rejected?)")
        facility = current["facility"] if current else values.get("facility")
        if current is None and not self._facility_exists(facility):
            raise Rejection("facility", f"no facility {facility!r} on the server")
        self._check_classes(table, author, values, current_json or {})
        self._check_references(table, values)

        if not _may_write_facility(author, facility):
            moved_from = (rowstore.left_facilities(self.conn, table.name, change.row_id)
                          if current else set())
            if moved_from & set(author.facility_codes):
                return self._late_edit(table, change, current, current_json, values)
            raise Rejection("facility", f"{author.username} may not write records of facility "
                            f"{facility}")
        if current is None:
            late = self._person_elsewhere(table, values, facility, author)
            if late is not None:
                return self._late_insert(table, change, values, late)
        meta = self.store.meta(table, change.row_id)
        transfer = self._transfer_of(table, change, current, values, facility)
        if change.op == "insert":
            result = merge.merge_insert(table, current_json, values)
        elif change.op == "update":
            result = merge.merge_update(table, current_json, change.changes)
        else:
            result = merge.merge_void(current_json, values)
        self._write(table, change, current, result.apply, author)
        seq = self._record(table, change, facility=facility, op=change.op, kind="push",
                           applied=_applied_pairs(current_json, result.apply, change.op),
                           meta=meta)
        ids = [self._conflict(table, change, c, facility, meta, "concurrent_edit")
               for c in result.conflicts]
        if transfer is not None:
            self.transfers.append((*transfer, change))
        if ids:
            names = ", ".join(c.field for c in result.conflicts)
            return _Outcome(protocol.CONFLICT, seq, reason=(
                f"{names} also changed on the server; the server's value stands until "
                "central office resolves the conflict"), field=result.conflicts[0].field,
                conflict_ids=ids)
        return _Outcome(protocol.APPLIED, seq)

    # -- checks --------------------------------------------------------------
    def _author(self, username: str) -> accounts.UserProfile:
        """The author of a change: the signed-in user, or another user who signed in on
        this device (a shared workstation); changes are authorised as their author."""
        if username not in self._authors:
            self._authors[username] = self._load_author(username)
        found = self._authors[username]
        if isinstance(found, str):
            raise Rejection("username", found)
        return found

    def _load_author(self, username: str) -> accounts.UserProfile | str:
        if username == self.principal.username:
            return self.principal.profile
        row = self.conn.execute(
            select(user.c.id, user.c.active).join(session, session.c.user_id == user.c.id)
            .where(user.c.username == username,
                   session.c.device_id == self.principal.device_id)).first()
        if row is None:
            return f"{username!r} never signed in on device {self.principal.device_id}"
        if not row.active:
            return f"the account {username!r} is disabled"
        return accounts.load_profile(self.conn, row.id)

    def _check_fields(self, table: Table, change: protocol.Change, values: dict) -> None:
        if not change.changes:
            raise Rejection("changes", "a change must change at least one field")
        names = _column_names(table)
        for name in change.changes:
            if name == "id" or name not in names:
                raise Rejection(name, f"is not a field of {table.name}")
        bookkeeping = set(values) & set(BOOKKEEPING)
        if change.op == "insert":
            for name in sorted(bookkeeping - policy.INSERT_BOOKKEEPING):
                raise Rejection(name, "is set by the server, not by an insert")
            for name in ("created_by", "updated_by"):
                if name in values and values[name] != change.username:
                    raise Rejection(name, f"must be the author of the change ({change.username})")
            if not values.get("facility"):
                raise Rejection("facility", "is required")
            for name in required_columns(table):
                if name not in values:
                    raise Rejection(name, "is required")
        elif change.op == "update":
            if merge.is_append_only(table):
                raise Rejection(sorted(change.changes)[0], f"{table.name} records cannot be "
                                "edited once made; add an amendment instead")
            for name in sorted(bookkeeping):
                raise Rejection(name, "is set by the server")
        else:  # void
            extra = set(values) - set(merge.VOID_FIELDS)
            if extra:
                raise Rejection(sorted(extra)[0], "a void sets only voided_at, voided_by and "
                                "void_reason")
            if not isinstance(values.get("void_reason"), str) or not values["void_reason"].strip():
                raise Rejection("void_reason", "a reason is required to void a record")
            if values.get("voided_by") != change.username:
                raise Rejection("voided_by", f"must be the author of the change "
                                f"({change.username})")
            if values.get("voided_at") is None:
                raise Rejection("voided_at", "is required")
        problem = first_problem(table, values)
        if problem:
            raise Rejection(*problem)

    def _check_classes(self, table: Table, author: accounts.UserProfile, values: dict,
                       current: dict) -> None:
        classes = policy.writable_classes(author.roles)
        roles = ", ".join(author.roles)
        if policy.table_class(table) not in classes:
            raise Rejection("table", f"the role {roles} may not write "
                            f"{policy.table_class(table)} records ({table.name})")
        if not policy.has_finer_fields(table):
            return  # every field is of the table's class, checked above
        row = {**current, **values}
        for name in values:
            data_class = policy.field_class(table, name, row)
            if data_class not in classes:
                raise Rejection(name, f"the role {roles} may not write {data_class} data")

    def _check_references(self, table: Table, values: dict) -> None:
        """Each id the change points at must exist on the server, so a refusal names the
        field (the foreign keys would refuse it too, without saying which)."""
        for fk in table.foreign_keys:
            name = fk.parent.name
            target = values.get(name)
            if target is None or name not in values:
                continue
            parent = fk.column.table
            if not self.store.exists(parent, target):
                raise Rejection(name, f"refers to {parent.name} {target}, which does not exist "
                                "on the server (was the change that created it rejected?)")

    def _facility_exists(self, code: Any) -> bool:
        known = _facility_codes.setdefault(self.conn.engine, set())
        if code not in known and not self._facilities_read:
            known.update(self.conn.execute(_FACILITY_CODES).scalars())
            self._facilities_read = True
        return code in known

    def _person_elsewhere(self, table: Table, values: dict, facility: str,
                          author: accounts.UserProfile) -> str | None:
        """For a new row about a person: None if the person is in `facility` (or unknown,
        which the foreign key refuses); their facility if they were transferred out of it
        (a late edit); a Rejection if they were never there."""
        column = table.info.get("person_column")
        if not column or column == "id" or not values.get(column):
            return None
        person = self.store.row(REPLICATED_TABLES["person"], values[column])
        home = person["facility"] if person else None
        if home is None or home == facility:
            return None
        if facility in rowstore.left_facilities(self.conn, "person", values[column]) and \
                not _may_write_facility(author, home):
            return home
        if _may_write_facility(author, home):
            raise Rejection("facility", f"the person is in facility {home}; record it there")
        raise Rejection(column, f"the person belongs to facility {home}, not {facility}")

    # -- writes ----------------------------------------------------------------
    def _write(self, table: Table, change: protocol.Change, current: dict | None,
               apply: dict[str, Any], author: accounts.UserProfile) -> None:
        """Write the row; the database refusing it (a missing parent, a duplicate key)
        rejects the change. Only this write is judged so: a failure in the server's own
        bookkeeping is a server error that rolls the whole push back, never a rejection."""
        try:
            self._write_row(table, change, current, apply, author)
        except IntegrityError as exc:
            raise Rejection(None, _integrity_reason(exc)) from None
        except DataError as exc:
            raise Rejection(None, f"a value does not fit its column: {first_line(exc)}") from None

    def _write_row(self, table: Table, change: protocol.Change, current: dict | None,
                   apply: dict[str, Any], author: accounts.UserProfile) -> None:
        if current is None:
            self.store.insert(table, change.row_id, rowstore.to_python(table, apply))
        elif apply:
            stamp = {"version": current["version"] + 1, "updated_at": self.now,
                     "updated_by": author.username}
            self.store.update(table, change.row_id, current,
                              {**rowstore.to_python(table, apply), **stamp})

    def _record(self, table: Table, change: protocol.Change, **kw) -> int:
        """Log this change (its log row waits in `_pending` until the change is applied)."""
        return self.store.record(self.alloc, self._pending, table=table, row_id=change.row_id,
                                 writer=_writer(change), now=self.now, **kw)

    def _conflict(self, table: Table, change: protocol.Change, found: merge.FieldConflict,
                  facility: str, meta: dict | None, kind: str) -> str:
        """Queue a conflict that keeps both sides; return its id."""
        seq, side = rowstore.last_writer(self.conn, meta, found.field,
                                         [*self._log, *self._pending])
        side = side or {}
        conflict_id = uuid7()
        self.store.add_conflict(dict(
            id=conflict_id, kind=kind, status="open", table_name=table.name,
            row_id=change.row_id, field=found.field, facility=facility,
            base_value=found.base, server_value=found.server,
            server_author=side.get("username"), server_device=side.get("device_id"),
            server_at=side.get("received_at"),
            server_seq=seq, client_value=found.client,
            client_author=change.username, client_device=change.device_id,
            client_device_seq=change.device_seq, client_op_id=change.op_id,
            client_hlc=change.hlc[:60], client_at=self.now, created_at=self.now))
        return conflict_id

    def _late_edit(self, table: Table, change: protocol.Change, current: dict,
                   current_json: dict, values: dict) -> _Outcome:
        """An edit from a facility the row was transferred out of: nothing is applied; every
        field goes to the conflict queue with both values."""
        meta = self.store.meta(table, change.row_id)
        ids = [self._conflict(table, change, merge.FieldConflict(
            name, pair[0], current_json.get(name), pair[1]), current["facility"], meta,
            "after_transfer") for name, pair in change.changes.items()]
        seq = self._record(table, change, facility=current["facility"], op=change.op,
                           kind="push", applied={}, meta=meta)
        return _Outcome(protocol.CONFLICT, seq, reason=(
            f"the record moved to facility {current['facility']} before this change arrived; "
            "it was not applied and waits in central office's conflict queue"),
            field="facility", conflict_ids=ids)

    def _late_insert(self, table: Table, change: protocol.Change, values: dict,
                     home: str) -> _Outcome:
        """A new record about a person who was transferred meanwhile: kept, and owned by
        the person's new facility; a conflict on `facility` tells central office."""
        old = values["facility"]
        values = {**values, "facility": home}
        self._write(table, change, None, values, self.principal.profile)
        seq = self._record(table, change, facility=home, op="insert", kind="push",
                           applied={k: [None, v] for k, v in values.items()}, meta=None)
        conflict_id = self._conflict(table, change, merge.FieldConflict("facility", None, home,
                                                                        old),
                                     home, self.store.meta(table, change.row_id),
                                     "after_transfer")
        return _Outcome(protocol.CONFLICT, seq, reason=(
            f"the person moved to facility {home}; the record was kept there and central "
            "office was told"), field="facility", conflict_ids=[conflict_id])

    def _touch(self, change: protocol.Change) -> None:
        """After a rejection, send the row's server state to the pusher again so its
        replica converges (its own version stays in its rejected inbox)."""
        table = REPLICATED_TABLES.get(change.table)
        if table is None or not is_uuid(change.row_id):
            return
        meta = self.store.meta(table, change.row_id)
        if meta is not None:
            self.store.record(self.alloc, self._log, table=table, row_id=change.row_id,
                              facility=meta["facility"], op="update", kind="touch", applied={},
                              writer=rowstore.Writer("server"), now=self.now, meta=meta)

    # -- transfers ----------------------------------------------------------------
    def _transfer_of(self, table: Table, change: protocol.Change, current: dict | None,
                     values: dict, facility: str) -> tuple[str, str] | None:
        """(person id, facility) if the change records a transfer out (a new TRN OUT
        movement to another facility); checked before anything of the change is written."""
        if table.name != "movement" or change.op != "insert" or current is not None:
            return None
        target = values.get("to_facility")
        if (values.get("movement_type") == TRANSFER_TYPE and values.get("direction") == "OUT"
                and target and target != facility):
            if not self._facility_exists(target):
                raise Rejection("to_facility", f"no facility {target!r} on the server")
            return values["person_id"], target
        return None

    def run_transfers(self) -> None:
        """Re-own transferred people's rows, after the whole request, so the rest of the
        transferring device's unit of work (closing the custody episode) still applies."""
        self.store.forget_all()  # rows are re-owned below; nothing read from here on is cached
        for person_id, target, change in self.transfers:
            rowstore.reown_person(self.conn, self.alloc, person_id=person_id,
                                  to_facility=target, writer=_writer(change), now=self.now)


@lru_cache(maxsize=None)
def _column_names(table: Table) -> frozenset[str]:
    return frozenset(table.c.keys())


def _writer(change: protocol.Change) -> rowstore.Writer:
    return rowstore.Writer(change.username, change.device_id, change.device_seq, change.op_id)


def _may_write_facility(author: accounts.UserProfile, code: str | None) -> bool:
    return author.all_facilities or code in author.facility_codes


def _applied_pairs(current: dict | None, apply: dict[str, Any], op: str) -> dict[str, list]:
    return {k: [(current or {}).get(k), v] for k, v in apply.items()}


def _integrity_reason(exc: IntegrityError) -> str:
    text = str(exc.orig).lower()
    if "foreign key" in text:
        return "refers to a record that does not exist on the server"
    if "uq_non_association_open_pair" in text or "non_association.pair_key" in text:
        return "these two people already have an open non-association"
    if "unique" in text or "duplicate key" in text:
        return "a record with the same key already exists"
    if "check" in text:
        return f"breaks a rule of the record: {first_line(exc)}"
    if "not null" in text:
        return "a required field is missing"
    return f"the database refused the change: {first_line(exc)}"
