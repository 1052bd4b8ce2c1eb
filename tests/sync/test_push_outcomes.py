"""Recording push outcomes, and re-queueing after a server restore."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.protocol import (
    APPLIED, CONFLICT, DUPLICATE, REJECTED, ChangeResult, ProtocolError, PushResponse,
)
from app.storage.local_tables import outbox, rejected_change, sync_conflict
from app.storage.unit_of_work import utcnow
from app.sync import inbox, push, state
from tests.sync.helpers import EPOCH, audit_actions, count, new_person, outbox_statuses, sync_state


def _response(changes, outcomes, *, epoch=EPOCH, last=None, **extra):
    results = []
    for change, outcome in zip(changes, outcomes):
        kw = {}
        if outcome in (APPLIED, CONFLICT):
            kw["server_seq"] = 100 + change.device_seq
        if outcome == REJECTED:
            kw.update(reason="officers may not write this field", field="last_name")
        if outcome == CONFLICT:
            kw.update(reason="last_name changed on both sides", conflict_ids=["c-1"])
        results.append(ChangeResult(op_id=change.op_id, device_seq=change.device_seq,
                                    outcome=outcome, **kw))
    return PushResponse(epoch=epoch, results=results,
                        last_device_seq=last if last is not None else changes[-1].device_seq)


def test_outcomes_are_recorded_and_nothing_is_dropped(replica, officer):
    for i in range(4):
        new_person(replica, officer, f"P{i}", "Teste")  # one outbox entry each
    changes = push.pending_changes(replica)
    assert [c.device_seq for c in changes] == [1, 2, 3, 4]
    result = push.apply_results(replica, changes,
                                _response(changes, [APPLIED, DUPLICATE, CONFLICT, REJECTED]),
                                username="officer1")
    assert (result.applied, result.duplicate, result.conflicts, result.rejected) == (1, 1, 1, 1)
    assert outbox_statuses(replica) == [(1, "ACKED"), (2, "ACKED"), (3, "ACKED"),
                                        (4, "REJECTED")]
    with replica.reader.connect() as conn:
        seqs = list(conn.execute(select(outbox.c.server_seq).order_by(outbox.c.seq)).scalars())
        conflict = conn.execute(select(sync_conflict)).mappings().one()
    assert seqs[0] == 101 and seqs[2] == 103
    assert (conflict["conflict_id"], conflict["row_id"]) == ("c-1", changes[2].row_id)
    entry, = inbox.list_rejected(replica)
    assert (entry["op_id"], entry["reason"], entry["field"]) == (
        changes[3].op_id, "officers may not write this field", "last_name")
    assert entry["changes"] == changes[3].changes
    assert push.pending_changes(replica) == []
    assert sync_state(replica).last_device_seq == 4
    assert audit_actions(replica)[-1] == "SYNC_PUSH"


def test_changes_the_server_did_not_answer_stay_pending(replica, officer):
    for i in range(3):
        new_person(replica, officer, f"Q{i}", "Teste")
    changes = push.pending_changes(replica)
    response = _response(changes[:1], [APPLIED], last=1)
    result = push.apply_results(replica, changes, response, username="officer1")
    assert result.unanswered == 2
    assert [c.device_seq for c in push.pending_changes(replica)] == [2, 3]


def test_an_answer_about_an_unsent_change_is_refused_and_records_nothing(replica, officer):
    new_person(replica, officer)
    changes = push.pending_changes(replica)
    bogus = PushResponse(epoch=EPOCH, last_device_seq=1, results=[
        ChangeResult(op_id="not-sent", device_seq=1, outcome=APPLIED, server_seq=1)])
    with pytest.raises(ProtocolError):
        push.apply_results(replica, changes, bogus, username="officer1")
    assert outbox_statuses(replica) == [(1, "PENDING")]


def test_batches_are_in_seq_order_and_bounded(replica, officer):
    for i in range(5):
        new_person(replica, officer, f"R{i}", "Teste")
    assert [c.device_seq for c in push.pending_changes(replica, 2)] == [1, 2]


def test_a_restored_server_gets_back_what_it_lost(replica, officer):
    for i in range(5):
        new_person(replica, officer, f"S{i}", "Teste")
    changes = push.pending_changes(replica)
    push.apply_results(replica, changes,
                       _response(changes, [APPLIED, APPLIED, APPLIED, REJECTED, APPLIED]),
                       username="officer1")
    with replica.engine.begin() as conn:
        state.write(conn, utcnow(), epoch=EPOCH, pull_after=42)  # pulled up to 42
    # The server comes back from a backup holding this device's changes up to seq 2.
    changed, requeued = push.reconcile_epoch(replica, server_epoch="epoch-2",
                                             server_last_device_seq=2, username="officer1")
    assert (changed, requeued) == (True, 3)
    assert outbox_statuses(replica) == [(1, "ACKED"), (2, "ACKED"), (3, "PENDING"),
                                        (4, "PENDING"), (5, "PENDING")]
    st = sync_state(replica)
    assert (st.epoch, st.pull_after) == ("epoch-2", 0), "pull starts again from the beginning"
    assert "SYNC_EPOCH" in audit_actions(replica)
    # Same epoch again: nothing more to do.
    assert push.reconcile_epoch(replica, server_epoch="epoch-2", server_last_device_seq=2,
                                username="officer1") == (False, 0)


def test_first_contact_records_the_epoch_without_resetting_anything(replica, officer):
    new_person(replica, officer)
    assert push.reconcile_epoch(replica, server_epoch=EPOCH, server_last_device_seq=0,
                                username="officer1") == (False, 0)
    assert sync_state(replica).epoch == EPOCH
    assert outbox_statuses(replica) == [(1, "PENDING")]


def test_a_rejection_seen_again_after_a_restore_keeps_one_inbox_entry(replica, officer):
    new_person(replica, officer)
    changes = push.pending_changes(replica)
    push.apply_results(replica, changes, _response(changes, [REJECTED]), username="officer1")
    push.reconcile_epoch(replica, server_epoch=EPOCH, server_last_device_seq=1,
                         username="officer1")
    push.reconcile_epoch(replica, server_epoch="epoch-2", server_last_device_seq=0,
                         username="officer1")
    again = push.pending_changes(replica)
    push.apply_results(replica, again, _response(again, [REJECTED], epoch="epoch-2"),
                       username="officer1")
    assert count(replica, rejected_change) == 1
