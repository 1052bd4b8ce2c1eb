"""Helpers for tests (import as `from tests.support import ...`)."""
from __future__ import annotations

from sqlalchemy import func, select


def table_count(replica, table, *where) -> int:
    """Rows in `table` of the replica, optionally filtered."""
    with replica.reader.connect() as conn:
        stmt = select(func.count()).select_from(table)
        for w in where:
            stmt = stmt.where(w)
        return conn.execute(stmt).scalar_one()


def outbox_and_audit(replica) -> tuple[int, int]:
    """How many outbox and audit entries the replica holds."""
    from app.storage.local_tables import audit_log, outbox

    return table_count(replica, outbox), table_count(replica, audit_log)
