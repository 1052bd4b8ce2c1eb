"""The rejected-changes inbox: what the server refused, until the user decides.

A change the server rejects is never dropped: push moves it here with the
server's reason (its outbox entry becomes REJECTED). The user then either

- retries it, optionally corrected: the corrected values are written to the
  local row and queued as a NEW outbox entry (a new device sequence; the
  server already answered the old one), or
- discards it, with a reason: the local row goes back to what the server
  holds for the rejected fields (a rejected insert, which only ever existed
  here, is voided locally with that reason).

Either way the entry stays in the inbox, marked RETRIED or DISCARDED, and
the decision is chained into the audit log.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select, update

from app.core.codec import from_json, to_json
from app.core.errors import NotFound, ValidationError
from app.core.ids import uuid7
from app.core.schema import BOOKKEEPING, REPLICATED_TABLES, SCHEMA_VERSION
from app.storage.audit import AuditWriter
from app.storage.local_tables import outbox, rejected_change
from app.storage.unit_of_work import Actor, utcnow

OPEN, RETRIED, DISCARDED = "OPEN", "RETRIED", "DISCARDED"
_VOID_FIELDS = ("voided_at", "voided_by", "void_reason")


def list_rejected(replica, *, status: str | None = OPEN) -> list[dict[str, Any]]:
    """Inbox entries, oldest first; `status=None` lists every entry."""
    stmt = select(rejected_change).order_by(rejected_change.c.id)
    if status is not None:
        stmt = stmt.where(rejected_change.c.status == status)
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def get_rejected(replica, entry_id: int) -> dict[str, Any]:
    """One inbox entry, or NotFound."""
    with replica.reader.connect() as conn:
        row = conn.execute(select(rejected_change).where(rejected_change.c.id == entry_id)
                           ).mappings().first()
    if row is None:
        raise NotFound("rejected change", str(entry_id))
    return dict(row)


def _open_entry(conn, entry_id: int) -> dict[str, Any]:
    row = conn.execute(select(rejected_change).where(rejected_change.c.id == entry_id)
                       ).mappings().first()
    if row is None:
        raise NotFound("rejected change", str(entry_id))
    if row["status"] != OPEN:
        raise ValidationError("id", f"rejected change {entry_id} was already "
                                    f"{row['status'].lower()} ({row['resolution']})")
    return dict(row)


def _local_row(conn, table, row_id: str, entry_id: int) -> dict[str, Any]:
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        raise ValidationError("id", f"the {table.name} record of rejected change {entry_id} is "
                                    "no longer on this device (it left this device's scope)")
    return dict(row)


def retry(replica, actor: Actor, entry_id: int, corrections: dict[str, Any] | None = None,
          now: dt.datetime | None = None) -> str:
    """Queue the rejected change again, with `corrections` ({field: JSON value}) applied.

    Returns the op_id of the new outbox entry. Raises ValidationError naming
    the field if a correction is not a field of the change, or empties a
    required field; nothing is written then.
    """
    now = now or utcnow()
    corrections = dict(corrections or {})
    with replica.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        entry = _open_entry(conn, entry_id)
        table = REPLICATED_TABLES[entry["table_name"]]
        local = _local_row(conn, table, entry["row_id"], entry_id)
        allowed = (set(table.c.keys()) - set(BOOKKEEPING) if entry["op"] == "insert"
                   else set(entry["changes"]) - set(BOOKKEEPING) | (
                       {"void_reason"} if entry["op"] == "void" else set()))
        for name, value in corrections.items():
            if name not in allowed:
                raise ValidationError(name, f"is not a field of rejected change {entry_id} "
                                            f"(fields: {', '.join(sorted(allowed)) or 'none'})")
            try:
                decoded = from_json(table, name, value)
            except (TypeError, ValueError) as exc:
                raise ValidationError(name, f"is not a valid value ({exc})") from None
            if decoded is None and not table.c[name].nullable:
                raise ValidationError(name, "is required")
        # What the retried change sets: the rejected values, corrected. The local
        # row gets them too (a pull may have put the server's values back).
        if entry["op"] == "insert":
            wanted = dict(corrections)
        else:
            wanted = {k: pair[1] for k, pair in entry["changes"].items() if k in table.c}
            wanted.update(corrections)
        decoded = {k: from_json(table, k, v) for k, v in wanted.items()}
        changed = {k: v for k, v in decoded.items() if local[k] != v}
        if changed:
            conn.execute(update(table).where(table.c.id == local["id"]).values(
                **changed, version=local["version"] + 1, updated_at=now,
                updated_by=actor.username))
            local.update(changed)
        if entry["op"] == "insert":
            changes = {k: [None, to_json(v)] for k, v in local.items()
                       if v is not None and k != "id"}
            base_version = 0
        else:
            # The server never took the rejected change, so its base is still
            # the one the rejected change was made on: send the same befores.
            changes = {k: [entry["changes"][k][0] if k in entry["changes"] else None,
                           to_json(v)] for k, v in decoded.items()}
            base_version = conn.execute(select(outbox.c.base_version)
                                        .where(outbox.c.op_id == entry["op_id"])).scalar()
            if base_version is None:
                base_version = local["version"]
        op_id = uuid7()
        conn.execute(insert(outbox).values(
            op_id=op_id, table_name=table.name, row_id=local["id"], op=entry["op"],
            changes=changes, base_version=base_version, hlc=replica.clock.now(),
            username=actor.username, device_id=replica.device_id,
            schema_version=SCHEMA_VERSION, created_at=now, status="PENDING"))
        conn.execute(update(rejected_change).where(rejected_change.c.id == entry_id).values(
            status=RETRIED, resolved_at=now, resolved_by=actor.username,
            resolution=f"retried as {op_id}"))
        audit = AuditWriter(conn)
        audit.append(at=now, username=actor.username, device_id=replica.device_id,
                     action="RETRY_REJECTED", table_name=table.name, row_id=local["id"],
                     detail={"rejected": entry_id, "op_id": entry["op_id"], "new_op_id": op_id,
                             "corrected": sorted(corrections)})
        audit.flush()
    return op_id


def discard(replica, actor: Actor, entry_id: int, reason: str,
            now: dt.datetime | None = None) -> dict[str, Any]:
    """Give up a rejected change, with a reason; returns what was put back locally.

    The rejected fields that still hold the rejected values go back to their
    values before the change (the server never took it); a rejected insert
    is voided locally. No outbox entry is made: there is nothing to send.
    """
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError("reason", "a reason is required to discard a rejected change")
    reason = reason.strip()
    now = now or utcnow()
    with replica.engine.begin() as conn:
        entry = _open_entry(conn, entry_id)
        table = REPLICATED_TABLES[entry["table_name"]]
        local = conn.execute(select(table).where(table.c.id == entry["row_id"])
                             ).mappings().first()
        restored: dict[str, Any] = {}
        if local is not None:
            if entry["op"] == "insert":
                if local["voided_at"] is None:
                    restored = {"voided_at": now, "voided_by": actor.username,
                                "void_reason": f"rejected by the server and discarded: {reason}"}
            else:
                for name, (before, after) in entry["changes"].items():
                    if name in table.c and to_json(local[name]) == after:
                        restored[name] = from_json(table, name, before)
            if restored:
                conn.execute(update(table).where(table.c.id == entry["row_id"])
                             .values(**restored))
        conn.execute(update(rejected_change).where(rejected_change.c.id == entry_id).values(
            status=DISCARDED, resolved_at=now, resolved_by=actor.username, resolution=reason))
        audit = AuditWriter(conn)
        audit.append(at=now, username=actor.username, device_id=replica.device_id,
                     action="DISCARD_REJECTED", table_name=table.name, row_id=entry["row_id"],
                     detail={"rejected": entry_id, "op_id": entry["op_id"], "reason": reason,
                             "restored": sorted(restored)})
        audit.flush()
    return {k: to_json(v) for k, v in restored.items()}
