"""Model distribution: the signed manifest and model files the server hands to devices.

The server never holds the release private key. It publishes manifests an
administrator signed offline (`python -m models_onnx.manifest sign` or
`withdraw`) and checks each one before publishing: a trusted Ed25519
signature, a sequence newer than the published one, and every file it lists
for an active model present here with the SHA-256 it states, so devices can
always fetch what the manifest promises. A compromised server therefore
cannot publish a model or undo a withdrawal: devices verify the signature
themselves and refuse manifests older than one they have accepted.

Files come from the published folder (SERVER/models/, where uploaded
manifests are written) or, until a manifest is uploaded, from the models
shipped with Custos (models_onnx/). Each file is re-hashed before it is
served, so a corrupted file on the server is never sent.

The signature check repeats the client's few lines (app.scoring.signing)
because the server imports nothing from app but app.core; the canonical
form is the same: JSON with sorted keys, no spaces, UTF-8.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources, util as import_util
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection

from app.core.errors import NotFound, ValidationError
from app.core.paths import locations

from . import audit

MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = "custos-model-manifest/1"
SIGNED_FORMAT = "custos-signed/1"
KEYS_FILE = "model_release_keys.json"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ManifestRejected(ValidationError):
    """An uploaded manifest the server will not publish (field `manifest`)."""

    def __init__(self, reason: str):
        super().__init__("manifest", reason)


def _key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def trusted_keys(text: str | None = None) -> dict[str, Ed25519PublicKey]:
    """{key_id: key} of the model release keys (resources/security/model_release_keys.json)."""
    if text is None:
        text = resources.files("resources.security").joinpath(KEYS_FILE).read_text("utf-8")
    keys = {}
    for entry in json.loads(text).get("keys", []):
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"]))
        keys[_key_id(key)] = key
    return keys


def _canonical(payload) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def verify_envelope(document, keys: dict[str, Ed25519PublicKey]) -> dict:
    """The manifest payload of a signed envelope, or ManifestRejected saying why."""
    if not isinstance(document, dict) or "signature" not in document:
        raise ManifestRejected("it is not signed")
    if document.get("format") != SIGNED_FORMAT or not isinstance(document.get("payload"), dict) \
            or not isinstance(document.get("key_id"), str):
        raise ManifestRejected(f"it is not a {SIGNED_FORMAT} document")
    key = keys.get(document["key_id"])
    if key is None:
        raise ManifestRejected(f"it is signed by key {document.get('key_id')}, which is not a "
                               "trusted model release key")
    try:
        key.verify(base64.b64decode(document["signature"], validate=True),
                   _canonical(document["payload"]))
    except (InvalidSignature, binascii.Error, ValueError, TypeError):
        raise ManifestRejected("its signature does not match its content") from None
    payload = document["payload"]
    if payload.get("format") != MANIFEST_FORMAT or not isinstance(payload.get("sequence"), int) \
            or not isinstance(payload.get("models"), list):
        raise ManifestRejected(f"its payload is not a {MANIFEST_FORMAT} manifest")
    for entry in payload["models"]:
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("id", "version", "file", "sha256",
                                                        "expires")):
            raise ManifestRejected("a model entry lacks its id, version, file, SHA-256 or "
                                   "expiry")
        withdrawn = entry.get("withdrawn")
        if withdrawn is not None and not (isinstance(withdrawn, dict) and all(
                isinstance(withdrawn.get(k), str) and withdrawn[k].strip()
                for k in ("at", "reason"))):
            raise ManifestRejected(f"model {entry['id']} has a withdrawal without a time and "
                                   "a reason")
        card = entry.get("card")
        if card is not None and not (isinstance(card, dict) and isinstance(card.get("file"), str)
                                     and isinstance(card.get("sha256"), str)):
            raise ManifestRejected(f"model {entry['id']} has an invalid card reference")
        names = [entry["file"]] + ([card["file"]] if card else [])
        if not all(_SAFE_NAME.match(n) for n in names):
            raise ManifestRejected(f"model {entry['id']} names a file that is not allowed")
    return payload


def _files_of(payload: dict, *, active_only: bool) -> dict[str, str]:
    """{file name: sha256} of the model and card files a manifest lists."""
    files = {}
    for entry in payload["models"]:
        if active_only and entry.get("withdrawn"):
            continue
        files[entry["file"]] = entry["sha256"]
        if entry.get("card"):
            files[entry["card"]["file"]] = entry["card"]["sha256"]
    return files


@lru_cache(maxsize=1)
def bundled_dir() -> Path | None:
    """The models_onnx folder shipped with Custos (found without importing its code)."""
    spec = import_util.find_spec("models_onnx")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


_last_digest: tuple = (None, None)  # ((path, mtime, size), SHA-256) of the last manifest hashed


@dataclass
class ModelStore:
    """Where the published manifest and model files live, and the keys that may sign them
    (None: the release keys, read when a manifest is checked)."""

    root: Path
    fallback: Path | None
    keys: dict[str, Ed25519PublicKey] | None = None

    @classmethod
    def default(cls) -> "ModelStore":
        # Built for every sync status (which names the manifest by digest): the keys are
        # only read when an upload is checked.
        return cls(root=locations().server_dir / "models", fallback=bundled_dir())

    def _dirs(self) -> list[Path]:
        return [self.root] + ([self.fallback] if self.fallback else [])

    def manifest_bytes(self) -> bytes:
        """The published signed manifest, as stored."""
        for directory in self._dirs():
            path = directory / MANIFEST_FILE
            if path.is_file():
                return path.read_bytes()
        raise NotFound("model manifest", "current")

    def manifest_digest(self) -> str | None:
        """SHA-256 (hex) of the published manifest's bytes; None if none is published.
        Hashed again only when the file changes (every pull's last page names it)."""
        for directory in self._dirs():
            path = directory / MANIFEST_FILE
            try:
                stat = path.stat()
            except OSError:
                continue
            global _last_digest
            key, (known, digest) = (str(path), stat.st_mtime_ns, stat.st_size), _last_digest
            if known != key:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                _last_digest = (key, digest)
            return digest
        return None

    def manifest(self) -> dict:
        """The published manifest's payload."""
        return json.loads(self.manifest_bytes())["payload"]

    def _find(self, name: str, digest: str) -> bytes | None:
        for directory in self._dirs():
            path = directory / name
            if path.is_file():
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == digest:
                    return data
        return None

    def file_bytes(self, name: str) -> bytes:
        """A file the published manifest lists, checked against its SHA-256."""
        files = _files_of(self.manifest(), active_only=False)
        if name not in files:
            raise NotFound("model file", name)
        data = self._find(name, files[name])
        if data is None:
            raise NotFound("model file", f"{name} (missing or corrupted on the server)")
        return data

    def check(self, document) -> dict:
        """The payload of an uploaded manifest, if it may be published (else ManifestRejected)."""
        payload = verify_envelope(document, trusted_keys() if self.keys is None else self.keys)
        try:
            current = self.manifest()["sequence"]
        except NotFound:
            current = 0
        if payload["sequence"] <= current:
            raise ManifestRejected(f"its sequence {payload['sequence']} is not newer than the "
                                   f"published manifest {current}")
        for name, digest in _files_of(payload, active_only=True).items():
            if self._find(name, digest) is None:
                raise ManifestRejected(f"it lists {name} with a SHA-256 that no file on the "
                                       "server has; copy the file to the server first")
        return payload

    def write(self, document: dict) -> None:
        """Publish `document` as the current manifest (atomic replace)."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=f".{MANIFEST_FILE}.")
        with os.fdopen(fd, "wb") as fh:
            fh.write((json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
                      + "\n").encode("utf-8"))
        os.replace(tmp, self.root / MANIFEST_FILE)


def _action(withdraw: str | None) -> tuple[str, str]:
    if withdraw:
        return "model_withdraw", f"model:{withdraw}"
    return "model_manifest_publish", "model_manifest"


def publish(conn: Connection, store: ModelStore, document, *, now: dt.datetime, actor: str,
            origin: audit.Origin, withdraw: str | None = None) -> dict:
    """Check and publish an uploaded signed manifest, with an audit entry; return its payload.

    With `withdraw`, the manifest must mark that model withdrawn, with a
    reason. The file is written inside the caller's transaction, after the
    audit entry, so a failed write leaves no audit entry behind.
    """
    payload = store.check(document)
    if withdraw is not None:
        entries = [e for e in payload["models"] if e["id"] == withdraw]
        if not entries:
            raise ManifestRejected(f"it does not list the model {withdraw}")
        marked = entries[0].get("withdrawn")
        if not marked:
            raise ManifestRejected(f"it does not mark {withdraw} withdrawn with a reason")
    action, target = _action(withdraw)
    details = {"sequence": payload["sequence"],
               "models": {e["id"]: e["version"] for e in payload["models"]}}
    if withdraw is not None:
        details["reason"] = marked["reason"]
    audit.append(conn, at=now, actor=actor, action=action, outcome="success", origin=origin,
                 target=target, details=details)
    # Appending to the audit chain locks its head until commit, so checking again
    # here serialises concurrent publishes (threads or server processes): an
    # older manifest can never overwrite a newer one that won the race.
    store.check(document)
    store.write(document)
    return payload


def record_refusal(conn: Connection, *, now: dt.datetime, actor: str, origin: audit.Origin,
                   reason: str, withdraw: str | None = None) -> None:
    """Audit a refused upload (in its own transaction: the refused one rolled back)."""
    action, target = _action(withdraw)
    audit.append(conn, at=now, actor=actor, action=action, outcome="refused", origin=origin,
                 target=target, details={"reason": reason})
