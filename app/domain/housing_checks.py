"""Checks before a person is placed in a cell: refusals and warnings.

Some placements can never happen and raise at once: a location that is not a
cell, one that is deactivated (itself or anything above it), or a cell
already at its maximum capacity. Others are allowed only with an explicit
override reason, which is recorded on the movement row:
  - the cell would be over its operational capacity;
  - someone the person has an open non-association with would share the
    cell, landing, wing or facility named by that non-association's
    `keep_apart` level.

`placement_warnings` lists the warnings without writing anything, so the UI
can show them before the officer confirms; `require_override` raises
`OverrideRequired` (carrying the warnings) when there are warnings and no
reason was given.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, location, person
from app.domain import checks, locations, non_associations
from app.storage.unit_of_work import UnitOfWork

CAPACITY = "CAPACITY"
NON_ASSOCIATION = "NON_ASSOCIATION"


@dataclass(frozen=True)
class HousingWarning:
    """Something an officer must knowingly override to make a placement."""

    kind: str  # CAPACITY or NON_ASSOCIATION
    message: str
    other_person_id: str | None = None
    non_association_id: str | None = None
    keep_apart: str | None = None


class OverrideRequired(RuleViolation):
    """A placement has warnings and no override reason was given.

    `warnings` holds them, for the UI to show; nothing was written.
    """

    def __init__(self, warnings: list[HousingWarning]):
        self.warnings = list(warnings)
        text = "; ".join(w.message for w in self.warnings)
        super().__init__("override_reason", f"an override reason is required: {text}")


def placement_warnings(uow: UnitOfWork, *, person_id: str, to_location_id: Any,
                       field: str = "to_location_id") -> list[HousingWarning]:
    """Warnings for placing `person_id` in `to_location_id`; raises what is refused.

    Reads only. The person's own current place is not counted against the
    cell, so the result is the same before and after a failed attempt.
    """
    if not to_location_id:
        raise ValidationError(field, "is required")
    cell = uow.get(location, to_location_id, field=field)
    if not locations.houses_people(uow, cell["kind"]):
        raise ValidationError(field, f"{cell['code']} is a {cell['kind'].lower()}, "
                                     "not a place where people are housed")
    chain = locations.ancestry(uow, cell["id"])
    closed = locations.first_inactive(chain)
    if closed is not None:
        reason = f" ({closed['deactivation_reason']})" if closed["deactivation_reason"] else ""
        raise RuleViolation(field, f"{closed['code']} is deactivated{reason}")
    warnings = []
    held = uow.scalar(select(func.count()).select_from(custody_episode).where(
        custody_episode.c.location_id == cell["id"],
        custody_episode.c.status.in_(locations.IN_CUSTODY),
        custody_episode.c.voided_at.is_(None),
        custody_episode.c.person_id != person_id))
    if cell["max_capacity"] is not None and held + 1 > cell["max_capacity"]:
        raise RuleViolation(field, f"{cell['code']} is full: {held} of a maximum "
                                   f"{cell['max_capacity']}")
    if cell["operational_capacity"] is not None and held + 1 > cell["operational_capacity"]:
        warnings.append(HousingWarning(
            CAPACITY, f"{cell['code']} would hold {held + 1}, over its operational "
                      f"capacity of {cell['operational_capacity']}"))
    warnings.extend(_non_association_warnings(uow, person_id, chain))
    return warnings


def require_override(warnings: list[HousingWarning], override_reason: Any) -> str | None:
    """The cleaned override reason; OverrideRequired if there are warnings and none was given."""
    reason = checks.text(override_reason, "override_reason", max_len=500, required=False)
    if warnings and not reason:
        raise OverrideRequired(warnings)
    return reason


def _non_association_warnings(uow: UnitOfWork, person_id: str,
                              chain: list[dict[str, Any]]) -> list[HousingWarning]:
    found = []
    for na in non_associations.open_for(uow, person_id):
        level_code = uow.codes.get("keep_apart", na.keep_apart)
        level = level_code.attributes.get("level") if level_code else None
        if not isinstance(level, int):
            # An unknown level cannot be judged, so it is shown rather than hidden.
            level = 0
        theirs = uow.rows(
            select(custody_episode.c.location_id, person.c.first_name, person.c.last_name)
            .join(person, person.c.id == custody_episode.c.person_id)
            .where(custody_episode.c.person_id == na.other_person_id,
                   custody_episode.c.status.in_(locations.IN_CUSTODY),
                   custody_episode.c.voided_at.is_(None),
                   custody_episode.c.location_id.is_not(None)))
        mine = locations.at_level(uow, chain, level)
        for other in theirs:
            other_chain = locations.ancestry(uow, other["location_id"])
            shared = locations.at_level(uow, other_chain, level)
            if mine is not None and shared == mine:
                where = next(loc["code"] for loc in chain if loc["id"] == mine)
                found.append(HousingWarning(
                    NON_ASSOCIATION,
                    f"non-association with {other['first_name']} {other['last_name']} "
                    f"({na.reason}): they must not share a {na.keep_apart.lower()}, "
                    f"and both would be in {where}",
                    other_person_id=na.other_person_id, non_association_id=na.id,
                    keep_apart=na.keep_apart))
    return found
