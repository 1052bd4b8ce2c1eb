"""Bring a replica's schema up to date with Alembic, or refuse one too new.

The revision chain lives in app/storage/migrations/versions. Migrations only
add (tables, columns, indexes), so an older Custos can still read what a
migration leaves, and sync never has to translate rows between versions.
"""
from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic import command
from sqlalchemy import Engine

from app.core.errors import ReplicaError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged replica migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision this version of Custos knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the replica is at, or None for an empty file."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    """Refuse a replica written by a newer Custos, before touching it."""
    current = current_revision(engine)
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(current)
    except Exception:
        raise ReplicaError(
            f"this replica was written by a newer version of Custos (schema revision "
            f"{current}); install the newer Custos to open it"
        ) from None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the replica up to `revision` (default: the newest)."""
    check_not_newer(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
