"""Applying pulled pages: atomic with the cursor, no outbox, pending edits kept."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.protocol import ProtocolError
from app.core.schema import person, person_identifier
from app.storage.audit import verify_chain
from app.storage.local_tables import audit_log, outbox, search_doc
from app.storage.search import search_people
from app.sync import pull
from tests.sync.helpers import (
    EPOCH, audit_actions, count, hidden, identifier_row, new_person, outbox_statuses, page,
    person_row, snapshot, sync_state,
)


def _apply(replica, pg, after=None):
    if after is None:
        after = sync_state(replica).pull_after
    return pull.apply_page(replica, pg, expected_after=after, username="officer1")


def test_page_and_cursor_are_applied_together_without_outbox_entries(replica):
    bruno = person_row("Bruno", "Costa")
    ident = identifier_row(bruno["id"], "A1234BC")
    result = _apply(replica, page([snapshot("person", bruno, 1),
                                   snapshot("person_identifier", ident, 2)], cursor=2))
    assert (result.rows, result.inserted) == (2, 2)
    with replica.reader.connect() as conn:
        got = conn.execute(select(person).where(person.c.id == bruno["id"])).mappings().one()
        assert (got["first_name"], got["last_name"], got["date_of_birth"]) == (
            "Bruno", "Costa", bruno["date_of_birth"])
        assert got["created_at"] == bruno["created_at"]
        # Pulled rows are searchable at once: the FTS triggers fired.
        assert [h.person_id for h in search_people(conn, "A1234BC")] == [bruno["id"]]
        report = verify_chain(conn)
    assert report.ok
    st = sync_state(replica)
    assert (st.epoch, st.pull_after) == (EPOCH, 2)
    assert count(replica, outbox) == 0, "pulled rows came from the server: nothing to push"
    assert audit_actions(replica) == ["SYNC_PULL"]  # one audit entry for the page


def test_a_bad_page_writes_nothing_not_even_its_cursor(replica):
    good = person_row("Carla", "Dias")
    bad = person_row("Duarte", "Esteves")
    broken = snapshot("person", bad, 2)
    del broken.row["last_name"]  # a required column missing
    with pytest.raises(ProtocolError) as err:
        _apply(replica, page([snapshot("person", good, 1), broken], cursor=2))
    assert "last_name" in err.value.field
    assert count(replica, person) == 0
    assert sync_state(replica).pull_after == 0
    assert count(replica, audit_log) == 0


def test_unknown_table_is_refused_by_name(replica):
    snap = snapshot("person", person_row(), 1)
    snap.table = "no_such_table"
    with pytest.raises(ProtocolError, match="no_such_table"):
        _apply(replica, page([snap], cursor=1))
    assert sync_state(replica).pull_after == 0


def test_a_child_may_arrive_a_page_before_its_parent(replica):
    parent = person_row("Elsa", "Faria")
    child = identifier_row(parent["id"], "X9")
    _apply(replica, page([snapshot("person_identifier", child, 5)], cursor=5, has_more=True))
    _apply(replica, page([snapshot("person", parent, 7)], cursor=7))
    assert count(replica, person) == 1 and count(replica, person_identifier) == 1
    assert sync_state(replica).pull_after == 7


def test_pulled_state_keeps_pending_local_edits_on_top(replica, officer):
    local = new_person(replica, officer, "Ana", "Silva")
    # The server already holds the insert (an earlier push): mark it acknowledged.
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    with replica.unit_of_work(officer) as uow:
        uow.update(person, local["id"], {"last_name": "Silva-Santos"})  # pending, not pushed
    # Meanwhile another device changed the first name on the server.
    result = _apply(replica, page([snapshot("person", local, 9, first_name="Anabela",
                                            version=2, updated_by="other")], cursor=9))
    assert result.rebased == 1
    with replica.reader.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == local["id"])).mappings().one()
        docs = list(conn.execute(select(search_doc.c.text)
                                 .where(search_doc.c.source_id == local["id"])).scalars())
    assert (row["first_name"], row["last_name"]) == ("Anabela", "Silva-Santos")
    assert row["updated_by"] == officer.username, "the row still carries the local edit"
    assert len(docs) == 1 and docs[0].split() == ["Anabela", "Silva-Santos"]
    # The pending edit is still queued exactly once.
    assert [s for _seq, s in outbox_statuses(replica)] == ["ACKED", "PENDING"]


def test_rows_without_pending_edits_take_the_server_state(replica, officer):
    local = new_person(replica, officer, "Rui", "Gomes")
    with replica.engine.begin() as conn:
        conn.execute(outbox.update().values(status="ACKED", server_seq=1))
    _apply(replica, page([snapshot("person", local, 3, last_name="Gomes-Lopes", version=2)],
                         cursor=3))
    with replica.reader.connect() as conn:
        row = conn.execute(select(person).where(person.c.id == local["id"])).mappings().one()
    assert (row["last_name"], row["version"]) == ("Gomes-Lopes", 2)


def test_removed_rows_leave_the_replica_and_its_search_index(replica):
    gone = person_row("Hugo", "Ines")
    ident = identifier_row(gone["id"], "H77")
    _apply(replica, page([snapshot("person", gone, 1), snapshot("person_identifier", ident, 2)],
                         cursor=2))
    result = _apply(replica, page([], cursor=4, removed=[
        {"table": "person_identifier", "row_id": ident["id"]},
        {"table": "person", "row_id": gone["id"]}]))
    assert result.removed == 2
    assert count(replica, person) == 0 and count(replica, person_identifier) == 0
    with replica.reader.connect() as conn:
        assert list(search_people(conn, "H77")) == []
    assert count(replica, search_doc) == 0
    assert sync_state(replica).pull_after == 4


def test_a_page_from_another_epoch_is_not_applied(replica):
    _apply(replica, page([snapshot("person", person_row(), 1)], cursor=1))
    with pytest.raises(pull.EpochChanged):
        _apply(replica, page([snapshot("person", person_row("Ivo"), 1)], cursor=1,
                             epoch="epoch-2"))
    assert count(replica, person) == 1
    assert sync_state(replica).epoch == EPOCH


def test_a_page_already_applied_by_another_sync_is_skipped(replica):
    pg = page([snapshot("person", person_row("Joana"), 1)], cursor=1)
    _apply(replica, pg, after=0)
    again = _apply(replica, pg, after=0)  # a second sync that fetched the same page
    assert again.skipped
    assert count(replica, person) == 1
    assert audit_actions(replica) == ["SYNC_PULL"]


def test_a_page_that_changes_nothing_does_not_wait_for_someone_saving(replica):
    _apply(replica, page([snapshot("person", person_row("Kiko"), 1)], cursor=1))
    with replica.engine.connect() as saving:
        holding = saving.begin()  # a user's save: the writer begins IMMEDIATE
        # A background sync with nothing new: it neither waits for the save nor fails
        # with "database is locked" once the wait runs out.
        result = _apply(replica, page([], cursor=1))
        holding.rollback()
    assert not result.skipped and result.rows == 0
    st = sync_state(replica)
    assert (st.epoch, st.pull_after) == (EPOCH, 1)
    # A page that does move the cursor still records it.
    _apply(replica, page([], cursor=5))
    assert sync_state(replica).pull_after == 5
    assert audit_actions(replica) == ["SYNC_PULL"]


def test_redacted_required_fields_are_left_empty_and_never_overwritten(replica):
    import datetime as dt

    from app.core.ids import uuid7
    from app.core.schema import case_note

    owner = person_row("Kika", "Lemos")
    now = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)
    note = {"id": uuid7(), "version": 1, "facility": "MDI", "created_at": now,
            "created_by": "psy", "updated_at": now, "updated_by": "psy", "voided_at": None,
            "voided_by": None, "void_reason": None}
    for col in case_note.columns:
        note.setdefault(col.name, None)
    note.update(person_id=owner["id"], note_type="GEN", note_subtype="GEN", sensitive=True,
                restricted_use=False, occurred_at=now, recorded_at=now, author="psy")
    snap = hidden(snapshot("case_note", note, 2), "text")
    _apply(replica, page([snapshot("person", owner, 1), snap], cursor=2))
    with replica.reader.connect() as conn:
        got = conn.execute(select(case_note.c.text).where(case_note.c.id == note["id"])).scalar()
    assert got == ""
