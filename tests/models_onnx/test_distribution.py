"""Models travel from the sync server to devices signed, and a withdrawal travels the same way.

A real server (FastAPI app on a migrated SQLite database, real sign-in) and a
real device registry: the device downloads the manifest and files over HTTP,
verifies them, and refuses the model once an administrator withdraws it.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.scoring.recidivism import score_records
from app.scoring.registry import MANIFEST_FILE, ModelRefused, ModelRegistry
from sync_server.api import API_PREFIX, create_app
from sync_server.api.routes import models as model_routes
from sync_server.services import accounts
from sync_server.services.audit import Origin
from sync_server.services.models import ModelStore
from sync_server.settings import Settings
from sync_server.storage import migrate
from sync_server.storage.engine import make_engine
from sync_server.storage.tables import audit
from tests.models_onnx.helpers import (copy_models, keys_of, new_key, payload_for,
                                       signed_bytes, with_entry, write_manifest)

PASSWORD = "a long enough test passphrase 7"
MODEL = "recidivism_general"


@pytest.fixture
def key():
    return new_key()


def _app(url: str, store: ModelStore | None = None):
    app = create_app(Settings(database_url=url))
    if not any(getattr(r, "path", "") == f"{API_PREFIX}/models/manifest" for r in app.routes):
        app.include_router(model_routes.router, prefix=API_PREFIX)
    app.state.model_store = store
    return app


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A migrated server database with an administrator and a psychologist, both signed in.

    Made once (argon2 hashing is deliberately slow); each test gets a copy, in
    which the same access tokens are valid.
    """
    folder = tmp_path_factory.mktemp("server-template")
    url = f"sqlite:///{folder / 'server.db'}"
    engine = make_engine(url, create_dirs=True)
    migrate.upgrade(engine)
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        accounts.add_facility(conn, code="NORTH", name="North", now=now, actor="t",
                              origin=Origin("cli"))
        accounts.add_user(conn, username="ada", password=PASSWORD, roles=["admin"],
                          facilities=["NORTH"], now=now, actor="t", origin=Origin("cli"))
        accounts.add_user(conn, username="pat", password=PASSWORD, roles=["psychologist"],
                          facilities=["NORTH"], now=now, actor="t", origin=Origin("cli"))
    engine.dispose()
    with TestClient(_app(url)) as client:
        tokens = {name: sign_in(client, name) for name in ("ada", "pat")}
    return folder / "server.db", tokens


@pytest.fixture
def server(tmp_path, key, template):
    """(client, engine, store, tokens) of a server whose shipped models carry manifest 1."""
    source, tokens = template
    shutil.copyfile(source, tmp_path / "server.db")
    url = f"sqlite:///{tmp_path / 'server.db'}"
    shipped = copy_models(tmp_path / "shipped")
    write_manifest(shipped, payload_for(shipped), key)
    store = ModelStore(root=tmp_path / "published", fallback=shipped, keys=keys_of(key))
    engine = make_engine(url)
    with TestClient(_app(url, store), raise_server_exceptions=False) as client:
        yield client, engine, store, tokens
    engine.dispose()


def sign_in(client, username: str) -> dict:
    r = client.post(f"{API_PREFIX}/auth/login", json={
        "username": username, "password": PASSWORD, "device_id": f"dev-{username}",
        "device_name": f"{username}'s laptop"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def sync_models(client, headers, device: ModelRegistry) -> dict:
    """What the device's sync does: fetch, verify and keep the manifest, then missing files."""

    def fetch(path: str) -> bytes:
        r = client.get(f"{API_PREFIX}/{path}", headers=headers)
        assert r.status_code == 200, r.text
        return r.content

    return device.sync(fetch)


def device_for(tmp_path, key) -> ModelRegistry:
    # A device with no models shipped: everything it runs came through sync.
    return ModelRegistry(store=tmp_path / "device", keys=keys_of(key), use_bundled=False)


def audit_rows(engine, action: str) -> list:
    with engine.begin() as conn:
        return list(conn.execute(select(audit).where(audit.c.action == action)
                                 .order_by(audit.c.seq)).mappings())


def withdrawal(store: ModelStore, key, reason="miscalibrated for our population") -> dict:
    payload = with_entry(store.manifest(), MODEL, withdrawn={"at": "2026-11-23T09:00:00Z",
                                                             "reason": reason})
    payload["sequence"] += 1
    return json.loads(signed_bytes(payload, key))


def test_a_device_gets_verified_models_through_sync_and_scores(server, tmp_path, key):
    client, _, _, tokens = server
    device = device_for(tmp_path, key)
    summary = sync_models(client, tokens["pat"], device)
    assert summary == {"manifest_sequence": 1, "accepted": True,
                       "fetched": [f"{MODEL}.onnx", f"{MODEL}.card.json"]}
    assert (tmp_path / "device" / f"{MODEL}.onnx").is_file()
    assert sync_models(client, tokens["pat"], device)["fetched"] == []
    model = device.load(MODEL)
    [result] = score_records([{"id": 1, "age": 30, "sex": "F", "priors_count": 1,
                               "juv_fel_count": 0, "juv_misd_count": 0, "juv_other_count": 0,
                               "charge_degree": "M"}], model=model)
    assert 0 < result["p"] < 1


def test_models_are_served_only_to_signed_in_devices(server):
    client, _, _, tokens = server
    assert client.get(f"{API_PREFIX}/models/manifest").status_code == 401
    assert client.get(f"{API_PREFIX}/models/files/{MODEL}.onnx").status_code == 401


def test_only_files_in_the_manifest_are_served(server):
    client, _, _, tokens = server
    headers = tokens["pat"]
    assert client.get(f"{API_PREFIX}/models/files/secret.db", headers=headers).status_code == 404
    r = client.get(f"{API_PREFIX}/models/files/..%2Fserver.db", headers=headers)
    assert r.status_code in (404, 422)


def test_an_administrator_withdraws_a_model_and_devices_refuse_it(server, tmp_path, key):
    client, engine, store, tokens = server
    device = device_for(tmp_path, key)
    pat = tokens["pat"]
    sync_models(client, pat, device)
    assert device.load(MODEL)

    r = client.post(f"{API_PREFIX}/admin/models/{MODEL}/withdraw",
                    json=withdrawal(store, key), headers=tokens["ada"])
    assert r.status_code == 200, r.text
    assert r.json()["models"][0]["withdrawn"]["reason"] == "miscalibrated for our population"
    [entry] = audit_rows(engine, "model_withdraw")
    assert (entry["actor"], entry["outcome"], entry["target"]) == ("ada", "success",
                                                                   f"model:{MODEL}")

    assert sync_models(client, pat, device)["manifest_sequence"] == 2
    with pytest.raises(ModelRefused) as info:
        device.load(MODEL)
    assert info.value.code == "withdrawn"
    assert str(info.value) == (f"The model {MODEL} was refused: an administrator withdrew it "
                               "on 2026-11-23: miscalibrated for our population.")


def test_only_an_administrator_may_withdraw(server, key):
    client, _, store, tokens = server
    r = client.post(f"{API_PREFIX}/admin/models/{MODEL}/withdraw",
                    json=withdrawal(store, key), headers=tokens["pat"])
    assert r.status_code == 403
    assert store.manifest()["sequence"] == 1


def test_the_server_refuses_withdrawals_it_cannot_trust(server, key):
    client, engine, store, tokens = server
    ada = tokens["ada"]
    url = f"{API_PREFIX}/admin/models/{MODEL}/withdraw"

    unsigned = withdrawal(store, key)
    del unsigned["signature"]
    forged = withdrawal(store, new_key())
    tampered = withdrawal(store, key)
    tampered["payload"]["models"][0]["withdrawn"]["reason"] = "something else"
    not_withdrawing = json.loads(signed_bytes(
        dict(store.manifest(), sequence=2), key))
    replay = json.loads((store.fallback / MANIFEST_FILE).read_text())
    malformed = with_entry(store.manifest(), MODEL, withdrawn="yes")
    malformed = json.loads(signed_bytes(dict(malformed, sequence=2), key))
    for document, says in [(malformed, "without a time and a reason"),
                           (unsigned, "not signed"), (forged, "not a trusted"),
                           (tampered, "signature does not match"),
                           (not_withdrawing, "does not mark"), (replay, "not newer")]:
        r = client.post(url, json=document, headers=ada)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["field"] == "manifest"
        assert says in r.json()["error"]["message"]
    assert store.manifest()["sequence"] == 1
    refusals = audit_rows(engine, "model_withdraw")
    assert [row["outcome"] for row in refusals] == ["refused"] * 6


def test_publishing_needs_every_listed_file_on_the_server(server, tmp_path, key):
    client, _, store, tokens = server
    payload = with_entry(store.manifest(), MODEL, sha256="0" * 64)
    payload["sequence"] = 2
    r = client.post(f"{API_PREFIX}/admin/models/manifest",
                    json=json.loads(signed_bytes(payload, key)), headers=tokens["ada"])
    assert r.status_code == 422
    assert "copy the file to the server first" in r.json()["error"]["message"]
    payload = dict(store.manifest(), sequence=2)
    r = client.post(f"{API_PREFIX}/admin/models/manifest",
                    json=json.loads(signed_bytes(payload, key)), headers=tokens["ada"])
    assert r.status_code == 200 and r.json()["sequence"] == 2
    assert (tmp_path / "published" / MANIFEST_FILE).is_file()


def test_a_device_keeps_its_newer_manifest_when_the_server_lags(server, tmp_path, key):
    client, _, store, tokens = server
    device = device_for(tmp_path, key)
    newer = dict(store.manifest(), sequence=7)
    device.accept_manifest(signed_bytes(newer, key))
    summary = sync_models(client, tokens["pat"], device)
    assert summary["accepted"] is False and summary["manifest_sequence"] == 7


def test_a_tampered_manifest_from_the_server_is_refused_by_the_device(server, tmp_path, key):
    client, _, store, tokens = server
    document = json.loads((store.fallback / MANIFEST_FILE).read_text())
    document["payload"]["models"][0]["sha256"] = "0" * 64
    (store.fallback / MANIFEST_FILE).write_text(json.dumps(document))
    device = device_for(tmp_path, key)
    with pytest.raises(ModelRefused) as info:
        sync_models(client, tokens["pat"], device)
    assert info.value.code == "tampered"
    assert not (tmp_path / "device" / MANIFEST_FILE).exists()
