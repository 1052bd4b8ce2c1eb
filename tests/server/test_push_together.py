"""Pushes applied together (the PostgreSQL push lane's turns) end exactly as they would
one after another: the same outcomes, sequence numbers, rows, conflicts and audit log,
and a push refused, or a batch the database refuses, costs the others nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core import protocol
from app.core.schema import case_note, location, person
from sync_server.errors import ApiError
from sync_server.services import audit as audit_log
from sync_server.services import auth
from sync_server.services import push as push_service
from sync_server.services.audit import Origin
from sync_server.storage.sync_tables import change_log, conflict, device
from sync_server.storage.tables import audit

from .conftest import reset
from .support import case_note_values, person_values

NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)


def _call(server, dev, changes: list[dict], minute: int = 0) -> push_service.PushCall:
    with server.engine.connect() as conn:
        principal = auth.authenticate(conn, access_token=dev.token, now=NOW)
    assert isinstance(principal, auth.Principal)
    request = protocol.PushRequest.from_json({"device_id": dev.device_id, "changes": changes})
    return push_service.PushCall(principal, request, NOW + dt.timedelta(minutes=minute),
                                 Origin("api", "127.0.0.1", dev.device_id))


def _answer(answer) -> object:
    """What a device learns from a push's answer (conflict ids are new on every run)."""
    if isinstance(answer, ApiError):
        return (type(answer).__name__, answer.status, answer.code, answer.field)
    return [(r.device_seq, r.outcome, r.server_seq, r.reason, r.field, len(r.conflict_ids))
            for r in answer.results] + [answer.last_device_seq]


def _audit_seq(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(audit.c.seq).order_by(audit.c.seq.desc()).limit(1)
                            ).scalar() or 0


def _state(engine, since: int) -> dict:
    """What the server holds after the pushes, without the ids and times made anew (the
    audit log, which no reset empties, from entry `since` on)."""
    with engine.connect() as conn:
        return {
            "people": [dict(r) for r in conn.execute(
                select(person).order_by(person.c.id)).mappings()],
            "notes": [dict(r) for r in conn.execute(
                select(case_note).order_by(case_note.c.id)).mappings()],
            "log": conn.execute(select(
                change_log.c.server_seq, change_log.c.table_name, change_log.c.row_id,
                change_log.c.op, change_log.c.changes, change_log.c.device_id,
                change_log.c.device_seq).order_by(change_log.c.server_seq)).all(),
            "conflicts": conn.execute(select(
                conflict.c.table_name, conflict.c.row_id, conflict.c.field,
                conflict.c.client_device, conflict.c.status).order_by(
                conflict.c.row_id, conflict.c.client_device)).all(),
            "devices": conn.execute(select(device.c.device_id, device.c.last_seq)
                                    .order_by(device.c.device_id)).all(),
            "audit": conn.execute(select(audit.c.action, audit.c.target, audit.c.details)
                                  .where(audit.c.action == "sync_push", audit.c.seq > since)
                                  .order_by(audit.c.seq)).all(),
            "chain_ok": audit_log.verify(conn).ok,
        }


def _scenario(server):
    """Four devices' pushes: two edit the same person's same field (a conflict) and
    others, one starts with a sequence gap, one adds people."""
    a, b = server.login("officer1"), server.login("officer2")
    c, d = server.login("super1"), server.login("officer1")
    shared_id, shared = a.insert("person", person_values("Shared", "Person"))
    first = [_call(server, a, [shared])]
    new_id, new = c.insert("person", person_values("New", "Arrival"))
    calls = [
        _call(server, a, [a.update("person", shared_id, {"first_name": ["Shared", "Ann"]}),
                          a.insert("person", person_values("Ann", "Two"))[1]], 1),
        _call(server, b, [b.update("person", shared_id, {"first_name": ["Shared", "Bea"]}),
                          b.update("person", shared_id, {"last_name": ["Person", "Smith"]})],
              2),
        _call(server, d, [dict(d.insert("person", person_values())[1], device_seq=5)], 3),
        _call(server, c, [new, c.update("person", new_id, {"first_name": ["New", "Newer"]})],
              4),
    ]
    return first, calls


@pytest.fixture
def seeded(request, backend):
    return request.getfixturevalue(f"{backend}_database")[2]


def _together_and_in_turn(engine, seeded, first: push_service.PushCall,
                          calls: list[push_service.PushCall]) -> tuple[list, dict]:
    """Apply `first`, then `calls` one after another; reset the database and apply `first`,
    then `calls` together. Checks that the answers and what the server holds are the same
    both ways; returns the answers together and the state."""
    since = _audit_seq(engine)
    push_service.push_in_transaction(engine, first)
    serial = []
    for call in calls:
        try:
            serial.append(push_service.push_in_transaction(engine, call))
        except ApiError as exc:
            serial.append(exc)
    one_after_another = _state(engine, since)

    reset(engine, seeded)
    since = _audit_seq(engine)
    push_service.push_in_transaction(engine, first)
    together = push_service.push_together(engine, calls)
    assert [_answer(x) for x in together] == [_answer(x) for x in serial]
    assert _state(engine, since) == one_after_another
    return together, one_after_another


def test_pushes_applied_together_end_as_applied_one_after_another(server, seeded):
    first, calls = _scenario(server)
    together, one_after_another = _together_and_in_turn(server.engine, seeded, first[0],
                                                      calls)
    outcomes = [_answer(x) for x in together]
    assert outcomes[2][:3] == ("SequenceGap", 409, protocol.SEQUENCE_GAP)  # refused alone
    assert [o[1] for o in outcomes[1][:2]] == ["conflict", "applied"]  # merged as in turn
    assert one_after_another["chain_ok"] and len(one_after_another["audit"]) == 4


def test_a_batch_the_database_refuses_sends_each_push_of_the_group_alone(server):
    # super1's batch repeats a location code only the unique index knows: the group is
    # rolled back whole and every push applied alone, so only that change is refused.
    a, c = server.login("officer1"), server.login("super1")
    cell = {"code": "B-1-01", "name": "Cell B1-01", "kind": "CELL", "active": True}
    good_id, good = a.insert("person", person_values("Kept", "Anyway"))
    _, cell_one = c.insert("location", cell)
    _, cell_two = c.insert("location", {**cell, "name": "Same code again"})
    answers = push_service.push_together(server.engine, [
        _call(server, a, [good]), _call(server, c, [cell_one, cell_two])])
    assert [r.outcome for r in answers[0].results] == ["applied"]
    assert [r.outcome for r in answers[1].results] == ["applied", "rejected"]
    assert answers[1].results[1].reason == "a record with the same key already exists"
    with server.engine.connect() as conn:
        assert conn.execute(select(person.c.first_name).where(person.c.id == good_id)
                            ).scalar_one() == "Kept"
        assert conn.execute(select(location.c.name).where(location.c.code == "B-1-01")
                            ).scalars().all() == ["Cell B1-01"]
        ours = [f"device:{a.device_id}", f"device:{c.device_id}"]
        pushes = conn.execute(select(audit.c.target).where(
            audit.c.action == "sync_push", audit.c.target.in_(ours))).scalars().all()
        assert sorted(pushes) == sorted(ours)  # one entry each: the group left none
        assert audit_log.verify(conn).ok


def test_a_push_for_another_device_is_refused_and_the_rest_of_the_group_applies(server):
    a, b, c = server.login("officer1"), server.login("officer2"), server.login("officer1")
    _, theirs = b.insert("person", person_values("Theirs", "Own"))
    # a's session presenting a push of b's outbox
    stolen = push_service.PushCall(_call(server, a, []).principal,
                                   _call(server, b, [theirs]).request, NOW,
                                   Origin("api", "127.0.0.1", a.device_id))
    _, own = c.insert("person", person_values("Own", "Work"))
    answers = push_service.push_together(server.engine, [stolen, _call(server, c, [own])])
    assert isinstance(answers[0], ApiError) and answers[0].code == protocol.WRONG_DEVICE
    assert [r.outcome for r in answers[1].results] == ["applied"]


def test_one_device_twice_in_a_group_is_a_programming_error(server):
    a = server.login("officer1")
    _, one = a.insert("person", person_values())
    _, two = a.insert("person", person_values())
    with pytest.raises(ValueError, match="one push per device"):
        push_service.push_together(server.engine, [_call(server, a, [one]),
                                                   _call(server, a, [two])])


def test_many_devices_pushing_at_once_through_the_api_each_apply_once(server):
    # On PostgreSQL these queue in the push lane and are applied in groups.
    import threading

    devices = [server.login(name) for name in ("officer1", "officer2") * 4]
    batches = []
    for n, dev in enumerate(devices):
        made = [dev.insert("person", person_values(f"At{n}", f"Once{i}")) for i in range(3)]
        batches.append(([row_id for row_id, _ in made], [change for _, change in made]))
    start, answers = threading.Barrier(len(devices)), {}

    def push(n):
        start.wait()
        answers[n] = devices[n].push(batches[n][1])

    threads = [threading.Thread(target=push, args=(n,)) for n in range(len(devices))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seqs = [r["server_seq"] for n in range(len(devices)) for r in answers[n]["results"]]
    assert all(r["outcome"] == "applied" for n in answers for r in answers[n]["results"])
    assert len(set(seqs)) == len(seqs) == 3 * len(devices)
    with server.engine.connect() as conn:
        stored = set(conn.execute(select(person.c.id)).scalars())
        assert all(set(ids) <= stored for ids, _ in batches)
        assert audit_log.verify(conn).ok
    # A replay of every batch has no second effect.
    for n, dev in enumerate(devices):
        again = dev.push(batches[n][1])
        assert {r["outcome"] for r in again["results"]} == {"duplicate"}


FIELDS = ("first_name", "last_name", "middle_names")
NAMES = st.sampled_from(["Ada", "Grace", "Mary", "Ann"])
EDITS = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 1), st.sampled_from(FIELDS), NAMES),
    st.tuples(st.just("add"), st.just(0), st.just(""), NAMES),
    st.tuples(st.just("note"), st.integers(0, 1), st.just(""), NAMES),
    st.tuples(st.just("void"), st.integers(0, 1), st.just(""), st.just("")),
)


@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plans=st.lists(st.tuples(st.lists(EDITS, max_size=4), st.booleans()), min_size=2,
                      max_size=4))
def test_any_pushes_applied_together_end_as_applied_one_after_another(server, seeded, plans):
    """Devices that all saw the same two people edit, add, note and void them offline
    (some pushing with a sequence gap); their pushes applied together end exactly as the
    same pushes applied one after another."""
    engine = server.engine
    reset(engine, seeded)
    names = ("officer1", "officer2", "super1", "officer1")
    creator = server.login("officer1")
    base = [creator.insert("person", {**person_values(f"P{i}", "Base"), "middle_names": "M"})
            for i in range(2)]
    first = _call(server, creator, [change for _, change in base])
    calls = []
    for n, (edits, gap) in enumerate(plans):
        dev = server.login(names[n])
        changes = []
        for kind, which, field, value in edits:
            row_id = base[which][0]
            if kind == "edit":
                old = "M" if field == "middle_names" else ("P%d" % which if field ==
                                                             "first_name" else "Base")
                changes.append(dev.update("person", row_id, {field: [old, value]}))
            elif kind == "add":
                changes.append(dev.insert("person", person_values(value, f"New{n}"))[1])
            elif kind == "note":
                changes.append(dev.insert("case_note", case_note_values(row_id, value))[1])
            else:
                changes.append(dev.void("person", row_id))
        if gap and changes:
            changes = [dict(c, device_seq=c["device_seq"] + 3) for c in changes]
        calls.append(_call(server, dev, changes, n))
    _together, one_after_another = _together_and_in_turn(engine, seeded, first, calls)
    assert one_after_another["chain_ok"]
