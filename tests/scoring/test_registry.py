"""The device verifies every model before loading it, and refuses each kind of bad model
with a message naming the model and the reason."""
from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from app.scoring import signing
from app.scoring.registry import MANIFEST_FILE, ModelRefused, load_model
from tests.models_onnx.helpers import (NOW, copy_models, new_key, payload_for, registry,
                                       signed_bytes, with_entry, write_manifest)

MODEL = "recidivism_general"


@pytest.fixture
def key():
    return new_key()


@pytest.fixture
def bundle(tmp_path, key):
    """A shipped-models folder with the real model, card and a manifest signed by `key`."""
    folder = copy_models(tmp_path / "bundle")
    write_manifest(folder, payload_for(folder), key)
    return folder


@pytest.fixture
def store(tmp_path):
    return tmp_path / "device-models"


def refused(reg, model_id=MODEL) -> ModelRefused:
    with pytest.raises(ModelRefused) as info:
        reg.load(model_id)
    assert info.value.model_id == model_id
    assert model_id in str(info.value)
    return info.value


def test_a_signed_untouched_model_loads_and_runs(bundle, store, key):
    model = registry(bundle, store, key).load(MODEL)
    assert model.version == "1.0.0"
    assert model.sha256 == model.entry["sha256"]
    assert model.card["model_id"] == MODEL and model.card["prohibited_use"]
    out = model.run({"features": np.array([[30, 1, 2, 0, 0, 0, 1]], dtype=np.float64)})
    assert 0 < out["probability"][0] < 1
    assert model.provenance() == {"model_id": MODEL, "version": "1.0.0",
                                  "sha256": model.sha256, "manifest_sequence": 1}


def test_the_shipped_installation_loads_its_models():
    """The committed manifest is signed by the shipped release key and matches the files."""
    model = load_model(MODEL)
    assert model.card["onnx_sha256"] == model.sha256


def test_unsigned_manifest_is_refused(bundle, store, key):
    payload = json.loads((bundle / MANIFEST_FILE).read_text())["payload"]
    (bundle / MANIFEST_FILE).write_text(json.dumps(payload))
    error = refused(registry(bundle, store, key))
    assert error.code == "unsigned"
    assert "not signed" in error.reason


def test_no_manifest_at_all_is_refused(bundle, store, key):
    (bundle / MANIFEST_FILE).unlink()
    assert refused(registry(bundle, store, key)).code == "unsigned"


def test_manifest_signed_by_an_unknown_key_is_refused(bundle, store, key):
    intruder = new_key()
    write_manifest(bundle, payload_for(bundle), intruder)
    error = refused(registry(bundle, store, key))
    assert error.code == "untrusted_key"
    assert signing.key_id(intruder.public_key()) in error.reason


def test_manifest_changed_after_signing_is_refused(bundle, store, key):
    document = json.loads((bundle / MANIFEST_FILE).read_text())
    document["payload"]["models"][0]["expires"] = "2099-01-01T00:00:00Z"
    (bundle / MANIFEST_FILE).write_text(json.dumps(document))
    error = refused(registry(bundle, store, key))
    assert error.code == "tampered"
    assert "changed after it was signed" in error.reason


def test_tampered_model_file_is_refused(bundle, store, key):
    path = bundle / f"{MODEL}.onnx"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    error = refused(registry(bundle, store, key))
    assert error.code == "tampered"
    assert f"{MODEL}.onnx does not match the SHA-256" in error.reason


def test_tampered_model_card_is_refused(bundle, store, key):
    path = bundle / f"{MODEL}.card.json"
    card = json.loads(path.read_text())
    card["prohibited_use"] = []
    path.write_text(json.dumps(card))
    error = refused(registry(bundle, store, key))
    assert error.code == "tampered" and "card.json" in error.reason


def test_missing_model_file_is_refused(bundle, store, key):
    (bundle / f"{MODEL}.onnx").unlink()
    error = refused(registry(bundle, store, key))
    assert error.code == "missing_file"


def test_expired_model_is_refused(bundle, store, key):
    expires = NOW + dt.timedelta(days=10)
    write_manifest(bundle, payload_for(bundle, expires=expires), key)
    assert registry(bundle, store, key, now=expires - dt.timedelta(seconds=1)).load(MODEL)
    error = refused(registry(bundle, store, key, now=expires))
    assert error.code == "expired"
    assert expires.date().isoformat() in error.reason


def test_model_older_than_the_installed_one_is_refused(bundle, store, key):
    newer = with_entry(payload_for(bundle, sequence=1), MODEL, version="1.1.0")
    write_manifest(bundle, newer, key)
    assert registry(bundle, store, key).load(MODEL).version == "1.1.0"
    # A later manifest, properly signed, offers the older version again.
    older = with_entry(payload_for(bundle, sequence=2), MODEL, version="1.0.0")
    write_manifest(bundle, older, key)
    error = refused(registry(bundle, store, key))
    assert error.code == "older_than_installed"
    assert "1.0.0" in error.reason and "1.1.0" in error.reason


def test_withdrawn_model_is_refused_with_the_administrators_reason(bundle, store, key):
    payload = with_entry(payload_for(bundle, sequence=2), MODEL,
                         withdrawn={"at": "2026-11-23T10:00:00Z",
                                    "reason": "calibration drift found in local validation"})
    reg = registry(bundle, store, key)
    reg.accept_manifest(signed_bytes(payload, key))
    error = refused(reg)
    assert error.code == "withdrawn"
    assert "calibration drift found in local validation" in error.reason
    assert "2026-11-23" in error.reason


def test_replaying_an_older_manifest_cannot_undo_a_withdrawal(bundle, store, key):
    reg = registry(bundle, store, key)
    old = signed_bytes(payload_for(bundle, sequence=1), key)
    withdrawal = with_entry(payload_for(bundle, sequence=2), MODEL,
                            withdrawn={"at": "2026-11-23T10:00:00Z", "reason": "withdrawn"})
    reg.accept_manifest(signed_bytes(withdrawal, key))
    with pytest.raises(ModelRefused) as info:
        reg.accept_manifest(old)
    assert info.value.code == "rollback"
    # Someone deletes the synced manifest so that the older shipped one would apply.
    (store / MANIFEST_FILE).unlink()
    error = refused(reg)
    assert error.code == "rollback"


def test_model_not_in_the_manifest_is_refused(bundle, store, key):
    error = refused(registry(bundle, store, key), "violence_screen")
    assert error.code == "unregistered"


def test_unsigned_or_tampered_manifest_from_sync_is_not_kept(bundle, store, key):
    reg = registry(bundle, store, key)
    document = json.loads(signed_bytes(payload_for(bundle, sequence=5), key))
    document["payload"]["sequence"] = 6
    with pytest.raises(ModelRefused) as info:
        reg.accept_manifest(json.dumps(document).encode())
    assert info.value.code == "tampered"
    with pytest.raises(ModelRefused) as info:
        reg.accept_manifest(json.dumps(document["payload"]).encode())
    assert info.value.code == "unsigned"
    assert not (store / MANIFEST_FILE).exists()
    assert reg.load(MODEL).manifest_sequence == 1


def test_synced_files_are_kept_only_if_the_manifest_lists_those_bytes(bundle, store, key):
    reg = registry(bundle, store, key)
    good = (bundle / f"{MODEL}.onnx").read_bytes()
    with pytest.raises(ModelRefused) as info:
        reg.accept_file(f"{MODEL}.onnx", good + b"\0")
    assert info.value.code == "tampered"
    assert not (store / f"{MODEL}.onnx").exists()
    with pytest.raises(ModelRefused) as info:
        reg.accept_file("other.onnx", good)
    assert info.value.code == "unregistered"
    reg.accept_file(f"{MODEL}.onnx", good)
    assert (store / f"{MODEL}.onnx").read_bytes() == good


def test_a_newer_synced_manifest_and_model_replace_the_shipped_ones(tmp_path, bundle, store,
                                                                      key):
    """The device store wins when its signed manifest is newer; the files come from sync."""
    reg = registry(bundle, store, key)
    assert reg.load(MODEL).manifest_sequence == 1
    newer = with_entry(payload_for(bundle, sequence=2), MODEL, version="1.0.1")
    reg.accept_manifest(signed_bytes(newer, key))
    model = reg.load(MODEL)
    assert (model.version, model.manifest_sequence) == ("1.0.1", 2)
    assert reg.missing_files() == []
    assert [e["status"] for e in reg.entries()] == ["active"]


def test_a_signed_but_malformed_manifest_is_refused(bundle, store, key):
    write_manifest(bundle, with_entry(payload_for(bundle), MODEL, version="1.0-beta"), key)
    error = refused(registry(bundle, store, key))
    assert error.code == "malformed" and "1.0-beta" in error.reason
    write_manifest(bundle, with_entry(payload_for(bundle), MODEL, file="../replica.db"), key)
    assert refused(registry(bundle, store, key)).code == "malformed"


def test_a_damaged_device_record_refuses_models_rather_than_forgetting_them(bundle, store,
                                                                            key):
    reg = registry(bundle, store, key)
    reg.load(MODEL)
    (store / "state.json").write_text("{not json")
    with pytest.raises(ModelRefused) as info:
        reg.load(MODEL)
    assert info.value.code == "damaged_state"
    assert "state.json" in str(info.value)
