"""Sign-in, token refresh, sign-out and access-token checks.

Tokens are random (256 bits) and opaque; the database keeps only their
SHA-256 hashes. Every request already looks its session up, to honour a
revocation at once, so a signed (self-contained) access token would add a
secret to guard and rotate without saving that lookup.

A session is one user on one device. It holds the current access token
(15 minutes by default) and has a chain of refresh tokens: each refresh
exchanges the presented token for a new pair. Presenting a token that was
already exchanged means two parties hold it, one of them a thief, so the
whole session is revoked and the device must sign in again. One exception:
a device whose answer to a refresh was lost retries with the token it still
holds; within `Settings.refresh_retry_grace` (60 s), while the token that
replaced it was never exchanged, the retry gets a fresh pair and that unused
replacement is retired, so a dropped packet does not sign the device out.

Lockout: 5 failures for a username within 15 minutes lock it for 15
minutes. Failures are counted per username whether or not it exists, and
unknown usernames cost the same hashing time, so neither the answer nor
its timing tells which accounts exist. Counts and locks live in the
database, so every server process on it sees them.

Functions that refuse return a `Refusal` instead of raising, after writing
their audit entry and counters: the caller commits those, then reports.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from app.core import roles as role_rules
from app.core.errors import NotFound

from ..settings import Settings
from ..storage.pipelines import Pipeline
from ..storage.tables import (
    USERNAME_MAX,
    facility,
    lockout,
    login_failure,
    refresh_token,
    session,
    user,
)
from . import accounts, audit, passwords

ACCESS_PREFIX = "cat_"
REFRESH_PREFIX = "crt_"


def new_token(prefix: str) -> str:
    """A fresh random token; the prefix tells access and refresh tokens apart in logs."""
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The stored form of a token (SHA-256 hex; tokens are random, so no salt is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Tokens:
    """What a successful sign-in or refresh hands the client."""

    access_token: str
    access_expires_at: dt.datetime
    refresh_token: str
    refresh_expires_at: dt.datetime
    session_id: str
    profile: accounts.UserProfile


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in or refresh was refused: a stable code, a message, maybe a time."""

    code: str
    message: str
    locked_until: dt.datetime | None = None


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of an API request."""

    profile: accounts.UserProfile
    session_id: str
    device_id: str
    first_use: bool = False  # the first request with this access token


    @property
    def username(self) -> str:
        return self.profile.username

    def has_role(self, *roles: str) -> bool:
        """Whether the caller holds any of `roles`."""
        return any(r in self.profile.roles for r in roles)

    def can_access_facility(self, code: str) -> bool:
        """Whether the caller may see records of facility `code`."""
        return self.profile.all_facilities or code in self.profile.facility_codes

    def may_read(self, data_class: str) -> bool:
        """Whether the caller's roles allow reading data of `data_class`."""
        return role_rules.may_read(self.profile.roles, data_class)


INVALID_CREDENTIALS = Refusal("invalid_credentials", "wrong username or password")


def _lock_username(conn: Connection, name: str) -> None:
    """Serialise sign-ins for one username across processes (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already serialises every writer)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:u, 0))"), {"u": name})


def _upsert_lockout(conn: Connection, name: str, now: dt.datetime, until: dt.datetime) -> None:
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(lockout).values(username=name, locked_at=now, locked_until=until)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[lockout.c.username], set_={"locked_at": now, "locked_until": until}
    ))


def login(conn: Connection, *, settings: Settings, username: str, password: str,
          device_id: str, device_name: str, origin: audit.Origin) -> Tokens | Refusal:
    """Check the password and open a session for (user, device), or refuse."""
    now = settings.clock()
    name = accounts.normalise_username(username.strip())[:USERNAME_MAX]
    _lock_username(conn, name)

    lock = conn.execute(select(lockout).where(lockout.c.username == name)).first()
    if lock is not None and lock.locked_until > now:
        audit.append(conn, at=now, actor=name, action="login", outcome="refused",
                     origin=origin, target=f"user:{name}", details={"reason": "locked"})
        return Refusal("account_locked", "too many failed sign-ins; try again after "
                       f"{lock.locked_until:%H:%M} UTC", lock.locked_until)

    row = conn.execute(select(user).where(user.c.username == name)).first()
    ok = passwords.verify_password(row.password_hash if row else None, password)
    if not ok or not row.active:
        reason = "unknown user" if row is None else ("wrong password" if not ok else "inactive")
        return _failed(conn, settings=settings, name=name, now=now, origin=origin,
                       reason=reason, since=lock.locked_until if lock else None)

    conn.execute(delete(login_failure).where(login_failure.c.username == name))
    conn.execute(delete(lockout).where(lockout.c.username == name))
    if passwords.needs_rehash(row.password_hash):
        conn.execute(update(user).where(user.c.id == row.id)
                     .values(password_hash=passwords.hash_password(password)))
    # One session per user and device: signing in again replaces the old one.
    conn.execute(update(session)
                 .where(session.c.user_id == row.id, session.c.device_id == device_id,
                        session.c.revoked_at.is_(None))
                 .values(revoked_at=now, revoked_by=name, revoked_reason="signed in again"))
    session_id = str(uuid.uuid4())
    conn.execute(session.insert().values(
        id=session_id, user_id=row.id, device_id=device_id, device_name=device_name,
        client_ip=origin.client_ip, created_at=now, last_used_at=now,
    ))
    tokens = _issue(conn, settings=settings, session_id=session_id, user_id=row.id, now=now)
    audit.append(conn, at=now, actor=name, action="login", outcome="success", origin=origin,
                 target=f"user:{name}", details={"session": session_id,
                                                 "device_name": device_name})
    return tokens


def _failed(conn: Connection, *, settings: Settings, name: str, now: dt.datetime,
            origin: audit.Origin, reason: str, since: dt.datetime | None) -> Refusal:
    """Count a failure, lock the username at the threshold, audit both."""
    conn.execute(login_failure.insert().values(username=name, at=now, client_ip=origin.client_ip,
                                               device_id=origin.device_id))
    window_start = now - settings.lockout_window
    if since is not None and since > window_start:  # failures before the last lock are spent
        window_start = since
    failures = conn.execute(
        select(func.count()).select_from(login_failure)
        .where(login_failure.c.username == name, login_failure.c.at > window_start)
    ).scalar_one()
    audit.append(conn, at=now, actor=name, action="login", outcome="failure", origin=origin,
                 target=f"user:{name}", details={"reason": reason, "failures": failures})
    if failures >= settings.lockout_threshold:
        until = now + settings.lockout_duration
        _upsert_lockout(conn, name, now, until)
        audit.append(conn, at=now, actor=name, action="lockout", outcome="locked", origin=origin,
                     target=f"user:{name}",
                     details={"failures": failures, "locked_until": audit.canonical_time(until)})
    return INVALID_CREDENTIALS


def _issue(conn: Connection, *, settings: Settings, session_id: str, user_id: int,
           now: dt.datetime) -> Tokens:
    """Give the session a new access token and a new refresh token."""
    access = new_token(ACCESS_PREFIX)
    refresh = new_token(REFRESH_PREFIX)
    access_exp = now + settings.access_token_ttl
    refresh_exp = now + settings.refresh_token_ttl
    conn.execute(update(session).where(session.c.id == session_id).values(
        access_hash=token_hash(access), access_expires_at=access_exp, last_used_at=now,
        access_used_at=None))
    conn.execute(refresh_token.insert().values(token_hash=token_hash(refresh),
                                               session_id=session_id, issued_at=now,
                                               expires_at=refresh_exp))
    return Tokens(access, access_exp, refresh, refresh_exp, session_id,
                  accounts.load_profile(conn, user_id))


def revoke_session(conn: Connection, *, session_id: str, now: dt.datetime, by: str,
                   reason: str) -> None:
    """End a session: its access and refresh tokens stop working at once."""
    conn.execute(update(session).where(session.c.id == session_id, session.c.revoked_at.is_(None))
                 .values(revoked_at=now, revoked_by=by, revoked_reason=reason,
                         access_hash=None))


def refresh(conn: Connection, *, settings: Settings, refresh_token_value: str, device_id: str,
            origin: audit.Origin) -> Tokens | Refusal:
    """Exchange a refresh token for a new pair; detect reuse and revoke the session."""
    now = settings.clock()
    row = conn.execute(
        select(refresh_token, session.c.user_id, session.c.device_id.label("session_device"),
               session.c.revoked_at, user.c.username, user.c.active)
        .join(session, session.c.id == refresh_token.c.session_id)
        .join(user, user.c.id == session.c.user_id)
        .where(refresh_token.c.token_hash == token_hash(refresh_token_value))
    ).first()
    if row is None:
        audit.append(conn, at=now, actor="unknown", action="refresh", outcome="failure",
                     origin=origin, details={"reason": "unknown token"})
        return Refusal("invalid_token", "the refresh token is not valid; sign in again")

    def refuse(code: str, message: str, reason: str, revoke: bool) -> Refusal:
        if revoke:
            revoke_session(conn, session_id=row.session_id, now=now, by="server", reason=reason)
        audit.append(conn, at=now, actor=row.username, action="refresh",
                     outcome="revoked" if revoke else "failure", origin=origin,
                     target=f"session:{row.session_id}", details={"reason": reason})
        return Refusal(code, message)

    if row.revoked_at is not None:
        return refuse("session_revoked", "this device's session was ended; sign in again",
                      "session revoked", revoke=False)
    if row.session_device != device_id:
        return refuse("invalid_token", "the refresh token belongs to another device; "
                      "sign in again", "token presented by another device", revoke=True)
    if row.rotated_at is not None:
        successor = _unused_successor(conn, row, now, settings)
        if successor is not None:
            # The answer to the last refresh was lost on the way (the device retries with
            # the token it still holds): replace the unused successor instead of treating
            # the retry as theft.
            conn.execute(delete(refresh_token).where(refresh_token.c.token_hash == successor))
            audit.append(conn, at=now, actor=row.username, action="refresh",
                         outcome="retried", origin=origin, target=f"session:{row.session_id}",
                         details={"reason": "answer to the previous refresh lost"})
            return _issue(conn, settings=settings, session_id=row.session_id,
                          user_id=row.user_id, now=now)
        return refuse("token_reused", "this refresh token was already used, so the session "
                      "was ended for safety; sign in again", "refresh token reused", revoke=True)
    if row.expires_at <= now:
        return refuse("token_expired", "the refresh token has expired; sign in again",
                      "refresh token expired", revoke=False)
    if not row.active:
        return refuse("invalid_token", "the account is disabled", "account disabled",
                      revoke=True)
    # Rotate atomically: of two concurrent refreshes with one token, only one wins.
    won = conn.execute(update(refresh_token)
                       .where(refresh_token.c.token_hash == row.token_hash,
                              refresh_token.c.rotated_at.is_(None))
                       .values(rotated_at=now)).rowcount
    if won != 1:
        return refuse("token_reused", "this refresh token was already used, so the session "
                      "was ended for safety; sign in again", "refresh token reused", revoke=True)
    conn.execute(update(session).where(session.c.id == row.session_id)
                 .values(client_ip=origin.client_ip))
    return _issue(conn, settings=settings, session_id=row.session_id, user_id=row.user_id,
                  now=now)


def _unused_successor(conn: Connection, row, now: dt.datetime,
                      settings: Settings) -> str | None:
    """The hash of the token that replaced `row`, if the replacement happened within the
    retry grace and neither it nor its access token was used since; else None (theft)."""
    if now - row.rotated_at > settings.refresh_retry_grace:
        return None
    newest = conn.execute(
        select(refresh_token.c.token_hash, refresh_token.c.issued_at, refresh_token.c.rotated_at)
        .where(refresh_token.c.session_id == row.session_id)
        .order_by(refresh_token.c.issued_at.desc()).limit(1)).first()
    if newest is None or newest.rotated_at is not None or newest.issued_at != row.rotated_at:
        return None
    used = conn.execute(select(session.c.access_used_at)
                        .where(session.c.id == row.session_id)).scalar()
    if used is not None:
        return None  # the new access token was used: the device did get the answer
    return newest.token_hash


_GRANTS = accounts.GRANTS
_BY_ACCESS_TOKEN = (  # built once: every request runs it
    # The session, its user and the user's grants (a row each): one round trip, where
    # the session and the profile were two of a request's few.
    select(session.c.id, session.c.user_id, session.c.device_id, session.c.revoked_at,
           session.c.access_expires_at, session.c.access_used_at, user.c.active,
           user.c.username, _GRANTS.c.kind, _GRANTS.c.code, facility.c.name)
    .select_from(accounts.with_facility_names(
        session.join(user, user.c.id == session.c.user_id)
        .outerjoin(_GRANTS, _GRANTS.c.user_id == user.c.id)))
    .where(session.c.access_hash == bindparam("access_hash")))


def authenticate(conn: Connection, *, access_token: str, now: dt.datetime) -> Principal | Refusal:
    """The caller behind an access token, or why the token is not accepted."""
    rows = conn.execute(_BY_ACCESS_TOKEN, {"access_hash": token_hash(access_token)})
    return _caller(rows.mappings().all(), now)


def authenticate_in(pipe: Pipeline, *, access_token: str, now: dt.datetime
                    ) -> Callable[[], Principal | Refusal]:
    """`authenticate` sent in a pipeline with a request's first reads: the function
    returned gives its answer once the pipeline has ended (a round trip fewer)."""
    rows = pipe.mappings(_BY_ACCESS_TOKEN, {"access_hash": token_hash(access_token)})
    return lambda: _caller(rows(), now)


def _caller(rows: Sequence[Mapping[str, Any]], now: dt.datetime) -> Principal | Refusal:
    row = rows[0] if rows else None
    if row is None or row["revoked_at"] is not None or not row["active"]:
        return Refusal("invalid_token", "the access token is not valid; sign in again")
    if row["access_expires_at"] <= now:
        return Refusal("token_expired", "the access token has expired; refresh it")
    profile = accounts.profile_of(row["user_id"], row["username"], row["active"],
                                  [(r["kind"], r["code"], r["name"]) for r in rows])
    return Principal(profile, row["id"], row["device_id"],
                     first_use=row["access_used_at"] is None)


def mark_access_used(conn: Connection, *, session_id: str, now: dt.datetime) -> None:
    """Note the first use of a session's access token: from then on, presenting the
    refresh token it replaced is theft, not a retry (see `refresh`)."""
    conn.execute(update(session).where(session.c.id == session_id,
                                       session.c.access_used_at.is_(None))
                 .values(access_used_at=now))


def logout(conn: Connection, *, principal: Principal, now: dt.datetime,
           origin: audit.Origin) -> None:
    """End the caller's session on this device."""
    revoke_session(conn, session_id=principal.session_id, now=now, by=principal.username,
                   reason="signed out")
    audit.append(conn, at=now, actor=principal.username, action="logout", outcome="success",
                 origin=origin, target=f"session:{principal.session_id}")


@dataclass(frozen=True)
class DeviceSession:
    session_id: str
    device_id: str
    device_name: str
    username: str
    client_ip: str | None
    created_at: dt.datetime
    last_used_at: dt.datetime
    revoked_at: dt.datetime | None
    revoked_reason: str | None


def list_sessions(conn: Connection, *, device_id: str | None = None,
                  active_only: bool = False) -> list[DeviceSession]:
    """Sessions, newest first, optionally of one device or only those still active."""
    stmt = (select(session, user.c.username).join(user, user.c.id == session.c.user_id)
            .order_by(session.c.last_used_at.desc(), session.c.id))
    if device_id is not None:
        stmt = stmt.where(session.c.device_id == device_id)
    if active_only:
        stmt = stmt.where(session.c.revoked_at.is_(None))
    return [DeviceSession(r.id, r.device_id, r.device_name, r.username, r.client_ip,
                          r.created_at, r.last_used_at, r.revoked_at, r.revoked_reason)
            for r in conn.execute(stmt)]


def revoke_device(conn: Connection, *, device_id: str, now: dt.datetime, actor: str,
                  origin: audit.Origin, reason: str = "device revoked") -> int:
    """End every active session on a device; return how many were ended.

    Raises NotFound if no session was ever opened from that device, so a
    mistyped id is reported rather than silently "revoked".
    """
    known = conn.execute(select(func.count()).select_from(session)
                         .where(session.c.device_id == device_id)).scalar_one()
    if not known:
        raise NotFound("device", device_id)
    ended = conn.execute(
        update(session).where(and_(session.c.device_id == device_id,
                                   session.c.revoked_at.is_(None)))
        .values(revoked_at=now, revoked_by=actor, revoked_reason=reason, access_hash=None)
    ).rowcount
    audit.append(conn, at=now, actor=actor, action="device_revoked", outcome="success",
                 origin=origin, target=f"device:{device_id}",
                 details={"sessions_ended": ended, "reason": reason})
    return ended
