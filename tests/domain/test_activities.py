import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation
from app.core.schema import activity, activity_allocation, activity_waitlist, non_association
from app.domain import activities as A
from app.domain import people
from app.domain.non_associations import pair_key
from app.storage.local_tables import audit_log
from tests.domain.regime_support import NOW, TODAY, at, new_person, refused, run, snapshot
from tests.support import table_count

D = dt.timedelta


@pytest.fixture
def do(replica, officer):
    return lambda fn, **kw: run(replica, officer, fn, **kw)


@pytest.fixture
def person_(replica, officer):
    return lambda: new_person(replica, officer)


def _activity(do, **kw):
    args = dict(code="WOOD1", name="Woodwork", category="INDUSTRY", capacity=2,
                start_date=TODAY - D(30), end_date=TODAY + D(60), pay_band="1")
    args.update(kw)
    return do(A.create_activity, **args)


# -- activities and sessions -----------------------------------------------------------

def test_create_activity_records_it_with_its_pay_band(do, replica):
    row = _activity(do, code=" wood1 ", programme_need="EDUCATION_EMPLOYMENT")
    assert row["code"] == "WOOD1" and row["pay_band"] == "1" and row["capacity"] == 2
    assert table_count(replica, activity) == 1


@pytest.mark.parametrize("field,value,reason", [
    ("capacity", 0, "at least 1"),
    ("capacity", "ten", "whole number"),
    ("category", "KNITTING", "not a valid activity_category"),
    ("pay_band", "9", "not a valid pay_band"),
    ("programme_need", "ASTROLOGY", "not a valid criminogenic_need"),
    ("end_date", TODAY - D(31), "cannot be before start_date"),
    ("start_date", "2 March", "not a date"),
    ("name", " ", "is required"),
])
def test_bad_activity_names_the_field_and_writes_nothing(do, replica, field, value, reason):
    args = dict(code="X", name="Woodwork", category="INDUSTRY", capacity=2,
                start_date=TODAY - D(30), end_date=TODAY + D(60))
    args[field] = value
    refused(replica, do, A.create_activity, field, reason, **args)


def test_activity_code_is_unique_in_the_facility(do, replica):
    _activity(do)
    refused(replica, do, A.create_activity, "code", "already in use", RuleViolation,
             code="wood1", name="Other", category="GYM", capacity=3, start_date=TODAY)


def test_session_must_end_after_it_starts_and_fall_within_the_activity(do, replica):
    act = _activity(do)
    ok = do(A.schedule_session, activity_id=act["id"], starts_at=at(TODAY, 9),
            ends_at=at(TODAY, 11))
    assert ok["cancelled"] is False
    for start, end, field, reason in [
        (at(TODAY, 11), at(TODAY, 9), "ends_at", "must be after starts_at"),
        (at(TODAY, 9), at(TODAY, 9), "ends_at", "must be after starts_at"),
        (at(TODAY - D(31), 9), at(TODAY - D(31), 10), "starts_at", "before the activity starts"),
        (at(TODAY + D(61), 9), at(TODAY + D(61), 10), "ends_at", "after the activity ends"),
        (dt.datetime(2026, 3, 2, 9), at(TODAY, 10), "starts_at", "time zone"),
    ]:
        refused(replica, do, A.schedule_session, field, reason, activity_id=act["id"],
                 starts_at=start, ends_at=end)
    refused(replica, do, A.schedule_session, "activity_id", "no activity", activity_id="nope",
             starts_at=at(TODAY, 9), ends_at=at(TODAY, 10))


def test_cancel_session_needs_a_reason_and_happens_once(do, replica):
    act = _activity(do)
    s = do(A.schedule_session, activity_id=act["id"], starts_at=at(TODAY, 9),
           ends_at=at(TODAY, 11))
    refused(replica, do, A.cancel_session, "reason", "is required", session_id=s["id"],
             reason="")
    row = do(A.cancel_session, session_id=s["id"], reason="Instructor sick")
    assert row["cancelled"] and row["cancel_reason"] == "Instructor sick"
    refused(replica, do, A.cancel_session, "session_id", "already cancelled", RuleViolation,
             session_id=s["id"], reason="again")


# -- allocation ---------------------------------------------------------------------------

def test_full_activity_refuses_and_offers_the_waiting_list(do, replica, person_):
    act = _activity(do, capacity=2)
    for _ in range(2):
        do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY)
    third = person_()
    err = refused(replica, do, A.allocate, "activity_id", "is full (2 of 2", A.ActivityFull,
                   activity_id=act["id"], person_id=third, start_date=TODAY)
    assert err.offers_waiting_list and "waiting list" in err.reason
    do(A.add_to_waitlist, activity_id=act["id"], person_id=third)
    assert [w["person_id"] for w in do(A.waitlist, activity_id=act["id"])] == [third]


def test_capacity_counts_only_allocations_in_force_at_the_same_time(do, replica, person_):
    act = _activity(do, capacity=1)
    do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY - D(20),
       end_date=TODAY - D(1))
    later = do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY)
    assert later["status"] == "ACTIVE"
    refused(replica, do, A.allocate, "activity_id", "is full", A.ActivityFull,
             activity_id=act["id"], person_id=person_(), start_date=TODAY - D(25),
             end_date=TODAY - D(21) + D(2))


def test_allocation_takes_the_activity_pay_band_unless_given(do, person_):
    act = _activity(do)
    a = do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY)
    b = do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY,
           pay_band="2")
    assert (a["pay_band"], b["pay_band"]) == ("1", "2")


def test_already_allocated_isrefused(do, replica, person_):
    act = _activity(do, capacity=5)
    p = person_()
    do(A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY)
    refused(replica, do, A.allocate, "person_id", "already allocated", RuleViolation,
             activity_id=act["id"], person_id=p, start_date=TODAY + D(1))


@pytest.mark.parametrize("field,kw,reason", [
    ("start_date", dict(start_date=TODAY - D(31)), "before the activity starts"),
    ("start_date", dict(start_date=TODAY + D(61)), "after the activity ends"),
    ("end_date", dict(start_date=TODAY, end_date=TODAY - D(1)), "cannot be before start_date"),
    ("end_date", dict(start_date=TODAY, end_date=TODAY + D(61)), "after the activity ends"),
    ("pay_band", dict(start_date=TODAY, pay_band="GOLD"), "not a valid pay_band"),
    ("person_id", dict(start_date=TODAY, person_id="nobody"), "no person"),
])
def test_bad_allocation_names_the_field_and_writes_nothing(do, replica, person_, field, kw,
                                                           reason):
    act = _activity(do)
    args = dict(activity_id=act["id"], person_id=person_())
    args.update(kw)
    refused(replica, do, A.allocate, field, reason, **args)


def test_a_merged_record_cannot_be_allocated(do, replica, person_):
    act = _activity(do)
    keep, dup = person_(), person_()
    do(people.merge_people, keep_id=keep, duplicate_id=dup, reason="same fingerprints")
    refused(replica, do, A.allocate, "person_id", "merged into", RuleViolation,
             activity_id=act["id"], person_id=dup, start_date=TODAY)


def _clashing_pair(do):
    wood = _activity(do, capacity=5)
    gym = _activity(do, code="GYM1", name="Gym", category="GYM", capacity=5)
    do(A.schedule_session, activity_id=wood["id"], starts_at=at(TODAY + D(1), 9),
       ends_at=at(TODAY + D(1), 11))
    gym_session = do(A.schedule_session, activity_id=gym["id"],
                     starts_at=at(TODAY + D(1), 10, 30), ends_at=at(TODAY + D(1), 12))
    return wood, gym, gym_session


def test_schedule_clash_is_refused_naming_the_clash(do, replica, person_):
    wood, gym, _ = _clashing_pair(do)
    p = person_()
    do(A.allocate, activity_id=wood["id"], person_id=p, start_date=TODAY)
    err = refused(replica, do, A.allocate, "activity_id", "clashes with Woodwork on "
                  f"{TODAY + D(1)} 09:00–11:00", A.ScheduleClash,
                   activity_id=gym["id"], person_id=p, start_date=TODAY)
    assert [(c.activity_id, c.session_starts_at) for c in err.clashes] == [
        (wood["id"], at(TODAY + D(1), 10, 30))]


def test_no_clash_with_cancelled_sessions_or_outside_the_allocation(do, person_):
    wood, gym, gym_session = _clashing_pair(do)
    p, q = person_(), person_()
    do(A.allocate, activity_id=wood["id"], person_id=p, start_date=TODAY)
    # q's woodwork allocation ends before the clashing day
    do(A.allocate, activity_id=wood["id"], person_id=q, start_date=TODAY, end_date=TODAY)
    assert do(A.allocate, activity_id=gym["id"], person_id=q, start_date=TODAY)
    do(A.cancel_session, session_id=gym_session["id"], reason="Gym flooded")
    assert do(A.allocate, activity_id=gym["id"], person_id=p, start_date=TODAY)


def _keep_apart(replica, officer, a, b):
    with replica.unit_of_work(officer, now=NOW) as uow:
        uow.insert(non_association, dict(
            person_id=a, person_role="VICTIM", other_person_id=b, other_person_role="PERPETRATOR",
            pair_key=pair_key(a, b), reason="VIOLENCE", keep_apart="WING", status="OPEN"))


def test_non_association_warns_and_needs_an_override_reason(do, replica, officer, person_):
    act = _activity(do, capacity=5)
    victim, perpetrator = new_person(replica, officer, "Victor"), person_()
    _keep_apart(replica, officer, victim, perpetrator)
    do(A.allocate, activity_id=act["id"], person_id=victim, start_date=TODAY)
    err = refused(replica, do, A.allocate, "override_reason", "open non-association with "
                  "Victor Person", A.NonAssociationWarning, activity_id=act["id"],
                  person_id=perpetrator, start_date=TODAY)
    assert err.conflicts[0][0] == victim
    row = do(A.allocate, activity_id=act["id"], person_id=perpetrator, start_date=TODAY,
             override_reason="Supervised by two instructors; governor agreed")
    with replica.reader.connect() as conn:
        entry = conn.execute(select(audit_log).where(audit_log.c.action == "OVERRIDE")).one()
    assert entry.row_id == row["id"]
    assert entry.detail["reason"] == "Supervised by two instructors; governor agreed"
    with replica.reader.connect() as conn:  # and on the allocation itself, which syncs
        stored = conn.execute(select(activity_allocation.c.override_reason).where(
            activity_allocation.c.id == row["id"])).scalar_one()
    assert stored == "Supervised by two instructors; governor agreed"
    held = do(A.active_allocations, activity_id=act["id"])
    assert {a["person_id"]: a["override_reason"] for a in held} == {
        victim: None, perpetrator: "Supervised by two instructors; governor agreed"}


def test_non_association_with_someone_whose_allocation_ended_is_no_warning(do, replica, officer,
                                                                           person_):
    act = _activity(do, capacity=5)
    a, b = person_(), person_()
    _keep_apart(replica, officer, a, b)
    alloc = do(A.allocate, activity_id=act["id"], person_id=a, start_date=TODAY - D(10))
    do(A.end_allocation, allocation_id=alloc["id"], end_date=TODAY - D(1), reason="Transferred")
    assert do(A.allocate, activity_id=act["id"], person_id=b, start_date=TODAY)


def test_end_allocation_needs_a_reason_and_frees_the_place(do, replica, person_):
    act = _activity(do, capacity=1)
    alloc = do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY - D(5))
    refused(replica, do, A.end_allocation, "reason", "is required",
             allocation_id=alloc["id"], end_date=TODAY, reason=None)
    refused(replica, do, A.end_allocation, "end_date", "cannot be before",
             allocation_id=alloc["id"], end_date=TODAY - D(6), reason="Moved")
    ended = do(A.end_allocation, allocation_id=alloc["id"], end_date=TODAY, reason="Released")
    assert (ended["status"], ended["end_reason"]) == ("ENDED", "Released")
    refused(replica, do, A.end_allocation, "allocation_id", "already ended", RuleViolation,
             allocation_id=alloc["id"], end_date=TODAY, reason="again")
    assert do(A.allocate, activity_id=act["id"], person_id=person_(), start_date=TODAY + D(1))


# -- waiting list ---------------------------------------------------------------------------

def test_waiting_list_is_served_by_need_level_then_priority_then_date(do, replica, person_):
    prog = _activity(do, code="TSP", name="Thinking Skills", category="PROGRAMME", capacity=1,
                     programme_need="ATTITUDES")
    current = do(A.allocate, activity_id=prog["id"], person_id=person_(),
                 start_date=TODAY - D(10))
    alt, mod_old, mod_new, high = person_(), person_(), person_(), person_()
    do(A.add_to_waitlist, activity_id=prog["id"], person_id=alt, referral_need_level="ALTERNATIVE",
       priority=9)
    do(A.add_to_waitlist, activity_id=prog["id"], person_id=mod_new,
       referral_need_level="MODERATE", requested_on=TODAY - D(1))
    do(A.add_to_waitlist, activity_id=prog["id"], person_id=mod_old,
       referral_need_level="MODERATE", requested_on=TODAY - D(9))
    do(A.add_to_waitlist, activity_id=prog["id"], person_id=high, referral_need_level="HIGH")
    assert [w["person_id"] for w in do(A.waitlist, activity_id=prog["id"])] == [
        high, mod_old, mod_new, alt]

    refused(replica, do, A.allocate_from_waitlist, "activity_id", "is full", A.ActivityFull,
             activity_id=prog["id"], start_date=TODAY)
    assert do(A.free_places, activity_id=prog["id"], start_date=TODAY + D(1)) == 0
    do(A.end_allocation, allocation_id=current["id"], end_date=TODAY, reason="Completed")
    assert do(A.free_places, activity_id=prog["id"], start_date=TODAY) == 0
    assert do(A.free_places, activity_id=prog["id"], start_date=TODAY + D(1)) == 1
    row = do(A.allocate_from_waitlist, activity_id=prog["id"], start_date=TODAY + D(1))
    assert row["person_id"] == high
    assert [w["person_id"] for w in do(A.waitlist, activity_id=prog["id"])] == [
        mod_old, mod_new, alt]
    assert table_count(replica, activity_waitlist, activity_waitlist.c.status == "ALLOCATED") == 1


def test_programme_referral_needs_a_need_level(do, replica, person_):
    prog = _activity(do, code="TSP", name="Thinking Skills", category="PROGRAMME",
                     programme_need="ATTITUDES")
    p = person_()
    refused(replica, do, A.add_to_waitlist, "referral_need_level", "is required",
             activity_id=prog["id"], person_id=p)
    refused(replica, do, A.add_to_waitlist, "referral_need_level", "not a valid need_level",
             activity_id=prog["id"], person_id=p, referral_need_level="URGENT")
    refused(replica, do, A.add_to_waitlist, "requested_on", "in the future",
             activity_id=prog["id"], person_id=p, referral_need_level="HIGH",
             requested_on=TODAY + D(1))
    refused(replica, do, A.add_to_waitlist, "priority", "at least 0",
             activity_id=prog["id"], person_id=p, referral_need_level="HIGH", priority=-1)


def test_waiting_twice_or_while_allocated_isrefused(do, replica, person_):
    act = _activity(do)
    waiting, allocated = person_(), person_()
    do(A.add_to_waitlist, activity_id=act["id"], person_id=waiting)
    do(A.allocate, activity_id=act["id"], person_id=allocated, start_date=TODAY)
    refused(replica, do, A.add_to_waitlist, "person_id", "already on this waiting list",
             RuleViolation, activity_id=act["id"], person_id=waiting)
    refused(replica, do, A.add_to_waitlist, "person_id", "already allocated", RuleViolation,
             activity_id=act["id"], person_id=allocated)


def test_direct_allocation_takes_the_person_off_the_waiting_list(do, replica, person_):
    act = _activity(do)
    p = person_()
    entry = do(A.add_to_waitlist, activity_id=act["id"], person_id=p)
    do(A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY)
    with replica.reader.connect() as conn:
        status = conn.execute(select(activity_waitlist.c.status).where(
            activity_waitlist.c.id == entry["id"])).scalar_one()
    assert status == "ALLOCATED"


def test_withdraw_from_waiting_list(do, replica, person_):
    act = _activity(do)
    entry = do(A.add_to_waitlist, activity_id=act["id"], person_id=person_())
    assert do(A.withdraw_from_waitlist, waitlist_id=entry["id"])["status"] == "WITHDRAWN"
    assert do(A.waitlist, activity_id=act["id"]) == []
    refused(replica, do, A.withdraw_from_waitlist, "waitlist_id", "withdrawn, not waiting",
             RuleViolation, waitlist_id=entry["id"])
    refused(replica, do, A.allocate_from_waitlist, "activity_id", "nobody is waiting",
             RuleViolation, activity_id=act["id"], start_date=TODAY)


def test_allocation_writes_row_outbox_and_audit_in_one_action(do, replica, person_):
    act = _activity(do)
    p = person_()
    before = snapshot(replica)
    do(A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY)
    after = snapshot(replica)
    assert table_count(replica, activity_allocation) == 1
    assert (after[-2] - before[-2], after[-1] - before[-1]) == (1, 1)


def test_ended_allocations_still_fill_the_days_they_were_in_force(do, replica, person_):
    act = _activity(do, capacity=1)
    p = person_()
    alloc = do(A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY - D(20))
    do(A.end_allocation, allocation_id=alloc["id"], end_date=TODAY - D(10), reason="Moved")
    refused(replica, do, A.allocate, "activity_id", "is full", A.ActivityFull,
            activity_id=act["id"], person_id=person_(), start_date=TODAY - D(15))
    refused(replica, do, A.allocate, "start_date", "overlaps the person's earlier allocation",
            RuleViolation, activity_id=act["id"], person_id=p, start_date=TODAY - D(12))
    assert do(A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY - D(9))


def test_back_to_back_sessions_do_not_clash(do, person_):
    wood = _activity(do, capacity=5)
    gym = _activity(do, code="GYM1", name="Gym", category="GYM", capacity=5)
    do(A.schedule_session, activity_id=wood["id"], starts_at=at(TODAY, 9), ends_at=at(TODAY, 11))
    do(A.schedule_session, activity_id=gym["id"], starts_at=at(TODAY, 11), ends_at=at(TODAY, 12))
    p = person_()
    do(A.allocate, activity_id=wood["id"], person_id=p, start_date=TODAY)
    assert do(A.allocate, activity_id=gym["id"], person_id=p, start_date=TODAY)
