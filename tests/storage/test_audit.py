import datetime as dt

from sqlalchemy import text

from app.domain import people
from app.storage.audit import verify_chain


def _three_people(act):
    for name in ("Ana", "Bea", "Cid"):
        act(people.create_person, first_name=name, last_name="Lima",
            date_of_birth=dt.date(1980, 1, 1), sex="F")


def _verify(replica):
    with replica.reader.connect() as conn:
        return verify_chain(conn)


def test_untouched_chain_verifies(replica, act):
    _three_people(act)
    report = _verify(replica)
    assert report.ok and report.entries == 3


def test_edited_entry_is_named(replica, act):
    _three_people(act)
    with replica.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'someone_else' WHERE seq = 2"))
    report = _verify(replica)
    assert not report.ok and report.first_broken == 2 and "altered" in report.reason


def test_deleted_middle_entry_is_named(replica, act):
    _three_people(act)
    with replica.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    report = _verify(replica)
    assert not report.ok and report.first_broken == 2 and "missing" in report.reason


def test_truncated_tail_is_detected(replica, act):
    _three_people(act)
    with replica.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    report = _verify(replica)
    assert not report.ok and "removed from the end" in report.reason
