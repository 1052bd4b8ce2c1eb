"""Request and response bodies of the sync and conflict endpoints, for /openapi.json.

They mirror the dataclasses of app.core.protocol field for field (that
module is the one both sides code against); a request is validated here for
shape and then read with the protocol's own `from_json`, so the server
applies exactly the checks the client's messages are written for.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from app.core.protocol import MAX_PULL_PAGE, MAX_PUSH_BATCH
from app.core.schema import SCHEMA_VERSION

from .models import DEVICE_ID_PATTERN, NUL_REFUSED, _Shape, _Strict
from ..storage.tables import DEVICE_ID_MAX

_Device = Field(min_length=1, max_length=DEVICE_ID_MAX, pattern=DEVICE_ID_PATTERN,
                description="the pushing device; must be the device of the session")
_Version = Field(default=None, ge=0, le=1_000_000,
                 description="also sent as a header; the header wins when both are given")


class ChangeIn(_Shape):
    """One outbox entry (protocol.Change). Its text is checked for NUL by `PushIn`, in
    one pass over the batch: a validator per field cost a fifth of the validation of a
    1,000-change push."""

    op_id: str = Field(min_length=1, max_length=36)
    device_seq: int = Field(ge=1, le=2 ** 62, description="per-device sequence, from 1")
    table: str = Field(min_length=1, max_length=60)
    row_id: str = Field(min_length=1, max_length=36)
    op: Literal["insert", "update", "void"]
    changes: dict[str, list[Any]] = Field(
        description="{field: [before, after]} in the JSON forms of app.core.codec")
    base_version: int = Field(ge=0, le=2 ** 31 - 1)
    hlc: str = Field(min_length=1, max_length=60, description="hybrid logical clock; "
                     "orders display only, never decides a merge")
    username: str = Field(min_length=1, max_length=80)
    # The request's device_id is checked against the pattern; each change must name that
    # same device (PushRequest.check), so a pattern per change would only cost time.
    device_id: str = Field(min_length=1, max_length=DEVICE_ID_MAX,
                           description="the pushing device (the request's device_id)")
    schema_version: int = Field(default=SCHEMA_VERSION, ge=0, le=1_000_000)


class AuditHead(BaseModel):
    seq: int
    hash: str


class PushIn(_Strict):
    """protocol.PushRequest."""

    device_id: str = _Device
    changes: list[ChangeIn] = Field(max_length=MAX_PUSH_BATCH)
    epoch: str | None = Field(default=None, max_length=36)
    audit_head: dict[str, Any] | None = None
    protocol: int | None = _Version
    schema_: int | None = Field(default=None, alias="schema", ge=0, le=1_000_000)

    @field_validator("changes")
    @classmethod
    def _no_nul_in_changes(cls, changes: list[ChangeIn]) -> list[ChangeIn]:
        if "\x00" not in "".join(["".join(_change_text(c)) for c in changes]):
            return changes
        i, change = next((i, c) for i, c in enumerate(changes)
                         if "\x00" in "".join(_change_text(c)))
        name = next(n for n in _CHANGE_TEXT if "\x00" in getattr(change, n))
        raise ValueError(f"change {i}'s {name} {NUL_REFUSED}")


# Every text field of a change (a field added later is checked too), read at once.
_CHANGE_TEXT = tuple(name for name, f in ChangeIn.model_fields.items() if f.annotation is str)
_change_text = attrgetter(*_CHANGE_TEXT)


class ChangeResultOut(BaseModel):
    op_id: str
    device_seq: int
    outcome: Literal["applied", "duplicate", "conflict", "rejected"]
    server_seq: int | None = None
    reason: str | None = None
    field: str | None = None
    conflict_ids: list[str] = []


class PushOut(BaseModel):
    """protocol.PushResponse."""

    epoch: str
    results: list[ChangeResultOut]
    last_device_seq: int


class PullIn(_Strict):
    """protocol.PullRequest."""

    device_id: str = _Device
    after: int = Field(default=0, ge=0, le=2 ** 62)
    epoch: str | None = Field(default=None, max_length=36)
    limit: int = Field(default=MAX_PULL_PAGE, ge=1, le=MAX_PULL_PAGE)
    protocol: int | None = _Version
    schema_: int | None = Field(default=None, alias="schema", ge=0, le=1_000_000)


class TableRowsOut(BaseModel):
    """protocol.TableRows: rows of one table, values in their stored form."""

    table: str
    columns: list[str] = Field(description='column names, "id" first')
    redacted: list[str] = Field(default=[], description="columns the reader's role may not "
                                "read, left out of `columns`")
    rows: list[list[Any]] = Field(description="one list of values per row, in the order of "
                                  "`columns`: timestamps as UTC 'YYYY-MM-DD HH:MM:SS.ffffff', "
                                  "dates 'YYYY-MM-DD', JSON as its text, booleans 0/1, "
                                  "binary as base64")


class RemovedRow(BaseModel):
    table: str
    row_id: str


class SyncStatusOut(BaseModel):
    """protocol.SyncStatus."""

    device_id: str
    epoch: str
    last_device_seq: int
    head_seq: int
    epoch_started_at: str
    open_conflicts: list[str] = Field(default=[], description="ids of the open conflicts "
                                      "this device's changes caused")
    models_manifest: str | None = Field(
        default=None, description="SHA-256 of the published signed model manifest (null: "
        "none published); sent to clients of protocol 3 and newer")


class PullOut(BaseModel):
    """protocol.PullResponse."""

    epoch: str
    tables: list[TableRowsOut]
    removed: list[RemovedRow]
    cursor: int
    has_more: bool
    status: SyncStatusOut | None = Field(
        default=None, description="on the last page (has_more false), for clients of "
        "protocol 3 and newer: the device's sync status, as GET /sync/status answers")


class ConflictOut(BaseModel):
    """protocol.ConflictRecord."""

    id: str
    kind: Literal["concurrent_edit", "after_transfer"]
    status: Literal["open", "resolved"]
    table: str
    row_id: str
    field: str
    facility: str
    base_value: Any = None
    server_value: Any = None
    server_author: str | None = None
    server_device: str | None = None
    server_at: str | None = None
    client_value: Any = None
    client_author: str
    client_device: str
    client_at: str
    client_hlc: str
    created_at: str
    resolution: Literal["server", "client", "custom"] | None = None
    resolved_value: Any = None
    resolved_by: str | None = None
    resolved_at: str | None = None
    note: str | None = None
    resolution_seq: int | None = None


class ConflictPage(BaseModel):
    total: int
    conflicts: list[ConflictOut]


class ResolveIn(_Strict):
    """protocol.ResolveRequest."""

    choose: Literal["server", "client", "custom"]
    note: str = Field(min_length=1, max_length=2000, description="why this value was chosen")
    value: Any = Field(default=None, description="the value to set, only with choose=custom")
