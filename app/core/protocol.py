"""The sync protocol: one message-schema module for the client and the server.

Every request carries the protocol and schema versions, in headers and in
the body, so a server can refuse a client that is too old or too new with a
plain message while the client keeps its outbox untouched.

Push (client → server, POST /api/v1/sync/push):
    The outbox is sent in per-device sequence order, in batches. The server
    applies a batch in one transaction together with the last device
    sequence it applied, so a replayed batch has exactly one effect, and a
    batch that starts past the next expected sequence is refused as a gap.
    Each change comes back with an outcome: applied (with the server
    sequence it was given), duplicate (already applied earlier), conflict
    (applied to the fields that did not conflict; a conflict record holds
    both values) or rejected (with a reason; nothing of it was applied).

Pull (server → client, POST /api/v1/sync/pull):
    The cursor is (epoch, server sequence). The server sends pages of the rows
    changed after the cursor, as they stand now (fields the user's role may
    not read left out), and the rows that left the device's scope. The
    client applies a page and its new cursor in one local transaction.

    A page's rows come per table (TableRows: the columns once, then one list
    of values per row) and every value in its stored form, the text SQLite
    holds: timestamps as UTC 'YYYY-MM-DD HH:MM:SS.ffffff', dates as
    'YYYY-MM-DD', JSON values as their JSON text, booleans as 0/1 (true/false
    also accepted), binary as base64 text. A SQLite server sends its stored
    values untouched and the client stores them as they come, after checking
    them by column; a first sync is mostly this. (Pushed changes still carry
    the JSON forms of app.core.codec: a push is checked value by value.)

Epoch:
    A server restored from an older backup has a new epoch. A client that
    sees another epoch resets its pull cursor and re-pushes every change
    after the last sequence the server says it holds for the device.

Messages are plain dataclasses with `to_json()` / `from_json()`; reading a
message validates it and raises ProtocolError naming the bad field.

Server behaviour the client can rely on (see docs/sync.md):
  - Every change that is not rejected gets a server sequence, even one that
    changed nothing or only conflicted, and the row's snapshot is sent again
    on the next pull, so every device (the pusher too) converges on the
    server's row. A rejected change gets no server sequence; the device seq
    still advances past it, and the server keeps the rejection.
  - A push whose device_seq values start past last_device_seq + 1, or that
    are not consecutive, is refused whole: HTTP 409, code sequence_gap, with
    the expected seq in the message and in GET /api/v1/sync/status.
  - Too old / too new: HTTP 426 with code client_too_old / client_too_new.
  - A pull with after > 0 and an epoch other than the server's, or with a
    cursor past the server's newest sequence: HTTP 409, code epoch_changed;
    reset the cursor to 0 (and the stored epoch), ask /api/v1/sync/status for
    last_device_seq, and re-push every change after it.
  - Pushed changes are authorised as the change's `username`, who must have
    signed in on the pushing device.

Additions since the first version (all optional, defaults kept):
  - TableRows.redacted: fields left out because the user's role may not read
    them (e.g. assessment answers; the text of sensitive case notes). The
    client must not treat them as cleared.
  - SyncStatus (GET /api/v1/sync/status, with the ids of the still-open
    conflicts this device's changes caused), ConflictRecord and ResolveRequest
    (GET/POST /api/v1/conflicts...; the list is {"total", "conflicts"}, every
    status unless ?status=open|resolved), and the error codes below.
Version 3 added SyncStatus.models_manifest and PullResponse.status (the sync
status on a pull's last page, so a sync that knows the epoch needs no status
request); a v2 client is still served, without them: readers refuse fields they
do not know. Version 2 replaced version 1's pages of per-row snapshots (JSON forms, each
row a dict with its server_seq and origin device) with TableRows: the same
rows at a fraction of the bytes and of the work on both sides.
"""
from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from dataclasses import field as dc_field
from functools import lru_cache
from typing import Any

from app.core.errors import ValidationError
from app.core.schema import SCHEMA_VERSION

PROTOCOL_VERSION = 3
"""Version of this message format; bump when a message changes incompatibly
(2: pull pages carry rows per table, in their stored form; 3: SyncStatus names
the published model manifest by its SHA-256, and a pull's last page carries the
sync status)."""
MIN_PROTOCOL_VERSION = 2
"""Oldest protocol a server of this version still speaks."""

PROTOCOL_HEADER = "X-Custos-Protocol"
SCHEMA_HEADER = "X-Custos-Schema"

MAX_PUSH_BATCH = 1000
"""Most changes a client sends in one push request."""
MAX_PULL_PAGE = 20000
"""Most rows (and removals) a server sends in one pull page. A client asks for this
many: a page is one local transaction, and a first sync of a facility spends less
time committing with fewer, larger pages (a 20,000-row page is a few MB of JSON)."""

# Outcomes of a pushed change.
APPLIED, DUPLICATE, CONFLICT, REJECTED = "applied", "duplicate", "conflict", "rejected"
OUTCOMES = (APPLIED, DUPLICATE, CONFLICT, REJECTED)

# Error codes in an error body {"error": {"code", "message", "field"}}.
CLIENT_TOO_OLD = "client_too_old"
CLIENT_TOO_NEW = "client_too_new"
SEQUENCE_GAP = "sequence_gap"
EPOCH_CHANGED = "epoch_changed"
WRONG_DEVICE = "wrong_device"  # the body names another device than the session's


class ProtocolError(ValidationError):
    """A message that does not follow this module's schema."""


def version_headers() -> dict[str, str]:
    """The headers every client request carries."""
    return {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}


def version_problem(protocol: int | None, schema: int | None) -> tuple[str, str] | None:
    """(error code, message) if a peer's versions cannot be served, else None."""
    if protocol is None or schema is None:
        return CLIENT_TOO_OLD, "the request does not state its protocol and schema versions"
    if protocol < MIN_PROTOCOL_VERSION or schema < SCHEMA_VERSION:
        return CLIENT_TOO_OLD, (
            f"this Custos is too old for the server (protocol {protocol}, schema {schema}; "
            f"the server needs protocol >= {MIN_PROTOCOL_VERSION} and schema >= {SCHEMA_VERSION}); "
            "update Custos: your unsent changes are kept and will be sent after the update")
    if protocol > PROTOCOL_VERSION or schema > SCHEMA_VERSION:
        return CLIENT_TOO_NEW, (
            f"this Custos is newer than the server (protocol {protocol}, schema {schema}; "
            f"the server speaks protocol {PROTOCOL_VERSION}, schema {SCHEMA_VERSION}); "
            "your unsent changes are kept until the server is upgraded")
    return None


@lru_cache(maxsize=None)
def _fields_of(cls) -> dict[str, Any]:
    # Read for every row of every page: worth computing once per message class.
    return {f.name: f for f in fields(cls)}


@lru_cache(maxsize=None)
def _reading_plan(cls) -> tuple[frozenset[str], tuple[tuple[str, bool, Any, bool], ...]]:
    """(field names, (name, required, expected type, whole number) per field) of `cls`."""
    known = _fields_of(cls)
    plan = []
    for name, f in known.items():
        expected = _TYPES.get((cls.__name__, name))
        plan.append((name, f.default is MISSING and f.default_factory is MISSING, expected,
                     expected is int))
    return frozenset(known), tuple(plan)


def _read(cls, data: Any, where: str):
    """Build dataclass `cls` from a dict, checking names and plain types."""
    if not isinstance(data, dict):
        raise ProtocolError(where, "must be an object")
    names, plan = _reading_plan(cls)
    if not names.issuperset(data):
        unknown = sorted(set(data) - names)
        raise ProtocolError(f"{where}.{unknown[0]}", "is not a field of this message")
    values = {}
    for name, required, expected, whole in plan:
        if name not in data:
            if required:
                raise ProtocolError(f"{where}.{name}", "is required")
            continue
        value = data[name]
        if expected is not None and value is not None and not isinstance(value, expected):
            raise ProtocolError(f"{where}.{name}", f"must be {_describe(expected)}")
        if whole and value.__class__ is bool:
            raise ProtocolError(f"{where}.{name}", "must be a whole number")
        values[name] = value
    return cls(**values)


def _describe(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {int: "a whole number", str: "text", dict: "an object", list: "a list",
             bool: "true or false"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


@dataclass
class Change:
    """One outbox entry as it travels: a change to one row, by one device."""

    op_id: str
    device_seq: int
    table: str
    row_id: str
    op: str  # insert / update / void
    changes: dict[str, list]  # {field: [before, after]}
    base_version: int
    hlc: str
    username: str
    device_id: str
    schema_version: int = SCHEMA_VERSION

    def to_json(self) -> dict[str, Any]:
        # Shallow: a push holds hundreds of these, and asdict's deep copy of every
        # `changes` dict cost a sixth of the client's push time. Nothing mutates it.
        return {name: getattr(self, name) for name in _fields_of(Change)}

    @classmethod
    def from_json(cls, data: Any, where: str = "change") -> "Change":
        return _read(cls, data, where)

    def check(self, where: str = "change") -> None:
        """What a well-typed change must still be: a known op, [before, after] pairs."""
        if self.op not in ("insert", "update", "void"):
            raise ProtocolError(f"{where}.op", "must be insert, update or void")
        for name, pair in self.changes.items():
            if not isinstance(pair, list) or len(pair) != 2:
                raise ProtocolError(f"{where}.changes.{name}", "must be [before, after]")


@dataclass
class PushRequest:
    device_id: str
    changes: list[Change]
    epoch: str | None = None  # the server epoch the client last saw
    audit_head: dict[str, Any] | None = None  # {"seq": n, "hash": hex} of the client's chain
    protocol: int = PROTOCOL_VERSION
    schema: int = SCHEMA_VERSION

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _fields_of(PushRequest)}
        data["changes"] = [c.to_json() for c in self.changes]
        return data

    @classmethod
    def from_json(cls, data: Any) -> "PushRequest":
        req = _read(cls, data, "push")
        if len(req.changes) > MAX_PUSH_BATCH:
            raise ProtocolError("push.changes", f"at most {MAX_PUSH_BATCH} changes per request")
        req.changes = [Change.from_json(c, f"push.changes[{i}]") for i, c in enumerate(req.changes)]
        req.check()
        return req

    def check(self) -> None:
        """The rules of a push beyond each field's type: [before, after] pairs, changes
        in increasing device_seq order, all from the pushing device."""
        if len(self.changes) > MAX_PUSH_BATCH:
            raise ProtocolError("push.changes", f"at most {MAX_PUSH_BATCH} changes per request")
        for i, change in enumerate(self.changes):
            change.check(f"push.changes[{i}]")
        seqs = [c.device_seq for c in self.changes]
        if seqs != sorted(seqs) or len(set(seqs)) != len(seqs):
            raise ProtocolError("push.changes", "must be in increasing device_seq order")
        if any(c.device_id != self.device_id for c in self.changes):
            raise ProtocolError("push.changes", "every change must come from the pushing device")


@dataclass
class ChangeResult:
    op_id: str
    device_seq: int
    outcome: str  # one of OUTCOMES
    server_seq: int | None = None
    reason: str | None = None  # why it was rejected, or which fields conflicted
    field: str | None = None  # the field a rejection is about, if one
    conflict_ids: list[str] = dc_field(default_factory=list)

    @classmethod
    def from_json(cls, data: Any, where: str = "result") -> "ChangeResult":
        result = _read(cls, data, where)
        if result.outcome not in OUTCOMES:
            raise ProtocolError(f"{where}.outcome", f"must be one of {', '.join(OUTCOMES)}")
        return result


@dataclass
class PushResponse:
    epoch: str
    results: list[ChangeResult]
    last_device_seq: int  # the last change of this device the server holds

    def to_json(self) -> dict[str, Any]:
        # Shallow: one dict per result (asdict deep-copies every field of every result).
        return {"epoch": self.epoch, "last_device_seq": self.last_device_seq,
                "results": [{name: getattr(r, name) for name in _fields_of(ChangeResult)}
                            for r in self.results]}

    @classmethod
    def from_json(cls, data: Any) -> "PushResponse":
        resp = _read(cls, data, "push_response")
        resp.results = [ChangeResult.from_json(r, f"push_response.results[{i}]")
                        for i, r in enumerate(resp.results)]
        return resp


@dataclass
class PullRequest:
    device_id: str
    after: int = 0  # server sequence already applied
    epoch: str | None = None
    limit: int = MAX_PULL_PAGE
    protocol: int = PROTOCOL_VERSION
    schema: int = SCHEMA_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> "PullRequest":
        req = _read(cls, data, "pull")
        if req.after < 0:
            raise ProtocolError("pull.after", "cannot be negative")
        if not 1 <= req.limit <= MAX_PULL_PAGE:
            raise ProtocolError("pull.limit", f"must be between 1 and {MAX_PULL_PAGE}")
        return req


@dataclass
class TableRows:
    """Rows of one table in a pull page, as the server holds them after the page's changes.

    `rows` are lists of values in the order of `columns` (the first is "id"), each
    in its stored form (see the module docstring). Every row of a block carries the
    same columns: fields the reader's role may not read are left out of `columns`
    and named in `redacted`, so rows with other fields hidden travel in another block.
    """

    table: str
    columns: list[str]
    rows: list[list]
    redacted: list[str] = dc_field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "columns": self.columns, "redacted": self.redacted,
                "rows": self.rows}

    @classmethod
    def from_json(cls, data: Any, where: str = "tables") -> "TableRows":
        block = _read(cls, data, where)
        columns, n = block.columns, len(block.columns)
        if not columns or columns[0] != "id" or not all(isinstance(c, str) for c in columns) \
                or len(set(columns)) != n:
            raise ProtocolError(f"{where}.columns", 'must be distinct names, "id" first')
        if not all(isinstance(c, str) for c in block.redacted):
            raise ProtocolError(f"{where}.redacted", "must be a list of column names")
        # One pass in C per check, not a Python loop per row: pages hold thousands.
        if not all(map(list.__instancecheck__, block.rows)) \
                or any(len(r) != n for r in block.rows):
            raise ProtocolError(f"{where}.rows", f"must be lists of {n} values")
        return block


@dataclass
class RowSnapshot:
    """One row of a pull page as a dict (for tools and tests; pages carry TableRows)."""

    table: str
    row_id: str
    row: dict[str, Any]  # column -> stored value; unreadable fields left out
    redacted: list[str] = dc_field(default_factory=list)


@dataclass
class PullResponse:
    epoch: str
    tables: list[TableRows]
    removed: list[dict[str, str]]  # [{"table": t, "row_id": id}] that left this device's scope
    cursor: int  # the server sequence to pull after next time
    has_more: bool
    # Protocol 3: the last page (has_more false) carries the device's sync status, read
    # in the page's own transaction, so a sync needs no status request of its own.
    status: SyncStatus | None = None

    def to_json(self) -> dict[str, Any]:
        data = {"epoch": self.epoch, "cursor": self.cursor, "has_more": self.has_more,
                "removed": self.removed, "tables": [t.to_json() for t in self.tables]}
        if self.status is not None:  # a protocol 2 reader refuses fields it does not know
            data["status"] = asdict(self.status)
        return data

    @classmethod
    def from_json(cls, data: Any) -> "PullResponse":
        resp = _read(cls, data, "pull_response")
        resp.tables = [TableRows.from_json(t, f"pull_response.tables[{i}]")
                       for i, t in enumerate(resp.tables)]
        if resp.status is not None:
            resp.status = _read(SyncStatus, resp.status, "pull_response.status")
        return resp

    def snapshots(self) -> list[RowSnapshot]:
        """Every row of the page as a dict keyed by column."""
        return [RowSnapshot(t.table, values[0], dict(zip(t.columns, values)), list(t.redacted))
                for t in self.tables for values in t.rows]


@dataclass
class SyncStatus:
    """GET /api/v1/sync/status: what the server holds for the calling device."""

    device_id: str
    epoch: str
    last_device_seq: int  # the last change of this device the server holds (0: none)
    head_seq: int  # the newest server sequence
    epoch_started_at: str  # ISO 8601 UTC
    open_conflicts: list[str] = dc_field(default_factory=list)  # ids, from this device's changes
    # SHA-256 (hex) of the published signed model manifest, None if none is published
    # (protocol 3): a device that holds that very manifest need not fetch it to know.
    models_manifest: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> "SyncStatus":
        return _read(cls, data, "status")


CHOICES = ("server", "client", "custom")
"""How a conflict is resolved: keep the server's value, take the client's, or set another."""


@dataclass
class ConflictRecord:
    """One field changed on two sides (or edited after the person was transferred)."""

    id: str
    kind: str  # concurrent_edit / after_transfer
    status: str  # open / resolved
    table: str
    row_id: str
    field: str
    facility: str
    base_value: Any
    server_value: Any
    server_author: str | None
    server_device: str | None
    server_at: str | None  # when the server received the server side (ISO 8601 UTC)
    client_value: Any
    client_author: str
    client_device: str
    client_at: str  # when the server received the client side
    client_hlc: str  # the client's clock, for display only
    created_at: str
    resolution: str | None = None
    resolved_value: Any = None
    resolved_by: str | None = None
    resolved_at: str | None = None
    note: str | None = None
    resolution_seq: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> "ConflictRecord":
        return _read(cls, data, "conflict")


@dataclass
class ResolveRequest:
    """POST /api/v1/conflicts/{id}/resolve; `value` only with choose=custom."""

    choose: str
    note: str
    value: Any = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# Plain-type expectations checked by _read, per (message, field).
_TYPES: dict[tuple[str, str], Any] = {
    ("Change", "op_id"): str, ("Change", "device_seq"): int, ("Change", "table"): str,
    ("Change", "row_id"): str, ("Change", "op"): str, ("Change", "changes"): dict,
    ("Change", "base_version"): int, ("Change", "hlc"): str, ("Change", "username"): str,
    ("Change", "device_id"): str, ("Change", "schema_version"): int,
    ("PushRequest", "device_id"): str, ("PushRequest", "changes"): list,
    ("PushRequest", "epoch"): str, ("PushRequest", "audit_head"): dict,
    ("PushRequest", "protocol"): int, ("PushRequest", "schema"): int,
    ("ChangeResult", "op_id"): str, ("ChangeResult", "device_seq"): int,
    ("ChangeResult", "outcome"): str, ("ChangeResult", "server_seq"): int,
    ("ChangeResult", "reason"): str, ("ChangeResult", "field"): str,
    ("ChangeResult", "conflict_ids"): list,
    ("PushResponse", "epoch"): str, ("PushResponse", "results"): list,
    ("PushResponse", "last_device_seq"): int,
    ("PullRequest", "device_id"): str, ("PullRequest", "after"): int,
    ("PullRequest", "epoch"): str, ("PullRequest", "limit"): int,
    ("PullRequest", "protocol"): int, ("PullRequest", "schema"): int,
    ("TableRows", "table"): str, ("TableRows", "columns"): list, ("TableRows", "rows"): list,
    ("TableRows", "redacted"): list,
    ("SyncStatus", "device_id"): str, ("SyncStatus", "epoch"): str,
    ("SyncStatus", "last_device_seq"): int, ("SyncStatus", "head_seq"): int,
    ("SyncStatus", "epoch_started_at"): str, ("SyncStatus", "open_conflicts"): list,
    ("SyncStatus", "models_manifest"): str,
    ("ConflictRecord", "id"): str, ("ConflictRecord", "kind"): str,
    ("ConflictRecord", "status"): str, ("ConflictRecord", "table"): str,
    ("ConflictRecord", "row_id"): str, ("ConflictRecord", "field"): str,
    ("PullResponse", "epoch"): str, ("PullResponse", "tables"): list,
    ("PullResponse", "removed"): list, ("PullResponse", "cursor"): int,
    ("PullResponse", "has_more"): bool, ("PullResponse", "status"): dict,
}
