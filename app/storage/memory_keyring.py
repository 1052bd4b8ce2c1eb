"""A keyring backend that keeps secrets in process memory only.

Used by the tests (never the user's own keyring) and by throw-away demo
sessions. Nothing is written anywhere, so a replica created with it cannot be
reopened by another process.
"""
from __future__ import annotations

import keyring.backend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets in a dict, gone when the process ends."""

    priority = 0.1  # never chosen automatically

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self._secrets[(service, username)]
        except KeyError:
            raise PasswordDeleteError(username) from None
