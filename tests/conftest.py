"""Fixtures shared by the whole suite.

Every test gets its own CUSTOS_HOME and an in-memory keyring, so no test
ever reads or writes the user's real data or OS keyring.
"""
from __future__ import annotations

import os

import keyring
import pytest

from app.storage.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """A fresh CUSTOS_HOME and in-memory keyring for every test."""
    home = tmp_path / "custos-home"
    monkeypatch.setenv("CUSTOS_HOME", str(home))
    monkeypatch.delenv("CUSTOS_ALLOW_PLAINTEXT_KEYRING", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield home
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def replica_template(tmp_path_factory):
    """One migrated, empty replica file per test session (migrating takes ~0.3 s).

    Tests get a copy of it with the same key, which is exactly what opening a
    new profile would produce, minus the repeated migration work.
    """
    from app.storage.replica import Replica

    folder = tmp_path_factory.mktemp("template")
    key = bytes(range(32))
    template = Replica.open(folder / "replica.db", key)
    with template.engine.begin() as conn:  # each copy gets its own device identity
        conn.exec_driver_sql("DELETE FROM replica_meta WHERE key = 'device_id'")
    template.close()
    return folder / "replica.db", key


@pytest.fixture
def replica(replica_template):
    """A new, empty replica for profile 'default' in the test's CUSTOS_HOME."""
    import shutil

    from app.storage import keys
    from app.storage.replica import open_profile, replica_path

    source, key = replica_template
    target = replica_path("default")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    keyring.get_keyring().set_password(keys.SERVICE, f"default@{target}", key.hex())
    rep = open_profile("default")
    yield rep
    rep.close()


@pytest.fixture
def officer():
    from app.storage.unit_of_work import Actor

    return Actor("officer1", "MDI", ("officer",))


@pytest.fixture
def supervisor():
    from app.storage.unit_of_work import Actor

    return Actor("super1", "MDI", ("supervisor",))


@pytest.fixture
def act(replica, officer):
    """Run one action in its own unit of work: `act(fn, **kw)` or `act(fn, actor=..., **kw)`."""

    def run(fn, *args, actor=None, **kw):
        with replica.unit_of_work(actor or officer) as uow:
            return fn(uow, *args, **kw)

    return run

