"""Migration 0003 creates exactly the sync tables that app.storage.local_tables declares."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.storage.local_tables import local_metadata

SYNC_TABLES = {"sync_state", "rejected_change", "known_user", "login_failure", "sync_conflict"}


def test_migration_matches_the_declared_sync_tables(replica):
    with replica.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(ctx, local_metadata)

    def about_sync(diff) -> bool:
        items = diff if isinstance(diff, list) else [diff]
        for item in items:
            for part in item[1:]:
                name = getattr(part, "name", None) or getattr(getattr(part, "table", None), "name", None)
                if name in SYNC_TABLES or part in SYNC_TABLES:
                    return True
        return False

    assert [d for d in diffs if about_sync(d)] == []
    with replica.reader.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert SYNC_TABLES <= names
