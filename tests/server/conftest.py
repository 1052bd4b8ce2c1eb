"""Server test fixtures: every server test runs on SQLite and on PostgreSQL.

Each xdist worker gets one database per backend (a SQLite file; a PostgreSQL
schema named after the worker and its process id, selected with
`-csearch_path`, so concurrent test sessions never share one), migrated and
seeded with facilities and users once. Before each test every table is
emptied except the append-only audit log (whose triggers refuse deletes and
which only ever grows), the seed accounts are put back and a new epoch is
drawn, so tests never see each other's data.

PostgreSQL is the one at 127.0.0.1:5432 (trust auth, database `test`);
`.ci/run` starts it if it is down.
"""
from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from sync_server.services import passwords
from sync_server.settings import Settings
from sync_server.storage import migrate
from sync_server.storage.engine import make_engine
from sync_server.storage.sync_tables import sync_state
from sync_server.storage.tables import facility, server_metadata, user, user_facility, user_role
from app.core.schema import REPLICATED_TABLES

from .support import PASSWORD, SEED_FACILITIES, SEED_USERS, Server

PG_BASE = os.environ.get("CUSTOS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEPT = {"srv_audit", "srv_audit_head", "alembic_version"}
SEED_TABLES = (facility, user, user_role, user_facility)


REAL_HASHER = passwords._HASHER
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
FAST_DUMMY = FAST_HASHER.hash("custos-timing-equaliser")


@contextmanager
def _fast_hashing():
    saved = passwords._HASHER, passwords._DUMMY_HASH
    passwords._HASHER, passwords._DUMMY_HASH = FAST_HASHER, FAST_DUMMY
    try:
        yield
    finally:
        passwords._HASHER, passwords._DUMMY_HASH = saved


@pytest.fixture(autouse=True)
def fast_password_hashing():
    """Argon2id with small parameters for the seed accounts and sign-ins of these tests.

    The product's parameters cost about 0.45 s per hash on the test machine,
    which hundreds of sign-ins cannot afford; the algorithm and code paths are
    the same. Only the server tests use them (the swap is undone after each
    test); the test of the offline hash policy switches the real ones back.
    """
    with _fast_hashing():
        yield


def _worker(request) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "main")


def _seed(engine) -> dict:
    """Create the seed facilities and users once; return their rows for re-inserting."""
    from sync_server.services import accounts
    from sync_server.services.audit import Origin

    now = dt.datetime.now(dt.timezone.utc)
    with _fast_hashing(), engine.begin() as conn:
        for code, name in SEED_FACILITIES:
            accounts.add_facility(conn, code=code, name=name, now=now, actor="test",
                                  origin=Origin("cli"))
        for name, roles, facilities in SEED_USERS:
            accounts.add_user(conn, username=name, password=PASSWORD, roles=roles,
                              facilities=facilities, now=now, actor="test", origin=Origin("cli"))
        return {t.name: [dict(r) for r in conn.execute(t.select()).mappings()]
                for t in SEED_TABLES}


def _all_tables():
    from app.core.schema import metadata

    ours = [t for t in server_metadata.sorted_tables if t.name not in KEPT]
    return ours + [t for t in metadata.sorted_tables if t.name in REPLICATED_TABLES]


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("server-sqlite") / "server.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url, create_dirs=True)
    migrate.upgrade(engine)
    seed = _seed(engine)
    yield url, engine, seed
    engine.dispose()


def _drop_abandoned(conn) -> None:
    """Drop test schemas left by sessions that were killed (their process is gone)."""
    names = conn.execute(text("SELECT schema_name FROM information_schema.schemata "
                              "WHERE schema_name LIKE 'custos_test_%'")).scalars().all()
    for name in names:
        pid = name.rsplit("_", 1)[-1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        except PermissionError:
            pass  # alive, another user's


@contextmanager
def throwaway_schema(schema: str) -> Iterator[str]:
    """The URL of a new, empty schema `schema` of the PostgreSQL at PG_BASE, dropped on
    exit. Name it `custos_test_..._<pid>`, so a killed session's is dropped later."""
    admin = create_engine(PG_BASE, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            _drop_abandoned(conn)
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - say plainly what is missing
        pytest.fail(f"PostgreSQL at {PG_BASE} is not available ({exc}); start it with "
                    "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`")
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgresql_database(request):
    # Unique per process: other test sessions may run on this machine at the same time.
    with throwaway_schema(f"custos_test_{_worker(request)}_{os.getpid()}") as url:
        engine = make_engine(url)
        migrate.upgrade(engine)
        seed = _seed(engine)
        yield url, engine, seed
        engine.dispose()


def reset(engine, seed: dict) -> None:
    """Empty every table but the audit log, put the seed accounts back, draw a new epoch."""
    tables = _all_tables()
    with engine.begin() as conn:
        for table in reversed(tables):  # DELETE: far cheaper than TRUNCATE on small tables
            conn.execute(table.delete())
        for table in SEED_TABLES:
            if seed[table.name]:
                conn.execute(table.insert(), seed[table.name])
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('srv_user', 'id'), "
                              "(SELECT max(id) FROM srv_user))"))
        conn.execute(sync_state.insert().values(
            id=1, epoch=str(uuid.uuid4()), head_seq=0,
            epoch_started_at=dt.datetime.now(dt.timezone.utc), epoch_reason="test"))


class Clock:
    """An injectable clock: real time plus an offset tests can move."""

    def __init__(self):
        self.offset = dt.timedelta()

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc) + self.offset


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.fixture
def database(request, backend):
    """(url, engine) of a freshly reset server database on `backend`."""
    url, engine, seed = request.getfixturevalue(f"{backend}_database")
    reset(engine, seed)
    return url, engine


@pytest.fixture
def server(database):
    """A running app (TestClient) on the reset database, with an injectable clock."""
    from fastapi.testclient import TestClient

    from sync_server.api import create_app

    url, engine = database
    clock = Clock()
    app = create_app(Settings(database_url=url, clock=clock))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Server(client=client, engine=engine, clock=clock, url=url)
