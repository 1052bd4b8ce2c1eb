"""Password rules and hashing (OWASP ASVS 5, 6.2; NIST SP 800-63B).

Rules: at least 8 characters, at most 1024, not one of the common passwords
in resources/security/common_passwords.txt, and not the username. No
composition rules (no "must contain a digit"): they push people towards
predictable passwords without making them stronger.

Passwords are NFKC-normalised before hashing, so the same password typed on
differently configured keyboards gives the same hash, here and on the
client's offline check. Hashes are argon2id with argon2-cffi's default
parameters (RFC 9106 low-memory profile); the parameters travel in the
login response so the client can hash for offline sign-in the same way.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.core.errors import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 1024
FIELD = "password"

_HASHER = PasswordHasher()
# Verified against when the username does not exist, so a wrong username
# takes as long to refuse as a wrong password.
_DUMMY_HASH = _HASHER.hash("custos-timing-equaliser")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased."""
    text = resources.files("resources.security").joinpath("common_passwords.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def normalise(password: str) -> str:
    """The form of a password that is checked and hashed (Unicode NFKC)."""
    return unicodedata.normalize("NFKC", password)


def check_policy(password: str, *, username: str | None = None) -> None:
    """Raise ValidationError('password', reason) if the password may not be used."""
    pw = normalise(password)
    if len(pw) < MIN_LENGTH:
        raise ValidationError(FIELD, f"must be at least {MIN_LENGTH} characters long")
    if len(pw) > MAX_LENGTH:
        raise ValidationError(FIELD, f"must be at most {MAX_LENGTH} characters long")
    if pw.lower() in common_passwords():
        raise ValidationError(FIELD, "is one of the most commonly used passwords; choose another")
    if username and pw.lower() == username.lower():
        raise ValidationError(FIELD, "must not be the same as the username")


def hash_password(password: str) -> str:
    """An argon2id hash of the (normalised) password."""
    return _HASHER.hash(normalise(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches the hash; with no hash, spend the same time and say no."""
    try:
        if password_hash is None:
            _HASHER.verify(_DUMMY_HASH, normalise(password) + "\0")
            return False
        return _HASHER.verify(password_hash, normalise(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with parameters other than today's."""
    return _HASHER.check_needs_rehash(password_hash)


def hash_policy() -> dict:
    """The hashing parameters, for the client to hash the same way for offline sign-in."""
    return {
        "algorithm": "argon2id",
        "time_cost": _HASHER.time_cost,
        "memory_cost_kib": _HASHER.memory_cost,
        "parallelism": _HASHER.parallelism,
        "hash_len": _HASHER.hash_len,
        "salt_len": _HASHER.salt_len,
        "normalisation": "NFKC",
        "min_length": MIN_LENGTH,
    }
