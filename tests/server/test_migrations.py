"""A server database built by the migrations has exactly the live schema.

Revision 0002 writes the replicated and sync tables out as they stood, so a
later change to app.core.schema or the sync tables needs a new revision; this
test fails until it has one, on SQLite and on PostgreSQL alike.
"""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.schema import REPLICATED_TABLES, metadata as replicated_metadata
from sync_server.storage import sync_tables  # noqa: F401  (registers the sync tables)
from sync_server.storage.tables import server_metadata


def _relevant(diff) -> bool:
    # Only differences in what exists (tables, columns, indexes, constraints) count;
    # type spellings differ between dialects (e.g. TIMESTAMP vs DateTime).
    kind = diff[0][0] if isinstance(diff, list) else diff[0]
    return kind not in ("modify_type", "modify_default", "modify_comment")


def _held_by_server(obj, name, type_, reflected, compare_to) -> bool:
    """Compare every table the server holds; reference-code tables are the client's."""
    if type_ != "table":
        return True
    return name != "alembic_version" and (name in REPLICATED_TABLES
                                          or name in server_metadata.tables)


def test_migrated_database_matches_the_live_definitions(database):
    _url, engine = database
    target = [server_metadata, replicated_metadata]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _held_by_server})
        diffs = [d for d in compare_metadata(ctx, target) if _relevant(d)]
    assert diffs == [], f"schema and migrations disagree: {diffs[:5]}"
