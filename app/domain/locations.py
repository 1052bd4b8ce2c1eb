"""Facilities and the location tree: facility > unit/wing > landing > cell.

Each level is a `location_kind` code whose `level` attribute fixes where it
sits in the tree; a child is always exactly one level below its parent, so
"the landing of this cell" is a plain walk up the tree and non-association
levels (`keep_apart`, which carry the same numbers) compare like with like.
Kinds with `houses_people` (cells) are the only places a person is housed.

Capacities follow the usual three figures: certified normal accommodation
(what the cell was built for), operational capacity (what it may hold in
normal running) and maximum capacity (the hard limit). Housing a person over
the operational capacity needs an override; over the maximum is refused
(see app.domain.housing_checks).

Occupancy counts people whose custody episode is ACTIVE or OUT: someone at
court or on temporary licence keeps their bed, so they still count against
the cell and appear on the unit roll as "out".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import custody_episode, facility, location, person
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork

IN_CUSTODY = ("ACTIVE", "OUT")
"""Custody episode statuses of a person who holds a location (see app.domain.custody)."""

_FACILITY_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,39}$")


@dataclass(frozen=True)
class NewFacility:
    """A created facility: its `facility` row and the root of its location tree."""

    facility: dict[str, Any]
    location: dict[str, Any]


@dataclass(frozen=True)
class RollLine:
    """One unit's line of the roll."""

    location_id: str
    code: str
    name: str
    in_cell: int  # people physically in the unit
    out: int  # people of the unit out at court or on temporary absence
    certified_capacity: int
    operational_capacity: int
    max_capacity: int

    @property
    def total(self) -> int:
        return self.in_cell + self.out


# -- facilities -------------------------------------------------------------------

def create_facility(uow: UnitOfWork, *, code: Any, name: Any,
                    default_incentive_level: Any = "STD") -> NewFacility:
    """Record a facility and the FACILITY location at the root of its tree."""
    code = checks.text(code, "code", max_len=40).upper()
    if not _FACILITY_CODE.match(code):
        raise ValidationError("code", "use 2-40 letters, digits, '-' or '_'")
    name = checks.text(name, "name")
    uow.codes.require("incentive_level", default_incentive_level, "default_incentive_level")
    if uow.scalar(select(facility.c.id).where(facility.c.code == code)) is not None:
        raise RuleViolation("code", f"facility {code} already exists")
    root_kind = _root_kind(uow)
    # Both rows belong to the new facility, whoever creates them.
    row = uow.insert(facility, dict(code=code, name=name, facility=code,
                                    default_incentive_level=default_incentive_level))
    root = uow.insert(location, dict(code=code, name=name, kind=root_kind, facility=code,
                                     active=True))
    return NewFacility(row, root)


def get_facility(uow: UnitOfWork, code: Any, field: str = "facility") -> dict[str, Any]:
    """The facility row with `code`, or a ValidationError on `field`."""
    code = checks.text(code, field, max_len=40)
    row = uow.rows(select(facility).where(facility.c.code == code.upper(),
                                          facility.c.voided_at.is_(None)))
    if not row:
        raise ValidationError(field, f"no facility with code {code!r}")
    return row[0]


def facility_root(uow: UnitOfWork, code: str) -> dict[str, Any]:
    """The FACILITY location at the root of facility `code`'s tree."""
    rows = uow.rows(select(location).where(
        location.c.facility == code, location.c.parent_id.is_(None),
        location.c.voided_at.is_(None)))
    if not rows:
        raise ValidationError("facility", f"facility {code!r} has no location tree")
    return rows[0]


def set_default_incentive_level(uow: UnitOfWork, *, code: Any, level: Any) -> dict[str, Any]:
    """Change the incentive level given to new arrivals at a facility."""
    row = get_facility(uow, code, "code")
    uow.codes.require("incentive_level", level, "level")
    return uow.update(facility, row["id"], {"default_incentive_level": level})


# -- the tree ---------------------------------------------------------------------

def create_location(uow: UnitOfWork, *, parent_id: Any, code: Any, name: Any, kind: Any,
                    certified_capacity: Any = None, operational_capacity: Any = None,
                    max_capacity: Any = None) -> dict[str, Any]:
    """Add a unit, landing, cell or room under `parent_id`.

    The kind must sit exactly one level below the parent's kind. Kinds that
    house people need an operational and a maximum capacity.
    """
    if not parent_id:
        raise ValidationError("parent_id", "is required (facilities are created with create_facility)")
    parent = uow.get(location, parent_id, field="parent_id")
    kind_code = uow.codes.require("location_kind", kind, "kind")
    parent_level = _level(uow, parent["kind"])
    level = kind_code.attributes.get("level")
    if level != parent_level + 1:
        raise ValidationError("kind", f"a {kind} cannot be placed directly under a {parent['kind']}")
    if not parent["active"]:
        raise RuleViolation("parent_id", f"{parent['code']} is deactivated")
    code = checks.text(code, "code", max_len=80).upper()
    name = checks.text(name, "name")
    caps = _capacities(certified_capacity, operational_capacity, max_capacity,
                       required=bool(kind_code.attributes.get("houses_people")))
    taken = uow.scalar(select(location.c.id).where(
        location.c.facility == parent["facility"], location.c.code == code))
    if taken is not None:
        raise RuleViolation("code", f"{code} is already a location of {parent['facility']}")
    return uow.insert(location, dict(parent_id=parent["id"], code=code, name=name, kind=kind,
                                     facility=parent["facility"], active=True, **caps))


def set_capacity(uow: UnitOfWork, *, location_id: Any, certified_capacity: Any = None,
                 operational_capacity: Any = None, max_capacity: Any = None) -> dict[str, Any]:
    """Change a location's capacities; the maximum cannot drop below who is housed there."""
    loc = uow.get(location, location_id, field="location_id")
    houses = bool(uow.codes.require("location_kind", loc["kind"], "kind")
                  .attributes.get("houses_people"))
    caps = _capacities(certified_capacity, operational_capacity, max_capacity, required=houses)
    held = occupancy_count(uow, location_id=loc["id"])
    if caps["max_capacity"] is not None and held > caps["max_capacity"]:
        raise RuleViolation("max_capacity",
                            f"{_people(held)} housed in {loc['code']}; move them first")
    return uow.update(location, loc["id"], caps)


def deactivate_location(uow: UnitOfWork, *, location_id: Any, reason: Any,
                        planned_reactivation: Any = None) -> dict[str, Any]:
    """Take a location out of use, with a reason and an optional planned reactivation date.

    Refused while anyone is housed in it or below it, and for a facility root.
    """
    loc = uow.get(location, location_id, field="location_id")
    why = checks.text(reason, "reason", max_len=500)
    when = checks.date(planned_reactivation, "planned_reactivation", required=False)
    if when is not None and when < uow.now.date():
        raise ValidationError("planned_reactivation", "cannot be in the past")
    if loc["parent_id"] is None:
        raise RuleViolation("location_id", "a facility cannot be deactivated")
    if not loc["active"]:
        raise RuleViolation("location_id", f"{loc['code']} is already deactivated")
    held = occupancy_count(uow, location_id=loc["id"])
    if held:
        raise RuleViolation("location_id",
                            f"{_people(held)} housed in {loc['code']}; move them first")
    return uow.update(location, loc["id"], {"active": False, "deactivation_reason": why,
                                            "planned_reactivation": when})


def reactivate_location(uow: UnitOfWork, *, location_id: Any) -> dict[str, Any]:
    """Bring a deactivated location back into use (its parent must be in use)."""
    loc = uow.get(location, location_id, field="location_id")
    if loc["active"]:
        raise RuleViolation("location_id", f"{loc['code']} is not deactivated")
    parent = uow.get(location, loc["parent_id"]) if loc["parent_id"] else None
    if parent is not None and not parent["active"]:
        raise RuleViolation("location_id", f"its parent {parent['code']} is deactivated; "
                                           "reactivate that first")
    return uow.update(location, loc["id"], {"active": True, "deactivation_reason": None,
                                            "planned_reactivation": None})


def ancestry(uow: UnitOfWork, location_id: str) -> list[dict[str, Any]]:
    """The location and its ancestors, from the location up to the facility root."""
    up = select(location.c.id, location.c.parent_id, literal(0).label("depth")).where(
        location.c.id == location_id).cte("up", recursive=True)
    up = up.union_all(select(location.c.id, location.c.parent_id, (up.c.depth + 1))
                      .where(location.c.id == up.c.parent_id))
    return uow.rows(select(location).join(up, up.c.id == location.c.id).order_by(up.c.depth))


def first_inactive(chain: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first deactivated location of an `ancestry` chain, or None if all are in use."""
    return next((loc for loc in chain if not loc["active"]), None)


def at_level(uow: UnitOfWork, chain: list[dict[str, Any]], level: int) -> str | None:
    """The id of the location of an `ancestry` chain at tree `level` (0 = facility)."""
    for loc in chain:
        if _level(uow, loc["kind"]) == level:
            return loc["id"]
    return None


def subtree_ids(location_id: str, *, in_use_only: bool = False):
    """A CTE of the ids of a location and everything below it.

    With `in_use_only`, the walk stops at deactivated locations, so nothing
    under a closed landing or wing is included.
    """
    down = select(location.c.id).where(location.c.id == location_id).cte("down", recursive=True)
    below = select(location.c.id).where(location.c.parent_id == down.c.id,
                                        location.c.voided_at.is_(None))
    if in_use_only:
        below = below.where(location.c.active.is_(True))
    return down.union_all(below)


def children(uow: UnitOfWork, *, location_id: str, include_inactive: bool = True) -> list[dict[str, Any]]:
    """The locations directly under `location_id`, by code."""
    stmt = select(location).where(location.c.parent_id == location_id,
                                  location.c.voided_at.is_(None)).order_by(location.c.code)
    if not include_inactive:
        stmt = stmt.where(location.c.active.is_(True))
    return uow.rows(stmt)


# -- occupancy --------------------------------------------------------------------

def occupancy_count(uow: UnitOfWork, *, location_id: str) -> int:
    """How many people in custody hold a place in the location or below it."""
    down = subtree_ids(location_id)
    return uow.scalar(select(func.count()).select_from(custody_episode).where(
        custody_episode.c.location_id.in_(select(down.c.id)),
        custody_episode.c.status.in_(IN_CUSTODY), custody_episode.c.voided_at.is_(None)))


def occupants(uow: UnitOfWork, *, location_id: Any) -> list[dict[str, Any]]:
    """Who is in the location and below it: one row per person, by location then name.

    Each row has person_id, custody_episode_id, booking_number, first_name,
    last_name, location_id, location_code, status (ACTIVE, or OUT at court
    or on temporary absence) and out_reason.
    """
    uow.get(location, location_id, field="location_id")
    down = subtree_ids(location_id)
    return uow.rows(
        select(custody_episode.c.person_id, custody_episode.c.id.label("custody_episode_id"),
               custody_episode.c.booking_number, person.c.first_name, person.c.last_name,
               custody_episode.c.location_id, location.c.code.label("location_code"),
               custody_episode.c.status, custody_episode.c.out_reason)
        .join(person, person.c.id == custody_episode.c.person_id)
        .join(location, location.c.id == custody_episode.c.location_id)
        .where(custody_episode.c.location_id.in_(select(down.c.id)),
               custody_episode.c.status.in_(IN_CUSTODY), custody_episode.c.voided_at.is_(None))
        .order_by(location.c.code, person.c.last_name, person.c.first_name))


def out_of_facility(uow: UnitOfWork, *, facility_code: Any) -> list[dict[str, Any]]:
    """People of a facility who are out at court or on temporary absence (rows as `occupants`)."""
    root = facility_root(uow, get_facility(uow, facility_code, "facility_code")["code"])
    return [r for r in occupants(uow, location_id=root["id"]) if r["status"] == "OUT"]


def unit_roll(uow: UnitOfWork, *, facility_code: Any) -> list[RollLine]:
    """The roll: for each unit of a facility, who is in, who is out, and its capacity.

    Capacities are summed over the unit's cells that are in use (the cell and
    everything above it active), because a deactivated cell holds nobody.
    """
    root = facility_root(uow, get_facility(uow, facility_code, "facility_code")["code"])
    lines = []
    for unit in children(uow, location_id=root["id"]):
        down = subtree_ids(unit["id"])
        counts = {r["status"]: r["n"] for r in uow.rows(
            select(custody_episode.c.status, func.count().label("n"))
            .where(custody_episode.c.location_id.in_(select(down.c.id)),
                   custody_episode.c.status.in_(IN_CUSTODY),
                   custody_episode.c.voided_at.is_(None))
            .group_by(custody_episode.c.status))}
        usable = subtree_ids(unit["id"], in_use_only=True)
        cells = uow.rows(select(
            func.coalesce(func.sum(location.c.certified_capacity), 0).label("cert"),
            func.coalesce(func.sum(location.c.operational_capacity), 0).label("op"),
            func.coalesce(func.sum(location.c.max_capacity), 0).label("max"))
            .where(location.c.id.in_(select(usable.c.id)), location.c.id != unit["id"],
                   location.c.active.is_(True), location.c.voided_at.is_(None),
                   location.c.kind.in_(_housing_kinds(uow))))[0]
        lines.append(RollLine(unit["id"], unit["code"], unit["name"],
                              counts.get("ACTIVE", 0), counts.get("OUT", 0),
                              cells["cert"], cells["op"], cells["max"]))
    return lines


# -- helpers ------------------------------------------------------------------------

def houses_people(uow: UnitOfWork, kind: str) -> bool:
    """Whether locations of `kind` house people (cells)."""
    code = uow.codes.get("location_kind", kind)
    return bool(code and code.attributes.get("houses_people"))


def _people(n: int) -> str:
    return "1 person is" if n == 1 else f"{n} people are"


def _housing_kinds(uow: UnitOfWork) -> list[str]:
    return [c for c, v in uow.codes.domain("location_kind").items()
            if v.attributes.get("houses_people")]


def _root_kind(uow: UnitOfWork) -> str:
    for code, value in uow.codes.domain("location_kind").items():
        if value.active and value.attributes.get("level") == 0:
            return code
    raise ValidationError("location_kind", "the reference data has no level-0 kind")


def _level(uow: UnitOfWork, kind: str) -> int:
    code = uow.codes.get("location_kind", kind)
    if code is None or not isinstance(code.attributes.get("level"), int):
        raise ValidationError("kind", f"location kind {kind!r} has no level")
    return code.attributes["level"]


def _capacities(certified: Any, operational: Any, maximum: Any, *, required: bool) -> dict[str, Any]:
    cert = checks.integer(certified, "certified_capacity", minimum=0, required=False)
    op = checks.integer(operational, "operational_capacity", minimum=0, required=required)
    mx = checks.integer(maximum, "max_capacity", minimum=1 if required else 0, required=required)
    if op is not None and mx is not None and op > mx:
        raise ValidationError("operational_capacity", "cannot exceed the maximum capacity")
    if cert is not None and mx is not None and cert > mx:
        raise ValidationError("certified_capacity", "cannot exceed the maximum capacity")
    if mx is None and (op is not None or cert is not None):
        raise ValidationError("max_capacity", "is required when other capacities are given")
    return {"certified_capacity": cert, "operational_capacity": op, "max_capacity": mx}
