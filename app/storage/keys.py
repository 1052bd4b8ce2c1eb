"""The replica's encryption key, kept in the operating system's keyring.

Each profile's replica is encrypted with its own random 256-bit raw key
(no passphrase KDF: the key is already random, and a raw key opens in about
a millisecond). The key lives only in the OS keyring.

Backends that write secrets to disk in clear text are refused, because a
plaintext key next to the replica would make the encryption pointless. For
headless use (scripts, CI, a machine with no desktop keyring) either pick a
secure backend with keyring's own PYTHON_KEYRING_BACKEND, or set
CUSTOS_ALLOW_PLAINTEXT_KEYRING=1 to accept a plaintext one knowingly.
"""
from __future__ import annotations

import os
import secrets

import keyring
import keyring.backend
from keyring.errors import KeyringError

from app.core.errors import ReplicaError

SERVICE = "Custos replica key"
ALLOW_PLAINTEXT_ENV = "CUSTOS_ALLOW_PLAINTEXT_KEYRING"

# Backends that either keep nothing (fail/null) or store secrets readable as text.
_INSECURE = ("fail.Keyring", "null.Keyring", "PlaintextKeyring", "file.PlaintextKeyring")


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def check_backend(backend: keyring.backend.KeyringBackend | None = None) -> keyring.backend.KeyringBackend:
    """Return the active backend, or raise if it would not keep a key safely."""
    backend = backend or keyring.get_keyring()
    name = _backend_name(backend)
    if name.endswith(("fail.Keyring", "null.Keyring")):
        raise ReplicaError(
            "no usable OS keyring was found to hold the replica key; install or unlock "
            "one, or see README 'Running headless'"
        )
    plaintext = any(name.endswith(marker) for marker in _INSECURE) or "plaintext" in name.lower()
    if plaintext and os.environ.get(ALLOW_PLAINTEXT_ENV) != "1":
        raise ReplicaError(
            f"the keyring backend {name} stores secrets in plain text; refusing to keep the "
            f"replica key there (set {ALLOW_PLAINTEXT_ENV}=1 to allow it knowingly)"
        )
    return backend


def get_key(account: str) -> bytes | None:
    """The stored key for `account`, or None if there is none."""
    backend = check_backend()
    try:
        stored = backend.get_password(SERVICE, account)
    except KeyringError as exc:
        raise ReplicaError(f"the OS keyring could not be read: {exc}") from exc
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ReplicaError(f"the keyring entry for replica {account!r} is not a 256-bit key")
    return key


def create_key(account: str) -> bytes:
    """Generate a new random 256-bit key and store it; refuses to overwrite one."""
    if get_key(account) is not None:
        raise ReplicaError(f"a key for replica {account!r} already exists; refusing to replace it")
    key = secrets.token_bytes(32)
    try:
        check_backend().set_password(SERVICE, account, key.hex())
    except KeyringError as exc:
        raise ReplicaError(f"the OS keyring refused to store the replica key: {exc}") from exc
    return key


def delete_key(account: str) -> None:
    """Forget the key (which makes that replica unreadable for good)."""
    try:
        check_backend().delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        pass
