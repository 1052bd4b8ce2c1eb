"""A profile's encrypted local replica: open it, migrate it, act on it.

One replica per local profile, at <data>/profiles/<profile>/replica.db,
encrypted with that profile's key from the OS keyring. Opening a replica
checks the key, refuses a schema written by a newer Custos, migrates an
older one, loads changed reference data, and restores the device identity
and hybrid logical clock.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from app.core.clock import HybridLogicalClock
from app.core.errors import ReplicaError
from app.core.ids import uuid7
from app.core.paths import Locations, locations as default_locations
from app.storage import bulk_load, keys, meta, migrate
from app.storage.engine import open_engine
from app.storage.local_tables import outbox
from app.storage.reference import Codes, load_reference_data
from app.storage.unit_of_work import Actor, UnitOfWork

REPLICA_FILE = "replica.db"


class Replica:
    """An open replica: engine, device id, clock, reference codes."""

    def __init__(self, engine: Engine, reader: Engine, path: Path):
        self.engine = engine  # units of work (writes)
        self.reader = reader  # lists, search, reports: never waits for a writer
        self.path = path
        with engine.begin() as conn:
            load_reference_data(conn)
            self.codes = Codes.read(conn)
            self.device_id = self._meta(conn, "device_id") or self._init_device(conn)
            last = max(filter(None, [
                self._meta(conn, "hlc"),
                conn.execute(select(outbox.c.hlc).order_by(outbox.c.seq.desc()).limit(1)).scalar(),
            ]), default=None)
        self.clock = HybridLogicalClock(self.device_id[-12:], last)

    @classmethod
    def open(cls, path: Path, key: bytes) -> "Replica":
        """Open (creating if needed) the replica file at `path` with `key`."""
        engine = open_engine(path, key)
        try:
            migrate.upgrade(engine)
            # A first sync stopped half-way left its indexes set aside: rebuild them now
            # rather than work without them (and without person search) until it resumes.
            bulk_load.finish(engine)
            return cls(engine, open_engine(path, key, writer=False), path)
        except BaseException:
            engine.dispose()
            raise

    def unit_of_work(self, actor: Actor, **kw: Any) -> UnitOfWork:
        """A new unit of work for one user action."""
        return UnitOfWork(self, actor, **kw)

    def get_meta(self, key: str) -> str | None:
        with self.reader.connect() as conn:
            return self._meta(conn, key)

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            self._set_meta(conn, key, value)

    def pending_changes(self) -> int:
        """Outbox entries not yet acknowledged by a server."""
        with self.reader.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(outbox).where(outbox.c.status == "PENDING")
            ).scalar_one()

    def close(self) -> None:
        self.engine.dispose()
        self.reader.dispose()

    # -- internals -------------------------------------------------------------
    @staticmethod
    def _meta(conn, key: str) -> str | None:
        return meta.read(conn, key)

    @staticmethod
    def _set_meta(conn, key: str, value: str) -> None:
        meta.write(conn, key, value)

    def _init_device(self, conn) -> str:
        device_id = uuid7()
        self._set_meta(conn, "device_id", device_id)
        self._set_meta(conn, "created", json.dumps({"schema": migrate.head_revision()}))
        return device_id


def replica_path(profile: str, where: Locations | None = None) -> Path:
    """Where the replica of `profile` lives."""
    return (where or default_locations()).profile_dir(profile) / REPLICA_FILE


def open_profile(profile: str = "default", *, where: Locations | None = None,
                 create: bool = True) -> Replica:
    """Open the replica of a local profile, creating it and its key if allowed."""
    if not profile or "/" in profile or "\\" in profile or profile.startswith("."):
        raise ReplicaError(f"profile: {profile!r} is not a valid profile name")
    path = replica_path(profile, where)
    account = f"{profile}@{path}"
    key = keys.get_key(account)
    if key is None:
        if path.exists():
            raise ReplicaError(
                f"the key for replica {path} is missing from the OS keyring, so it cannot be "
                "decrypted; restore the key, or remove the replica and sync it again"
            )
        if not create:
            raise ReplicaError(f"profile {profile!r} has no replica yet ({path})")
        key = keys.create_key(account)
    return Replica.open(path, key)
