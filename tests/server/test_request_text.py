"""Text in a request that no database column can hold (PostgreSQL's text refuses NUL,
U+0000) is refused at the door, on both backends alike, with a 422 that names the
field: before, a NUL in a sign-in's username or a revocation's reason reached
PostgreSQL and came back as a 500."""
from __future__ import annotations

import pytest

from .support import PASSWORD, person_values


def _refused(resp, field: str) -> None:
    assert resp.status_code == 422, resp.text
    error = resp.json()["error"]
    assert error["field"] == field
    assert error["message"].startswith(f"{field}: ") and "must not contain NUL" in error["message"]


@pytest.mark.parametrize("field", ["username", "device_name"])
def test_a_sign_in_with_a_nul_in_its_text_is_refused_and_counts_no_failure(server, field):
    body = {"username": "officer1", "password": PASSWORD, "device_id": "dev-nul",
            "device_name": "unit 3 workstation"}
    body[field] = body[field][:3] + "\x00" + body[field][3:]
    for _ in range(6):  # more than the lockout's five failures
        _refused(server.client.post("/api/v1/auth/login", json=body), field)
    # No failure was recorded: the account is not locked, and signs in.
    assert server.login("officer1").token


def test_a_password_may_hold_any_character_as_it_is_never_stored(server):
    # Only its hash is kept: it is checked like any other password, a wrong one.
    refused = server.client.post("/api/v1/auth/login", json={
        "username": "officer1", "password": PASSWORD + "\x00", "device_id": "dev-nul",
        "device_name": "unit 3 workstation"})
    assert refused.status_code == 401, refused.text
    assert refused.json()["error"]["code"] == "invalid_credentials"


def test_a_revocation_reason_with_a_nul_is_refused_and_the_device_keeps_its_session(server):
    officer, admin = server.login("officer1"), server.login("admin1")
    _refused(server.client.post(f"/api/v1/admin/devices/{officer.device_id}/revoke",
                                headers=admin.headers, json={"reason": "lost\x00laptop"}),
             "reason")
    assert server.client.get("/api/v1/sync/status", headers=officer.headers).status_code == 200


@pytest.mark.parametrize("field", ["username", "op_id", "hlc"])
def test_a_pushed_change_with_a_nul_in_its_envelope_is_refused_whole(server, field):
    dev = server.login("officer1")
    pid, change = dev.insert("person", person_values())
    bad = {**change, field: change[field][:4] + "\x00" + change[field][5:]}
    resp = server.client.post("/api/v1/sync/push", headers=dev.headers, json={
        "device_id": dev.device_id, "changes": [bad]})
    _refused(resp, "changes")
    assert resp.json()["error"]["message"].startswith(f"changes: change 0's {field} must not")
    # Nothing was written: the good change is then applied as new.
    assert dev.push([change])["results"][0]["outcome"] == "applied"
