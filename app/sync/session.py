"""Signing in: online against the sync server, offline against a local hash.

Online (`login_online`) the server checks the password and returns tokens,
the user's roles and facilities, and the argon2 parameters for offline
sign-in. The refresh and access tokens go to the OS keyring (never into the
replica); the replica records the server, the user's roles and facilities,
and an argon2id hash of the password made with the server's parameters.

Offline (`login_offline`) the password is checked against that hash, so a
user who has signed in online on this device once can work there for days
without a network. The lockout rule is the server's: 5 failed attempts
within 15 minutes lock the username on this device, offline too.
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy import bindparam, delete, func, insert, select, update

from app.core.errors import CustosError, ValidationError
from app.storage import keys
from app.storage.audit import AuditWriter
from app.storage.local_tables import known_user, login_failure
from app.storage.unit_of_work import Actor, utcnow
from app.sync import state
from app.sync.client import AuthRequired, SyncClient, SyncError, normalise_url

TOKEN_SERVICE = "Custos sync session"
LOCKOUT_THRESHOLD = 5
LOCKOUT_WINDOW = dt.timedelta(minutes=15)
# Refresh a little before the access token expires, so a request never races it.
EXPIRY_MARGIN = dt.timedelta(seconds=30)
# Bounds on the server's hashing parameters: a hostile or broken server must
# not make this device spend minutes or gigabytes on one sign-in.
_MAX_TIME_COST = 20
_MAX_MEMORY_KIB = 1024 * 1024



@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against for unknown users, so they take as long to refuse."""
    return PasswordHasher().hash("custos-offline-timing-equaliser")


class LoginRefused(CustosError):
    """Sign-in refused: wrong password, unknown user, or locked out."""


class LoginLocked(LoginRefused):
    """Too many failed sign-ins on this device recently."""


@dataclass(frozen=True)
class Tokens:
    """What the keyring holds for a profile's session (never the replica)."""

    username: str
    server_url: str
    refresh_token: str
    access_token: str | None = None
    access_expires_at: str | None = None  # ISO 8601

    def access_valid(self, now: dt.datetime) -> bool:
        if not self.access_token or not self.access_expires_at:
            return False
        return _parse_time(self.access_expires_at) - EXPIRY_MARGIN > now


def _parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _account(replica) -> str:
    return f"session@{replica.path}"


def load_tokens(replica) -> Tokens | None:
    """The session tokens stored for this replica, or None."""
    try:
        stored = keys.check_backend().get_password(TOKEN_SERVICE, _account(replica))
    except KeyringError as exc:
        raise SyncError(f"the OS keyring could not be read: {exc}") from exc
    if not stored:
        return None
    try:
        return Tokens(**json.loads(stored))
    except (ValueError, TypeError):
        return None


def save_tokens(replica, tokens: Tokens) -> None:
    """Keep the session tokens in the OS keyring (refuses plaintext backends)."""
    try:
        keys.check_backend().set_password(TOKEN_SERVICE, _account(replica),
                                          json.dumps(tokens.__dict__))
    except KeyringError as exc:
        raise SyncError(f"the OS keyring refused to store the session: {exc}") from exc


def forget_tokens(replica) -> None:
    try:
        keys.check_backend().delete_password(TOKEN_SERVICE, _account(replica))
    except PasswordDeleteError:
        pass


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive (the server stores them lower-cased)."""
    name = (username or "").strip().lower()
    if not name:
        raise ValidationError("username", "is required")
    return name


def _normalise_password(password: str) -> str:
    if not password:
        raise ValidationError("password", "is required")
    return unicodedata.normalize("NFKC", password)


def hasher_for(policy: dict[str, Any]) -> PasswordHasher:
    """An argon2id hasher with the server's offline_login parameters (checked)."""
    if policy.get("algorithm") != "argon2id":
        raise SyncError(f"the server asks for offline hashes with {policy.get('algorithm')!r}; "
                        "this Custos supports argon2id only")
    try:
        time_cost, memory = int(policy["time_cost"]), int(policy["memory_cost_kib"])
        parallelism, hash_len = int(policy["parallelism"]), int(policy["hash_len"])
        salt_len = int(policy["salt_len"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError(f"the server's offline_login policy is incomplete ({exc})") from None
    if not (1 <= time_cost <= _MAX_TIME_COST and 8 <= memory <= _MAX_MEMORY_KIB
            and 1 <= parallelism <= 64 and 16 <= hash_len <= 64 and 8 <= salt_len <= 64):
        raise SyncError("the server's offline_login hash parameters are out of bounds")
    return PasswordHasher(time_cost=time_cost, memory_cost=memory, parallelism=parallelism,
                          hash_len=hash_len, salt_len=salt_len, type=Type.ID)


def _actor(username: str, roles, facilities) -> Actor:
    codes = [f["code"] if isinstance(f, dict) else f for f in facilities]
    return Actor(username, codes[0] if codes else "", tuple(roles))


def login_online(replica, *, server: str, username: str, password: str,
                 device_name: str | None = None, client: SyncClient | None = None,
                 now: dt.datetime | None = None) -> Actor:
    """Sign in at the sync server and remember the user on this device.

    Stores the tokens in the OS keyring and, in one replica transaction, the
    server, the user's roles and facilities, the local argon2 hash for
    offline sign-in, and a LOGIN audit entry. Raises ValidationError for bad
    input, AuthRequired/AccountLocked for a refused sign-in, Offline if the
    server cannot be reached.
    """
    server_url = normalise_url(server)
    name = normalise_username(username)
    pw = _normalise_password(password)
    with replica.reader.connect() as conn:
        current = state.read(conn)
    if current.server_url and current.server_url != server_url:
        raise ValidationError(
            "server", f"this profile's replica syncs with {current.server_url}; use another "
            "profile (--profile) for another server")
    own = client or SyncClient(server_url)
    try:
        body = own.post("/auth/login", {
            "username": name, "password": pw, "device_id": replica.device_id,
            "device_name": device_name or f"{socket.gethostname()} ({replica.path.parent.name})",
        }, auth=False)
    finally:
        if client is None:
            own.close()
    try:
        user = body["user"]
        tokens = Tokens(username=user["username"], server_url=server_url,
                        refresh_token=body["refresh_token"], access_token=body["access_token"],
                        access_expires_at=str(body["access_expires_at"]))
        facilities = [{"code": f["code"], "name": f["name"]} for f in user["facilities"]]
        roles = list(user["roles"])
        policy = body["offline_login"]
    except (KeyError, TypeError) as exc:
        raise SyncError(f"the server's answer to the sign-in is incomplete (no {exc})") from None
    local_hash = hasher_for(policy).hash(pw)
    now = now or utcnow()
    # Keyring first: if the replica write then fails, a stored token is harmless.
    save_tokens(replica, tokens)
    values = dict(password_hash=local_hash, roles=roles, facilities=facilities,
                  all_facilities=int(bool(user.get("all_facilities"))), server_url=server_url,
                  online_login_at=now)
    with replica.engine.begin() as conn:
        if conn.execute(update(known_user).where(known_user.c.username == user["username"])
                        .values(**values)).rowcount == 0:
            conn.execute(insert(known_user).values(username=user["username"], **values))
        conn.execute(delete(login_failure).where(login_failure.c.username == user["username"]))
        state.write(conn, now, server_url=server_url, username=user["username"])
        audit = AuditWriter(conn)
        audit.append(at=now, username=user["username"], device_id=replica.device_id,
                     action="LOGIN", detail={"mode": "online", "server": server_url,
                                             "roles": roles})
        audit.flush()
    return _actor(user["username"], roles, facilities)


def login_offline(replica, username: str, password: str,
                  now: dt.datetime | None = None) -> Actor:
    """Sign in without a network: check the password against the local hash.

    Only users who signed in online on this device before can sign in here.
    5 failures within 15 minutes lock the username on this device (LoginLocked)
    until the oldest of them is 15 minutes old. Every attempt is audited.
    """
    name = normalise_username(username)
    pw = _normalise_password(password)
    now = now or utcnow()
    with replica.reader.connect() as conn:
        user = conn.execute(select(known_user).where(known_user.c.username == name)
                            ).mappings().first()
        recent = conn.execute(
            select(login_failure.c.at).where(login_failure.c.username == name,
                                             login_failure.c.at > now - LOCKOUT_WINDOW)
            .order_by(login_failure.c.at.desc())).scalars().all()
    if len(recent) >= LOCKOUT_THRESHOLD:
        until = recent[LOCKOUT_THRESHOLD - 1] + LOCKOUT_WINDOW
        _audit_attempt(replica, name, now, "LOGIN_LOCKED", "REFUSED")
        raise LoginLocked(
            f"{name} is locked out on this device after {LOCKOUT_THRESHOLD} failed sign-ins; "
            f"try again after {until.astimezone(dt.timezone.utc):%H:%M} UTC")
    if user is None:
        _verify(_dummy_hash(), pw)  # same cost as a real check
        ok = False
    else:
        ok = _verify(user["password_hash"], pw)
    if not ok:
        with replica.engine.begin() as conn:
            conn.execute(insert(login_failure).values(username=name, at=now))
            _audit(conn, replica, name, now, "LOGIN_FAILED", "REFUSED", {"mode": "offline"})
        left = LOCKOUT_THRESHOLD - len(recent) - 1
        hint = ("" if user is not None else
                " (offline sign-in works only for users who signed in online on this device)")
        warn = f"; {left} attempt(s) left before lockout" if 0 < left <= 2 else ""
        if left <= 0:
            warn = f"; {name} is now locked out on this device for 15 minutes"
        raise LoginRefused(f"wrong username or password{hint}{warn}")
    with replica.engine.begin() as conn:
        conn.execute(delete(login_failure).where(login_failure.c.username == name))
        _audit(conn, replica, name, now, "LOGIN", "OK", {"mode": "offline"})
    return _actor(name, user["roles"], user["facilities"])


def _verify(password_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _audit(conn, replica, username: str, now: dt.datetime, action: str, outcome: str,
           detail: dict[str, Any]) -> None:
    audit = AuditWriter(conn)
    audit.append(at=now, username=username, device_id=replica.device_id, action=action,
                 detail=detail, outcome=outcome)
    audit.flush()


def _audit_attempt(replica, username: str, now: dt.datetime, action: str, outcome: str) -> None:
    with replica.engine.begin() as conn:
        _audit(conn, replica, username, now, action, outcome, {"mode": "offline"})


# Every sync asks who is signed in (built once).
_KNOWN_USER = select(known_user).where(known_user.c.username == bindparam("name"))


def signed_in_actor(replica) -> Actor:
    """The user who last signed in online with this profile, as an Actor.

    Command-line tools act as that user (the desktop client uses the Actor
    returned by its own sign-in instead).
    """
    with replica.reader.connect() as conn:
        current = state.read(conn)
        if not current.username:
            raise AuthRequired("nobody has signed in on this profile yet; run `custos login`")
        user = conn.execute(_KNOWN_USER, {"name": current.username}).mappings().first()
    if user is None:
        raise AuthRequired(f"{current.username} is not known on this device; run `custos login`")
    return _actor(user["username"], user["roles"], user["facilities"])


def authorise(replica, client: SyncClient, *, force_refresh: bool = False,
              now: dt.datetime | None = None) -> str:
    """Give `client` a valid access token (refreshing it if needed); returns the username.

    A refresh token works once, so the new one is saved to the keyring as soon
    as the server returns it.
    """
    tokens = load_tokens(replica)
    if tokens is None:
        raise AuthRequired("not signed in to a sync server on this profile; run "
                           "`custos login --server URL --user NAME`")
    now = now or utcnow()
    if not force_refresh and tokens.access_valid(now):
        client.access_token = tokens.access_token
        return tokens.username
    body = client.post("/auth/refresh", {"refresh_token": tokens.refresh_token,
                                         "device_id": replica.device_id}, auth=False)
    try:
        fresh = Tokens(username=body["user"]["username"], server_url=tokens.server_url,
                       refresh_token=body["refresh_token"], access_token=body["access_token"],
                       access_expires_at=str(body["access_expires_at"]))
    except (KeyError, TypeError) as exc:
        raise SyncError(f"the server's answer to the token refresh is incomplete (no {exc})"
                        ) from None
    save_tokens(replica, fresh)
    client.access_token = fresh.access_token
    return fresh.username


def logout(replica, client: SyncClient | None = None) -> None:
    """End this device's session on the server (if reachable) and forget the tokens."""
    tokens = load_tokens(replica)
    if tokens is None:
        return
    own = client or SyncClient(tokens.server_url)
    try:
        if tokens.access_token:
            own.access_token = tokens.access_token
            try:
                own.post("/auth/logout", None)
            except SyncError:
                pass  # offline or already expired: forgetting the tokens is what matters here
    finally:
        if client is None:
            own.close()
        forget_tokens(replica)


def failures_in_window(replica, username: str, now: dt.datetime | None = None) -> int:
    """Failed offline sign-ins of `username` within the lockout window."""
    now = now or utcnow()
    with replica.reader.connect() as conn:
        return conn.execute(select(func.count()).select_from(login_failure).where(
            login_failure.c.username == normalise_username(username),
            login_failure.c.at > now - LOCKOUT_WINDOW)).scalar_one()
