"""Signed models reach devices through sync, verified; bad ones are refused and reported.

End to end: the real sync server (uvicorn on loopback) publishes manifests an
administrator uploads over HTTP; a signed-in device syncs with SyncEngine and
scores with what it installed. The release key is a throw-away key made for
each test and trusted by both the server and the device (never the shipped
release key, whose private half is not in the repository).
"""
from __future__ import annotations

import datetime as dt
import http.server
import json
import shutil
import threading
from pathlib import Path

import onnx
import pytest
import requests

from app.__main__ import main
from app.cli.models import describe_update
from app.core.paths import locations
from app.core.protocol import version_headers
from app.scoring import sessions, signing
from app.scoring.recidivism import score_records
from app.scoring.registry import MANIFEST_FILE, ModelRefused, default_store
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from app.sync.models import store_lock
from sync_server.services import accounts
from sync_server.services import models as server_models
from sync_server.services.audit import Origin
from sync_server.settings import utc_now
from tests.models_onnx.helpers import (MODELS, copy_models, keys_of, new_key, payload_for,
                                       signed_bytes, with_entry)
from tests.sync.conftest import PASSWORD

MODEL = "recidivism_general"
PERSON = {"id": "p1", "age": 30, "sex": "M", "priors_count": 2, "juv_fel_count": 0,
          "juv_misd_count": 0, "juv_other_count": 0, "charge_degree": "F"}
NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Release:
    """The administrator's side: a throw-away release key and an admin session on the server."""

    def __init__(self, server, key):
        self.server = server
        self.key = key
        with server.engine().begin() as conn:
            accounts.add_user(conn, username="ada", password=PASSWORD, roles=["admin"],
                              facilities=["MDI"], now=utc_now(), actor="test",
                              origin=Origin("cli"))
        r = requests.post(f"{server.url}/api/v1/auth/login", headers=version_headers(), json={
            "username": "ada", "password": PASSWORD, "device_id": "admin-console",
            "device_name": "administrator's console"}, timeout=10)
        assert r.status_code == 200, r.text
        self.headers = {**version_headers(), "Authorization": f"Bearer {r.json()['access_token']}"}

    @property
    def folder(self) -> Path:
        """The server's published models folder (where files are copied before publishing)."""
        return locations().server_dir / "models"

    def published(self) -> dict:
        r = requests.get(f"{self.server.url}/api/v1/models/manifest", headers=self.headers,
                         timeout=10)
        return json.loads(r.content)["payload"]

    def publish(self, payload: dict) -> dict:
        r = requests.post(f"{self.server.url}/api/v1/admin/models/manifest", headers=self.headers,
                          json=json.loads(signed_bytes(payload, self.key)), timeout=10)
        assert r.status_code == 200, r.text
        return payload

    def withdraw(self, model_id: str, reason: str) -> dict:
        payload = with_entry(self.published(), model_id,
                             withdrawn={"at": "2026-11-23T09:00:00Z", "reason": reason})
        payload["sequence"] += 1
        r = requests.post(f"{self.server.url}/api/v1/admin/models/{model_id}/withdraw",
                          headers=self.headers,
                          json=json.loads(signed_bytes(payload, self.key)), timeout=10)
        assert r.status_code == 200, r.text
        return payload

    def new_version(self, tmp_path: Path, version: str, sequence: int) -> dict:
        """Publish a manifest listing version `version` of the model (see `build`)."""
        return self.publish(self.build(tmp_path, version, sequence))

    def build(self, tmp_path: Path, version: str, sequence: int) -> dict:
        """Build version `version` of the model (same graph, new metadata, so new bytes),
        copy it to the server and return a manifest payload listing it."""
        folder = copy_models(tmp_path / f"build-{version}", (MODEL, "ogrs3"))
        model = onnx.load(folder / f"{MODEL}.onnx")
        for prop in model.metadata_props:
            if prop.key == "custos.version":
                prop.value = version
        onnx.save(model, folder / f"{MODEL}.onnx")
        self.folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / f"{MODEL}.onnx", self.folder / f"{MODEL}.onnx")
        return payload_for(folder, sequence=sequence, issued_at=NOW,
                           expires=NOW + dt.timedelta(days=365))


@pytest.fixture
def release(signed_in_server, monkeypatch):
    """Trust a throw-away release key on the server and the device; publish manifest 2
    (the shipped models, re-signed) as the administrator."""
    key = new_key()
    trusted = keys_of(key)
    monkeypatch.setattr(signing, "trusted_keys", lambda path=None: trusted)
    monkeypatch.setattr(server_models, "trusted_keys", lambda text=None: trusted)
    sessions.forget()
    admin = Release(signed_in_server, key)
    admin.publish(payload_for(MODELS, sequence=2, issued_at=NOW,
                              expires=NOW + dt.timedelta(days=365)))
    yield admin
    sessions.forget()


@pytest.fixture
def device(devices, release):
    """Profile "a" (alice), synced once: it holds manifest 2 and scores with version 1.0.0."""
    rep, _alice = devices("a")
    first = sync(rep)
    assert first["installed"] and first["manifest_sequence"] == 2, first
    assert sorted(u["model"] for u in first["updated"]) == ["ogrs3", MODEL]
    assert sessions.session_for(MODEL).version == "1.0.0"
    return rep


def sync(rep, **kw) -> dict:
    summary = SyncEngine(rep, **kw).run()
    assert summary.completed, summary.error
    return summary.models


def score() -> dict:
    [result] = score_records([PERSON])
    assert 0 < result["p"] < 1 and result["band"]
    return result


def refused(models: dict) -> dict:
    return {r["model"]: r for r in models["refused"]}


def test_a_newer_signed_manifest_is_installed_by_the_next_sync(device, release, tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)

    models = sync(device)
    assert models["installed"] and models["manifest_sequence"] == 3
    assert models["updated"] == [{"model": MODEL, "version": "1.1.0"}]
    assert models["refused"] == []
    # The new file came over the wire into the device's store, verified.
    assert (default_store() / f"{MODEL}.onnx").is_file()
    # The cached session of 1.0.0 was dropped: scoring now uses 1.1.0.
    assert sessions.session_for(MODEL).version == "1.1.0"
    score()

    again = sync(device)
    assert (again["installed"], again["updated"], again["manifest_sequence"]) == (False, [], 3)


def test_the_sync_command_reports_the_update(device, release, tmp_path, capsys):
    release.withdraw("ogrs3", "superseded by the 2027 coefficients")
    assert main(["sync", "--profile", "a", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["models"]["manifest_sequence"] == 3
    [item] = summary["models"]["refused"]
    assert (item["model"], item["code"]) == ("ogrs3", "withdrawn")
    assert "superseded by the 2027 coefficients" in item["message"]
    # What `custos sync` prints for people (see describe_update).
    assert describe_update(summary["models"]) == [
        "models     manifest 3 installed",
        "  REFUSED  The model ogrs3 was refused: an administrator withdrew it on 2026-11-23: "
        "superseded by the 2027 coefficients."]


class TamperingProxy:
    """A man in the middle on loopback: relays HTTP to the server, corrupting model files.

    mode "flip" changes one byte of every model file it relays; "cut" sends
    half of the file and drops the connection, as a sync killed mid-download.
    """

    def __init__(self, upstream: str, mode: str):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "connection", "content-length")}
                up = requests.request(self.command, upstream + self.path, data=body,
                                      headers=headers, timeout=10)
                content = up.content
                tamper = "/models/files/" in self.path and up.status_code == 200
                if tamper and mode == "flip":
                    content = content[:100] + bytes([content[100] ^ 0x01]) + content[101:]
                self.send_response(up.status_code)
                self.send_header("Content-Type", up.headers.get("Content-Type", ""))
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if tamper and mode == "cut":
                    self.wfile.write(content[:len(content) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(content)
                proxy.relayed.append(self.path)

            do_GET = do_POST = _relay

        self.relayed: list[str] = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def sync_through(rep, url: str) -> dict:
    with SyncClient(url, timeout=(2.0, 5.0)) as client:
        summary = SyncEngine(rep, client=client).run()
    assert summary.completed, summary.error
    return summary.models


def test_a_file_tampered_in_transit_is_refused_and_the_old_model_kept(
        device, release, signed_in_server, tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)
    with TamperingProxy(signed_in_server.url, "flip") as proxy:
        models = sync_through(device, proxy.url)
    assert f"/api/v1/models/files/{MODEL}.onnx" in proxy.relayed
    assert not models["installed"] and models["manifest_sequence"] == 2
    item = refused(models)[MODEL]
    assert item["code"] == "tampered"
    assert f"{MODEL}.onnx does not match the SHA-256 in the manifest" in item["reason"]
    assert "keeps the models it had" in item["reason"]
    assert not (default_store() / f"{MODEL}.onnx").exists()
    assert sessions.session_for(MODEL).version == "1.0.0"
    score()
    # A clean link later brings the genuine file.
    assert sync(device)["updated"] == [{"model": MODEL, "version": "1.1.0"}]


def test_a_withdrawal_takes_effect_even_when_another_models_file_is_refused(
        device, release, signed_in_server, tmp_path):
    payload = release.build(tmp_path, "1.1.0", sequence=3)
    release.publish(with_entry(payload, "ogrs3", withdrawn={
        "at": "2026-11-23T09:00:00Z", "reason": "coefficients under review"}))
    with TamperingProxy(signed_in_server.url, "flip") as proxy:
        models = sync_through(device, proxy.url)
    assert models["installed"] and models["manifest_sequence"] == 3
    items = refused(models)
    assert items["ogrs3"]["code"] == "withdrawn"
    assert items[MODEL]["code"] == "tampered"
    assert "installed anyway because it withdraws ogrs3" in items[MODEL]["reason"]
    with pytest.raises(ModelRefused) as info:
        sessions.session_for("ogrs3")
    assert "coefficients under review" in str(info.value)
    # The tampered bytes were not installed: the model waits for a good copy.
    with pytest.raises(ModelRefused):
        score()
    assert sync(device)["updated"] == [{"model": MODEL, "version": "1.1.0"}]
    score()


def test_two_syncs_never_update_the_models_at_once(device, release, tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)
    with store_lock(default_store()):  # another profile's sync, say
        models = sync(device)
    assert "another sync is updating this device's models" in models["error"]
    assert sessions.session_for(MODEL).version == "1.0.0"
    assert sync(device)["updated"] == [{"model": MODEL, "version": "1.1.0"}]


def test_a_download_cut_halfway_installs_nothing(device, release, signed_in_server, tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)
    with TamperingProxy(signed_in_server.url, "cut") as proxy:
        models = sync_through(device, proxy.url)
    assert models["error"] and not models["installed"]
    assert models["manifest_sequence"] == 2
    store = default_store()
    assert not (store / f"{MODEL}.onnx").exists()
    assert not (store / ".incoming").exists(), "no partial download is left behind"
    assert sessions.session_for(MODEL).version == "1.0.0"
    score()


def test_a_file_corrupted_on_the_server_is_not_installed(device, release, tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)
    path = release.folder / f"{MODEL}.onnx"
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")

    models = sync(device)
    item = refused(models)[MODEL]
    assert item["code"] == "unavailable" and "corrupted on the server" in item["reason"]
    assert not models["installed"]
    assert sessions.session_for(MODEL).version == "1.0.0"
    score()


def test_a_withdrawn_model_is_refused_after_the_next_sync(device, release, capsys):
    reason = "miscalibrated for women in our population"
    score()  # in use, and cached in this process
    release.withdraw(MODEL, reason)

    models = sync(device)
    assert models["installed"] and models["manifest_sequence"] == 3
    item = refused(models)[MODEL]
    assert item["code"] == "withdrawn"
    message = (f"The model {MODEL} was refused: an administrator withdrew it on 2026-11-23: "
               f"{reason}.")
    assert item["message"] == message
    for attempt in (score_records, lambda records: sessions.session_for(MODEL)):
        with pytest.raises(ModelRefused) as info:
            attempt([PERSON])
        assert (info.value.model_id, info.value.code, str(info.value)) == (
            MODEL, "withdrawn", message)
    # ogrs3, not withdrawn, still verifies.
    assert sessions.session_for("ogrs3").version == "1"

    capsys.readouterr()
    assert main(["models", "check"]) == 1
    out = capsys.readouterr()
    assert "ok       ogrs3 1" in out.out
    assert f"REFUSED  {message}" in out.out
    assert "1 model(s) would be refused" in out.err
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "manifest 3" in listing and "synced from the server" in listing
    assert f"REFUSED (withdrawn): an administrator withdrew it on 2026-11-23: {reason}" in listing


def test_a_server_restored_to_an_older_manifest_cannot_undo_a_withdrawal(device, release):
    older = (release.folder / MANIFEST_FILE).read_bytes()  # manifest 2, before the withdrawal
    release.withdraw(MODEL, "validation found drift")
    sync(device)
    # The server is restored from a backup taken before the withdrawal.
    (release.folder / MANIFEST_FILE).write_bytes(older)

    models = sync(device)
    item = refused(models)["manifest"]
    assert item["code"] == "rollback"
    assert "manifest 2, older than manifest 3" in item["reason"]
    assert models["manifest_sequence"] == 3 and not models["installed"]
    with pytest.raises(ModelRefused) as info:
        score()
    assert info.value.code == "withdrawn" and "validation found drift" in str(info.value)


def test_an_expired_manifest_is_refused_and_the_current_models_kept(device, release):
    past = NOW - dt.timedelta(days=400)
    release.publish(payload_for(MODELS, sequence=3, issued_at=past,
                                expires=past + dt.timedelta(days=365)))
    models = sync(device)
    assert not models["installed"] and models["manifest_sequence"] == 2
    item = refused(models)[MODEL]
    assert item["code"] == "expired"
    assert f"expired on {(past + dt.timedelta(days=365)).date().isoformat()}" in item["reason"]
    assert sessions.session_for(MODEL).version == "1.0.0"
    score()


def test_an_unsigned_manifest_from_the_server_is_refused(device, release):
    document = json.loads((release.folder / MANIFEST_FILE).read_bytes())
    payload = dict(document["payload"], sequence=5)
    (release.folder / MANIFEST_FILE).write_text(json.dumps(payload))
    models = sync(device)
    item = refused(models)["manifest"]
    assert item["code"] == "unsigned" and "keeps the models it has" in item["reason"]
    assert models["manifest_sequence"] == 2
    score()


def test_offline_the_last_verified_models_still_score(device, release, signed_in_server,
                                                       tmp_path):
    release.new_version(tmp_path, "1.1.0", sequence=3)
    sync(device)
    signed_in_server.stop()
    sessions.forget()  # as a fresh start of the application, offline

    summary = SyncEngine(device).run()
    assert not summary.completed and summary.error_code == "offline"
    assert summary.models == {}
    assert sessions.session_for(MODEL).version == "1.1.0"
    score()
    assert main(["models", "check"]) == 0


def test_a_device_holding_the_published_manifest_does_not_fetch_it_again(
        device, release, tmp_path, monkeypatch):
    fetched = []
    send = requests.Session.send

    def counting(session, request, **kw):
        fetched.append(request.url)
        return send(session, request, **kw)

    monkeypatch.setattr(requests.Session, "send", counting)
    again = sync(device)
    assert (again["checked"], again["installed"], again["manifest_sequence"]) == (True, False, 2)
    assert not [url for url in fetched if "/models/" in url], fetched
    assert sessions.session_for(MODEL).version == "1.0.0"

    # Once the server publishes another manifest, the status names other bytes: fetched.
    release.new_version(tmp_path, "1.1.0", sequence=3)
    fetched.clear()
    models = sync(device)
    assert models["installed"] and models["manifest_sequence"] == 3
    assert [url for url in fetched if url.endswith("/models/manifest")], fetched
