"""Pull: pages in server-sequence order, the user's scope only, finer fields left out,
transfers moving rows between replicas, and a restored server detected by its epoch."""
from __future__ import annotations

import argparse
import base64
import json

from app.core import protocol
from sync_server.cli import restored

from .support import (assessment_values, case_note_values, episode_values, iso, page_rows,
                      person_values, transfer_values)


def _people(dev, count, facility=None):
    changes, ids = [], []
    for i in range(count):
        pid, ins = dev.insert("person", person_values(f"P{i}", "Test"), facility=facility)
        changes.append(ins)
        ids.append(pid)
    dev.push(changes)
    return ids


def test_pages_come_in_server_sequence_order_and_resume_from_the_cursor(server):
    officer, reader = server.login("officer1"), server.login("officer2")
    ids = _people(officer, 25)
    officer.push([officer.update("person", ids[0], {"first_name": ["P0", "First"]})])
    seen, cursors = [], []
    while True:
        page = reader.pull_page(limit=7)
        seen += [r["row_id"] for r in page_rows(page)]
        reader.cursor = page["cursor"]
        cursors.append(page["cursor"])
        if not page["has_more"]:
            break
    assert seen == ids[1:] + ids[:1]  # every row once, in order, the edited one at its new place
    assert cursors == sorted(cursors) and len(cursors) == 4
    assert reader.pull_page()["tables"] == []  # nothing new: an empty page


def test_devices_get_only_their_facilities_and_central_office_gets_all(server):
    mdi, lei, central = server.login("officer1"), server.login("leiofficer"), server.login("central1")
    mdi_ids = _people(mdi, 3)
    lei_ids = _people(lei, 2)
    assert {r["row_id"] for r in mdi.sync_down()} == set(mdi_ids)
    assert {r["row_id"] for r in lei.sync_down()} == set(lei_ids)
    assert {r["row_id"] for r in central.sync_down()} == set(mdi_ids + lei_ids)


def test_data_classes_and_finer_fields_follow_the_role(server):
    officer, psych = server.login("officer1"), server.login("psych1")
    supervisor, case_manager = server.login("super1"), server.login("casemgr1")
    pid, ins = officer.insert("person", person_values())
    _n1, plain = officer.insert("case_note", case_note_values(pid, "ordinary"))
    officer.push([ins, plain])
    aid, assess = psych.insert("assessment", assessment_values(pid))
    sid, secret = psych.insert("case_note", case_note_values(pid, "disclosed", sensitive=True))
    psych.push([assess, secret])

    officer.sync_down()
    assert ("assessment", aid) not in officer.replica  # officers do not read assessments
    note = officer.replica[("case_note", sid)]
    assert "text" not in note and note["sensitive"] is True  # the note exists; its text is hidden

    supervisor_rows = {(r["table"], r["row_id"]): r for r in supervisor.sync_down()}
    seen = supervisor_rows[("assessment", aid)]
    assert "answers" not in seen["row"] and seen["redacted"] == ["answers"]
    assert seen["row"]["status"] == "DRAFT"

    for clinician in (psych, case_manager):
        clinician.sync_down()
        assert clinician.replica[("assessment", aid)]["answers"] == {"q1": 3, "q2": "yes"}
        assert clinician.replica[("case_note", sid)]["text"] == "disclosed"


def test_transfer_moves_the_persons_rows_to_the_new_facility(server):
    mdi, lei = server.login("officer1"), server.login("leiofficer")
    mdi2 = server.login("officer2")
    pid, ins = mdi.insert("person", person_values())
    eid, episode = mdi.insert("custody_episode", episode_values(pid))
    nid, note = mdi.insert("case_note", case_note_values(pid))
    mdi.push([ins, episode, note])
    mdi2.sync_down()
    assert ("person", pid) in mdi2.replica

    # The transferring device records the movement and closes the episode in one go.
    mid, move = mdi.insert("movement", transfer_values(pid, eid, "LEI"))
    close = mdi.update("custody_episode", eid, {"status": ["ACTIVE", "TRANSFERRED"]})
    results = mdi.push([move, close])["results"]
    assert [r["outcome"] for r in results] == ["applied", "applied"]

    page = mdi2.pull_page()
    gone = {(r["table"], r["row_id"]) for r in page["removed"]}
    assert gone == {("person", pid), ("custody_episode", eid), ("case_note", nid),
                    ("movement", mid)}
    mdi2.sync_down()
    assert not [k for k in mdi2.replica if k[1] in (pid, eid, nid, mid)]

    lei.sync_down()
    assert {("person", pid), ("custody_episode", eid), ("case_note", nid),
            ("movement", mid)} <= set(lei.replica)
    assert lei.replica[("custody_episode", eid)]["status"] == "TRANSFERRED"
    assert lei.replica[("person", pid)]["facility"] == "LEI"

    # The receiving facility now writes the person's records; the old one no longer can.
    lei_note_id, lei_note = lei.insert("case_note", case_note_values(pid, "arrived"))
    assert lei.push([lei_note])["results"][0]["outcome"] == "applied"


def test_late_edits_from_the_old_facility_go_to_the_conflict_queue(server):
    mdi, mdi2 = server.login("officer1"), server.login("officer2")
    pid, ins = mdi.insert("person", person_values())
    eid, episode = mdi.insert("custody_episode", episode_values(pid))
    mdi.push([ins, episode])
    mdi2.sync_down()
    _mid, move = mdi.insert("movement", transfer_values(pid, eid, "LEI"))
    mdi.push([move])
    # officer2 edited offline before hearing of the transfer.
    edit = mdi2.update("person", pid, {"last_name": ["Lovelace", "Byron"]})
    _nid, late_note = mdi2.insert("case_note", case_note_values(pid, "written offline"))
    results = mdi2.push([edit, late_note])["results"]
    assert [r["outcome"] for r in results] == ["conflict", "conflict"]
    assert "LEI" in results[0]["reason"]
    central = server.login("central1")
    queue = server.client.get("/api/v1/conflicts", headers=central.headers).json()["conflicts"]
    kinds = {(c["kind"], c["field"], c["client_value"]) for c in queue}
    assert ("after_transfer", "last_name", "Byron") in kinds
    assert ("after_transfer", "facility", "MDI") in kinds
    # Nothing was lost: the late note is kept, now owned by the person's new facility.
    lei = server.login("leiofficer")
    lei.sync_down()
    texts = [r.get("text") for (t, _i), r in lei.replica.items() if t == "case_note"]
    assert "written offline" in texts
    assert lei.replica[("person", pid)]["last_name"] == "Lovelace"


def test_a_restored_server_has_a_new_epoch_and_clients_repush(server):
    dev = server.login("officer1")
    _people(dev, 3)
    dev.sync_down()
    old_epoch = dev.epoch
    restored.run(argparse.Namespace(database_url=server.url, reason="restored from Monday"))
    status = server.client.get("/api/v1/sync/status", headers=dev.headers).json()
    assert status["epoch"] != old_epoch and status["last_device_seq"] == 3
    resp = dev.pull_page(expect=409)
    assert resp["error"]["code"] == protocol.EPOCH_CHANGED
    assert status["epoch"] in resp["error"]["message"]
    # The client starts over from 0 with the new epoch and gets everything again.
    dev.epoch, dev.cursor = None, 0
    dev.replica.clear()
    assert len(dev.sync_down()) == 3 and dev.epoch == status["epoch"]


def test_a_cursor_from_another_history_is_refused_even_without_an_epoch(server):
    dev = server.login("officer1")
    _people(dev, 2)
    resp = dev.pull_page(after=10_000, expect=409)
    assert resp["error"]["code"] == protocol.EPOCH_CHANGED and resp["error"]["field"] == "after"


def test_the_last_page_carries_the_sync_status_for_protocol_3_clients(server):
    dev = server.login("officer1")
    _people(dev, 3)
    first = dev.pull_page(limit=2)
    assert first["has_more"] and "status" not in first  # only the last page has it
    last = dev.pull_page(after=first["cursor"], limit=2)
    assert not last["has_more"]
    status = server.client.get("/api/v1/sync/status", headers=dev.headers).json()
    assert last["status"] == status and status["last_device_seq"] == 3
    parsed = protocol.PullResponse.from_json(last)
    assert parsed.status.epoch == last["epoch"] and parsed.status.head_seq == last["cursor"]
    # A protocol 2 client refuses fields it does not know: its pages have none of them.
    v2 = {**dev.headers, protocol.PROTOCOL_HEADER: "2"}
    older = server.client.post("/api/v1/sync/pull", headers=v2, json={
        "device_id": dev.device_id, "after": first["cursor"], "limit": 2})
    assert older.status_code == 200 and "status" not in older.json()


def test_every_kind_of_value_comes_back_in_the_form_replicas_store(server):
    """Each backend reads rows its own way: both must send the same stored forms (UTC
    timestamp text, ISO dates, 0/1, JSON text, base64), whatever offset a value came in."""
    officer, psych = server.login("officer1"), server.login("psych1")
    person_id, person = officer.insert("person", person_values())
    note_id, note = officer.insert("case_note", {
        **case_note_values(person_id, text="Zürich → home"), "restricted_use": True,
        "occurred_at": "2026-03-29T01:30:00.250000+02:00"})
    image = bytes(range(256))
    photo_id, photo = officer.insert("person_photo", {
        "person_id": person_id, "mime_type": "image/png",
        "image": base64.b64encode(image).decode("ascii"), "taken_at": iso()})
    answers = {"q1": 3, "q2": "ja, ü", "nested": [1, None, {"x": 2.5}]}
    assessment_id, assessment = psych.insert("assessment", {
        **assessment_values(person_id), "answers": answers})
    for device, changes in ((officer, [person, note, photo]), (psych, [assessment])):
        results = device.push(changes)["results"]
        assert {r["outcome"] for r in results} == {"applied"}, results

    page = psych.pull_page()
    stored = {(block["table"], row[block["columns"].index("id")]):
              dict(zip(block["columns"], row)) for block in page["tables"]
              for row in block["rows"]}
    assert stored[("person", person_id)]["date_of_birth"] == "1990-05-01"
    row = stored[("case_note", note_id)]
    assert row["occurred_at"] == "2026-03-28 23:30:00.250000"  # UTC, as text
    assert (row["sensitive"], row["restricted_use"]) == (0, 1)
    assert row["text"] == "Zürich → home"
    row = stored[("assessment", assessment_id)]
    assert isinstance(row["answers"], str) and json.loads(row["answers"]) == answers
    assert row["scores"] is None
    assert base64.b64decode(stored[("person_photo", photo_id)]["image"]) == image
