"""Bring a replica's schema up to date with Alembic, or refuse one too new.

The revision chain lives in app/storage/migrations/versions. Migrations only
add (tables, columns, indexes), so an older Custos can still read what a
migration leaves, and sync never has to translate rows between versions.

Opening an up-to-date replica is the common case and sits on the desktop's
start-up path, so it is answered without importing Alembic (a quarter of a
second): the head revision is read from the revision files' own
`revision` / `down_revision` lines, and the replica's from alembic_version.
Alembic is loaded only when there is something to migrate.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text

from app.core.errors import ReplicaError

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)


def alembic_config():
    """Alembic configuration pointing at the packaged replica migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def _chain() -> dict[str, str | None]:
    """revision -> down_revision, read from the revision files without Alembic."""
    chain: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            chain[found["revision"]] = None if down in (None, "None") else down
    return chain


def known_revisions() -> set[str]:
    """Every revision this version of Custos knows."""
    return set(_chain())


def head_revision() -> str:
    """The newest revision this version of Custos knows."""
    chain = _chain()
    heads = set(chain) - {down for down in chain.values() if down}
    if len(heads) != 1:
        raise ReplicaError(f"replica migrations have {len(heads)} heads; expected one")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision the replica is at, or None for an empty file."""
    with engine.connect() as conn:
        exists = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        )).first()
        if not exists:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_not_newer(engine: Engine) -> None:
    """Refuse a replica written by a newer Custos, before touching it."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise ReplicaError(
            f"this replica was written by a newer version of Custos (schema revision "
            f"{current}); install the newer Custos to open it"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the replica up to `revision` (default: the newest)."""
    check_not_newer(engine)
    if revision == "head" and current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
