"""Push: ordered, idempotent, every change answered; versions refused plainly."""
from __future__ import annotations

import hashlib

import pytest

from sqlalchemy import func, select

from app.core import protocol
from app.core.schema import location, person
from sync_server.services import accounts
from sync_server.services import audit as audit_log
from sync_server.services.audit import Origin
from sync_server.storage.sync_tables import device, received
from sync_server.storage.tables import audit

from .support import page_rows, person_values


def test_replayed_batch_has_exactly_one_effect(server):
    dev = server.login("officer1")
    pid, ins = dev.insert("person", person_values())
    upd = dev.update("person", pid, {"first_name": ["Ada", "Augusta"]})
    first = dev.push([ins, upd])
    assert [r["outcome"] for r in first["results"]] == ["applied", "applied"]
    again = dev.push([ins, upd])  # the response was lost; the client sends it all again
    assert [r["outcome"] for r in again["results"]] == ["duplicate", "duplicate"]
    assert [r["server_seq"] for r in again["results"]] == [r["server_seq"] for r in first["results"]]
    with server.engine.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == pid)).mappings().one()
        assert row["first_name"] == "Augusta" and row["version"] == 2
        assert conn.execute(select(device.c.last_seq)).scalar() == 2


def test_batch_overlapping_what_was_applied_applies_only_the_new_part(server):
    dev = server.login("officer1")
    pid, ins = dev.insert("person", person_values())
    dev.push([ins])
    upd = dev.update("person", pid, {"last_name": ["Lovelace", "King"]})
    result = dev.push([ins, upd])
    assert [r["outcome"] for r in result["results"]] == ["duplicate", "applied"]
    assert result["last_device_seq"] == 2


def test_batch_past_the_next_seq_is_refused_as_a_gap_and_nothing_applies(server):
    dev = server.login("officer1")
    _pid, ins = dev.insert("person", person_values())
    dev.push([ins])
    dev.seq += 3  # three changes the server never got
    _p2, late = dev.insert("person", person_values("Grace", "Hopper"))
    resp = dev.push([late], expect=409)
    assert resp["error"]["code"] == protocol.SEQUENCE_GAP
    assert "expected device_seq 2" in resp["error"]["message"]
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(person)).scalar() == 1
    status = server.client.get("/api/v1/sync/status", headers=dev.headers).json()
    assert status["last_device_seq"] == 1


def test_server_sequences_increase_with_every_accepted_change(server):
    a, b = server.login("officer1"), server.login("officer2")
    seqs = []
    for dev in (a, b, a, b):
        _pid, ins = dev.insert("person", person_values())
        seqs += [r["server_seq"] for r in dev.push([ins])["results"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4


def test_too_old_and_too_new_clients_are_told_so_and_nothing_is_taken(server):
    dev = server.login("officer1")
    _pid, ins = dev.insert("person", person_values())
    for protocol_version, code in ((0, "client_too_old"), (protocol.PROTOCOL_VERSION + 1,
                                                           "client_too_new")):
        headers = {**dev.headers, protocol.PROTOCOL_HEADER: str(protocol_version)}
        resp = server.client.post("/api/v1/sync/push", headers=headers, json={
            "device_id": dev.device_id, "changes": [ins]})
        assert resp.status_code == 426
        assert resp.json()["error"]["code"] == code
        assert "kept" in resp.json()["error"]["message"]
    # A pull is refused the same way, before anything is read.
    old = {**dev.headers, protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION - 1)}
    pulled = server.client.post("/api/v1/sync/pull", headers=old,
                                json={"device_id": dev.device_id})
    assert pulled.status_code == 426 and pulled.json()["error"]["code"] == "client_too_old"
    # No headers and no versions in the body: too old to say which it speaks.
    resp = server.client.post("/api/v1/sync/push", headers={"Authorization": f"Bearer {dev.token}"},
                              json={"device_id": dev.device_id, "changes": [ins]})
    assert resp.status_code == 426
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(received)).scalar() == 0


def test_push_for_another_device_is_refused(server):
    dev = server.login("officer1")
    other = server.login("officer2")
    _pid, ins = other.insert("person", person_values())
    resp = server.client.post("/api/v1/sync/push", headers=dev.headers, json={
        "device_id": other.device_id, "changes": [ins]})
    assert resp.status_code == 403
    assert resp.json()["error"]["code"] == protocol.WRONG_DEVICE


def test_a_device_audit_chain_that_went_backwards_is_flagged(server):
    dev = server.login("officer1")
    _p1, first = dev.insert("person", person_values())
    dev.push([first], audit_head={"seq": 10, "hash": "ab" * 32})
    _p2, second = dev.insert("person", person_values())
    result = dev.push([second], audit_head={"seq": 4, "hash": "cd" * 32})
    assert result["results"][0]["outcome"] == "applied"  # nothing is held back
    with server.engine.connect() as conn:
        flagged = conn.execute(select(audit.c.details).where(
            audit.c.action == "device_audit_regressed",
            audit.c.target == f"device:{dev.device_id}")).scalars().all()
    assert len(flagged) == 1 and '"got":[4,' in flagged[0]
    # The warning and the push's own entry were appended in one push: the chain holds.
    with server.engine.connect() as conn:
        assert audit_log.verify(conn).ok


def test_a_replayed_push_still_keeps_the_audit_head_it_carries(server):
    dev = server.login("officer1")
    _p1, first = dev.insert("person", person_values())
    dev.push([first], audit_head={"seq": 10, "hash": "ab" * 32})
    again = dev.push([first], audit_head={"seq": 12, "hash": "ef" * 32})  # a lost answer
    assert again["results"][0]["outcome"] == "duplicate"
    _p2, second = dev.insert("person", person_values())
    dev.push([second], audit_head={"seq": 11, "hash": "cd" * 32})  # behind the replay's 12
    with server.engine.connect() as conn:
        flagged = conn.execute(select(audit.c.details).where(
            audit.c.action == "device_audit_regressed",
            audit.c.target == f"device:{dev.device_id}")).scalars().all()
    assert len(flagged) == 1 and '"had":[12,' in flagged[0]


@pytest.mark.parametrize("digest", ["ab\x00cd", "not a hash", ""])
def test_an_audit_head_that_is_not_a_hash_is_ignored_and_the_push_applies(server, digest):
    """The head is a SHA-256 in hex; anything else (here a NUL, which PostgreSQL's text
    refuses and which gave a 500 there) is ignored like any malformed head: nothing is
    held back, and the device's last good head stays the one later heads are checked
    against."""
    dev = server.login("officer1")
    _p1, first = dev.insert("person", person_values())
    dev.push([first], audit_head={"seq": 10, "hash": "ab" * 32})
    _p2, second = dev.insert("person", person_values())
    result = dev.push([second], audit_head={"seq": 11, "hash": digest})
    assert result["results"][0]["outcome"] == "applied"
    _p3, third = dev.insert("person", person_values())
    dev.push([third], audit_head={"seq": 9, "hash": "cd" * 32})  # behind the good 10
    with server.engine.connect() as conn:
        flagged = conn.execute(select(audit.c.details).where(
            audit.c.action == "device_audit_regressed",
            audit.c.target == f"device:{dev.device_id}")).scalars().all()
    assert len(flagged) == 1 and '"had":[10,' in flagged[0]


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_a_timestamp_outside_the_years_utc_can_hold_is_rejected_by_name(server, stamp):
    """Timestamps are stored in UTC: one that falls outside years 1-9999 there gave a
    500 on both backends. It is rejected, naming the field; the rest of the batch
    applies."""
    dev = server.login("officer1")
    bad_id, bad = dev.insert("person", person_values())
    bad["changes"]["created_at"] = [None, stamp]
    good_id, good = dev.insert("person", person_values("Grace", "Hopper"))
    results = dev.push([bad, good])["results"]
    assert results[0]["outcome"] == "rejected" and results[0]["field"] == "created_at"
    assert "years 1 to 9999" in results[0]["reason"]
    assert results[1]["outcome"] == "applied"
    assert [r["row_id"] for r in page_rows(dev.pull_page())] == [good_id]


def test_a_change_the_database_refuses_is_rejected_alone_and_its_batch_still_applies(server):
    """A batch is written at once; when the database refuses it (here a location code
    already used in the facility, which only the unique index knows), it is rolled back
    and applied again change by change, so only that change is rejected, with the
    reason."""
    dev = server.login("super1")
    cell = {"code": "A-1-01", "name": "Cell A1-01", "kind": "CELL", "active": True}
    _first, first = dev.insert("location", cell)
    pid, ins = dev.insert("person", person_values())
    _dup, dup = dev.insert("location", {**cell, "name": "Same code again"})
    upd = dev.update("person", pid, {"first_name": ["Ada", "Augusta"]})
    result = dev.push([first, ins, dup, upd])
    outcomes = [r["outcome"] for r in result["results"]]
    assert outcomes == ["applied", "applied", "rejected", "applied"]
    assert result["results"][2]["reason"] == "a record with the same key already exists"
    seqs = [r["server_seq"] for r in result["results"] if r["server_seq"] is not None]
    assert seqs == sorted(seqs) and len(seqs) == 3  # no sequence given to the refused change
    with server.engine.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == pid)).mappings().one()
        assert (row["first_name"], row["version"]) == ("Augusta", 2)
        names = conn.execute(select(location.c.name).where(location.c.code == "A-1-01")
                             ).scalars().all()
        assert names == ["Cell A1-01"]
        kept = conn.execute(select(received.c.outcome).order_by(received.c.device_seq)
                            ).scalars().all()
        assert kept == outcomes
        # The refused batch was rolled back whole: one push in the audit log, not two.
        pushes = conn.execute(select(audit.c.details).where(
            audit.c.action == "sync_push", audit.c.target == f"device:{dev.device_id}")
        ).scalars().all()
        assert len(pushes) == 1 and '"rejected":1' in pushes[0]


def test_status_names_the_published_manifest_only_to_clients_that_know_the_field(server):
    dev = server.login("officer1")
    current = server.client.get("/api/v1/sync/status", headers=dev.headers)
    assert current.status_code == 200
    # This server publishes the models shipped with Custos until an administrator
    # publishes others: the status names them by the SHA-256 of the manifest's bytes.
    published = server.client.get("/api/v1/models/manifest", headers=dev.headers)
    assert current.json()["models_manifest"] == hashlib.sha256(published.content).hexdigest()
    assert protocol.SyncStatus.from_json(current.json()).models_manifest is not None
    # A protocol 2 client refuses fields it does not know: it is still served, without it.
    v2 = {**dev.headers, protocol.PROTOCOL_HEADER: "2"}
    older = server.client.get("/api/v1/sync/status", headers=v2)
    assert older.status_code == 200 and "models_manifest" not in older.json()
    assert older.json()["device_id"] == dev.device_id


def test_a_facility_added_while_the_server_runs_is_known_to_the_next_push(server):
    """An unknown facility is refused by name; once an administrator adds it (from the
    command line, another process), the next push may use it."""
    central = server.login("central1")
    _pid, early = central.insert("person", person_values(), facility="NEW")
    refused, = central.push([early])["results"]
    assert (refused["outcome"], refused["field"]) == ("rejected", "facility")
    assert refused["reason"] == "no facility 'NEW' on the server"

    with server.engine.begin() as conn:
        accounts.add_facility(conn, code="NEW", name="New Hall", now=server.clock(),
                              actor="admin1", origin=Origin("cli"))
    pid, later = central.insert("person", person_values(), facility="NEW")
    applied, = central.push([later])["results"]
    assert applied["outcome"] == "applied"
    with server.engine.connect() as conn:
        assert conn.execute(select(person.c.facility).where(person.c.id == pid)
                            ).scalar_one() == "NEW"
