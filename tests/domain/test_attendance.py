import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation
from app.core.schema import attendance
from app.domain import activities as A
from app.domain import attendance as T
from tests.domain.regime_support import NOW, TODAY, at, new_person, refused, run, snapshot
from tests.support import table_count

D = dt.timedelta


@pytest.fixture
def do(replica, officer):
    return lambda fn, **kw: run(replica, officer, fn, **kw)


@pytest.fixture
def setup(do, replica, officer):
    """An activity with today's 09:00 session, tomorrow's session and three people:
    two allocated from last week, one allocated from tomorrow."""
    act = do(A.create_activity, code="EDU1", name="Maths", category="EDUCATION", capacity=5,
             start_date=TODAY - D(30))
    today = do(A.schedule_session, activity_id=act["id"], starts_at=at(TODAY, 9),
               ends_at=at(TODAY, 11))
    tomorrow = do(A.schedule_session, activity_id=act["id"], starts_at=at(TODAY + D(1), 9),
                  ends_at=at(TODAY + D(1), 11))
    a, b, late = (new_person(replica, officer) for _ in range(3))
    for p, start in ((a, TODAY - D(7)), (b, TODAY - D(7)), (late, TODAY + D(1))):
        do(A.allocate, activity_id=act["id"], person_id=p, start_date=start)
    return dict(activity=act, today=today, tomorrow=tomorrow, a=a, b=b, late=late)


def test_whole_register_is_marked_in_one_action(do, replica, setup):
    s, a, b = setup["today"], setup["a"], setup["b"]
    before = snapshot(replica)
    rows = do(T.record_attendance, session_id=s["id"],
              marks={a: "ATTENDED", b: ("ABSENT", "COURT")})
    assert len(rows) == 2
    after = snapshot(replica)
    assert (after[-2] - before[-2], after[-1] - before[-1]) == (2, 2)  # outbox, audit
    reg = do(T.register, session_id=s["id"])
    assert {(line.person_id, line.status, line.absence_reason) for line in reg.lines} == {
        (a, "ATTENDED", None), (b, "ABSENT", "COURT")}
    assert reg.unmarked == [] and reg.activity_name == "Maths"


def test_register_shows_who_is_expected_and_not_yet_marked(do, setup):
    s, a, b = setup["today"], setup["a"], setup["b"]
    do(T.record_attendance, session_id=s["id"], marks={a: "EXCUSED"})
    reg = do(T.register, session_id=s["id"])
    assert {line.person_id for line in reg.lines} == {a, b}  # not the one starting tomorrow
    assert reg.unmarked == [b]


@pytest.mark.parametrize("mark,field,reason", [
    ("ABSENT", "absence_reason", "is required"),
    (("ABSENT", "HOLIDAY"), "absence_reason", "not a valid absence_reason"),
    (("ATTENDED", "SICK"), "absence_reason", "only given when"),
    ("PRESENT", "status", "not a valid attendance_status"),
    (("ABSENT",), None, "must be a status or (status, absence reason)"),
])
def test_bad_mark_names_the_person_and_field_and_writes_nothing(do, replica, setup, mark, field,
                                                                reason):
    a, b = setup["a"], setup["b"]
    name = f"marks[{b}]" + (f".{field}" if field else "")
    refused(replica, do, T.record_attendance, name, reason, session_id=setup["today"]["id"],
            marks={a: "ATTENDED", b: mark})


def test_only_people_allocated_on_the_day_can_be_marked(do, replica, setup):
    late = setup["late"]
    refused(replica, do, T.record_attendance, f"marks[{late}]", f"not allocated to this "
            f"activity on {TODAY}", RuleViolation, session_id=setup["today"]["id"],
            marks={setup["a"]: "ATTENDED", late: "ATTENDED"})


def test_an_ended_allocation_still_counts_for_the_days_it_was_in_force(do, replica, setup):
    yesterday = do(A.schedule_session, activity_id=setup["activity"]["id"],
                   starts_at=at(TODAY - D(1), 9), ends_at=at(TODAY - D(1), 11))
    alloc = [a for a in do(A.active_allocations, activity_id=setup["activity"]["id"])
             if a["person_id"] == setup["a"]][0]
    do(A.end_allocation, allocation_id=alloc["id"], end_date=TODAY - D(1), reason="Transferred")
    assert do(T.record_attendance, session_id=yesterday["id"], marks={setup["a"]: "ATTENDED"})
    refused(replica, do, T.record_attendance, f"marks[{setup['a']}]", "not allocated",
            RuleViolation, session_id=setup["today"]["id"], marks={setup["a"]: "ATTENDED"})
    assert setup["a"] not in {line.person_id for line in
                              do(T.register, session_id=setup["today"]["id"]).lines}


def test_no_marks_for_cancelled_or_future_sessions(do, replica, setup):
    refused(replica, do, T.record_attendance, "session_id", "has not started yet", RuleViolation,
            session_id=setup["tomorrow"]["id"], marks={setup["a"]: "ATTENDED"})
    do(A.cancel_session, session_id=setup["today"]["id"], reason="Tutor absent")
    refused(replica, do, T.record_attendance, "session_id", "cancelled", RuleViolation,
            session_id=setup["today"]["id"], marks={setup["a"]: "ATTENDED"})
    refused(replica, do, T.record_attendance, "session_id", "no activity session",
            session_id="nope", marks={setup["a"]: "ATTENDED"})


def test_empty_register_is_refused(do, replica, setup):
    refused(replica, do, T.record_attendance, "marks", "at least one",
            session_id=setup["today"]["id"], marks={})


def test_a_correction_is_a_new_row_and_becomes_the_current_mark(do, replica, officer, setup):
    s, a = setup["today"]["id"], setup["a"]
    do(T.record_attendance, session_id=s, marks={a: ("ABSENT", "REFUSED")})
    refused(replica, do, T.record_attendance, "correction_reason", "is required",
            session_id=s, marks={a: "ATTENDED"})
    run(replica, officer, T.record_attendance, now=NOW + D(minutes=5), session_id=s,
        marks={a: "ATTENDED"}, correction_reason="Arrived late; was in healthcare")
    history = do(T.mark_history, session_id=s, person_id=a)
    assert [h["status"] for h in history] == ["ABSENT", "ATTENDED"]
    assert history[0]["absence_reason"] == "REFUSED"  # the original is unchanged
    assert history[1]["comment"] == "Arrived late; was in healthcare"
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.absence_reason, line.corrections) == ("ATTENDED", None, 1)


def test_re_saving_the_same_register_writes_nothing(do, replica, setup):
    s, a, b = setup["today"]["id"], setup["a"], setup["b"]
    marks = {a: "ATTENDED", b: ("ABSENT", "SICK")}
    do(T.record_attendance, session_id=s, marks=marks)
    before = snapshot(replica)
    assert do(T.record_attendance, session_id=s, marks=marks) == []
    assert snapshot(replica) == before
    assert table_count(replica, attendance) == 2


def test_attendance_rows_cannot_be_edited(replica, officer, setup):
    with replica.unit_of_work(officer, now=NOW) as uow:
        row = T.record_attendance(uow, session_id=setup["today"]["id"],
                                  marks={setup["a"]: "ATTENDED"})[0]
    with pytest.raises(RuleViolation, match="cannot be edited"):
        with replica.unit_of_work(officer, now=NOW) as uow:
            uow.update(attendance, row["id"], {"status": "EXCUSED"})


def test_a_correction_made_on_a_device_whose_clock_is_behind_still_becomes_current(
        do, replica, officer, setup):
    s, a = setup["today"]["id"], setup["a"]
    first = do(T.record_attendance, session_id=s, marks={a: ("ABSENT", "REFUSED")})[0]
    # The correcting workstation's clock is three hours slow: its row sorts before the mark.
    slow = NOW - D(hours=3)
    [fixed] = run(replica, officer, T.record_attendance, now=slow, session_id=s,
                  marks={a: "ATTENDED"}, correction_reason="Arrived late; was in healthcare")
    assert fixed["created_at"] < first["created_at"]
    with replica.reader.connect() as conn:
        stored = conn.execute(select(attendance.c.supersedes_id).where(
            attendance.c.id == fixed["id"])).scalar_one()
    assert stored == first["id"]  # the correction names the mark it corrects
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.corrections) == ("ATTENDED", 1)
    assert [h["status"] for h in do(T.mark_history, session_id=s, person_id=a)] == [
        "ABSENT", "ATTENDED"]
    # A further correction, from a clock slower still, corrects the current mark.
    [again] = run(replica, officer, T.record_attendance, now=slow - D(hours=2), session_id=s,
                  marks={a: ("ABSENT", "SICK")}, correction_reason="Sent back to healthcare")
    assert again["supersedes_id"] == fixed["id"]
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.absence_reason, line.corrections) == ("ABSENT", "SICK", 2)
    assert [h["id"] for h in do(T.mark_history, session_id=s, person_id=a)] == [
        first["id"], fixed["id"], again["id"]]


def test_marks_from_before_corrections_pointed_at_anything_are_still_read(
        do, replica, officer, setup):
    s, a = setup["today"]["id"], setup["a"]
    # Rows as older versions wrote them: a correction without supersedes_id.
    for minutes, status, reason in ((0, "ABSENT", "REFUSED"), (5, "ATTENDED", None)):
        with replica.unit_of_work(officer, now=NOW + D(minutes=minutes)) as uow:
            uow.insert(attendance, dict(activity_session_id=s, person_id=a, status=status,
                                        absence_reason=reason))
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.corrections) == ("ATTENDED", 1)
    # A new correction from a slow clock points at that current mark and replaces it.
    [fixed] = run(replica, officer, T.record_attendance, now=NOW - D(hours=1), session_id=s,
                  marks={a: "EXCUSED"}, correction_reason="Legal visit")
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.corrections) == ("EXCUSED", 2)
    assert do(T.mark_history, session_id=s, person_id=a)[-1]["id"] == fixed["id"]


def test_two_offline_corrections_of_one_mark_settle_the_same_way_and_a_third_resolves_them(
        do, replica, officer, setup):
    s, a = setup["today"]["id"], setup["a"]
    first = do(T.record_attendance, session_id=s, marks={a: ("ABSENT", "REFUSED")})[0]
    # Two workstations, each offline, corrected the same mark; sync brings both here.
    forks = []
    for now, status in ((NOW + D(minutes=30), "ATTENDED"), (NOW - D(hours=2), "EXCUSED")):
        with replica.unit_of_work(officer, now=now) as uow:
            forks.append(uow.insert(attendance, dict(
                activity_session_id=s, person_id=a, status=status, comment="corrected",
                supersedes_id=first["id"])))
    # Neither clock decides: the ids (the same on every device) do.
    chosen = max(forks, key=lambda r: r["id"])
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.corrections) == (chosen["status"], 2)
    assert do(T.mark_history, session_id=s, person_id=a)[-1]["id"] == chosen["id"]
    # The next correction points at the mark shown and stands, whatever its clock.
    [settled] = run(replica, officer, T.record_attendance, now=NOW - D(hours=4), session_id=s,
                    marks={a: ("ABSENT", "SICK")}, correction_reason="Checked with healthcare")
    assert settled["supersedes_id"] == chosen["id"]
    line = [x for x in do(T.register, session_id=s).lines if x.person_id == a][0]
    assert (line.status, line.absence_reason, line.corrections) == ("ABSENT", "SICK", 3)
