"""Throw-away release keys and signed model bundles for the distribution tests."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from app.scoring import signing
from app.scoring.registry import MANIFEST_FILE, ModelRegistry
from models_onnx import manifest as manifest_tool

MODELS = Path(manifest_tool.MODELS_DIR)
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def new_key():
    """A fresh Ed25519 key pair for one test (never the release key)."""
    return signing.generate_private_key()


def keys_of(*private_keys) -> dict:
    return {signing.key_id(k.public_key()): k.public_key() for k in private_keys}


def copy_models(folder: Path, model_ids=("recidivism_general",)) -> Path:
    """The shipped model and card files copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for model_id in model_ids:
        for name in (f"{model_id}.onnx", f"{model_id}.card.json"):
            if (MODELS / name).is_file():
                shutil.copyfile(MODELS / name, folder / name)
    return folder


def payload_for(folder: Path, *, sequence: int = 1, expires: dt.datetime | None = None,
                issued_at: dt.datetime = NOW) -> dict:
    """An unsigned manifest payload for the models in `folder`."""
    return manifest_tool.build(folder, sequence=sequence, issued_at=issued_at,
                               expires=expires or NOW + dt.timedelta(days=365))


def signed_bytes(payload: dict, key) -> bytes:
    return signing.dumps(signing.sign(payload, key))


def write_manifest(folder: Path, payload: dict, key) -> bytes:
    """Sign `payload` with `key` and write it as folder/manifest.json; return the bytes."""
    data = signed_bytes(payload, key)
    (folder / MANIFEST_FILE).write_bytes(data)
    return data


def registry(bundle: Path, store: Path, *keys, now: dt.datetime = NOW) -> ModelRegistry:
    """A registry over `bundle` (as if shipped) and `store` (the device's), trusting `keys`."""
    return ModelRegistry(bundled=bundle, store=store, keys=keys_of(*keys), clock=lambda: now)


def with_entry(payload: dict, model_id: str, **changes) -> dict:
    """A copy of `payload` with fields of one model's entry changed."""
    new = json.loads(json.dumps(payload))
    for entry in new["models"]:
        if entry["id"] == model_id:
            entry.update(changes)
    return new
