import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation
from app.core.schema import caseload_assignment
from app.domain import caseload as C
from app.domain.caseload import StaffCandidate as Staff
from tests.domain.regime_support import TODAY, new_person, refused, run

D = dt.timedelta


@pytest.fixture
def do(replica, officer):
    return lambda fn, **kw: run(replica, officer, fn, **kw)


@pytest.fixture
def person_(replica, officer):
    return lambda: new_person(replica, officer)


def _assignments(replica, person_id):
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(select(caseload_assignment).where(
            caseload_assignment.c.person_id == person_id)
            .order_by(caseload_assignment.c.from_date)).mappings()]


def test_assigning_a_new_key_worker_ends_the_previous_one(do, replica, person_):
    p = person_()
    do(C.assign, person_id=p, staff_username="kw.ana", role="KEY_WORKER",
       from_date=TODAY - D(100))
    do(C.assign, person_id=p, staff_username="cm.rui", role="CASE_MANAGER",
       from_date=TODAY - D(100))
    do(C.assign, person_id=p, staff_username="kw.bea", role="KEY_WORKER", from_date=TODAY,
       reason="Ana moved to another wing")
    rows = _assignments(replica, p)
    by = {(r["staff_username"]): r for r in rows}
    assert by["kw.ana"]["to_date"] == TODAY  # exclusive: Bea from today, no gap or overlap
    assert by["cm.rui"]["to_date"] is None  # another role is untouched
    current = do(C.current_assignments, person_id=p)
    assert {role: a["staff_username"] for role, a in current.items()} == {
        "KEY_WORKER": "kw.bea", "CASE_MANAGER": "cm.rui"}
    yesterday = do(C.current_assignments, person_id=p, on=TODAY - D(1))
    assert yesterday["KEY_WORKER"]["staff_username"] == "kw.ana"


@pytest.mark.parametrize("kw,field,reason", [
    (dict(role="WARDEN"), "role", "not a valid caseload_role"),
    (dict(staff_username=" "), "staff_username", "is required"),
    (dict(to_date=TODAY), "to_date", "must be after from_date"),
    (dict(from_date="yesterday"), "from_date", "not a date"),
    (dict(person_id="nobody"), "person_id", "no person"),
])
def test_bad_assignment_names_the_field_and_writes_nothing(do, replica, person_, kw, field,
                                                           reason):
    args = dict(person_id=person_(), staff_username="kw.ana", role="KEY_WORKER",
                from_date=TODAY)
    args.update(kw)
    refused(replica, do, C.assign, field, reason, **args)


def test_same_worker_twice_or_before_the_current_one_is_refused(do, replica, person_):
    p = person_()
    do(C.assign, person_id=p, staff_username="kw.ana", role="KEY_WORKER", from_date=TODAY)
    refused(replica, do, C.assign, "staff_username", "already this person's key worker",
            RuleViolation, person_id=p, staff_username="kw.ana", role="KEY_WORKER",
            from_date=TODAY + D(3))
    refused(replica, do, C.assign, "from_date", "kw.ana is assigned from", RuleViolation,
            person_id=p, staff_username="kw.bea", role="KEY_WORKER", from_date=TODAY - D(1))


def test_end_assignment(do, replica, person_):
    p = person_()
    a = do(C.assign, person_id=p, staff_username="om.eva", role="OFFENDER_MANAGER",
           from_date=TODAY - D(10))
    refused(replica, do, C.end_assignment, "to_date", "must be after from_date",
            assignment_id=a["id"], to_date=TODAY - D(10))
    do(C.end_assignment, assignment_id=a["id"], to_date=TODAY)
    assert do(C.current_assignments, person_id=p) == {}
    refused(replica, do, C.end_assignment, "assignment_id", "already ended", RuleViolation,
            assignment_id=a["id"], to_date=TODAY + D(1))


def _load(do, person_, staff, n):
    for _ in range(n):
        do(C.assign, person_id=person_(), staff_username=staff, role="KEY_WORKER",
           from_date=TODAY - D(30))


def test_recommendation_keeps_continuity_with_a_previous_worker_first(do, person_):
    p = person_()
    old = do(C.assign, person_id=p, staff_username="kw.old", role="KEY_WORKER",
             from_date=TODAY - D(400))
    do(C.end_assignment, assignment_id=old["id"], to_date=TODAY - D(200))
    _load(do, person_, "kw.old", 5)
    rec = do(C.recommend_key_worker, person_id=p,
             candidates=[Staff("kw.new"), Staff("kw.old")])
    assert rec.username == "kw.old" and rec.reason.startswith("continuity")
    assert str(TODAY - D(400)) in rec.reason


def test_recommendation_then_lowest_caseload_ratio_with_default_capacity(do, person_):
    _load(do, person_, "kw.a", 3)  # 3 of 9 by default
    _load(do, person_, "kw.b", 2)  # 2 of 4
    rec = do(C.recommend_key_worker, person_id=person_(),
             candidates=[Staff("kw.b", capacity=4), Staff("kw.a")])
    assert (rec.username, rec.allocated, rec.capacity) == ("kw.a", 3, 9)
    assert rec.reason == "lowest caseload: 3 of 9 (33%)"


def test_recommendation_skips_staff_on_leave_and_at_capacity(do, person_):
    p = person_()
    do(C.assign, person_id=p, staff_username="kw.away", role="KEY_WORKER",
       from_date=TODAY - D(50))
    _load(do, person_, "kw.full", 2)
    rec = do(C.recommend_key_worker, person_id=p, candidates=[
        Staff("kw.away", on_leave_until=TODAY + D(14)), Staff("kw.full", capacity=2),
        Staff("kw.free")])
    assert rec.username == "kw.free" and rec.reason.startswith("lowest caseload: 0 of 9")
    assert dict(rec.skipped) == {"kw.away": f"on leave until {TODAY + D(14)}",
                                 "kw.full": "at capacity (2 of 2)"}
    back = do(C.recommend_key_worker, person_id=p, on=TODAY + D(14), candidates=[
        Staff("kw.away", on_leave_until=TODAY + D(14)), Staff("kw.free")])
    assert back.username == "kw.away" and back.reason.startswith("continuity")


def test_no_recommendation_when_nobody_is_available(do, person_):
    rec = do(C.recommend_key_worker, person_id=person_(),
             candidates=[Staff("kw.away", on_leave_until=TODAY + D(1))])
    assert rec.username is None and "no available key worker" in rec.reason
    assert rec.skipped == (("kw.away", f"on leave until {TODAY + D(1)}"),)


@pytest.mark.parametrize("candidates,field,reason", [
    ([], "candidates", "at least one"),
    ([Staff("kw.a", capacity=0)], "candidates[0].capacity", "at least 1"),
    ([Staff("kw.a"), Staff("kw.a")], "candidates[1].username", "listed twice"),
    ([Staff(" ")], "candidates[0].username", "is required"),
    ([Staff("kw.a", on_leave_until="soon")], "candidates[0].on_leave_until", "not a date"),
])
def test_bad_candidates_name_the_field(do, replica, person_, candidates, field, reason):
    refused(replica, do, C.recommend_key_worker, field, reason, person_id=person_(),
            candidates=candidates)


def test_caseload_counts_only_current_assignments_of_the_role(do, person_):
    _load(do, person_, "kw.a", 2)
    ended = do(C.assign, person_id=person_(), staff_username="kw.a", role="KEY_WORKER",
               from_date=TODAY - D(30))
    do(C.end_assignment, assignment_id=ended["id"], to_date=TODAY)
    do(C.assign, person_id=person_(), staff_username="kw.a", role="CASE_MANAGER",
       from_date=TODAY - D(30))
    assert do(C.caseload_counts, role="KEY_WORKER") == {"kw.a": 2}
    assert do(C.caseload_counts, role="KEY_WORKER", on=TODAY - D(1)) == {"kw.a": 3}
