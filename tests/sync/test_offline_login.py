"""Offline sign-in against the local argon2 hash, with the lockout rule."""
from __future__ import annotations

import datetime as dt

import pytest

from app.storage.local_tables import known_user
from app.storage.unit_of_work import utcnow
from app.sync import session
from tests.sync.helpers import audit_actions

# The server's offline_login policy, with cheap parameters so the test is fast.
POLICY = {"algorithm": "argon2id", "time_cost": 1, "memory_cost_kib": 1024, "parallelism": 1,
          "hash_len": 32, "salt_len": 16, "normalisation": "NFKC", "min_length": 8}
PASSWORD = "correct horse battery"


@pytest.fixture
def known(replica):
    """A user who signed in online on this device before (as login_online stores them)."""
    with replica.engine.begin() as conn:
        conn.execute(known_user.insert().values(
            username="maria", password_hash=session.hasher_for(POLICY).hash(PASSWORD),
            roles=["officer"], facilities=[{"code": "MDI", "name": "Moor Dale"}],
            all_facilities=0, server_url="http://127.0.0.1:1", online_login_at=utcnow()))
    return replica


def test_offline_sign_in_with_the_right_password(known):
    actor = session.login_offline(known, "Maria", PASSWORD)
    assert (actor.username, actor.facility, actor.roles) == ("maria", "MDI", ("officer",))
    assert audit_actions(known)[-1] == "LOGIN"


def test_offline_sign_in_normalises_the_password_like_the_server(known):
    # NFKC: a full-width space or letter typed on another keyboard layout is the same password.
    assert session.login_offline(known, "maria", "correct\u3000horse battery").username == "maria"


def test_wrong_password_and_unknown_user_are_refused(known):
    with pytest.raises(session.LoginRefused, match="wrong username or password"):
        session.login_offline(known, "maria", "wrong password")
    with pytest.raises(session.LoginRefused, match="signed in online on this device"):
        session.login_offline(known, "nobody", PASSWORD)
    assert audit_actions(known)[-2:] == ["LOGIN_FAILED", "LOGIN_FAILED"]


def test_five_failures_in_fifteen_minutes_lock_the_user_offline(known):
    start = utcnow()
    for i in range(5):
        with pytest.raises(session.LoginRefused):
            session.login_offline(known, "maria", f"wrong {i}", now=start + dt.timedelta(minutes=i))
    # Locked: even the right password is refused now.
    with pytest.raises(session.LoginLocked, match="locked out"):
        session.login_offline(known, "maria", PASSWORD, now=start + dt.timedelta(minutes=5))
    # 15 minutes after the first failure only four remain in the window: unlocked.
    actor = session.login_offline(known, "maria", PASSWORD, now=start + dt.timedelta(minutes=15, seconds=1))
    assert actor.username == "maria"
    assert session.failures_in_window(known, "maria", start + dt.timedelta(minutes=16)) == 0


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(known):
    start = utcnow()
    for i in range(6):
        with pytest.raises(session.LoginRefused) as err:
            session.login_offline(known, "maria", "nope", now=start + dt.timedelta(minutes=4 * i))
        assert not isinstance(err.value, session.LoginLocked)


def test_missing_input_names_the_field(known):
    from app.core.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        session.login_offline(known, "  ", PASSWORD)
    assert err.value.field == "username"
    with pytest.raises(ValidationError) as err:
        session.login_offline(known, "maria", "")
    assert err.value.field == "password"


def test_a_hostile_hash_policy_is_refused():
    from app.sync.client import SyncError

    with pytest.raises(SyncError):
        session.hasher_for({**POLICY, "memory_cost_kib": 64 * 1024 * 1024})
    with pytest.raises(SyncError):
        session.hasher_for({**POLICY, "algorithm": "md5"})
