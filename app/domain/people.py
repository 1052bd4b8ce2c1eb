"""People: intake of a new person, identifiers, aliases, duplicates, merges.

Duplicate people are the most common data defect in custody records, so
`create_person` looks for likely duplicates first and refuses to create one
while any exist, unless the officer states why the match is a different
person (`not_duplicate_reason`), which is recorded with the new record.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import person, person_alias, person_identifier
from app.domain import checks
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PossibleDuplicate:
    person_id: str
    name: str
    date_of_birth: dt.date
    why: str


class DuplicatePerson(RuleViolation):
    """Raised when intake finds people who may be the same person."""

    def __init__(self, matches: list[PossibleDuplicate]):
        self.matches = matches
        names = "; ".join(f"{m.name} ({m.date_of_birth}, {m.why})" for m in matches[:3])
        super().__init__("person", f"may already be recorded: {names}")


# Built once: building these statements (joins, lower(), a union) cost an intake more
# than running them (profiled at 100,000 people: 2.1 ms a check built each time,
# 0.8 ms prebuilt, of a 4-5 ms intake).
_LIVE = and_(person.c.voided_at.is_(None), person.c.merged_into_id.is_(None))
_FOUND = (person.c.id, person.c.first_name, person.c.last_name, person.c.date_of_birth)
_BY_IDENTIFIER = (
    select(*_FOUND)
    .join(person_identifier, person_identifier.c.person_id == person.c.id)
    .where(_LIVE, person_identifier.c.voided_at.is_(None),
           person_identifier.c.id_type == bindparam("id_type"),
           person_identifier.c.value == bindparam("value"))
)
# Both halves are driven by the date-of-birth index; names are compared
# case-insensitively only within the few people born that day.
_BY_NAME = select(*_FOUND).where(
    _LIVE, person.c.date_of_birth == bindparam("date_of_birth"),
    func.lower(person.c.last_name) == bindparam("last_name"),
    func.lower(person.c.first_name) == bindparam("first_name"),
).union(select(*_FOUND).join(person_alias, person_alias.c.person_id == person.c.id).where(
    _LIVE, person.c.date_of_birth == bindparam("date_of_birth"),
    person_alias.c.voided_at.is_(None),
    func.lower(person_alias.c.last_name) == bindparam("last_name"),
    func.lower(person_alias.c.first_name) == bindparam("first_name")))


def find_duplicates(uow: UnitOfWork, *, first_name: str, last_name: str,
                    date_of_birth: dt.date,
                    identifiers: list[tuple[str, str]] = ()) -> list[PossibleDuplicate]:
    """People already in the replica who may be the person being created."""
    found: dict[str, PossibleDuplicate] = {}
    for id_type, value in identifiers:
        # Identifier values are stored upper-case.
        for r in uow.rows(_BY_IDENTIFIER, {"id_type": id_type, "value": value.upper()}):
            found.setdefault(r["id"], PossibleDuplicate(
                r["id"], f"{r['first_name']} {r['last_name']}", r["date_of_birth"],
                f"same {id_type}"))
    names = {"date_of_birth": date_of_birth, "last_name": last_name.lower(),
             "first_name": first_name.lower()}
    for r in uow.rows(_BY_NAME, names):
        found.setdefault(r["id"], PossibleDuplicate(
            r["id"], f"{r['first_name']} {r['last_name']}", r["date_of_birth"],
            "same name and date of birth"))
    return list(found.values())


def create_person(uow: UnitOfWork, *, first_name: Any, last_name: Any, date_of_birth: Any,
                  sex: Any, middle_names: Any = None, gender: Any = None,
                  identifiers: list[tuple[str, str]] | None = None,
                  aliases: list[tuple[str, str]] | None = None,
                  not_duplicate_reason: str | None = None) -> dict[str, Any]:
    """Record a new person after checking the replica for duplicates."""
    first = checks.text(first_name, "first_name", max_len=100)
    last = checks.text(last_name, "last_name", max_len=100)
    middle = checks.text(middle_names, "middle_names", required=False)
    dob = checks.date(date_of_birth, "date_of_birth")
    checks.not_future(dob, uow.now, "date_of_birth")
    if dob.year < 1900:
        raise ValidationError("date_of_birth", "is before 1900")
    uow.codes.require("sex", sex, "sex")
    if gender is not None:
        uow.codes.require("gender", gender, "gender")
    idents = [_identifier(uow, t, v, f"identifiers[{i}]")
              for i, (t, v) in enumerate(identifiers or [])]
    alias_names = [(checks.text(f, f"aliases[{i}].first_name", max_len=100),
                    checks.text(l, f"aliases[{i}].last_name", max_len=100))
                   for i, (f, l) in enumerate(aliases or [])]
    matches = find_duplicates(uow, first_name=first, last_name=last,
                              date_of_birth=dob, identifiers=idents)
    reason = checks.text(not_duplicate_reason, "not_duplicate_reason", max_len=500,
                         required=False)
    if matches and not reason:
        raise DuplicatePerson(matches)
    row = uow.insert(person, dict(first_name=first, middle_names=middle, last_name=last,
                                  date_of_birth=dob, sex=sex, gender=gender))
    for id_type, value in idents:
        uow.insert(person_identifier, dict(person_id=row["id"], id_type=id_type, value=value))
    for a_first, a_last in alias_names:
        uow.insert(person_alias, dict(person_id=row["id"], first_name=a_first, last_name=a_last))
    if matches:
        uow.audit.append(at=uow.now, username=uow.actor.username,
                         device_id=uow.replica.device_id, action="NOT_DUPLICATE",
                         table_name="person", row_id=row["id"],
                         detail={"matches": [m.person_id for m in matches], "reason": reason})
    return row


def _identifier(uow: UnitOfWork, id_type: Any, value: Any, field: str) -> tuple[str, str]:
    uow.codes.require("identifier_type", id_type, f"{field}.id_type")
    text = checks.text(value, f"{field}.value", max_len=60)
    return id_type, text.upper()


def add_identifier(uow: UnitOfWork, person_id: str, id_type: Any, value: Any) -> dict[str, Any]:
    """Attach another identifier; refuses one already held by someone else."""
    uow.get(person, person_id, field="person_id")
    id_type, value = _identifier(uow, id_type, value, "identifier")
    holder = uow.scalar(select(person_identifier.c.person_id).where(
        person_identifier.c.voided_at.is_(None), person_identifier.c.id_type == id_type,
        person_identifier.c.value == value))
    if holder is not None:
        raise RuleViolation("identifier.value",
                            f"{id_type} {value} already belongs to person {holder}")
    return uow.insert(person_identifier, dict(person_id=person_id, id_type=id_type, value=value))


def add_alias(uow: UnitOfWork, person_id: str, first_name: Any, last_name: Any,
              date_of_birth: Any = None) -> dict[str, Any]:
    """Record another name the person is known by."""
    uow.get(person, person_id, field="person_id")
    return uow.insert(person_alias, dict(
        person_id=person_id,
        first_name=checks.text(first_name, "first_name", max_len=100),
        last_name=checks.text(last_name, "last_name", max_len=100),
        date_of_birth=checks.date(date_of_birth, "date_of_birth", required=False)))


def merge_people(uow: UnitOfWork, *, keep_id: str, duplicate_id: str, reason: Any) -> dict[str, Any]:
    """Merge a duplicate into the record kept: the duplicate points at it.

    Nothing is moved or deleted: every module follows `merged_into_id` when it
    reads a person, so history recorded under either record stays intact.
    """
    why = checks.text(reason, "reason", max_len=500)
    if keep_id == duplicate_id:
        raise ValidationError("duplicate_id", "cannot merge a person into themselves")
    keep = uow.get(person, keep_id, field="keep_id")
    dup = uow.get(person, duplicate_id, field="duplicate_id")
    if keep["merged_into_id"]:
        raise RuleViolation("keep_id", "this record was itself merged into another")
    if dup["merged_into_id"]:
        raise RuleViolation("duplicate_id", "this record is already merged")
    row = uow.update(person, duplicate_id, {"merged_into_id": keep_id})
    uow.audit.append(at=uow.now, username=uow.actor.username, device_id=uow.replica.device_id,
                     action="MERGE", table_name="person", row_id=duplicate_id,
                     detail={"into": keep_id, "reason": why})
    return row


def live_person(uow: UnitOfWork, person_id: Any, field: str = "person_id") -> dict[str, Any]:
    """The person `person_id`; refuses a missing id, an unknown or voided person, or a
    record merged into another (new records go on the record that was kept)."""
    if not person_id:
        raise ValidationError(field, "is required")
    row = uow.get(person, person_id, field=field)
    if row["merged_into_id"]:
        raise RuleViolation(field, f"this record was merged into {row['merged_into_id']}; "
                                   "record on that person")
    return row


def resolve(uow: UnitOfWork, person_id: str) -> str:
    """The id of the record that stands for `person_id` after any merges."""
    seen = set()
    while person_id not in seen:
        seen.add(person_id)
        nxt = uow.scalar(select(person.c.merged_into_id).where(person.c.id == person_id))
        if not nxt:
            return person_id
        person_id = nxt
    return person_id
