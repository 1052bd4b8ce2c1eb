"""One user action = one unit of work = one transaction.

Every write to a replicated table goes through here, so three things happen
in the same transaction as the write itself, or not at all:
  1. the row is written with its bookkeeping columns and version;
  2. the change (fields with before and after values) is queued in the outbox
     with the next per-device sequence number and an HLC timestamp;
  3. an audit entry is chained onto the audit log.
The transaction commits only if the `with` block finishes cleanly; any
exception, including a ValidationError, rolls everything back.

Inserts are buffered and written with one executemany per table when the
unit of work next reads, updates or commits ("write-behind"). Ids are made
on the client, so nothing needs a row back from the database; batching
makes bulk work such as demo data or a first sync an order of magnitude
faster while a single action costs the same. Foreign keys are checked at
commit (defer_foreign_keys), so the order of the batched tables is free.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError

from app.core.codec import to_json
from app.core.errors import NotFound, RuleViolation, StaleRecord, ValidationError
from app.core.ids import uuid7
from app.core.schema import BOOKKEEPING, SCHEMA_VERSION
from app.storage.audit import AuditWriter
from app.core.sqlite_rows import insert_many
from app.storage.local_tables import outbox

if TYPE_CHECKING:
    from app.storage.replica import Replica
    from app.storage.reference import Codes


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in user, their facility and roles."""

    username: str
    facility: str
    roles: tuple[str, ...] = field(default=("officer",))

    def has_role(self, *roles: str) -> bool:
        return any(r in self.roles for r in roles)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UnitOfWork:
    """A transaction on the replica that records outbox and audit entries."""

    def __init__(self, replica: "Replica", actor: Actor, now: dt.datetime | None = None):
        self.replica = replica
        self.actor = actor
        self.now = now or utcnow()
        self.conn: Connection | None = None
        self._audit: AuditWriter | None = None
        self._pending: dict[Table, list[dict[str, Any]]] = {}

    # -- transaction --------------------------------------------------------
    def __enter__(self) -> "UnitOfWork":
        self.conn = self.replica.engine.connect()
        self._tx = self.conn.begin()
        self.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                if self._audit is not None:
                    self._audit.flush()
                self.flush()
                try:
                    self._tx.commit()
                except IntegrityError as err:
                    raise RuleViolation("record", _integrity_reason(None, err)) from None
            else:
                self._tx.rollback()
        finally:
            if self._tx.is_active:
                self._tx.rollback()
            self.conn.close()
            self.conn = None

    def flush(self) -> None:
        """Write buffered inserts, one executemany per table."""
        pending, self._pending = self._pending, {}
        for table, rows in pending.items():
            try:
                insert_many(self.conn, table, rows)
            except IntegrityError as exc:
                raise RuleViolation(table.name, _integrity_reason(table, exc)) from None

    def _buffer(self, table: Table, row: dict[str, Any]) -> None:
        self._pending.setdefault(table, []).append(row)

    @property
    def codes(self) -> "Codes":
        return self.replica.codes

    @property
    def audit(self) -> AuditWriter:
        if self._audit is None:
            self._audit = AuditWriter(self.conn, emit=self._buffer)
        return self._audit

    # -- reads ----------------------------------------------------------------
    def get(self, table: Table, row_id: str, *, field: str | None = None,
            include_voided: bool = False) -> dict[str, Any]:
        """The row with `row_id`, or NotFound (a ValidationError if `field` names the input)."""
        self.flush()
        row = self.conn.execute(_by_id(table), {"row_key": row_id}).mappings().first()
        if row is None or (row["voided_at"] is not None and not include_voided):
            if field:
                raise ValidationError(field, f"no {table.name.replace('_', ' ')} with id {row_id!r}")
            raise NotFound(table.name, row_id)
        return dict(row)

    def rows(self, statement, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The rows of `statement` (with `params` for its bind parameters), after
        writing what this unit of work holds, so they include its own changes."""
        self.flush()
        return [dict(r) for r in self.conn.execute(statement, params).mappings()]

    def scalar(self, statement) -> Any:
        self.flush()
        return self.conn.execute(statement).scalar()

    # -- writes ---------------------------------------------------------------
    def insert(self, table: Table, values: dict[str, Any]) -> dict[str, Any]:
        """Insert a new replicated row; returns it with its bookkeeping columns."""
        row = {c.name: None for c in table.columns}
        row.update({
            "id": uuid7(), "version": 1, "facility": self.actor.facility,
            "created_at": self.now, "created_by": self.actor.username,
            "updated_at": self.now, "updated_by": self.actor.username,
        })
        unknown = set(values) - set(row)
        if unknown:
            raise ValidationError(sorted(unknown)[0], f"is not a field of {table.name}")
        row.update(values)
        for col in table.columns:
            if row[col.name] is None and col.default is not None and not callable(col.default.arg):
                row[col.name] = col.default.arg
            if row[col.name] is None and not col.nullable and col.server_default is None:
                raise ValidationError(col.name, "is required")
        self._buffer(table, row)
        changes = {k: [None, to_json(v)] for k, v in row.items() if v is not None and k != "id"}
        self._record(table, row["id"], "insert", changes, base_version=0)
        return row

    def update(self, table: Table, row_id: str, changes: dict[str, Any],
               expected_version: int | None = None) -> dict[str, Any]:
        """Change fields of a row; a no-op if nothing actually changes."""
        if table.info.get("append_only"):
            raise RuleViolation(table.name, "records of this kind cannot be edited; add an amendment")
        bad = set(changes) & set(BOOKKEEPING) | (set(changes) - set(table.c.keys()))
        if bad:
            raise ValidationError(sorted(bad)[0], f"cannot be changed on {table.name}")
        current = self.get(table, row_id)
        if expected_version is not None and current["version"] != expected_version:
            raise StaleRecord(table.name, row_id, expected_version, current["version"])
        diff = {k: v for k, v in changes.items() if current[k] != v}
        if not diff:
            return current
        for k, v in diff.items():
            if v is None and not table.c[k].nullable:
                raise ValidationError(k, "is required")
        stamp = {"updated_at": self.now, "updated_by": self.actor.username,
                 "version": current["version"] + 1}
        self._execute(table, _update_by_id(table), {**diff, **stamp, "row_key": row_id})
        recorded = {k: [to_json(current[k]), to_json(v)] for k, v in diff.items()}
        self._record(table, row_id, "update", recorded, base_version=current["version"])
        return {**current, **diff, **stamp}

    def void(self, table: Table, row_id: str, reason: str) -> dict[str, Any]:
        """Void a record with a reason: legal records are never deleted."""
        if not reason or not reason.strip():
            raise ValidationError("void_reason", "a reason is required to void a record")
        current = self.get(table, row_id)
        stamp = {"voided_at": self.now, "voided_by": self.actor.username,
                 "void_reason": reason.strip(), "updated_at": self.now,
                 "updated_by": self.actor.username, "version": current["version"] + 1}
        self._execute(table, _update_by_id(table), {**stamp, "row_key": row_id})
        recorded = {k: [None, to_json(stamp[k])] for k in ("voided_at", "voided_by", "void_reason")}
        self._record(table, row_id, "void", recorded, base_version=current["version"])
        return {**current, **stamp}

    def viewed(self, table: Table, row_id: str, what: str) -> None:
        """Audit a consultation of a sensitive record (DPA 2018 s.62)."""
        self.audit.append(at=self.now, username=self.actor.username,
                          device_id=self.replica.device_id, action="VIEW",
                          table_name=table.name, row_id=row_id, detail={"what": what})

    # -- internals --------------------------------------------------------------
    def _execute(self, table: Table, statement, params: dict[str, Any] | None = None) -> None:
        self.flush()
        try:
            self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise RuleViolation(table.name, _integrity_reason(table, exc)) from None

    def _record(self, table: Table, row_id: str, op: str, changes: dict[str, list],
                base_version: int) -> None:
        op_id = uuid7()
        self._buffer(outbox, dict(
            op_id=op_id, table_name=table.name, row_id=row_id, op=op, changes=changes,
            base_version=base_version, hlc=self.replica.clock.now(),
            username=self.actor.username, device_id=self.replica.device_id,
            schema_version=SCHEMA_VERSION, created_at=self.now, status="PENDING",
            acked_at=None, server_seq=None,
        ))
        self.audit.append(at=self.now, username=self.actor.username,
                          device_id=self.replica.device_id, action=op.upper(),
                          table_name=table.name, row_id=row_id,
                          detail={"op_id": op_id, "fields": sorted(changes)})


# A row by its id, and an update of a row by its id whose SET columns come from the
# execution parameters: built once per table (building cost about three times executing).
@lru_cache(maxsize=None)
def _by_id(table: Table):
    return select(table).where(table.c.id == bindparam("row_key"))


@lru_cache(maxsize=None)
def _update_by_id(table: Table):
    return update(table).where(table.c.id == bindparam("row_key"))


def _integrity_reason(table: Table | None, exc: IntegrityError) -> str:
    text = str(exc.orig)
    if "uq_non_association_open_pair" in text or "non_association.pair_key" in text:
        return "these two people already have an open non-association"
    if "FOREIGN KEY" in text:
        return "refers to a record that does not exist"
    if "UNIQUE" in text:
        return f"a record with the same key already exists ({text.split(':')[-1].strip()})"
    return text

