"""A first sync of many pages loads without indexes and builds them once; nothing is
ever left without its indexes or its person search, whatever stops the sync."""
from __future__ import annotations

import threading

from app.core.schema import person, person_identifier
from app.storage import bulk_load
from app.storage.replica import Replica
from app.storage.search import search_people
from app.sync.engine import SyncEngine
from tests.sync.helpers import count, new_person

_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') " \
          "ORDER BY type, name"


def _schema(rep) -> list[tuple]:
    rep.reader.dispose()  # a fresh connection: no cached schema
    with rep.reader.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(_SCHEMA)]


def _found(rep, text: str) -> list[str]:
    with rep.reader.connect() as conn:
        return [h.person_id for h in search_people(conn, text)]


def _twenty_on_the_server(devices, first: str, last: str, number: str):
    """Device b (new, and its schema as made) and 20 people a has synced to the server:
    (b, b's user, b's schema, the people)."""
    a, alice = devices("a")
    b, bob = devices("b")
    before = _schema(b)
    made = [new_person(a, alice, f"{first}{i:02d}", last, number=number.format(i))
            for i in range(20)]
    assert SyncEngine(a).run().completed
    return b, bob, before, made


def test_a_first_sync_of_many_pages_ends_with_every_index_and_search_built(devices):
    b, _bob, before, made = _twenty_on_the_server(devices, "Bulk", "Loaded", "B{:04d}K")
    phases = []
    summary = SyncEngine(b, page_size=6, progress=lambda p: phases.append(p.phase)).run()
    assert summary.completed and summary.pages > 2
    assert "indexing" in phases and phases.index("indexing") > phases.index("pull")
    assert _schema(b) == before  # the very same indexes and triggers, rebuilt
    assert _found(b, "Bulk07") == [made[7]["id"]]
    assert _found(b, "B0019K") == [made[19]["id"]]
    with b.reader.connect() as conn:
        assert not bulk_load.active(conn)
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def _first_sync_cancelled_after_two_pages(rep) -> None:
    cancel = threading.Event()

    def progress(p):
        if p.phase == "pull" and p.pages == 2:
            cancel.set()

    stopped = SyncEngine(rep, page_size=6, progress=progress, cancel=cancel).run()
    assert not stopped.completed and stopped.error_code == "cancelled"


def test_a_first_sync_stopped_half_way_leaves_nothing_unindexed(devices):
    b, bob, before, made = _twenty_on_the_server(devices, "Half", "Way", "H{:04d}W")
    _first_sync_cancelled_after_two_pages(b)
    with b.reader.connect() as conn:
        assert bulk_load.active(conn)  # the indexes set aside are on record
        assert search_people(conn, "Way").loading  # so a search says it is not complete
    # Someone records a person meanwhile: search must find them once it is rebuilt.
    mine = new_person(b, bob, "Recorded", "Meanwhile", number="M0001M")
    # Opening the replica again (the application restarting) rebuilds everything at once.
    reopened = Replica.open(b.path, _key_of(b))
    try:
        assert _schema(reopened) == before
        loaded = count(reopened, person)
        assert 1 < loaded < 21
        assert _found(reopened, "M0001M") == [mine["id"]]
        assert len(_found(reopened, "Way")) == loaded - 1
    finally:
        reopened.close()
    # The next sync resumes where the first stopped and completes.
    assert SyncEngine(b, page_size=6).run().completed
    assert count(b, person) == 21 and count(b, person_identifier) == 21
    assert _found(b, "H0019W") == [made[19]["id"]]
    with b.reader.connect() as conn:
        assert not search_people(conn, "Way").loading
    assert _schema(b) == before


def test_the_next_sync_finishes_a_load_a_cancelled_sync_left_half_done(devices):
    b, _bob, before, made = _twenty_on_the_server(devices, "Next", "Sync", "N{:04d}S")
    _first_sync_cancelled_after_two_pages(b)
    phases = []
    # The same replica, not reopened: the sync itself sees the load on record.
    resumed = SyncEngine(b, page_size=6, progress=lambda p: phases.append(p.phase)).run()
    assert resumed.completed and "indexing" in phases
    assert _schema(b) == before
    assert _found(b, "N0019S") == [made[19]["id"]]
    with b.reader.connect() as conn:
        assert not bulk_load.active(conn)
    # A later sync with nothing set aside builds nothing.
    phases.clear()
    assert SyncEngine(b).run().completed and "indexing" not in phases


def test_an_interrupted_rebuild_resumes_and_builds_each_index_once(replica):
    before = _schema(replica)
    with replica.engine.begin() as conn:
        assert bulk_load.begin(conn) and not bulk_load.begin(conn)
    assert len(_schema(replica)) < len(before)
    steps = []

    class Stop(Exception):
        pass

    def stop_after_two(done, total):
        steps.append((done, total))
        if done == 2:
            raise Stop()

    try:
        bulk_load.finish(replica.engine, stop_after_two)
    except Stop:
        pass
    assert bulk_load.finish(replica.engine) and not bulk_load.finish(replica.engine)
    assert _schema(replica) == before
    assert steps[-1][0] == 2 and steps[-1][1] > 2


def _key_of(rep) -> bytes:
    import keyring

    from app.storage import keys

    return bytes.fromhex(keyring.get_keyring().get_password(
        keys.SERVICE, f"{rep.path.parent.name}@{rep.path}"))
