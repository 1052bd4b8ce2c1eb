"""Helpers for server tests: seed accounts, a device speaking the protocol, row builders.

`Device` builds outbox entries the way the client's unit of work writes them
(inserts carry every non-null column with the standard bookkeeping; updates
carry [before, after] per field; voids the three void columns), numbers them
with a per-device sequence, and pushes and pulls over HTTP.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean

from app.core import protocol
from app.core.clock import HybridLogicalClock
from app.core.codec import to_json
from app.core.ids import uuid7
from app.core.schema import REPLICATED_TABLES, UTCDateTime

PASSWORD = "prison-ledger-7"

SEED_FACILITIES = (("MDI", "Moorland"), ("LEI", "Leeds"), ("BRX", "Brixton"))
SEED_USERS = (
    ("officer1", ["officer"], ["MDI"]),
    ("officer2", ["officer"], ["MDI"]),
    ("leiofficer", ["officer"], ["LEI"]),
    ("psych1", ["psychologist"], ["MDI"]),
    ("casemgr1", ["case_manager"], ["MDI"]),
    ("super1", ["supervisor"], ["MDI"]),
    ("central1", ["central_office"], []),
    ("admin1", ["admin"], ["MDI"]),
)
FACILITY_OF = {name: (facs[0] if facs else "MDI") for name, _r, facs in SEED_USERS}

_device_numbers = itertools.count(1)


def iso(at: dt.datetime | None = None) -> str:
    return (at or dt.datetime.now(dt.timezone.utc)).isoformat()


@dataclass
class Server:
    client: Any  # fastapi TestClient or an httpx2.Client on a real server
    engine: Any
    clock: Any
    url: str

    def login(self, username: str, device_id: str | None = None) -> "Device":
        """Sign in on a new (or given) device and return it."""
        device_id = device_id or f"dev-{username}-{next(_device_numbers)}"
        resp = self.client.post("/api/v1/auth/login", json={
            "username": username, "password": PASSWORD, "device_id": device_id,
            "device_name": f"{username}'s workstation"})
        assert resp.status_code == 200, resp.text
        return Device(self, username, device_id, resp.json()["access_token"])


@dataclass
class Device:
    server: Server
    username: str
    device_id: str
    token: str
    seq: int = 0
    cursor: int = 0
    epoch: str | None = None
    facility: str = ""
    clock_offset: dt.timedelta = field(default_factory=dt.timedelta)
    replica: dict = field(default_factory=dict)  # (table, id) -> row, as pulled

    def __post_init__(self):
        self.facility = FACILITY_OF.get(self.username, "MDI")
        self.hlc = HybridLogicalClock(self.device_id, wall=self._wall)

    def _wall(self) -> float:
        return (dt.datetime.now(dt.timezone.utc) + self.clock_offset).timestamp()

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **protocol.version_headers()}

    def now(self) -> str:
        return iso(dt.datetime.now(dt.timezone.utc) + self.clock_offset)

    # -- building changes ----------------------------------------------------------
    def change(self, table: str, row_id: str, op: str, changes: dict[str, list],
               base_version: int = 1, username: str | None = None) -> dict:
        self.seq += 1
        return protocol.Change(
            op_id=uuid7(), device_seq=self.seq, table=table, row_id=row_id, op=op,
            changes=changes, base_version=base_version, hlc=self.hlc.now(),
            username=username or self.username, device_id=self.device_id).to_json()

    def insert(self, table: str, values: dict, *, facility: str | None = None,
               row_id: str | None = None) -> tuple[str, dict]:
        row_id = row_id or uuid7()
        now = self.now()
        row = {"version": 1, "facility": facility or self.facility, "created_at": now,
               "created_by": self.username, "updated_at": now, "updated_by": self.username,
               **values}
        return row_id, self.change(table, row_id, "insert",
                                   {k: [None, v] for k, v in row.items() if v is not None},
                                   base_version=0)

    def update(self, table: str, row_id: str, changes: dict[str, list],
               base_version: int = 1) -> dict:
        return self.change(table, row_id, "update", changes, base_version)

    def void(self, table: str, row_id: str, reason: str = "entered in error") -> dict:
        return self.change(table, row_id, "void", {
            "voided_at": [None, self.now()], "voided_by": [None, self.username],
            "void_reason": [None, reason]})

    # -- talking to the server ---------------------------------------------------------
    def push(self, changes: list[dict], expect: int = 200, audit_head: dict | None = None) -> dict:
        resp = self.server.client.post("/api/v1/sync/push", headers=self.headers, json={
            "device_id": self.device_id, "changes": changes, "epoch": self.epoch,
            "audit_head": audit_head,
            "protocol": protocol.PROTOCOL_VERSION, "schema": protocol.SCHEMA_VERSION})
        assert resp.status_code == expect, resp.text
        return resp.json()

    def pull_page(self, after: int | None = None, limit: int = 2000, expect: int = 200) -> dict:
        resp = self.server.client.post("/api/v1/sync/pull", headers=self.headers, json={
            "device_id": self.device_id, "after": self.cursor if after is None else after,
            "epoch": self.epoch, "limit": limit})
        assert resp.status_code == expect, resp.text
        return resp.json()

    def sync_down(self, limit: int = 2000) -> list[dict]:
        """Pull every page into `replica`; return the rows received (page_rows)."""
        got = []
        while True:
            page = self.pull_page(limit=limit)
            self.epoch = page["epoch"]
            for snap in page_rows(page):
                self.replica[(snap["table"], snap["row_id"])] = snap["row"]
                got.append(snap)
            for gone in page["removed"]:
                self.replica.pop((gone["table"], gone["row_id"]), None)
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return got


def page_rows(page: dict) -> list[dict]:
    """The rows of a pull page as {table, row_id, row, redacted}, each row's values in
    their JSON forms (app.core.codec), so tests compare them with what was pushed."""
    out = []
    for snap in protocol.PullResponse.from_json(page).snapshots():
        table = REPLICATED_TABLES[snap.table]
        out.append({"table": snap.table, "row_id": snap.row_id, "redacted": snap.redacted,
                    "row": {k: _json_form(table.c[k], v) for k, v in snap.row.items()}})
    return out


def _json_form(column, value):
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return to_json(dt.datetime.fromisoformat(value).replace(tzinfo=dt.timezone.utc))
    if isinstance(column.type, JSON):
        return json.loads(value)
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def person_values(first: str = "Ada", last: str = "Lovelace") -> dict:
    return {"first_name": first, "last_name": last, "date_of_birth": "1990-05-01", "sex": "F"}


def episode_values(person_id: str) -> dict:
    return {"person_id": person_id, "booking_number": "B" + uuid7()[-8:],
            "legal_status": "SENTENCED", "status": "ACTIVE", "admitted_at": iso()}


def case_note_values(person_id: str, text: str = "Settled well", sensitive: bool = False) -> dict:
    now = iso()
    return {"person_id": person_id, "note_type": "GEN", "note_subtype": "GEN_NOTE", "text": text,
            "sensitive": sensitive, "restricted_use": False, "occurred_at": now,
            "recorded_at": now, "author": "someone"}


def assessment_values(person_id: str, assessor: str = "psych1") -> dict:
    return {"person_id": person_id, "instrument_id": "OGRS3", "instrument_version": "1",
            "status": "DRAFT", "answers": {"q1": 3, "q2": "yes"}, "assessor": assessor}


def transfer_values(person_id: str, episode_id: str, to_facility: str) -> dict:
    return {"person_id": person_id, "custody_episode_id": episode_id, "movement_type": "TRN",
            "direction": "OUT", "reason": "TRANSFER_OUT", "to_facility": to_facility,
            "occurred_at": iso()}
