"""A push writes its batch with the server's own bulk inserts (storage/bulk.py), not
SQLAlchemy's: what they store must read back exactly as a SQLAlchemy insert of the same
values does, and what the database must refuse is still refused, on both backends."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.exc import DataError, IntegrityError, StatementError

from app.core.ids import uuid7
from app.core.schema import assessment, case_note, person, person_photo
from sync_server.storage import bulk
from sync_server.storage.pipelines import pipelined

_PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
_AT = dt.datetime(2026, 3, 29, 1, 30, 0, 250000, tzinfo=_PLUS_TWO)


def _base(facility: str = "MDI") -> dict:
    return {"id": uuid7(), "version": 1, "facility": facility, "created_at": _AT,
            "created_by": "officer1", "updated_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            "updated_by": "officer1"}


def _rows(person_id: str) -> list[tuple]:
    """(table, row) pairs covering every kind of value a replicated table holds."""
    return [
        (person, {**_base(), "first_name": "Zoë", "last_name": "O'Brien",
                  "date_of_birth": dt.date(1990, 5, 1), "sex": "F", "voided_at": None}),
        (case_note, {**_base(), "person_id": person_id, "note_type": "GEN",
                     "note_subtype": "GEN_NOTE", "text": "Zürich → home; 100% sure",
                     "sensitive": True, "restricted_use": False, "occurred_at": _AT,
                     "recorded_at": "2026-03-29T00:00:00+00:00", "author": "someone"}),
        (assessment, {**_base(), "person_id": person_id, "instrument_id": "OGRS3",
                      "instrument_version": "1", "status": "DRAFT", "assessor": "psych1",
                      "answers": {"q1": 3, "q2": "ja, ü", "big": 2 ** 70,
                                  "nested": [1, None, {"x": 2.5}]}, "scores": None}),
        (person_photo, {**_base(), "person_id": person_id, "mime_type": "image/png",
                        "image": bytes(range(256)), "taken_at": _AT}),
    ]


def _read(engine, table, row_id: str) -> dict:
    with engine.connect() as conn:
        return dict(conn.execute(select(table).where(table.c.id == row_id)).mappings().one())


def test_bulk_inserts_read_back_as_sqlalchemy_inserts_do(database):
    _url, engine = database
    owner = {**_base(), "first_name": "A", "last_name": "B",
             "date_of_birth": dt.date(1980, 1, 1), "sex": "M"}
    with engine.begin() as conn:
        conn.execute(person.insert(), owner)
    for table, row in _rows(owner["id"]):
        twin = {**row, "id": uuid7()}
        with engine.begin() as conn:
            bulk.insert_rows(conn, table, [row])
            conn.execute(table.insert(), twin)
        ours, theirs = _read(engine, table, row["id"]), _read(engine, table, twin["id"])
        assert {**ours, "id": None} == {**theirs, "id": None}, table.name
        if table is case_note:  # the same instant, whatever offset it came in
            assert ours["occurred_at"] == _AT and ours["recorded_at"] == dt.datetime(
                2026, 3, 29, tzinfo=dt.UTC)
        if table is assessment:
            assert ours["answers"]["big"] == 2 ** 70


def test_bulk_inserts_refuse_what_the_database_must_refuse(database):
    _url, engine = database
    naive = {**_base(), "first_name": "A", "last_name": "B",
             "date_of_birth": dt.date(1980, 1, 1), "sex": "M",
             "created_at": dt.datetime(2026, 1, 1, 12, 0)}
    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        with engine.begin() as conn:
            bulk.insert_rows(conn, person, [naive])
    if engine.dialect.name == "postgresql":  # SQLite does not enforce lengths
        long_id = {**naive, "created_at": _AT, "id": "x" * 37}
        with pytest.raises(DataError):
            with engine.begin() as conn:
                bulk.insert_rows(conn, person, [long_id])
    with engine.connect() as conn:  # nothing of either was written
        assert conn.execute(select(person.c.id)).first() is None


def test_writes_sent_together_are_refused_as_each_would_be(database):
    # A push's writes go to PostgreSQL together (storage/pipelines.py) and the database
    # answers once: a refusal of the last of them still arrives as SQLAlchemy's error,
    # which the push turns into applying its changes one by one; nothing is written.
    _url, engine = database
    row = {**_base(), "first_name": "A", "last_name": "B",
           "date_of_birth": dt.date(1980, 1, 1), "sex": "M"}
    other = {**row, "id": uuid7(), "first_name": "C"}
    with pytest.raises(IntegrityError):
        with engine.begin() as conn, pipelined(conn):
            bulk.insert_rows(conn, person, [row])
            bulk.update_rows(conn, person, ("id",), [{"id": row["id"], "first_name": "D"}])
            bulk.insert_rows(conn, person, [other, {**row, "first_name": "twin"}])
    with engine.connect() as conn:
        assert conn.execute(select(person.c.id)).first() is None
    with engine.begin() as conn, pipelined(conn):  # and what is accepted is all written
        bulk.insert_rows(conn, person, [row, other])
        bulk.update_rows(conn, person, ("id",), [{"id": row["id"], "first_name": "D"}])
    assert _read(engine, person, row["id"])["first_name"] == "D"
    assert _read(engine, person, other["id"])["first_name"] == "C"


def test_rows_read_in_a_pipeline_are_typed_as_sqlalchemy_types_them(database):
    """A push reads the rows it merges against in the pipeline that takes its lock; what
    it reads must equal what SQLAlchemy reads (a timestamp in UTC, JSON, bytes, dates),
    or a merge would compare unlike values and invent conflicts."""
    _url, engine = database
    owner = {**_base(), "first_name": "A", "last_name": "B",
             "date_of_birth": dt.date(1980, 1, 1), "sex": "M"}
    rows = [(person, owner), *_rows(owner["id"])]
    with engine.begin() as conn:
        for table, row in rows:
            conn.execute(table.insert(), row)
    for table, row in rows:
        other = uuid7()  # asked for, absent: no row, no error
        statement = select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # a server whose clock is not on UTC
                conn.exec_driver_sql("SET LOCAL TIME ZONE 'Asia/Kolkata'")
            with pipelined(conn) as pipe:
                found = pipe.mappings(statement, {"ids": [row["id"], other]})
            got = [dict(r) for r in found()]
        expected = _read(engine, table, row["id"])
        assert got == [expected], table.name
        offsets = {k: v.tzinfo for k, v in got[0].items() if isinstance(v, dt.datetime)}
        assert offsets and set(offsets.values()) == {dt.UTC}, offsets  # as UTCDateTime gives
