import datetime as dt

import pytest

from app.core.errors import RuleViolation
from app.core.schema import plan_review
from app.domain import sentence_plans as P
from app.storage.unit_of_work import Actor
from tests.domain.regime_support import NOW, TODAY, new_person, refused, run

D = dt.timedelta


CASE_MANAGER = Actor("cm1", "MDI", ("case_manager",))


@pytest.fixture
def do(replica):
    return lambda fn, **kw: run(replica, CASE_MANAGER, fn, **kw)


@pytest.fixture
def plan(do, replica, officer):
    p = new_person(replica, officer)
    return do(P.start_plan, person_id=p, started_on=TODAY - D(60),
              next_review_on=TODAY + D(30))


def test_one_active_plan_per_person(do, replica, plan):
    refused(replica, do, P.start_plan, "person_id", "already has an active sentence plan",
            RuleViolation, person_id=plan["person_id"])
    do(P.close_plan, plan_id=plan["id"], reason="Released to the community")
    again = do(P.start_plan, person_id=plan["person_id"])
    assert again["status"] == "ACTIVE" and again["started_on"] == TODAY
    assert do(P.active_plan, person_id=plan["person_id"])["id"] == again["id"]


@pytest.mark.parametrize("kw,field,reason", [
    (dict(started_on=TODAY + D(1)), "started_on", "in the future"),
    (dict(started_on=TODAY, next_review_on=TODAY), "next_review_on", "must be after started_on"),
    (dict(person_id="nobody"), "person_id", "no person"),
])
def test_bad_plan_start_names_the_field_and_writes_nothing(do, replica, officer, kw, field,
                                                           reason):
    args = dict(person_id=new_person(replica, officer))
    args.update(kw)
    refused(replica, do, P.start_plan, field, reason, **args)


def test_objectives_and_steps_build_the_plan(do, plan):
    obj = do(P.add_objective, plan_id=plan["id"], need_area="SUBSTANCE_MISUSE",
             goal="Stay drug-free and complete the recovery course", target_date=TODAY + D(90))
    step = do(P.add_step, objective_id=obj["id"], description="Attend recovery group weekly",
              owner="drug.worker", due_on=TODAY + D(30))
    detail = do(P.plan_detail, plan_id=plan["id"])
    assert [o["need_area"] for o in detail.objectives] == ["SUBSTANCE_MISUSE"]
    assert detail.steps[obj["id"]][0]["id"] == step["id"]
    assert (obj["status"], step["status"], step["person_id"]) == ("OPEN", "TODO",
                                                                  plan["person_id"])


@pytest.mark.parametrize("kw,field,reason", [
    (dict(need_area="HOROSCOPE"), "need_area", "not a valid criminogenic_need"),
    (dict(goal=""), "goal", "is required"),
    (dict(target_date=TODAY - D(61)), "target_date", "cannot be before the plan's start"),
    (dict(plan_id="nope"), "plan_id", "no sentence plan"),
])
def test_bad_objective_names_the_field_and_writes_nothing(do, replica, plan, kw, field, reason):
    args = dict(plan_id=plan["id"], need_area="ATTITUDES", goal="Challenge attitudes")
    args.update(kw)
    refused(replica, do, P.add_objective, field, reason, **args)


def test_bad_step_names_the_field_and_writes_nothing(do, replica, plan):
    obj = do(P.add_objective, plan_id=plan["id"], need_area="ATTITUDES", goal="g")
    refused(replica, do, P.add_step, "due_on", "cannot be before the plan's start",
            objective_id=obj["id"], description="d", due_on=TODAY - D(61))
    refused(replica, do, P.add_step, "description", "is required", objective_id=obj["id"],
            description=None)
    do(P.set_objective_status, objective_id=obj["id"], status="WITHDRAWN")
    refused(replica, do, P.add_step, "objective_id", "this objective is withdrawn",
            RuleViolation, objective_id=obj["id"], description="too late")


def test_status_transitions_of_objectives_and_steps(do, replica, plan):
    obj = do(P.add_objective, plan_id=plan["id"], need_area="EDUCATION_EMPLOYMENT",
             goal="Gain a level 1 qualification")
    s1 = do(P.add_step, objective_id=obj["id"], description="Enrol")
    s2 = do(P.add_step, objective_id=obj["id"], description="Sit the exam")
    do(P.set_step_status, step_id=s1["id"], status="DONE")
    refused(replica, do, P.set_objective_status, "status", "1 step(s) are still to do",
            RuleViolation, objective_id=obj["id"], status="ACHIEVED")
    refused(replica, do, P.set_step_status, "status", "cannot go from DONE to TODO",
            RuleViolation, step_id=s1["id"], status="TODO")
    refused(replica, do, P.set_step_status, "status", "not a status", step_id=s2["id"],
            status="FINISHED")
    do(P.set_step_status, step_id=s2["id"], status="DONE")
    assert do(P.set_objective_status, objective_id=obj["id"], status="ACHIEVED")["status"] == \
        "ACHIEVED"
    refused(replica, do, P.set_objective_status, "status", "cannot go from ACHIEVED to OPEN",
            RuleViolation, objective_id=obj["id"], status="OPEN")


def test_withdrawing_an_objective_drops_its_remaining_steps(do, plan):
    obj = do(P.add_objective, plan_id=plan["id"], need_area="LEISURE", goal="Join the gym")
    done = do(P.add_step, objective_id=obj["id"], description="Induction")
    todo = do(P.add_step, objective_id=obj["id"], description="Three sessions a week")
    do(P.set_step_status, step_id=done["id"], status="DONE")
    do(P.set_objective_status, objective_id=obj["id"], status="WITHDRAWN")
    steps = {s["id"]: s["status"] for s in do(P.plan_detail, plan_id=plan["id"]).steps[obj["id"]]}
    assert steps == {done["id"]: "DONE", todo["id"]: "DROPPED"}


def test_reviews_are_appended_and_set_the_next_review(do, replica, plan):
    do(P.record_review, plan_id=plan["id"], reviewed_on=TODAY - D(30), summary="Engaging well",
       next_review_on=TODAY + D(60))
    row = do(P.record_review, plan_id=plan["id"], reviewed_on=TODAY, summary="On track",
             next_review_on=TODAY + D(90))
    assert row["reviewer"] == "cm1"
    detail = do(P.plan_detail, plan_id=plan["id"])
    assert [r["summary"] for r in detail.reviews] == ["Engaging well", "On track"]
    assert detail.plan["next_review_on"] == TODAY + D(90)
    with pytest.raises(RuleViolation, match="cannot be edited"):
        with replica.unit_of_work(CASE_MANAGER, now=NOW) as uow:
            uow.update(plan_review, row["id"], {"summary": "rewritten"})


@pytest.mark.parametrize("kw,field,reason", [
    (dict(next_review_on=TODAY), "next_review_on", "must be after reviewed_on"),
    (dict(next_review_on=None), "next_review_on", "is required"),
    (dict(reviewed_on=TODAY + D(1), next_review_on=TODAY + D(9)), "reviewed_on",
     "in the future"),
    (dict(reviewed_on=TODAY - D(61)), "reviewed_on", "cannot be before the plan's start"),
    (dict(reviewed_on=TODAY - D(11)), "reviewed_on", "cannot be before the last review"),
    (dict(summary=" "), "summary", "is required"),
])
def test_bad_review_names_the_field_and_writes_nothing(do, replica, plan, kw, field, reason):
    do(P.record_review, plan_id=plan["id"], reviewed_on=TODAY - D(10), summary="First",
       next_review_on=TODAY + D(20))
    args = dict(plan_id=plan["id"], reviewed_on=TODAY, summary="s",
                next_review_on=TODAY + D(30))
    args.update(kw)
    refused(replica, do, P.record_review, field, reason, **args)


def test_closing_a_plan_records_why_and_freezes_it(do, replica, plan):
    obj = do(P.add_objective, plan_id=plan["id"], need_area="FAMILY_MARITAL", goal="Rebuild")
    refused(replica, do, P.close_plan, "reason", "is required", plan_id=plan["id"], reason="")
    closed = do(P.close_plan, plan_id=plan["id"], reason="Transferred to another prison")
    assert (closed["status"], closed["next_review_on"]) == ("CLOSED", None)
    last = do(P.plan_detail, plan_id=plan["id"]).reviews[-1]
    assert last["summary"] == "Plan closed: Transferred to another prison"
    for fn, kw in [(P.add_objective, dict(plan_id=plan["id"], need_area="LEISURE", goal="g")),
                   (P.record_review, dict(plan_id=plan["id"], reviewed_on=TODAY, summary="s",
                                          next_review_on=TODAY + D(1))),
                   (P.close_plan, dict(plan_id=plan["id"], reason="again"))]:
        refused(replica, do, fn, "plan_id", "is closed", RuleViolation, **kw)
    refused(replica, do, P.add_step, "objective_id", "is closed", RuleViolation,
            objective_id=obj["id"], description="d")
    assert do(P.active_plan, person_id=plan["person_id"]) is None


def test_a_role_that_may_not_read_plans_cannot_change_them(replica, officer, plan):
    as_officer = lambda fn, **kw: run(replica, officer, fn, **kw)  # noqa: E731
    refused(replica, as_officer, P.add_objective, "sentence_plan", "may not change",
            RuleViolation, plan_id=plan["id"], need_area="LEISURE", goal="g")
    refused(replica, as_officer, P.start_plan, "sentence_plan", "may not change", RuleViolation,
            person_id=new_person(replica, officer))
