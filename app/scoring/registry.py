"""Verified model loading: nothing reaches onnxruntime unless the signed manifest vouches for it.

`load_model(model_id)` returns a `VerifiedModel` or raises `ModelRefused`,
whose message names the model and the reason, for the UI and the CLI to
show as it is. A model is refused when:

- no manifest is signed by a trusted key (`unsigned`, `untrusted_key`),
  the manifest was changed after signing (`tampered`) or is signed but not
  a well-formed manifest (`malformed`);
- the manifest is older than one this device has already accepted
  (`rollback`: replaying an old manifest cannot undo a withdrawal);
- the model is not listed (`unregistered`), withdrawn by an administrator
  (`withdrawn`), past its expiry (`expired`), older than the version this
  device has already used (`older_than_installed`);
- its file or its model card is missing (`missing_file`) or does not match
  the SHA-256 in the manifest (`tampered`), or it does not load or match
  its declared inputs (`invalid`);
- the device's own record of what it accepted is damaged (`damaged_state`:
  fail closed rather than forget a withdrawal).

Manifests come from two places: the one shipped with the application
(models_onnx/manifest.json) and the device store (DATA/models/), where sync
puts newer manifests and model files through `accept_manifest` and
`accept_file`, which verify before writing. The newest valid manifest wins.
The store's state.json remembers the newest manifest sequence accepted and
the version of each model used, which is what rollback and downgrade
refusals are checked against.

The bytes that were hashed are the bytes given to onnxruntime, so a file
swapped between check and load is never run.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib import util as import_util
from pathlib import Path
from typing import Callable

from app.core.errors import CustosError
from app.core.paths import locations

from . import signing

MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = "custos-model-manifest/1"
STATE_FILE = "state.json"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class ModelRefused(CustosError):
    """A model that must not be used; `code` is stable, `reason` is for people."""

    def __init__(self, model_id: str, code: str, reason: str):
        self.model_id = model_id
        self.code = code
        self.reason = reason
        super().__init__(f"The model {model_id} was refused: {reason}.")


def format_time(at: dt.datetime) -> str:
    """UTC time as written in manifests: 2026-11-23T05:00:00Z."""
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def parse_version(text: str) -> tuple[int, ...]:
    """A dotted version as a tuple of integers ("1.10.0" > "1.9.2")."""
    parts = tuple(int(p) for p in str(text).split("."))
    while len(parts) > 1 and parts[-1] == 0:
        parts = parts[:-1]
    return parts


def bundled_dir() -> Path | None:
    """The models_onnx folder shipped with the application (located without importing it)."""
    spec = import_util.find_spec("models_onnx")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def default_store() -> Path:
    """Where this device keeps synced manifests and model files."""
    return locations().data / "models"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class VerifiedModel:
    """A model whose file, card and manifest entry were verified, ready to run."""

    model_id: str
    version: str
    sha256: str
    entry: dict
    session: object  # onnxruntime.InferenceSession
    card: dict | None
    manifest_sequence: int
    output_names: tuple[str, ...] = field(default=())

    @property
    def expires(self) -> dt.datetime:
        return parse_time(self.entry["expires"])

    def run(self, feeds: dict) -> dict:
        """Every output of the model for `feeds`, by name."""
        values = self.session.run(list(self.output_names), feeds)
        return dict(zip(self.output_names, values))

    def provenance(self) -> dict:
        """What a prediction log records about the model."""
        return {"model_id": self.model_id, "version": self.version, "sha256": self.sha256,
                "manifest_sequence": self.manifest_sequence}


@dataclass
class _Manifest:
    payload: dict
    directory: Path

    @property
    def sequence(self) -> int:
        return self.payload["sequence"]


_VERSION = re.compile(r"^\d+(\.\d+)*$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _check_payload(payload: dict) -> None:
    """Refuse (as malformed) a signed payload that is not a well-formed manifest."""
    def bad(why: str) -> signing.SignatureError:
        return signing.SignatureError("malformed", why)

    if payload.get("format") != MANIFEST_FORMAT or not isinstance(payload.get("sequence"), int) \
            or not isinstance(payload.get("models"), list):
        raise bad(f"it is not a {MANIFEST_FORMAT} manifest")
    for entry in payload["models"]:
        if not isinstance(entry, dict):
            raise bad("a model entry is not an object")
        for key in ("id", "version", "file", "sha256", "expires"):
            if not isinstance(entry.get(key), str):
                raise bad(f"an entry lacks '{key}'")
        if not isinstance(entry.get("inputs"), list):
            raise bad(f"model {entry['id']} has no input schema")
        if not _VERSION.match(entry["version"]):
            raise bad(f"model {entry['id']} has an invalid version {entry['version']!r}")
        if not _TIME.match(entry["expires"]):
            raise bad(f"model {entry['id']} has an invalid expiry {entry['expires']!r}")
        card = entry.get("card")
        if card is not None and not (isinstance(card, dict) and isinstance(card.get("file"), str)
                                     and isinstance(card.get("sha256"), str)):
            raise bad(f"model {entry['id']} has an invalid card reference")
        for name in [entry["file"]] + ([card["file"]] if card else []):
            if not _SAFE_NAME.match(name):
                raise bad(f"file name {name!r} is not allowed")
        withdrawn = entry.get("withdrawn")
        if withdrawn is not None and not (isinstance(withdrawn, dict)
                                          and isinstance(withdrawn.get("reason"), str)
                                          and isinstance(withdrawn.get("at"), str)):
            raise bad(f"model {entry['id']} has an invalid withdrawal")


_SIGNATURE_CODES = {"bad_signature": "tampered"}
_SIGNATURE_REASONS = {
    "unsigned": "its manifest is not signed",
    "untrusted_key": "its manifest is signed by a key this installation does not trust",
    "bad_signature": "its manifest was changed after it was signed",
    "malformed": "its manifest is not a valid signed manifest",
}


class ModelRegistry:
    """Verifies manifests and model files and loads models.

    `bundled` is the shipped models folder, `store` the device's own folder,
    `keys` the trusted public keys and `clock` the time used for expiry;
    all default to the installation's.
    """

    def __init__(self, *, bundled: Path | None = None, store: Path | None = None,
                 keys: dict | None = None, clock: Callable[[], dt.datetime] = _utc_now,
                 use_bundled: bool = True):
        self.bundled = (bundled or bundled_dir()) if use_bundled else None
        self.store = store or default_store()
        self.keys = keys if keys is not None else signing.trusted_keys()
        self.clock = clock

    # -- state -------------------------------------------------------------

    def state(self) -> dict:
        """{"manifest_sequence": int, "models": {id: {"version", "sha256"}}} of this device."""
        path = self.store / STATE_FILE
        if not path.is_file():
            return {"manifest_sequence": 0, "models": {}}
        try:
            state = json.loads(path.read_text("utf-8"))
            if isinstance(state.get("manifest_sequence"), int) and isinstance(
                    state.get("models"), dict):
                return state
        except (ValueError, AttributeError):
            pass
        # Fail closed: without it, rollbacks and downgrades could not be detected.
        raise ModelRefused("models", "damaged_state",
                           f"the device's model record {path} is damaged; an administrator "
                           "must restore or remove it")

    def _save_state(self, state: dict) -> None:
        self._write(STATE_FILE, json.dumps(state, indent=2, sort_keys=True).encode())

    def _write(self, name: str, data: bytes) -> None:
        self.store.mkdir(parents=True, exist_ok=True)
        # A private temporary name per writer, then an atomic rename: readers and
        # concurrent writers never see a half-written file.
        fd, tmp = tempfile.mkstemp(dir=self.store, prefix=f".{name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.store / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # -- manifests ---------------------------------------------------------

    def _verify(self, data: bytes) -> dict:
        payload = signing.verify(data, self.keys)
        _check_payload(payload)
        return payload

    def sources(self) -> list[Path]:
        """The folders holding a manifest: this device's store, then the shipped models."""
        dirs = [self.store] + ([self.bundled] if self.bundled else [])
        return [d for d in dirs if (d / MANIFEST_FILE).is_file()]

    def current_manifest(self, model_id: str = "manifest") -> _Manifest:
        """The newest valid manifest; refused (naming `model_id`) if there is none."""
        valid, failures = [], []
        for directory in self.sources():
            try:
                valid.append(_Manifest(self._verify((directory / MANIFEST_FILE).read_bytes()),
                                       directory))
            except signing.SignatureError as exc:
                failures.append(exc)
        if not valid:
            if failures:
                exc = failures[0]
                raise ModelRefused(model_id, _SIGNATURE_CODES.get(exc.code, exc.code),
                                   f"{_SIGNATURE_REASONS[exc.code]} ({exc.message})")
            raise ModelRefused(model_id, "unsigned", "no signed model manifest is installed")
        best = max(valid, key=lambda m: m.sequence)
        accepted = self.state()["manifest_sequence"]
        if best.sequence < accepted:
            damaged = (f"; a manifest on this device was rejected: {failures[0].message}"
                       if failures else "")
            raise ModelRefused(model_id, "rollback",
                               f"the newest valid manifest ({best.sequence}) is older than "
                               f"manifest {accepted}, which this device has already "
                               f"accepted{damaged}")
        return best

    def accept_manifest(self, data: bytes) -> dict:
        """Verify a manifest received by sync and keep it; return its payload.

        Refuses (ModelRefused, model "manifest") a manifest that is unsigned,
        tampered or older than the newest one accepted.
        """
        try:
            payload = self._verify(data)
        except signing.SignatureError as exc:
            raise ModelRefused("manifest", _SIGNATURE_CODES.get(exc.code, exc.code),
                               f"{_SIGNATURE_REASONS[exc.code].replace('its ', 'the ')} "
                               f"({exc.message})") from None
        state = self.state()
        if payload["sequence"] < state["manifest_sequence"]:
            raise ModelRefused("manifest", "rollback",
                               f"manifest {payload['sequence']} is older than manifest "
                               f"{state['manifest_sequence']}, already accepted")
        self._write(MANIFEST_FILE, data)
        state["manifest_sequence"] = payload["sequence"]
        self._save_state(state)
        return payload

    def accept_file(self, name: str, data: bytes) -> None:
        """Keep a model or card file from sync, if the accepted manifest lists these bytes."""
        manifest = self.current_manifest(name)
        expected = {}
        for entry in manifest.payload["models"]:
            expected[entry["file"]] = (entry["id"], entry["sha256"])
            if entry.get("card"):
                expected[entry["card"]["file"]] = (entry["id"], entry["card"]["sha256"])
        if name not in expected:
            raise ModelRefused(name, "unregistered", "the manifest does not list this file")
        model_id, digest = expected[name]
        if _sha256(data) != digest:
            raise ModelRefused(model_id, "tampered",
                               f"the received {name} does not match the SHA-256 in the manifest")
        self._write(name, data)

    def sync(self, fetch: Callable[[str], bytes]) -> dict:
        """Bring this device's models up to date from the sync server.

        `fetch(path)` returns the body of GET /api/v1/<path> (the caller's
        authenticated HTTP session). The manifest and every file are verified
        before they are kept. A server manifest older than the device's is
        ignored (the device keeps its newer one); an unsigned or tampered one
        raises ModelRefused. Returns {"manifest_sequence", "accepted", "fetched"}.
        """
        data = fetch("models/manifest")
        try:
            payload = self.accept_manifest(data)
        except ModelRefused as exc:
            if exc.code != "rollback":
                raise
            return {"manifest_sequence": self.state()["manifest_sequence"], "accepted": False,
                    "fetched": []}
        fetched = []
        for name in self.missing_files():
            self.accept_file(name, fetch(f"models/files/{name}"))
            fetched.append(name)
        return {"manifest_sequence": payload["sequence"], "accepted": True, "fetched": fetched}

    def missing_files(self) -> list[str]:
        """Files the current manifest lists that this device lacks (what sync should fetch)."""
        manifest = self.current_manifest()
        missing = []
        for entry in manifest.payload["models"]:
            if entry.get("withdrawn"):
                continue
            wanted = [(entry["file"], entry["sha256"])]
            if entry.get("card"):
                wanted.append((entry["card"]["file"], entry["card"]["sha256"]))
            for name, digest in wanted:
                if self._find(manifest, name, digest)[0] is None:
                    missing.append(name)
        return missing

    def entries(self) -> list[dict]:
        """Every model in the current manifest with its status, for an administration view."""
        manifest = self.current_manifest()
        now = self.clock()
        out = []
        for e in manifest.payload["models"]:
            status = ("withdrawn" if e.get("withdrawn") else
                      "expired" if now >= parse_time(e["expires"]) else "active")
            out.append({"id": e["id"], "version": e["version"], "sha256": e["sha256"],
                        "expires": e["expires"], "status": status,
                        "withdrawn": e.get("withdrawn")})
        return out

    # -- loading -----------------------------------------------------------

    def _find(self, manifest: _Manifest, name: str, digest: str) -> tuple[bytes | None, bool]:
        """(bytes matching `digest`, whether a file of that name existed at all)."""
        seen = False
        dirs = [manifest.directory, self.store] + ([self.bundled] if self.bundled else [])
        for directory in dict.fromkeys(dirs):
            path = directory / name
            if path.is_file():
                seen = True
                data = path.read_bytes()
                if _sha256(data) == digest:
                    return data, True
        return None, seen

    def _verified_file(self, manifest: _Manifest, model_id: str, name: str,
                       digest: str) -> bytes:
        data, seen = self._find(manifest, name, digest)
        if data is None:
            if seen:
                raise ModelRefused(model_id, "tampered",
                                   f"{name} does not match the SHA-256 in the signed manifest")
            raise ModelRefused(model_id, "missing_file", f"{name} is not on this device")
        return data

    def load(self, model_id: str) -> VerifiedModel:
        """The verified, ready-to-run model `model_id`, or ModelRefused saying why not."""
        manifest = self.current_manifest(model_id)
        entries = [e for e in manifest.payload["models"] if e["id"] == model_id]
        if not entries:
            raise ModelRefused(model_id, "unregistered",
                               f"it is not in the signed manifest ({manifest.sequence})")
        entry = entries[0]
        if entry.get("withdrawn"):
            w = entry["withdrawn"]
            raise ModelRefused(model_id, "withdrawn",
                               f"an administrator withdrew it on {w['at'][:10]}: {w['reason']}")
        if self.clock() >= parse_time(entry["expires"]):
            raise ModelRefused(model_id, "expired",
                               f"its approval expired on {entry['expires'][:10]}; a newer "
                               "signed manifest is needed")
        state = self.state()
        installed = state["models"].get(model_id)
        if installed and parse_version(entry["version"]) < parse_version(installed["version"]):
            raise ModelRefused(model_id, "older_than_installed",
                               f"version {entry['version']} is older than version "
                               f"{installed['version']}, already used on this device")
        content = self._verified_file(manifest, model_id, entry["file"], entry["sha256"])
        card = None
        if entry.get("card"):
            card_bytes = self._verified_file(manifest, model_id, entry["card"]["file"],
                                             entry["card"]["sha256"])
            card = json.loads(card_bytes)
        session = _session(model_id, content, entry)
        if installed is None or parse_version(entry["version"]) > parse_version(
                installed["version"]) or manifest.sequence > state["manifest_sequence"]:
            state["models"][model_id] = {"version": entry["version"], "sha256": entry["sha256"]}
            state["manifest_sequence"] = max(state["manifest_sequence"], manifest.sequence)
            self._save_state(state)
        return VerifiedModel(model_id=model_id, version=entry["version"],
                             sha256=entry["sha256"], entry=entry, session=session, card=card,
                             manifest_sequence=manifest.sequence,
                             output_names=tuple(o.name for o in session.get_outputs()))


def _session(model_id: str, content: bytes, entry: dict):
    import onnxruntime as ort

    options = ort.SessionOptions()
    # Small graphs: one thread is fastest and gives the same result every run.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        session = ort.InferenceSession(content, sess_options=options,
                                       providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises several private exception types
        raise ModelRefused(model_id, "invalid", f"onnxruntime cannot load it ({exc})") from None
    declared = [i["name"] for i in entry["inputs"]]
    actual = [i.name for i in session.get_inputs()]
    if declared != actual:
        raise ModelRefused(model_id, "invalid",
                           f"its inputs {actual} differ from the manifest's {declared}")
    return session


def load_model(model_id: str) -> VerifiedModel:
    """The verified model `model_id` from this installation's manifests (ModelRefused if not)."""
    return ModelRegistry().load(model_id)
