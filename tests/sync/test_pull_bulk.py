"""Bulk apply of pulled pages and pages fetched ahead: same results as row by row, faster."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from app.core.ids import uuid7
from app.core.protocol import ProtocolError, PullRequest
from app.core.schema import assessment, case_note, person, person_alias, person_identifier
from app.storage.local_tables import outbox, search_doc
from app.storage.search import search_people
from app.sync import pull
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from tests.sync.helpers import (
    count, hidden, identifier_row, new_person, outbox_statuses, page, person_row,
    snapshot, sync_state,
)

UTC = dt.timezone.utc


def _apply(replica, pg):
    return pull.apply_page(replica, pg, expected_after=sync_state(replica).pull_after,
                           username="officer1")


def _people(n: int, prefix: str = "Bulk") -> list[dict]:
    return [person_row(f"{prefix}{i:04d}", f"Surname{i % 37}") for i in range(n)]


def test_a_full_page_of_new_and_known_rows_reads_back_exactly_and_is_searchable(replica):
    people = _people(1200)
    idents = [identifier_row(p["id"], f"B{i:05d}X") for i, p in enumerate(people)]
    snaps = [snapshot("person", p, i + 1) for i, p in enumerate(people)]
    snaps += [snapshot("person_identifier", r, 2000 + i) for i, r in enumerate(idents)]
    first = _apply(replica, page(snaps, cursor=4000, has_more=True))
    assert (first.rows, first.inserted, first.updated) == (2400, 2400, 0)

    # The next page renames half of them (updates) and brings aliases (inserts).
    later = dt.datetime(2026, 11, 21, 8, 15, 30, 250000, tzinfo=UTC)
    renamed = [snapshot("person", p, 5000 + i, last_name=f"Renamed{i}", version=2,
                        updated_at=later, updated_by="other")
               for i, p in enumerate(people[:600])]
    aliases = [{**identifier_row(p["id"], "unused"), "first_name": "Zeca", "last_name": f"Alias{i}"}
               for i, p in enumerate(people[:10])]
    for a in aliases:
        del a["id_type"], a["value"]
    second = _apply(replica, page(renamed + [snapshot("person_alias", a, 6000 + i)
                                             for i, a in enumerate(aliases)], cursor=6100))
    assert (second.rows, second.inserted, second.updated) == (610, 10, 600)

    with replica.reader.connect() as conn:
        got = {r["id"]: r for r in conn.execute(select(person)).mappings()}
        assert len(got) == 1200
        one = got[people[0]["id"]]
        assert (one["last_name"], one["version"], one["updated_by"]) == ("Renamed0", 2, "other")
        assert one["updated_at"] == later and one["updated_at"].tzinfo == UTC
        assert one["created_at"] == people[0]["created_at"]
        assert one["date_of_birth"] == people[0]["date_of_birth"]
        untouched = got[people[900]["id"]]
        assert (untouched["last_name"], untouched["version"]) == ("Surname12", 1)
        # Search follows inserts and updates alike: names, new names, identifiers, aliases.
        assert [h.person_id for h in search_people(conn, "Renamed599")] == [people[599]["id"]]
        assert search_people(conn, "Surname0 Bulk0000") == []  # the old name is gone
        assert [h.person_id for h in search_people(conn, "B01100X")] == [people[1100]["id"]]
        assert [h.person_id for h in search_people(conn, "Alias7")] == [people[7]["id"]]
    assert count(replica, search_doc) == 1200 + 1200 + 10
    assert count(replica, person_alias) == 10 and count(replica, person_identifier) == 1200
    assert count(replica, outbox) == 0, "pulled rows are never pushed back"
    assert sync_state(replica).pull_after == 6100


@pytest.mark.parametrize("column, value", [
    ("updated_at", "2026-11-20T09:30:00+00:00"),  # the JSON form: not what pages carry
    ("created_at", "2026-13-45 09:30:00.000000"),  # the right shape, no such day
    ("created_at", "2026-02-30 09:30:00.000000"),
    ("date_of_birth", "1979-6-1"),
    ("version", "1"),  # text where a number belongs
    ("last_name", 7),
])
def test_a_value_not_in_its_stored_form_refuses_the_page_naming_row_and_column(
        replica, column, value):
    good = [person_row("Tempo", "Um"), person_row("Tempo", "Dois")]
    _apply(replica, page([snapshot("person", r, i + 1) for i, r in enumerate(good)], cursor=2))
    bad = snapshot("person", person_row("Tempo", "Mau"), 5)
    bad.row[column] = value
    with pytest.raises(ProtocolError) as err:
        _apply(replica, page([snapshot("person", person_row("Bom"), 4), bad], cursor=5))
    assert err.value.field.endswith(f".{column}") and bad.row_id in str(err.value)
    assert count(replica, person) == 2 and sync_state(replica).pull_after == 2
    with replica.reader.connect() as conn:  # what was stored reads back exactly
        stamps = dict(conn.execute(select(person.c.id, person.c.updated_at)).all())
    assert stamps == {r["id"]: r["updated_at"] for r in good}


def test_json_booleans_and_redacted_columns_of_new_and_known_rows(replica):
    owner = person_row("Rita", "Sousa")
    now = dt.datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    base = {"version": 1, "facility": "MDI", "created_at": now, "created_by": "psy",
            "updated_at": now, "updated_by": "psy", "voided_at": None, "voided_by": None,
            "void_reason": None, "person_id": owner["id"]}
    note = {**base, "id": uuid7(), "note_type": "GEN", "note_subtype": "GEN_NOTE",
            "text": "Seen today", "sensitive": True, "restricted_use": False,
            "occurred_at": now, "recorded_at": now, "author": "psy", "amends_id": None}
    scored = {**base, "id": uuid7(), "instrument_id": "OGRS3", "instrument_version": "1",
              "status": "COMPLETED", "answers": {"q1": "sí", "n": [1, 2]},
              "scores": {"p": 0.25}, "assessor": "psy", "completed_at": now}
    for row, table in ((note, case_note), (scored, assessment)):
        for col in table.columns:
            row.setdefault(col.name, None)
    _apply(replica, page([snapshot("person", owner, 1), snapshot("case_note", note, 2),
                          snapshot("assessment", scored, 3)], cursor=3))
    # Later the role may no longer read them: the fields are left out, never cleared.
    hidden_note = hidden(snapshot("case_note", note, 4, version=2), "text")
    hidden_answers = hidden(snapshot("assessment", scored, 5), "answers")
    fresh = {**note, "id": uuid7()}
    new_hidden = hidden(snapshot("case_note", fresh, 6), "text")
    result = _apply(replica, page([hidden_note, hidden_answers, new_hidden], cursor=6))
    assert (result.updated, result.inserted) == (2, 1)
    with replica.reader.connect() as conn:
        notes = {r["id"]: r for r in conn.execute(select(case_note)).mappings()}
        got = conn.execute(select(assessment)).mappings().one()
    assert notes[note["id"]]["text"] == "Seen today" and notes[note["id"]]["version"] == 2
    assert notes[note["id"]]["sensitive"] is True and notes[note["id"]]["restricted_use"] is False
    assert notes[fresh["id"]]["text"] == "", "a new row gets an empty value, not a made-up one"
    assert got["answers"] == {"q1": "sí", "n": [1, 2]} and got["scores"] == {"p": 0.25}


def test_only_rows_with_pending_edits_are_rebased_among_many(replica, officer):
    mine = new_person(replica, officer, "Ana", "Local")
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    with replica.unit_of_work(officer) as uow:
        uow.update(person, mine["id"], {"last_name": "Local-Edit"})  # pending, not pushed
    others = _people(300, "Other")
    snaps = [snapshot("person", p, 10 + i) for i, p in enumerate(others)]
    snaps.insert(150, snapshot("person", mine, 9, first_name="Anabela", version=2,
                               updated_by="elsewhere"))
    result = _apply(replica, page(snaps, cursor=400))
    assert (result.rebased, result.inserted, result.updated) == (1, 300, 1)
    with replica.reader.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == mine["id"])).mappings().one()
        assert [h.person_id for h in search_people(conn, "Anabela Local-Edit")] == [mine["id"]]
    assert (row["first_name"], row["last_name"]) == ("Anabela", "Local-Edit")
    assert row["updated_by"] == officer.username
    assert [s for _seq, s in outbox_statuses(replica)] == ["ACKED", "PENDING"]


def test_user_actions_after_a_pull_keep_full_durability_and_foreign_keys(replica):
    _apply(replica, page([snapshot("person", person_row(), 1)], cursor=1))
    for _ in range(4):  # every pooled connection
        with replica.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def _alice_token(live_server) -> tuple[str, str]:
    from tests.sync.conftest import PASSWORD

    device = uuid7()
    with SyncClient(live_server.url) as client:
        body = client.post("/auth/login", {"username": "alice", "password": PASSWORD,
                                           "device_id": device, "device_name": "test"},
                           auth=False)
    return body["access_token"], device


def test_an_answer_fetched_ahead_is_taken_only_by_the_identical_request(live_server):
    token, device = _alice_token(live_server)
    first = PullRequest(device_id=device, after=0).to_json()
    with SyncClient(live_server.url) as client:
        client.post_ahead("/sync/pull", first)  # no token yet: refused with 401
        client.access_token = token
        # The refused answer is not handed on: the same request is asked again, signed.
        got = client.post("/sync/pull", first)
        assert got["epoch"] and got["has_more"] is False
        client.post_ahead("/sync/pull", first, parse=lambda body: ("parsed", body["cursor"]))
        assert client.post("/sync/pull", first, parse=lambda b: b) == got  # another parse
        client.post_ahead("/sync/pull", first)
        assert client.post("/sync/pull", first) == got


def test_an_interrupted_paged_pull_resumes_with_every_row_once(devices, signed_in_server):
    a, alice = devices("a")
    b, _ = devices("b")
    made = [new_person(a, alice, f"Paged{i:02d}", "Person", number=f"P{i:04d}Q")
            for i in range(30)]
    assert SyncEngine(a).run().completed
    cancel = threading.Event()
    pages = []

    def progress(p):
        if p.phase == "pull":
            pages.append(p.rows)
            if len(pages) == 2:
                cancel.set()  # the user stops the sync while the next page is on its way

    stopped = SyncEngine(b, page_size=7, progress=progress, cancel=cancel).run()
    assert not stopped.completed and stopped.error_code == "cancelled"
    assert sync_state(b).pull_after > 0
    partial = count(b, person) + count(b, person_identifier)
    assert 0 < partial <= 14
    resumed = SyncEngine(b, page_size=7).run()
    assert resumed.completed and resumed.pulled + partial >= 60
    assert count(b, person) == 30 and count(b, person_identifier) == 30
    with b.reader.connect() as conn:
        assert [h.person_id for h in search_people(conn, "P0029Q")] == [made[29]["id"]]
    assert outbox_statuses(b) == []
