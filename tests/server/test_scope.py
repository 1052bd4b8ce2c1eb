"""Scope and authorisation: by facility, role (data class) and field; every refusal says why."""
from __future__ import annotations

from sqlalchemy import select

from app.core.schema import person
from sync_server.storage.sync_tables import received

from .support import assessment_values, case_note_values, episode_values, person_values


def _outcome(dev, change):
    return dev.push([change])["results"][0]


def test_writes_to_another_facility_are_rejected_with_the_reason(server):
    officer = server.login("officer1")
    _pid, ins = officer.insert("person", person_values(), facility="LEI")
    result = _outcome(officer, ins)
    assert result["outcome"] == "rejected" and result["field"] == "facility"
    assert "LEI" in result["reason"]
    assert result["server_seq"] is None
    with server.engine.connect() as conn:  # kept on the server too, with its reason
        kept = conn.execute(select(received.c.outcome, received.c.reason)).one()
        assert kept.outcome == "rejected" and "LEI" in kept.reason
        assert conn.execute(select(person)).first() is None


def test_rejection_does_not_block_the_queue(server):
    officer = server.login("officer1")
    _bad, bad = officer.insert("person", person_values(), facility="LEI")
    _good, good = officer.insert("person", person_values("Grace", "Hopper"))
    results = officer.push([bad, good])["results"]
    assert [r["outcome"] for r in results] == ["rejected", "applied"]
    # A replay repeats the rejection (never turns it into an acknowledgement).
    again = officer.push([bad, good])["results"]
    assert [r["outcome"] for r in again] == ["rejected", "duplicate"]
    assert again[0]["reason"] == results[0]["reason"]


def test_officers_may_not_write_assessments(server):
    officer = server.login("officer1")
    pid, ins = officer.insert("person", person_values())
    officer.push([ins])
    _aid, assess = officer.insert("assessment", assessment_values(pid, "officer1"))
    result = _outcome(officer, assess)
    assert result["outcome"] == "rejected"
    assert "officer" in result["reason"] and "assessment" in result["reason"]


def test_psychologists_write_assessments_but_not_custody_records(server):
    officer, psych = server.login("officer1"), server.login("psych1")
    pid, ins = officer.insert("person", person_values())
    officer.push([ins])
    _aid, assess = psych.insert("assessment", assessment_values(pid))
    assert _outcome(psych, assess)["outcome"] == "applied"
    _eid, episode = psych.insert("custody_episode", episode_values(pid))
    result = _outcome(psych, episode)
    assert result["outcome"] == "rejected" and "custody" in result["reason"]


def test_sensitive_case_notes_need_the_sensitive_class(server):
    officer = server.login("officer1")
    pid, ins = officer.insert("person", person_values())
    officer.push([ins])
    _nid, note = officer.insert("case_note", case_note_values(pid, "disclosed self-harm",
                                                              sensitive=True))
    result = _outcome(officer, note)
    assert result["outcome"] == "rejected"
    assert result["field"] == "text" and "case_notes_sensitive" in result["reason"]


def test_bookkeeping_is_the_servers(server):
    officer = server.login("officer1")
    pid, ins = officer.insert("person", person_values())
    officer.push([ins])
    cases = [
        (officer.update("person", pid, {"facility": ["MDI", "LEI"]}), "facility", "server"),
        (officer.update("person", pid, {"version": [1, 9]}), "version", "server"),
        (officer.update("person", pid, {"shoe_size": [None, 9]}), "shoe_size",
         "not a field"),
        (officer.insert("person", {**person_values(), "created_by": "someone.else"})[1],
         "created_by", "author"),
        (officer.insert("person", {**person_values(), "voided_at": "2026-01-01T00:00:00+00:00"})[1],
         "voided_at", "server"),
        (officer.update("person", pid, {"date_of_birth": ["1990-05-01", "soon"]}),
         "date_of_birth", "date"),
        (officer.update("person", pid, {"last_name": ["Lovelace", None]}), "last_name",
         "required"),
        (officer.update("person", "not-a-uuid", {"last_name": ["a", "b"]}), "row_id", "UUID"),
        (officer.change("prison_cat", pid, "update", {"x": [1, 2]}), "table", "replicated"),
    ]
    results = officer.push([c for c, _f, _r in cases])["results"]
    for result, (_c, field, words) in zip(results, cases):
        assert result["outcome"] == "rejected", result
        assert result["field"] == field, result
        assert words in result["reason"], result


def test_changes_by_someone_who_never_signed_in_on_the_device_are_rejected(server):
    officer = server.login("officer1")
    _pid, ins = officer.insert("person", person_values())
    ins["username"] = "officer2"
    ins["changes"]["created_by"] = [None, "officer2"]
    ins["changes"]["updated_by"] = [None, "officer2"]
    result = _outcome(officer, ins)
    assert result["outcome"] == "rejected" and result["field"] == "username"
    # Once officer2 has signed in on this workstation, their queued changes go through.
    server.login("officer2", device_id=officer.device_id)
    _p2, ins2 = officer.insert("person", person_values())
    ins2.update(username="officer2")
    ins2["changes"].update(created_by=[None, "officer2"], updated_by=[None, "officer2"])
    assert _outcome(officer, ins2)["outcome"] == "applied"


def test_updates_of_rows_the_server_lacks_say_so(server):
    officer = server.login("officer1")
    _bad, bad = officer.insert("person", person_values(), facility="LEI")
    upd = officer.update(bad["table"], bad["row_id"], {"first_name": ["Ada", "Ann"]})
    results = officer.push([bad, upd])["results"]
    assert results[1]["outcome"] == "rejected"
    assert "does not exist on the server" in results[1]["reason"]


def test_a_row_pointing_at_a_missing_record_is_rejected(server):
    officer = server.login("officer1")
    _eid, episode = officer.insert("custody_episode",
                                   episode_values("01900000-0000-7000-8000-000000000000"))
    result = _outcome(officer, episode)
    assert result["outcome"] == "rejected" and "does not exist" in result["reason"]
    assert result["field"] == "person_id"


def test_a_facility_is_looked_up_by_a_valid_code_only(server):
    central = server.login("central1")
    got = server.client.get("/api/v1/facilities/mdi", headers=central.headers)
    assert got.status_code == 200 and got.json()["code"] == "MDI"
    assert server.client.get("/api/v1/facilities/XYZ", headers=central.headers).status_code == 404
    for bad in ("%00", "M%20DI", "a" * 41):  # a NUL once reached PostgreSQL and failed there
        refused = server.client.get(f"/api/v1/facilities/{bad}", headers=central.headers)
        assert refused.status_code == 422, (bad, refused.text)
        assert refused.json()["error"]["field"] == "code"
