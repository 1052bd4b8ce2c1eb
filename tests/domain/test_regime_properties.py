"""Invariants of the regime services under random sequences of user actions.

Each example works on fresh records (a new activity, new people) in the
test's replica, and actions that are refused must leave no trace, so the
invariants are checked after every action, refused or not.
"""
import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.schema import activity_allocation, assessment, caseload_assignment, sentence_plan
from app.domain import activities as A
from app.domain import assessments as S
from app.domain import attendance as T
from app.domain import caseload as C
from app.domain import sentence_plans as P
from app.storage.unit_of_work import Actor
from tests.domain.regime_support import NOW, TODAY, at, new_person, run

D = dt.timedelta
PROPS = settings(max_examples=25, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
_codes = itertools.count(1)


def _try(replica, actor, fn, **kw):
    try:
        return run(replica, actor, fn, **kw)
    except ValidationError:
        return None


def _rows(replica, stmt):
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


alloc_ops = st.lists(st.one_of(
    st.tuples(st.just("allocate"), st.integers(0, 4), st.integers(0, 20),
              st.one_of(st.none(), st.integers(0, 10))),
    st.tuples(st.just("end"), st.integers(0, 4), st.integers(0, 20), st.none()),
    st.tuples(st.just("wait"), st.integers(0, 4), st.none(), st.none()),
    st.tuples(st.just("from_list"), st.none(), st.integers(0, 20), st.none()),
), min_size=1, max_size=12)


@PROPS
@given(capacity=st.integers(1, 3), ops=alloc_ops)
def test_allocations_never_exceed_capacity_on_any_day(replica, officer, capacity, ops):
    act = run(replica, officer, A.create_activity, code=f"P{next(_codes)}", name="Prop",
              category="EDUCATION", capacity=capacity, start_date=TODAY,
              end_date=TODAY + D(30))
    people_ = [new_person(replica, officer) for _ in range(5)]
    for op, who, day, length in ops:
        if op == "allocate":
            _try(replica, officer, A.allocate, activity_id=act["id"], person_id=people_[who],
                 start_date=TODAY + D(day),
                 end_date=None if length is None else TODAY + D(day + length))
        elif op == "end":
            current = [a for a in run(replica, officer, A.active_allocations,
                                      activity_id=act["id"]) if a["person_id"] == people_[who]]
            if current:
                _try(replica, officer, A.end_allocation, allocation_id=current[0]["id"],
                     end_date=TODAY + D(day), reason="prop")
        elif op == "wait":
            _try(replica, officer, A.add_to_waitlist, activity_id=act["id"],
                 person_id=people_[who])
        else:
            _try(replica, officer, A.allocate_from_waitlist, activity_id=act["id"],
                 start_date=TODAY + D(day))
        allocs = _rows(replica, select(activity_allocation).where(
            activity_allocation.c.activity_id == act["id"]))
        for d in range(31):
            day_ = TODAY + D(d)
            in_force = [a for a in allocs if a["start_date"] <= day_
                        and (a["end_date"] is None or day_ <= a["end_date"])]
            assert len(in_force) <= capacity, (day_, in_force)
            assert len({a["person_id"] for a in in_force}) == len(in_force)


@PROPS
@given(ops=st.lists(st.tuples(st.sampled_from(["start", "close"]), st.integers(0, 1)),
                    min_size=1, max_size=8))
def test_a_person_never_has_two_active_plans(replica, officer, ops):
    cm = Actor("cm1", "MDI", ("case_manager",))
    people_ = [new_person(replica, officer) for _ in range(2)]
    for op, who in ops:
        if op == "start":
            _try(replica, cm, P.start_plan, person_id=people_[who])
        else:
            plan = run(replica, cm, P.active_plan, person_id=people_[who])
            if plan:
                run(replica, cm, P.close_plan, plan_id=plan["id"], reason="prop")
        for p in people_:
            active = _rows(replica, select(sentence_plan.c.id).where(
                sentence_plan.c.person_id == p, sentence_plan.c.status == "ACTIVE"))
            assert len(active) <= 1


answers = st.dictionaries(st.sampled_from(["q1", "q2", "q3"]),
                          st.one_of(st.none(), st.integers(-5, 50), st.text(max_size=5)),
                          max_size=3)
assessment_ops = st.lists(st.one_of(
    st.tuples(st.just("save"), answers),
    st.tuples(st.just("complete"), st.dictionaries(st.just("score"),
                                                   st.floats(0, 1), min_size=1)),
    st.tuples(st.just("countersign"), st.sampled_from(["psy1", "super1"])),
    st.tuples(st.just("correct"), st.text(min_size=1, max_size=10)),
), min_size=1, max_size=10)


@PROPS
@given(first=answers, ops=assessment_ops)
def test_a_completed_assessment_never_changes(replica, officer, first, ops):
    psy = Actor("psy1", "MDI", ("psychologist", "supervisor"))
    sup = Actor("super1", "MDI", ("supervisor",))
    p = new_person(replica, officer)
    ids = [run(replica, psy, S.start_draft, person_id=p, instrument_id="x",
               instrument_version="1", answers={k: v for k, v in first.items()
                                                if v is not None})["id"]]
    frozen: dict[str, tuple] = {}
    for op, arg in ops:
        latest = ids[-1]
        if op == "save":
            _try(replica, psy, S.save_answers, assessment_id=latest, answers=arg)
        elif op == "complete":
            _try(replica, psy, S.complete, assessment_id=latest, scores=arg)
        elif op == "countersign":
            _try(replica, psy if arg == "psy1" else sup, S.countersign, assessment_id=latest)
        else:
            fix = _try(replica, psy, S.correct, assessment_id=latest, reason=arg)
            if fix:
                ids.append(fix["id"])
        for r in _rows(replica, select(assessment).where(assessment.c.person_id == p)):
            if r["status"] in S.FINAL:
                key = (r["answers"], r["scores"], r["completed_at"], r["assessor"])
                assert frozen.setdefault(r["id"], key) == key
        assert len(run(replica, psy, S.current_for, person_id=p)) <= 1


@PROPS
@given(marks=st.lists(st.one_of(st.just("ATTENDED"), st.just("EXCUSED"),
                                st.tuples(st.just("ABSENT"),
                                          st.sampled_from(["SICK", "COURT", "REFUSED"]))),
                      min_size=1, max_size=6))
def test_the_current_mark_is_the_last_one_recorded(replica, officer, marks):
    act = run(replica, officer, A.create_activity, code=f"M{next(_codes)}", name="Prop",
              category="GYM", capacity=2, start_date=TODAY - D(1))
    s = run(replica, officer, A.schedule_session, activity_id=act["id"],
            starts_at=at(TODAY, 9), ends_at=at(TODAY, 10))
    p = new_person(replica, officer)
    run(replica, officer, A.allocate, activity_id=act["id"], person_id=p, start_date=TODAY)
    changes = 0
    for i, mark in enumerate(marks):
        rows = run(replica, officer, T.record_attendance, now=NOW + D(minutes=i),
                   session_id=s["id"], marks={p: mark}, correction_reason="prop")
        changes += len(rows)
    line = run(replica, officer, T.register, session_id=s["id"]).lines[0]
    status, reason = marks[-1] if isinstance(marks[-1], tuple) else (marks[-1], None)
    assert (line.status, line.absence_reason) == (status, reason)
    history = run(replica, officer, T.mark_history, session_id=s["id"], person_id=p)
    assert len(history) == changes and line.corrections == changes - 1


@PROPS
@given(ops=st.lists(st.tuples(st.sampled_from(["kw.a", "kw.b", "kw.c"]),
                              st.sampled_from(["KEY_WORKER", "CASE_MANAGER"]),
                              st.integers(0, 30)), min_size=1, max_size=8))
def test_one_current_assignment_per_role_on_any_day(replica, officer, ops):
    p = new_person(replica, officer)
    for staff, role, day in ops:
        _try(replica, officer, C.assign, person_id=p, staff_username=staff, role=role,
             from_date=TODAY + D(day))
    rows = _rows(replica, select(caseload_assignment).where(caseload_assignment.c.person_id == p))
    for d in range(32):
        day_ = TODAY + D(d)
        for role in ("KEY_WORKER", "CASE_MANAGER"):
            current = [r for r in rows if r["role"] == role and r["from_date"] <= day_
                       and (r["to_date"] is None or day_ < r["to_date"])]
            assert len(current) <= 1, (day_, role, current)
