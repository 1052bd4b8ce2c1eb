"""A pull page's rows are read as planned for that page, also just after a bulk load.

psycopg prepares a statement it runs often, and PostgreSQL may then plan it once
for any value (a generic plan), as if an array held ten values. That plan read a
pull page's rows by scanning the whole table and comparing every row with every id
of the page: under fifty devices, PostgreSQL spent as much CPU as the server.
Planned with the page's own ids, the read goes by the primary key, or on a small
table scans it once, finding each row in a hash of the ids. These tests load
demo people into a database of their own (statistics from other tests' tables
would hide the problem): the read is never prepared, so it is planned with its own
ids, and a bulk load leaves the planner knowing how many rows it wrote.
"""
from __future__ import annotations

import datetime as dt
import os
import random

import pytest
from sqlalchemy import create_engine, text

from app.core.schema import REPLICATED_TABLES
from sync_server.services import demo
from sync_server.services.audit import Origin
from sync_server.services.pull import _sqlite_select, _stored_rows
from sync_server.storage import migrate
from sync_server.storage.engine import make_engine

from .conftest import throwaway_schema

PEOPLE = 600


def _load(url: str) -> list[str]:
    """Migrate and bulk-load demo people at `url`; return five person ids."""
    engine = make_engine(url, create_dirs=True)
    try:
        migrate.upgrade(engine)
        now, rng = dt.datetime.now(dt.timezone.utc), random.Random(7)
        demo.create_accounts(engine, facilities=1, rng=rng, now=now, origin=Origin("cli"))
        demo.create_people(engine, people=PEOPLE, facilities=1, rng=rng, now=now,
                           progress=lambda *a: None)
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT id FROM person ORDER BY id LIMIT 5"))
                        .scalars())
    finally:
        engine.dispose()


@pytest.fixture
def fresh_postgresql():
    with throwaway_schema(f"custos_test_plans_{os.getpid()}") as url:
        yield url


@pytest.mark.parametrize("name", ["person", "person_identifier"])
def test_postgresql_plans_a_pull_pages_read_with_its_own_ids(fresh_postgresql, name):
    _load(fresh_postgresql)
    table = REPLICATED_TABLES[name]
    engine = make_engine(fresh_postgresql)
    try:
        with engine.connect() as conn:
            ids = list(conn.execute(text(f"SELECT id FROM {name} ORDER BY id LIMIT 50"))
                       .scalars())
            for _ in range(8):  # psycopg prepares what it runs five times
                columns, rows = _stored_rows(conn, table, ids)()
                assert [row[columns.index("id")] for row in rows] == ids
            prepared = conn.exec_driver_sql(
                "SELECT statement FROM pg_prepared_statements").scalars().all()
    finally:
        engine.dispose()
    assert not [s for s in prepared if f'FROM "{name}" WHERE "id" = ANY' in s], prepared


def test_a_bulk_load_leaves_postgresql_knowing_how_many_rows_it_wrote(fresh_postgresql):
    _load(fresh_postgresql)
    engine = create_engine(fresh_postgresql)
    try:
        with engine.connect() as conn:
            counted = dict(conn.execute(text(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN "
                "('person', 'person_identifier', 'srv_change', 'srv_row') "
                "AND relnamespace = current_schema()::regnamespace")).all())
            actual = {name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                      for name in counted}
    finally:
        engine.dispose()
    assert set(counted) == {"person", "person_identifier", "srv_change", "srv_row"}
    for name, rows in actual.items():
        assert rows > 0 and counted[name] == rows, (name, counted[name], rows)


def test_after_a_bulk_load_sqlite_reads_a_pull_page_by_primary_key(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    ids = _load(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            statement = f"{_sqlite_select(REPLICATED_TABLES['person'])}({', '.join('?' * 5)})"
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", tuple(ids)))
            found = conn.exec_driver_sql(statement, tuple(ids)).all()
    finally:
        engine.dispose()
    assert len(found) == 5
    assert plan.startswith("SEARCH person USING") and "(id=?)" in plan, plan
