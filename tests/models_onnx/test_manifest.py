"""The administrator's manifest tool: key generation, signing, withdrawal, verification."""
from __future__ import annotations

import hashlib
import json
import os
import stat

from app.scoring import signing
from app.scoring.registry import MANIFEST_FILE
from models_onnx import manifest as tool
from tests.models_onnx.helpers import MODELS, copy_models


def keygen(tmp_path):
    path = tmp_path / "release.pem"
    assert tool.main(["keygen", "--private-out", str(path)]) == 0
    return path, signing.load_private_key(path)


def test_keygen_writes_a_private_key_only_its_owner_can_read(tmp_path, capsys):
    path, key = keygen(tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    printed = capsys.readouterr().out
    assert signing.key_id(key.public_key()) in printed
    assert "PRIVATE" not in printed  # only the public half is shown
    assert tool.main(["keygen", "--private-out", str(path)]) == 1  # never overwritten


def test_sign_lists_every_model_with_hash_schema_and_expiry(tmp_path):
    key_path, key = keygen(tmp_path)
    models = copy_models(tmp_path / "models", ("recidivism_general", "ogrs3"))
    assert tool.main(["sign", "--key", str(key_path), "--models-dir", str(models),
                      "--expires-days", "30"]) == 0
    keys = {signing.key_id(key.public_key()): key.public_key()}
    payload = signing.verify((models / MANIFEST_FILE).read_bytes(), keys)
    assert payload["sequence"] == 1
    entries = {e["id"]: e for e in payload["models"]}
    assert set(entries) == {p.stem for p in models.glob("*.onnx")}
    rec = entries["recidivism_general"]
    assert rec["sha256"] == hashlib.sha256(
        (models / "recidivism_general.onnx").read_bytes()).hexdigest()
    assert rec["version"] == "1.0.0" and rec["expires"] > payload["issued_at"]
    assert [c["name"] for c in rec["inputs"][0]["columns"]][:2] == ["age", "sex"]
    assert rec["bands"][0] == {"band": "LOW", "from_percent": 0, "to_percent": 50}
    assert rec["card"]["file"] == "recidivism_general.card.json"
    # Signing again gives the next sequence number.
    assert tool.main(["sign", "--key", str(key_path), "--models-dir", str(models)]) == 0
    assert signing.verify((models / MANIFEST_FILE).read_bytes(), keys)["sequence"] == 2


def test_withdraw_signs_a_newer_manifest_naming_the_reason(tmp_path, capsys):
    key_path, key = keygen(tmp_path)
    models = copy_models(tmp_path / "models")
    tool.main(["sign", "--key", str(key_path), "--models-dir", str(models)])
    out = tmp_path / "withdrawal.json"
    assert tool.main(["withdraw", "recidivism_general", "--reason", "local validation failed",
                      "--key", str(key_path), "--manifest", str(models / MANIFEST_FILE),
                      "--out", str(out)]) == 0
    keys = {signing.key_id(key.public_key()): key.public_key()}
    payload = signing.verify(out.read_bytes(), keys)
    assert payload["sequence"] == 2
    assert payload["models"][0]["withdrawn"]["reason"] == "local validation failed"
    assert tool.main(["withdraw", "nope", "--reason", "x", "--key", str(key_path),
                      "--manifest", str(models / MANIFEST_FILE)]) == 1
    assert "nope is not in the manifest" in capsys.readouterr().err


def test_verify_reports_a_tampered_manifest(tmp_path, capsys):
    assert tool.main(["verify"]) == 0  # the committed manifest, with the shipped key
    assert "signature valid" in capsys.readouterr().out
    document = json.loads((MODELS / MANIFEST_FILE).read_text())
    document["payload"]["sequence"] += 1
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(document))
    assert tool.main(["verify", str(forged)]) == 1
    assert "changed after signing" in capsys.readouterr().err


def test_committed_manifest_matches_the_committed_model_files():
    payload = signing.verify((MODELS / MANIFEST_FILE).read_bytes(), signing.trusted_keys())
    listed = {e["file"]: e["sha256"] for e in payload["models"]}
    assert "recidivism_general.onnx" in listed
    for name, digest in listed.items():
        assert hashlib.sha256((MODELS / name).read_bytes()).hexdigest() == digest, (
            f"{name} changed since the manifest was signed: re-sign it with "
            "`python -m models_onnx.manifest sign --key PATH`")
    assert {p.name for p in MODELS.glob("*.onnx")} <= set(listed)


def test_the_private_key_is_not_in_the_repository():
    root = MODELS.parent
    for folder in (root / "resources", root / "models_onnx"):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".pem", ".key", ".json"}:
                assert b"PRIVATE KEY" not in path.read_bytes(), path
