"""The admin commands that feed sync: demo-data, restored-from-backup, verify-audit."""
from __future__ import annotations

import re

from sync_server.__main__ import main

from .support import Device


def test_demo_data_gives_a_devices_first_pull_real_data(server, capsys):
    assert main(["demo-data", "--people", "30", "--facilities", "2", "--seed", "7",
                 "--database-url", server.url]) == 0
    out = capsys.readouterr()
    assert "people 30/30" in out.err and "added 30 people" in out.out
    password = re.search(r"officer\.mdi\s+(\S+)\s+officer @ MDI", out.out).group(1)
    resp = server.client.post("/api/v1/auth/login", json={
        "username": "officer.mdi", "password": password, "device_id": "demo-dev",
        "device_name": "demo"})
    assert resp.status_code == 200, resp.text
    dev = Device(server, "officer.mdi", "demo-dev", resp.json()["access_token"])
    rows = dev.sync_down(limit=500)
    tables = {r["table"] for r in rows}
    assert {"facility", "location", "person", "custody_episode", "movement"} <= tables
    assert "assessment" not in tables  # officers do not receive assessments
    assert {r["row"]["facility"] for r in rows if r["table"] == "person"} == {"MDI"}
    # Running it again adds people but never a second copy of the accounts.
    assert main(["demo-data", "--people", "5", "--facilities", "2",
                 "--database-url", server.url]) == 0
    assert "passwords are shown only now" not in capsys.readouterr().out


def test_demo_data_refuses_bad_numbers(server, capsys):
    assert main(["demo-data", "--facilities", "0", "--database-url", server.url]) == 1
    assert "facilities" in capsys.readouterr().err


def test_restored_from_backup_rotates_the_epoch_and_is_audited(server, capsys):
    dev = server.login("officer1")
    before = server.client.get("/api/v1/sync/status", headers=dev.headers).json()["epoch"]
    assert main(["restored-from-backup", "--database-url", server.url]) == 0
    assert "new epoch" in capsys.readouterr().out
    after = server.client.get("/api/v1/sync/status", headers=dev.headers).json()["epoch"]
    assert after != before
    assert main(["verify-audit", "--database-url", server.url]) == 0
    assert "audit log intact" in capsys.readouterr().out
