"""Syncs through a fault-injecting TCP proxy: delay, reset, truncated reply, black hole.

Under every fault a sync either completes or stops cleanly (a summary with a
plain reason, never an exception, every unsent change still in the outbox).
Once the fault is gone a clean sync completes and the server and every
replica hold each change exactly once.
"""
from __future__ import annotations

import random
import time

import pytest

from app.sync import client as client_module
from app.sync import session
from app.sync.client import AuthRequired, Offline, SyncClient
from tests.sync.conftest import PASSWORD

from .helpers import (
    assert_intact, assert_nothing_lost_or_duplicated, clean_sync, fresh_access, sync_through,
    write_people,
)
from .proxy import Fault

FAILURE_CODES = {"offline", "server_error"}


def _check_clean_stop(summary, rep) -> None:
    if not summary.completed:
        assert summary.error_code in FAILURE_CODES, (summary.error_code, summary.error)
        # A plain reason that names the server.
        assert "127.0.0.1" in summary.error or "try again" in summary.error, summary.error
    assert summary.pending == rep.pending_changes()
    assert_intact(rep)


@pytest.mark.parametrize("kind", ["reset", "truncate"])
def test_a_reply_cut_at_any_byte_loses_and_duplicates_nothing(kind, devices, proxy,
                                                              signed_in_server):
    rng = random.Random(f"cut-{kind}")
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)
    stopped = 0
    for round_ in range(6):
        write_people(a, alice, 4, f"{kind}{round_}x", edits=3)
        # Cut somewhere in the replies of a sync of small batches and pages, so the cut
        # falls inside status, push and pull answers alike, headers and bodies.
        for rep in (a, b):
            proxy.set(Fault(kind, after=rng.randrange(0, 4500)))
            summary = sync_through(rep, proxy.url, batch_size=3, page_size=4)
            _check_clean_stop(summary, rep)
            stopped += not summary.completed
    assert proxy.faults_injected >= 6 and stopped >= 6, "the faults did interrupt syncs"
    proxy.set(Fault.passthrough())
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


def test_a_slow_link_still_syncs_and_a_too_slow_one_stops_cleanly(devices, proxy,
                                                                  signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)
    write_people(a, alice, 5, "slow", edits=2)
    proxy.set(Fault.delayed(0.05))
    for rep in (a, b):
        summary = sync_through(rep, proxy.url, batch_size=4, page_size=5)
        assert summary.completed, summary.error
    write_people(a, alice, 3, "slower")
    proxy.set(Fault.delayed(1.5))  # past the client's 1 s read timeout
    summary = sync_through(a, proxy.url, timeout=(1.0, 1.0))
    assert not summary.completed and summary.error_code == "offline"
    assert "did not answer in time" in summary.error and "outbox" in summary.error
    _check_clean_stop(summary, a)
    proxy.set(Fault.passthrough())
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


def test_a_black_hole_times_out_and_the_sync_fails_cleanly(devices, proxy, signed_in_server):
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a)
    write_people(a, alice, 4, "hole", edits=1)
    proxy.set(Fault.blackhole())
    started = time.monotonic()
    summary = sync_through(a, proxy.url, timeout=(1.0, 1.0))
    assert time.monotonic() - started < 10, "the client gave up instead of hanging"
    assert not summary.completed and summary.error_code == "offline"
    assert "did not answer in time" in summary.error
    assert summary.pending == 9 and a.pending_changes() == 9
    _check_clean_stop(summary, a)
    proxy.close_connections()
    proxy.set(Fault.passthrough())
    # Through the same proxy, now healthy: the sync completes.
    assert sync_through(a, proxy.url).completed
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


def test_a_lost_answer_to_a_token_refresh_does_not_sign_the_device_out(devices, proxy):
    """A refresh the server performed but whose answer the network lost.

    The server rotates the refresh token on every refresh and treats an old
    one presented again as theft. Without a retry grace, one dropped packet
    at the wrong moment would sign the device out: the retry after the fault
    must succeed instead (the server accepts the just-rotated token again,
    from the same device, for a short while).
    """
    a, alice = devices("a")
    write_people(a, alice, 1, "refresh")
    proxy.set(Fault.truncate(after=0))  # the refresh reaches the server; its answer is lost
    with SyncClient(proxy.url, timeout=(1.0, 2.0)) as client:
        with pytest.raises(Exception):
            session.authorise(a, client, force_refresh=True)
    proxy.set(Fault.passthrough())
    summary = sync_through(a, proxy.url)
    assert summary.completed, f"the device was signed out by a network fault: {summary.error}"


def test_a_connection_closed_just_as_it_was_reused_costs_the_sync_nothing(devices, proxy,
                                                                          signed_in_server):
    """A server closes a kept-alive connection after its idle timeout; a request sent
    just then gets no answer at all. The sync's reads, and its pushes (a replayed push
    has exactly one effect), go once more on a new connection, so the sync completes.
    Here every connection is closed that way after its first answer."""
    (a, alice), (b, _bob) = devices("a"), devices("b")
    fresh_access(a), fresh_access(b)
    write_people(a, alice, 3, "stale", edits=2)
    proxy.set(Fault.stale())
    for rep in (a, b):
        summary = sync_through(rep, proxy.url, batch_size=3, page_size=4)
        assert summary.completed, summary.error
    assert proxy.faults_injected >= 4, "requests did meet closed connections"
    proxy.set(Fault.passthrough())
    clean_sync(a, b)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a], [b])


def test_a_sign_in_whose_answer_was_lost_is_not_sent_again(devices, proxy, signed_in_server):
    """A wrong password counts towards the lockout once, even when its answer was lost.

    Three such sign-ins, then the right password: the account is not locked. Sent
    twice each, they would have made six failures, past the five that lock it.
    """
    a, _alice = devices("a")
    proxy.set(Fault.truncate(after=0))  # the server answers; the answer never arrives
    for _ in range(3):
        with SyncClient(proxy.url, timeout=(1.0, 5.0)) as client:
            with pytest.raises(Offline):
                session.login_online(a, server=signed_in_server.url, username="alice",
                                     password="Not-The-Passphrase-1", client=client)
    proxy.set(Fault.passthrough())
    with SyncClient(proxy.url, timeout=(1.0, 5.0)) as client:
        actor = session.login_online(a, server=signed_in_server.url, username="alice",
                                     password=PASSWORD, client=client)
    assert actor.username == "alice"


def test_a_connection_left_idle_is_not_reused(devices, proxy, signed_in_server, monkeypatch):
    """A sign-in is never sent twice, so it must not go out on a kept-alive connection
    the server may be closing: one idle for longer than STALE_AFTER_S is replaced."""
    a, _alice = devices("a")
    monkeypatch.setattr(client_module, "STALE_AFTER_S", 0.2)
    proxy.set(Fault.stale())
    with SyncClient(proxy.url, timeout=(1.0, 5.0)) as client:
        with pytest.raises(AuthRequired):
            client.get("/sync/status")  # answered (no token yet): the connection stays open
        time.sleep(0.3)
        actor = session.login_online(a, server=signed_in_server.url, username="alice",
                                     password=PASSWORD, client=client)
    assert actor.username == "alice" and proxy.faults_injected == 0
