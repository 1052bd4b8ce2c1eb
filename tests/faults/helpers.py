"""Small helpers shared by the fault tests: writing changes, syncing, checking."""
from __future__ import annotations

import functools
import json

from app.core.schema import person, person_identifier
from app.storage import bulk_load
from app.storage.audit import verify_chain
from app.sync import session
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from tests.sync.helpers import new_person

from . import ledger

TABLES = (person, person_identifier)


def write_people(rep, actor, n: int, tag: str, edits: int = 0) -> list[dict]:
    """`n` people (each with an identifier) and `edits` edits of them: 2n + edits changes."""
    made = [new_person(rep, actor, f"{tag}{i}", "Fault", number=f"{tag}-{i}") for i in range(n)]
    for i in range(edits):
        row = made[i % len(made)]
        with rep.unit_of_work(actor) as uow:
            current = uow.get(person, row["id"])
            uow.update(person, row["id"], {"middle_names": f"{current['middle_names'] or ''}e{i}"})
    return made


def sync_through(rep, url: str, *, timeout=(1.0, 2.0), **kw):
    """One sync of `rep` against `url` (a proxy, say) with short timeouts."""
    client = SyncClient(url, timeout=timeout)
    try:
        return SyncEngine(rep, client=client, **kw).run()
    finally:
        client.close()


def clean_sync(*reps, rounds: int = 2) -> None:
    """Sync every replica directly, `rounds` times, each sync completing."""
    for _ in range(rounds):
        for rep in reps:
            summary = SyncEngine(rep).run()
            assert summary.completed, summary.error


def fresh_access(rep) -> None:
    """Refresh the session up front, so the faults land on sync requests rather than
    on a token refresh (test_proxy_faults.py tests a refresh whose answer is lost)."""
    from app.sync import state

    with rep.reader.connect() as conn:
        url = state.read(conn).server_url
    with SyncClient(url) as client:
        session.authorise(rep, client, force_refresh=True)


def assert_intact(rep, *, settled: bool = False) -> None:
    """The replica's audit chain verifies and SQLite finds nothing wrong with the file.

    Checked on a new connection: FTS5's integrity check on a pooled connection
    that ran it before reads a stale index structure and reports corruption
    that a fresh connection does not see.
    """
    rep.reader.dispose()
    with rep.reader.connect() as conn:
        report = verify_chain(conn)
        assert report.ok, report.reason
        problems = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        assert problems == ["ok"], problems[:5]
        # Every index and search trigger is there, or set aside on record by a first
        # sync's bulk load that a fault stopped (never missing unknowingly); once the
        # syncs have `settled`, every one is there.
        held = {tuple(r) for r in conn.exec_driver_sql(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
        kept = conn.exec_driver_sql("SELECT value FROM replica_meta WHERE key = ?",
                                    (bulk_load.MARKER,)).scalar()
    missing = _fresh_schema() - held
    assert held <= _fresh_schema(), sorted(held - _fresh_schema())[:5]
    if settled:
        assert not missing and kept is None, sorted(missing)[:5]
    else:
        on_record = set(json.loads(kept)) if kept else set()
        assert all(any(f' "{name}"' in sql or f" {name} " in sql for sql in on_record)
                   for _kind, name in missing), sorted(missing)[:5]


@functools.lru_cache(maxsize=1)
def _fresh_schema() -> frozenset[tuple[str, str]]:
    """(type, name) of every index and trigger of a newly created replica."""
    import secrets
    import tempfile
    from pathlib import Path

    from app.storage.replica import Replica

    with tempfile.TemporaryDirectory() as folder:
        fresh = Replica.open(Path(folder) / "replica.db", secrets.token_bytes(32))
        try:
            with fresh.reader.connect() as conn:
                return frozenset(tuple(r) for r in conn.exec_driver_sql(
                    "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"))
        finally:
            fresh.close()


def assert_nothing_lost_or_duplicated(engine, writers, readers, facility: str = "MDI") -> None:
    """The full guarantee after a fault: every writer's outbox is acknowledged, the
    server received each change once and applied it, every replica holds exactly
    the server's rows."""
    for rep in writers:
        ledger.assert_all_acked(rep)
        ledger.assert_each_change_once(engine, rep)
    ledger.assert_effects_on_server(engine, writers)
    for rep in (*writers, *readers):
        ledger.assert_matches_server(engine, rep, TABLES, facility)
        assert_intact(rep, settled=True)
