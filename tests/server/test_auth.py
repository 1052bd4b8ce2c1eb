"""Accounts and sessions: sign-in, lockout, refresh rotation and reuse, revocation,
and the hashing policy the client copies for offline sign-in."""
from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher

from app.core import protocol
from sync_server.services import passwords

from .conftest import REAL_HASHER
from .support import PASSWORD


def _login(server, username="officer1", password=PASSWORD, device="dev-a"):
    return server.client.post("/api/v1/auth/login", json={
        "username": username, "password": password, "device_id": device,
        "device_name": "unit 3 workstation"})


def test_login_gives_tokens_and_the_profile(server):
    resp = _login(server)
    assert resp.status_code == 200
    body = resp.json()
    assert body["user"]["username"] == "officer1" and body["user"]["roles"] == ["officer"]
    assert "assessment_answers" not in body["user"]["readable_data_classes"]
    me = server.client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200 and me.json()["username"] == "officer1"
    wrong = _login(server, password="not-the-password")
    assert wrong.status_code == 401 and wrong.json()["error"]["message"] == "wrong username or password"


def test_five_failures_in_fifteen_minutes_lock_the_account(server):
    for _ in range(5):
        assert _login(server, password="guess-guess-guess").status_code == 401
    locked = _login(server)  # even the right password is refused while locked
    assert locked.status_code == 423
    assert "too many failed sign-ins" in locked.json()["error"]["message"]
    server.clock.offset = dt.timedelta(minutes=16)
    assert _login(server).status_code == 200


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(server):
    for i in range(6):
        server.clock.offset = dt.timedelta(minutes=4 * i)
        assert _login(server, password="guess-guess-guess").status_code == 401
    assert _login(server).status_code == 200


def test_refresh_rotates_and_reuse_ends_the_session(server):
    first = _login(server).json()
    rotated = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != first["refresh_token"]
    assert new["access_token"] != first["access_token"]
    # The owner works with the new tokens; then someone replays the old refresh token.
    server.client.get("/api/v1/me", headers={"Authorization": f"Bearer {new['access_token']}"})
    reuse = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert reuse.status_code == 401 and reuse.json()["error"]["code"] == "token_reused"
    # The thief and the owner are both signed out: the newest tokens stop working too.
    me = server.client.get("/api/v1/me", headers={"Authorization": f"Bearer {new['access_token']}"})
    assert me.status_code == 401
    again = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": new["refresh_token"], "device_id": "dev-a"})
    assert again.status_code == 401


def test_an_administrator_revokes_a_device(server):
    officer = server.login("officer1")
    admin = server.login("admin1")
    resp = server.client.post(f"/api/v1/admin/devices/{officer.device_id}/revoke",
                              headers=admin.headers, json={"reason": "stolen laptop"})
    assert resp.status_code == 200 and resp.json()["sessions_ended"] == 1
    pushed = server.client.post("/api/v1/sync/push", headers=officer.headers, json={
        "device_id": officer.device_id, "changes": []})
    assert pushed.status_code == 401
    assert server.client.post(f"/api/v1/admin/devices/{officer.device_id}/revoke",
                              headers=officer.headers).status_code == 401
    not_admin = server.login("officer2")
    denied = server.client.post(f"/api/v1/admin/devices/{admin.device_id}/revoke",
                                headers=not_admin.headers)
    assert denied.status_code == 403


def test_offline_hash_policy_lets_the_client_hash_like_the_server(server, monkeypatch):
    monkeypatch.setattr(passwords, "_HASHER", REAL_HASHER)
    policy = _login(server).json()["offline_login"]
    assert policy["algorithm"] == "argon2id" and policy["normalisation"] == "NFKC"
    assert policy["min_length"] == 8
    # A client hashing with exactly these parameters produces a hash the server's rules accept.
    client_hasher = PasswordHasher(time_cost=policy["time_cost"],
                                   memory_cost=policy["memory_cost_kib"],
                                   parallelism=policy["parallelism"],
                                   hash_len=policy["hash_len"], salt_len=policy["salt_len"])
    local_hash = client_hasher.hash(PASSWORD)
    assert passwords.verify_password(local_hash, PASSWORD)
    assert not passwords.needs_rehash(local_hash)


def test_a_refresh_whose_answer_was_lost_can_be_retried_once(server):
    first = _login(server).json()
    lost = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"}).json()
    # The device never saw `lost` and retries with the token it still holds.
    retry = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert retry.status_code == 200
    fresh = retry.json()
    me = server.client.get("/api/v1/me", headers={"Authorization": f"Bearer {fresh['access_token']}"})
    assert me.status_code == 200
    # The lost pair is retired.
    assert server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": lost["refresh_token"], "device_id": "dev-a"}).status_code == 401
    # Once the replacement has been exchanged, the old token again counts as theft.
    server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": fresh["refresh_token"], "device_id": "dev-a"})
    again = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert again.status_code == 401 and again.json()["error"]["code"] == "token_reused"


def test_the_retry_grace_is_short(server):
    first = _login(server).json()
    server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    server.clock.offset = dt.timedelta(minutes=2)
    late = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert late.status_code == 401 and late.json()["error"]["code"] == "token_reused"


@pytest.mark.parametrize("use", ["status", "pull", "push"])
def test_a_sync_with_the_new_access_token_makes_the_old_refresh_token_theft(server, use):
    # Within the retry grace, an old refresh token is a retry only while its successor
    # is unused: a sync with the new access token is a use, on every sync route.
    first = _login(server).json()
    new = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"}).json()
    headers = {"Authorization": f"Bearer {new['access_token']}", **protocol.version_headers()}
    if use == "status":
        synced = server.client.get("/api/v1/sync/status", headers=headers)
    else:
        body = {"changes": []} if use == "push" else {"after": 0}
        synced = server.client.post(f"/api/v1/sync/{use}", headers=headers,
                                    json={"device_id": "dev-a", **body})
    assert synced.status_code == 200, synced.text
    replay = server.client.post("/api/v1/auth/refresh", json={
        "refresh_token": first["refresh_token"], "device_id": "dev-a"})
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "token_reused"


@pytest.mark.parametrize("use", ["status", "pull", "push"])
def test_an_expired_or_revoked_token_gets_nothing_from_a_sync_route(server, use):
    # Status and pull read the device's state in the same round trip as the token's check:
    # a refused token must still get only its refusal, with none of what was read.
    officer = server.login("officer1")
    admin = server.login("admin1")

    def sync():
        headers = {**officer.headers, **protocol.version_headers()}
        if use == "status":
            return server.client.get("/api/v1/sync/status", headers=headers)
        body = {"changes": []} if use == "push" else {"after": 0}
        return server.client.post(f"/api/v1/sync/{use}", headers=headers,
                                  json={"device_id": officer.device_id, **body})

    assert sync().status_code == 200
    server.clock.offset = dt.timedelta(minutes=16)  # access tokens last 15 minutes
    expired = sync()
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "token_expired"
    assert set(expired.json()) == {"error"}
    server.clock.offset = dt.timedelta(0)
    assert sync().status_code == 200
    server.client.post(f"/api/v1/admin/devices/{officer.device_id}/revoke",
                       headers=admin.headers, json={"reason": "stolen laptop"})
    revoked = sync()
    assert revoked.status_code == 401 and revoked.json()["error"]["code"] == "invalid_token"
    assert set(revoked.json()) == {"error"}
