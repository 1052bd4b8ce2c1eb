"""Demo data: realistic history through the domain services, reproducible by seed."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.cli.status import collect
from app.core import schema
from app.demo.generator import generate
from app.storage.audit import verify_chain
from app.storage.replica import open_profile
from tests.support import table_count

TODAY = dt.date.today()


def _names(replica) -> list[tuple]:
    with replica.reader.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(schema.person.c.first_name, schema.person.c.last_name,
                   schema.person.c.date_of_birth).order_by(schema.person.c.id))]


def test_demo_data_fills_every_module_with_history(replica):
    seen = []
    summary = generate(replica, people=40, seed=3, today=TODAY,
                       progress=lambda phase, done, total: seen.append(phase))
    counts = collect(replica)["counts"]
    assert counts["person"] == 40
    for table in ("custody_episode", "movement", "alert", "case_note", "incident", "adjudication",
                  "activity", "activity_session", "attendance", "assessment", "visit", "visitor",
                  "grievance", "sentence", "sentence_plan", "location"):
        assert counts[table] > 0, f"demo data has no {table} rows"
    assert summary.counts["people"] == 40
    # Progress is reported phase by phase, so a long run shows it is alive.
    assert {"people", "case notes", "attendance"} <= set(seen)
    # Everything went through units of work: every row change is in the outbox.
    assert replica.pending_changes() >= sum(counts.values())
    with replica.reader.connect() as conn:
        assert verify_chain(conn).ok


def test_same_seed_gives_same_people_and_counts(replica, tmp_path, monkeypatch):
    first = generate(replica, people=25, seed=11, today=TODAY)
    names = _names(replica)
    monkeypatch.setenv("CUSTOS_HOME", str(tmp_path / "other"))
    other = open_profile("other")
    try:
        second = generate(other, people=25, seed=11, today=TODAY)
        assert _names(other) == names
        assert second.counts == first.counts
    finally:
        other.close()


def test_people_in_custody_each_have_exactly_one_location(replica):
    generate(replica, people=30, seed=5, today=TODAY)
    ep = schema.custody_episode
    active = table_count(replica, ep, ep.c.status == "ACTIVE")
    housed = table_count(replica, ep, ep.c.status == "ACTIVE", ep.c.location_id.is_not(None))
    assert active > 0 and housed == active
