"""Sentence plans: objectives by criminogenic need, the steps to reach them, reviews.

A person has at most one ACTIVE plan. Objectives name a need area
(criminogenic_need.json), a goal and a target date; steps have an owner and
a due date. Reviews are append-only and set the next review date, which
must fall after the review. Closing a plan records a final review carrying
the reason, so the reason is kept in the same append-only history.

Status lifecycles (the allowed next statuses):
  objective OPEN → ACHIEVED | NOT_ACHIEVED | WITHDRAWN (final);
  step      TODO → DONE | DROPPED (final).
An objective cannot be marked ACHIEVED while steps are still to do; when it
is withdrawn or not achieved, its remaining steps are dropped with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.roles import may_read
from app.core.schema import plan_objective, plan_review, plan_step, sentence_plan
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

OBJECTIVE_NEXT = {"OPEN": ("ACHIEVED", "NOT_ACHIEVED", "WITHDRAWN")}
STEP_NEXT = {"TODO": ("DONE", "DROPPED")}


@dataclass(frozen=True)
class PlanDetail:
    plan: dict[str, Any]
    objectives: list[dict[str, Any]]
    steps: dict[str, list[dict[str, Any]]]  # objective id -> its steps
    reviews: list[dict[str, Any]]


def start_plan(uow: UnitOfWork, *, person_id: str, started_on: Any = None,
               next_review_on: Any = None) -> dict[str, Any]:
    """Start a person's sentence plan; refused while another is ACTIVE."""
    _may_plan(uow)
    live_person(uow, person_id)
    start = checks.date(started_on, "started_on", required=False) or uow.now.date()
    checks.not_future(start, uow.now, "started_on")
    review = checks.date(next_review_on, "next_review_on", required=False)
    if review is not None and review <= start:
        raise ValidationError("next_review_on", "must be after started_on")
    existing = active_plan(uow, person_id=person_id)
    if existing is not None:
        raise RuleViolation("person_id", f"already has an active sentence plan (started "
                                         f"{existing['started_on']}); close it first")
    return uow.insert(sentence_plan, dict(person_id=person_id, status="ACTIVE",
                                          started_on=start, next_review_on=review))


def add_objective(uow: UnitOfWork, *, plan_id: str, need_area: Any, goal: Any,
                  target_date: Any = None) -> dict[str, Any]:
    """Add an objective for a criminogenic need to an active plan."""
    plan = _active(uow, plan_id)
    uow.codes.require("criminogenic_need", need_area, "need_area")
    text = checks.text(goal, "goal", max_len=2000)
    target = checks.date(target_date, "target_date", required=False)
    checks.not_before(target, plan["started_on"], "target_date", "the plan's start")
    return uow.insert(plan_objective, dict(
        sentence_plan_id=plan_id, person_id=plan["person_id"], need_area=need_area, goal=text,
        status="OPEN", target_date=target))


def add_step(uow: UnitOfWork, *, objective_id: str, description: Any, owner: Any = None,
             due_on: Any = None) -> dict[str, Any]:
    """Add a step towards an open objective."""
    objective = uow.get(plan_objective, objective_id, field="objective_id")
    plan = _active(uow, objective["sentence_plan_id"], field="objective_id")
    if objective["status"] != "OPEN":
        raise RuleViolation("objective_id", f"this objective is {objective['status'].lower()}")
    text = checks.text(description, "description", max_len=2000)
    who = checks.text(owner, "owner", max_len=80, required=False)
    due = checks.date(due_on, "due_on", required=False)
    checks.not_before(due, plan["started_on"], "due_on", "the plan's start")
    return uow.insert(plan_step, dict(plan_objective_id=objective_id,
                                      person_id=objective["person_id"], description=text,
                                      owner=who, due_on=due, status="TODO"))


def set_objective_status(uow: UnitOfWork, *, objective_id: str, status: Any) -> dict[str, Any]:
    """Move an objective on (see the lifecycle in the module docstring)."""
    objective = uow.get(plan_objective, objective_id, field="objective_id")
    _active(uow, objective["sentence_plan_id"], field="objective_id")
    _transition(OBJECTIVE_NEXT, objective["status"], status)
    steps = _steps(uow, [objective_id]).get(objective_id, [])
    todo = [s for s in steps if s["status"] == "TODO"]
    if status == "ACHIEVED" and todo:
        raise RuleViolation("status", f"{len(todo)} step(s) are still to do; finish or drop "
                                      "them first")
    for step in todo:
        uow.update(plan_step, step["id"], {"status": "DROPPED"})
    return uow.update(plan_objective, objective_id, {"status": status})


def set_step_status(uow: UnitOfWork, *, step_id: str, status: Any) -> dict[str, Any]:
    """Mark a step done or dropped."""
    step = uow.get(plan_step, step_id, field="step_id")
    objective = uow.get(plan_objective, step["plan_objective_id"])
    _active(uow, objective["sentence_plan_id"], field="step_id")
    _transition(STEP_NEXT, step["status"], status)
    return uow.update(plan_step, step_id, {"status": status})


def record_review(uow: UnitOfWork, *, plan_id: str, reviewed_on: Any, summary: Any,
                  next_review_on: Any, reviewer: Any = None) -> dict[str, Any]:
    """Record a review of an active plan and when the next one is due."""
    plan = _active(uow, plan_id)
    when = checks.date(reviewed_on, "reviewed_on")
    checks.not_future(when, uow.now, "reviewed_on")
    checks.not_before(when, plan["started_on"], "reviewed_on", "the plan's start")
    last = _last_review(uow, plan_id)
    if last is not None:
        checks.not_before(when, last["reviewed_on"], "reviewed_on", "the last review")
    text = checks.text(summary, "summary", max_len=4000)
    nxt = checks.date(next_review_on, "next_review_on")
    if nxt <= when:
        raise ValidationError("next_review_on", "must be after reviewed_on")
    who = checks.text(reviewer if reviewer is not None else uow.actor.username, "reviewer",
                      max_len=80)
    row = uow.insert(plan_review, dict(sentence_plan_id=plan_id, person_id=plan["person_id"],
                                       reviewed_on=when, reviewer=who, summary=text,
                                       next_review_on=nxt))
    uow.update(sentence_plan, plan_id, {"next_review_on": nxt})
    return row


def close_plan(uow: UnitOfWork, *, plan_id: str, reason: Any,
               closed_on: Any = None) -> dict[str, Any]:
    """Close an active plan; a final review records the reason."""
    plan = _active(uow, plan_id)
    why = checks.text(reason, "reason", max_len=4000)
    when = checks.date(closed_on, "closed_on", required=False) or uow.now.date()
    checks.not_future(when, uow.now, "closed_on")
    checks.not_before(when, plan["started_on"], "closed_on", "the plan's start")
    last = _last_review(uow, plan_id)
    if last is not None:
        checks.not_before(when, last["reviewed_on"], "closed_on", "the last review")
    uow.insert(plan_review, dict(sentence_plan_id=plan_id, person_id=plan["person_id"],
                                 reviewed_on=when, reviewer=uow.actor.username,
                                 summary=f"Plan closed: {why}", next_review_on=None))
    return uow.update(sentence_plan, plan_id, {"status": "CLOSED", "next_review_on": None})


def active_plan(uow: UnitOfWork, *, person_id: str) -> dict[str, Any] | None:
    """The person's ACTIVE plan, if any."""
    rows = uow.rows(select(sentence_plan).where(
        sentence_plan.c.person_id == person_id, sentence_plan.c.status == "ACTIVE",
        sentence_plan.c.voided_at.is_(None)))
    return rows[0] if rows else None


def plan_detail(uow: UnitOfWork, *, plan_id: str) -> PlanDetail:
    """A plan with its objectives, their steps and its reviews."""
    plan = uow.get(sentence_plan, plan_id, field="plan_id")
    objectives = uow.rows(select(plan_objective).where(
        plan_objective.c.sentence_plan_id == plan_id, plan_objective.c.voided_at.is_(None))
        .order_by(plan_objective.c.created_at, plan_objective.c.id))
    reviews = uow.rows(select(plan_review).where(
        plan_review.c.sentence_plan_id == plan_id, plan_review.c.voided_at.is_(None))
        .order_by(plan_review.c.reviewed_on, plan_review.c.created_at, plan_review.c.id))
    return PlanDetail(plan, objectives, _steps(uow, [o["id"] for o in objectives]), reviews)


def _may_plan(uow: UnitOfWork) -> None:
    # A role that may not read plans (data class "plans") may not change them.
    if not may_read(uow.actor.roles, "plans"):
        raise RuleViolation("sentence_plan", "your role may not change sentence plans")


def _active(uow: UnitOfWork, plan_id: str, field: str = "plan_id") -> dict[str, Any]:
    """The plan, which must be ACTIVE; every change to a plan passes through here."""
    _may_plan(uow)
    plan = uow.get(sentence_plan, plan_id, field=field)
    if plan["status"] != "ACTIVE":
        raise RuleViolation(field, "this sentence plan is closed")
    return plan


def _transition(allowed: dict[str, tuple[str, ...]], current: str, new: Any) -> None:
    known = set(allowed) | {s for nxt in allowed.values() for s in nxt}
    if new not in known:
        raise ValidationError("status", f"{new!r} is not a status (one of: "
                                        f"{', '.join(sorted(known))})")
    if new not in allowed.get(current, ()):
        raise RuleViolation("status", f"cannot go from {current} to {new}")


def _steps(uow: UnitOfWork, objective_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    if not objective_ids:
        return out
    for s in uow.rows(select(plan_step).where(plan_step.c.plan_objective_id.in_(objective_ids),
                                              plan_step.c.voided_at.is_(None))
                      .order_by(plan_step.c.created_at, plan_step.c.id)):
        out.setdefault(s["plan_objective_id"], []).append(s)
    return out


def _last_review(uow: UnitOfWork, plan_id: str) -> dict[str, Any] | None:
    rows = uow.rows(select(plan_review).where(
        plan_review.c.sentence_plan_id == plan_id, plan_review.c.voided_at.is_(None))
        .order_by(plan_review.c.reviewed_on.desc(), plan_review.c.created_at.desc()).limit(1))
    return rows[0] if rows else None
