"""srv_row.field_meta keeps only the server sequence of each field's last write.

It held {field: {"by", "device", "at", "seq"}}, and every change rewrote the
whole object: its JSON was one of the larger costs of applying a push. Who
wrote a field, from which device and when is already in the change log
(srv_change, keyed by that sequence), which is where a conflict now reads it.
The data is rewritten to {field: seq}; the schema does not change.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_PAGE = 5000

srv_row = sa.table("srv_row", sa.column("table_name", sa.String), sa.column("row_id", sa.String),
                   sa.column("field_meta", sa.JSON))


def _compact(meta: dict) -> dict:
    return {name: entry["seq"] if isinstance(entry, dict) else entry
            for name, entry in (meta or {}).items()}


def upgrade() -> None:
    conn = op.get_bind()
    after = ("", "")
    while True:  # keyset pages, so a large server does not hold every row at once
        rows = conn.execute(
            sa.select(srv_row.c.table_name, srv_row.c.row_id, srv_row.c.field_meta)
            .where(sa.tuple_(srv_row.c.table_name, srv_row.c.row_id) > sa.tuple_(*after))
            .order_by(srv_row.c.table_name, srv_row.c.row_id).limit(_PAGE)).all()
        if not rows:
            return
        changed = [{"t": t, "r": r, "m": _compact(m)} for t, r, m in rows
                   if any(isinstance(v, dict) for v in (m or {}).values())]
        if changed:
            conn.execute(srv_row.update()
                         .where(srv_row.c.table_name == sa.bindparam("t"),
                                srv_row.c.row_id == sa.bindparam("r"))
                         .values(field_meta=sa.bindparam("m", type_=sa.JSON)), changed)
        after = (rows[-1][0], rows[-1][1])


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
