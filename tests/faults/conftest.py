"""Fixtures of the fault tests.

The live sync server and the signed-in devices are the sync tests' own
fixtures (tests/sync/conftest.py), imported here so both suites exercise the
same real server: uvicorn on 127.0.0.1, a SQLite database, replicas that
signed in online once.
"""
from __future__ import annotations

import keyring
import pytest

from tests.sync.conftest import (  # noqa: F401  (pytest fixtures, used by name)
    PASSWORD, PROFILE_USERS, LiveServer, devices, live_server, server_template,
    signed_in_server, signed_in_template,
)

from .proxy import FaultProxy


@pytest.fixture
def proxy(signed_in_server):
    """A fault-injecting proxy in front of the live server (passthrough to start with)."""
    with FaultProxy(signed_in_server.port) as p:
        yield p


@pytest.fixture
def shared_keyring(tmp_path, monkeypatch):
    """A keyring child processes can read too: keyrings.alt's plaintext file, in this
    test's own temporary home (test only; the product refuses it unless told)."""
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("CUSTOS_ALLOW_PLAINTEXT_KEYRING", "1")
    keyring.set_keyring(PlaintextKeyring())
