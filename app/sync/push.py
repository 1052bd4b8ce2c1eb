"""Push: send the outbox in device-sequence order and record each outcome.

A batch is the oldest PENDING outbox entries, in seq order (seq is the
device sequence). The server applies a batch in one transaction with the
device's last applied sequence, so re-sending after a lost answer is
harmless: it answers `duplicate` for what it already holds.

Outcomes are recorded in ONE local transaction per batch:
  applied / duplicate  the entry is ACKED with the server sequence;
  conflict             ACKED too (the server applied the fields that did not
                       conflict) and each conflict is recorded for the user;
  rejected             the entry becomes REJECTED and goes to the rejected
                       inbox with the server's reason; it is never dropped.
An entry the server did not answer for stays PENDING and is sent again.

`reconcile_epoch` handles a server restored from an older backup: its epoch
differs from the one recorded, so the pull cursor is reset and every entry
after the last device sequence the server still holds goes back to PENDING.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import orjson
from sqlalchemy import bindparam, insert, select, update

from app.core.protocol import (
    APPLIED, CONFLICT, DUPLICATE, MAX_PUSH_BATCH, REJECTED, Change, ProtocolError,
    PushRequest, PushResponse,
)
from app.core.sqlite_rows import stored_timestamp
from app.storage.audit import AuditWriter, HEAD_KEY
from app.storage import meta
from app.storage.local_tables import outbox, rejected_change, sync_conflict
from app.storage.unit_of_work import utcnow
from app.sync import state
from app.sync.client import SyncClient


@dataclass
class BatchResult:
    sent: int = 0
    applied: int = 0
    duplicate: int = 0
    conflicts: int = 0
    rejected: int = 0
    unanswered: int = 0
    conflict_ids: list[str] = field(default_factory=list)
    rejected_ops: list[str] = field(default_factory=list)


# Every sync asks whether the server still holds what it answered for (built once).
_ANSWERED_AFTER = select(outbox.c.seq).where(
    outbox.c.seq > bindparam("last"), outbox.c.status.in_(("ACKED", "REJECTED"))).limit(1)


def pending_changes(replica, limit: int = MAX_PUSH_BATCH) -> list[Change]:
    """The oldest PENDING outbox entries, as protocol changes, in seq order."""
    with replica.reader.connect() as conn:
        # Driver-level: only the columns a change carries, without SQLAlchemy's per-value
        # processing (a batch is hundreds of rows and is read before every push).
        rows = conn.exec_driver_sql(
            "SELECT op_id, seq, table_name, row_id, op, changes, base_version, hlc, username, "
            "device_id, schema_version FROM outbox WHERE status = 'PENDING' ORDER BY seq "
            "LIMIT ?", (limit,)).all()
    return [Change(op_id, seq, table, row_id, op, orjson.loads(changes), base_version, hlc,
                   username, device_id, schema_version)
            for (op_id, seq, table, row_id, op, changes, base_version, hlc, username,
                 device_id, schema_version) in rows]


def pending_after(replica, device_seq: int) -> bool:
    """Whether PENDING outbox entries follow `device_seq` (another batch to push)."""
    with replica.reader.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT 1 FROM outbox WHERE status = 'PENDING' AND seq > ? LIMIT 1",
            (device_seq,)).first() is not None


def audit_head(replica) -> dict | None:
    """The replica's audit chain head, which travels with every push."""
    with replica.reader.connect() as conn:
        value = meta.read(conn, HEAD_KEY)
    return json.loads(value) if value else None


def send(client: SyncClient, request: PushRequest) -> PushResponse:
    """POST one push request; the checked response."""
    return PushResponse.from_json(client.post("/sync/push", request.to_json()))


def apply_results(replica, changes: list[Change], response: PushResponse, *, username: str,
                  now: dt.datetime | None = None) -> BatchResult:
    """Record the outcome of every change of a batch, in one local transaction."""
    now = now or utcnow()
    sent = {c.op_id: c for c in changes}
    result = BatchResult(sent=len(changes))
    answered: set[str] = set()
    acks: list[tuple] = []  # (server_seq, op_id) of entries the server now holds
    with replica.engine.begin() as conn:
        for i, res in enumerate(response.results):
            change = sent.get(res.op_id)
            if change is None or change.device_seq != res.device_seq:
                raise ProtocolError(f"push_response.results[{i}].op_id",
                                    "names a change that was not in the batch")
            answered.add(res.op_id)
            if res.outcome in (APPLIED, DUPLICATE, CONFLICT):
                acks.append((res.server_seq, res.op_id))
                if res.outcome == APPLIED:
                    result.applied += 1
                elif res.outcome == DUPLICATE:
                    result.duplicate += 1
                else:
                    result.conflicts += 1
                    _record_conflicts(conn, change, res, now, result)
            elif res.outcome == REJECTED:
                conn.execute(update(outbox).where(
                    (outbox.c.op_id == res.op_id) & (outbox.c.status == "PENDING")
                ).values(status="REJECTED"))
                _to_inbox(conn, change, res, now)
                result.rejected += 1
                result.rejected_ops.append(res.op_id)
        if acks:
            # One statement for the whole batch: a statement per entry was most of the
            # time a push took on the device.
            acked_at = stored_timestamp(now)
            conn.exec_driver_sql(
                "UPDATE outbox SET status = 'ACKED', acked_at = ?, server_seq = ? "
                "WHERE op_id = ? AND status = 'PENDING'",
                [(acked_at, seq, op_id) for seq, op_id in acks])
        result.unanswered = len(sent) - len(answered)
        # The epoch is not adopted here: the engine reconciles a changed epoch first.
        state.write(conn, now, last_device_seq=response.last_device_seq)
        audit = AuditWriter(conn)
        audit.append(at=now, username=username, device_id=replica.device_id, action="SYNC_PUSH",
                     detail={"epoch": response.epoch, "sent": result.sent,
                             "first_seq": changes[0].device_seq if changes else None,
                             "last_seq": changes[-1].device_seq if changes else None,
                             "applied": result.applied, "duplicate": result.duplicate,
                             "conflicts": result.conflicts, "rejected": result.rejected,
                             "rejected_ops": result.rejected_ops,
                             "conflict_ids": result.conflict_ids})
        audit.flush()
    return result


def _record_conflicts(conn, change: Change, res, now: dt.datetime, result: BatchResult) -> None:
    ids = res.conflict_ids or [f"op:{res.op_id}"]  # a server that names none still told us
    for conflict_id in ids:
        result.conflict_ids.append(conflict_id)
        exists = conn.execute(select(sync_conflict.c.conflict_id)
                              .where(sync_conflict.c.conflict_id == conflict_id)).first()
        if exists is None:
            conn.execute(insert(sync_conflict).values(
                conflict_id=conflict_id, op_id=res.op_id, table_name=change.table,
                row_id=change.row_id, reason=res.reason, seen_at=now, status="OPEN"))


def _to_inbox(conn, change: Change, res, now: dt.datetime) -> None:
    # A re-push after a server restore can be rejected again: keep the first
    # inbox entry (and whatever the user already decided about it).
    exists = conn.execute(select(rejected_change.c.id)
                          .where(rejected_change.c.op_id == change.op_id)).first()
    if exists is not None:
        return
    created = conn.execute(select(outbox.c.created_at)
                           .where(outbox.c.op_id == change.op_id)).scalar()
    conn.execute(insert(rejected_change).values(
        op_id=change.op_id, outbox_seq=change.device_seq, table_name=change.table,
        row_id=change.row_id, op=change.op, changes=change.changes, username=change.username,
        created_at=created or now, reason=res.reason or "refused by the server (no reason given)",
        field=res.field, rejected_at=now, status="OPEN"))


def reconcile_epoch(replica, *, server_epoch: str, server_last_device_seq: int | None,
                    username: str, now: dt.datetime | None = None) -> tuple[bool, int]:
    """Adopt the server's epoch and re-queue whatever the server no longer holds.

    Returns (epoch changed, entries set back to PENDING). A changed epoch
    means a server restored from an older backup: in one transaction the pull
    cursor goes back to 0 (the restored server numbers its changes anew) and
    every ACKED or REJECTED entry after the server's last sequence for this
    device is PENDING again. The same re-queue happens if the server holds
    fewer of this device's changes than were acknowledged under the same epoch,
    since re-sending is harmless and losing them is not.
    """
    now = now or utcnow()
    last = server_last_device_seq or 0
    with replica.reader.connect() as conn:  # the common case: nothing to adopt or re-queue
        current = state.read(conn)
        if current.epoch == server_epoch and current.last_device_seq == last and conn.execute(
                _ANSWERED_AFTER, {"last": last}).first() is None:
            return False, 0  # so no write transaction, and no wait for its fsync
    with replica.engine.begin() as conn:
        current = state.read(conn)
        changed = current.epoch is not None and current.epoch != server_epoch
        requeued = conn.execute(
            update(outbox).where(outbox.c.seq > last,
                                 outbox.c.status.in_(("ACKED", "REJECTED")))
            .values(status="PENDING", acked_at=None, server_seq=None)).rowcount
        if changed:
            state.write(conn, now, epoch=server_epoch, pull_after=0, last_device_seq=last)
        elif current.epoch is None or current.last_device_seq != last:
            state.write(conn, now, epoch=server_epoch, last_device_seq=last)
        if changed or requeued:
            audit = AuditWriter(conn)
            audit.append(at=now, username=username, device_id=replica.device_id,
                         action="SYNC_EPOCH" if changed else "SYNC_REQUEUE", detail={
                             "old_epoch": current.epoch, "new_epoch": server_epoch,
                             "server_last_device_seq": last, "requeued": requeued})
            audit.flush()
    return changed, requeued
