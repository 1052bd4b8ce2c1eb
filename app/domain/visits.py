"""Visits and contacts: a person's approved visitors, bans, and the visit log.

A visitor belongs to one person in custody and starts PENDING until
approved. A ban has a reason and an end date and applies to visits on any
day up to and including that date: a visit booked for after the ban ends is
allowed, because the approval that preceded the ban still stands. Only an
approved visitor can be banned (a pending one is simply not approved yet),
and banning cancels the visitor's booked visits that fall within the ban.

A visit may be booked for a time already past: an offline workstation, or
a clerk catching up after an outage, records visits that took place.
Booking checks the visitor, that the person is in custody at the user's
facility (custody.active_episode: in, or out at court since they may be back
in time), the times, and clashes with the person's other booked visits. A
non-association with someone who has a visit booked at an overlapping time
in the same facility is a warning: the booking goes ahead only with an
override reason, which is stored on the visit (`override_reason`) and
recorded in the audit log with the non-associations it overrode. A reason
given when nothing was overridden is not stored: there was nothing to explain.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import person, visit, visitor
from app.domain import checks, custody
from app.domain.non_associations import open_for
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

# Visitor and visit lifecycles (bookkeeping states, not reference data).
PENDING, APPROVED, BANNED = "PENDING", "APPROVED", "BANNED"
BOOKED, COMPLETED, CANCELLED, NO_SHOW = "BOOKED", "COMPLETED", "CANCELLED", "NO_SHOW"


@dataclass(frozen=True)
class VisitClash:
    """A non-associated person with a visit booked at an overlapping time."""

    non_association_id: str
    other_person_id: str
    other_visit_id: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class NonAssociationWarning(RuleViolation):
    """The visit would overlap a non-associated person's visit; needs an override reason."""

    def __init__(self, clashes: list[VisitClash]):
        self.clashes = clashes
        when = "; ".join(f"{c.starts_at:%Y-%m-%d %H:%M}–{c.ends_at:%H:%M}" for c in clashes[:3])
        super().__init__("override_reason", f"a non-associated person has a visit booked at "
                                            f"an overlapping time ({when}); give a reason "
                                            "to book anyway")


# -- visitors -----------------------------------------------------------------------

def add_visitor(uow: UnitOfWork, *, person_id: str, first_name: Any, last_name: Any,
                relationship: Any, date_of_birth: Any = None) -> dict[str, Any]:
    """Add a contact to a person's visitor list; they wait for approval (PENDING)."""
    live_person(uow, person_id)
    first = checks.text(first_name, "first_name", max_len=100)
    last = checks.text(last_name, "last_name", max_len=100)
    uow.codes.require("relationship", relationship, "relationship")
    dob = checks.date(date_of_birth, "date_of_birth", required=False)
    checks.not_future(dob, uow.now, "date_of_birth")
    return uow.insert(visitor, dict(person_id=person_id, first_name=first, last_name=last,
                                    date_of_birth=dob, relationship=relationship,
                                    status=PENDING))


def approve_visitor(uow: UnitOfWork, *, visitor_id: str) -> dict[str, Any]:
    """Approve a pending visitor."""
    row = uow.get(visitor, visitor_id, field="visitor_id")
    if row["status"] != PENDING:
        raise RuleViolation("visitor_id", f"only a pending visitor can be approved; this one "
                                          f"is {row['status']}")
    return uow.update(visitor, visitor_id, {"status": APPROVED})


def ban_visitor(uow: UnitOfWork, *, visitor_id: str, reason: Any, until: Any) -> dict[str, Any]:
    """Ban an approved visitor until a date (inclusive), or change a ban.

    Booked visits from now on that fall within the ban are cancelled; their
    ids are returned in `cancelled_visits`.
    """
    row = uow.get(visitor, visitor_id, field="visitor_id")
    if row["status"] not in (APPROVED, BANNED):
        raise RuleViolation("visitor_id", f"only an approved visitor can be banned; this one "
                                          f"is {row['status']}")
    why = checks.text(reason, "reason", max_len=1000)
    end = checks.date(until, "until")
    if end < uow.now.date():
        raise ValidationError("until", "cannot be in the past")
    updated = uow.update(visitor, visitor_id, dict(status=BANNED, ban_reason=why,
                                                   banned_until=end))
    cancelled = []
    for v in uow.rows(select(visit).where(
            visit.c.visitor_id == visitor_id, visit.c.status == BOOKED,
            visit.c.starts_at >= uow.now, visit.c.voided_at.is_(None))):
        if v["starts_at"].date() <= end:
            uow.update(visit, v["id"], dict(status=CANCELLED,
                                            outcome_comment=f"visitor banned: {why}"))
            cancelled.append(v["id"])
    return {**updated, "cancelled_visits": cancelled}


def lift_ban(uow: UnitOfWork, *, visitor_id: str, reason: Any) -> dict[str, Any]:
    """End a ban early; the visitor is approved again. The reason is audited."""
    row = uow.get(visitor, visitor_id, field="visitor_id")
    if row["status"] != BANNED:
        raise RuleViolation("visitor_id", f"this visitor is {row['status']}, not banned")
    why = checks.text(reason, "reason", max_len=1000)
    updated = uow.update(visitor, visitor_id, dict(status=APPROVED, ban_reason=None,
                                                   banned_until=None))
    uow.audit.append(at=uow.now, username=uow.actor.username, device_id=uow.replica.device_id,
                     action="LIFT_BAN", table_name="visitor", row_id=visitor_id,
                     detail={"reason": why, "ban_reason": row["ban_reason"],
                             "banned_until": row["banned_until"].isoformat()})
    return updated


def may_visit_on(row: dict[str, Any], day: dt.date) -> bool:
    """Whether a visitor row allows a visit on `day` (approved, not banned then)."""
    if row["status"] == APPROVED:
        return True
    return row["status"] == BANNED and row["banned_until"] is not None \
        and day > row["banned_until"]


def visitors_for(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """A person's visitors, by name."""
    return uow.rows(select(visitor).where(
        visitor.c.person_id == person_id, visitor.c.voided_at.is_(None))
        .order_by(visitor.c.last_name, visitor.c.first_name))


# -- visits -----------------------------------------------------------------------------

def book_visit(uow: UnitOfWork, *, person_id: str, visitor_id: str, starts_at: Any,
               ends_at: Any, visit_type: Any, override_reason: Any = None) -> dict[str, Any]:
    """Book a visit (status BOOKED) after checking every rule in the module docstring.

    Raises NonAssociationWarning (field `override_reason`) when a
    non-associated person has an overlapping visit in this facility.
    """
    uow.get(person, person_id, field="person_id")
    guest = uow.get(visitor, visitor_id, field="visitor_id")
    if guest["person_id"] != person_id:
        raise ValidationError("visitor_id", "is not on this person's visitor list")
    uow.codes.require("visit_type", visit_type, "visit_type")
    start = checks.timestamp(starts_at, "starts_at")
    end = checks.timestamp(ends_at, "ends_at")
    if end <= start:
        raise ValidationError("ends_at", "must be after starts_at")
    # A ban runs from now to its end date, so if the first day is clear, all are.
    if not may_visit_on(guest, start.date()):
        state = {BANNED: "banned", PENDING: "pending approval"}.get(guest["status"],
                                                                   guest["status"].lower())
        raise RuleViolation("visitor_id", f"the visitor is {state} on {start.date()}"
                            + (f" (banned until {guest['banned_until']})"
                               if guest["status"] == BANNED else ""))
    if not in_custody_here(uow, person_id):
        raise RuleViolation("person_id", f"is not in custody at {uow.actor.facility}")
    same_person = _overlapping(uow, [person_id], start, end)
    if same_person:
        v = same_person[0]
        raise RuleViolation("starts_at", f"overlaps a visit already booked from "
                                         f"{v['starts_at']:%Y-%m-%d %H:%M} to "
                                         f"{v['ends_at']:%H:%M}")
    why = checks.text(override_reason, "override_reason", max_len=1000, required=False)
    clashes = non_association_clashes(uow, person_id=person_id, starts_at=start, ends_at=end)
    if clashes and not why:
        raise NonAssociationWarning(clashes)
    row = uow.insert(visit, dict(person_id=person_id, visitor_id=visitor_id, starts_at=start,
                                 ends_at=end, visit_type=visit_type, status=BOOKED,
                                 override_reason=why if clashes else None))
    if clashes:
        uow.audit.append(at=uow.now, username=uow.actor.username,
                         device_id=uow.replica.device_id, action="OVERRIDE",
                         table_name="visit", row_id=row["id"],
                         detail={"reason": why, "non_associations":
                                 sorted({c.non_association_id for c in clashes})})
    return row


def non_association_clashes(uow: UnitOfWork, *, person_id: str, starts_at: dt.datetime,
                            ends_at: dt.datetime) -> list[VisitClash]:
    """Open non-associations of `person_id` whose other person has a visit booked
    in this facility at an overlapping time. Every keep-apart level counts,
    because a visits hall is shared by the whole facility."""
    found = []
    for na in open_for(uow, person_id):
        for v in _overlapping(uow, [na.other_person_id], starts_at, ends_at):
            found.append(VisitClash(na.id, na.other_person_id, v["id"], v["starts_at"],
                                    v["ends_at"]))
    return found


def complete_visit(uow: UnitOfWork, *, visit_id: str, comment: Any = None) -> dict[str, Any]:
    """Record that a booked visit took place."""
    return _finish(uow, visit_id, COMPLETED, checks.text(comment, "comment", max_len=1000,
                                                         required=False))


def no_show(uow: UnitOfWork, *, visit_id: str, comment: Any = None) -> dict[str, Any]:
    """Record that the visitor did not come."""
    return _finish(uow, visit_id, NO_SHOW, checks.text(comment, "comment", max_len=1000,
                                                       required=False))


def cancel_visit(uow: UnitOfWork, *, visit_id: str, reason: Any) -> dict[str, Any]:
    """Cancel a booked visit, with a reason."""
    row = _booked(uow, visit_id)
    why = checks.text(reason, "reason", max_len=1000)
    return uow.update(visit, row["id"], dict(status=CANCELLED, outcome_comment=why))


def visit_log(uow: UnitOfWork, *, person_id: str) -> list[dict[str, Any]]:
    """A person's visits, newest first, with the visitor's name and relationship."""
    uow.get(person, person_id, field="person_id")
    return uow.rows(
        select(visit, visitor.c.first_name.label("visitor_first_name"),
               visitor.c.last_name.label("visitor_last_name"), visitor.c.relationship)
        .join(visitor, visitor.c.id == visit.c.visitor_id)
        .where(visit.c.person_id == person_id, visit.c.voided_at.is_(None))
        .order_by(visit.c.starts_at.desc()))


def in_custody_here(uow: UnitOfWork, person_id: str) -> bool:
    """Whether the person is in custody (in or temporarily out) at the user's facility."""
    episode = custody.active_episode(uow, person_id)
    return episode is not None and episode["facility"] == uow.actor.facility


# -- internals ---------------------------------------------------------------------------

def _overlapping(uow: UnitOfWork, person_ids: list[str], start: dt.datetime,
                 end: dt.datetime) -> list[dict[str, Any]]:
    # Half-open intervals: a visit ending at 10:00 does not clash with one at 10:00.
    return uow.rows(select(visit).where(
        visit.c.person_id.in_(person_ids), visit.c.status == BOOKED,
        visit.c.voided_at.is_(None), visit.c.facility == uow.actor.facility,
        visit.c.starts_at < end, visit.c.ends_at > start))


def _booked(uow: UnitOfWork, visit_id: str) -> dict[str, Any]:
    row = uow.get(visit, visit_id, field="visit_id")
    if row["status"] != BOOKED:
        raise RuleViolation("visit_id", f"this visit is {row['status']}, not booked")
    return row


def _finish(uow: UnitOfWork, visit_id: str, status: str, comment: str | None) -> dict[str, Any]:
    row = _booked(uow, visit_id)
    if row["starts_at"] > uow.now:
        raise RuleViolation("visit_id", "this visit has not started yet")
    return uow.update(visit, visit_id, dict(status=status, outcome_comment=comment))
