"""Activities and programmes: sessions, allocations and the waiting list.

An activity (a class, a work party, an accredited programme) has a capacity,
a pay band, start and end dates and scheduled sessions. People are allocated
to it for a period; an allocation is ACTIVE until it is ended with a reason.

Allocation rules, checked in this order so that a hard refusal always comes
before a warning the officer could override:
  1. not already allocated to the same activity;
  2. capacity: at no date in the new period may the allocations exceed the
     capacity; a full activity refuses and offers the waiting list;
  3. no schedule clash with sessions of the person's other active allocations;
  4. an open non-association with someone already allocated is a warning,
     which the officer may override only by giving a reason, stored on the
     allocation (`override_reason`) and audited with the non-associations.

The waiting list is served in priority order: referral need level (in the
order of need_level.json), then priority, then the date of the request.
Attendance lives in app.domain.attendance.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import (activity, activity_allocation, activity_session,
                             activity_waitlist, location, person)
from app.domain import checks
from app.domain.non_associations import open_for
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork


class ActivityFull(RuleViolation):
    """The activity has no free place for the period: offer the waiting list."""

    offers_waiting_list = True

    def __init__(self, name: str, capacity: int):
        super().__init__("activity_id", f"{name} is full ({capacity} of {capacity} places "
                                        "taken); add the person to the waiting list instead")


@dataclass(frozen=True)
class Clash:
    """A session of the other activity that overlaps `session_starts_at`."""

    activity_id: str
    activity_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    session_starts_at: dt.datetime  # the overlapping session of the activity being allocated


class ScheduleClash(RuleViolation):
    """Sessions of the activity overlap sessions of another active allocation."""

    def __init__(self, clashes: list[Clash]):
        self.clashes = clashes
        first = clashes[0]
        super().__init__("activity_id", (
            f"clashes with {first.activity_name} on {first.starts_at:%Y-%m-%d %H:%M}"
            f"–{first.ends_at:%H:%M} ({len(clashes)} clashing session(s))"))


class NonAssociationWarning(RuleViolation):
    """Someone already allocated has an open non-association with the person."""

    def __init__(self, conflicts: list[tuple[str, str]], names: dict[str, str]):
        self.conflicts = conflicts  # (other person id, non-association id)
        names = ", ".join(names.get(other, other) for other, _ in conflicts)
        super().__init__("override_reason", (
            f"open non-association with {names}, already allocated; "
            "give an override reason to allocate anyway"))


def create_activity(uow: UnitOfWork, *, code: Any, name: Any, category: Any, capacity: Any,
                    start_date: Any, end_date: Any = None, pay_band: Any = None,
                    programme_need: Any = None, location_id: str | None = None) -> dict[str, Any]:
    """Create an activity; its code is unique among the facility's live activities."""
    code_ = checks.text(code, "code", max_len=40).upper()
    name_ = checks.text(name, "name", max_len=200)
    uow.codes.require("activity_category", category, "category")
    cap = checks.integer(capacity, "capacity", minimum=1, maximum=10_000)
    start = checks.date(start_date, "start_date")
    end = checks.date(end_date, "end_date", required=False)
    checks.not_before(end, start, "end_date", "start_date")
    if pay_band is not None:
        uow.codes.require("pay_band", pay_band, "pay_band")
    if programme_need is not None:
        uow.codes.require("criminogenic_need", programme_need, "programme_need")
    if location_id is not None:
        uow.get(location, location_id, field="location_id")
    taken = uow.scalar(select(activity.c.id).where(
        activity.c.facility == uow.actor.facility, activity.c.code == code_,
        activity.c.voided_at.is_(None)))
    if taken:
        raise RuleViolation("code", f"activity code {code_} is already in use")
    return uow.insert(activity, dict(
        code=code_, name=name_, category=category, capacity=cap, start_date=start,
        end_date=end, pay_band=pay_band, programme_need=programme_need,
        location_id=location_id))


def schedule_session(uow: UnitOfWork, *, activity_id: str, starts_at: Any,
                     ends_at: Any) -> dict[str, Any]:
    """Add a session; it ends after it starts and falls within the activity's dates."""
    act = uow.get(activity, activity_id, field="activity_id")
    start = checks.timestamp(starts_at, "starts_at")
    end = checks.timestamp(ends_at, "ends_at")
    if end <= start:
        raise ValidationError("ends_at", "must be after starts_at")
    if _day(start) < act["start_date"]:
        raise ValidationError("starts_at", f"is before the activity starts ({act['start_date']})")
    if act["end_date"] and _day(end) > act["end_date"]:
        raise ValidationError("ends_at", f"is after the activity ends ({act['end_date']})")
    return uow.insert(activity_session, dict(activity_id=activity_id, starts_at=start,
                                             ends_at=end, cancelled=False))


def cancel_session(uow: UnitOfWork, *, session_id: str, reason: Any) -> dict[str, Any]:
    """Cancel a session with a reason; nobody can be marked for it afterwards."""
    why = checks.text(reason, "reason", max_len=500)
    session = uow.get(activity_session, session_id, field="session_id")
    if session["cancelled"]:
        raise RuleViolation("session_id", "this session is already cancelled")
    return uow.update(activity_session, session_id, {"cancelled": True, "cancel_reason": why})


def allocate(uow: UnitOfWork, *, activity_id: str, person_id: str, start_date: Any,
             end_date: Any = None, pay_band: Any = None,
             override_reason: Any = None) -> dict[str, Any]:
    """Allocate a person to an activity, enforcing the rules in the module docstring.

    If the person is waiting for this activity, their waiting-list entry
    becomes ALLOCATED in the same action.
    """
    act = uow.get(activity, activity_id, field="activity_id")
    live_person(uow, person_id)
    start = checks.date(start_date, "start_date")
    end = checks.date(end_date, "end_date", required=False)
    checks.not_before(end, start, "end_date", "start_date")
    if start < act["start_date"]:
        raise ValidationError("start_date", f"is before the activity starts ({act['start_date']})")
    if act["end_date"] and start > act["end_date"]:
        raise ValidationError("start_date", f"is after the activity ends ({act['end_date']})")
    if act["end_date"] and end and end > act["end_date"]:
        raise ValidationError("end_date", f"is after the activity ends ({act['end_date']})")
    if pay_band is not None:
        uow.codes.require("pay_band", pay_band, "pay_band")
    override = checks.text(override_reason, "override_reason", max_len=500, required=False)
    period = (start, end or act["end_date"])

    # Ended allocations still count for the days they were in force, so a
    # backdated allocation cannot overfill a past period.
    held = uow.rows(select(activity_allocation).where(
        activity_allocation.c.activity_id == activity_id,
        activity_allocation.c.voided_at.is_(None)))
    for a in held:
        if a["person_id"] == person_id and a["status"] == "ACTIVE":
            raise RuleViolation("person_id", "is already allocated to this activity")
        if a["person_id"] == person_id and _overlaps(_period(a, act), period):
            raise RuleViolation("start_date", f"overlaps the person's earlier allocation "
                                              f"(until {a['end_date']})")
    if _peak(held, period) >= act["capacity"]:
        raise ActivityFull(act["name"], act["capacity"])
    clashes = find_clashes(uow, person_id=person_id, activity_id=activity_id, period=period)
    if clashes:
        raise ScheduleClash(clashes)
    allocated = {a["person_id"] for a in held if _overlaps(_period(a, act), period)}
    conflicts = [(na.other_person_id, na.id) for na in open_for(uow, person_id)
                 if na.other_person_id in allocated]
    if conflicts and not override:
        others = [other for other, _ in conflicts]
        raise NonAssociationWarning(conflicts, {r["id"]: f"{r['first_name']} {r['last_name']}"
                                                for r in uow.rows(select(person).where(
                                                    person.c.id.in_(others)))})

    row = uow.insert(activity_allocation, dict(
        activity_id=activity_id, person_id=person_id, start_date=start, end_date=end,
        pay_band=pay_band or act["pay_band"], status="ACTIVE",
        override_reason=override if conflicts else None))
    if conflicts:
        uow.audit.append(at=uow.now, username=uow.actor.username,
                         device_id=uow.replica.device_id, action="OVERRIDE",
                         table_name=activity_allocation.name, row_id=row["id"],
                         detail={"rule": "non_association",
                                 "non_associations": [n for _, n in conflicts],
                                 "reason": override})
    for entry in uow.rows(select(activity_waitlist.c.id).where(
            activity_waitlist.c.activity_id == activity_id,
            activity_waitlist.c.person_id == person_id,
            activity_waitlist.c.status == "WAITING", activity_waitlist.c.voided_at.is_(None))):
        uow.update(activity_waitlist, entry["id"], {"status": "ALLOCATED"})
    return row


def end_allocation(uow: UnitOfWork, *, allocation_id: str, end_date: Any,
                   reason: Any) -> dict[str, Any]:
    """End an active allocation on `end_date` (its last day), with a reason."""
    why = checks.text(reason, "reason", max_len=500)
    when = checks.date(end_date, "end_date")
    alloc = uow.get(activity_allocation, allocation_id, field="allocation_id")
    if alloc["status"] != "ACTIVE":
        raise RuleViolation("allocation_id", "this allocation has already ended")
    checks.not_before(when, alloc["start_date"], "end_date", "the allocation's start date")
    if alloc["end_date"] and when > alloc["end_date"]:
        raise ValidationError("end_date", f"is after the planned end ({alloc['end_date']})")
    return uow.update(activity_allocation, allocation_id,
                      {"status": "ENDED", "end_date": when, "end_reason": why})


def free_places(uow: UnitOfWork, *, activity_id: str, start_date: Any,
                end_date: Any = None) -> int:
    """Places free throughout a period (at its busiest day), e.g. after an allocation ends."""
    act = uow.get(activity, activity_id, field="activity_id")
    start = checks.date(start_date, "start_date")
    end = checks.date(end_date, "end_date", required=False)
    checks.not_before(end, start, "end_date", "start_date")
    held = uow.rows(select(activity_allocation).where(
        activity_allocation.c.activity_id == activity_id,
        activity_allocation.c.voided_at.is_(None)))
    return max(act["capacity"] - _peak(held, (start, end or act["end_date"])), 0)


def active_allocations(uow: UnitOfWork, *, activity_id: str | None = None,
                       person_id: str | None = None) -> list[dict[str, Any]]:
    """ACTIVE allocations of an activity or of a person."""
    stmt = select(activity_allocation).where(activity_allocation.c.status == "ACTIVE",
                                             activity_allocation.c.voided_at.is_(None))
    if activity_id is not None:
        stmt = stmt.where(activity_allocation.c.activity_id == activity_id)
    if person_id is not None:
        stmt = stmt.where(activity_allocation.c.person_id == person_id)
    return uow.rows(stmt.order_by(activity_allocation.c.start_date, activity_allocation.c.id))


def find_clashes(uow: UnitOfWork, *, person_id: str, activity_id: str,
                 period: tuple[dt.date, dt.date | None]) -> list[Clash]:
    """Sessions of `activity_id` in `period` that overlap sessions of the
    person's other active allocations (only live, uncancelled sessions count)."""
    others = {a["activity_id"]: a for a in active_allocations(uow, person_id=person_id)
              if a["activity_id"] != activity_id}
    if not others:
        return []
    acts = {r["id"]: r for r in uow.rows(select(activity).where(activity.c.id.in_(others)))}
    mine, theirs = activity_session.alias("mine"), activity_session.alias("theirs")
    def live(s):
        return and_(s.c.cancelled.is_(False), s.c.voided_at.is_(None))

    rows = uow.rows(
        select(mine.c.starts_at, theirs.c.activity_id,
               theirs.c.starts_at.label("their_start"), theirs.c.ends_at.label("their_end"))
        .join(theirs, and_(mine.c.starts_at < theirs.c.ends_at,
                           theirs.c.starts_at < mine.c.ends_at))
        .where(mine.c.activity_id == activity_id, theirs.c.activity_id.in_(others),
               live(mine), live(theirs))
        .order_by(mine.c.starts_at))
    found = []
    for r in rows:
        other_period = _period(others[r["activity_id"]], acts[r["activity_id"]])
        if _within(_day(r["starts_at"]), period) and _within(_day(r["their_start"]), other_period):
            found.append(Clash(r["activity_id"], acts[r["activity_id"]]["name"],
                               r["their_start"], r["their_end"], r["starts_at"]))
    return found


# -- waiting list ----------------------------------------------------------------

def add_to_waitlist(uow: UnitOfWork, *, activity_id: str, person_id: str,
                    requested_on: Any = None, priority: Any = 0,
                    referral_need_level: Any = None) -> dict[str, Any]:
    """Put a person on an activity's waiting list.

    A programme (an activity with a programme need) needs the referral's need
    level (need_level.json), which orders the list.
    """
    act = uow.get(activity, activity_id, field="activity_id")
    live_person(uow, person_id)
    requested = checks.date(requested_on, "requested_on", required=False) or uow.now.date()
    checks.not_future(requested, uow.now, "requested_on")
    prio = checks.integer(priority, "priority", minimum=0, maximum=100)
    if referral_need_level is not None:
        uow.codes.require("need_level", referral_need_level, "referral_need_level")
    elif act["programme_need"]:
        raise ValidationError("referral_need_level", "is required for a programme referral")
    if any(a["person_id"] == person_id for a in active_allocations(uow, activity_id=activity_id)):
        raise RuleViolation("person_id", "is already allocated to this activity")
    if waitlist(uow, activity_id=activity_id, person_id=person_id):
        raise RuleViolation("person_id", "is already on this waiting list")
    return uow.insert(activity_waitlist, dict(
        activity_id=activity_id, person_id=person_id, requested_on=requested, priority=prio,
        status="WAITING", referral_need_level=referral_need_level))


def waitlist(uow: UnitOfWork, *, activity_id: str,
             person_id: str | None = None) -> list[dict[str, Any]]:
    """People WAITING for an activity, first in line first."""
    stmt = select(activity_waitlist).where(
        activity_waitlist.c.activity_id == activity_id,
        activity_waitlist.c.status == "WAITING", activity_waitlist.c.voided_at.is_(None))
    if person_id is not None:
        stmt = stmt.where(activity_waitlist.c.person_id == person_id)
    levels = list(uow.codes.domain("need_level"))  # file order: most needed first

    def order(w: dict[str, Any]) -> tuple:
        level = w["referral_need_level"]
        rank = levels.index(level) if level in levels else len(levels)
        return rank, -w["priority"], w["requested_on"], w["created_at"], w["id"]

    return sorted(uow.rows(stmt), key=order)


def allocate_from_waitlist(uow: UnitOfWork, *, activity_id: str, start_date: Any,
                           end_date: Any = None, override_reason: Any = None) -> dict[str, Any]:
    """Allocate the first person on the waiting list to a freed place.

    The same rules as `allocate` apply; if the first in line cannot take the
    place (a clash, a non-association), the error names them and the officer
    decides, rather than the list being silently reordered.
    """
    uow.get(activity, activity_id, field="activity_id")
    queue = waitlist(uow, activity_id=activity_id)
    if not queue:
        raise RuleViolation("activity_id", "nobody is waiting for this activity")
    return allocate(uow, activity_id=activity_id, person_id=queue[0]["person_id"],
                    start_date=start_date, end_date=end_date, override_reason=override_reason)


def withdraw_from_waitlist(uow: UnitOfWork, *, waitlist_id: str) -> dict[str, Any]:
    """Take a waiting person off the list."""
    entry = uow.get(activity_waitlist, waitlist_id, field="waitlist_id")
    if entry["status"] != "WAITING":
        raise RuleViolation("waitlist_id", f"this entry is {entry['status'].lower()}, not waiting")
    return uow.update(activity_waitlist, waitlist_id, {"status": "WITHDRAWN"})


# -- dates -------------------------------------------------------------------------

def _day(ts: dt.datetime) -> dt.date:
    """The date of a session (sessions are stored and compared in UTC)."""
    return ts.astimezone(dt.timezone.utc).date()


def _period(alloc: dict[str, Any], act: dict[str, Any]) -> tuple[dt.date, dt.date | None]:
    return alloc["start_date"], alloc["end_date"] or act["end_date"]


def _within(day: dt.date, period: tuple[dt.date, dt.date | None]) -> bool:
    return period[0] <= day and (period[1] is None or day <= period[1])


def _overlaps(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    return _within(a[0], b) or _within(b[0], a)


def _peak(allocs: list[dict[str, Any]], period: tuple[dt.date, dt.date | None]) -> int:
    """The most allocations in force on any one day of `period`.

    The count only rises where an allocation starts, so checking the start of
    the period and every start inside it finds the peak.
    """
    spans = [(a["start_date"], a["end_date"]) for a in allocs]
    days = [period[0]] + [s for s, _ in spans if _within(s, period)]
    return max((sum(1 for s in spans if _within(d, s)) for d in days), default=0)
