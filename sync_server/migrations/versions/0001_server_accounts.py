"""Server accounts, sessions, lockout and the audit chain.

Written from sync_server/storage/tables.py once and frozen here (plain
sa.DateTime stands in for the UTCDateTime decorator, which stores the same
column); later changes are new revisions that only add.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 01:05:51.002030
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('srv_audit',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('target', sa.String(length=255), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('client_ip', sa.String(length=64), nullable=True),
    sa.Column('device_id', sa.String(length=100), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_srv_audit')),
    sa.UniqueConstraint('hash', name=op.f('uq_srv_audit_hash'))
    )
    op.create_table('srv_audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_srv_audit_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_audit_head'))
    )
    op.create_table('srv_facility',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_srv_facility'))
    )
    op.create_table('srv_lockout',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_srv_lockout'))
    )
    op.create_table('srv_login_failure',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('client_ip', sa.String(length=64), nullable=True),
    sa.Column('device_id', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_login_failure'))
    )
    op.create_index('ix_srv_login_failure_username_at', 'srv_login_failure', ['username', 'at'], unique=False)

    op.create_table('srv_user',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_user')),
    sa.UniqueConstraint('username', name=op.f('uq_srv_user_username'))
    )
    op.create_table('srv_session',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=100), nullable=False),
    sa.Column('device_name', sa.String(length=200), nullable=False),
    sa.Column('client_ip', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('access_hash', sa.String(length=64), nullable=True),
    sa.Column('access_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=120), nullable=True),
    sa.Column('revoked_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['srv_user.id'], name=op.f('fk_srv_session_user_id_srv_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_session')),
    sa.UniqueConstraint('access_hash', name=op.f('uq_srv_session_access_hash'))
    )
    op.create_index(op.f('ix_srv_session_device_id'), 'srv_session', ['device_id'], unique=False)
    op.create_index(op.f('ix_srv_session_user_id'), 'srv_session', ['user_id'], unique=False)

    op.create_table('srv_user_facility',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('facility_code', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['facility_code'], ['srv_facility.code'], name=op.f('fk_srv_user_facility_facility_code_srv_facility')),
    sa.ForeignKeyConstraint(['user_id'], ['srv_user.id'], name=op.f('fk_srv_user_facility_user_id_srv_user')),
    sa.PrimaryKeyConstraint('user_id', 'facility_code', name=op.f('pk_srv_user_facility'))
    )
    op.create_table('srv_user_role',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['srv_user.id'], name=op.f('fk_srv_user_role_user_id_srv_user')),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_srv_user_role'))
    )
    op.create_table('srv_refresh_token',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rotated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['srv_session.id'], name=op.f('fk_srv_refresh_token_session_id_srv_session')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_srv_refresh_token'))
    )
    op.create_index(op.f('ix_srv_refresh_token_session_id'), 'srv_refresh_token', ['session_id'], unique=False)
    op.bulk_insert(
        sa.table("srv_audit_head", sa.column("id"), sa.column("seq"), sa.column("hash")),
        [{"id": 1, "seq": 0, "hash": "0" * 64}],
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on the audit log, and deleting its head, in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION srv_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        op.execute(
            "CREATE TRIGGER srv_audit_append_only BEFORE UPDATE OR DELETE ON srv_audit "
            "FOR EACH ROW EXECUTE FUNCTION srv_refuse_change()"
        )
        op.execute(
            "CREATE TRIGGER srv_audit_no_truncate BEFORE TRUNCATE ON srv_audit "
            "FOR EACH STATEMENT EXECUTE FUNCTION srv_refuse_change()"
        )
        op.execute(
            "CREATE TRIGGER srv_audit_head_kept BEFORE DELETE ON srv_audit_head "
            "FOR EACH ROW EXECUTE FUNCTION srv_refuse_change()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER srv_audit_no_{event.lower()} BEFORE {event} ON srv_audit "
                "BEGIN SELECT RAISE(ABORT, 'srv_audit is append-only'); END"
            )
        op.execute(
            "CREATE TRIGGER srv_audit_head_kept BEFORE DELETE ON srv_audit_head "
            "BEGIN SELECT RAISE(ABORT, 'srv_audit_head cannot be deleted'); END"
        )


def downgrade() -> None:
    # Migrations only add: the server database is never migrated down.
    raise RuntimeError("server migrations cannot be reversed")
