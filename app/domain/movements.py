"""Movements of a person in custody: cell moves, court, temporary absence, transfer.

Each function is one user action: it checks the episode's state and the
target, writes the append-only `movement` row and updates the episode's one
current location, all in the caller's unit of work.

Before a move the UI calls `check_move` (or `check_return`; for an
admission, app.domain.custody.check_admission), which read only, to show the
housing warnings; the move itself raises `OverrideRequired` (from
app.domain.housing_checks, re-exported here) when there are warnings and no
`override_reason`. Admission and release are in app.domain.custody.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, location, movement
from app.domain import custody, housing_checks, locations
from app.domain.housing_checks import HousingWarning, OverrideRequired
from app.storage.unit_of_work import UnitOfWork

__all__ = ["HousingWarning", "OverrideRequired", "check_move", "check_return", "move_within",
           "out_to_court", "temporary_absence", "return_to_facility", "transfer_out",
           "history"]

INTERNAL_TYPE = "INT"
COURT_TYPE = "CRT"
ABSENCE_TYPE = "TAP"
TRANSFER_TYPE = "TRN"


def check_move(uow: UnitOfWork, *, custody_episode_id: Any,
               to_location_id: Any) -> list[HousingWarning]:
    """The warnings for moving a person to a cell, without writing anything.

    Raises what would be refused outright (not in the facility, not a cell,
    deactivated, full, the same cell, another facility).
    """
    ep = _in_facility(uow, custody_episode_id)
    _same_facility_cell(uow, ep, to_location_id)
    return housing_checks.placement_warnings(uow, person_id=ep["person_id"],
                                             to_location_id=to_location_id)


def check_return(uow: UnitOfWork, *, custody_episode_id: Any,
                 to_location_id: Any = None) -> list[HousingWarning]:
    """The warnings for bringing back a person who is out, to their kept cell
    or to `to_location_id`, without writing anything."""
    ep = _out(uow, custody_episode_id)
    if to_location_id:
        _same_facility_cell(uow, ep, to_location_id, allow_same=True)
    return housing_checks.placement_warnings(uow, person_id=ep["person_id"],
                                             to_location_id=to_location_id or ep["location_id"])


def move_within(uow: UnitOfWork, *, custody_episode_id: Any, to_location_id: Any,
                reason: Any = "CELL_MOVE", occurred_at: Any = None,
                override_reason: Any = None, comment: Any = None) -> dict[str, Any]:
    """Move a person to another cell of their facility; returns the movement row."""
    ep = _in_facility(uow, custody_episode_id)
    custody.movement_reason(uow, reason, INTERNAL_TYPE, "INTERNAL")
    _same_facility_cell(uow, ep, to_location_id)
    when = custody.occurred(uow, occurred_at, ep)
    warnings = housing_checks.placement_warnings(uow, person_id=ep["person_id"],
                                                 to_location_id=to_location_id)
    override = housing_checks.require_override(warnings, override_reason)
    row = custody.record_movement(uow, ep, movement_type=INTERNAL_TYPE, reason=reason,
                                  occurred_at=when, from_location_id=ep["location_id"],
                                  to_location_id=to_location_id, override_reason=override,
                                  comment=custody.comment_text(comment))
    uow.update(custody_episode, ep["id"], {"location_id": to_location_id})
    return row


def out_to_court(uow: UnitOfWork, *, custody_episode_id: Any, reason: Any = "COURT_APPEARANCE",
                 occurred_at: Any = None, comment: Any = None) -> dict[str, Any]:
    """Send a person to court; they keep their cell and count on the roll as out."""
    return _go_out(uow, custody_episode_id, COURT_TYPE, reason, occurred_at, comment)


def temporary_absence(uow: UnitOfWork, *, custody_episode_id: Any,
                      reason: Any = "TEMPORARY_RELEASE", occurred_at: Any = None,
                      comment: Any = None) -> dict[str, Any]:
    """Let a person out on temporary absence (licence, hospital); they keep their cell."""
    return _go_out(uow, custody_episode_id, ABSENCE_TYPE, reason, occurred_at, comment)


def return_to_facility(uow: UnitOfWork, *, custody_episode_id: Any, reason: Any = None,
                       occurred_at: Any = None, to_location_id: Any = None,
                       override_reason: Any = None, comment: Any = None) -> dict[str, Any]:
    """Bring back a person who is out at court or on temporary absence.

    They return to their kept cell unless `to_location_id` names another, which
    is checked like any move. `reason` defaults to the return reason of the
    movement type that took them out (e.g. RETURN_FROM_COURT).
    """
    ep = _out(uow, custody_episode_id)
    out_type = ep["out_reason"]
    if reason is None:
        reason = next((c for c, v in uow.codes.domain("movement_reason").items()
                       if v.active and v.parent == out_type
                       and v.attributes.get("direction") == "IN"), None)
    custody.movement_reason(uow, reason, out_type, "IN")
    target = to_location_id or ep["location_id"]
    if to_location_id:
        _same_facility_cell(uow, ep, to_location_id, allow_same=True)
    when = custody.occurred(uow, occurred_at, ep)
    # The kept cell is checked too: it may have been deactivated meanwhile.
    warnings = housing_checks.placement_warnings(uow, person_id=ep["person_id"],
                                                 to_location_id=target)
    override = housing_checks.require_override(warnings, override_reason)
    row = custody.record_movement(uow, ep, movement_type=out_type, reason=reason,
                                  occurred_at=when, from_location_id=None,
                                  to_location_id=target, override_reason=override,
                                  comment=custody.comment_text(comment))
    uow.update(custody_episode, ep["id"], {"status": custody.ACTIVE, "out_reason": None,
                                           "location_id": target})
    return row


def transfer_out(uow: UnitOfWork, *, custody_episode_id: Any, to_facility: Any,
                 reason: Any = "TRANSFER_OUT", occurred_at: Any = None,
                 comment: Any = None) -> dict[str, Any]:
    """Transfer a person to another facility: TRN movement, episode TRANSFERRED.

    Their location here is cleared; the receiving facility admits them with
    reason TRANSFER_IN (app.domain.custody.admit).
    """
    ep = _in_facility(uow, custody_episode_id)
    custody.movement_reason(uow, reason, TRANSFER_TYPE, "OUT")
    target = locations.get_facility(uow, to_facility, "to_facility")
    if target["code"] == ep["facility"]:
        raise ValidationError("to_facility", "is the facility the person is already in")
    when = custody.occurred(uow, occurred_at, ep)
    row = custody.record_movement(uow, ep, movement_type=TRANSFER_TYPE, reason=reason,
                                  occurred_at=when, from_location_id=ep["location_id"],
                                  to_location_id=None, to_facility=target["code"],
                                  comment=custody.comment_text(comment))
    uow.update(custody_episode, ep["id"], {"status": custody.TRANSFERRED, "released_at": when,
                                           "location_id": None, "out_reason": None})
    return row


def history(uow: UnitOfWork, *, person_id: Any) -> list[dict[str, Any]]:
    """Every movement of a person, oldest first."""
    if not person_id:
        raise ValidationError("person_id", "is required")
    return uow.rows(select(movement).where(movement.c.person_id == person_id,
                                           movement.c.voided_at.is_(None))
                    .order_by(movement.c.occurred_at, movement.c.id))


# -- helpers ------------------------------------------------------------------------

def _in_facility(uow: UnitOfWork, custody_episode_id: Any) -> dict[str, Any]:
    ep = custody.episode_in_custody(uow, custody_episode_id)
    if ep["status"] != custody.ACTIVE:
        raise RuleViolation("custody_episode_id",
                            f"booking {ep['booking_number']} is out ({ep['out_reason']}); "
                            "record their return first")
    return ep


def _out(uow: UnitOfWork, custody_episode_id: Any) -> dict[str, Any]:
    ep = custody.episode_in_custody(uow, custody_episode_id)
    if ep["status"] != custody.OUT:
        raise RuleViolation("custody_episode_id", f"booking {ep['booking_number']} is not out")
    return ep


def _same_facility_cell(uow: UnitOfWork, ep: dict[str, Any], to_location_id: Any,
                        allow_same: bool = False) -> None:
    if not to_location_id:
        raise ValidationError("to_location_id", "is required")
    target = uow.get(location, to_location_id, field="to_location_id")
    if target["facility"] != ep["facility"]:
        raise ValidationError("to_location_id", f"{target['code']} is in {target['facility']}, "
                                                "not this facility; use a transfer")
    if not allow_same and target["id"] == ep["location_id"]:
        raise ValidationError("to_location_id", f"the person is already in {target['code']}")


def _go_out(uow: UnitOfWork, custody_episode_id: Any, movement_type: str, reason: Any,
            occurred_at: Any, comment: Any) -> dict[str, Any]:
    ep = _in_facility(uow, custody_episode_id)
    custody.movement_reason(uow, reason, movement_type, "OUT")
    when = custody.occurred(uow, occurred_at, ep)
    row = custody.record_movement(uow, ep, movement_type=movement_type, reason=reason,
                                  occurred_at=when, from_location_id=ep["location_id"],
                                  to_location_id=None, comment=custody.comment_text(comment))
    uow.update(custody_episode, ep["id"], {"status": custody.OUT, "out_reason": movement_type})
    return row
