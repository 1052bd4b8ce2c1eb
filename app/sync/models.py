"""The model-update step of a sync: signed manifests and model files from the server.

    update = update_models(fetch)          # fetch(path, max_bytes) -> bytes
    summary.models = update.to_json()      # {"updated": [...], "refused": [...], ...}

Run after every completed pull (app.sync.engine), through the same
authenticated client. The device trusts nothing the server says: it
verifies the signed manifest itself and every file against it.

1. GET /models/manifest. An unsigned, tampered, malformed or untrusted one
   is refused. One older than the manifest this device already holds is
   refused as a rollback (a server restored from backup, or replaying an
   old manifest to undo a withdrawal); the same one means nothing to do
   (byte for byte the one accepted last, with its files here: not even its
   signature is checked again, as it was when it was accepted).
2. Each model the newer manifest lists is checked before anything is
   installed: expired, or older than the version this device has used, is
   refused; each file the device lacks is fetched (GET /models/files/NAME,
   capped at the size the manifest states) into a staging folder and kept
   only if its SHA-256 matches the manifest.
3. Only if every model passed are the files moved into place (os.replace:
   a killed sync never leaves a half-written file) and the manifest
   accepted last, so until that moment the previous verified manifest and
   models stay in use; cached onnxruntime sessions are then dropped. (A
   sync killed in the milliseconds between the two leaves the new files
   under the old manifest, which refuses them as not matching; the next
   sync completes the update.)

A manifest that withdraws a model is installed even if another of its
models was refused: a withdrawal is a safety instruction, and refusing it
because of an unrelated bad file would keep a withdrawn model in use. The
refused model then cannot be used until a good copy of its file arrives,
which later syncs keep fetching; the report says so. Otherwise a refused
file blocks the whole update: an attacker able to alter files in transit
could block the exchange anyway, so nothing is lost by waiting, and
nothing unverified is ever installed.

Models belong to the installation, not to a profile: a lock file keeps two
syncs (two profiles, or the desktop client and `custos sync`) from updating
them at once; the second one skips the step and says so.

Offline, this step never runs and the device keeps scoring with the last
verified manifest and models.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import requests

from app.scoring import sessions
from app.scoring.registry import (
    MANIFEST_FILE, ModelRefused, ModelRegistry, parse_time, parse_version,
)
from app.sync import client as client_module
from app.sync.client import Offline, ServerRefused, SyncClient, SyncError

MANIFEST_PATH = "/models/manifest"
FILES_PATH = "/models/files/"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FILE_BYTES = 512 * 1024 * 1024  # when the manifest states no size (model cards)
STAGING = ".incoming"  # under the device store: same file system, so os.replace is atomic
LOCK_FILE = ".update.lock"

Fetch = Callable[[str, int], bytes]


class OversizedReply(SyncError):
    """The server sent more bytes than the manifest says the file has."""

    code = "oversized"


@dataclass
class ModelUpdate:
    """What the model step of one sync did.

    `updated` lists models newly installed or changed ({"model", "version"});
    `refused` lists what was not installed or may no longer be used (withdrawn
    or no longer listed), as {"model", "code", "reason", "message"}, where
    "model" is "manifest" when the whole manifest was refused and "message"
    is the sentence to show; `manifest_sequence` is the manifest in use
    afterwards; `error` says why the step stopped (e.g. the link dropped).
    """

    checked: bool = False
    manifest_sequence: int | None = None
    offered_sequence: int | None = None
    installed: bool = False
    updated: list[dict] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)
    error: str | None = None

    def refuse(self, exc: ModelRefused, note: str = "") -> None:
        reason = exc.reason + note
        self.refused.append({"model": exc.model_id, "code": exc.code, "reason": reason,
                             "message": str(ModelRefused(exc.model_id, exc.code, reason))})

    def to_json(self) -> dict:
        return asdict(self)


def fetch_bytes(client: SyncClient, path: str, max_bytes: int) -> bytes:
    """The raw body of GET /api/v1<path> through `client` (its auth and version headers).

    Raises the client's errors (Offline, AuthRequired, ServerRefused...) and
    OversizedReply if the body is longer than `max_bytes`.
    """
    try:
        with client.exchange("GET", path, accept="application/octet-stream, application/json",
                             stream=True) as resp:
            if not resp.ok:
                client_module._decode(resp)  # raises the error matching the status
            body = bytearray()
            for chunk in resp.iter_content(65536):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise OversizedReply(f"the server sent more than the {max_bytes:,} bytes "
                                         f"expected for {path}; it was not kept")
            return bytes(body)
    except requests.Timeout as exc:
        raise Offline(f"the sync server at {client.base_url} did not answer in time "
                      f"({exc}); the models on this device stay in use") from None
    except requests.RequestException as exc:
        raise Offline(f"cannot fetch {path} from the sync server at {client.base_url} "
                      f"({str(exc)[:200]}); the models on this device stay in use") from None


def update_models(fetch: Fetch, *, registry: ModelRegistry | None = None,
                  offered_sha256: str | None = None) -> ModelUpdate:
    """Bring this device's models up to date from the server; never installs unverified bytes.

    `offered_sha256` is the digest of the manifest the server publishes, as its
    sync status said (protocol 3): when this device holds those very bytes the
    manifest is not fetched again. Network and server failures end the step
    with `error` set (nothing is installed then); refusals are listed in `refused`.
    """
    reg = registry or ModelRegistry()
    update = ModelUpdate()
    staging = reg.store / STAGING
    try:
        with store_lock(reg.store):
            try:
                _update(fetch, reg, staging, update, offered_sha256)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except StoreBusy as exc:
        update.error = str(exc)
    except OSError as exc:  # a full or read-only disk: nothing half-written is installed
        update.error = (f"the models could not be written ({exc.strerror or exc}); this device "
                        "keeps the models it had")
    except ModelRefused as exc:  # the device's own model record is damaged
        update.refuse(exc)
    except SyncError as exc:
        if isinstance(exc, ServerRefused) and exc.status == 404 and not update.checked:
            update.error = None  # a server that publishes no models: nothing to check
        else:
            update.error = str(exc)
    return update


class StoreBusy(Exception):
    """Another sync (another profile, or the desktop client) is updating the models."""


@contextmanager
def store_lock(store: Path) -> Iterator[None]:
    """Hold the device's model-update lock (across processes), or raise StoreBusy.

    Models belong to the installation, not to a profile, so two profiles
    syncing at once must not stage and replace files over each other.
    """
    store.mkdir(parents=True, exist_ok=True)
    fh = open(store / LOCK_FILE, "a+b")
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise StoreBusy("another sync is updating this device's models; they are checked "
                        "again at the next sync") from None
    try:
        yield
    finally:
        fh.close()  # closing the file releases the lock


def _accepted_payload(reg: ModelRegistry, data: bytes) -> dict | None:
    """The payload of `data` if it is byte for byte a manifest in use on this device
    (accepted by an earlier sync, its signature checked then, or shipped with Custos;
    neither can have changed unseen: the server sent the same bytes); None otherwise."""
    try:
        # The store's manifest, or the one shipped with Custos (trusted like its code).
        if not any((d / MANIFEST_FILE).read_bytes() == data for d in reg.sources()):
            return None
        payload = json.loads(data)["payload"]
        if payload["sequence"] < reg.state()["manifest_sequence"]:
            return None  # the device accepted a newer one since: the full check says so
    except (OSError, ValueError, KeyError, TypeError, ModelRefused):
        return None
    return payload


def _held(reg: ModelRegistry) -> tuple[dict | None, int]:
    """(payload of the manifest in use or None, newest sequence this device accepted)."""
    accepted = reg.state()["manifest_sequence"]  # ModelRefused if the record is damaged
    try:
        current = reg.current_manifest()
    except ModelRefused:
        return None, accepted
    return current.payload, max(accepted, current.sequence)


def _held_bytes(reg: ModelRegistry, digest: str) -> bytes | None:
    """The bytes of a manifest this device holds (store or shipped) whose SHA-256 is
    `digest`: the server publishes exactly those, so they need not travel again."""
    for directory in reg.sources():
        try:
            data = (directory / MANIFEST_FILE).read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == digest:
            return data
    return None


def _update(fetch: Fetch, reg: ModelRegistry, staging, update: ModelUpdate,
            offered_sha256: str | None = None) -> None:
    data = _held_bytes(reg, offered_sha256) if offered_sha256 else None
    if data is None:
        data = fetch(MANIFEST_PATH, MAX_MANIFEST_BYTES)
    update.checked = True
    shutil.rmtree(staging, ignore_errors=True)
    # A scratch registry over the staging folder verifies the manifest and files
    # with the device's keys and clock, without touching what is in use.
    stage = ModelRegistry(store=staging, keys=reg.keys, clock=reg.clock, use_bundled=False)
    accepted = _accepted_payload(reg, data)
    if accepted is not None and not _lacking(reg, accepted):
        # The very manifest this device verified and accepted before, with every file
        # it lists (every sync, as a rule): nothing to verify or fetch again.
        update.manifest_sequence = update.offered_sequence = accepted["sequence"]
        return
    held, held_sequence = _held(reg)
    update.manifest_sequence = held["sequence"] if held else None
    try:
        payload = stage.accept_manifest(data)
    except ModelRefused as exc:
        update.refuse(exc, "; the device keeps the models it has")
        return
    sequence = update.offered_sequence = payload["sequence"]
    if sequence < held_sequence:
        update.refuse(ModelRefused(
            "manifest", "rollback",
            f"the server offers manifest {sequence}, older than manifest {held_sequence} "
            "already accepted on this device (an old manifest could undo a withdrawal); the "
            "device keeps the newer one"))
        return
    if held is not None and sequence == held["sequence"]:
        if payload == held:
            _repair(fetch, reg, stage, staging, payload, update)
        return  # up to date

    before = {e["id"]: e for e in (held or {}).get("models", [])}
    state_models = reg.state()["models"]
    now = reg.clock()
    problems: list[ModelRefused] = []
    withdrawals: list[str] = []
    for entry in payload["models"]:
        model_id = entry["id"]
        if entry.get("withdrawn"):
            if not (before.get(model_id) or {}).get("withdrawn"):
                withdrawals.append(model_id)
            continue
        problem = _entry_problem(entry, state_models, now)
        if problem is None:
            problem = _stage_files(fetch, reg, stage, entry)
        if problem is not None:
            problems.append(problem)

    if problems and not withdrawals:
        for problem in problems:
            update.refuse(problem, f"; manifest {sequence} was not installed and the device "
                                   "keeps the models it had")
        return

    _install_staged(staging, reg.store)
    reg.accept_manifest(data)  # re-verified against the device's own record, written last
    sessions.forget()
    _forget_scorers()
    update.installed = True
    update.manifest_sequence = sequence
    refused_ids = {p.model_id for p in problems}
    for problem in problems:
        update.refuse(problem, f"; manifest {sequence} was installed anyway because it "
                               f"withdraws {', '.join(withdrawals)}, so this model cannot be "
                               "used until a good manifest arrives")
    listed = {e["id"] for e in payload["models"]}
    dropped = [m for m, e in before.items() if m not in listed and not e.get("withdrawn")]
    for model_id in withdrawals + dropped:
        try:
            reg.load(model_id)
        except ModelRefused as exc:  # worded as scoring will word it
            update.refuse(exc)
    for entry in payload["models"]:
        old = before.get(entry["id"])
        if entry.get("withdrawn") or entry["id"] in refused_ids:
            continue
        if old is None or old.get("withdrawn") or (old["version"], old["sha256"]) != (
                entry["version"], entry["sha256"]):
            update.updated.append({"model": entry["id"], "version": entry["version"]})


def _install_staged(staging: Path, store: Path) -> None:
    """Move the verified files from staging into the store, each replaced atomically."""
    for name in sorted(os.listdir(staging)):
        if not name.startswith(".") and name not in ("manifest.json", "state.json"):
            os.replace(staging / name, store / name)


def _repair(fetch: Fetch, reg: ModelRegistry, stage: ModelRegistry, staging: Path,
            payload: dict, update: ModelUpdate) -> None:
    """Fetch the files of the manifest in use that this device still lacks.

    That happens after a manifest was installed for its withdrawal while
    another model's file was refused: the model waits for a good copy.
    """
    repaired = []
    for entry in _lacking(reg, payload):
        problem = _stage_files(fetch, reg, stage, entry)
        if problem is not None:
            update.refuse(problem, "; this model cannot be used until a good copy arrives")
        else:
            repaired.append(entry)
    if repaired:
        _install_staged(staging, reg.store)
        sessions.forget()
        _forget_scorers()
        update.updated += [{"model": e["id"], "version": e["version"]} for e in repaired]


def _lacking(reg: ModelRegistry, payload: dict) -> list[dict]:
    """The models of `payload` that may be used but whose files this device lacks."""
    now, state_models = reg.clock(), reg.state()["models"]
    return [entry for entry in payload["models"]
            if not entry.get("withdrawn") and _entry_problem(entry, state_models, now) is None
            and not all(_has(reg, name, digest) for name, digest, _ in _files_of(entry))]


def _entry_problem(entry: dict, state_models: dict, now) -> ModelRefused | None:
    """Why the model `entry` may not be installed on this device, if it may not."""
    model_id = entry["id"]
    if now >= parse_time(entry["expires"]):
        return ModelRefused(model_id, "expired",
                            f"its approval in the server's manifest expired on "
                            f"{entry['expires'][:10]}")
    used = state_models.get(model_id)
    if used and parse_version(entry["version"]) < parse_version(used["version"]):
        return ModelRefused(model_id, "older_than_installed",
                            f"the server offers version {entry['version']}, older than "
                            f"version {used['version']} already used on this device")
    return None


def _files_of(entry: dict) -> list[tuple[str, str, int]]:
    """(name, sha256, max bytes) of the model file and its card."""
    size = entry.get("size")
    files = [(entry["file"], entry["sha256"], size if isinstance(size, int) and size > 0
              else MAX_FILE_BYTES)]
    if entry.get("card"):
        files.append((entry["card"]["file"], entry["card"]["sha256"], MAX_FILE_BYTES))
    return files


def _has(reg: ModelRegistry, name: str, digest: str) -> bool:
    """Whether the device already holds `name` with this SHA-256 (store or shipped)."""
    for directory in [reg.store] + ([reg.bundled] if reg.bundled else []):
        path = directory / name
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            return True
    return False


def _stage_files(fetch: Fetch, reg: ModelRegistry, stage: ModelRegistry,
                 entry: dict) -> ModelRefused | None:
    """Fetch and verify into staging each file of `entry` the device lacks."""
    for name, digest, limit in _files_of(entry):
        if _has(reg, name, digest):
            continue
        try:
            data = fetch(FILES_PATH + name, limit)
        except ServerRefused as exc:
            return ModelRefused(entry["id"], "unavailable",
                                f"the server could not provide {name} ({exc.message})")
        except OversizedReply as exc:
            return ModelRefused(entry["id"], "tampered", exc.message)
        try:
            stage.accept_file(name, data)  # checks the SHA-256 before writing
        except ModelRefused as exc:
            return exc
    return None


def _forget_scorers() -> None:
    """Drop the OGRS3 scorers, which hold a session of their own beyond sessions' cache."""
    from app.scoring import ogrs3

    # ogrs3 caches a Scorer per instrument around its session; without this a running
    # desktop client would keep scoring with a model the new manifest withdrew.
    ogrs3._SCORERS.clear()
