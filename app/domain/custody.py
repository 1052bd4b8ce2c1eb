"""Custody episodes (bookings): admission, legal status, release.

A person has at most one episode in custody at a time. While in custody the
episode's `location_id` is the one current location of the person (their
cell), so "exactly one current location" holds by construction; it stays
set while they are out at court or on temporary absence (status OUT), since
their bed is kept, and is cleared on release or transfer out.

Episode statuses are a lifecycle, not reference data:
  ACTIVE       in the facility
  OUT          at court or on temporary absence (`out_reason` holds CRT/TAP)
  RELEASED     released (REL movement)
  TRANSFERRED  transferred to another facility (TRN movement); the receiving
               facility admits them with reason TRANSFER_IN, on a new episode

Every change of place is also a `movement` row (append-only) written in the
same unit of work, via `record_movement`.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, facility, location, movement, person
from app.domain import checks, housing_checks, locations, people
from app.storage.unit_of_work import UnitOfWork

ACTIVE, OUT, RELEASED, TRANSFERRED = "ACTIVE", "OUT", "RELEASED", "TRANSFERRED"
IN_CUSTODY = locations.IN_CUSTODY

ADMISSION_TYPES = ("ADM", "TRN")
"""Movement types whose IN reasons start an episode."""

RELEASE_TYPE = "REL"

# DOMAIN.md, incentive levels: new arrivals are reviewed within 3 months,
# or 1 month if under 18.
NEW_ARRIVAL_REVIEW_MONTHS = 3
YOUNG_NEW_ARRIVAL_REVIEW_MONTHS = 1
ADULT_AGE = 18


# -- reading ---------------------------------------------------------------------

def active_episode(uow: UnitOfWork, person_id: str) -> dict[str, Any] | None:
    """The person's episode in custody (ACTIVE or OUT), if any."""
    rows = uow.rows(select(custody_episode).where(
        custody_episode.c.person_id == person_id,
        custody_episode.c.status.in_(IN_CUSTODY), custody_episode.c.voided_at.is_(None)))
    return rows[0] if rows else None


def episode_in_custody(uow: UnitOfWork, custody_episode_id: Any,
                       field: str = "custody_episode_id") -> dict[str, Any]:
    """The episode, refused with a RuleViolation on `field` unless the person is in custody."""
    if not custody_episode_id:
        raise ValidationError(field, "is required")
    ep = uow.get(custody_episode, custody_episode_id, field=field)
    if ep["status"] not in IN_CUSTODY:
        raise RuleViolation(field, f"booking {ep['booking_number']} is {ep['status'].lower()}, "
                                   "not in custody")
    return ep


def last_movement_at(uow: UnitOfWork, custody_episode_id: str) -> dt.datetime | None:
    """When the episode's latest movement happened."""
    return uow.scalar(select(func.max(movement.c.occurred_at)).where(
        movement.c.custody_episode_id == custody_episode_id, movement.c.voided_at.is_(None)))


def occurred(uow: UnitOfWork, value: Any, episode: dict[str, Any] | None,
             field: str = "occurred_at") -> dt.datetime:
    """A movement time: now by default, never in the future, never before the
    admission or the episode's previous movement (movements stay in order)."""
    when = checks.timestamp(value, field, required=False) or uow.now
    checks.not_future(when, uow.now, field)
    if episode is not None:
        checks.not_before(when, episode["admitted_at"], field, "the admission")
        checks.not_before(when, last_movement_at(uow, episode["id"]), field,
                          "the previous movement")
    return when


# -- writing ---------------------------------------------------------------------

def movement_reason(uow: UnitOfWork, reason: Any, movement_type: str, direction: str,
                    field: str = "reason"):
    """The movement_reason code `reason`, which must sit under `movement_type`
    and go in `direction` (IN, OUT or INTERNAL, from the code's attributes)."""
    code = uow.codes.require("movement_reason", reason, field, parent=movement_type)
    actual = code.attributes.get("direction")
    if actual != direction:
        raise ValidationError(field, f"{reason!r} goes {actual}, not {direction}")
    return code


def comment_text(value: Any) -> str | None:
    """An optional free-text comment on a movement."""
    return checks.text(value, "comment", max_len=1000, required=False)


def record_movement(uow: UnitOfWork, episode: dict[str, Any], *, movement_type: str,
                    reason: Any, occurred_at: dt.datetime, from_location_id: str | None,
                    to_location_id: str | None, to_facility: str | None = None,
                    override_reason: str | None = None, comment: str | None = None) -> dict[str, Any]:
    """Write the movement row of a change of place (reason and comment already validated)."""
    code = uow.codes.require("movement_reason", reason, "reason", parent=movement_type)
    return uow.insert(movement, dict(
        person_id=episode["person_id"], custody_episode_id=episode["id"],
        movement_type=movement_type, direction=code.attributes["direction"], reason=reason,
        from_location_id=from_location_id, to_location_id=to_location_id,
        to_facility=to_facility, occurred_at=occurred_at, override_reason=override_reason,
        comment=comment, facility=episode["facility"]))


def check_admission(uow: UnitOfWork, *, person_id: Any,
                    location_id: Any) -> list[housing_checks.HousingWarning]:
    """The housing warnings for admitting a person into a cell, without writing anything.

    Raises what admission would refuse outright: a person already in custody,
    a location that is not a cell, deactivated or full.
    """
    who = _admissible(uow, person_id)
    return housing_checks.placement_warnings(uow, person_id=who["id"],
                                             to_location_id=location_id, field="location_id")


def admit(uow: UnitOfWork, *, person_id: Any, booking_number: Any, legal_status: Any,
          location_id: Any, reason: Any = None, admitted_at: Any = None,
          override_reason: Any = None, comment: Any = None) -> dict[str, Any]:
    """Admit a person into custody: a new episode, its admission movement, a cell.

    `reason` defaults to NEW_ADMISSION, or READMISSION when the replica holds
    an earlier episode; TRANSFER_IN admits someone transferred from another
    facility. The incentive level is the facility's default and the first
    review is due within 3 months (1 month under 18). Housing warnings on the
    cell need `override_reason` (see app.domain.housing_checks).
    """
    who = _admissible(uow, person_id)
    note = comment_text(comment)
    booking = checks.text(booking_number, "booking_number", max_len=40).upper()
    uow.codes.require("legal_status", legal_status, "legal_status")
    earlier = uow.rows(select(custody_episode).where(
        custody_episode.c.person_id == who["id"], custody_episode.c.voided_at.is_(None))
        .order_by(custody_episode.c.admitted_at.desc()))
    if reason is None:
        reason = "READMISSION" if earlier else "NEW_ADMISSION"
    code = uow.codes.require("movement_reason", reason, "reason")
    if code.parent not in ADMISSION_TYPES or code.attributes.get("direction") != "IN":
        raise ValidationError("reason", f"{reason!r} is not an admission reason")
    if reason == "NEW_ADMISSION" and earlier:
        raise RuleViolation("reason", "this person has been in custody before; "
                                      "use READMISSION")
    if uow.scalar(select(custody_episode.c.id).where(
            custody_episode.c.booking_number == booking,
            custody_episode.c.voided_at.is_(None))) is not None:
        raise RuleViolation("booking_number", f"{booking} is already in use")
    when = checks.timestamp(admitted_at, "admitted_at", required=False) or uow.now
    checks.not_future(when, uow.now, "admitted_at")
    checks.not_before(when.date(), who["date_of_birth"], "admitted_at", "the date of birth")
    if earlier:
        checks.not_before(when, earlier[0]["released_at"], "admitted_at",
                          "the end of the previous episode")
    warnings = housing_checks.placement_warnings(uow, person_id=who["id"],
                                                 to_location_id=location_id,
                                                 field="location_id")
    override = housing_checks.require_override(warnings, override_reason)
    cell = uow.get(location, location_id)
    home = uow.rows(select(facility).where(facility.c.code == cell["facility"]))
    level = home[0]["default_incentive_level"] if home else None
    ep = uow.insert(custody_episode, dict(
        person_id=who["id"], booking_number=booking, legal_status=legal_status, status=ACTIVE,
        admitted_at=when, location_id=cell["id"], incentive_level=level,
        next_incentive_review=first_incentive_review(who["date_of_birth"], when.date()),
        facility=cell["facility"]))
    record_movement(uow, ep, movement_type=code.parent, reason=reason, occurred_at=when,
                    from_location_id=None, to_location_id=cell["id"],
                    override_reason=override, comment=note)
    return ep


def change_legal_status(uow: UnitOfWork, *, custody_episode_id: Any,
                        legal_status: Any) -> dict[str, Any]:
    """Record a new legal status (e.g. REMAND to SENTENCED) on an episode in custody."""
    ep = episode_in_custody(uow, custody_episode_id)
    uow.codes.require("legal_status", legal_status, "legal_status")
    if ep["legal_status"] == legal_status:
        raise RuleViolation("legal_status", f"is already {legal_status}")
    return uow.update(custody_episode, ep["id"], {"legal_status": legal_status})


def release(uow: UnitOfWork, *, custody_episode_id: Any, reason: Any,
            released_at: Any = None, comment: Any = None) -> dict[str, Any]:
    """Release a person: REL movement, episode RELEASED, their location cleared.

    Someone out at court can be released from there (bail, acquittal).
    """
    ep = episode_in_custody(uow, custody_episode_id)
    movement_reason(uow, reason, RELEASE_TYPE, "OUT")
    note = comment_text(comment)
    when = occurred(uow, released_at, ep, "released_at")
    record_movement(uow, ep, movement_type=RELEASE_TYPE, reason=reason, occurred_at=when,
                    from_location_id=ep["location_id"], to_location_id=None, comment=note)
    return uow.update(custody_episode, ep["id"], {
        "status": RELEASED, "released_at": when, "location_id": None, "out_reason": None})


def _admissible(uow: UnitOfWork, person_id: Any) -> dict[str, Any]:
    """The person to admit: they exist, are not a merged duplicate, and are not in custody."""
    if not person_id:
        raise ValidationError("person_id", "is required")
    who = uow.get(person, person_id, field="person_id")
    if who["merged_into_id"]:
        raise RuleViolation("person_id", f"this record was merged into "
                                         f"{people.resolve(uow, who['id'])}; admit that person")
    current = active_episode(uow, who["id"])
    if current is not None:
        raise RuleViolation("person_id", f"already in custody (booking {current['booking_number']})")
    return who


# -- dates -----------------------------------------------------------------------

def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Whole years, counted as a person's age is (not complete until the birthday)."""
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_incentive_review(date_of_birth: dt.date, admitted_on: dt.date) -> dt.date:
    """When a new arrival's first incentive review is due."""
    young = age_on(date_of_birth, admitted_on) < ADULT_AGE
    months = YOUNG_NEW_ARRIVAL_REVIEW_MONTHS if young else NEW_ARRIVAL_REVIEW_MONTHS
    return add_months(admitted_on, months)
