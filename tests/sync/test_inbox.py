"""The rejected inbox: retry (corrected) as a new change, discard with a reason."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import NotFound, ValidationError
from app.core.protocol import REJECTED, ChangeResult, PushResponse
from app.core.schema import person
from app.storage.audit import verify_chain
from app.storage.local_tables import outbox
from app.sync import inbox, push
from tests.sync.helpers import EPOCH, audit_actions, new_person, outbox_statuses


def _reject_pending(replica, reason="not allowed", field=None):
    changes = push.pending_changes(replica)
    response = PushResponse(epoch=EPOCH, last_device_seq=changes[-1].device_seq, results=[
        ChangeResult(op_id=c.op_id, device_seq=c.device_seq, outcome=REJECTED, reason=reason,
                     field=field) for c in changes])
    push.apply_results(replica, changes, response, username="officer1")
    return inbox.list_rejected(replica)


def _person(replica, person_id):
    with replica.reader.connect() as conn:
        return conn.execute(select(person).where(person.c.id == person_id)).mappings().one()


def _rejected_update(replica, officer):
    row = new_person(replica, officer, "Tiago", "Urbano")
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    with replica.unit_of_work(officer) as uow:
        uow.update(person, row["id"], {"last_name": "Urbano!!"})
    entry, = _reject_pending(replica, "last_name: has characters not allowed", "last_name")
    return row, entry


def test_retry_queues_the_corrected_change_as_a_new_outbox_entry(replica, officer):
    row, entry = _rejected_update(replica, officer)
    op_id = inbox.retry(replica, officer, entry["id"], {"last_name": "Urbano"})
    assert _person(replica, row["id"])["last_name"] == "Urbano"
    with replica.reader.connect() as conn:
        new = conn.execute(select(outbox).where(outbox.c.op_id == op_id)).mappings().one()
    assert new["status"] == "PENDING" and new["seq"] > entry["outbox_seq"]
    assert new["changes"] == {"last_name": ["Urbano", "Urbano"]}
    # The old entry stays as it was: rejected, and in the inbox marked RETRIED.
    assert (entry["outbox_seq"], "REJECTED") in outbox_statuses(replica)
    assert inbox.list_rejected(replica) == []
    assert inbox.get_rejected(replica, entry["id"])["status"] == "RETRIED"
    assert audit_actions(replica)[-1] == "RETRY_REJECTED"
    with pytest.raises(ValidationError, match="already retried"):
        inbox.retry(replica, officer, entry["id"])


def test_retry_refuses_a_correction_of_a_field_not_in_the_change(replica, officer):
    _row, entry = _rejected_update(replica, officer)
    before = outbox_statuses(replica)
    with pytest.raises(ValidationError) as err:
        inbox.retry(replica, officer, entry["id"], {"first_name": "X"})
    assert err.value.field == "first_name"
    assert outbox_statuses(replica) == before, "nothing was written"


def test_retry_of_a_rejected_insert_sends_the_whole_row_again(replica, officer):
    row = new_person(replica, officer, "Vera", "Xavier")
    entry, = _reject_pending(replica, "no facility MDI for this user")
    op_id = inbox.retry(replica, officer, entry["id"])
    with replica.reader.connect() as conn:
        new = conn.execute(select(outbox).where(outbox.c.op_id == op_id)).mappings().one()
    assert new["op"] == "insert" and new["row_id"] == row["id"]
    assert new["changes"]["first_name"] == [None, "Vera"]


def test_discard_needs_a_reason_and_puts_the_server_value_back(replica, officer):
    row, entry = _rejected_update(replica, officer)
    with pytest.raises(ValidationError) as err:
        inbox.discard(replica, officer, entry["id"], "  ")
    assert err.value.field == "reason"
    assert inbox.list_rejected(replica)[0]["status"] == "OPEN"
    restored = inbox.discard(replica, officer, entry["id"], "typo, not needed")
    assert restored == {"last_name": "Urbano"}
    assert _person(replica, row["id"])["last_name"] == "Urbano"
    kept = inbox.get_rejected(replica, entry["id"])
    assert (kept["status"], kept["resolution"], kept["resolved_by"]) == (
        "DISCARDED", "typo, not needed", officer.username)
    assert audit_actions(replica)[-1] == "DISCARD_REJECTED"
    with replica.reader.connect() as conn:
        assert verify_chain(conn).ok


def test_discarding_a_rejected_insert_voids_the_local_only_row(replica, officer):
    row = new_person(replica, officer, "Yara", "Zeferino")
    entry, = _reject_pending(replica, "not allowed in this facility")
    inbox.discard(replica, officer, entry["id"], "recorded at the wrong prison")
    got = _person(replica, row["id"])
    assert got["voided_at"] is not None and "wrong prison" in got["void_reason"]


def test_unknown_inbox_entry(replica, officer):
    with pytest.raises(NotFound):
        inbox.get_rejected(replica, 999)
    with pytest.raises(NotFound):
        inbox.discard(replica, officer, 999, "x")


def test_retry_after_the_server_state_was_pulled_back_reapplies_the_change(replica, officer):
    from app.sync import pull
    from tests.sync.helpers import page, snapshot

    row = new_person(replica, officer, "Ulisses", "Vaz")
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    with replica.unit_of_work(officer) as uow:
        uow.update(person, row["id"], {"middle_names": "Tomé", "last_name": "Vaz!!"})
    entry, = _reject_pending(replica, "last_name: not allowed", "last_name")
    # The server sends its own state of the row back after a rejection.
    pull.apply_page(replica, page([snapshot("person", row, 2)], cursor=2), expected_after=0,
                    username="officer1")
    assert _person(replica, row["id"])["middle_names"] is None
    op_id = inbox.retry(replica, officer, entry["id"], {"last_name": "Vaz-Tomé"})
    got = _person(replica, row["id"])
    assert (got["middle_names"], got["last_name"]) == ("Tomé", "Vaz-Tomé")
    with replica.reader.connect() as conn:
        sent = conn.execute(select(outbox.c.changes).where(outbox.c.op_id == op_id)).scalar()
    assert sent == {"middle_names": [None, "Tomé"], "last_name": ["Vaz", "Vaz-Tomé"]}
