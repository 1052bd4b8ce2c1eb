"""The conflict queue: list, show and resolve (central office).

A resolution is a new change: it sets the field to the chosen value (the
server's, the client's or another one), gets a server sequence like any
change, names the conflict it settles (srv_change.conflict_id) and is pulled
by every device in scope. The conflict record keeps both original values,
their authors, devices and times, and now also who resolved it, how and why.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, select, update

from app.core import codec, protocol
from app.core.errors import NotFound, ValidationError
from app.core.merge import same
from app.core.schema import BOOKKEEPING, REPLICATED_TABLES

from ..errors import ApiError
from ..storage.sync_tables import conflict
from . import audit, rowstore
from .auth import Principal
from .values import value_problem
from .sequences import Allocator

STATUSES = ("open", "resolved")


class AlreadyResolved(ApiError):
    status = 409
    code = "already_resolved"


def _iso(value: dt.datetime | None) -> str | None:
    return codec.to_json(value) if value is not None else None


def to_record(row) -> protocol.ConflictRecord:
    """The protocol form of one srv_conflict row."""
    return protocol.ConflictRecord(
        id=row.id, kind=row.kind, status=row.status, table=row.table_name, row_id=row.row_id,
        field=row.field, facility=row.facility, base_value=row.base_value,
        server_value=row.server_value, server_author=row.server_author,
        server_device=row.server_device, server_at=_iso(row.server_at),
        client_value=row.client_value, client_author=row.client_author,
        client_device=row.client_device, client_at=_iso(row.client_at),
        client_hlc=row.client_hlc, created_at=_iso(row.created_at),
        resolution=row.resolution, resolved_value=row.resolved_value,
        resolved_by=row.resolved_by, resolved_at=_iso(row.resolved_at), note=row.note,
        resolution_seq=row.resolution_seq)


def list_conflicts(conn: Connection, *, status: str | None, limit: int,
                   offset: int) -> tuple[int, list[protocol.ConflictRecord]]:
    """(total, page) of conflicts, oldest first, optionally of one status."""
    if status is not None and status not in STATUSES:
        raise ValidationError("status", f"must be one of {', '.join(STATUSES)}")
    where = [conflict.c.status == status] if status else []
    total = conn.execute(select(func.count()).select_from(conflict).where(*where)).scalar_one()
    rows = conn.execute(select(conflict).where(*where)
                        .order_by(conflict.c.created_at, conflict.c.id)
                        .limit(limit).offset(offset)).all()
    return total, [to_record(r) for r in rows]


def get_conflict(conn: Connection, conflict_id: str) -> protocol.ConflictRecord:
    row = conn.execute(select(conflict).where(conflict.c.id == conflict_id)).first()
    if row is None:
        raise NotFound("conflict", conflict_id)
    return to_record(row)


def resolve(conn: Connection, *, conflict_id: str, choose: str, value: Any, note: str,
            principal: Principal, now: dt.datetime,
            origin: audit.Origin) -> protocol.ConflictRecord:
    """Settle a conflict with a new change naming it; see the module docstring."""
    if choose not in protocol.CHOICES:
        raise ValidationError("choose", f"must be one of {', '.join(protocol.CHOICES)}")
    if not note or not note.strip():
        raise ValidationError("note", "say why this value was chosen")
    alloc = Allocator(conn)  # the sequence lock, before reading the conflict
    row = conn.execute(select(conflict).where(conflict.c.id == conflict_id)).first()
    if row is None:
        raise NotFound("conflict", conflict_id)
    if row.status != "open":
        raise AlreadyResolved(f"conflict {conflict_id} was already resolved by "
                              f"{row.resolved_by}", field="id")
    table = REPLICATED_TABLES[row.table_name]
    if choose == "custom":
        if row.field in BOOKKEEPING:
            raise ValidationError("choose", f"{row.field} takes the server's or the client's "
                                  "value, not another one")
        problem = value_problem(table, row.field, value)
        if problem:
            raise ValidationError("value", problem)
        chosen = value
    else:
        if value is not None:
            raise ValidationError("value", "give a value only with choose=custom")
        chosen = row.server_value if choose == "server" else row.client_value

    current = rowstore.get_row(conn, table, row.row_id)
    writer = rowstore.Writer(principal.username, principal.device_id)
    now_value = codec.to_json(current[row.field]) if current else None
    if row.field == "facility":
        # A record kept at the person's new facility: choosing the client's side moves it back.
        if chosen != current["facility"]:
            seq = rowstore.move_row(conn, alloc, table=table, row_id=row.row_id,
                                    old_facility=current["facility"], to_facility=chosen,
                                    writer=writer, now=now, kind="resolution",
                                    conflict_id=conflict_id)
        else:
            seq = _record(conn, alloc, table, row, current, {}, writer, now, conflict_id)
    else:
        changed = {} if same(table, row.field, now_value, chosen) else {row.field: chosen}
        if changed:
            conn.execute(update(table).where(table.c.id == row.row_id).values(
                **rowstore.to_python(table, changed), version=current["version"] + 1,
                updated_at=now, updated_by=principal.username))
        seq = _record(conn, alloc, table, row, current,
                      {k: [now_value, v] for k, v in changed.items()}, writer, now, conflict_id)
    conn.execute(update(conflict).where(conflict.c.id == conflict_id).values(
        status="resolved", resolution=choose, resolved_value=chosen,
        resolved_by=principal.username, resolved_at=now, note=note.strip(),
        resolution_seq=seq))
    alloc.finish()
    audit.append(conn, at=now, actor=principal.username, action="conflict_resolved",
                 outcome="success", origin=origin, target=f"conflict:{conflict_id}",
                 details={"table": row.table_name, "row_id": row.row_id, "field": row.field,
                          "choose": choose, "server_seq": seq})
    return get_conflict(conn, conflict_id)


def _record(conn, alloc, table, row, current, applied, writer, now, conflict_id) -> int:
    return rowstore.record(conn, alloc, table=table, row_id=row.row_id,
                           facility=current["facility"], op="update", kind="resolution",
                           applied=applied, writer=writer, now=now,
                           meta=rowstore.get_meta(conn, table.name, row.row_id),
                           conflict_id=conflict_id)
