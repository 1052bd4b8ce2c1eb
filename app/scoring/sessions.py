"""ONNX Runtime sessions for the models the device scores with.

`session_for(model_id)` is the one place scoring obtains a model. It goes
through the verified loader (app.scoring.registry.load_model), which refuses
an unsigned, tampered, expired, withdrawn or downgraded model with a
ModelRefused naming the reason, so nothing reaches onnxruntime unless the
Ed25519-signed manifest vouches for its exact bytes. Each session is made
once per process and reused (verifying and creating one costs milliseconds,
running one costs microseconds); call `forget` when a new manifest is
accepted or a model is withdrawn.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class LoadedModel:
    """An open model: its session and what a prediction log needs to name it."""

    model_id: str
    version: str
    sha256: str
    session: Any  # onnxruntime.InferenceSession
    metadata: dict[str, str] = field(default_factory=dict)  # the graph's metadata_props
    provenance: dict[str, Any] = field(default_factory=dict)  # what the registry vouched for


_lock = threading.Lock()
_cache: dict[str, LoadedModel] = {}


def model_path(model_id: str) -> Path:
    """The model file of `model_id` shipped in models_onnx (what the build writes)."""
    return Path(str(resources.files("models_onnx") / f"{model_id}.onnx"))


def session_for(model_id: str) -> LoadedModel:
    """The loaded model `model_id`, opened once per process."""
    with _lock:
        loaded = _cache.get(model_id)
        if loaded is None:
            loaded = _cache[model_id] = _open(model_id)
        return loaded


def forget(model_id: str | None = None) -> None:
    """Drop cached sessions (after a model file is replaced or withdrawn)."""
    with _lock:
        if model_id is None:
            _cache.clear()
        else:
            _cache.pop(model_id, None)


def _open(model_id: str) -> LoadedModel:
    from app.scoring import registry

    verified = registry.load_model(model_id)
    meta = dict(verified.session.get_modelmeta().custom_metadata_map)
    return LoadedModel(model_id=model_id, version=verified.version, sha256=verified.sha256,
                       session=verified.session, metadata=meta,
                       provenance=verified.provenance())
