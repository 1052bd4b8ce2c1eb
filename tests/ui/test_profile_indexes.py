"""Migration 0005 builds exactly the indexes the table definitions declare,
and the queries they are for use them."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.schema import metadata as replicated_metadata
from app.storage import migrate
from app.storage.local_tables import local_metadata

INDEXES = {"ix_audit_log_row_id", "ix_person_list_order"}


def _about_our_indexes(diff) -> bool:
    items = diff if isinstance(diff, list) else [diff]
    return any(getattr(part, "name", None) in INDEXES for item in items for part in item[1:])


def test_migration_0005_matches_the_declared_indexes(replica):
    with replica.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(ctx, [local_metadata, replicated_metadata])
        assert [d for d in diffs if _about_our_indexes(d)] == []
        sql = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'").all())
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == migrate.head_revision()
    assert "WHERE voided_at IS NULL AND merged_into_id IS NULL" in sql["ix_person_list_order"]


def test_the_list_and_the_history_read_through_their_indexes(replica):
    from sqlalchemy import select

    from app.domain.profile import people_ids
    from app.storage.local_tables import audit_log

    with replica.reader.connect() as conn:
        people_ids(conn, 10)  # the query runs
        plan = " ".join(r[-1] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM person WHERE voided_at IS NULL AND "
            "merged_into_id IS NULL ORDER BY last_name, first_name, id LIMIT 10"))
        assert "ix_person_list_order" in plan and "TEMP B-TREE" not in plan
        stmt = select(audit_log.c.seq).where(audit_log.c.row_id == "x")
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        plan = " ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
        assert "ix_audit_log_row_id" in plan
