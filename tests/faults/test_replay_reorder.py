"""Duplicated and reordered push requests: exactly one effect, gaps refused.

A push captured off the wire (by the proxy) is replayed byte for byte, a
batch is sent twice at the same moment, and batches are sent out of order.
The server applies each change once, refuses a batch that skips ahead
without applying any of it, and the client's own sync afterwards converges.
"""
from __future__ import annotations

import http.client
import json
import threading

import pytest
from sqlalchemy import select

from app.core.protocol import SEQUENCE_GAP, PushRequest
from app.sync import push, session, state
from app.sync.client import ServerRefused, SyncClient
from sync_server.storage.sync_tables import device

from . import ledger
from .helpers import assert_nothing_lost_or_duplicated, clean_sync, sync_through, write_people


def _push_requests(stream: bytes) -> list[tuple[bytes, bytes]]:
    """(head, body) of every POST /api/v1/sync/push in a captured client byte stream."""
    found = []
    at = 0
    while (start := stream.find(b"POST /api/v1/sync/push ", at)) >= 0:
        end = stream.index(b"\r\n\r\n", start) + 4
        head = stream[start:end]
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        found.append((head, stream[end:end + length]))
        at = end + length
    return found


def _replay(port: int, head: bytes, body: bytes) -> tuple[int, dict]:
    """Send captured request bytes as they were; the status and decoded answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.connect()
    conn.sock.sendall(head + body)
    resp = http.client.HTTPResponse(conn.sock, method="POST")
    resp.begin()
    data = json.loads(resp.read())
    conn.close()
    return resp.status, data


def _last_seq(engine, rep) -> int:
    with engine.connect() as conn:
        return conn.execute(select(device.c.last_seq)
                            .where(device.c.device_id == rep.device_id)).scalar() or 0


def test_a_captured_push_replayed_byte_for_byte_has_no_second_effect(
        devices, proxy, signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    write_people(a, alice, 3, "Replay", edits=2)
    assert sync_through(a, proxy.url, batch_size=3).completed
    pushes = [p for stream in proxy.captured for p in _push_requests(bytes(stream))]
    assert len(pushes) == 3, "8 changes went in batches of 3"
    engine = signed_in_server.engine()
    before = ledger.change_count(engine)
    for head, body in pushes + pushes[::-1]:  # again, and again in reverse order
        status, answer = _replay(signed_in_server.port, head, body)
        assert status == 200, answer
        assert {r["outcome"] for r in answer["results"]} == {"duplicate"}
        sent = json.loads(body)["changes"]
        assert [r["device_seq"] for r in answer["results"]] == [c["device_seq"] for c in sent]
    assert ledger.change_count(engine) == before, "replays changed nothing on the server"
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(engine, [a], [b])


def _client(rep) -> SyncClient:
    with rep.reader.connect() as conn:
        client = SyncClient(state.read(conn).server_url)
    session.authorise(rep, client)
    return client


def _send(client, rep, changes):
    return push.send(client, PushRequest(device_id=rep.device_id, changes=changes))


def test_batches_out_of_order_are_refused_as_a_gap_and_applied_once_in_order(
        devices, signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    write_people(a, alice, 3, "Order", edits=3)  # 9 changes
    changes = push.pending_changes(a)
    first, second, third = changes[:3], changes[3:6], changes[6:]
    engine = signed_in_server.engine()
    with _client(a) as client:
        for wrong in (second, third, [changes[0], changes[2]]):
            with pytest.raises(ServerRefused) as refused:
                _send(client, a, wrong)
            assert refused.value.code == SEQUENCE_GAP and refused.value.status == 409
            assert "changes up to 0; push from 1" in refused.value.message
            assert _last_seq(engine, a) == 0 and ledger.change_count(engine) == 0, \
                "nothing of a refused batch was applied"
        assert {r.outcome for r in _send(client, a, first).results} == {"applied"}
        with pytest.raises(ServerRefused) as refused:  # still a gap: 7 is not next
            _send(client, a, third)
        assert "expected device_seq 4 next, got 7" in refused.value.message
        assert {r.outcome for r in _send(client, a, second).results} == {"applied"}
        # A batch overlapping what the server holds: the old part is answered as a
        # duplicate, the new part applied, once.
        overlap = _send(client, a, changes[4:])
        assert [r.outcome for r in overlap.results] == ["duplicate", "duplicate", "applied",
                                                        "applied", "applied"]
        assert _last_seq(engine, a) == 9 and ledger.change_count(engine) == 9
    # The client never recorded those answers: its own sync sends all nine again.
    summary = sync_through(a, signed_in_server.url)
    assert summary.completed and (summary.applied, summary.duplicate) == (0, 9)
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(engine, [a], [b])


def test_the_same_batch_sent_twice_at_once_is_applied_once(devices, signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    write_people(a, alice, 4, "Twice", edits=2)
    changes = push.pending_changes(a)
    answers, errors = [], []
    start = threading.Barrier(2)

    def send() -> None:
        with _client(a) as client:
            start.wait()
            try:
                answers.append([r.outcome for r in _send(client, a, changes).results])
            except Exception as exc:  # noqa: BLE001 - recorded and asserted below
                errors.append(exc)

    workers = [threading.Thread(target=send) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert not errors, errors
    assert sorted(answers) == sorted([["applied"] * 10, ["duplicate"] * 10])
    engine = signed_in_server.engine()
    assert ledger.change_count(engine) == 10
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(engine, [a], [b])
