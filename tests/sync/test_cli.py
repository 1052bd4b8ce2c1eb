"""`custos login`, `custos sync`, `custos status` and `custos rejected` as a user runs them."""
from __future__ import annotations

import io
import json

import pytest

from app.__main__ import main
from app.storage.replica import open_profile
from app.sync import session
from tests.sync.conftest import PASSWORD
from tests.sync.helpers import new_person


def _login(monkeypatch, server_url, user="alice", profile="a", password=PASSWORD):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["login", "--server", server_url, "--user", user, "--password-stdin",
                 "--profile", profile])


def test_login_keeps_the_token_in_the_keyring_and_enables_offline_sign_in(
        live_server, monkeypatch, capsys):
    assert _login(monkeypatch, live_server.url) == 0
    out = capsys.readouterr().out
    assert "Signed in as alice (officer) at MDI" in out
    rep = open_profile("a")
    try:
        tokens = session.load_tokens(rep)
        assert tokens.username == "alice" and tokens.refresh_token
        # The refresh token is in the OS keyring only, never in the replica.
        raw = rep.path.read_bytes()
        for wal in rep.path.parent.glob("*-wal"):
            raw += wal.read_bytes()
        assert tokens.refresh_token.encode() not in raw
        with rep.reader.connect() as conn:
            dumped = "\n".join(str(tuple(r)) for t in ("replica_meta", "sync_state", "known_user")
                               for r in conn.exec_driver_sql(f"SELECT * FROM {t}"))
        assert tokens.refresh_token not in dumped and tokens.access_token not in dumped
        assert "alice" in dumped and live_server.url in dumped
    finally:
        rep.close()
    # Later, without the server: the same password works offline, a wrong one does not.
    live_server.stop()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["login", "--offline", "--user", "alice", "--password-stdin",
                 "--profile", "a"]) == 0
    assert "Signed in offline as alice" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    assert main(["login", "--offline", "--user", "alice", "--password-stdin",
                 "--profile", "a"]) == 1
    assert "wrong username or password" in capsys.readouterr().err


def test_login_refusals_are_plain(live_server, monkeypatch, capsys):
    assert _login(monkeypatch, live_server.url, password="wrong-password-1") == 1
    # Only the refusal: not the "sign in again" a refused token at sync time gets.
    assert capsys.readouterr().err.strip() == "custos: error: wrong username or password"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["login", "--server", "ftp://nowhere", "--user", "alice", "--password-stdin",
                 "--profile", "a"]) == 1
    assert "server:" in capsys.readouterr().err
    # A profile stays bound to its server.
    assert _login(monkeypatch, live_server.url) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["login", "--server", "http://127.0.0.1:9", "--user", "alice",
                 "--password-stdin", "--profile", "a"]) == 1
    assert "syncs with" in capsys.readouterr().err


def test_sync_prints_progress_and_a_summary_and_feeds_status(devices, capsys):
    rep, alice = devices("a")
    for i in range(6):
        new_person(rep, alice, f"Cli{i}", "Sync")
    rep.close()
    capsys.readouterr()
    assert main(["sync", "--profile", "a", "--batch-size", "4", "--page-size", "5"]) == 0
    out = capsys.readouterr().out
    assert "push: 4 of 6 change(s) sent" in out and "push: 6 of 6 change(s) sent" in out
    assert "pull: 1 page(s)" in out and "pull: 2 page(s)" in out
    assert "Sync completed" in out
    assert "pushed     6 change(s): 6 applied" in out
    assert main(["--profile", "a", "status", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["pending"] == 0 and facts["conflicts"] == 0 and facts["last_sync"]
    assert main(["sync", "--profile", "a", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["completed"] and summary["pushed"] == 0


def test_sync_without_login_says_what_to_do(capsys):
    open_profile("fresh").close()
    assert main(["sync", "--profile", "fresh"]) == 1
    assert "custos login" in capsys.readouterr().err


def test_rejected_discard_needs_a_reason(capsys):
    # argparse refuses a discard without --reason before anything is touched.
    with pytest.raises(SystemExit):
        main(["rejected", "discard", "1"])
    assert "--reason" in capsys.readouterr().err
