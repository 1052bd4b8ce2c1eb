"""The HTTP client: one clear error per way a request can fail."""
from __future__ import annotations

import socket

import pytest

from app.core.errors import ValidationError
from app.sync.client import AuthRequired, Offline, ServerRefused, SyncClient, normalise_url


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("bad", ["", "127.0.0.1:8000", "ftp://host", "http://", "http://h/?x=1"])
def test_unusable_server_addresses_name_the_field(bad):
    with pytest.raises(ValidationError) as err:
        normalise_url(bad)
    assert err.value.field == "server"


def test_a_trailing_slash_is_ignored():
    assert normalise_url(" http://host:8000/ ") == "http://host:8000"


def test_an_unreachable_server_means_offline_with_the_outbox_kept():
    with SyncClient(f"http://127.0.0.1:{_closed_port()}", timeout=(1, 1)) as client:
        with pytest.raises(Offline) as err:
            client.get("/sync/status")
    assert "cannot reach" in str(err.value) and "outbox" in str(err.value)


def test_server_errors_keep_their_code_and_message(live_server):
    with SyncClient(live_server.url) as client:
        with pytest.raises(AuthRequired) as err:
            client.get("/sync/status")  # no token
        assert err.value.code == "missing_token" and "custos login" in str(err.value)
        with pytest.raises(ServerRefused) as err:
            client.get("/no/such/endpoint")
        assert (err.value.status, err.value.code) == (404, "not_found")
