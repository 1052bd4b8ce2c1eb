"""Server settings: where the database is, token lifetimes, lockout rules.

Settings are a plain frozen value passed to `create_app` and to the CLI
commands, never read from globals, so tests can run several servers with
different settings (and an injectable clock) in one process.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.paths import locations

DATABASE_URL_ENV = "CUSTOS_SERVER_DATABASE_URL"
"""Environment variable read when --database-url is not given (keeps passwords out of `ps`)."""

DATABASE_FILE = "custos-server.db"

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.timezone.utc)


def default_database_url(environ: dict[str, str] | None = None) -> str:
    """$CUSTOS_SERVER_DATABASE_URL, else a SQLite file in the server folder of CUSTOS_HOME."""
    env = os.environ if environ is None else environ
    url = env.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{locations(env).server_dir / DATABASE_FILE}"


@dataclass(frozen=True)
class Settings:
    """Everything a server instance needs to know; immutable once built."""

    database_url: str = field(default_factory=default_database_url)
    access_token_ttl: dt.timedelta = dt.timedelta(minutes=15)
    # Long enough for a device to stay offline over a holiday weekend and
    # still sync without a password; each refresh rotates the token.
    refresh_token_ttl: dt.timedelta = dt.timedelta(days=14)
    # A refresh whose answer the network lost is retried with the same token: accepted
    # once more within this window, from the same device, while its successor is unused.
    refresh_retry_grace: dt.timedelta = dt.timedelta(seconds=60)
    lockout_threshold: int = 5
    lockout_window: dt.timedelta = dt.timedelta(minutes=15)
    lockout_duration: dt.timedelta = dt.timedelta(minutes=15)
    clock: Clock = utc_now
