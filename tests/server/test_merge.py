"""Merge: different fields merge, the same field conflicts with both values kept,
append-only records never conflict, and clocks decide nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.schema import case_note, person

from .support import case_note_values, person_values


def _row(server, table, row_id):
    with server.engine.connect() as conn:
        return conn.execute(select(table).where(table.c.id == row_id)).mappings().one()


@pytest.fixture
def shared_person(server):
    """A person created by officer1 and pulled by two devices at MDI."""
    a, b = server.login("officer1"), server.login("officer2")
    pid, ins = a.insert("person", person_values())
    a.push([ins])
    a.sync_down()
    b.sync_down()
    return a, b, pid


def test_concurrent_edits_to_different_fields_merge(server, shared_person):
    a, b, pid = shared_person
    ra = a.push([a.update("person", pid, {"first_name": ["Ada", "Augusta"]})])
    rb = b.push([b.update("person", pid, {"last_name": ["Lovelace", "King"]})])
    assert ra["results"][0]["outcome"] == rb["results"][0]["outcome"] == "applied"
    row = _row(server, person, pid)
    assert (row["first_name"], row["last_name"], row["version"]) == ("Augusta", "King", 3)
    a.sync_down()
    b.sync_down()
    assert a.replica[("person", pid)] == b.replica[("person", pid)]
    assert a.replica[("person", pid)]["last_name"] == "King"


def test_same_field_conflict_keeps_server_value_and_both_sides(server, shared_person):
    a, b, pid = shared_person
    a.push([a.update("person", pid, {"first_name": ["Ada", "Augusta"]})])
    result = b.push([b.update("person", pid, {"first_name": ["Ada", "Adele"],
                                              "last_name": ["Lovelace", "King"]})])["results"][0]
    assert result["outcome"] == "conflict"
    assert result["field"] == "first_name" and len(result["conflict_ids"]) == 1
    assert result["server_seq"] is not None
    row = _row(server, person, pid)
    assert row["first_name"] == "Augusta"  # the server's value stands provisionally
    assert row["last_name"] == "King"  # the field that did not conflict was applied

    central = server.login("central1")
    listed = server.client.get("/api/v1/conflicts", headers=central.headers).json()
    assert listed["total"] == 1
    found = listed["conflicts"][0]
    assert (found["server_value"], found["client_value"], found["base_value"]) == (
        "Augusta", "Adele", "Ada")
    assert (found["server_author"], found["client_author"]) == ("officer1", "officer2")
    assert (found["server_device"], found["client_device"]) == (a.device_id, b.device_id)
    assert found["server_at"] and found["client_at"] and found["status"] == "open"
    # The pushing device converges on the server's row at its next pull.
    b.sync_down()
    assert b.replica[("person", pid)]["first_name"] == "Augusta"


def test_resolution_is_a_new_change_that_names_the_conflict_and_everyone_pulls(server,
                                                                                shared_person):
    a, b, pid = shared_person
    a.push([a.update("person", pid, {"first_name": ["Ada", "Augusta"]})])
    cid = b.push([b.update("person", pid, {"first_name": ["Ada", "Adele"]})])["results"][0][
        "conflict_ids"][0]
    a.sync_down()
    b.sync_down()
    status = server.client.get("/api/v1/sync/status", headers=b.headers).json()
    assert status["open_conflicts"] == [cid]  # the device that caused it can follow it
    central = server.login("central1")
    resp = server.client.post(f"/api/v1/conflicts/{cid}/resolve", headers=central.headers,
                              json={"choose": "client", "note": "birth certificate says Adele"})
    assert resp.status_code == 200, resp.text
    done = resp.json()
    assert done["status"] == "resolved" and done["resolved_value"] == "Adele"
    assert done["resolved_by"] == "central1" and done["resolution_seq"] > 0
    assert _row(server, person, pid)["first_name"] == "Adele"
    for dev in (a, b):
        snaps = dev.sync_down()
        assert [s["row_id"] for s in snaps] == [pid]  # the resolution, and nothing else
        assert dev.cursor == done["resolution_seq"]
        assert dev.replica[("person", pid)]["first_name"] == "Adele"
    again = server.client.post(f"/api/v1/conflicts/{cid}/resolve", headers=central.headers,
                               json={"choose": "server", "note": "changed my mind"})
    assert again.status_code == 409 and "already resolved" in again.json()["error"]["message"]
    resolved = server.client.get("/api/v1/conflicts?status=resolved",
                                 headers=central.headers).json()
    assert resolved["total"] == 1
    assert server.client.get("/api/v1/conflicts?status=open",
                             headers=central.headers).json()["total"] == 0
    assert server.client.get("/api/v1/conflicts", headers=central.headers).json()["total"] == 1
    assert server.client.get("/api/v1/sync/status",
                             headers=b.headers).json()["open_conflicts"] == []


def test_custom_resolution_value_is_checked(server, shared_person):
    a, b, pid = shared_person
    a.push([a.update("person", pid, {"date_of_birth": ["1990-05-01", "1990-05-02"]})])
    cid = b.push([b.update("person", pid, {"date_of_birth": ["1990-05-01", "1991-05-01"]})])[
        "results"][0]["conflict_ids"][0]
    central = server.login("central1")
    bad = server.client.post(f"/api/v1/conflicts/{cid}/resolve", headers=central.headers,
                             json={"choose": "custom", "value": "May 1990", "note": "checked"})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "value"
    ok = server.client.post(f"/api/v1/conflicts/{cid}/resolve", headers=central.headers,
                            json={"choose": "custom", "value": "1990-06-01", "note": "court record"})
    assert ok.status_code == 200
    assert _row(server, person, pid)["date_of_birth"] == dt.date(1990, 6, 1)


def test_only_central_office_sees_the_conflict_queue(server):
    officer = server.login("officer1")
    resp = server.client.get("/api/v1/conflicts", headers=officer.headers)
    assert resp.status_code == 403 and "central_office" in resp.json()["error"]["message"]


def test_append_only_records_never_conflict_and_voids_always_apply(server, shared_person):
    a, b, pid = shared_person
    nid, note = a.insert("case_note", case_note_values(pid))
    a.push([note])
    b.sync_down()
    # Both devices void the same note offline; both voids are accepted, none conflicts.
    first = a.push([a.void("case_note", nid, "wrong person")])["results"][0]
    second = b.push([b.void("case_note", nid, "duplicate")])["results"][0]
    assert first["outcome"] == second["outcome"] == "applied"
    row = _row(server, case_note, nid)
    assert row["void_reason"] == "wrong person" and row["voided_by"] == "officer1"
    # An edit of an append-only record is refused with the reason, not merged.
    edit = b.push([b.update("case_note", nid, {"text": ["Settled well", "Changed"]})])
    assert edit["results"][0]["outcome"] == "rejected"
    assert "amendment" in edit["results"][0]["reason"]
    # Two devices adding notes about the same person never conflict.
    _n1, n1 = a.insert("case_note", case_note_values(pid, "from a"))
    _n2, n2 = b.insert("case_note", case_note_values(pid, "from b"))
    assert a.push([n1])["results"][0]["outcome"] == "applied"
    assert b.push([n2])["results"][0]["outcome"] == "applied"
    central = server.login("central1")
    assert server.client.get("/api/v1/conflicts", headers=central.headers).json()["total"] == 0


@pytest.mark.parametrize("skew_days", [7, -7])
def test_a_skewed_clock_cannot_win_a_conflict(server, shared_person, skew_days):
    a, b, pid = shared_person
    b.clock_offset = dt.timedelta(days=skew_days)
    # Whichever pushes first holds the field; the other's clock, days off, changes nothing.
    a.push([a.update("person", pid, {"first_name": ["Ada", "Augusta"]})])
    late = b.push([b.update("person", pid, {"first_name": ["Ada", "Adele"]})])["results"][0]
    assert late["outcome"] == "conflict"
    assert _row(server, person, pid)["first_name"] == "Augusta"
    central = server.login("central1")
    found = server.client.get(f"/api/v1/conflicts/{late['conflict_ids'][0]}",
                              headers=central.headers).json()
    # Times in the record are when the server received each side, not the device's clock.
    received = dt.datetime.fromisoformat(found["client_at"])
    assert abs(received - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    assert found["client_value"] == "Adele"
