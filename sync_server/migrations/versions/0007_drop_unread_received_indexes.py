"""srv_received's two secondary indexes are dropped: ix_srv_received_op_id and
ix_srv_received_outcome. No query reads srv_received but by its key (device,
device_seq), to answer a replay, and every pushed change paid both index inserts
(a 36-character random op_id among millions). An administrator's report that
needs one can add it back.

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_srv_received_op_id", table_name="srv_received")
    op.drop_index("ix_srv_received_outcome", table_name="srv_received")


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
