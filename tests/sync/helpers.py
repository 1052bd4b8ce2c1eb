"""Helpers for the sync tests: pages built from real rows, local facts."""
from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from sqlalchemy import LargeBinary, func, select

from app.core.protocol import PullResponse, RowSnapshot, TableRows
from app.core.schema import REPLICATED_TABLES
from app.core.sqlite_rows import converter
from app.domain import people
from app.storage.local_tables import audit_log, outbox
from app.sync import state

EPOCH = "epoch-1"


def new_person(replica, actor, first: str = "Ana", last: str = "Silva", number: str | None = None):
    """Record a person through the domain service (outbox and audit included)."""
    with replica.unit_of_work(actor) as uow:
        return people.create_person(
            uow, first_name=first, last_name=last, date_of_birth=dt.date(1985, 3, 4), sex="F",
            identifiers=[("PRISON_NUMBER", number)] if number else None,
            not_duplicate_reason="test")


def stored(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """`row` (Python values) in the stored form pull pages carry (app.core.protocol)."""
    table = REPLICATED_TABLES[table_name]
    out = {}
    for name, value in row.items():
        column = table.c[name]
        if value is not None and isinstance(column.type, LargeBinary):
            value = base64.b64encode(value).decode("ascii")
        else:
            conv = converter(column)
            value = conv(value) if conv else value
        out[name] = value
    return out


def snapshot(table: str, row: dict[str, Any], seq: int = 0, **changes) -> RowSnapshot:
    """`row` (a replica row dict, with `changes` on top) as a server would send it;
    `seq` only documents the order the test means."""
    return RowSnapshot(table=table, row_id=row["id"], row=stored(table, {**row, **changes}))


def hidden(snap: RowSnapshot, *fields: str) -> RowSnapshot:
    """`snap` with `fields` left out, as for a reader whose role may not read them."""
    return RowSnapshot(snap.table, snap.row_id,
                       {k: v for k, v in snap.row.items() if k not in fields}, list(fields))


def page(rows: list[RowSnapshot], *, cursor: int, has_more: bool = False,
         removed: list[dict[str, str]] | None = None, epoch: str = EPOCH) -> PullResponse:
    """A page of these rows, in blocks per table and set of columns, as a server sends it."""
    blocks: dict[tuple, TableRows] = {}
    for snap in rows:
        columns = ["id", *(k for k in snap.row if k != "id")]
        key = (snap.table, tuple(columns), tuple(snap.redacted))
        block = blocks.setdefault(key, TableRows(snap.table, columns, [], list(snap.redacted)))
        block.rows.append([snap.row_id if c == "id" else snap.row[c] for c in columns])
    return PullResponse(epoch=epoch, tables=list(blocks.values()), removed=removed or [],
                        cursor=cursor, has_more=has_more)


def outbox_statuses(replica) -> list[tuple[int, str]]:
    with replica.reader.connect() as conn:
        return [tuple(r) for r in conn.execute(select(outbox.c.seq, outbox.c.status)
                                                .order_by(outbox.c.seq))]


def audit_actions(replica) -> list[str]:
    with replica.reader.connect() as conn:
        return list(conn.execute(select(audit_log.c.action).order_by(audit_log.c.seq)).scalars())


def sync_state(replica) -> state.SyncState:
    with replica.reader.connect() as conn:
        return state.read(conn)


def count(replica, table, *where) -> int:
    with replica.reader.connect() as conn:
        stmt = select(func.count()).select_from(table)
        for w in where:
            stmt = stmt.where(w)
        return conn.execute(stmt).scalar_one()


def person_row(first: str = "Bruno", last: str = "Costa", *, facility: str = "MDI",
               version: int = 1, by: str = "other.officer") -> dict[str, Any]:
    """A whole person row as another device would have created it."""
    from app.core.ids import uuid7

    now = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
    return {"id": uuid7(), "version": version, "facility": facility, "created_at": now,
            "created_by": by, "updated_at": now, "updated_by": by, "voided_at": None,
            "voided_by": None, "void_reason": None, "first_name": first, "middle_names": None,
            "last_name": last, "date_of_birth": dt.date(1979, 6, 1), "sex": "M",
            "gender": None, "merged_into_id": None}


def identifier_row(person_id: str, value: str, *, facility: str = "MDI") -> dict[str, Any]:
    from app.core.ids import uuid7

    now = dt.datetime(2026, 11, 20, 9, 31, tzinfo=dt.timezone.utc)
    return {"id": uuid7(), "version": 1, "facility": facility, "created_at": now,
            "created_by": "other.officer", "updated_at": now, "updated_by": "other.officer",
            "voided_at": None, "voided_by": None, "void_reason": None,
            "person_id": person_id, "id_type": "PRISON_NUMBER", "value": value}
