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


def test_field_writers_already_stored_are_rewritten_to_their_sequences(tmp_path):
    """Revision 0005: srv_row.field_meta from {field: {by, device, at, seq}} to
    {field: seq}; a conflict then finds who wrote the field in the change log."""
    import json

    from sqlalchemy import text

    from sync_server.storage import migrate
    from sync_server.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}", create_dirs=True)
    try:
        migrate.upgrade(engine, "0004")
        old = {"first_name": {"by": "officer1", "device": "d1", "at": "2026-01-01T00:00:00+00:00",
                              "seq": 7}, "*": {"by": "demo", "device": None, "at": "x", "seq": 2}}
        with engine.begin() as conn:
            for i in range(3):
                conn.execute(text("INSERT INTO srv_row (table_name, row_id, server_seq, facility,"
                                  " field_meta) VALUES ('person', :r, :s, 'MDI', :m)"),
                             {"r": f"row-{i}", "s": 10 + i, "m": json.dumps(old)})
        migrate.upgrade(engine)
        with engine.connect() as conn:
            metas = conn.execute(text("SELECT field_meta FROM srv_row ORDER BY row_id")
                                 ).scalars().all()
        assert [json.loads(m) for m in metas] == [{"first_name": 7, "*": 2}] * 3
    finally:
        engine.dispose()
