"""Rows written through app.core.sqlite_rows read back exactly as SQLAlchemy wrote them."""
import datetime as dt

from sqlalchemy import insert, select

from app.core.schema import assessment, case_note
from app.core.sqlite_rows import insert_many

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def _person(act):
    from app.domain import people

    return act(people.create_person, first_name="A", last_name="B",
               date_of_birth=dt.date(1990, 1, 1), sex="F")["id"]


def _note(i, person_id):
    return dict(id=f"n{i}", version=1, facility="MDI", created_at=NOW, created_by="u",
                updated_at=NOW, updated_by="u", voided_at=None, voided_by=None, void_reason=None,
                person_id=person_id, note_type="GEN", note_subtype="GEN_NOTE", text="Olá ünïcode",
                sensitive=bool(i % 2), restricted_use=False, occurred_at=NOW, recorded_at=NOW,
                author="u", amends_id=None)


def test_fast_and_orm_paths_store_identical_values(replica, act):
    pid = _person(act)
    with replica.engine.begin() as conn:
        conn.execute(insert(case_note).values(**_note(1, pid)))
        insert_many(conn, case_note, [_note(2, pid)])
        raw = conn.exec_driver_sql(
            "SELECT created_at, sensitive FROM case_note ORDER BY id").fetchall()
        rows = conn.execute(select(case_note).order_by(case_note.c.id)).mappings().all()
    assert raw[0][0] == raw[1][0]  # same stored text
    assert rows[0]["created_at"] == rows[1]["created_at"] == NOW
    assert rows[0]["created_at"].tzinfo == dt.timezone.utc
    assert (rows[0]["sensitive"], rows[1]["sensitive"]) == (True, False)


def test_every_kind_of_timestamp_is_stored_as_sqlalchemy_stores_it(replica, act):
    pid = _person(act)
    stamps = [NOW, NOW.astimezone(dt.timezone.utc), NOW.replace(microsecond=0),
              dt.datetime(999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc),
              dt.datetime(2026, 1, 1, tzinfo=dt.timezone(-dt.timedelta(hours=5)))]
    with replica.engine.begin() as conn:
        for i, stamp in enumerate(stamps):
            conn.execute(insert(case_note).values(
                **{**_note(i, pid), "id": f"orm{i}", "occurred_at": stamp}))
            insert_many(conn, case_note, [{**_note(i, pid), "id": f"raw{i}", "occurred_at": stamp}])
        raw = dict(conn.exec_driver_sql("SELECT id, occurred_at FROM case_note").fetchall())
        read = dict(conn.execute(select(case_note.c.id, case_note.c.occurred_at)).all())
    for i, stamp in enumerate(stamps):
        assert raw[f"orm{i}"] == raw[f"raw{i}"], stamp
        assert read[f"raw{i}"] == stamp


def test_json_round_trips(replica, act):
    row = dict(id="a1", version=1, facility="MDI", created_at=NOW, created_by="u",
               updated_at=NOW, updated_by="u", person_id=_person(act), instrument_id="ogrs3",
               instrument_version="1", status="DRAFT", answers={"q1": "sí", "n": [1, 2]},
               scores=None, assessor="u")
    with replica.engine.begin() as conn:
        insert_many(conn, assessment, [row])
        got = conn.execute(select(assessment)).mappings().one()
    assert got["answers"] == {"q1": "sí", "n": [1, 2]} and got["scores"] is None
