"""Two devices syncing through a real server (uvicorn on loopback, SQLite)."""
from __future__ import annotations

import datetime as dt
import shutil

from sqlalchemy import select

from app.core.protocol import PushRequest
from app.core.schema import person
from app.storage.audit import verify_chain
from app.storage.search import search_people
from app.sync import push, session
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from tests.sync.conftest import PASSWORD
from tests.sync.helpers import new_person, outbox_statuses


def sync(rep, **kw):
    summary = SyncEngine(rep, **kw).run()
    assert summary.completed, summary.error
    return summary


def _row(rep, person_id):
    with rep.reader.connect() as conn:
        return conn.execute(select(person).where(person.c.id == person_id)).mappings().first()


def test_a_person_created_on_a_reaches_b(devices):
    a, alice = devices("a")
    b, _bob = devices("b")
    created = new_person(a, alice, "Joaquim", "Barbosa", number="A1000AA")
    first = sync(a)
    assert (first.pushed, first.applied, first.rejected, first.pending) == (2, 2, 0, 0)
    assert [s for _seq, s in outbox_statuses(a)] == ["ACKED", "ACKED"]
    got = sync(b)
    assert got.pulled >= 2
    row = _row(b, created["id"])
    assert (row["first_name"], row["last_name"], row["created_by"]) == (
        "Joaquim", "Barbosa", "alice")
    with b.reader.connect() as conn:
        assert [h.person_id for h in search_people(conn, "Barbosa")] == [created["id"]]
        assert verify_chain(conn).ok
    assert outbox_statuses(b) == [], "pulled rows are not pushed back"
    # status facts for `custos status`
    assert a.get_meta("last_sync") and a.get_meta("conflicts") == "0"


def test_edits_to_different_fields_merge(devices):
    a, alice = devices("a")
    b, bob = devices("b")
    p = new_person(a, alice, "Marta", "Coelho")
    sync(a), sync(b)
    with a.unit_of_work(alice) as uow:
        uow.update(person, p["id"], {"middle_names": "Isabel"})
    with b.unit_of_work(bob) as uow:
        uow.update(person, p["id"], {"last_name": "Coelho-Reis"})
    sync(a)
    merged_b = sync(b)
    assert merged_b.conflicts == 0
    sync(a)
    for rep in (a, b):
        row = _row(rep, p["id"])
        assert (row["middle_names"], row["last_name"]) == ("Isabel", "Coelho-Reis")


def test_same_field_conflicts_and_central_office_resolves_it(devices, capsys):
    from app.__main__ import main

    a, alice = devices("a")
    b, bob = devices("b")
    central, _carol = devices("central")
    p = new_person(a, alice, "Rita", "Pinto")
    sync(a), sync(b)
    with a.unit_of_work(alice) as uow:
        uow.update(person, p["id"], {"last_name": "Pinto-Alves"})
    with b.unit_of_work(bob) as uow:
        uow.update(person, p["id"], {"last_name": "Pinto-Neves"})
    sync(a)
    summary = sync(b)
    assert summary.conflicts == 1 and len(summary.conflict_ids) == 1
    # The server's value stands provisionally, on both devices.
    assert _row(b, p["id"])["last_name"] == "Pinto-Alves"
    assert b.get_meta("conflicts") == "1"
    conflict_id = summary.conflict_ids[0]

    sync(central)
    assert central.get_meta("conflicts") == "1", "central office sees the open queue"
    capsys.readouterr()
    assert main(["conflicts", "list", "--local", "--profile", "b"]) == 0
    mine = capsys.readouterr().out
    assert conflict_id in mine and "OPEN" in mine and "person" in mine
    assert main(["conflicts", "list", "--profile", "central"]) == 0
    listed = capsys.readouterr().out
    assert conflict_id in listed and "Pinto-Neves" in listed and "Pinto-Alves" in listed
    assert main(["conflicts", "show", conflict_id, "--profile", "central"]) == 0
    shown = capsys.readouterr().out
    assert "base:   \"Pinto\"" in shown and "bob" in shown and "alice" in shown
    assert main(["conflicts", "resolve", conflict_id, "--choose", "value", "--note", "x",
                 "--profile", "central"]) == 1
    assert "value: is required" in capsys.readouterr().err
    assert main(["conflicts", "resolve", conflict_id, "--choose", "client",
                 "--note", "B saw the court order", "--profile", "central"]) == 0
    assert "resolved" in capsys.readouterr().out
    # An officer may not see the queue: the server says so, plainly.
    assert main(["conflicts", "list", "--profile", "a"]) == 1
    assert "custos: error:" in capsys.readouterr().err
    sync(a), sync(b), sync(central)
    assert central.get_meta("conflicts") == "0"
    for rep in (a, b, central):
        assert _row(rep, p["id"])["last_name"] == "Pinto-Neves"


def test_a_replayed_push_has_one_effect(devices):
    a, alice = devices("a")
    b, _ = devices("b")
    p = new_person(a, alice, "Nuno", "Teixeira")
    with a.unit_of_work(alice) as uow:
        uow.update(person, p["id"], {"middle_names": "Filipe"})
    changes = push.pending_changes(a)
    request = PushRequest(device_id=a.device_id, changes=changes)
    with SyncClient(_server_url(a)) as client:
        session.authorise(a, client)
        first = push.send(client, request)   # the answer is "lost": nothing recorded locally
        second = push.send(client, request)
    assert [r.outcome for r in first.results] == ["applied", "applied"]
    assert [r.outcome for r in second.results] == ["duplicate", "duplicate"]
    summary = sync(a)  # sends the same changes a third time
    assert (summary.applied, summary.duplicate) == (0, 2)
    sync(b)
    row = _row(b, p["id"])
    assert row["middle_names"] == "Filipe"
    assert row["version"] == 2, "the update was applied once"


def _server_url(rep):
    from app.sync import state

    with rep.reader.connect() as conn:
        return state.read(conn).server_url


def _backup(source, target):
    """An online backup of the server's SQLite database (as an operator would take it)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close(), dst.close()


def _put_back(server, backup, *, start: bool = True) -> None:
    """Stop the server and replace its database with `backup` (a restore); restart it."""
    server.stop()
    for suffix in ("-wal", "-shm"):
        server.db_path.with_name(server.db_path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, server.db_path)
    if start:
        server.start()


def test_a_server_restored_from_backup_gets_back_what_it_lost(devices, signed_in_server, tmp_path):
    from sync_server.services.audit import Origin
    from sync_server.services.sequences import rotate_epoch
    from sync_server.settings import utc_now

    a, alice = devices("a")
    b, _ = devices("b")
    kept = new_person(a, alice, "Olga", "Vieira")
    sync(a)
    backup = tmp_path / "backup.db"
    _backup(signed_in_server.db_path, backup)
    lost = new_person(a, alice, "Paulo", "Viana")
    sync(a)
    # Disaster: the server comes back from last night's backup.
    _put_back(signed_in_server, backup, start=False)
    engine = signed_in_server.engine()
    with engine.begin() as conn:
        rotate_epoch(conn, now=utc_now(), reason="restored from backup", actor="test",
                     origin=Origin("cli"))
    engine.dispose()
    signed_in_server.start()

    summary = sync(a)
    assert summary.epoch_changed and summary.requeued == 1
    assert summary.pending == 0
    sync(b)
    for person_id in (kept["id"], lost["id"]):
        assert _row(b, person_id) is not None
    with b.reader.connect() as conn:
        assert conn.execute(select(person.c.id)).scalars().all().__len__() == 2


def test_a_client_too_new_is_told_plainly_and_keeps_its_outbox(devices, monkeypatch):
    import app.sync.client as client_module
    from app.core.protocol import PROTOCOL_HEADER, SCHEMA_HEADER, version_headers

    a, alice = devices("a")
    new_person(a, alice)
    newer = {**version_headers(), PROTOCOL_HEADER: "99"}
    monkeypatch.setattr(client_module, "version_headers", lambda: newer)
    summary = SyncEngine(a).run()
    assert not summary.completed
    assert summary.error_code == "client_too_new"
    assert "newer than the server" in summary.error and "kept" in summary.error
    assert summary.pending == 1 and [s for _, s in outbox_statuses(a)] == ["PENDING"]
    monkeypatch.setattr(client_module, "version_headers", lambda: {
        **version_headers(), SCHEMA_HEADER: "0"})
    old = SyncEngine(a).run()
    assert old.error_code == "client_too_old" and "update Custos" in old.error


def test_offline_sync_keeps_everything_and_offline_login_works(devices, signed_in_server, capsys):
    from app.__main__ import main

    a, alice = devices("a")
    new_person(a, alice)
    signed_in_server.stop()
    summary = SyncEngine(a).run()
    assert not summary.completed and summary.error_code == "offline"
    assert "outbox" in summary.error and summary.pending == 1
    # The user signed in online before, so can sign in here without the server.
    actor = session.login_offline(a, "alice", PASSWORD)
    assert actor.roles == ("officer",) and actor.facility == "MDI"
    a.close()
    capsys.readouterr()
    assert main(["sync", "--profile", "a"]) == 1
    captured = capsys.readouterr()
    assert "did NOT complete" in captured.out and "cannot reach" in captured.err


def test_rejected_change_waits_in_the_inbox_until_fixed(devices, capsys):
    from app.__main__ import main

    a, alice = devices("a")
    p = new_person(a, alice, "Quim", "Rosa")
    sync(a)
    with a.unit_of_work(alice) as uow:
        uow.update(person, p["id"], {"middle_names": "x" * 300})  # longer than the column
    summary = sync(a)
    assert summary.rejected == 1 and summary.pending == 0
    capsys.readouterr()
    assert main(["rejected", "list", "--profile", "a"]) == 0
    out = capsys.readouterr().out
    assert "middle_names" in out and "#1" in out
    assert main(["rejected", "retry", "1", "--set", "middle_names=Xavier",
                 "--profile", "a"]) == 0
    assert sync(a).applied == 1
    b, _ = devices("b")
    sync(b)
    assert _row(b, p["id"])["middle_names"] == "Xavier"


def test_the_engine_runs_in_a_background_thread_with_progress_and_cancel(devices):
    import threading

    a, alice = devices("a")
    for i in range(12):
        new_person(a, alice, f"Tania{i}", "Thread")  # 12 outbox entries
    seen, result = [], {}
    cancel = threading.Event()

    def progress(p):
        seen.append((p.phase, p.pushed, p.to_push))
        if p.phase == "push" and p.pushed >= 5:
            cancel.set()  # the user pressed "Stop" in the desktop client

    worker = threading.Thread(target=lambda: result.update(
        summary=SyncEngine(a, batch_size=5, progress=progress, cancel=cancel).run()))
    worker.start()
    worker.join(60)
    stopped = result["summary"]
    assert not stopped.completed and stopped.error_code == "cancelled"
    assert "resumes" in stopped.error
    assert (stopped.pushed, stopped.pending) == (5, 7)
    assert seen[:2] == [("connecting", 0, 0), ("push", 5, 12)]
    assert a.get_meta("last_sync") is None, "a cancelled sync is not a completed one"
    resumed = sync(a, batch_size=5)
    assert (resumed.pushed, resumed.applied, resumed.pending) == (7, 7, 0)


def test_an_expired_access_token_is_refreshed_and_the_new_refresh_token_kept(devices):
    import dataclasses

    a, alice = devices("a")
    old = session.load_tokens(a)
    session.save_tokens(a, dataclasses.replace(old, access_expires_at="2000-01-01T00:00:00+00:00"))
    new_person(a, alice)
    assert sync(a).applied == 1
    fresh = session.load_tokens(a)
    assert fresh.refresh_token != old.refresh_token and fresh.access_token != old.access_token
    assert fresh.access_valid(dt.datetime.now(dt.timezone.utc))
    assert sync(a).completed  # and the new one keeps working


def test_a_refused_access_token_is_refreshed_once_and_the_sync_goes_on(devices):
    import dataclasses

    a, alice = devices("a")
    old = session.load_tokens(a)
    session.save_tokens(a, dataclasses.replace(old, access_token="not-a-token"))
    new_person(a, alice)
    assert sync(a).applied == 1
    assert session.load_tokens(a).refresh_token != old.refresh_token


def test_a_restore_without_a_new_epoch_still_gets_back_what_it_lost(devices, signed_in_server,
                                                                     tmp_path):
    # The operator forgot `restored-from-backup`: the epoch is the same, but the server
    # holds fewer changes than the devices had acknowledged, and cursors are past its head.
    from tests.sync.helpers import audit_actions

    a, alice = devices("a")
    b, bob = devices("b")
    kept = new_person(a, alice, "Vasco", "Antes")
    sync(a)
    backup = tmp_path / "backup.db"
    _backup(signed_in_server.db_path, backup)
    lost = [new_person(a, alice, f"Depois{i}", "Perdido") for i in range(3)]
    lost.append(new_person(b, bob, "Bruna", "Perdida"))
    sync(a), sync(b), sync(a)
    _put_back(signed_in_server, backup)

    first = sync(b)  # re-sends its 1 change, then finds its cursor past the server's head
    assert not first.epoch_changed and first.requeued == 1
    assert "SYNC_RESTART" in audit_actions(b)
    again = sync(a)
    assert again.requeued == 3
    sync(b), sync(a)
    everyone = {kept["id"], *(p["id"] for p in lost)}
    for rep in (a, b):
        with rep.reader.connect() as conn:
            assert set(conn.execute(select(person.c.id)).scalars()) == everyone


def _requests_of(monkeypatch) -> list[str]:
    """The API paths of every request sent from now on."""
    import requests

    sent, send = [], requests.Session.send

    def counting(http, request, **kw):
        sent.append(request.path_url.split("/api/v1", 1)[-1])
        return send(http, request, **kw)

    monkeypatch.setattr(requests.Session, "send", counting)
    return sent


def test_after_the_first_sync_a_sync_is_one_push_and_one_pull(devices, monkeypatch):
    a, alice = devices("a")
    sent = _requests_of(monkeypatch)
    sync(a)  # the first: the device does not know the server's epoch yet
    assert sent[:1] == ["/sync/status"]
    new_person(a, alice, "Rui", "Pestana")
    sent.clear()
    summary = sync(a)
    # The last pull page carried the status: no status request, no manifest request.
    assert sent == ["/sync/push", "/sync/pull"], sent
    assert summary.applied == 1 and summary.pending == 0


def test_changes_the_server_lost_under_the_same_epoch_go_again_in_the_same_sync(
        devices, signed_in_server, tmp_path, monkeypatch):
    # A restore the operator did not declare, from a backup taken before a's last push,
    # after which the server's newest change is again past a's cursor: only the status
    # tells a that the server no longer holds what it acknowledged.
    a, alice = devices("a")
    b, bob = devices("b")
    new_person(a, alice, "Sara", "Antunes")
    sync(a)
    backup = tmp_path / "backup.db"
    _backup(signed_in_server.db_path, backup)
    lost = new_person(a, alice, "Tiago", "Perdido")
    sync(a)
    _put_back(signed_in_server, backup)
    for i in range(3):  # b's changes take the restored server's head past a's cursor
        new_person(b, bob, f"Bruno{i}", "Depois")
    sync(b)

    sent = _requests_of(monkeypatch)
    summary = sync(a)
    assert summary.requeued == 1 and not summary.epoch_changed and summary.pending == 0
    assert "/sync/status" not in sent
    assert sent.count("/sync/push") == 1 and sent.count("/sync/pull") == 2, sent
    sync(b)
    assert _row(b, lost["id"]) is not None
