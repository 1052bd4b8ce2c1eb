"""Caseload: who is a person's key worker, case manager and offender manager.

Roles come from caseload_role.json. A person has at most one current
assignment per role: assigning someone new ends the previous assignment of
that role on the new one's start date. `to_date` is exclusive — an
assignment is current on day d when from_date <= d < to_date (or no
to_date) — so a handover on a date leaves neither a gap nor an overlap.

Key worker recommendation (DOMAIN.md): continuity with the person's
previous key worker first, then the lowest allocated/capacity ratio; staff
on leave are skipped until their reactivation date, and staff at capacity
are skipped. There is no staff table in the replica, so the caller passes
the candidate staff; current allocations are counted from the replica.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import func, or_, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import caseload_assignment, person
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

KEY_WORKER = "KEY_WORKER"
FALLBACK_CAPACITY = 9  # DOMAIN.md's default, used only if caseload_role.json gives none


@dataclass(frozen=True)
class StaffCandidate:
    """A member of staff who could take the person on."""

    username: str
    capacity: int | None = None  # None: the role's default capacity
    on_leave_until: dt.date | None = None  # the date they are back (reactivation date)


@dataclass(frozen=True)
class Recommendation:
    username: str | None  # None when nobody can take the person
    reason: str
    allocated: int = 0
    capacity: int = 0
    skipped: tuple[tuple[str, str], ...] = ()  # (username, why not)


def assign(uow: UnitOfWork, *, person_id: str, staff_username: Any, role: Any, from_date: Any,
           to_date: Any = None, reason: Any = None) -> dict[str, Any]:
    """Assign a member of staff to a person in a role, ending the previous one."""
    live_person(uow, person_id)
    staff = checks.text(staff_username, "staff_username", max_len=80)
    uow.codes.require("caseload_role", role, "role")
    start = checks.date(from_date, "from_date")
    end = checks.date(to_date, "to_date", required=False)
    if end is not None and end <= start:
        raise ValidationError("to_date", "must be after from_date")
    why = checks.text(reason, "reason", max_len=500, required=False)
    a = caseload_assignment.c
    open_ones = uow.rows(select(caseload_assignment).where(
        a.person_id == person_id, a.role == role, a.voided_at.is_(None),
        or_(a.to_date.is_(None), a.to_date > start)).order_by(a.from_date))
    for prev in open_ones:
        if prev["from_date"] > start:
            raise RuleViolation("from_date", f"{prev['staff_username']} is assigned from "
                                             f"{prev['from_date']}, after this date")
        if prev["staff_username"] == staff:
            raise RuleViolation("staff_username", f"is already this person's {_label(uow, role)}")
    for prev in open_ones:
        uow.update(caseload_assignment, prev["id"], {"to_date": start})
    return uow.insert(caseload_assignment, dict(
        person_id=person_id, staff_username=staff, role=role, from_date=start, to_date=end,
        reason=why))


def end_assignment(uow: UnitOfWork, *, assignment_id: str, to_date: Any) -> dict[str, Any]:
    """End an assignment on `to_date` (the first day it no longer applies)."""
    row = uow.get(caseload_assignment, assignment_id, field="assignment_id")
    end = checks.date(to_date, "to_date")
    if end <= row["from_date"]:
        raise ValidationError("to_date", "must be after from_date")
    if row["to_date"] is not None and row["to_date"] <= end:
        raise RuleViolation("assignment_id", f"this assignment already ended on {row['to_date']}")
    return uow.update(caseload_assignment, assignment_id, {"to_date": end})


def current_assignments(uow: UnitOfWork, *, person_id: str,
                        on: dt.date | None = None) -> dict[str, dict[str, Any]]:
    """A person's current assignment per role on a date (default today)."""
    day = on or uow.now.date()
    return {r["role"]: r for r in uow.rows(_current(day).where(
        caseload_assignment.c.person_id == person_id))}


def caseload_counts(uow: UnitOfWork, *, role: str,
                    on: dt.date | None = None) -> dict[str, int]:
    """How many people each member of staff holds in a role on a date."""
    day = on or uow.now.date()
    a = caseload_assignment.c
    stmt = (select(a.staff_username, func.count().label("held"))
            .where(*_current_where(day), a.role == role).group_by(a.staff_username))
    return {r["staff_username"]: r["held"] for r in uow.rows(stmt)}


def recommend_key_worker(uow: UnitOfWork, *, person_id: str,
                         candidates: Iterable[StaffCandidate],
                         on: dt.date | None = None) -> Recommendation:
    """Recommend a key worker for a person, stating why (see the module docstring)."""
    uow.get(person, person_id, field="person_id")
    day = on or uow.now.date()
    staff = _candidates(uow, candidates)
    counts = caseload_counts(uow, role=KEY_WORKER, on=day)
    skipped, available = [], []
    for c in staff:
        held = counts.get(c.username, 0)
        if c.on_leave_until is not None and c.on_leave_until > day:
            skipped.append((c.username, f"on leave until {c.on_leave_until}"))
        elif held >= c.capacity:
            skipped.append((c.username, f"at capacity ({held} of {c.capacity})"))
        else:
            available.append((c, held))
    a = caseload_assignment.c
    previous = uow.rows(select(a.staff_username, a.from_date).where(
        a.person_id == person_id, a.role == KEY_WORKER, a.voided_at.is_(None),
        a.from_date <= day).order_by(a.from_date.desc(), a.id.desc()))
    by_name = {c.username: (c, held) for c, held in available}
    for prev in previous:
        if prev["staff_username"] in by_name:
            c, held = by_name[prev["staff_username"]]
            return Recommendation(c.username, f"continuity: was this person's key worker from "
                                              f"{prev['from_date']}", held, c.capacity,
                                  tuple(skipped))
    if not available:
        return Recommendation(None, "no available key worker has capacity",
                              skipped=tuple(skipped))
    c, held = min(available, key=lambda ch: (ch[1] / ch[0].capacity, ch[1], ch[0].username))
    return Recommendation(c.username, f"lowest caseload: {held} of {c.capacity} "
                                      f"({held / c.capacity:.0%})", held, c.capacity,
                          tuple(skipped))


def _candidates(uow: UnitOfWork, candidates: Iterable[StaffCandidate]) -> list[StaffCandidate]:
    default = uow.codes.require("caseload_role", KEY_WORKER, "role").attributes.get(
        "capacity", FALLBACK_CAPACITY)
    out, seen = [], set()
    for i, c in enumerate(candidates):
        name = checks.text(c.username, f"candidates[{i}].username", max_len=80)
        if name in seen:
            raise ValidationError(f"candidates[{i}].username", f"{name} is listed twice")
        seen.add(name)
        cap = checks.integer(c.capacity if c.capacity is not None else default,
                             f"candidates[{i}].capacity", minimum=1, maximum=1000)
        leave = checks.date(c.on_leave_until, f"candidates[{i}].on_leave_until", required=False)
        out.append(StaffCandidate(name, cap, leave))
    if not out:
        raise ValidationError("candidates", "give at least one member of staff")
    return out


def _current_where(day: dt.date) -> tuple:
    a = caseload_assignment.c
    return (a.voided_at.is_(None), a.from_date <= day, or_(a.to_date.is_(None), a.to_date > day))


def _current(day: dt.date):
    return select(caseload_assignment).where(*_current_where(day))


def _label(uow: UnitOfWork, role: str) -> str:
    code = uow.codes.get("caseload_role", role)
    return code.label().lower() if code else role
