"""Clock skew of ±7 days: a client's clock decides nothing that matters.

Device A's clock runs 7 days ahead, device B's 7 days behind: their hybrid
logical clocks, their units of work and their sync engines all read the
skewed wall clock (the clocks are injectable). Whoever reaches the server
first stands provisionally, whatever the clocks say; the other side is kept
in a conflict record with both values; nothing is lost, and the times the
server records are its own.
"""
from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import select

from app.core.clock import HLCTimestamp, HybridLogicalClock
from app.core.schema import person
from app.sync.engine import SyncEngine
from sync_server.storage.sync_tables import conflict

from tests.sync.helpers import new_person

from .helpers import assert_nothing_lost_or_duplicated, clean_sync
from .ledger import server_rows

WEEK = dt.timedelta(days=7)


def skew(rep, offset: dt.timedelta):
    """Make `rep` live `offset` away from real time; returns its clock function."""
    rep.clock = HybridLogicalClock(rep.clock.node, rep.clock.last,
                                   wall=lambda: time.time() + offset.total_seconds())
    return lambda: dt.datetime.now(dt.timezone.utc) + offset


def edit(rep, actor, clock, row_id: str, **values) -> None:
    with rep.unit_of_work(actor, now=clock()) as uow:
        uow.update(person, row_id, values)


def sync(rep, clock):
    summary = SyncEngine(rep, clock=clock).run()
    assert summary.completed, summary.error
    return summary


def _conflicts(engine, row_id: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(conflict).where(conflict.c.row_id == row_id)
                                              .order_by(conflict.c.created_at)).mappings()]


@pytest.mark.parametrize("first", ["behind", "ahead"])
def test_the_skewed_clock_never_wins_a_conflict_and_nothing_is_lost(first, devices,
                                                                    signed_in_server):
    (a, alice), (b, bob) = devices("a"), devices("b")
    ahead, behind = skew(a, WEEK), skew(b, -WEEK)
    p = new_person(a, alice, "Clara", "Matos")
    sync(a, ahead), sync(b, behind)
    # Both change the same field offline; A's change is stamped two weeks after B's.
    edit(a, alice, ahead, p["id"], last_name="Matos-Ahead")
    edit(b, bob, behind, p["id"], last_name="Matos-Behind")
    order = [(b, behind), (a, ahead)] if first == "behind" else [(a, ahead), (b, behind)]
    sync(*order[0])
    second = sync(*order[1])
    assert second.conflicts == 1, "the later arrival conflicts, whatever its clock"
    engine = signed_in_server.engine()
    winner = "Matos-Behind" if first == "behind" else "Matos-Ahead"
    loser = "Matos-Ahead" if first == "behind" else "Matos-Behind"
    assert server_rows(engine, person)[p["id"]]["last_name"] == winner
    [kept] = _conflicts(engine, p["id"])
    assert (kept["server_value"], kept["client_value"]) == (winner, loser)
    assert kept["base_value"] == "Matos"
    assert {kept["server_author"], kept["client_author"]} == {"alice", "bob"}
    # The client's clock is kept for display only; the times that order things are
    # the server's own, within minutes of real time, not a week off.
    real = dt.datetime.now(dt.timezone.utc)
    for name in ("client_at", "created_at", "server_at"):
        at = kept[name].replace(tzinfo=kept[name].tzinfo or dt.timezone.utc)
        assert abs(at - real) < dt.timedelta(minutes=5), (name, at)
    hlc_at = dt.datetime.fromtimestamp(HLCTimestamp.parse(kept["client_hlc"]).millis / 1000,
                                       dt.timezone.utc)
    assert abs(hlc_at - real) > dt.timedelta(days=6), "the skewed clock travelled, unused"
    updated = dt.datetime.fromisoformat(server_rows(engine, person)[p["id"]]["updated_at"])
    assert abs(updated - real) < dt.timedelta(minutes=5), "the server stamps its own time"
    clean_sync(a, b)
    for rep in (a, b):
        with rep.reader.connect() as conn:
            assert conn.execute(select(person.c.last_name)
                                .where(person.c.id == p["id"])).scalar() == winner
    assert_nothing_lost_or_duplicated(engine, [a, b], [])


def test_skewed_clients_edits_to_different_fields_both_survive(devices, signed_in_server):
    (a, alice), (b, bob) = devices("a"), devices("b")
    ahead, behind = skew(a, WEEK), skew(b, -WEEK)
    p = new_person(b, bob, "Duarte", "Lopes")
    sync(b, behind), sync(a, ahead)
    edit(a, alice, ahead, p["id"], middle_names="Ahead")
    edit(b, bob, behind, p["id"], first_name="Duarte-Behind")
    sync(a, ahead)
    assert sync(b, behind).conflicts == 0
    clean_sync(a, b)
    row = server_rows(signed_in_server.engine(), person)[p["id"]]
    assert (row["first_name"], row["middle_names"], row["version"]) == (
        "Duarte-Behind", "Ahead", 3)
    assert_nothing_lost_or_duplicated(signed_in_server.engine(), [a, b], [])
