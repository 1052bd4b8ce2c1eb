"""Bring the server database up to date with Alembic, or refuse it.

The revision chain lives in sync_server/migrations/versions and is run
programmatically (no alembic.ini). Migrations only add, so a running older
server keeps working while a newer one migrates, and a database written by
a newer server is refused rather than misread.

On PostgreSQL the upgrade holds an advisory lock, so several server
processes starting at once on one database migrate it exactly once.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.core.errors import CustosError

from .engine import describe

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_ADVISORY_LOCK_KEY = 0x637573746F73  # "custos"


class DatabaseError(CustosError):
    """The server database cannot be used: unreachable, too new, not initialised."""


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged server migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision this server knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None if it was never initialised."""
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise DatabaseError(
            f"cannot open the server database at {describe(engine)}: {exc.orig}"
        ) from None


def check_not_newer(engine: Engine) -> str | None:
    """Refuse a database written by a newer server; return its revision."""
    current = current_revision(engine)
    if current is None:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(current)
    except Exception:
        raise DatabaseError(
            f"the database at {describe(engine)} was written by a newer version of "
            f"custos-server (schema revision {current!r}, this server knows up to "
            f"{head_revision()!r}); upgrade custos-server to use it"
        ) from None
    return current


def check_current(engine: Engine) -> str:
    """Refuse a database that is not exactly at this server's head revision."""
    current = check_not_newer(engine)
    if current is None:
        raise DatabaseError(
            f"the database at {describe(engine)} is not initialised; "
            "run `custos-server init` first"
        )
    if current != head_revision():
        raise DatabaseError(
            f"the database at {describe(engine)} is at schema revision {current!r}, older "
            f"than this server's {head_revision()!r}; run `custos-server init` to upgrade it"
        )
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to `revision` (default: the newest)."""
    check_not_newer(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
