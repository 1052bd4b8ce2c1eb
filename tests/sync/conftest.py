"""A real sync server for end-to-end tests: uvicorn in a thread on 127.0.0.1.

`live_server` starts one on a fresh SQLite file with facility MDI and users
(officers alice and bob, central office carol); `.stop()`/`.start()` restart
it on the same port, so a test can restore the database file from a backup
in between, as an operator would.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from sync_server.api import create_app
from sync_server.services import accounts
from sync_server.services.audit import Origin
from sync_server.settings import Settings, utc_now
from sync_server.storage import migrate
from sync_server.storage.engine import make_engine

PASSWORD = "Sync-Test-Passphrase-7"
USERS = {
    "alice": (["officer"], ["MDI"]),
    "bob": (["officer"], ["MDI"]),
    "carol": (["central_office"], []),
}


@dataclass
class LiveServer:
    db_path: Path
    port: int = 0
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None
    _sockets: list = field(default_factory=list)

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "LiveServer":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        app = create_app(Settings(database_url=self.database_url))
        config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        daemon=True)
        self._sockets = [sock]
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test sync server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(10)
            for sock in self._sockets:
                sock.close()
            self._server = None

    def engine(self):
        return make_engine(self.database_url)


def init_database(db_path: Path) -> None:
    """Initialise the server database with facility MDI and the test users."""
    engine = make_engine(f"sqlite:///{db_path}", create_dirs=True)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            accounts.add_facility(conn, code="MDI", name="Moor Dale", now=utc_now(),
                                  actor="test", origin=Origin("cli"))
            accounts.add_facility(conn, code="LWX", name="Low Cross", now=utc_now(),
                                  actor="test", origin=Origin("cli"))
            for name, (roles, facilities) in USERS.items():
                accounts.add_user(conn, username=name, password=PASSWORD, roles=roles,
                                  facilities=facilities, now=utc_now(), actor="test",
                                  origin=Origin("cli"))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def server_template(tmp_path_factory) -> Path:
    """One initialised server database per session; each test copies it."""
    path = tmp_path_factory.mktemp("server-template") / "server.db"
    init_database(path)
    return path


@pytest.fixture
def live_server(tmp_path, server_template):
    import shutil

    db = tmp_path / "server" / "server.db"
    db.parent.mkdir()
    shutil.copyfile(server_template, db)
    server = LiveServer(db).start()
    yield server
    server.stop()


PROFILE_USERS = {"a": "alice", "b": "bob", "central": "carol"}


@dataclass
class SignedInTemplate:
    """A server database and replicas in which every PROFILE_USERS user signed in."""

    server_db: Path
    replicas: dict[str, Path]  # profile -> replica file
    keys: dict[str, bytes]
    tokens: dict[str, object]  # profile -> session.Tokens


@pytest.fixture(scope="session")
def signed_in_template(tmp_path_factory, server_template) -> SignedInTemplate:
    """Sign in once per session (argon2 is slow on purpose); tests copy the result."""
    import secrets
    import shutil

    import keyring

    from app.storage.memory_keyring import MemoryKeyring
    from app.storage.replica import Replica
    from app.sync import session

    folder = tmp_path_factory.mktemp("signed-in")
    db = folder / "server.db"
    shutil.copyfile(server_template, db)
    server = LiveServer(db).start()
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    template = SignedInTemplate(db, {}, {}, {})
    try:
        for profile, user in PROFILE_USERS.items():
            path = folder / profile / "replica.db"
            key = secrets.token_bytes(32)
            rep = Replica.open(path, key)
            try:
                session.login_online(rep, server=server.url, username=user, password=PASSWORD)
                template.tokens[profile] = session.load_tokens(rep)
            finally:
                rep.close()
            template.replicas[profile], template.keys[profile] = path, key
    finally:
        keyring.set_keyring(previous)
        server.stop()
    return template


@pytest.fixture
def signed_in_server(tmp_path, signed_in_template):
    """A live server on a copy of the signed-in template (its sessions and tokens)."""
    import shutil

    db = tmp_path / "server" / "server.db"
    db.parent.mkdir()
    shutil.copyfile(signed_in_template.server_db, db)
    server = LiveServer(db).start()
    yield server
    server.stop()


@pytest.fixture
def devices(signed_in_server, signed_in_template):
    """`devices(profile)` -> (replica, actor): a profile already signed in at the server.

    The replica, its key and its session tokens are copied from the template
    into this test's CUSTOS_HOME and keyring, as a device that signed in earlier.
    """
    import dataclasses
    import shutil

    import keyring

    from app.storage import keys
    from app.storage.local_tables import known_user, sync_state
    from app.storage.replica import open_profile, replica_path
    from app.sync import session

    opened = []

    def make(profile: str):
        target = replica_path(profile)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(signed_in_template.replicas[profile], target)
        keyring.get_keyring().set_password(keys.SERVICE, f"{profile}@{target}",
                                           signed_in_template.keys[profile].hex())
        rep = open_profile(profile)
        opened.append(rep)
        # The same server database, served on this test's port.
        url = signed_in_server.url
        with rep.engine.begin() as conn:
            conn.execute(sync_state.update().values(server_url=url))
            conn.execute(known_user.update().values(server_url=url))
        tokens = signed_in_template.tokens[profile]
        session.save_tokens(rep, dataclasses.replace(tokens, server_url=url))
        return rep, session.signed_in_actor(rep)

    yield make
    for rep in opened:
        rep.close()
