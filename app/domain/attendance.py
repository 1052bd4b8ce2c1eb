"""Attendance: marking a session's register in one action.

Attendance is append-only (it feeds pay and can be disputed), so a mark is
never edited. A correction is a new row for the same session and person
that points at the mark it corrects (`supersedes_id`) and carries the reason
in `comment`; the earlier rows stay as history.

How the current mark is read, for a (session, person): the live mark that no
live mark supersedes. Devices' clocks disagree, so `created_at` never
decides between a mark and its correction. Two devices correcting the same
mark offline leave two such marks; the one at the end of the longer chain
of corrections stands, then the greater id, so every device agrees. Marks
recorded before corrections pointed at anything (no row of the pair has
`supersedes_id`) are read as before: the last by `created_at`, then `id`.
`mark_history` returns every row with the current mark last. Recording the
mark a person already has writes nothing, so re-saving a register does not
create noise.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import activity, activity_allocation, activity_session, attendance, person
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RegisterLine:
    person_id: str
    name: str
    expected: bool  # allocated on the session's date
    status: str | None  # current mark, None while unmarked
    absence_reason: str | None
    marked_by: str | None
    marked_at: dt.datetime | None
    corrections: int  # marks superseded by a later one


@dataclass(frozen=True)
class Register:
    session_id: str
    activity_name: str
    starts_at: dt.datetime
    cancelled: bool
    lines: list[RegisterLine]

    @property
    def unmarked(self) -> list[str]:
        return [line.person_id for line in self.lines if line.expected and line.status is None]


def record_attendance(uow: UnitOfWork, *, session_id: str, marks: Any,
                      correction_reason: Any = None) -> list[dict[str, Any]]:
    """Mark a session's register: `marks` = {person_id: status or (status, absence_reason)}.

    Only people allocated on the session's date may be marked, never for a
    cancelled or future session. Changing a mark already recorded is a
    correction and needs `correction_reason`. Returns the rows written.
    """
    session = _session(uow, session_id)
    if session["cancelled"]:
        raise RuleViolation("session_id", "this session was cancelled")
    if session["starts_at"] > uow.now:
        raise RuleViolation("session_id", "this session has not started yet")
    if not isinstance(marks, dict) or not marks:
        raise ValidationError("marks", "give at least one person's mark")
    why = checks.text(correction_reason, "correction_reason", max_len=500, required=False)
    expected = _expected(uow, session)
    current = _current(uow, session_id)
    parsed = []
    for person_id, mark in marks.items():
        field = f"marks[{person_id}]"
        status, reason = _parse(uow, mark, field)
        if person_id not in expected:
            raise RuleViolation(field, f"is not allocated to this activity on {_day(session)}")
        before = current.get(person_id)
        if before is not None and (before["status"], before["absence_reason"]) == (status, reason):
            continue  # already marked so: nothing to record
        if before is not None and not why:
            raise ValidationError("correction_reason",
                                  f"is required to change the mark of {person_id} "
                                  f"(currently {before['status']})")
        parsed.append((person_id, status, reason, why if before is not None else None,
                       before["id"] if before is not None else None))
    return [uow.insert(attendance, dict(activity_session_id=session_id, person_id=p, status=s,
                                        absence_reason=r, comment=c, supersedes_id=old))
            for p, s, r, c, old in parsed]


def register(uow: UnitOfWork, *, session_id: str) -> Register:
    """Who is expected at a session and how each person is currently marked."""
    session = _session(uow, session_id)
    expected = _expected(uow, session)
    rows = _marks(uow, session_id)
    current = _current(uow, session_id, rows)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["person_id"]] = counts.get(r["person_id"], 0) + 1
    ids = sorted(expected | set(current))
    names = {r["id"]: f"{r['last_name']}, {r['first_name']}" for r in uow.rows(
        select(person.c.id, person.c.first_name, person.c.last_name).where(person.c.id.in_(ids)))}
    lines = [RegisterLine(
        person_id=p, name=names.get(p, p), expected=p in expected,
        status=current[p]["status"] if p in current else None,
        absence_reason=current[p]["absence_reason"] if p in current else None,
        marked_by=current[p]["created_by"] if p in current else None,
        marked_at=current[p]["created_at"] if p in current else None,
        corrections=counts.get(p, 1) - 1) for p in ids]
    lines.sort(key=lambda line: (line.name.lower(), line.person_id))
    act = uow.get(activity, session["activity_id"])
    return Register(session_id, act["name"], session["starts_at"], session["cancelled"], lines)


def mark_history(uow: UnitOfWork, *, session_id: str, person_id: str) -> list[dict[str, Any]]:
    """Every mark recorded for a person at a session: corrections after what they
    correct, otherwise in the order recorded, and the current mark last."""
    rows = [r for r in _marks(uow, session_id) if r["person_id"] == person_id]
    if not rows:
        return []
    depth = _depths(rows)
    head = _head(rows, depth)
    rows.sort(key=lambda r: (r["id"] == head["id"], depth[r["id"]], r["created_at"], r["id"]))
    return rows


def _session(uow: UnitOfWork, session_id: str) -> dict[str, Any]:
    return uow.get(activity_session, session_id, field="session_id")


def _day(session: dict[str, Any]) -> dt.date:
    return session["starts_at"].astimezone(dt.timezone.utc).date()


def _expected(uow: UnitOfWork, session: dict[str, Any]) -> set[str]:
    """People allocated on the session's date, including allocations ended since."""
    day = _day(session)
    a = activity_allocation.c
    return {r["person_id"] for r in uow.rows(select(a.person_id).where(
        a.activity_id == session["activity_id"], a.voided_at.is_(None), a.start_date <= day,
        or_(a.end_date.is_(None), a.end_date >= day)))}


def _marks(uow: UnitOfWork, session_id: str) -> list[dict[str, Any]]:
    return uow.rows(select(attendance).where(
        attendance.c.activity_session_id == session_id, attendance.c.voided_at.is_(None))
        .order_by(attendance.c.created_at, attendance.c.id))


def _current(uow: UnitOfWork, session_id: str,
             rows: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """The current mark of each person marked at the session (see the module docstring)."""
    by_person: dict[str, list[dict[str, Any]]] = {}
    for r in _marks(uow, session_id) if rows is None else rows:
        by_person.setdefault(r["person_id"], []).append(r)
    return {p: _head(marks, _depths(marks)) for p, marks in by_person.items()}


def _depths(marks: list[dict[str, Any]]) -> dict[str, int]:
    """How many live corrections lead to each mark (0 for a first or an old-style mark)."""
    live = {r["id"]: r for r in marks}
    depth: dict[str, int] = {}
    for r in marks:
        seen, cur = set(), r
        while cur["supersedes_id"] in live and cur["id"] not in seen:  # guard against a cycle
            seen.add(cur["id"])
            cur = live[cur["supersedes_id"]]
        depth[r["id"]] = len(seen)
    return depth


def _head(marks: list[dict[str, Any]], depth: dict[str, int]) -> dict[str, Any]:
    """The current mark among one person's live marks at a session."""
    if not any(r["supersedes_id"] for r in marks):
        # Marks from before corrections pointed at anything: the old reading.
        return max(marks, key=lambda r: (r["created_at"], r["id"]))
    superseded = {r["supersedes_id"] for r in marks}
    heads = [r for r in marks if r["id"] not in superseded] or marks
    return max(heads, key=lambda r: (depth[r["id"]], r["id"]))


def _parse(uow: UnitOfWork, mark: Any, field: str) -> tuple[str, str | None]:
    if isinstance(mark, str):
        status, reason = mark, None
    elif isinstance(mark, (tuple, list)) and len(mark) == 2:
        status, reason = mark
    else:
        raise ValidationError(field, "must be a status or (status, absence reason)")
    code = uow.codes.require("attendance_status", status, f"{field}.status")
    if code.attributes.get("needs_reason"):
        uow.codes.require("absence_reason", reason, f"{field}.absence_reason")
    elif reason is not None:
        raise ValidationError(f"{field}.absence_reason", f"is only given when {status} needs one")
    return status, reason
