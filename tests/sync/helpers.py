"""Helpers for the sync tests: pages built from real rows, local facts."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.core.codec import row_to_json
from app.core.protocol import PullResponse, RowSnapshot
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


def snapshot(table: str, row: dict[str, Any], seq: int, **changes) -> RowSnapshot:
    """A RowSnapshot of `row` (a replica row dict) as the server would send it."""
    data = row_to_json({**row, **changes})
    return RowSnapshot(server_seq=seq, table=table, row_id=row["id"], row=data)


def page(rows: list[RowSnapshot], *, cursor: int, has_more: bool = False,
         removed: list[dict[str, str]] | None = None, epoch: str = EPOCH) -> PullResponse:
    return PullResponse(epoch=epoch, rows=rows, removed=removed or [], cursor=cursor,
                        has_more=has_more)


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
