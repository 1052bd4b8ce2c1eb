"""The server's own tables (accounts, sessions, lockout, audit).

They live on `server_metadata`, apart from the replicated schema
(app.core.schema.metadata), and every name starts with `srv_` so the two can
share one database without clashing (the replicated schema has its own
`facility` table, for example). The migrations in sync_server/migrations
target both metadatas.

Times are stored as timezone-aware UTC (see UTCDateTime). Tokens are never
stored, only their SHA-256 hashes.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# One timestamp type for client and server: timezone-aware UTC, naive refused.
from app.core.schema import UTCDateTime  # noqa: E402 (migration 0002 names it from here too)

server_metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

USERNAME_MAX = 64
DEVICE_ID_MAX = 100
HASH_LEN = 64  # hex SHA-256


facility = Table(
    "srv_facility",
    server_metadata,
    Column("code", String(40), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
)

user = Table(
    "srv_user",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(USERNAME_MAX), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
    Column("password_changed_at", UTCDateTime, nullable=False),
)

user_role = Table(
    "srv_user_role",
    server_metadata,
    Column("user_id", Integer, ForeignKey("srv_user.id"), primary_key=True),
    Column("role", String(40), primary_key=True),
)

user_facility = Table(
    "srv_user_facility",
    server_metadata,
    Column("user_id", Integer, ForeignKey("srv_user.id"), primary_key=True),
    Column("facility_code", String(40), ForeignKey("srv_facility.code"), primary_key=True),
)

# One row per signed-in (user, device). The current access token's hash sits
# on the row, so revoking the session kills the access token at once.
session = Table(
    "srv_session",
    server_metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", Integer, ForeignKey("srv_user.id"), nullable=False, index=True),
    Column("device_id", String(DEVICE_ID_MAX), nullable=False, index=True),
    Column("device_name", String(200), nullable=False),
    Column("client_ip", String(64)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime, nullable=False),
    Column("access_hash", String(HASH_LEN), unique=True),
    Column("access_expires_at", UTCDateTime),
    Column("access_used_at", UTCDateTime),  # first use of the current access token (rev. 0002)
    Column("revoked_at", UTCDateTime),
    Column("revoked_by", String(120)),
    Column("revoked_reason", String(200)),
)

# Every refresh token a session was ever given; `rotated_at` is set when it
# is exchanged, and presenting a rotated token again revokes the session.
refresh_token = Table(
    "srv_refresh_token",
    server_metadata,
    Column("token_hash", String(HASH_LEN), primary_key=True),
    Column("session_id", String(36), ForeignKey("srv_session.id"), nullable=False, index=True),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("rotated_at", UTCDateTime),
)

# Failed sign-ins by username (known or not, so lockout does not reveal
# which accounts exist). Kept in the database so every server process
# sharing it counts the same failures.
login_failure = Table(
    "srv_login_failure",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(USERNAME_MAX), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("client_ip", String(64)),
    Column("device_id", String(DEVICE_ID_MAX)),
    Index("ix_srv_login_failure_username_at", "username", "at"),
)

lockout = Table(
    "srv_lockout",
    server_metadata,
    Column("username", String(USERNAME_MAX), primary_key=True),
    Column("locked_at", UTCDateTime, nullable=False),
    Column("locked_until", UTCDateTime, nullable=False),
)

# Append-only, hash-chained: hash = SHA-256(prev_hash || canonical row).
# Triggers created by the migration refuse UPDATE and DELETE.
audit = Table(
    "srv_audit",
    server_metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),  # ISO 8601 UTC, exactly as hashed
    Column("actor", String(120), nullable=False),
    Column("action", String(60), nullable=False),
    Column("target", String(255)),
    Column("outcome", String(20), nullable=False),
    Column("source", String(10), nullable=False),  # api / cli
    Column("client_ip", String(64)),
    Column("device_id", String(DEVICE_ID_MAX)),
    Column("details", Text, nullable=False),  # canonical JSON, exactly as hashed
    Column("prev_hash", String(HASH_LEN), nullable=False),
    Column("hash", String(HASH_LEN), nullable=False, unique=True),
)

# One row: the chain head. Appenders update it first, which serialises them
# (a row lock on PostgreSQL, the write lock on SQLite) so the chain never forks
# even with several server processes on one database.
audit_head = Table(
    "srv_audit_head",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(HASH_LEN), nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

GENESIS_HASH = "0" * HASH_LEN
